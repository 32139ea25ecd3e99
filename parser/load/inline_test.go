package load

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/reportlint/reportlint/parser"
)

// TestFileInlineMatchesFile: every fixture (and every hostile seed the
// fixtures folder holds) gives the same report or error read inline as
// read by File.
func TestFileInlineMatchesFile(t *testing.T) {
	paths, _ := filepath.Glob("../../fixtures/*/*")
	more, _ := filepath.Glob("../../fixtures/pairs/*/*")
	paths = append(paths, more...)
	opts := parser.DefaultOptions()
	n := 0
	for _, p := range paths {
		if strings.HasSuffix(p, ".findings") || strings.HasSuffix(p, ".json") {
			continue
		}
		if st, err := os.Stat(p); err != nil || st.IsDir() {
			continue
		}
		n++
		sameResult(t, p, opts, func() (*parser.Report, error) { return File(p, opts) },
			func() (*parser.Report, error) { return FileInline(p, opts, Inline{}) })
	}
	if n < 50 {
		t.Fatalf("only %d fixtures", n)
	}
}

// TestInlineTimeoutStoppingReader: a reader that stops at its deadline
// gives the loader's timeout P001, inline as in File, and OnTimeout hears
// of the deadline once.
func TestInlineTimeoutStoppingReader(t *testing.T) {
	withReader(t, func(ctx context.Context, path string, data []byte, opts parser.Options) (*parser.Document, error) {
		<-ctx.Done()
		return nil, parser.Unreadable("stopped", ctx.Err())
	})
	opts := parser.DefaultOptions()
	opts.Timeout = 30 * time.Millisecond
	heard := make(chan error, 2)
	_, want := Bytes("slow.txt", []byte("年度报告"), opts)
	_, got := bytesWith("slow.txt", []byte("年度报告"), opts, &Inline{OnTimeout: func(err error) { heard <- err }})
	if got == nil || got.Error() != want.Error() || !strings.Contains(got.Error(), "读取超时") {
		t.Fatalf("inline gave %v, File %v", got, want)
	}
	select {
	case err := <-heard:
		if err.Error() != want.Error() {
			t.Fatalf("OnTimeout got %v, want %v", err, want)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("OnTimeout not called")
	}
	select {
	case err := <-heard:
		t.Fatalf("OnTimeout called twice (%v)", err)
	case <-time.After(50 * time.Millisecond):
	}
	if n := Abandoned(); n != 0 {
		t.Fatalf("Abandoned() = %d after inline reads", n)
	}
}

// TestInlineTimeoutStuckReader: OnTimeout is called at the deadline while
// a reader that ignores its context still runs (the worker answers then).
func TestInlineTimeoutStuckReader(t *testing.T) {
	release := make(chan struct{})
	withReader(t, func(ctx context.Context, path string, data []byte, opts parser.Options) (*parser.Document, error) {
		<-release
		return nil, parser.Unreadable("too late", nil)
	})
	opts := parser.DefaultOptions()
	opts.Timeout = 30 * time.Millisecond
	heard := make(chan error, 1)
	done := make(chan error, 1)
	start := time.Now()
	go func() {
		_, err := FileInline(writeTemp(t, "年度报告"), opts, Inline{OnTimeout: func(err error) { heard <- err }})
		done <- err
	}()
	select {
	case err := <-heard:
		if !strings.Contains(err.Error(), "读取超时") {
			t.Fatalf("OnTimeout got %v", err)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Fatalf("OnTimeout after %v", d)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("OnTimeout not called while the reader is stuck")
	}
	close(release)
	if err := <-done; err == nil || !strings.Contains(err.Error(), "读取超时") {
		t.Fatalf("late reader gave %v, want the timeout P001", err)
	}
}

// TestInlineNoTimeoutNoCall: a reader that returns in time never calls
// OnTimeout.
func TestInlineNoTimeoutNoCall(t *testing.T) {
	opts := parser.DefaultOptions()
	opts.Timeout = 50 * time.Millisecond
	called := make(chan struct{}, 1)
	rep, err := FileInline("../../fixtures/text/clean-government-march.txt", opts, Inline{OnTimeout: func(error) { called <- struct{}{} }})
	if err != nil || rep == nil {
		t.Fatalf("got %v", err)
	}
	select {
	case <-called:
		t.Fatal("OnTimeout called for a file read in time")
	case <-time.After(100 * time.Millisecond):
	}
}

// TestInlinePanicBecomesP001: a reader's panic is the same P001 inline.
func TestInlinePanicBecomesP001(t *testing.T) {
	withReader(t, func(context.Context, string, []byte, parser.Options) (*parser.Document, error) {
		var m map[string]int
		//lint:ignore SA5000 deliberate: a reader that panics
		m["x"]++ // nil map write
		return nil, nil
	})
	opts := parser.DefaultOptions()
	sameResult(t, "boom.txt", opts, func() (*parser.Report, error) { return Bytes("boom.txt", []byte("年度报告"), opts) },
		func() (*parser.Report, error) { return bytesWith("boom.txt", []byte("年度报告"), opts, &Inline{}) })
}

func writeTemp(t *testing.T, s string) string {
	p := filepath.Join(t.TempDir(), "r.txt")
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// reportlint's own text output left among the reports is said to be that,
// not a damaged report; a text that merely quotes the summary line in a
// report is read as the report.
func TestOwnTextOutputIsSaid(t *testing.T) {
	out := "reports/a.txt:39:19: error A301【错误·表三收支平衡】表三「自然人」列：一、本年新收（24）+ 二、上年结转（2）= 26，不等于（七）总计（24）+ 四、结转下年度继续办理（3）= 27\n" +
		"检查了 2 个文件：1 个错误，0 个警告，0 个提示\n"
	_, err := Bytes("结果.txt", []byte(out), parser.DefaultOptions())
	if err == nil || !strings.Contains(err.Error(), "reportlint 的检查结果") {
		t.Fatalf("own output: %v", err)
	}
	_, err = Bytes("空.txt", []byte("这里什么也没有。\n"), parser.DefaultOptions())
	if err == nil || strings.Contains(err.Error(), "reportlint 的检查结果") {
		t.Fatalf("another text that is no report: %v", err)
	}
}
