package text

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/reportlint/reportlint/parser"
	"github.com/reportlint/reportlint/parser/zhtext"
)

// Text copied out of a PDF viewer has no tabs: `pdftotext -layout` aligns
// the columns of a table with spaces and wraps long labels over two or
// three lines, above and below the line that holds the figures; plain
// `pdftotext` and a browser's PDF viewer put every cell on a line of its
// own. Tables 二, 三 and 四 are rebuilt from what the format fixes: the
// section each table sits in, the number of figures a statutory row has
// (7 in table 三), and the statutory labels in their order, so that label
// fragments attach to the row they belong to.

// layoutDoc is a text file being read as PDF-viewer text.
type layoutDoc struct {
	lines []string // the file's lines, without line ends
	// used marks the lines that went into a table.
	used map[int]bool
}

// figureRe is one figure of a table row as PDF text gives it: a number
// (full-width digits, thousands separators, a unit) or a placeholder.
var figureRe = regexp.MustCompile(`^([-+－]?[0-9０-９][0-9０-９,，]*([.．][0-9０-９]+)?(元|万元|件)?|[/／\-－—–]+|无)$`)

// token is a run of non-space characters of a line; at is its rune column
// (0-based).
type token struct {
	text string
	at   int
	// line is the 1-based line of a figure joined from the line above
	// (joinSplitRows); 0 for a token of the line it is read with.
	line int
}

func tokens(line string) []token {
	var out []token
	col, start := 0, -1
	var b strings.Builder
	for _, r := range line {
		if isSpace(r) {
			if start >= 0 {
				out = append(out, token{text: b.String(), at: start})
				b.Reset()
				start = -1
			}
		} else {
			if start < 0 {
				start = col
			}
			b.WriteRune(r)
		}
		col++
	}
	if start >= 0 {
		out = append(out, token{text: b.String(), at: start})
	}
	return out
}

func isSpace(r rune) bool { return unicode.IsSpace(r) || r == '\u00a0' || r == '\u3000' }

// splitFigures divides a line into its label tokens and the run of figures
// that ends it.
func splitFigures(toks []token) (label, figures []token) {
	i := len(toks)
	for i > 0 && figureRe.MatchString(toks[i-1].text) {
		i--
	}
	return toks[:i], toks[i:]
}

// sectionNum recognises the heading of statutory section 2..6 on a line
// ("三、收到和处理政府信息公开申请情况"); 0 if the line is none.
func sectionNum(line string) int {
	c := parser.Compact(line)
	if utf8.RuneCountInString(c) > 40 || c == "" {
		return 0
	}
	r, size := utf8.DecodeRuneInString(c)
	if !strings.ContainsRune("一二三四五六", r) || !strings.HasPrefix(c[size:], "、") {
		return 0
	}
	rest := c[size+len("、"):]
	switch {
	case strings.Contains(rest, "主动公开政府信息情况"):
		return 2
	case strings.Contains(rest, "收到和处理政府信息公开申请"):
		return 3
	case strings.Contains(rest, "行政复议") && strings.Contains(rest, "行政诉讼"):
		return 4
	case strings.Contains(rest, "存在") && strings.Contains(rest, "问题"), strings.Contains(rest, "改进情况"):
		return 5
	case strings.Contains(rest, "其他需要报告"):
		return 6
	}
	return 0
}

// region is the span of lines [from, to) that holds one statutory table.
type region struct {
	table    parser.TableID
	from, to int
}

// minFigures is how many figures a line must end with to count as a table
// row of each table: the format's rows have 1 or 3 (二), 7 (三) and 5 or
// 15 (四).
var minFigures = map[parser.TableID]int{parser.Table2: 1, parser.Table3: 5, parser.Table4: 4}

// regions finds the table sections 二, 三 and 四: from a heading to the next
// statutory heading, taking the occurrence of a heading that is followed by
// table rows (a table of contents lists the headings without them).
func (d *layoutDoc) regions() []region {
	var heads []struct{ num, line int }
	for i, l := range d.lines {
		if n := sectionNum(l); n > 0 {
			heads = append(heads, struct{ num, line int }{n, i})
		}
	}
	var out []region
	for k, h := range heads {
		if h.num < 2 || h.num > 4 {
			continue
		}
		end := len(d.lines)
		if k+1 < len(heads) {
			end = heads[k+1].line
		}
		id := parser.Sections()[h.num-1].TableID
		rows := 0
		for _, l := range d.lines[h.line+1 : end] {
			if _, f := splitFigures(tokens(l)); len(f) > 0 {
				rows++
			}
		}
		if rows == 0 && !hasStatutoryLabels(d.lines[h.line+1:end], id) {
			continue
		}
		dup := false
		for _, r := range out {
			if r.table == id {
				dup = true
			}
		}
		if !dup {
			out = append(out, region{table: id, from: h.line + 1, to: end})
		}
	}
	return out
}

// cellsOf turns tokens into cells: tokens closer than two columns are one
// cell ("本年制发件数" keeps together, a label's inner single space too).
func cellsOf(toks []token, line int) []parser.Cell {
	var out []parser.Cell
	end := -10
	for _, t := range toks {
		n := utf8.RuneCountInString(t.text)
		if len(out) > 0 && t.at-end < 2 && !figureRe.MatchString(t.text) && !figureRe.MatchString(out[len(out)-1].Text) {
			out[len(out)-1].Text += " " + t.text
		} else {
			out = append(out, parser.Cell{Text: t.text, Loc: parser.Loc{Line: line + 1, Column: t.at + 1}})
		}
		end = t.at + n
	}
	return out
}

// simpleTable reads a region line by line: every line with text is a row,
// its cells are its tokens (tables 二 and 四, whose labels are short).
func (d *layoutDoc) simpleTable(r region) *parser.Table {
	t := &parser.Table{}
	for i := r.from; i < r.to; i++ {
		toks := tokens(d.lines[i])
		if len(toks) == 0 {
			continue
		}
		if _, figs := splitFigures(toks); len(figs) == 0 && len(toks) == 1 && utf8.RuneCountInString(toks[0].text) > 40 {
			continue // prose between the tables
		}
		row := parser.Row{Loc: parser.Loc{Line: i + 1, Column: toks[0].at + 1}, Cells: cellsOf(toks, i)}
		t.Rows = append(t.Rows, row)
		d.used[i] = true
	}
	if len(t.Rows) > 0 {
		t.Loc = t.Rows[0].Loc
	}
	return t
}

// parseLayout reads the tables of PDF-viewer text and reports which lines
// they took. It returns no table when no table region is found.
//
// lost are the tables whose labels and figures are there but whose cells
// could not be rebuilt with certainty (a cell-per-line text whose figures
// are not in row order, as pdftotext gives full-width tables): better no
// table and a word to check the original than a table read wrong.
func parseLayout(lines []string) (tables []*parser.Table, used map[int]bool, lost []parser.LostTable) {
	d := &layoutDoc{lines: lines, used: map[int]bool{}}
	var out []*parser.Table
	for _, r := range d.regions() {
		var t *parser.Table
		switch {
		case !d.hasFigures(r):
			t = d.blankTable(r)
		case d.cellPerLine(r):
			t = d.streamTable(r)
		case r.table == parser.Table3:
			t = d.table3(r)
		default:
			t = d.simpleTable(r)
		}
		if t != nil && len(t.Rows) > 0 {
			out = append(out, t)
		} else if d.hasFigures(r) && (hasStatutoryLabels(d.lines[r.from:r.to], r.table) || labelsAmongFigures(d.lines[r.from:r.to], r.table)) {
			lost = append(lost, parser.LostTable{Table: r.table, Loc: parser.Loc{Line: r.from, Column: 1}})
		}
	}
	return out, d.used, lost
}

// hasFigures reports whether any line of a region ends in figures.
func (d *layoutDoc) hasFigures(r region) bool {
	for i := r.from; i < r.to; i++ {
		if _, f := splitFigures(tokens(d.lines[i])); len(f) > 0 {
			return true
		}
	}
	return false
}

// hasStatutoryLabels reports whether lines hold most of a table's row
// labels (table 四: its header words), wrapped or not.
func hasStatutoryLabels(lines []string, table parser.TableID) bool {
	c := parser.Compact(strings.Join(lines, ""))
	if table == parser.Table4 {
		return strings.Contains(c, "行政复议") && strings.Contains(c, "行政诉讼") && strings.Contains(c, "起诉")
	}
	found, n := 0, 0
	for _, d := range parser.RowDefs(table) {
		if d.Layout == parser.Layout2019 {
			continue
		}
		n++
		if strings.Contains(c, parser.Compact(d.Label)) {
			found++
		}
	}
	return n > 0 && found*2 >= n
}

// labelsAmongFigures is hasStatutoryLabels for text whose figures come
// between the pieces of a wrapped label ("1、本机关不掌握相关政", "0",
// "府信息"): the lines of figures alone are left out, and labels are
// compared without punctuation and enumerator digits (1、 for 1.).
func labelsAmongFigures(lines []string, table parser.TableID) bool {
	if table == parser.Table4 {
		return false // hasStatutoryLabels reads its header words
	}
	var b strings.Builder
	for _, l := range lines {
		if label, _ := splitFigures(tokens(l)); len(label) > 0 {
			for _, t := range label {
				b.WriteString(t.text)
			}
		}
	}
	c := stripDigits(simplify(b.String()))
	found, n := 0, 0
	for _, d := range parser.RowDefs(table) {
		if d.Layout == parser.Layout2019 {
			continue
		}
		n++
		if strings.Contains(c, stripDigits(simplify(d.Label))) {
			found++
		}
	}
	return n > 0 && found*2 >= n
}

func stripDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) {
			return -1
		}
		return r
	}, s)
}

// blankTable stands for a table whose labels are there and whose figures
// are not (an unfilled template copied out of a PDF): the statutory rows
// with blank cells, so that the table is reported as blank (C206) rather
// than missing.
func (d *layoutDoc) blankTable(r region) *parser.Table {
	var lines []string
	first := -1
	for i := r.from; i < r.to; i++ {
		if isProse(d.lines[i]) || strings.TrimSpace(d.lines[i]) == "" {
			continue
		}
		if first < 0 {
			first = i
		}
		lines = append(lines, d.lines[i])
		d.used[i] = true
	}
	if first < 0 || !hasStatutoryLabels(lines, r.table) {
		return nil
	}
	loc := parser.Loc{Line: first + 1, Column: 1}
	cell := func(text string) parser.Cell { return parser.Cell{Text: text, Loc: loc} }
	blanks := func(n int) []parser.Cell {
		out := make([]parser.Cell, n)
		for k := range out {
			out[k] = cell("")
		}
		return out
	}
	t := &parser.Table{Loc: loc}
	switch r.table {
	case parser.Table4:
		t.Rows = append(t.Rows, parser.Row{Loc: loc, Cells: []parser.Cell{cell("行政复议"), cell("行政诉讼")}},
			parser.Row{Loc: loc, Cells: blanks(table4Figures)})
	default:
		group := ""
		for _, def := range parser.RowDefs(r.table) {
			if def.Layout == parser.Layout2019 {
				continue
			}
			var cells []parser.Cell
			if r.table == parser.Table3 && def.Group != "" && def.Group != group {
				cells = append(cells, cell(def.Group))
			}
			group = def.Group
			cells = append(cells, cell(def.Label))
			t.Rows = append(t.Rows, parser.Row{Loc: loc, Cells: append(cells, blanks(len(def.Cols))...)})
		}
	}
	return t
}

// cellPerLine reports whether a region has a cell per line (plain
// pdftotext, a browser's PDF viewer) rather than a row per line: most lines
// with figures hold a few figures alone, not a label with its figures (二)
// or a whole row of figures (三, 四). Text that mixes both (a viewer that
// keeps some rows together) is read as a cell per line.
func (d *layoutDoc) cellPerLine(r region) bool {
	whole := map[parser.TableID]int{parser.Table2: 1, parser.Table3: 5, parser.Table4: 10}[r.table]
	rows, cells := 0, 0
	for i := r.from; i < r.to; i++ {
		if isProse(d.lines[i]) {
			continue
		}
		label, figs := splitFigures(tokens(d.lines[i]))
		if r.table == parser.Table3 && len(figs) < table3Figures {
			if u := unglue(figs); u != nil {
				figs = u
			}
		}
		switch {
		case len(figs) == 0:
		case len(figs) >= whole && (len(label) > 0 || r.table != parser.Table2):
			rows++
		default:
			cells++
		}
	}
	return cells > rows
}

// streamTable reads a region with a cell per line: the figures, in reading
// order, fill the rows the format fixes; the text before each row's
// figures is its label. Table 三's rows take their place from the count of
// figures (7 per row: 25 rows in the 2021 layout, 23 in the 2019 one) and
// their labels; tables 二 and 四 keep each label with the figures after it.
func (d *layoutDoc) streamTable(r region) *parser.Table {
	if r.table == parser.Table4 {
		return d.streamTable4(r)
	}
	if r.table == parser.Table2 {
		if t := d.streamTable2(r); t != nil {
			return t
		}
	}
	t := &parser.Table{}
	var rows []*t3Row
	var cur *parser.Row
	var figs []parser.Cell
	// labelLines are the text cells seen since the last figure, a slice per
	// line.
	var labelLines [][]parser.Cell
	header := func(cells []parser.Cell) {
		if len(cells) > 0 {
			t.Rows = append(t.Rows, parser.Row{Loc: cells[0].Loc, Cells: cells})
		}
	}
	eater := newGroupEater()
	for i := r.from; i < r.to; i++ {
		if isProse(d.lines[i]) {
			continue
		}
		var lineCells []parser.Cell
		toks := tokens(d.lines[i])
		if r.table == parser.Table3 {
			toks, _ = eater.eat(toks)
		}
		for _, tk := range toks {
			d.used[i] = true
			cell := parser.Cell{Text: tk.text, Loc: parser.Loc{Line: i + 1, Column: tk.at + 1}}
			if !figureRe.MatchString(tk.text) {
				if r.table != parser.Table3 && cur != nil {
					cur, figs = nil, nil
				}
				lineCells = append(lineCells, cell)
				continue
			}
			if len(lineCells) > 0 {
				labelLines = append(labelLines, lineCells)
				lineCells = nil
			}
			if r.table == parser.Table3 {
				figs = append(figs, cell)
				if len(figs) == table3Figures {
					text := ""
					var first *parser.Cell
					for _, l := range labelLines {
						for k := range l {
							if first == nil {
								first = &l[k]
							}
							text += l[k].Text
						}
					}
					line := &t3Line{n: i, label: []token{{text: text, at: tk.at}}}
					if first != nil {
						line.n = first.Loc.Line - 1
						line.label[0].at = first.Loc.Column - 1
					}
					rows = append(rows, &t3Row{line: line, pieces: []*t3Line{line}, figures: figs})
					figs, labelLines = nil, nil
				}
				continue
			}
			if cur == nil {
				var own []parser.Cell
				if n := len(labelLines); n > 0 && ownsFigures(r.table, labelLines[n-1]) {
					own = labelLines[n-1]
					labelLines = labelLines[:n-1]
				}
				for _, l := range labelLines {
					header(l)
				}
				labelLines = nil
				t.Rows = append(t.Rows, parser.Row{Loc: cell.Loc, Cells: own})
				cur = &t.Rows[len(t.Rows)-1]
				if len(own) > 0 {
					cur.Loc = own[0].Loc
				}
			}
			cur.Cells = append(cur.Cells, cell)
			figs = append(figs, cell)
		}
		if len(lineCells) > 0 {
			labelLines = append(labelLines, lineCells)
		}
	}
	if r.table != parser.Table3 {
		for _, l := range labelLines {
			header(l)
		}
		if len(t.Rows) > 0 {
			t.Loc = t.Rows[0].Loc
		}
		return t
	}
	if len(figs) > 0 || !(len(rows) == 25 || len(rows) == 23) {
		return nil // the figures do not fill the format's rows: not read
	}
	if !readInRows(rows) {
		return nil
	}
	defs := alignT3(rows)
	group := ""
	for i, row := range rows {
		def := defs[i]
		loc := parser.Loc{Line: row.line.n + 1, Column: row.line.label[0].at + 1}
		label := row.label()
		var cells []parser.Cell
		if def != nil {
			if def.Group != "" && def.Group != group {
				cells = append(cells, parser.Cell{Text: def.Group, Loc: loc})
			}
			group = def.Group
			// With a cell per line, the end of a label can come after
			// the figures: only a label read whole is kept as written.
			if simplify(label) != simplify(def.Label) {
				label = def.Label
			}
		}
		cells = append(cells, parser.Cell{Text: label, Loc: loc})
		t.Rows = append(t.Rows, parser.Row{Loc: loc, Cells: append(cells, row.figures...)})
	}
	t.Loc = t.Rows[0].Loc
	return t
}

// table2Figures is the number of figures of table 二 in the 2021 layout:
// 3 + 3 for 规章 and 行政规范性文件, 1 each for the four other rows.
const table2Figures = 10

// old2Headers are column headers of the 2019 table 二, whose rows have
// other figure counts.
var old2Headers = []string{"本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减", "采购项目数量"}

// streamTable2 reads table 二 with a cell per line when it holds the
// format's ten figures: they fill the six statutory rows in order, however
// the viewer placed the labels among them. Nil when the count differs or
// the table has the 2019 columns (then labels decide, line by line).
func (d *layoutDoc) streamTable2(r region) *parser.Table {
	t := &parser.Table{}
	var figs []parser.Cell
	rowLabel := map[string]bool{}
	for _, def := range parser.Table2Rows() {
		rowLabel[def.Label] = true
	}
	for i := r.from; i < r.to; i++ {
		if isProse(d.lines[i]) {
			continue
		}
		var text []parser.Cell
		for _, tk := range tokens(d.lines[i]) {
			cell := parser.Cell{Text: tk.text, Loc: parser.Loc{Line: i + 1, Column: tk.at + 1}}
			if figureRe.MatchString(tk.text) {
				figs = append(figs, cell)
				continue
			}
			for _, h := range old2Headers {
				if strings.Contains(parser.Compact(tk.text), h) {
					return nil
				}
			}
			if !rowLabel[parser.Compact(tk.text)] {
				text = append(text, cell)
			}
		}
		if len(text) > 0 {
			t.Rows = append(t.Rows, parser.Row{Loc: text[0].Loc, Cells: text})
		}
	}
	if len(figs) != table2Figures {
		return nil
	}
	for i := r.from; i < r.to; i++ {
		d.used[i] = true
	}
	at := 0
	for _, def := range parser.Table2Rows() {
		n := len(def.Cols)
		cells := append([]parser.Cell{{Text: def.Label, Loc: figs[at].Loc}}, figs[at:at+n]...)
		t.Rows = append(t.Rows, parser.Row{Loc: figs[at].Loc, Cells: cells})
		at += n
	}
	t.Loc = t.Rows[0].Loc
	return t
}

// table4Figures is the number of figures of table 四.
const table4Figures = 15

// streamTable4 reads table 四 with a cell per line: its header words and
// its figures come interleaved (the header cells of each group, then that
// group's figures); the 15 figures in reading order are the one data row,
// the text lines are header rows.
func (d *layoutDoc) streamTable4(r region) *parser.Table {
	t := &parser.Table{}
	var data []parser.Cell
	for i := r.from; i < r.to; i++ {
		if isProse(d.lines[i]) {
			continue
		}
		var text []parser.Cell
		for _, tk := range tokens(d.lines[i]) {
			d.used[i] = true
			cell := parser.Cell{Text: tk.text, Loc: parser.Loc{Line: i + 1, Column: tk.at + 1}}
			if figureRe.MatchString(tk.text) {
				data = append(data, cell)
			} else {
				text = append(text, cell)
			}
		}
		if len(text) > 0 {
			t.Rows = append(t.Rows, parser.Row{Loc: text[0].Loc, Cells: text})
		}
	}
	if len(data) != table4Figures {
		return nil
	}
	// Each group's 总计 must be the sum of its four results, or the
	// reading order is not the table's (see maxRowSumMisses).
	for g := 0; g < table4Figures; g += 5 {
		if adds, known := rowAddsUp(data[g : g+5]); known && !adds {
			return nil
		}
	}
	t.Rows = append(t.Rows, parser.Row{Loc: data[0].Loc, Cells: data})
	t.Loc = t.Rows[0].Loc
	return t
}

// ownsFigures reports whether the text line before a run of figures is
// the label of those figures: in table 二 always (规章, 行政许可); in table
// 四 only a group's name (行政复议, 未经复议直接起诉), since the 15 figures of
// the statutory layout follow the header.
func ownsFigures(table parser.TableID, cells []parser.Cell) bool {
	if table == parser.Table2 {
		return true
	}
	text := ""
	for _, c := range cells {
		text += c.Text
	}
	return strings.Contains(text, "复议") || strings.Contains(text, "诉讼") || strings.Contains(text, "起诉")
}

// maxRowSumMisses is how many rows of table 三 read from a cell-per-line
// text may fail "总计 = the six applicant columns" (after mending rows
// whose two lines came in the wrong order) before the reading order is
// taken to be wrong (a viewer that gives the cells column by column, or
// groups of rows out of order) and the table is not read: a table read in
// the wrong order would give false findings on every identity, so a
// genuine row-total error in such text is given up for that.
const maxRowSumMisses = 0

// readInRows reports whether the figures of table 三, taken seven by
// seven, make rows whose totals add up. A row whose figures come on
// exactly two lines in the wrong order (a viewer gives "0 0 1" before
// "1 0 0 0") is mended when swapping the lines makes it add up.
func readInRows(rows []*t3Row) bool {
	misses := 0
	for _, r := range rows {
		if adds, known := rowAddsUp(r.figures); !known || adds {
			continue
		}
		mended := false
		breaks := 0
		for k := 1; k < len(r.figures); k++ {
			if r.figures[k].Loc.Line != r.figures[k-1].Loc.Line {
				breaks++
			}
		}
		for k := 1; k < len(r.figures) && breaks == 1; k++ {
			if r.figures[k].Loc.Line == r.figures[k-1].Loc.Line {
				continue
			}
			rot := append(append([]parser.Cell(nil), r.figures[k:]...), r.figures[:k]...)
			if adds, _ := rowAddsUp(rot); adds {
				r.figures, mended = rot, true
				break
			}
		}
		if !mended {
			misses++
		}
	}
	return misses <= maxRowSumMisses
}

// rowAddsUp reports whether the last of a row's figures is the sum of the
// others; known is false when a cell holds no number.
func rowAddsUp(cells []parser.Cell) (adds, known bool) {
	sum := 0.0
	for k, c := range cells {
		v := parser.ParseValue(c.Text)
		if v.Kind != parser.Number {
			return false, false
		}
		if k < len(cells)-1 {
			sum += v.Num
		} else {
			return sum == v.Num, true
		}
	}
	return false, false
}

// maxGluedDigits bounds the digits of a row unglue tries to split: the
// search grows with the ways to cut them, and narrow columns that run
// together hold small figures.
const maxGluedDigits = 16

// unglue splits figures that pdftotext ran together in narrow columns
// ("2 000002", "6 100108") into the seven figures of a row of table 三. A
// split is taken only when it is the one way to make seven figures whose
// first six add up to the seventh (the row total); nil otherwise.
func unglue(figs []token) []token {
	glued := false
	for _, f := range figs {
		if !allDigits(f.text) {
			return nil
		}
		if len(f.text) > 1 {
			glued = true
		}
	}
	digits := 0
	for _, f := range figs {
		digits += len(f.text)
	}
	if !glued || len(figs) == 0 || digits > maxGluedDigits {
		return nil
	}
	var found [][]token
	var walk func(i int, cur []token)
	walk = func(i int, cur []token) {
		if len(found) > 1 || len(cur) > table3Figures {
			return
		}
		if i == len(figs) {
			if len(cur) == table3Figures && sumsUp(cur) {
				found = append(found, append([]token(nil), cur...))
			}
			return
		}
		for _, parts := range splits(figs[i]) {
			walk(i+1, append(cur, parts...))
		}
	}
	walk(0, nil)
	if len(found) != 1 {
		return nil
	}
	return found[0]
}

// splits lists the ways to cut a run of digits into numbers without
// leading zeros, as tokens at their columns.
func splits(t token) [][]token {
	if len(t.text) > table3Figures {
		return nil
	}
	var out [][]token
	var cut func(at int, cur []token)
	cut = func(at int, cur []token) {
		if at == len(t.text) {
			out = append(out, append([]token(nil), cur...))
			return
		}
		for end := at + 1; end <= len(t.text); end++ {
			if t.text[at] == '0' && end > at+1 {
				break
			}
			cut(end, append(cur, token{text: t.text[at:end], at: t.at + at}))
		}
	}
	cut(0, nil)
	return out
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func sumsUp(ts []token) bool {
	sum, last := 0, 0
	for i, t := range ts {
		n := 0
		for k := 0; k < len(t.text); k++ {
			n = n*10 + int(t.text[k]-'0')
		}
		if i == len(ts)-1 {
			last = n
		} else {
			sum += n
		}
	}
	return sum == last
}

// Table 三 ---------------------------------------------------------------

// table3Figures is the number of figures of a row of table 三.
const table3Figures = 7

// t3Groups are the group labels of table 三 whose cells run down the left
// of their rows; `pdftotext -layout` cuts them into pieces of two or three
// characters at the start of the lines beside those rows.
var t3Groups = []string{"三、本年度办理结果", "（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理"}

// enumStart is an enumerator at the start of a label: 1. 1、 （一） 一、.
var enumStart = zhtext.ListItemRe

// t3Line is one line of table 三's region as recognition of the layout
// sees it.
type t3Line struct {
	n       int     // 0-based line number
	label   []token // label tokens left after the group pieces are taken
	figures []token
	groups  []string // groups whose first piece is on this line
	// joined marks figures gathered from two lines (joinSplitRows): their
	// columns say nothing about the table's columns.
	joined bool
}

// rawLine is a line of table 三's region split into its label tokens and
// the figures that end it, before the group labels are taken off.
type rawLine struct {
	n           int
	toks        []token
	label, figs []token
	joined      bool
}

// joinSplitRows joins the figures of a row that a wrapped label split over
// two lines: Chromium's PDF, copied with pdftotext -layout, leaves the first
// figures on the label's first line ("……逾期不补正、行 7 0") and the rest on
// the next ("政机关不再处理…  0 0 8 6 21"). Two adjacent lines are joined
// when their figures together are the seven of a row of table 三 and the
// first line is too short to be a row or the first six add up to the
// seventh (the row total); the figures go to the second line, the first
// keeps its label text. Passes, in order: pairs that add up and whose first
// line holds the fewer figures (a row of five with two blank cells followed
// by a split row whose first line ends "0 0" stays a row of five); pairs
// that add up; pairs whose first line is too short to be a row.
func joinSplitRows(raws []rawLine) {
	passes := []struct{ fewerFirst, needTotal bool }{{true, true}, {false, true}, {false, false}}
	for _, pass := range passes {
		for k := 0; k+1 < len(raws); k++ {
			a, b := &raws[k], &raws[k+1]
			na, nb := len(a.figs), len(b.figs)
			if na == 0 || nb == 0 || na+nb != table3Figures || b.n-a.n > 2 || a.joined || b.joined {
				continue
			}
			if pass.fewerFirst && na >= nb {
				continue
			}
			if len(a.label) == 0 {
				continue // a line of figures alone is a row of its own
			}
			figs := make([]token, 0, table3Figures)
			for _, f := range a.figs {
				f.line = a.n + 1
				figs = append(figs, f)
			}
			figs = append(figs, b.figs...)
			// Pairs that add up are joined first. Then a first line too
			// short to be a row by itself is the head of a split row even
			// when the seven do not add up (a genuine row-total error is
			// then reported on its row, A303); a first line that is a row
			// of its own needs the total to agree.
			if (pass.needTotal || na >= minFigures[parser.Table3]) && !tokensAddUp(figs) {
				continue
			}
			a.toks, a.figs = a.label, nil
			b.figs, b.joined = figs, true
			b.toks = append(append([]token(nil), b.label...), figs...)
		}
	}
}

// tokensAddUp reports whether the figures are all numbers and the last is
// the sum of the others.
func tokensAddUp(figs []token) bool {
	cells := make([]parser.Cell, len(figs))
	for k, f := range figs {
		cells[k] = parser.Cell{Text: f.text}
	}
	adds, known := rowAddsUp(cells)
	return adds && known
}

func (l *t3Line) text() string {
	var b strings.Builder
	for _, t := range l.label {
		b.WriteString(t.text)
	}
	return b.String()
}

func (l *t3Line) data() bool { return len(l.figures) >= minFigures[parser.Table3] }

// groupEater takes the pieces of the group labels off the start of lines.
type groupEater struct {
	rest    []string // what is left of each group label
	started []bool
}

func newGroupEater() *groupEater {
	g := &groupEater{rest: make([]string, len(t3Groups)), started: make([]bool, len(t3Groups))}
	for i, s := range t3Groups {
		g.rest[i] = parser.Compact(s)
	}
	return g
}

// eat removes group pieces from the start of a line's label tokens and
// returns the groups that start on the line.
func (g *groupEater) eat(toks []token) ([]token, []string) {
	var started []string
	for len(toks) > 0 {
		c := parser.Compact(toks[0].text)
		ate := false
		for i := range g.rest {
			rest := g.rest[i]
			if rest == "" || !strings.HasPrefix(rest, c) {
				continue
			}
			// A group starts with a piece of at least two characters (or
			// 三, when 三、本年度办理结果 is printed a character a line); a
			// started one continues with any piece.
			if !g.started[i] && utf8.RuneCountInString(c) < 2 && !(i == 0 && c == "三") {
				continue
			}
			if !g.started[i] {
				g.started[i] = true
				started = append(started, t3Groups[i])
			}
			g.rest[i] = rest[len(c):]
			ate = true
			break
		}
		if !ate {
			break
		}
		toks = toks[1:]
	}
	return toks, started
}

// isProse tells a line of running text (a sentence, a long line without
// column gaps) from a line of a table.
func isProse(line string) bool {
	if strings.ContainsRune(line, '。') {
		return true
	}
	t := strings.TrimSpace(line)
	if utf8.RuneCountInString(t) <= 40 || strings.Contains(t, "  ") {
		return false
	}
	// A long label with its figures after single spaces (large figures
	// fill a narrow column: "……相关政府信息 0 288 429 624 128 527 1996")
	// is a table row.
	_, figs := splitFigures(tokens(t))
	return len(figs) < minProseFigures
}

// minProseFigures is how many figures at its end make a long line without
// column gaps a table row: running text ends in words, at most a figure.
const minProseFigures = 3

// t3Row is a data line with the label pieces attached to it.
type t3Row struct {
	line    *t3Line
	pieces  []*t3Line // label lines in reading order, the data line among them
	groups  []string
	figures []parser.Cell
}

func (r *t3Row) label() string {
	var b strings.Builder
	for _, p := range r.pieces {
		b.WriteString(p.text())
	}
	if b.Len() == 0 && len(r.groups) > 0 {
		// Only a group's label beside the figures: the group is the row
		// (the 2019 layout's single （六）其他处理 row).
		return r.groups[len(r.groups)-1]
	}
	return b.String()
}

// attach gives the label lines between two data lines to the row above or
// the row below: a line that starts a label (with an enumerator) and every
// line after it go down, the lines before it up. Without an enumerator
// they go up when the row below has a label of its own, down otherwise.
func attach(between []*t3Line, below *t3Line) (up, down []*t3Line) {
	for k, l := range between {
		if enumStart.MatchString(parser.Compact(l.text())) {
			return between[:k], between[k:]
		}
	}
	if below == nil || len(below.label) > 0 {
		return between, nil
	}
	return nil, between
}

func (d *layoutDoc) table3(r region) *parser.Table {
	var raws []rawLine
	for i := r.from; i < r.to; i++ {
		if isProse(d.lines[i]) {
			continue
		}
		toks := tokens(d.lines[i])
		if len(toks) == 0 {
			continue
		}
		label, figs := splitFigures(toks)
		if len(figs) < table3Figures {
			if u := unglue(figs); u != nil {
				figs = u
			}
		}
		raws = append(raws, rawLine{n: i, toks: toks, label: label, figs: figs})
	}
	joinSplitRows(raws)
	eater := newGroupEater()
	var lines []*t3Line
	for _, raw := range raws {
		label, figs := raw.label, raw.figs
		if len(figs) < minFigures[parser.Table3] {
			label, figs = raw.toks, nil
		}
		l := &t3Line{n: raw.n, figures: figs, joined: raw.joined}
		l.label, l.groups = eater.eat(label)
		lines = append(lines, l)
	}
	// Data rows and the label lines between them.
	var rows []*t3Row
	var pending []*t3Line
	var header []*t3Line
	for _, l := range lines {
		if !l.data() {
			pending = append(pending, l)
			continue
		}
		var up, down []*t3Line
		if len(rows) == 0 {
			up, down = attach(pending, l)
			header = up
			up = nil
		} else {
			up, down = attach(pending, l)
		}
		if len(rows) > 0 {
			prev := rows[len(rows)-1]
			for _, u := range up {
				prev.pieces = append(prev.pieces, u)
				prev.groups = append(prev.groups, u.groups...)
			}
		}
		row := &t3Row{line: l}
		for _, p := range down {
			row.pieces = append(row.pieces, p)
			row.groups = append(row.groups, p.groups...)
		}
		row.pieces = append(row.pieces, l)
		row.groups = append(row.groups, l.groups...)
		rows = append(rows, row)
		pending = nil
	}
	if len(rows) == 0 {
		return nil
	}
	last := rows[len(rows)-1]
	for _, p := range pending {
		if len(p.label) > 0 && len(p.label) <= 2 && utf8.RuneCountInString(p.text()) <= 12 {
			last.pieces = append(last.pieces, p)
		}
	}
	d.placeFigures(rows)
	defs := alignT3(rows)
	t := &parser.Table{}
	for _, row := range rows {
		for _, p := range row.pieces {
			d.used[p.n] = true
		}
	}
	for _, h := range header {
		d.used[h.n] = true
		if len(h.label) == 0 {
			continue
		}
		t.Rows = append(t.Rows, parser.Row{Loc: parser.Loc{Line: h.n + 1, Column: h.label[0].at + 1}, Cells: cellsOf(h.label, h.n)})
	}
	group := ""
	for i, row := range rows {
		l := row.line
		loc := parser.Loc{Line: l.n + 1, Column: 1}
		if len(l.label) > 0 {
			loc.Column = l.label[0].at + 1
		} else if len(l.figures) > 0 {
			loc.Column = l.figures[0].at + 1
		}
		var cells []parser.Cell
		label := row.label()
		labelLoc := loc
		if len(row.pieces) > 0 && len(row.pieces[0].label) > 0 {
			labelLoc = parser.Loc{Line: row.pieces[0].n + 1, Column: row.pieces[0].label[0].at + 1}
		}
		if def := defs[i]; def != nil {
			if def.Group != "" && def.Group != group {
				cells = append(cells, parser.Cell{Text: def.Group, Loc: labelLoc})
			}
			group = def.Group
			label = writtenOr(label, def.Label)
		}
		cells = append(cells, parser.Cell{Text: label, Loc: labelLoc})
		cells = append(cells, row.figures...)
		t.Rows = append(t.Rows, parser.Row{Loc: loc, Cells: cells})
	}
	t.Loc = t.Rows[0].Loc
	return t
}

// minWrittenSimilarity: a label rebuilt from the pieces of a wrapped cell
// that is this close to the statutory label is kept as written (so that a
// typo is still reported); a lower one means the pieces were mixed up, and
// the row takes the label of the statutory row its place and figures give.
const minWrittenSimilarity = 0.8

// writtenOr returns the label as rebuilt from the text when it is the
// statutory label or a near miss of it (not the same characters reordered) (kept so that recognition reports a
// typo), and the statutory label when the rebuilt one is far off or may
// carry pieces of other cells (longer than the statutory label; a typo that
// adds a character is given up for that).
func writtenOr(written, statutory string) string {
	if labelSimilarity(written, statutory) < minWrittenSimilarity || utf8.RuneCountInString(simplify(written)) > utf8.RuneCountInString(simplify(statutory)) {
		return statutory
	}
	if sameRunes(simplify(written), simplify(statutory)) {
		// The statutory characters in another order: pdftotext put a
		// piece of the cell out of place ("属于行政执法案卷 7.").
		return statutory
	}
	return written
}

// sameRunes reports whether a and b hold the same characters, in any order.
func sameRunes(a, b string) bool {
	count := map[rune]int{}
	for _, r := range a {
		count[r]++
	}
	for _, r := range b {
		count[r]--
	}
	for _, n := range count {
		if n != 0 {
			return false
		}
	}
	return true
}

// placeFigures turns each row's figures into seven cells, placing a row
// with fewer figures (blank cells) by the columns of the complete rows.
func (d *layoutDoc) placeFigures(rows []*t3Row) {
	// Columns of the complete rows relative to their last figure.
	var rel [][]int
	for _, r := range rows {
		f := r.line.figures
		if len(f) == table3Figures && !r.line.joined {
			cols := make([]int, table3Figures)
			for k := range f {
				cols[k] = f[k].at - f[len(f)-1].at
			}
			rel = append(rel, cols)
		}
	}
	ref := make([]int, table3Figures)
	for k := range ref {
		var vs []int
		for _, c := range rel {
			vs = append(vs, c[k])
		}
		ref[k] = median(vs)
	}
	for _, r := range rows {
		f := r.line.figures
		if len(f) > table3Figures {
			f = f[len(f)-table3Figures:]
		}
		slots := make([]int, len(f))
		for k := range slots {
			slots[k] = k
		}
		if len(f) < table3Figures && len(rel) > 0 {
			slots = bestSlots(f, ref)
		}
		cells := make([]parser.Cell, table3Figures)
		for k := range cells {
			cells[k] = parser.Cell{Loc: parser.Loc{Line: r.line.n + 1, Column: 1}}
		}
		for k, s := range slots {
			line := r.line.n + 1
			if f[k].line > 0 {
				line = f[k].line
			}
			cells[s] = parser.Cell{Text: f[k].text, Loc: parser.Loc{Line: line, Column: f[k].at + 1}}
		}
		r.figures = cells
	}
}

func median(vs []int) int {
	if len(vs) == 0 {
		return 0
	}
	s := append([]int(nil), vs...)
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
	return s[len(s)/2]
}

// bestSlots places k figures in the seven columns: the increasing choice of
// columns whose reference positions, shifted by one offset, lie closest to
// the figures' positions. Ties keep the figures to the left (a blank at the
// end of a row, the common case).
func bestSlots(f []token, ref []int) []int {
	k := len(f)
	best, bestErr := []int(nil), 0.0
	var choose func(start int, cur []int)
	choose = func(start int, cur []int) {
		if len(cur) == k {
			off := 0.0
			for i, s := range cur {
				off += float64(f[i].at - ref[s])
			}
			off /= float64(k)
			e := 0.0
			for i, s := range cur {
				x := float64(f[i].at-ref[s]) - off
				e += x * x
			}
			if best == nil || e < bestErr-1e-9 {
				best, bestErr = append([]int(nil), cur...), e
			}
			return
		}
		for s := start; s < len(ref); s++ {
			choose(s+1, append(cur, s))
		}
	}
	choose(0, nil)
	return best
}

// alignT3 matches the data rows, in order, to table 三's statutory rows:
// the order-keeping assignment whose labels agree best. A row whose label
// is lost in the layout still gets its place. Nil entries are rows that
// could not be placed (more rows than the format has).
func alignT3(rows []*t3Row) []*parser.RowDef {
	// The statutory order; the 2019 single （六）其他处理 row is listed
	// right after the 2021 layout's three rows it stands for.
	var order []parser.RowDef
	for _, d := range parser.RowDefs(parser.Table3) {
		// A full table tells its layout by its number of rows.
		if (len(rows) == 25 && d.Layout == parser.Layout2019) || (len(rows) == 23 && d.Layout == parser.Layout2021) {
			continue
		}
		order = append(order, d)
	}
	n, m := len(rows), len(order)
	out := make([]*parser.RowDef, n)
	if n == 0 || n > m {
		return out
	}
	sim := make([][]float64, n)
	for i, r := range rows {
		sim[i] = make([]float64, m)
		l := r.label()
		for j, d := range order {
			sim[i][j] = labelSimilarity(l, d.Label)
		}
	}
	// f[i][j]: best score placing rows[:i] among order[:j].
	const none = -1e18
	f := make([][]float64, n+1)
	for i := range f {
		f[i] = make([]float64, m+1)
		for j := range f[i] {
			if i > 0 {
				f[i][j] = none
			}
		}
	}
	for i := 1; i <= n; i++ {
		for j := i; j <= m; j++ {
			f[i][j] = max(f[i][j-1], f[i-1][j-1]+sim[i-1][j-1])
		}
	}
	for i, j := n, m; i > 0; {
		if j > i && f[i][j] == f[i][j-1] {
			j--
			continue
		}
		d := order[j-1]
		out[i-1] = &d
		i--
		j--
	}
	return out
}

// labelSimilarity is 2·LCS/(len a + len b) over the compacted labels, in
// runes, ignoring punctuation that layouts vary.
func labelSimilarity(a, b string) float64 {
	ra, rb := []rune(simplify(a)), []rune(simplify(b))
	if len(ra) == 0 || len(rb) == 0 {
		return 0
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			switch {
			case ra[i-1] == rb[j-1]:
				cur[j] = prev[j-1] + 1
			case prev[j] >= cur[j-1]:
				cur[j] = prev[j]
			default:
				cur[j] = cur[j-1]
			}
		}
		prev, cur = cur, prev
	}
	return 2 * float64(prev[len(rb)]) / float64(len(ra)+len(rb))
}

func simplify(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsPunct(r) || unicode.IsSpace(r) || unicode.IsSymbol(r) {
			return -1
		}
		return r
	}, parser.FoldWidth(s))
}
