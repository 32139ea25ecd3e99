package parser

import "fmt"

// Loc is where something sits in its source file. This file is the one
// place that says how a Loc is read and printed; outputs ask it (Scheme,
// FilePos, String) instead of looking at the fields.
//
// Which fields mean what depends on the source format (see Scheme):
//
//   - text and HTML (SchemeFile): Line and Column are 1-based positions in
//     the file; Column counts runes of the decoded line.
//   - PDF (SchemePage): Page is 1-based and Line counts text lines within
//     that page; there is no column.
//   - DOCX (SchemeOrdinal): a DOCX has no lines. Unit says what Line counts:
//     UnitParagraph, the n-th body paragraph; UnitTableRow, row RowOrd of
//     the document's table TableOrd, Cell being the cell of that row as Word
//     shows it (a merged cell is one) and ColOrd the grid column.
type Loc struct {
	Line   int     `json:"line,omitempty"`
	Column int     `json:"column,omitempty"`
	Page   int     `json:"page,omitempty"`
	Unit   LocUnit `json:"unit,omitempty"`
	// TableOrd and RowOrd and ColOrd are 1-based ordinals of the source
	// table in the document, the row in that table and the grid column,
	// where known. DOCX locations rely on them.
	TableOrd int `json:"-"`
	RowOrd   int `json:"-"`
	ColOrd   int `json:"-"`
	// Cell is the 1-based ordinal of the cell in its row as a Word user
	// counts them (merged cells count once); DOCX only.
	Cell int `json:"-"`
	// Table is the statutory table the source table was recognised as,
	// when known (set on the findings of a DOCX by the rule engine), so
	// that a DOCX position names 表三 rather than the document's n-th table.
	Table TableID `json:"-"`
}

// LocUnit says what a DOCX location's Line counts.
type LocUnit string

// Location units.
const (
	// UnitParagraph: Line is the n-th paragraph of the body.
	UnitParagraph LocUnit = "paragraph"
	// UnitTableRow: the location is row RowOrd of table TableOrd.
	UnitTableRow LocUnit = "table-row"
)

// LocScheme says how to read a Loc.
type LocScheme int

// Location schemes.
const (
	// SchemeNone: nothing is known about the place.
	SchemeNone LocScheme = iota
	// SchemeFile: Line and Column are a line and column of the file.
	SchemeFile
	// SchemePage: a page of a PDF and a line within that page.
	SchemePage
	// SchemeOrdinal: DOCX ordinals (paragraph, or table, row and cell).
	SchemeOrdinal
)

// Scheme says which fields of the location are meaningful.
func (l Loc) Scheme() LocScheme {
	switch {
	case l.Page > 0:
		return SchemePage
	case l.Unit != "":
		return SchemeOrdinal
	case l.Line > 0:
		return SchemeFile
	}
	return SchemeNone
}

// IsZero reports whether nothing is known about the location.
func (l Loc) IsZero() bool { return l.Line == 0 && l.Page == 0 && l.TableOrd == 0 }

// FilePos returns the line and column of the file (column 0 when unknown);
// ok is false unless the location is a real position in the file (text,
// HTML), which is when editors and code hosts may be given it.
func (l Loc) FilePos() (line, col int, ok bool) {
	if l.Scheme() != SchemeFile {
		return 0, 0, false
	}
	return l.Line, max(l.Column, 0), true
}

// String renders the location for people: "12:5" (a file position),
// "第3页第12行" (PDF), "第12段", "表三 第5行 第2格" or, when the statutory
// table is not known, "第2个表格 第5行 第2格" (DOCX).
func (l Loc) String() string { return l.Describe("") }

// Describe is String with, for a DOCX table cell, the column named by its
// label ("表三 第5行「自然人」列") instead of the cell's ordinal; col ""
// gives String.
func (l Loc) Describe(col string) string {
	switch l.Scheme() {
	case SchemePage:
		if l.Line > 0 {
			return fmt.Sprintf("第%d页第%d行", l.Page, l.Line)
		}
		return fmt.Sprintf("第%d页", l.Page)
	case SchemeOrdinal:
		if l.Unit == UnitParagraph {
			return fmt.Sprintf("第%d段", l.Line)
		}
		s := fmt.Sprintf("第%d个表格", l.TableOrd)
		if l.Table != "" {
			s = "表" + string(l.Table)
		}
		row := l.RowOrd
		if row == 0 {
			row = l.Line
		}
		if row > 0 {
			s += fmt.Sprintf(" 第%d行", row)
		}
		switch {
		case col != "":
			s += "「" + col + "」列"
		case l.Cell > 0:
			s += fmt.Sprintf(" 第%d格", l.Cell)
		}
		return s
	case SchemeFile:
		if l.Column > 0 {
			return fmt.Sprintf("%d:%d", l.Line, l.Column)
		}
		return fmt.Sprintf("%d", l.Line)
	}
	return ""
}

// Compare orders locations in reading order: page, then table (for DOCX
// ordinals), line and column. It returns -1, 0 or +1.
func (l Loc) Compare(m Loc) int {
	if l.Page != m.Page {
		return cmpInt(l.Page, m.Page)
	}
	if l.TableOrd != m.TableOrd && l.Unit != "" && m.Unit != "" {
		return cmpInt(l.TableOrd, m.TableOrd)
	}
	if l.Line != m.Line {
		return cmpInt(l.Line, m.Line)
	}
	return cmpInt(l.Column, m.Column)
}

// Advance returns the location n runes further along the same line, for a
// file position whose line is known to hold the text (a sentence inside a
// one-line paragraph); other locations are returned unchanged, since they
// have no column to move.
func (l Loc) Advance(n int) Loc {
	if l.Scheme() == SchemeFile && l.Column > 0 {
		l.Column += n
	}
	return l
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
