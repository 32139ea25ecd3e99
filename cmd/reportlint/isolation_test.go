package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func copyFixture(t *testing.T, dst string) {
	t.Helper()
	b, err := os.ReadFile(cleanFixture)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestBatchSurvivesWorkerFailures: in a folder where one file crashes its
// worker, one loops and one takes memory without bound, every other file
// is checked and every file is listed exactly once, the failed ones with a
// P001 that names the cause.
func TestBatchSurvivesWorkerFailures(t *testing.T) {
	if testing.Short() {
		t.Skip("starts worker processes")
	}
	t.Setenv(testHookEnv, "1")
	names := []string{"a.txt", "b__crash__.txt", "c.txt", "d__loop__.txt", "e.txt", "f__oom__.txt", "g.txt", "h.txt"}
	if raceEnabled {
		// the race runtime alone takes more than a small memory cap
		names = []string{"a.txt", "b__crash__.txt", "c.txt", "d__loop__.txt", "e.txt", "g.txt", "h.txt"}
	} else {
		t.Setenv("REPORTLINT_WORKER_MEM_MB", "200")
	}
	dir := t.TempDir()
	for _, n := range names {
		copyFixture(t, filepath.Join(dir, n))
	}
	stdout, stderr, code := runArgs("check", "--format", "json", "--jobs", "2", "--timeout", "3s", dir)
	if code != exitError {
		t.Fatalf("exit %d, want 1; stderr %s", code, stderr)
	}
	var doc jsonCheck
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, stdout)
	}
	if len(doc.Files) != len(names) {
		t.Fatalf("%d files listed, want %d", len(doc.Files), len(names))
	}
	// no worker is left running (a killed looping worker would keep a core)
	if kids := childProcesses(); len(kids) > 0 {
		t.Errorf("worker processes left running: %v", kids)
	}
	want := map[string]string{"b__crash__.txt": "崩溃", "d__loop__.txt": "处理超时", "f__oom__.txt": "内存超过上限"}
	for i, f := range doc.Files {
		if filepath.Base(f.Path) != names[i] {
			t.Errorf("file %d is %s, want %s (input order)", i, f.Path, names[i])
		}
		cause, bad := want[filepath.Base(f.Path)]
		p001 := ""
		for _, x := range f.Findings {
			if x.Rule == "P001" {
				p001 = x.Message
			}
		}
		switch {
		case bad && !strings.Contains(p001, cause):
			t.Errorf("%s: P001 %q, want one saying %q", f.Path, p001, cause)
		case !bad && p001 != "":
			t.Errorf("%s: P001 %q on a good file", f.Path, p001)
		case !bad && f.Issuer == "":
			t.Errorf("%s: good file not checked (no issuer)", f.Path)
		}
	}
}

// childProcesses lists the live child processes of the test (Linux only).
func childProcesses() []string {
	ents, err := os.ReadDir("/proc")
	if err != nil {
		return nil
	}
	me := strconv.Itoa(os.Getpid())
	var out []string
	for _, e := range ents {
		b, err := os.ReadFile("/proc/" + e.Name() + "/stat")
		if err != nil {
			continue
		}
		// pid (comm) state ppid ...
		s := string(b)
		i := strings.LastIndexByte(s, ')')
		if i < 0 {
			continue
		}
		f := strings.Fields(s[i+1:])
		if len(f) > 1 && f[1] == me && f[0] != "Z" {
			out = append(out, e.Name()+" "+s[:i+1])
		}
	}
	return out
}

// TestSingleFileIsolated: the in-process path and the worker give the same
// result for one file.
func TestSingleFileIsolated(t *testing.T) {
	if testing.Short() {
		t.Skip("starts worker processes")
	}
	in, _, c1 := runArgs("check", "--format", "json", fixturesRoot+"/text/A304-table4-total.txt")
	t.Setenv("REPORTLINT_ISOLATE", "1")
	iso, _, c2 := runArgs("check", "--format", "json", fixturesRoot+"/text/A304-table4-total.txt")
	if in != iso || c1 != c2 {
		t.Errorf("in-process and isolated results differ:\n%s\n---\n%s", in, iso)
	}
}

// TestNeverWritesAnInput: --output and --write-baseline naming a checked
// file (directly, through ./, a symlink or a hard link) are refused before
// anything is written, and the file is unchanged.
func TestNeverWritesAnInput(t *testing.T) {
	dir := t.TempDir()
	rep := filepath.Join(dir, "report.txt")
	copyFixture(t, rep)
	before, _ := os.ReadFile(rep)
	link := filepath.Join(dir, "link.txt")
	if err := os.Symlink(rep, link); err != nil {
		t.Fatal(err)
	}
	hard := filepath.Join(dir, "hard.txt")
	if err := os.Link(rep, hard); err != nil {
		t.Fatal(err)
	}
	dot := filepath.Join(dir, ".", "sub", "..", "report.txt")
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{rep, link, hard, dot} {
		for _, flag := range []string{"--output", "--write-baseline"} {
			_, stderr, code := runArgs("check", flag, out, rep)
			if code != exitUsage || !strings.Contains(stderr, "覆盖") {
				t.Errorf("check %s %s: exit %d, stderr %q; want 2 and a refusal", flag, out, code, stderr)
			}
			_, stderr, code = runArgs("check", flag, out, dir)
			if code != exitUsage {
				t.Errorf("check %s %s DIR: exit %d, stderr %q; want 2", flag, out, code, stderr)
			}
		}
	}
	if _, stderr, code := runArgs("extract", "--output", link, rep); code != exitUsage {
		t.Errorf("extract --output onto an input: exit %d, %s", code, stderr)
	}
	after, _ := os.ReadFile(rep)
	if string(after) != string(before) {
		t.Fatal("an input was overwritten")
	}
	// an output in a folder that does not exist is reported before the batch
	_, stderr, code := runArgs("check", "--output", filepath.Join(dir, "no", "such", "out.json"), rep)
	if code != exitUsage || !strings.Contains(stderr, "无法写入") {
		t.Errorf("unwritable output: exit %d, %q", code, stderr)
	}
}

// TestAtomicWriteKeepsOldFile: a write that fails leaves the old file.
func TestAtomicWriteKeepsOldFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "out.json")
	if err := os.WriteFile(p, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := createAtomic(p)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = f.Write([]byte("half"))
	if err := finishOutput(f, f.Commit, os.ErrClosed); err == nil {
		t.Fatal("failed write reported as success")
	}
	if b, _ := os.ReadFile(p); string(b) != "old" {
		t.Fatalf("old file changed to %q", b)
	}
	if err := writeFileAtomic(p, []byte("new")); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(p)
	st, _ := os.Stat(p)
	if string(b) != "new" || st.Mode().Perm() != 0o600 {
		t.Fatalf("got %q mode %v", b, st.Mode())
	}
	left, _ := filepath.Glob(filepath.Join(dir, ".*tmp*"))
	if len(left) > 0 {
		t.Fatalf("temporary files left: %v", left)
	}
}

// TestMissingPaths: a missing path among others is a P001 for it and the
// rest is checked; only missing paths, or an empty folder, exit 2.
func TestMissingPaths(t *testing.T) {
	dir := t.TempDir()
	stdout, _, code := runArgs("check", "--format", "json", filepath.Join(dir, "gone.pdf"), cleanFixture)
	if code != exitError {
		t.Errorf("missing + good: exit %d, want 1", code)
	}
	var doc jsonCheck
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil || len(doc.Files) != 2 || len(doc.Files[0].Findings) != 1 || doc.Files[0].Findings[0].Rule != "P001" {
		t.Errorf("missing path not a P001 finding: %s", stdout)
	}
	if _, _, code := runArgs("check", filepath.Join(dir, "gone.pdf"), filepath.Join(dir, "gone2.txt")); code != exitUsage {
		t.Errorf("only missing paths: exit %d, want 2", code)
	}
	empty := filepath.Join(dir, "empty")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(empty, "notes.md"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, code := runArgs("check", empty)
	if code != exitUsage || !strings.Contains(stderr, "没有找到报告文件") {
		t.Errorf("empty folder: exit %d, stderr %q; want 2 and a note", code, stderr)
	}
	_, stderr, code = runArgs("check", empty, cleanFixture)
	if code != exitUsage || !strings.Contains(stderr, "没有找到报告文件") {
		t.Errorf("empty folder beside a report: exit %d, stderr %q; want 2 and a note", code, stderr)
	}
}
