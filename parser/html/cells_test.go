package html

import (
	"strings"
	"testing"

	"github.com/reportlint/reportlint/parser"
)

// TestCellLimit: a page of more <td>/<th> cells than the page limit is
// refused naming the limit, however the cells are written; a page just
// under it is read; <tdx> and <thead> are not cells.
func TestCellLimit(t *testing.T) {
	opts := parser.DefaultOptions()
	opts.MaxCells = 8000 // page limit 1,000 cells
	_, maxCells := pageLimits(opts)
	for _, cell := range []string{"<td>1</td>", "<TD>1</TD>", "<th scope=col>1</th>", "<td\n>1</td>", "<td/>"} {
		page := "<html><body><table><tr>" + strings.Repeat(cell, maxCells+1) + "</tr></table></body></html>"
		_, err := Parse("p.html", []byte(page), opts)
		if err == nil || !strings.Contains(err.Error(), "单元格上限") {
			t.Errorf("%q x %d: %v; want the cell limit", cell, maxCells+1, err)
		}
		page = "<html><body><table><tr>" + strings.Repeat(cell, maxCells) + "</tr></table></body></html>"
		if _, err := Parse("p.html", []byte(page), opts); err != nil {
			t.Errorf("%q x %d (at the limit): %v", cell, maxCells, err)
		}
	}
	page := "<html><body><table><thead></thead>" + strings.Repeat("<tdx>1</tdx>", 2*maxCells) + "</table></body></html>"
	if _, err := Parse("p.html", []byte(page), opts); err != nil {
		t.Errorf("<tdx> counted as cells: %v", err)
	}
}
