package rules

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/reportlint/reportlint/parser"
	"github.com/reportlint/reportlint/parser/load"
)

// The rules' copies of the canonical definitions equal parser's, also
// after every rule ran on every text and HTML fixture (each against the
// clean report as last year's): no rule changes them.
func TestCanonCopiesUnchanged(t *testing.T) {
	var files []string
	for _, dir := range []string{"../fixtures/text", "../fixtures/html"} {
		m, _ := filepath.Glob(dir + "/*")
		files = append(files, m...)
	}
	prev := readEdited(t, cleanText, "", "")
	ran := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		rep, err := load.Bytes(f, data, parser.DefaultOptions())
		if err != nil {
			continue
		}
		Run(rep, nil, Config{})
		Run(rep, prev, Config{})
		ran++
	}
	if ran < 10 {
		t.Fatalf("only %d fixtures read", ran)
	}
	for _, c := range []struct {
		name      string
		got, want any
	}{
		{"Table3Rows", table3Rows, parser.Table3Rows()},
		{"Table4Rows", table4Rows, parser.Table4Rows()},
		{"Table3Cols", table3Cols, parser.Table3Cols()},
		{"Table4Cols", table4Cols, parser.Table4Cols()},
	} {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s changed:\n%v\nparser:\n%v", c.name, c.got, c.want)
		}
	}
	for _, id := range parser.TableIDs() {
		if !reflect.DeepEqual(rowDefs(id), parser.RowDefs(id)) {
			t.Errorf("RowDefs(%s) changed", id)
		}
	}
}
