package hostile

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/reportlint/reportlint/parser"
	"github.com/reportlint/reportlint/parser/load"
	"github.com/reportlint/reportlint/rules"
)

// loaderOpts are the defaults with a smaller decompression limit, so that
// bombs are caught quickly also under -race, and a timeout that only a hang
// reaches.
func loaderOpts() parser.Options {
	o := parser.DefaultOptions()
	o.MaxDecompressed = 32 << 20
	o.Timeout = 30 * time.Second
	return o
}

// outcome is what one file gave: the sorted rule IDs of its findings and
// the message of its P001/P002, if any.
type outcome struct {
	rules   []string
	message string
	err     error
}

func findingsOf(rep *parser.Report, err error) outcome {
	var fs []rules.Finding
	if err != nil {
		fs = rules.ReadErrorFindings(err, rules.Config{})
	} else {
		fs = rules.Run(rep, nil, rules.Config{})
	}
	var o outcome
	o.err = err
	for _, f := range fs {
		o.rules = append(o.rules, f.Rule)
		if f.Rule == "P001" || f.Rule == "P002" {
			o.message = f.Message
		}
	}
	sort.Strings(o.rules)
	return o
}

// checkOutcome compares an outcome with the case's expectation.
func checkOutcome(t *testing.T, c hcase, o outcome) {
	t.Helper()
	if o.err != nil {
		var re *parser.ReadError
		if !errors.As(o.err, &re) {
			t.Errorf("%s: error is not a ReadError: %v", c.name, o.err)
		}
		if strings.Contains(o.err.Error(), "panic:") {
			t.Errorf("%s: a reader panicked: %v", c.name, o.err)
		}
	}
	if !slices.Equal(o.rules, c.want) {
		t.Errorf("%s: findings %v, want %v (message %q, error %v)", c.name, o.rules, c.want, o.message, o.err)
		return
	}
	if c.reason != "" && !strings.Contains(o.message, c.reason) {
		t.Errorf("%s: message %q does not say %q", c.name, o.message, c.reason)
	}
}

// TestLoader runs every hostile case through the loader.
func TestLoader(t *testing.T) {
	opts := loaderOpts()
	for _, c := range cases() {
		t.Run(c.name, func(t *testing.T) {
			data := c.gen(t)
			start := time.Now()
			rep, err := load.Bytes(c.name, data, opts)
			if d := time.Since(start); d > opts.Timeout+5*time.Second {
				t.Errorf("took %v, beyond the %v timeout", d, opts.Timeout)
			}
			checkOutcome(t, c, findingsOf(rep, err))
		})
	}
	// A reader that timed out must stop soon after: in a batch of
	// thousands, a reader left spinning takes a core from every later file.
	deadline := time.Now().Add(opts.Timeout)
	for load.Abandoned() > 0 && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	if n := load.Abandoned(); n > 0 {
		t.Errorf("%d reader(s) still running long after their file timed out", n)
	}
}

// TestFiles covers what only exists on disk: a file over the size limit, a
// FIFO (opening it would block), a directory with a report's name, a
// dangling symlink and a symlink to a good report.
func TestFiles(t *testing.T) {
	dir := t.TempDir()
	opts := loaderOpts()
	good := filepath.Join(dir, "good.txt")
	must(t, os.WriteFile(good, []byte(cleanText(t)), 0o644))
	big := filepath.Join(dir, "big.pdf")
	f, err := os.Create(big)
	must(t, err)
	must(t, f.Truncate(opts.MaxBytes+1)) // sparse: instant and takes no disk
	must(t, f.Close())
	fifo := filepath.Join(dir, "pipe.txt")
	must(t, syscall.Mkfifo(fifo, 0o644))
	must(t, os.Mkdir(filepath.Join(dir, "folder.pdf"), 0o755))
	must(t, os.Symlink(filepath.Join(dir, "missing.pdf"), filepath.Join(dir, "dangling.pdf")))
	must(t, os.Symlink(good, filepath.Join(dir, "link.txt")))
	for _, c := range []hcase{
		{name: "good.txt"},
		{name: "big.pdf", want: p001, reason: "超过上限"},
		{name: "pipe.txt", want: p001, reason: "不是普通文件"},
		{name: "folder.pdf", want: p001, reason: "目录"},
		{name: "dangling.pdf", want: p001, reason: "文件不存在"},
		{name: "link.txt"},
	} {
		t.Run(c.name, func(t *testing.T) {
			done := make(chan outcome, 1)
			go func() { done <- findingsOf(load.File(filepath.Join(dir, c.name), opts)) }()
			select {
			case o := <-done:
				checkOutcome(t, c, o)
			case <-time.After(opts.Timeout + 5*time.Second):
				t.Fatalf("load.File(%s) hangs", c.name)
			}
		})
	}
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
