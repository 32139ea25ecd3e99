// Package xlsx writes small Excel workbooks (Office Open XML
// SpreadsheetML): sheets of text, numbers, blanks and formulas with cached
// values, a bold frozen header row with an autofilter, column widths and a
// bold totals row; and it reads the first column of a sheet (a list of
// names). It is what reportlint's summaries and rosters need and no more.
package xlsx

import (
	"archive/zip"
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// MaxCellChars is the longest text Excel keeps in a cell; longer text is
// cut and ends in "…".
const MaxCellChars = 32767

// MaxSheetName is the longest sheet name Excel accepts, in characters.
const MaxSheetName = 31

// kind is what a cell holds.
type kind uint8

const (
	blank kind = iota
	text
	number
	formula
)

// Cell is one cell's content. The zero Cell is blank.
type Cell struct {
	kind kind
	s    string  // text, or the formula without "="
	n    float64 // the number, or the formula's cached value
	bold bool
}

// Text is a cell holding s as text (even when s looks like a number).
func Text(s string) Cell { return Cell{kind: text, s: s} }

// Number is a cell holding a number.
func Number(n float64) Cell { return Cell{kind: number, n: n} }

// Blank is an empty cell.
func Blank() Cell { return Cell{} }

// Formula is a cell computing f (without the leading "="), with the value
// it has when opened before any recalculation.
func Formula(f string, cached float64) Cell { return Cell{kind: formula, s: f, n: cached} }

// Bold returns the cell in bold.
func (c Cell) Bold() Cell { c.bold = true; return c }

// IsBlank reports whether the cell is empty.
func (c Cell) IsBlank() bool { return c.kind == blank }

// Sheet is one worksheet.
type Sheet struct {
	name   string
	header bool
	widths []float64
	rows   [][]Cell
	ncols  int
}

// Workbook is a set of sheets, written in the order they were added.
type Workbook struct {
	sheets []*Sheet
}

// New returns an empty workbook.
func New() *Workbook { return &Workbook{} }

// AddSheet adds a sheet. The name is cut to MaxSheetName characters and
// characters Excel forbids in sheet names are replaced.
func (wb *Workbook) AddSheet(name string) *Sheet {
	name = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return '_'
		}
		return r
	}, name)
	if utf8.RuneCountInString(name) > MaxSheetName {
		name = string([]rune(name)[:MaxSheetName])
	}
	s := &Sheet{name: name}
	wb.sheets = append(wb.sheets, s)
	return s
}

// Name returns the sheet's name.
func (s *Sheet) Name() string { return s.name }

// Header sets the first row: bold, frozen when scrolling, with an
// autofilter over the header and every row below it. Call it before Row.
func (s *Sheet) Header(names ...string) {
	cells := make([]Cell, len(names))
	for i, n := range names {
		cells[i] = Text(n).Bold()
	}
	s.header = true
	s.rows = append([][]Cell{cells}, s.rows...)
	s.ncols = max(s.ncols, len(cells))
}

// Widths sets the widths of the first columns, in characters.
func (s *Sheet) Widths(w ...float64) { s.widths = w }

// Row appends a row.
func (s *Sheet) Row(cells ...Cell) {
	s.rows = append(s.rows, cells)
	s.ncols = max(s.ncols, len(cells))
}

// Rows returns the number of rows so far, header included.
func (s *Sheet) Rows() int { return len(s.rows) }

// ColName returns the letters of the 0-based column i: 0 is A, 26 is AA.
func ColName(i int) string {
	var b []byte
	for i++; i > 0; i = (i - 1) / 26 {
		b = append([]byte{byte('A' + (i-1)%26)}, b...)
	}
	return string(b)
}

// Ref returns the A1 reference of 0-based column col and 1-based row.
func Ref(col, row int) string { return ColName(col) + strconv.Itoa(row) }

// Write writes the workbook as an .xlsx file.
func (wb *Workbook) Write(w io.Writer) error {
	if len(wb.sheets) == 0 {
		wb.AddSheet("Sheet1")
	}
	z := zip.NewWriter(w)
	strs := newStringTable()
	var err error
	put := func(name string, body func(*bufio.Writer)) {
		if err != nil {
			return
		}
		var f io.Writer
		f, err = z.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			return
		}
		bw := bufio.NewWriter(f)
		bw.WriteString(xml.Header)
		body(bw)
		err = bw.Flush()
	}
	put("[Content_Types].xml", wb.contentTypes)
	put("_rels/.rels", func(b *bufio.Writer) {
		b.WriteString(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>` +
			`</Relationships>`)
	})
	put("xl/workbook.xml", wb.workbook)
	put("xl/_rels/workbook.xml.rels", wb.workbookRels)
	put("xl/styles.xml", func(b *bufio.Writer) { b.WriteString(styles) })
	for i, s := range wb.sheets {
		put(fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1), func(b *bufio.Writer) { s.write(b, strs) })
	}
	put("xl/sharedStrings.xml", strs.write)
	if err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	if err := z.Close(); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	return nil
}

func (wb *Workbook) contentTypes(b *bufio.Writer) {
	b.WriteString(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
		`<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
		`<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`)
	for i := range wb.sheets {
		fmt.Fprintf(b, `<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`, i+1)
	}
	b.WriteString(`</Types>`)
}

func (wb *Workbook) workbook(b *bufio.Writer) {
	b.WriteString(`<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
		`<bookViews><workbookView activeTab="0"/></bookViews><sheets>`)
	for i, s := range wb.sheets {
		fmt.Fprintf(b, `<sheet name="%s" sheetId="%d" r:id="rId%d"/>`, attr(s.name), i+1, i+1)
	}
	b.WriteString(`</sheets>`)
	var names []string
	for i, s := range wb.sheets {
		if ref := s.filterRef(); ref != "" {
			names = append(names, fmt.Sprintf(`<definedName name="_xlnm._FilterDatabase" localSheetId="%d" hidden="1">%s</definedName>`,
				i, attr("'"+strings.ReplaceAll(s.name, "'", "''")+"'!"+absRef(ref))))
		}
	}
	if len(names) > 0 {
		b.WriteString(`<definedNames>` + strings.Join(names, "") + `</definedNames>`)
	}
	b.WriteString(`<calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>`)
}

func (wb *Workbook) workbookRels(b *bufio.Writer) {
	b.WriteString(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	for i := range wb.sheets {
		fmt.Fprintf(b, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>`, i+1, i+1)
	}
	n := len(wb.sheets)
	fmt.Fprintf(b, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`, n+1)
	fmt.Fprintf(b, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`, n+2)
	b.WriteString(`</Relationships>`)
}

// Styles: 0 normal, 1 header (bold on light blue), 2 bold, 3 wrapped text.
const styles = `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
	`<fonts count="2"><font><sz val="11"/><name val="等线"/><family val="2"/></font><font><b/><sz val="11"/><name val="等线"/><family val="2"/></font></fonts>` +
	`<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>` +
	`<fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill></fills>` +
	`<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
	`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
	`<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
	`<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/>` +
	`<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>` +
	`<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
	`</styleSheet>`

// filterRef is the range of the autofilter ("" without a header).
func (s *Sheet) filterRef() string {
	if !s.header || s.ncols == 0 {
		return ""
	}
	return "A1:" + Ref(s.ncols-1, max(len(s.rows), 1))
}

func absRef(r string) string {
	parts := strings.Split(r, ":")
	for i, p := range parts {
		j := strings.IndexAny(p, "0123456789")
		parts[i] = "$" + p[:j] + "$" + p[j:]
	}
	return strings.Join(parts, ":")
}

func (s *Sheet) write(b *bufio.Writer, strs *stringTable) {
	b.WriteString(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`)
	if s.ncols > 0 && len(s.rows) > 0 {
		fmt.Fprintf(b, `<dimension ref="A1:%s"/>`, Ref(s.ncols-1, len(s.rows)))
	}
	b.WriteString(`<sheetViews><sheetView workbookViewId="0">`)
	if s.header {
		b.WriteString(`<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/>`)
	}
	b.WriteString(`</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>`)
	if len(s.widths) > 0 {
		b.WriteString(`<cols>`)
		for i, w := range s.widths {
			fmt.Fprintf(b, `<col min="%d" max="%d" width="%s" customWidth="1"/>`, i+1, i+1, strconv.FormatFloat(w, 'f', -1, 64))
		}
		b.WriteString(`</cols>`)
	}
	b.WriteString(`<sheetData>`)
	for r, row := range s.rows {
		fmt.Fprintf(b, `<row r="%d">`, r+1)
		for c, cell := range row {
			if cell.kind == blank && !cell.bold {
				continue
			}
			style := ""
			switch {
			case s.header && r == 0:
				style = ` s="1"`
			case cell.bold:
				style = ` s="2"`
			}
			ref := Ref(c, r+1)
			switch cell.kind {
			case blank:
				fmt.Fprintf(b, `<c r="%s"%s/>`, ref, style)
			case text:
				fmt.Fprintf(b, `<c r="%s"%s t="s"><v>%d</v></c>`, ref, style, strs.index(cell.s))
			case number:
				fmt.Fprintf(b, `<c r="%s"%s><v>%s</v></c>`, ref, style, formatNumber(cell.n))
			case formula:
				fmt.Fprintf(b, `<c r="%s"%s><f>`, ref, style)
				xml.EscapeText(b, []byte(cell.s))
				fmt.Fprintf(b, `</f><v>%s</v></c>`, formatNumber(cell.n))
			}
		}
		b.WriteString(`</row>`)
	}
	b.WriteString(`</sheetData>`)
	if ref := s.filterRef(); ref != "" {
		fmt.Fprintf(b, `<autoFilter ref="%s"/>`, ref)
	}
	b.WriteString(`<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`)
}

func formatNumber(n float64) string {
	return strconv.FormatFloat(n, 'g', 15, 64)
}

// stringTable is the shared-string table: each distinct text once.
type stringTable struct {
	idx  map[string]int
	list []string
	refs int
}

func newStringTable() *stringTable { return &stringTable{idx: map[string]int{}} }

func (t *stringTable) index(s string) int {
	s = clip(s)
	t.refs++
	if i, ok := t.idx[s]; ok {
		return i
	}
	t.idx[s] = len(t.list)
	t.list = append(t.list, s)
	return len(t.list) - 1
}

func (t *stringTable) write(b *bufio.Writer) {
	fmt.Fprintf(b, `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">`, t.refs, len(t.list))
	for _, s := range t.list {
		b.WriteString(`<si><t`)
		if s != strings.TrimSpace(s) || strings.Contains(s, "\n") {
			b.WriteString(` xml:space="preserve"`)
		}
		b.WriteString(`>`)
		xml.EscapeText(b, []byte(s))
		b.WriteString(`</t></si>`)
	}
	b.WriteString(`</sst>`)
}

// clip cuts text to what a cell holds. (Characters XML cannot carry are
// replaced by xml.EscapeText.)
func clip(s string) string {
	if utf8.RuneCountInString(s) <= MaxCellChars {
		return s
	}
	r := []rune(s)
	return string(r[:MaxCellChars-1]) + "…"
}

func attr(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}
