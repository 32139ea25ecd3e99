package parser

// Report is a recognised report: the Document with its sections, title, year
// and the three statutory tables mapped to canonical keys. Rules read only
// this.
type Report struct {
	Doc *Document

	Title    string
	TitleLoc Loc
	Issuer   string
	// Year is the report year: the title's, or the statistics period's when
	// the title names none (0 when unknown). YearSource says which.
	Year       int
	YearSource YearSource
	// Kind says whose report it is: KindGovernment, KindDepartment, or ""
	// when it cannot be told.
	Kind Kind
	// Layout is Layout2021 or Layout2019 (from the table shapes), "" when no
	// table told.
	Layout Layout
	// LayoutEvidence lists what showed the 2019 layout.
	LayoutEvidence []Note

	// Sections are the statutory section headings found, in document order.
	Sections []Section
	// Paragraphs are all body paragraphs in order, tables excluded.
	Paragraphs []*Paragraph

	Tables map[TableID]*CanonTable
	// TableImages are statutory tables published as pictures: a picture
	// where the table should be (in its section, or named by its alt text)
	// and no table read for it. At most one per table, in table order.
	TableImages []TableImage
	// Notes are recognition findings: label variants, missing and extra rows.
	Notes []Note
}

// YearSource says where a report's year was read.
type YearSource string

// Year sources.
const (
	YearFromTitle  YearSource = "title"
	YearFromPeriod YearSource = "period"
)

// Kind says whose report it is.
type Kind string

// Report kinds.
const (
	// KindGovernment is a people's government's own report (deadline 3月31日).
	KindGovernment Kind = "government"
	// KindDepartment is a department's report (deadline 1月31日).
	KindDepartment Kind = "department"
)

// TableImage is a statutory table found as a picture instead of a table.
type TableImage struct {
	// Table is the table ID (二, 三, 四).
	Table TableID
	Image *Image
}

// TableImage returns the picture that stands for a statutory table, or nil.
func (r *Report) TableImage(id TableID) *Image {
	for _, ti := range r.TableImages {
		if ti.Table == id {
			return ti.Image
		}
	}
	return nil
}

// Section is a statutory section heading found in the report.
type Section struct {
	// Num is the statutory number 1..6 the heading was matched to.
	Num int
	// Written is the heading text as written.
	Written string
	// WrittenNum is the numeral the heading carries (0 if none).
	WrittenNum int
	// Variant is true when the wording is an accepted variant or a near
	// match, not the canonical one.
	Variant bool
	Loc     Loc
	// First and End delimit the section's paragraphs in Report.Paragraphs
	// (End exclusive).
	First, End int
	// Inline is body text written in the heading's own paragraph
	// ("六、其他需要报告的事项本年度未收取…"), compacted.
	Inline string
}

// SectionText returns the text of the section with statutory number num:
// its inline text and paragraphs joined by newlines.
func (r *Report) SectionText(num int) (string, bool) {
	for _, s := range r.Sections {
		if s.Num == num {
			out := ""
			if s.Inline != "" {
				out = s.Inline + "\n"
			}
			for _, p := range r.Paragraphs[s.First:s.End] {
				out += p.Text + "\n"
			}
			return out, true
		}
	}
	return "", false
}

// Section returns the section with statutory number num.
func (r *Report) Section(num int) (Section, bool) {
	for _, s := range r.Sections {
		if s.Num == num {
			return s, true
		}
	}
	return Section{}, false
}

// Table returns a recognised statutory table, or nil.
func (r *Report) Table(id TableID) *CanonTable {
	if r.Tables == nil {
		return nil
	}
	return r.Tables[id]
}

// CanonTable is a statutory table with rows mapped to canonical keys.
type CanonTable struct {
	ID  TableID
	Loc Loc
	// Rows by canonical key.
	Rows map[RowKey]*CanonRow
	// Order lists the keys in the order they were found.
	Order []RowKey
}

// Row returns the row with the canonical key, or nil.
func (t *CanonTable) Row(key RowKey) *CanonRow {
	if t == nil {
		return nil
	}
	return t.Rows[key]
}

// Cell returns the value at row key and column key, or nil.
func (t *CanonTable) Cell(row RowKey, col ColKey) *Value {
	r := t.Row(row)
	if r == nil {
		return nil
	}
	return r.Cell(col)
}

// CanonRow is one canonical row.
type CanonRow struct {
	Key RowKey
	// Label is the row label as written (group and item joined).
	Label string
	Loc   Loc
	Def   RowDef
	// Cells hold one value per column of Def.Cols.
	Cells []*Value
}

// Cell returns the value of a column key, or nil.
func (r *CanonRow) Cell(col ColKey) *Value {
	if r == nil {
		return nil
	}
	for i, c := range r.Def.Cols {
		if c.Key == col && i < len(r.Cells) {
			return r.Cells[i]
		}
	}
	return nil
}

// NoteKind says what recognition noticed.
type NoteKind int

// Note kinds; each feeds one S rule.
const (
	// NoteLabelVariant: a row or column label differs from the canonical one
	// but was mapped (S106).
	NoteLabelVariant NoteKind = iota + 1
	// NoteRowMissing: a canonical row or column is absent (S107).
	NoteRowMissing
	// NoteExtraRow: a non-standard row or column (S108).
	NoteExtraRow
	// NoteOldLayout: evidence of the 2019 trial layout (S105).
	NoteOldLayout
)

// Note is something recognition noticed about labels and layout.
type Note struct {
	Kind  NoteKind
	Table TableID
	Row   RowKey
	Col   ColKey
	// Got is the text as written; Want the canonical label.
	Got  string
	Want string
	Loc  Loc
}

// CellRef is one canonical cell with the table, row and column it belongs
// to; Report.Cells yields them.
type CellRef struct {
	Table *CanonTable
	Row   *CanonRow
	Col   ColumnDef
	Value *Value
}

// Cells yields every canonical cell found, table by table (二, 三, 四) in
// statutory row and column order.
func (r *Report) Cells(yield func(CellRef) bool) {
	for _, id := range TableIDs() {
		t := r.Table(id)
		if t == nil {
			continue
		}
		for _, def := range rowDefs(id) {
			row := t.Row(def.Key)
			if row == nil {
				continue
			}
			for i, col := range row.Def.Cols {
				if i < len(row.Cells) && !yield(CellRef{t, row, col, row.Cells[i]}) {
					return
				}
			}
		}
	}
}
