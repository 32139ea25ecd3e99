package parser

import (
	"time"
)

// Format names the kind of source file.
type Format string

// The source formats reportlint reads.
const (
	FormatText Format = "text"
	FormatHTML Format = "html"
	FormatPDF  Format = "pdf"
	FormatDOCX Format = "docx"
)

// Document is what a format reader produces: the report's content in reading
// order, uninterpreted.
type Document struct {
	Path   string
	Format Format
	// Blocks are paragraphs and tables in reading order.
	Blocks []Block
	// Meta holds what the container says about the document.
	Meta Meta
	// Problems are non-fatal reading problems (pages without text, for
	// example). Fatal ones are returned as *ReadError instead.
	Problems []Problem
	// LostTables are statutory tables whose labels and figures a reader
	// found but could not put back in their cells with certainty (text
	// copied out of a PDF viewer in an order that cannot be rebuilt). They
	// are reported as such (S111), not as missing (S104).
	LostTables []LostTable
}

// LostTable is a statutory table present in the source whose cells could
// not be rebuilt.
type LostTable struct {
	Table TableID
	// Loc is where the table's section or first line is.
	Loc Loc
}

// Meta is document metadata found outside the body text.
type Meta struct {
	// Title is an HTML <title>, a PDF or DOCX title property.
	Title string
	// Published is a publication date given by the container (an HTML
	// page's 发布日期, PDF CreationDate); zero when unknown.
	Published time.Time
	// PublishedLoc is where Published was found, if in the body.
	PublishedLoc Loc
	// Pages is the page count for paged formats.
	Pages int
}

// ProblemKind says what kind of reading problem a Problem or ReadError is.
// Readers say what went wrong; the rules engine decides which rule reports
// each kind (ProblemUnreadable as P001, ProblemNoText as P002).
type ProblemKind int

// The kinds of reading problem.
const (
	// ProblemUnreadable: the file, or part of it, cannot be parsed
	// (corrupt, encrypted, unsupported, over a limit).
	ProblemUnreadable ProblemKind = iota + 1
	// ProblemNoText: a PDF, or pages of it, has no usable text layer (a
	// scan, or glyphs that map to nothing meaningful).
	ProblemNoText
)

// String names the kind as the rule that reports it is named.
func (k ProblemKind) String() string {
	switch k {
	case ProblemUnreadable:
		return "unreadable"
	case ProblemNoText:
		return "no-text-layer"
	}
	return "unknown"
}

// Problem is a non-fatal reading problem, turned into a finding by the rules.
type Problem struct {
	Kind    ProblemKind
	Message string
	Loc     Loc
}

// Block is a paragraph, a table or a picture; exactly one field is set.
type Block struct {
	Para  *Paragraph
	Table *Table
	// Image is a picture in the body (an HTML <img>, a PDF image drawn on a
	// page). Recognition uses it to tell a statutory table published as a
	// picture (S110) from a missing one.
	Image *Image
}

// Image is a picture in the body text. Width and Height are in CSS pixels
// (HTML) or PDF points (PDF), 0 when unknown.
type Image struct {
	// Alt is the picture's alternative text or title, if any.
	Alt string
	// Src is the HTML src attribute or the PDF XObject name.
	Src    string
	Width  float64
	Height float64
	Loc    Loc
}

// Paragraph is one paragraph (or heading, or line) of body text.
type Paragraph struct {
	Text string
	Loc  Loc
}

// Table is a source table: rows of cells as written, with their spans.
// Use Grid to get the cells placed on a rectangular grid.
type Table struct {
	Loc  Loc
	Rows []Row
	// Ord is the 1-based ordinal of the table in the document.
	Ord int
	// Continued is set by a reader when it knows the table continues the
	// previous one (a PDF table across a page break).
	Continued bool
}

// Row is one table row.
type Row struct {
	Cells []Cell
	Loc   Loc
}

// Cell is one source cell. RowSpan and ColSpan are at least 1 (0 is read as 1).
type Cell struct {
	Text    string
	Loc     Loc
	RowSpan int
	ColSpan int
}

// GridCell is a position in a table's grid. Origin points at the source cell
// that covers it; Top and Left say whether this position is the cell's own
// top-left corner (false for positions a span carries over).
type GridCell struct {
	Origin *Cell
	Top    bool
	Left   bool
}

// maxSpan bounds rowspan and colspan so that a hostile table cannot make a
// huge grid.
const maxSpan = 1000

// Grid places the table's cells on a rectangular grid, resolving rowspan and
// colspan as HTML does: a cell goes into the first free column of its row.
// Positions no cell covers have a nil Origin.
func (t *Table) Grid() [][]GridCell {
	if len(t.Rows) == 0 {
		return nil
	}
	// The grid is built in one block: first its width is found, then the
	// cells are placed. The rows share the block; each is capped at the
	// width so that appending to one cannot overwrite the next.
	width := t.gridWidth()
	cells := make([]GridCell, len(t.Rows)*width)
	grid := make([][]GridCell, len(t.Rows))
	for r := range grid {
		grid[r] = cells[r*width : (r+1)*width : (r+1)*width]
	}
	for r := range t.Rows {
		col := 0
		for i := range t.Rows[r].Cells {
			c := &t.Rows[r].Cells[i]
			for col < width && grid[r][col].Origin != nil {
				col++
			}
			rs, cs := t.spans(r, c)
			for dr := 0; dr < rs; dr++ {
				for dc := 0; dc < cs; dc++ {
					if g := &grid[r+dr][col+dc]; g.Origin == nil {
						*g = GridCell{Origin: c, Top: dr == 0, Left: dc == 0}
					}
				}
			}
			col += cs
		}
	}
	return grid
}

// spans are the row and column span of cell c of row r, clamped, the row
// span to the rows the table has.
func (t *Table) spans(r int, c *Cell) (rs, cs int) {
	rs, cs = clampSpan(c.RowSpan), clampSpan(c.ColSpan)
	if r+rs > len(t.Rows) {
		rs = len(t.Rows) - r
	}
	return rs, cs
}

// gridWidth is the width of the table's grid: the placement of Grid, with
// each column's last covered row standing for the grid's cells.
func (t *Table) gridWidth() int {
	width := 1     // every row has at least one position
	var busy []int // busy[c]: 1 + the last row a cell placed so far covers in column c
	for r := range t.Rows {
		col := 0
		for i := range t.Rows[r].Cells {
			c := &t.Rows[r].Cells[i]
			for col < len(busy) && busy[col] > r {
				col++
			}
			rs, cs := t.spans(r, c)
			for len(busy) < col+cs {
				busy = append(busy, 0)
			}
			for dc := range cs {
				busy[col+dc] = max(busy[col+dc], r+rs)
			}
			width = max(width, col+cs)
			col += cs
		}
	}
	return width
}

func clampSpan(n int) int {
	if n < 1 {
		return 1
	}
	if n > maxSpan {
		return maxSpan
	}
	return n
}

// ReadError is a fatal reading failure: the file cannot be read at all.
// Kind is ProblemUnreadable or ProblemNoText.
type ReadError struct {
	Kind ProblemKind
	// Reason is a short Chinese explanation of what is wrong and what to do.
	Reason string
	Err    error
}

func (e *ReadError) Error() string {
	if e.Err != nil {
		return e.Reason + ": " + e.Err.Error()
	}
	return e.Reason
}

func (e *ReadError) Unwrap() error { return e.Err }

// Unreadable returns a ReadError of kind ProblemUnreadable.
func Unreadable(reason string, err error) *ReadError {
	return &ReadError{Kind: ProblemUnreadable, Reason: reason, Err: err}
}

// NoText returns a ReadError of kind ProblemNoText.
func NoText(reason string, err error) *ReadError {
	return &ReadError{Kind: ProblemNoText, Reason: reason, Err: err}
}
