package hostile

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"
)

// rlBinary is the reportlint command built for this test run.
var rlBinary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "reportlint-hostile-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	rlBinary = filepath.Join(dir, "reportlint")
	out, err := exec.Command("go", "build", "-o", rlBinary, "../cmd/reportlint").CombinedOutput()
	if err != nil {
		fmt.Fprintf(os.Stderr, "building reportlint: %v\n%s", err, out)
		os.RemoveAll(dir)
		os.Exit(2)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// cliTimeout is the per-file --timeout given to the command; runs are
// killed (and the test fails) well after it.
const cliTimeout = 20 * time.Second

// maxRSS bounds the peak memory of one reportlint process. The default
// decompression limit (128 MiB) allows one stream of that size per reader.
const maxRSS = 1536 << 20

type cliResult struct {
	code   int
	stdout []byte
	stderr string
	rss    int64 // peak resident set, bytes
	took   time.Duration
}

// runCLI runs reportlint with args and fails on a crash, a hang, a panic
// trace or too much memory.
func runCLI(t *testing.T, args ...string) cliResult {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 4*cliTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, rlBinary, args...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	start := time.Now()
	err := cmd.Run()
	r := cliResult{stdout: out.Bytes(), stderr: errb.String(), took: time.Since(start)}
	if ctx.Err() != nil {
		t.Fatalf("reportlint %v hangs (killed after %v)", args, r.took)
	}
	var ee *exec.ExitError
	switch {
	case err == nil:
	case errorsAs(err, &ee):
		r.code = ee.ExitCode()
	default:
		t.Fatalf("running reportlint: %v", err)
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.rss = ru.Maxrss * 1024
	}
	if r.code != 0 && r.code != 1 {
		t.Errorf("reportlint %v exited %d, want 0 or 1; stderr:\n%s", args, r.code, r.stderr)
	}
	if strings.Contains(r.stderr, "panic") || strings.Contains(r.stderr, "goroutine ") {
		t.Errorf("reportlint %v printed a panic:\n%s", args, r.stderr)
	}
	if r.rss > maxRSS {
		t.Errorf("reportlint %v used %d MiB at peak, limit %d MiB", args, r.rss>>20, maxRSS>>20)
	}
	return r
}

func errorsAs(err error, target **exec.ExitError) bool {
	e, ok := err.(*exec.ExitError)
	if ok {
		*target = e
	}
	return ok
}

type jsonOut struct {
	Version int `json:"version"`
	Files   []struct {
		Path     string `json:"path"`
		Findings []struct {
			Rule    string `json:"rule"`
			Message string `json:"message"`
		} `json:"findings"`
	} `json:"files"`
	Summary struct {
		Files int `json:"files"`
	} `json:"summary"`
}

func parseJSON(t *testing.T, b []byte) jsonOut {
	t.Helper()
	var j jsonOut
	if err := json.Unmarshal(b, &j); err != nil {
		t.Fatalf("output is not valid JSON: %v\n%.2000s", err, b)
	}
	if j.Version != 1 || j.Summary.Files != len(j.Files) {
		t.Fatalf("JSON version %d, summary.files %d for %d files", j.Version, j.Summary.Files, len(j.Files))
	}
	return j
}

// outcomes maps each file of a JSON report to its outcome.
func outcomes(j jsonOut) map[string]outcome {
	m := map[string]outcome{}
	for _, f := range j.Files {
		var o outcome
		for _, fd := range f.Findings {
			o.rules = append(o.rules, fd.Rule)
			if fd.Rule == "P001" || fd.Rule == "P002" {
				o.message = fd.Message
			}
		}
		sort.Strings(o.rules)
		m[f.Path] = o
	}
	return m
}

// writeCases writes every hostile case into dir and returns the cases by
// path.
func writeCases(t *testing.T, dir string) map[string]hcase {
	byPath := map[string]hcase{}
	for _, c := range cases() {
		p := filepath.Join(dir, c.name)
		must(t, os.WriteFile(p, c.gen(t), 0o644))
		byPath[p] = c
	}
	return byPath
}

// TestBatch checks the whole hostile corpus as one directory run: every
// file is reported once with exactly its expected findings, symlink loops
// and FIFOs in the tree do not stop or hang the walk, and the run stays in
// bounded memory. Links named as reports that lead nowhere (a loop, a
// missing target) are listed as P001, as every file a folder holds is.
func TestBatch(t *testing.T) {
	if testing.Short() {
		t.Skip("the batch run generates about 3 MB of bombs and takes several seconds")
	}
	dir := t.TempDir()
	byPath := writeCases(t, dir)
	sub := filepath.Join(dir, "链接 目录")
	must(t, os.Mkdir(sub, 0o755))
	must(t, os.Symlink("self", filepath.Join(sub, "self")))
	must(t, os.Symlink("b.pdf", filepath.Join(sub, "a.pdf")))
	must(t, os.Symlink("a.pdf", filepath.Join(sub, "b.pdf")))
	// links that lead nowhere but are named as reports are listed, as P001
	byPath[filepath.Join(sub, "a.pdf")] = hcase{name: "link loop a.pdf", want: p001, reason: "符号链接（指向 b.pdf），无法解析"}
	byPath[filepath.Join(sub, "b.pdf")] = hcase{name: "link loop b.pdf", want: p001, reason: "符号链接（指向 a.pdf），无法解析"}
	must(t, os.Symlink("gone.txt", filepath.Join(sub, "dangling.txt")))
	byPath[filepath.Join(sub, "dangling.txt")] = hcase{name: "dangling link", want: p001, reason: "符号链接（指向 gone.txt），它指向的文件不存在"}
	must(t, os.Symlink("..", filepath.Join(sub, "up")))
	must(t, os.Symlink(dir, filepath.Join(sub, "root.html")))
	must(t, syscall.Mkfifo(filepath.Join(sub, "pipe.txt"), 0o644))

	// A name in GBK bytes, as unzip leaves Chinese names from Windows zips:
	// JSON can only show it with replacement characters, but it is there.
	gbkName := filepath.Join(dir, "\xd6\xd0\xce\xc4 \xb1\xa8\xb8\xe6.txt") // 中文 报告 in GBK
	must(t, os.WriteFile(gbkName, []byte(cleanText(t)), 0o644))
	byPath[asJSON(t, gbkName)] = hcase{name: "GBK-named.txt"}

	r := runCLI(t, "check", "--format", "json", "--jobs", "2", "--timeout", cliTimeout.String(), dir)
	if r.code != 1 {
		t.Errorf("exit code %d, want 1 (the corpus has error findings)", r.code)
	}
	got := outcomes(parseJSON(t, r.stdout))
	for p, c := range byPath {
		o, ok := got[p]
		if !ok {
			t.Errorf("%s: missing from the batch output", c.name)
			continue
		}
		checkOutcome(t, c, o)
	}
	for p := range got {
		if _, ok := byPath[p]; !ok {
			t.Errorf("unexpected file in the batch output: %s", p)
		}
	}
	t.Logf("batch of %d files: %v, peak RSS %d MiB", len(byPath), r.took.Round(time.Millisecond), r.rss>>20)
}

// TestEachFile runs the command on each hostile file alone, in the text
// format and in JSON.
func TestEachFile(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the command once per hostile file")
	}
	dir := t.TempDir()
	byPath := writeCases(t, dir)
	paths := make([]string, 0, len(byPath))
	for p := range byPath {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		c := byPath[p]
		t.Run(c.name, func(t *testing.T) {
			r := runCLI(t, "check", "--format", "json", "--timeout", cliTimeout.String(), p)
			wantCode := 0
			if len(c.want) > 0 {
				wantCode = 1
			}
			if r.code != wantCode {
				t.Errorf("exit code %d, want %d", r.code, wantCode)
			}
			j := parseJSON(t, r.stdout)
			if len(j.Files) != 1 || j.Files[0].Path != p {
				t.Fatalf("JSON lists %d files, want exactly %s", len(j.Files), p)
			}
			checkOutcome(t, c, outcomes(j)[p])

			txt := runCLI(t, "check", "--no-color", "--timeout", cliTimeout.String(), p)
			lines := strings.Split(strings.TrimRight(string(txt.stdout), "\n"), "\n")
			if len(lines) != len(c.want)+1 {
				t.Errorf("text output has %d lines, want %d findings and a summary:\n%s", len(lines), len(c.want), txt.stdout)
			}
			for i, id := range c.want {
				if i < len(lines) && (!strings.HasPrefix(lines[i], p+":") || !strings.Contains(lines[i], " "+id+"【")) {
					t.Errorf("text line %q is not a %s finding for %s", lines[i], id, p)
				}
			}
		})
	}
}

// TestExplicitPaths names special files on the command line: each still
// gets one P001 and the batch goes on.
func TestExplicitPaths(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	must(t, os.WriteFile(good, []byte(cleanText(t)), 0o644))
	fifo := filepath.Join(dir, "pipe.html")
	must(t, syscall.Mkfifo(fifo, 0o644))
	big := filepath.Join(dir, "big.docx")
	f, err := os.Create(big)
	must(t, err)
	must(t, f.Truncate(100<<20))
	must(t, f.Close())
	r := runCLI(t, "check", "--format", "json", fifo, big, good)
	got := outcomes(parseJSON(t, r.stdout))
	for _, c := range []struct {
		path string
		want []string
	}{{fifo, p001}, {big, p001}, {good, nil}} {
		if o := got[c.path]; !slices.Equal(o.rules, c.want) {
			t.Errorf("%s: findings %v, want %v", filepath.Base(c.path), o.rules, c.want)
		}
	}
}

// asJSON is s as it reads back from JSON (invalid UTF-8 replaced).
func asJSON(t *testing.T, s string) string {
	b, err := json.Marshal(s)
	must(t, err)
	var out string
	must(t, json.Unmarshal(b, &out))
	return out
}
