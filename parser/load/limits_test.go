package load

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/reportlint/reportlint/parser"
)

// withReader registers a fake reader for text files during one test.
func withReader(t *testing.T, r Reader) {
	saved := readers[parser.FormatText]
	readers[parser.FormatText] = r
	t.Cleanup(func() { readers[parser.FormatText] = saved })
}

// TestTimeoutAbandonedReader checks that a slow reader gives a timeout P001
// on time, sees the deadline in its options, and is counted as abandoned
// until it stops.
func TestTimeoutAbandonedReader(t *testing.T) {
	release := make(chan struct{})
	sawDeadline := make(chan time.Time, 1)
	withReader(t, func(ctx context.Context, path string, data []byte, opts parser.Options) (*parser.Document, error) {
		dl, _ := ctx.Deadline()
		sawDeadline <- dl
		<-ctx.Done()
		<-release // still running after the loader gave up
		return nil, parser.Unreadable("too late", nil)
	})
	opts := parser.DefaultOptions()
	opts.Timeout = 50 * time.Millisecond
	start := time.Now()
	_, err := Bytes("slow.txt", []byte("年度报告"), opts)
	if err == nil || !strings.Contains(err.Error(), "读取超时") {
		t.Fatalf("got %v, want a timeout P001", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Fatalf("the timeout took %v", d)
	}
	if dl := <-sawDeadline; dl.IsZero() || dl.Before(start) || dl.After(start.Add(time.Second)) {
		t.Fatalf("reader saw deadline %v, want about %v", dl, start.Add(opts.Timeout))
	}
	if n := Abandoned(); n != 1 {
		t.Fatalf("Abandoned() = %d while the reader runs, want 1", n)
	}
	close(release)
	for i := 0; i < 500 && Abandoned() != 0; i++ {
		time.Sleep(10 * time.Millisecond)
	}
	if n := Abandoned(); n != 0 {
		t.Fatalf("Abandoned() = %d after the reader returned, want 0", n)
	}
}

// TestPanicBecomesP001 checks that a reader's panic is a P001 that names
// the format, with the stack kept in the wrapped error.
func TestPanicBecomesP001(t *testing.T) {
	withReader(t, func(context.Context, string, []byte, parser.Options) (*parser.Document, error) {
		var m map[string]int
		//lint:ignore SA5000 deliberate: a reader that panics
		m["x"]++ // nil map write
		return nil, nil
	})
	_, err := Bytes("boom.txt", []byte("年度报告"), parser.DefaultOptions())
	re, ok := err.(*parser.ReadError)
	if !ok || re.Kind != parser.ProblemUnreadable || !strings.Contains(re.Reason, "内部错误") || !strings.Contains(re.Err.Error(), "panic:") {
		t.Fatalf("got %#v, want a P001 for the panic", err)
	}
	if Abandoned() != 0 {
		t.Fatalf("a reader that panicked counts as abandoned")
	}
}

// TestDocumentSizeLimits checks the per-document limits applied between
// the reader and recognition.
func TestDocumentSizeLimits(t *testing.T) {
	opts := parser.DefaultOptions()
	opts.MaxBlocks = 10
	opts.MaxCells = 100
	many := &parser.Document{}
	for range 11 {
		many.Blocks = append(many.Blocks, parser.Block{Para: &parser.Paragraph{Text: "x"}})
	}
	wide := &parser.Document{}
	for range 4 { // 4 tables of 2 x 60 cells: 480 > 4 x MaxCells
		row := parser.Row{}
		for range 20 {
			row.Cells = append(row.Cells, parser.Cell{Text: "1", ColSpan: 3})
		}
		wide.Blocks = append(wide.Blocks, parser.Block{Table: &parser.Table{Rows: []parser.Row{row, row}}})
	}
	ok := &parser.Document{Blocks: wide.Blocks[:1]}
	for _, c := range []struct {
		doc  *parser.Document
		want string
	}{{many, "内容过多"}, {wide, "表格过多"}, {ok, ""}} {
		err := checkSize(c.doc, opts)
		switch {
		case c.want == "" && err != nil:
			t.Errorf("unexpected %v", err)
		case c.want != "" && (err == nil || !strings.Contains(err.Reason, c.want)):
			t.Errorf("got %v, want a P001 saying %s", err, c.want)
		}
	}
}
