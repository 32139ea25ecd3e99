package rules

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/reportlint/reportlint/parser"
	"github.com/reportlint/reportlint/parser/load"
)

// fixtureReports reads every text and HTML fixture.
func fixtureReports(t *testing.T) []*parser.Report {
	t.Helper()
	var files []string
	for _, dir := range []string{"../fixtures/text", "../fixtures/html"} {
		m, _ := filepath.Glob(dir + "/*")
		files = append(files, m...)
	}
	var reps []*parser.Report
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		rep, err := load.Bytes(f, data, parser.DefaultOptions())
		if err != nil {
			continue
		}
		reps = append(reps, rep)
	}
	if len(reps) < 10 {
		t.Fatalf("only %d fixtures read", len(reps))
	}
	return reps
}

// TestCellsBound: on every fixture, cellsBound is at least the number of
// cells Report.Cells yields (the list is allocated once), and reportCells
// lists exactly those cells in their order.
func TestCellsBound(t *testing.T) {
	for _, r := range fixtureReports(t) {
		var want []parser.CellRef
		for ref := range r.Cells {
			want = append(want, ref)
		}
		if b := cellsBound(r); b < len(want) {
			t.Errorf("%s: cellsBound %d < %d cells", r.Doc.Path, b, len(want))
		}
		got := reportCells(&Pass{Report: r})
		if len(got) != len(want) {
			t.Fatalf("%s: %d cells, want %d", r.Doc.Path, len(got), len(want))
		}
		for i := range got {
			if got[i].ref() != want[i] {
				t.Fatalf("%s: cell %d differs", r.Doc.Path, i)
			}
		}
	}
}
