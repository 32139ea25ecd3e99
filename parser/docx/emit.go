package docx

import (
	"fmt"
	"strings"

	"github.com/reportlint/reportlint/parser"
)

// emitter turns the body tree into parser.Blocks.
type emitter struct {
	doc      *parser.Document
	paraOrd  int
	tableOrd int
	maxCells int
}

// emit appends the body's paragraphs and tables to doc in reading order.
func emit(doc *parser.Document, body []node, opts parser.Options) *parser.ReadError {
	e := &emitter{doc: doc, maxCells: opts.MaxCells}
	if e.maxCells <= 0 {
		e.maxCells = parser.DefaultOptions().MaxCells
	}
	return e.nodes(body, 0)
}

func (e *emitter) nodes(ns []node, depth int) *parser.ReadError {
	for _, n := range ns {
		switch {
		case n.para != nil:
			text := strings.TrimSpace(n.para.text.String())
			if text == "" {
				continue
			}
			e.paraOrd++
			e.doc.Blocks = append(e.doc.Blocks, parser.Block{Para: &parser.Paragraph{
				Text: text,
				Loc:  parser.Loc{Unit: parser.UnitParagraph, Line: e.paraOrd},
			}})
		case n.img != nil:
			img := *n.img
			img.Loc = parser.Loc{Unit: parser.UnitParagraph, Line: e.paraOrd + 1}
			e.doc.Blocks = append(e.doc.Blocks, parser.Block{Image: &img})
		case n.tbl != nil:
			if isLayout(n.tbl) && depth < 64 {
				// A table that only lays the page out: its content is
				// the report's paragraphs and tables.
				for _, r := range n.tbl.rows {
					for _, c := range r.cells {
						if err := e.nodes(c.nodes, depth+1); err != nil {
							return err
						}
					}
				}
				continue
			}
			if err := e.table(n.tbl); err != nil {
				return err
			}
		}
	}
	return nil
}

// isLayout tells a layout table (a frame around the report or a part of
// it) from a data table: it has a single column, or it holds tables and has
// at most three rows.
func isLayout(t *tbl) bool {
	if len(t.rows) == 0 {
		return false
	}
	single := true
	nested := false
	for _, r := range t.rows {
		visible := 0
		for _, c := range r.cells {
			if c.vMerge != "continue" && c.hMerge != "continue" {
				visible++
			}
			for _, n := range c.nodes {
				if n.tbl != nil {
					nested = true
				}
			}
		}
		if visible > 1 || r.gridBefore > 0 || r.gridAfter > 0 {
			single = false
		}
	}
	if single {
		// A one-column table of short items could still be data; frame it
		// only when some cell holds more than a line or two.
		for _, r := range t.rows {
			for _, c := range r.cells {
				if len(c.nodes) > 2 || nestedTable(c) {
					return true
				}
			}
		}
		return len(t.rows) == 1
	}
	return nested && len(t.rows) <= 3
}

func nestedTable(c *tcell) bool {
	for _, n := range c.nodes {
		if n.tbl != nil {
			return true
		}
	}
	return false
}

// cellText joins a cell's paragraphs with newlines; a nested table inside a
// data cell contributes its text row by row.
func cellText(ns []node, depth int) string {
	var parts []string
	for _, n := range ns {
		switch {
		case n.para != nil:
			parts = append(parts, strings.TrimSpace(n.para.text.String()))
		case n.tbl != nil && depth < 16:
			for _, r := range n.tbl.rows {
				var cells []string
				for _, c := range r.cells {
					if s := cellText(c.nodes, depth+1); s != "" {
						cells = append(cells, s)
					}
				}
				parts = append(parts, strings.Join(cells, " "))
			}
		}
	}
	// Drop empty paragraphs at both ends; keep the inner line structure.
	for len(parts) > 0 && parts[0] == "" {
		parts = parts[1:]
	}
	for len(parts) > 0 && parts[len(parts)-1] == "" {
		parts = parts[:len(parts)-1]
	}
	return strings.Join(parts, "\n")
}

// origin is a source cell's index, so that a vertically merged cell below
// can extend it.
type origin struct {
	row, cell int
	span      int
}

// table converts a WordprocessingML table into a parser.Table: gridBefore
// becomes a leading empty cell, vMerge continuations extend the RowSpan of
// the cell above and are omitted, hMerge continuations widen the cell
// before.
func (e *emitter) table(t *tbl) *parser.ReadError {
	e.tableOrd++
	ord := e.tableOrd
	out := &parser.Table{Ord: ord, Loc: parser.Loc{Unit: parser.UnitTableRow, Line: 1, TableOrd: ord, RowOrd: 1}}
	// above maps a grid column to the origin covering it in the previous row.
	var above map[int]origin
	cells := 0
	for ri, r := range t.rows {
		rowNo := ri + 1
		row := parser.Row{Loc: parser.Loc{Unit: parser.UnitTableRow, Line: rowNo, TableOrd: ord, RowOrd: rowNo}}
		here := map[int]origin{}
		col := 0
		if r.gridBefore > 0 {
			row.Cells = append(row.Cells, parser.Cell{
				ColSpan: r.gridBefore, RowSpan: 1,
				Loc: parser.Loc{Unit: parser.UnitTableRow, Line: rowNo, TableOrd: ord, RowOrd: rowNo, ColOrd: 1},
			})
			col = r.gridBefore
		}
		// wordCell counts the cells of the row as Word shows them: a
		// horizontally merged cell once, the part of a vertically merged
		// cell that lies in this row once.
		wordCell := 0
		for _, c := range r.cells {
			span := c.gridSpan
			if c.hMerge == "continue" && len(row.Cells) > 0 {
				row.Cells[len(row.Cells)-1].ColSpan += span
				col += span
				continue
			}
			wordCell++
			if c.vMerge == "continue" {
				if o, ok := above[col]; ok && o.span == span {
					out.Rows[o.row].Cells[o.cell].RowSpan++
					for k := 0; k < span; k++ {
						here[col+k] = o
					}
					col += span
					continue
				}
				// No cell above to continue: keep it as an ordinary cell.
			}
			cells += span
			if cells > e.maxCells {
				return parser.Unreadable(fmt.Sprintf("DOCX 中的表格超过 %d 个单元格，不像正常的年度报告；请检查文件", e.maxCells), nil)
			}
			o := origin{row: ri, cell: len(row.Cells), span: span}
			for k := 0; k < span; k++ {
				here[col+k] = o
			}
			row.Cells = append(row.Cells, parser.Cell{
				Text:    cellText(c.nodes, 0),
				RowSpan: 1,
				ColSpan: span,
				Loc:     parser.Loc{Unit: parser.UnitTableRow, Line: rowNo, TableOrd: ord, RowOrd: rowNo, ColOrd: col + 1, Cell: wordCell},
			})
			col += span
		}
		above = here
		out.Rows = append(out.Rows, row)
	}
	e.doc.Blocks = append(e.doc.Blocks, parser.Block{Table: out})
	return nil
}
