package parser

import (
	"math/rand/v2"
	"reflect"
	"testing"
)

// gridRef is Table.Grid as it was before it was built in one block
// (commit 4454ed9), kept for TestGridMatchesReference.
func gridRef(t *Table) [][]GridCell {
	var grid [][]GridCell
	ensure := func(r, c int) {
		for len(grid) <= r {
			grid = append(grid, nil)
		}
		for len(grid[r]) <= c {
			grid[r] = append(grid[r], GridCell{})
		}
	}
	for r := range t.Rows {
		ensure(r, 0)
		col := 0
		for i := range t.Rows[r].Cells {
			c := &t.Rows[r].Cells[i]
			for col < len(grid[r]) && grid[r][col].Origin != nil {
				col++
			}
			rs, cs := clampSpan(c.RowSpan), clampSpan(c.ColSpan)
			if r+rs > len(t.Rows) {
				rs = len(t.Rows) - r
			}
			for dr := 0; dr < rs; dr++ {
				for dc := 0; dc < cs; dc++ {
					ensure(r+dr, col+dc)
					if grid[r+dr][col+dc].Origin == nil {
						grid[r+dr][col+dc] = GridCell{Origin: c, Top: dr == 0, Left: dc == 0}
					}
				}
			}
			col += cs
		}
	}
	width := 0
	for _, row := range grid {
		width = max(width, len(row))
	}
	for r := range grid {
		for len(grid[r]) < width {
			grid[r] = append(grid[r], GridCell{})
		}
	}
	return grid
}

// randomTable makes a table of random shape with random (and some absurd)
// row and column spans.
func randomTable(rng *rand.Rand) *Table {
	t := &Table{}
	for range rng.IntN(8) {
		var row Row
		for range rng.IntN(7) {
			span := func() int {
				switch rng.IntN(12) {
				case 0:
					return -rng.IntN(3)
				case 1:
					return rng.IntN(6)
				case 2:
					if rng.IntN(50) == 0 {
						return 1000 + rng.IntN(2000)
					}
				}
				return 1
			}
			row.Cells = append(row.Cells, Cell{Text: "x", RowSpan: span(), ColSpan: span()})
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

func TestGridMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 3))
	for i := range 30000 {
		tbl := randomTable(rng)
		got, want := tbl.Grid(), gridRef(tbl)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("table %d %+v: Grid differs from the reference", i, tbl.Rows)
		}
		for r := range got {
			if cap(got[r]) != len(got[r]) {
				t.Fatalf("table %d: grid row %d has room to grow into the next", i, r)
			}
		}
	}
}
