package parser

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/reportlint/reportlint/parser/zhtext"
)

// Recognize finds the title, sections and statutory tables of a Document and
// maps them to canonical keys. It never fails: what it cannot find is simply
// absent from the Report (and the rules say so).
func Recognize(doc *Document) *Report {
	r := &Report{Doc: doc, Tables: map[TableID]*CanonTable{}}
	for _, b := range doc.Blocks {
		if b.Para != nil {
			r.Paragraphs = append(r.Paragraphs, b.Para)
		}
	}
	findTitle(r)
	findSections(r)
	lc := takeLabelCache()
	rec := &tableRecognizer{r: r, lc: lc}
	rec.run()
	rec.finish()
	rec.finishImages()
	giveLabelCache(lc) // not deferred: after a panic the cache is dropped
	return r
}

// item is one distinct cell of a row as recognition sees it.
type item struct {
	text string
	loc  Loc
	col  int // grid column of the cell's left edge
	// kind is ParseValue(text).Kind, read once per cell.
	kind ValueKind
}

// newItem makes the item of a cell text.
func newItem(text string, loc Loc, col int) item {
	return item{text: text, loc: loc, col: col, kind: valueKind(text)}
}

type tableRecognizer struct {
	r *Report
	// cur is the statutory table the rows are being read into.
	cur TableID
	// group is the current group core of table 三 ("不予公开"...).
	group string
	// sectionOf maps a table ordinal to the section it sits in.
	old2 bool // a 2019 table 二 header was seen
	// headers seen per table: canonical column keys found in header rows.
	headers  map[TableID]map[string]bool
	t4header bool
	// extraCols are grid columns of table 三 that a local template added.
	extraCols map[int]bool
	// lc caches matchLabel and splitCombined's cut by cell text (reports
	// repeat labels); nil caches nothing.
	lc *labelCache
	// images are the pictures that may stand for a statutory table.
	images []imageAt
	// rr, rowBuf and labelBuf are scratch space reused row after row.
	// Nothing in them is referenced by the Report: values are parsed
	// into new Values and texts are strings.
	rr       rowRead
	rowBuf   []item
	labelBuf []item
	// cols is the block the rows' column definitions are copied into;
	// it is the Report's, never reused.
	cols []ColumnDef
}

// match is matchLabel(text), through the label cache.
func (tr *tableRecognizer) match(text string) (labelHit, bool) {
	if i := tr.lc.lookup(text); i >= 0 {
		in := &tr.lc.infos[i]
		return in.hit, in.ok
	}
	h, ok := matchLabel(text)
	tr.lc.add(text, labelInfo{hit: h, ok: ok})
	return h, ok
}

func (tr *tableRecognizer) table(id TableID, loc Loc) *CanonTable {
	t := tr.r.Tables[id]
	if t == nil {
		t = &CanonTable{ID: id, Loc: loc, Rows: make(map[RowKey]*CanonRow, len(rowDefs(id)))}
		tr.r.Tables[id] = t
	}
	return t
}

func (tr *tableRecognizer) note(n Note) { tr.r.Notes = append(tr.r.Notes, n) }

func (tr *tableRecognizer) sawHeader(table TableID, key string) {
	if tr.headers == nil {
		tr.headers = map[TableID]map[string]bool{}
	}
	if tr.headers[table] == nil {
		tr.headers[table] = map[string]bool{}
	}
	tr.headers[table][key] = true
}

func (tr *tableRecognizer) run() {
	sectionAt := 0 // statutory section number the current block is in
	paraIdx := 0
	for _, b := range tr.r.Doc.Blocks {
		if b.Para != nil {
			for _, s := range tr.r.Sections {
				if s.First == paraIdx+1 {
					sectionAt = s.Num
				}
			}
			paraIdx++
			continue
		}
		if b.Image != nil {
			tr.sawImage(b.Image, sectionAt)
			continue
		}
		t := b.Table
		if t == nil {
			continue
		}
		if !t.Continued {
			// A new source table: keep the current statutory table only
			// if the section did not change; a table 三 split into two
			// <table> elements continues.
			if sec := sectionTable(sectionAt); sec != "" && sec != tr.cur {
				tr.cur = sec
				tr.group = ""
			}
		}
		grid := t.Grid()
		for ri := range grid {
			tr.rowBuf = appendRowItems(tr.rowBuf[:0], grid[ri])
			if len(tr.rowBuf) == 0 {
				continue
			}
			tr.row(tr.rowBuf, t.Rows[min(ri, len(t.Rows)-1)].Loc, sectionAt)
		}
	}
}

// sectionTable is the statutory table that belongs in a section.
func sectionTable(num int) TableID {
	if num >= 2 && num <= 4 {
		return sections[num-1].TableID
	}
	return ""
}

// appendRowItems appends the distinct cells of a grid row to out, skipping
// positions that a rowspan or colspan carries over (their text was already
// seen).
func appendRowItems(out []item, row []GridCell) []item {
	for c, g := range row {
		if g.Origin == nil {
			continue
		}
		if !g.Top || !g.Left {
			continue
		}
		out = append(out, newItem(g.Origin.Text, g.Origin.Loc, c))
	}
	return out
}

// split divides a row's items into label items and value items: labels are
// the text cells before the first number; everything after the last label is
// a value. The labels are appended to buf.
func split(items, buf []item) (labels, values []item) {
	firstNum := len(items)
	for i, it := range items {
		if it.kind == Number {
			firstNum = i
			break
		}
	}
	last := -1
	for i := 0; i < firstNum; i++ {
		if items[i].kind == Text { // not IsValueLike
			last = i
		}
	}
	labels = buf
	for i := 0; i <= last; i++ {
		if strings.TrimSpace(items[i].text) != "" {
			labels = append(labels, items[i])
		}
	}
	return labels, items[last+1:]
}

// Table 四 sizes: the data row holds three groups of five figures; a row
// with at least minT4DataValues values is taken for it even when some
// trailing cells are missing (text copied out of Word drops them).
const (
	t4GroupValues   = 5
	minT4DataValues = 10
)

// rowRead is one table row as recognition reads it, stage by stage.
type rowRead struct {
	labels, values []item
	// hasNumber is set when a value is a number: header rows have none.
	hasNumber bool
	hits      []labelAt
	unknown   []item // label cells no statutory label matches
	// own is the hit naming the row itself (an item of the current table).
	own *labelAt
}

// labelAt is a label cell with what it was recognised as.
type labelAt struct {
	it  item
	hit labelHit
}

// row reads one grid row: it splits labels from values, recognises the
// labels, switches the current table, takes in headers and captions,
// settles the ambiguous 其他/总计 labels and stores the row.
func (tr *tableRecognizer) row(items []item, rowLoc Loc, section int) {
	rr := tr.classify(items)
	tr.recogniseLabels(rr)
	tr.switchTable(rr)
	if tr.cur == "" {
		return
	}
	if tr.takeHeaders(rr, rowLoc) {
		return
	}
	tr.settleAmbiguous(rr)
	tr.store(rr, rowLoc)
}

// classify splits a row's cells into labels and values (a label cell that
// holds a group and an item label together is split in two) and notes
// whether any value is a number.
func (tr *tableRecognizer) classify(items []item) *rowRead {
	rr := &tr.rr
	*rr = rowRead{hits: rr.hits[:0], unknown: rr.unknown[:0], labels: rr.labels[:0]}
	var labels []item
	labels, rr.values = split(items, tr.labelBuf[:0])
	tr.labelBuf = labels
	rr.labels = tr.splitCombined(labels, rr.labels)
	for _, v := range rr.values {
		if v.kind == Number {
			rr.hasNumber = true
		}
	}
	return rr
}

// recogniseLabels matches each label cell against the statutory labels.
func (tr *tableRecognizer) recogniseLabels(rr *rowRead) {
	for _, l := range rr.labels {
		h, ok := tr.match(l.text)
		if !ok {
			rr.unknown = append(rr.unknown, l)
			continue
		}
		rr.hits = append(rr.hits, labelAt{l, h})
	}
}

// switchTable makes the first table-specific label of another table the
// current table.
func (tr *tableRecognizer) switchTable(rr *rowRead) {
	for _, h := range rr.hits {
		if h.hit.table == "" || h.hit.table == tr.cur {
			continue
		}
		tr.cur = h.hit.table
		tr.group = ""
		return
	}
}

// takeHeaders records column headers, groups, 2019 headers and the row's
// own item label. It reports true when the row was fully handled (a group
// of a vertical table 四 with its five values).
func (tr *tableRecognizer) takeHeaders(rr *rowRead, rowLoc Loc) bool {
	for i := range rr.hits {
		h := rr.hits[i].hit
		switch h.kind {
		case hitHeader:
			if tr.header(rr, &rr.hits[i], rowLoc) {
				return true
			}
		case hitGroup:
			tr.group = h.group
		case hitOld:
			tr.old2 = true
			tr.note(Note{Kind: NoteOldLayout, Table: Table2, Got: strings.TrimSpace(rr.hits[i].it.text), Loc: rr.hits[i].it.loc})
		case hitItem:
			if h.table == tr.cur {
				rr.own = &rr.hits[i]
			}
		}
	}
	return false
}

// header takes in one column-header label; see takeHeaders for the result.
func (tr *tableRecognizer) header(rr *rowRead, at *labelAt, rowLoc Loc) bool {
	h := at.hit
	tr.sawHeader(tr.cur, h.key)
	if h.key == "小计" && tr.cur == Table3 && !rr.hasNumber && tr.r.Doc.Format != FormatText {
		// A local template's subtotal column (法人或其他组织小计): not
		// statutory, its values are left out of the rows.
		if tr.extraCols == nil {
			tr.extraCols = map[int]bool{}
		}
		if !tr.extraCols[at.it.col] {
			tr.extraCols[at.it.col] = true
			tr.note(Note{Kind: NoteExtraRow, Table: Table3, Col: "extra", Got: removeSpace(at.it.text), Loc: at.it.loc})
		}
	}
	if h.key == "其他" && tr.cur == Table3 && !rr.hasNumber && tr.group != "其他处理" {
		tr.sawHeader(Table3, string(ColOtherOrg))
	}
	if h.key == "总计" && !rr.hasNumber && tr.cur != Table2 {
		tr.sawHeader(tr.cur, string(ColTotal))
	}
	if tr.cur == Table4 {
		tr.t4header = true
	}
	if tr.cur == Table4 && rr.hasNumber && len(rr.values) >= t4GroupValues {
		// vertical table 四: a group label followed by its five values
		if g := t4Group(h.key); g != "" {
			tr.t4group(g, at.it, rr.values, rowLoc)
			return true
		}
	}
	return false
}

// settleAmbiguous gives table 三 rows without an item label of their own
// one from the labels that are also column headers: "其他" under
// （六）其他处理 is 3.其他, "总计"/"合计" is （七）总计, and a （六）其他处理
// group cell with values is the 2019 layout's single row.
func (tr *tableRecognizer) settleAmbiguous(rr *rowRead) {
	if rr.own != nil || tr.cur != Table3 || len(rr.values) == 0 {
		return
	}
	for i := len(rr.hits) - 1; i >= 0; i-- {
		h := rr.hits[i].hit
		if h.kind == hitHeader && h.key == "其他" && tr.group == "其他处理" {
			rr.hits[i].hit = labelHit{table: Table3, kind: hitItem, key: "R3_6_3", exact: true, want: "3.其他"}
			rr.own = &rr.hits[i]
			return
		}
		if h.kind == hitHeader && (h.key == "总计" || h.key == "合计") && (rr.hasNumber || tr.group != "") {
			rr.hits[i].hit = labelHit{table: Table3, kind: hitItem, key: "R3_7", exact: h.key == "总计", want: "（七）总计"}
			rr.own = &rr.hits[i]
			return
		}
	}
	if tr.group == "其他处理" && len(rr.hits) > 0 && rr.hits[len(rr.hits)-1].hit.kind == hitGroup {
		last := rr.hits[len(rr.hits)-1]
		last.hit = labelHit{table: Table3, kind: hitItem, key: "R3_6", exact: true, want: "（六）其他处理"}
		rr.own = &last
		tr.note(Note{Kind: NoteOldLayout, Table: Table3, Row: "R3_6", Got: strings.TrimSpace(last.it.text), Loc: last.it.loc})
	}
}

// store puts the row where it belongs: a statutory row under its key, the
// data row of table 四, or a note for a row the format does not have.
func (tr *tableRecognizer) store(rr *rowRead, rowLoc Loc) {
	switch {
	case rr.own != nil:
		labels, values := textValuesAfter(rr.own.it, rr.labels, rr.values, func(it item) bool {
			_, ok := tr.match(it.text)
			return ok
		})
		tr.item(rr.own.hit, rr.own.it, labels, values, rowLoc)
	case tr.cur == Table4 && len(rr.labels) == 0 && len(rr.values) >= minT4DataValues && (rr.hasNumber || tr.t4header):
		// The data row of table 四; after its header even an unfilled
		// row counts, so that its blank cells are reported as blank.
		tr.t4data(rr.values, rowLoc)
	case len(rr.unknown) > 0 && rr.hasNumber:
		// A row the statutory table does not have.
		if tr.cur == Table4 && len(rr.values) >= minT4DataValues {
			tr.t4data(rr.values, rowLoc)
			return
		}
		tr.note(Note{Kind: NoteExtraRow, Table: tr.cur, Got: joinTexts(rr.unknown), Loc: rr.unknown[0].loc})
	}
}

// textValuesAfter moves text cells that follow the row's own label and are
// no label themselves back to the values: in "行政事业性收费 | 一点二五" the
// second cell is a (wrong) value, not part of the label, and must be
// reported as text rather than lost.
func textValuesAfter(own item, labels, values []item, known func(item) bool) ([]item, []item) {
	at := -1
	for i, l := range labels {
		if l.loc == own.loc && l.text == own.text {
			at = i
		}
	}
	if at < 0 || at == len(labels)-1 {
		return labels, values
	}
	var moved []item
	for _, l := range labels[at+1:] {
		if known(l) {
			return labels, values // another label follows: keep as is
		}
		moved = append(moved, l)
	}
	return labels[:at+1], append(moved, values...)
}

// innerEnum finds where an enumerator starts inside a compacted label:
// "（三）不予公开1．属于国家秘密" has "1．" after the group's name.
var innerEnum = zhtext.InnerEnumeratorRe

// splitCombined splits a label cell that holds a group label and an item
// label together (a merged cell flattened by the producer, or "<br>" inside
// one cell) into two labels, when both halves are known labels. The labels
// are appended to out.
func (tr *tableRecognizer) splitCombined(labels, out []item) []item {
	for _, l := range labels {
		var in labelInfo
		if i := tr.lc.lookup(l.text); i >= 0 {
			in = tr.lc.infos[i]
		} else {
			h, ok := matchLabel(l.text)
			in = labelInfo{hit: h, ok: ok}
			tr.lc.add(l.text, in)
		}
		if in.ok && in.hit.exact {
			out = append(out, l)
			continue
		}
		if in.split == labelSplitUnknown {
			in = tr.searchSplit(l.text, in)
		}
		if in.split == labelSplitFound {
			out = append(out, item{text: in.head, loc: l.loc, kind: in.headKind}, item{text: in.tail, loc: l.loc, kind: in.tailKind})
			continue
		}
		out = append(out, l)
	}
	return out
}

// searchSplit finds splitCombined's cut of a label text (in is its
// labelInfo) and records it in the cache.
func (tr *tableRecognizer) searchSplit(text string, in labelInfo) labelInfo {
	var s splitHalves
	if c := Compact(text); len(c) >= 6 {
		s = tr.splitHalves(c)
	}
	tr.lc.setSplit(text, s)
	if i := tr.lc.lookup(text); i >= 0 && tr.lc.infos[i].split != labelSplitUnknown {
		return tr.lc.infos[i]
	}
	in.split = labelSplitNone
	if s.ok {
		in.split = labelSplitFound
		in.head, in.tail = s.head, s.tail
		in.headKind, in.tailKind = valueKind(s.head), valueKind(s.tail)
	}
	return in
}

// splitHalves is a compacted label cut where an inner enumerator starts,
// when both halves are known labels; ok is false when there is no such cut.
type splitHalves struct {
	head, tail string
	ok         bool
}

// splitHalves finds the cut of splitCombined in a compacted label.
func (tr *tableRecognizer) splitHalves(c string) splitHalves {
	for _, m := range innerEnum.FindAllStringIndex(c, 4) {
		if m[0] == 0 {
			continue
		}
		head, tail := c[:m[0]], c[m[0]:]
		hh, ok1 := tr.match(head)
		_, ok2 := tr.match(tail)
		if ok1 && ok2 && hh.exact && (hh.kind == hitGroup || hh.kind == hitItem) {
			return splitHalves{head, tail, true}
		}
	}
	return splitHalves{}
}

// joinTexts joins the items' texts, white space removed, with a space.
func joinTexts(items []item) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return removeSpace(items[0].text)
	}
	var b strings.Builder
	for i, it := range items {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(removeSpace(it.text))
	}
	return b.String()
}

// removeSpace is strings.Join(strings.Fields(s), ""): s without its white
// space, other bytes (even ones that are not UTF-8) kept as they are.
func removeSpace(s string) string {
	i := 0
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if asciiSpace[c] {
				break
			}
			i++
			continue
		}
		if cjk3(s, i) {
			i += 3
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r <= 0x3000 && unicode.IsSpace(r) { // U+3000 is the last space
			break
		}
		i += size
	}
	if i == len(s) {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return string(b)
}

func t4Group(key string) RowKey {
	switch key {
	case "行政复议":
		return GroupReview
	case "未经复议直接起诉":
		return GroupLitDirect
	case "复议后起诉":
		return GroupLitAfterReview
	}
	return ""
}

// fitValues trims or pads the value items to n: trailing and then leading
// blanks are dropped while there are too many (text copied out of Word pads
// rows with empty fields and shifts merged cells), missing ones are added as
// Missing. Trailing first, because padding at the end is the common case and
// a blank 总计 column (a frequent real error) must stay in place.
func fitValues(values []item, n int) []item {
	for len(values) > n && strings.TrimSpace(values[len(values)-1].text) == "" {
		values = values[:len(values)-1]
	}
	for len(values) > n && strings.TrimSpace(values[0].text) == "" {
		values = values[1:]
	}
	if len(values) > n {
		values = values[:n]
	}
	return values
}

// makeValues parses the row's n values. The Values of a row are allocated
// together, each one new: no two rows or Reports share one.
func makeValues(values []item, n int, rowLoc Loc) []*Value {
	values = fitValues(values, n)
	out := make([]*Value, n)
	block := make([]Value, n)
	for i := range n {
		v := &block[i]
		if i < len(values) {
			*v = ParseValue(values[i].text)
			v.Loc = values[i].loc
			if v.Loc.IsZero() {
				v.Loc = rowLoc
			}
		} else {
			*v = Value{Kind: Missing, Loc: rowLoc}
		}
		out[i] = v
	}
	return out
}

func (tr *tableRecognizer) item(h labelHit, it item, labels, values []item, rowLoc Loc) {
	if tr.cur == Table2 && tr.old2 {
		return // a 2019 table 二: its columns mean other things
	}
	key := RowKey(h.key)
	def, ok := tr.lookupRow(tr.cur, key)
	if !ok {
		return
	}
	t := tr.table(tr.cur, rowLoc)
	if _, dup := t.Rows[key]; dup {
		return // the first occurrence wins
	}
	loc := it.loc
	if loc.IsZero() {
		loc = rowLoc
	}
	if tr.cur == Table3 && len(tr.extraCols) > 0 {
		var kept []item
		for _, v := range values {
			if !tr.extraCols[v.col] {
				kept = append(kept, v)
			}
		}
		values = kept
	}
	row := &CanonRow{Key: key, Label: joinTexts(labels), Loc: loc, Def: def, Cells: makeValues(values, len(def.Cols), rowLoc)}
	t.Rows[key] = row
	t.Order = appendKey(t.Order, key, tr.cur)
	if !h.exact {
		tr.note(Note{Kind: NoteLabelVariant, Table: tr.cur, Row: key, Got: removeSpace(it.text), Want: def.Label, Loc: loc})
	}
}

// lookupRow is LookupRow with the copy of the columns cut from the
// recognizer's block of them: each row still has its own columns (capped,
// so that appending to them cannot reach another row's), in one
// allocation for many rows.
func (tr *tableRecognizer) lookupRow(table TableID, key RowKey) (RowDef, bool) {
	for _, d := range rowDefs(table) {
		if d.Key == key {
			d.Cols = tr.cloneCols(d.Cols)
			return d, true
		}
	}
	return RowDef{}, false
}

// cloneCols copies cols into the recognizer's block of columns.
func (tr *tableRecognizer) cloneCols(cols []ColumnDef) []ColumnDef {
	if cols == nil {
		return nil // as slices.Clone
	}
	if cap(tr.cols)-len(tr.cols) < len(cols) {
		tr.cols = make([]ColumnDef, 0, max(128, len(cols)))
	}
	start := len(tr.cols)
	tr.cols = append(tr.cols, cols...)
	return tr.cols[start:len(tr.cols):len(tr.cols)]
}

// appendKey appends a row key to a table's Order, making room for all the
// table's rows at the first.
func appendKey(order []RowKey, key RowKey, table TableID) []RowKey {
	if order == nil {
		order = make([]RowKey, 0, len(rowDefs(table)))
	}
	return append(order, key)
}

func (tr *tableRecognizer) t4group(key RowKey, it item, values []item, rowLoc Loc) {
	def, _ := tr.lookupRow(Table4, key)
	t := tr.table(Table4, rowLoc)
	if _, dup := t.Rows[key]; dup {
		return
	}
	t.Rows[key] = &CanonRow{Key: key, Label: it.text, Loc: it.loc, Def: def, Cells: makeValues(values, 5, rowLoc)}
	t.Order = appendKey(t.Order, key, Table4)
}

func (tr *tableRecognizer) t4data(values []item, rowLoc Loc) {
	t := tr.table(Table4, rowLoc)
	vals := makeValues(values, 15, rowLoc)
	if len(t.Rows) > 0 {
		// A later row with numbers replaces an earlier unfilled one.
		if anyKnown(t) || !anyKnownValue(vals) {
			return
		}
		t.Rows, t.Order = map[RowKey]*CanonRow{}, nil
	}
	for g, def := range table4Rows {
		loc := rowLoc
		if !vals[g*5].Loc.IsZero() {
			loc = vals[g*5].Loc
		}
		t.Rows[def.Key] = &CanonRow{Key: def.Key, Label: def.Label, Loc: loc, Def: def, Cells: vals[g*5 : g*5+5]}
		t.Order = appendKey(t.Order, def.Key, Table4)
	}
}

// finish decides the layout and notes missing rows and columns.
func (tr *tableRecognizer) finish() {
	r := tr.r
	for _, n := range r.Notes {
		if n.Kind == NoteOldLayout {
			r.LayoutEvidence = append(r.LayoutEvidence, n)
		}
	}
	if len(r.Tables) > 0 {
		r.Layout = Layout2021
		if len(r.LayoutEvidence) > 0 {
			r.Layout = Layout2019
		}
	}
	if tr.old2 {
		if t := r.Tables[Table2]; t == nil {
			tr.table(Table2, r.LayoutEvidence[0].Loc)
		}
	}
	for _, id := range TableIDs() {
		t := r.Tables[id]
		if t == nil || (id == Table2 && tr.old2) {
			continue
		}
		for _, def := range rowDefs(id) {
			if def.Layout != "" && def.Layout != r.Layout {
				continue
			}
			if t.Rows[def.Key] == nil {
				tr.note(Note{Kind: NoteRowMissing, Table: id, Row: def.Key, Want: def.FullLabel(), Loc: t.Loc})
			}
		}
	}
	// A column of table 三 is missing when the data rows are short and a
	// header that was read (most column labels seen) lacks its label. A
	// garbled header alone (a PDF label split in pieces) is not evidence.
	if t := r.Tables[Table3]; t != nil && tr.headers[Table3] != nil && shortRows(t) {
		seen := 0
		for _, c := range table3Cols {
			if tr.headers[Table3][string(c.Key)] {
				seen++
			}
		}
		for _, c := range table3Cols {
			if seen >= 4 && !tr.headers[Table3][string(c.Key)] {
				tr.note(Note{Kind: NoteRowMissing, Table: Table3, Col: c.Key, Want: c.Label, Loc: t.Loc})
			}
		}
	}
}

// shortRows reports whether no row of the table has all its cells.
func shortRows(t *CanonTable) bool {
	for _, row := range t.Rows {
		full := true
		for _, v := range row.Cells {
			if v.Kind == Missing {
				full = false
			}
		}
		if full {
			return false
		}
	}
	return len(t.Rows) > 0
}

func anyKnown(t *CanonTable) bool {
	for _, r := range t.Rows {
		if anyKnownValue(r.Cells) {
			return true
		}
	}
	return false
}

func anyKnownValue(vs []*Value) bool {
	for _, v := range vs {
		if v.Known() {
			return true
		}
	}
	return false
}
