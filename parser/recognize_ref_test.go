// Code generated for differential tests; DO NOT EDIT.

// This file is a frozen copy of recognize.go, labels.go, sections.go and
// images.go as they were before recognition was made cheaper (commit
// 4454ed9), every top-level name suffixed with Ref, so that RecognizeRef is
// the reference path the differential tests hold Recognize to. It must
// never be edited to follow the live code (when recognition changes on
// purpose, regenerate it with scripts/refcopy).

package parser

import (
	"github.com/reportlint/reportlint/parser/zhtext"
	"regexp"
	"strconv"
	"strings"
)

// Recognize finds the title, sections and statutory tables of a Document and
// maps them to canonical keys. It never fails: what it cannot find is simply
// absent from the Report (and the rules say so).
func RecognizeRef(doc *Document) *Report {
	r := &Report{Doc: doc, Tables: map[TableID]*CanonTable{}}
	for _, b := range doc.Blocks {
		if b.Para != nil {
			r.Paragraphs = append(r.Paragraphs, b.Para)
		}
	}
	findTitleRef(r)
	findSectionsRef(r)
	rec := &tableRecognizerRef{r: r}
	rec.runRef()
	rec.finishRef()
	rec.finishImagesRef()
	return r
}

// item is one distinct cell of a row as recognition sees it.
type itemRef struct {
	text string
	loc  Loc
	col  int // grid column of the cell's left edge
}

type tableRecognizerRef struct {
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
	// labels caches matchLabel by cell text: reports repeat labels.
	labels map[string]cachedHitRef
	// images are the pictures that may stand for a statutory table.
	images []imageAtRef
}

type cachedHitRef struct {
	hit labelHitRef
	ok  bool
}

func (tr *tableRecognizerRef) matchRef(text string) (labelHitRef, bool) {
	if c, ok := tr.labels[text]; ok {
		return c.hit, c.ok
	}
	h, ok := matchLabelRef(text)
	if tr.labels == nil {
		tr.labels = map[string]cachedHitRef{}
	}
	tr.labels[text] = cachedHitRef{h, ok}
	return h, ok
}

func (tr *tableRecognizerRef) tableRef(id TableID, loc Loc) *CanonTable {
	t := tr.r.Tables[id]
	if t == nil {
		t = &CanonTable{ID: id, Loc: loc, Rows: map[RowKey]*CanonRow{}}
		tr.r.Tables[id] = t
	}
	return t
}

func (tr *tableRecognizerRef) noteRef(n Note) { tr.r.Notes = append(tr.r.Notes, n) }

func (tr *tableRecognizerRef) sawHeaderRef(tableRef TableID, key string) {
	if tr.headers == nil {
		tr.headers = map[TableID]map[string]bool{}
	}
	if tr.headers[tableRef] == nil {
		tr.headers[tableRef] = map[string]bool{}
	}
	tr.headers[tableRef][key] = true
}

func (tr *tableRecognizerRef) runRef() {
	sectionAt := 0
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
			tr.sawImageRef(b.Image, sectionAt)
			continue
		}
		t := b.Table
		if t == nil {
			continue
		}
		if !t.Continued {

			if sec := sectionTableRef(sectionAt); sec != "" && sec != tr.cur {
				tr.cur = sec
				tr.group = ""
			}
		}
		grid := t.Grid()
		for ri := range grid {
			items := rowItemsRef(grid[ri])
			if len(items) == 0 {
				continue
			}
			tr.rowRef(items, t.Rows[min(ri, len(t.Rows)-1)].Loc, sectionAt)
		}
	}
}

// sectionTable is the statutory table that belongs in a section.
func sectionTableRef(num int) TableID {
	if num >= 2 && num <= 4 {
		return sections[num-1].TableID
	}
	return ""
}

// rowItems lists the distinct cells of a grid row, skipping positions that a
// rowspan or colspan carries over (their text was already seen).
func rowItemsRef(rowRef []GridCell) []itemRef {
	var out []itemRef
	for c, g := range rowRef {
		if g.Origin == nil {
			continue
		}
		if !g.Top || !g.Left {
			continue
		}
		out = append(out, itemRef{text: g.Origin.Text, loc: g.Origin.Loc, col: c})
	}
	return out
}

// split divides a row's items into label items and value items: labels are
// the text cells before the first number; everything after the last label is
// a value.
func splitRef(items []itemRef) (labels, values []itemRef) {
	firstNum := len(items)
	for i, it := range items {
		if v := ParseValueRef(it.text); v.Kind == Number {
			firstNum = i
			break
		}
	}
	last := -1
	for i := 0; i < firstNum; i++ {
		if !IsValueLikeRef(items[i].text) {
			last = i
		}
	}
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
	t4GroupValuesRef   = 5
	minT4DataValuesRef = 10
)

// rowRead is one table row as recognition reads it, stage by stage.
type rowReadRef struct {
	labels, values []itemRef
	// hasNumber is set when a value is a number: header rows have none.
	hasNumber bool
	hits      []labelAtRef
	unknown   []itemRef // label cells no statutory label matches
	// own is the hit naming the row itself (an item of the current table).
	own *labelAtRef
}

// labelAt is a label cell with what it was recognised as.
type labelAtRef struct {
	it  itemRef
	hit labelHitRef
}

// row reads one grid row: it splits labels from values, recognises the
// labels, switches the current table, takes in headers and captions,
// settles the ambiguous 其他/总计 labels and stores the row.
func (tr *tableRecognizerRef) rowRef(items []itemRef, rowLoc Loc, section int) {
	rr := tr.classifyRef(items)
	tr.recogniseLabelsRef(rr)
	tr.switchTableRef(rr)
	if tr.cur == "" {
		return
	}
	if tr.takeHeadersRef(rr, rowLoc) {
		return
	}
	tr.settleAmbiguousRef(rr)
	tr.storeRef(rr, rowLoc)
}

// classify splits a row's cells into labels and values (a label cell that
// holds a group and an item label together is split in two) and notes
// whether any value is a number.
func (tr *tableRecognizerRef) classifyRef(items []itemRef) *rowReadRef {
	rr := &rowReadRef{}
	rr.labels, rr.values = splitRef(items)
	rr.labels = tr.splitCombinedRef(rr.labels)
	for _, v := range rr.values {
		if ParseValueRef(v.text).Kind == Number {
			rr.hasNumber = true
		}
	}
	return rr
}

// recogniseLabels matches each label cell against the statutory labels.
func (tr *tableRecognizerRef) recogniseLabelsRef(rr *rowReadRef) {
	for _, l := range rr.labels {
		h, ok := tr.matchRef(l.text)
		if !ok {
			rr.unknown = append(rr.unknown, l)
			continue
		}
		rr.hits = append(rr.hits, labelAtRef{l, h})
	}
}

// switchTable makes the first table-specific label of another table the
// current table.
func (tr *tableRecognizerRef) switchTableRef(rr *rowReadRef) {
	for _, h := range rr.hits {
		if h.hit.tableRef == "" || h.hit.tableRef == tr.cur {
			continue
		}
		tr.cur = h.hit.tableRef
		tr.group = ""
		return
	}
}

// takeHeaders records column headers, groups, 2019 headers and the row's
// own item label. It reports true when the row was fully handled (a group
// of a vertical table 四 with its five values).
func (tr *tableRecognizerRef) takeHeadersRef(rr *rowReadRef, rowLoc Loc) bool {
	for i := range rr.hits {
		h := rr.hits[i].hit
		switch h.kind {
		case hitHeaderRef:
			if tr.headerRef(rr, &rr.hits[i], rowLoc) {
				return true
			}
		case hitGroupRef:
			tr.group = h.group
		case hitOldRef:
			tr.old2 = true
			tr.noteRef(Note{Kind: NoteOldLayout, Table: Table2, Got: strings.TrimSpace(rr.hits[i].it.text), Loc: rr.hits[i].it.loc})
		case hitItemRef:
			if h.tableRef == tr.cur {
				rr.own = &rr.hits[i]
			}
		}
	}
	return false
}

// header takes in one column-header label; see takeHeaders for the result.
func (tr *tableRecognizerRef) headerRef(rr *rowReadRef, at *labelAtRef, rowLoc Loc) bool {
	h := at.hit
	tr.sawHeaderRef(tr.cur, h.key)
	if h.key == "小计" && tr.cur == Table3 && !rr.hasNumber && tr.r.Doc.Format != FormatText {

		if tr.extraCols == nil {
			tr.extraCols = map[int]bool{}
		}
		if !tr.extraCols[at.it.col] {
			tr.extraCols[at.it.col] = true
			tr.noteRef(Note{Kind: NoteExtraRow, Table: Table3, Col: "extra", Got: strings.Join(strings.Fields(at.it.text), ""), Loc: at.it.loc})
		}
	}
	if h.key == "其他" && tr.cur == Table3 && !rr.hasNumber && tr.group != "其他处理" {
		tr.sawHeaderRef(Table3, string(ColOtherOrg))
	}
	if h.key == "总计" && !rr.hasNumber && tr.cur != Table2 {
		tr.sawHeaderRef(tr.cur, string(ColTotal))
	}
	if tr.cur == Table4 {
		tr.t4header = true
	}
	if tr.cur == Table4 && rr.hasNumber && len(rr.values) >= t4GroupValuesRef {

		if g := t4GroupRef(h.key); g != "" {
			tr.t4groupRef(g, at.it, rr.values, rowLoc)
			return true
		}
	}
	return false
}

// settleAmbiguous gives table 三 rows without an item label of their own
// one from the labels that are also column headers: "其他" under
// （六）其他处理 is 3.其他, "总计"/"合计" is （七）总计, and a （六）其他处理
// group cell with values is the 2019 layout's single row.
func (tr *tableRecognizerRef) settleAmbiguousRef(rr *rowReadRef) {
	if rr.own != nil || tr.cur != Table3 || len(rr.values) == 0 {
		return
	}
	for i := len(rr.hits) - 1; i >= 0; i-- {
		h := rr.hits[i].hit
		if h.kind == hitHeaderRef && h.key == "其他" && tr.group == "其他处理" {
			rr.hits[i].hit = labelHitRef{tableRef: Table3, kind: hitItemRef, key: "R3_6_3", exact: true, want: "3.其他"}
			rr.own = &rr.hits[i]
			return
		}
		if h.kind == hitHeaderRef && (h.key == "总计" || h.key == "合计") && (rr.hasNumber || tr.group != "") {
			rr.hits[i].hit = labelHitRef{tableRef: Table3, kind: hitItemRef, key: "R3_7", exact: h.key == "总计", want: "（七）总计"}
			rr.own = &rr.hits[i]
			return
		}
	}
	if tr.group == "其他处理" && len(rr.hits) > 0 && rr.hits[len(rr.hits)-1].hit.kind == hitGroupRef {
		last := rr.hits[len(rr.hits)-1]
		last.hit = labelHitRef{tableRef: Table3, kind: hitItemRef, key: "R3_6", exact: true, want: "（六）其他处理"}
		rr.own = &last
		tr.noteRef(Note{Kind: NoteOldLayout, Table: Table3, Row: "R3_6", Got: strings.TrimSpace(last.it.text), Loc: last.it.loc})
	}
}

// store puts the row where it belongs: a statutory row under its key, the
// data row of table 四, or a note for a row the format does not have.
func (tr *tableRecognizerRef) storeRef(rr *rowReadRef, rowLoc Loc) {
	switch {
	case rr.own != nil:
		labels, values := textValuesAfterRef(rr.own.it, rr.labels, rr.values, func(it itemRef) bool {
			_, ok := tr.matchRef(it.text)
			return ok
		})
		tr.itemRef(rr.own.hit, rr.own.it, labels, values, rowLoc)
	case tr.cur == Table4 && len(rr.labels) == 0 && len(rr.values) >= minT4DataValuesRef && (rr.hasNumber || tr.t4header):

		tr.t4dataRef(rr.values, rowLoc)
	case len(rr.unknown) > 0 && rr.hasNumber:

		if tr.cur == Table4 && len(rr.values) >= minT4DataValuesRef {
			tr.t4dataRef(rr.values, rowLoc)
			return
		}
		tr.noteRef(Note{Kind: NoteExtraRow, Table: tr.cur, Got: joinTextsRef(rr.unknown), Loc: rr.unknown[0].loc})
	}
}

// textValuesAfter moves text cells that follow the row's own label and are
// no label themselves back to the values: in "行政事业性收费 | 一点二五" the
// second cell is a (wrong) value, not part of the label, and must be
// reported as text rather than lost.
func textValuesAfterRef(own itemRef, labels, values []itemRef, known func(itemRef) bool) ([]itemRef, []itemRef) {
	at := -1
	for i, l := range labels {
		if l.loc == own.loc && l.text == own.text {
			at = i
		}
	}
	if at < 0 || at == len(labels)-1 {
		return labels, values
	}
	var moved []itemRef
	for _, l := range labels[at+1:] {
		if known(l) {
			return labels, values
		}
		moved = append(moved, l)
	}
	return labels[:at+1], append(moved, values...)
}

// innerEnum finds where an enumerator starts inside a compacted label:
// "（三）不予公开1．属于国家秘密" has "1．" after the group's name.
var innerEnumRef = zhtext.InnerEnumeratorRe

// splitCombined splits a label cell that holds a group label and an item
// label together (a merged cell flattened by the producer, or "<br>" inside
// one cell) into two labels, when both halves are known labels.
func (tr *tableRecognizerRef) splitCombinedRef(labels []itemRef) []itemRef {
	var out []itemRef
	for _, l := range labels {
		c := CompactRef(l.text)
		if h, ok := tr.matchRef(l.text); (ok && h.exact) || len(c) < 6 {
			out = append(out, l)
			continue
		}
		splitRef := false
		for _, m := range innerEnumRef.FindAllStringIndex(c, 4) {
			if m[0] == 0 {
				continue
			}
			head, tail := c[:m[0]], c[m[0]:]
			hh, ok1 := tr.matchRef(head)
			_, ok2 := tr.matchRef(tail)
			if ok1 && ok2 && hh.exact && (hh.kind == hitGroupRef || hh.kind == hitItemRef) {
				out = append(out, itemRef{text: head, loc: l.loc}, itemRef{text: tail, loc: l.loc})
				splitRef = true
				break
			}
		}
		if !splitRef {
			out = append(out, l)
		}
	}
	return out
}

func joinTextsRef(items []itemRef) string {
	var parts []string
	for _, it := range items {
		parts = append(parts, strings.Join(strings.Fields(it.text), ""))
	}
	return strings.Join(parts, " ")
}

func t4GroupRef(key string) RowKey {
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
func fitValuesRef(values []itemRef, n int) []itemRef {
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

func makeValuesRef(values []itemRef, n int, rowLoc Loc) []*Value {
	values = fitValuesRef(values, n)
	out := make([]*Value, n)
	for i := range n {
		if i < len(values) {
			v := ParseValueRef(values[i].text)
			v.Loc = values[i].loc
			if v.Loc.IsZero() {
				v.Loc = rowLoc
			}
			out[i] = &v
		} else {
			out[i] = &Value{Kind: Missing, Loc: rowLoc}
		}
	}
	return out
}

func (tr *tableRecognizerRef) itemRef(h labelHitRef, it itemRef, labels, values []itemRef, rowLoc Loc) {
	if tr.cur == Table2 && tr.old2 {
		return
	}
	key := RowKey(h.key)
	def, ok := LookupRow(tr.cur, key)
	if !ok {
		return
	}
	t := tr.tableRef(tr.cur, rowLoc)
	if _, dup := t.Rows[key]; dup {
		return
	}
	loc := it.loc
	if loc.IsZero() {
		loc = rowLoc
	}
	if tr.cur == Table3 && len(tr.extraCols) > 0 {
		var kept []itemRef
		for _, v := range values {
			if !tr.extraCols[v.col] {
				kept = append(kept, v)
			}
		}
		values = kept
	}
	rowRef := &CanonRow{Key: key, Label: joinTextsRef(labels), Loc: loc, Def: def, Cells: makeValuesRef(values, len(def.Cols), rowLoc)}
	t.Rows[key] = rowRef
	t.Order = append(t.Order, key)
	if !h.exact {
		tr.noteRef(Note{Kind: NoteLabelVariant, Table: tr.cur, Row: key, Got: strings.Join(strings.Fields(it.text), ""), Want: def.Label, Loc: loc})
	}
}

func (tr *tableRecognizerRef) t4groupRef(key RowKey, it itemRef, values []itemRef, rowLoc Loc) {
	def, _ := LookupRow(Table4, key)
	t := tr.tableRef(Table4, rowLoc)
	if _, dup := t.Rows[key]; dup {
		return
	}
	t.Rows[key] = &CanonRow{Key: key, Label: it.text, Loc: it.loc, Def: def, Cells: makeValuesRef(values, 5, rowLoc)}
	t.Order = append(t.Order, key)
}

func (tr *tableRecognizerRef) t4dataRef(values []itemRef, rowLoc Loc) {
	t := tr.tableRef(Table4, rowLoc)
	vals := makeValuesRef(values, 15, rowLoc)
	if len(t.Rows) > 0 {

		if anyKnownRef(t) || !anyKnownValueRef(vals) {
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
		t.Order = append(t.Order, def.Key)
	}
}

// finish decides the layout and notes missing rows and columns.
func (tr *tableRecognizerRef) finishRef() {
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
			tr.tableRef(Table2, r.LayoutEvidence[0].Loc)
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
				tr.noteRef(Note{Kind: NoteRowMissing, Table: id, Row: def.Key, Want: def.FullLabel(), Loc: t.Loc})
			}
		}
	}

	if t := r.Tables[Table3]; t != nil && tr.headers[Table3] != nil && shortRowsRef(t) {
		seen := 0
		for _, c := range table3Cols {
			if tr.headers[Table3][string(c.Key)] {
				seen++
			}
		}
		for _, c := range table3Cols {
			if seen >= 4 && !tr.headers[Table3][string(c.Key)] {
				tr.noteRef(Note{Kind: NoteRowMissing, Table: Table3, Col: c.Key, Want: c.Label, Loc: t.Loc})
			}
		}
	}
}

// shortRows reports whether no row of the table has all its cells.
func shortRowsRef(t *CanonTable) bool {
	for _, rowRef := range t.Rows {
		full := true
		for _, v := range rowRef.Cells {
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

func anyKnownRef(t *CanonTable) bool {
	for _, r := range t.Rows {
		if anyKnownValueRef(r.Cells) {
			return true
		}
	}
	return false
}

func anyKnownValueRef(vs []*Value) bool {
	for _, v := range vs {
		if v.Known() {
			return true
		}
	}
	return false
}

// hitKind says what a label cell was recognised as.
type hitKindRef int

const (
	hitItemRef    hitKindRef = iota + 1 // a data row label: key set
	hitGroupRef                         // a group cell: group set
	hitHeaderRef                        // a column header: col set
	hitCaptionRef                       // a table 二 block caption
	hitOldRef                           // a 2019-layout label
)

// labelHit is one recognition of a label cell.
type labelHitRef struct {
	tableRef TableID
	kind     hitKindRef
	key      string // row key for items, column key or label for headers
	group    string // group core for groups and items under a group
	want     string // canonical wording
	exact    bool   // the core matched exactly (else a near miss: S106)
}

type labelEntryRef struct {
	core string
	hit  labelHitRef
}

// dictionary of exact cores; built once.
var labelDictRef = buildLabelDictRef()

func buildLabelDictRef() []labelEntryRef {
	var d []labelEntryRef
	add := func(label string, h labelHitRef) {
		h.want = label
		h.exact = true
		d = append(d, labelEntryRef{core: CoreLabelRef(label), hit: h})
	}
	for _, r := range table2Rows {
		add(r.Label, labelHitRef{tableRef: Table2, kind: hitItemRef, key: string(r.Key)})
	}
	for _, h := range []string{"信息内容", "本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额"} {
		add(h, labelHitRef{tableRef: Table2, kind: hitHeaderRef, key: h})
	}
	for _, h := range []string{"本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减", "本年增减",
		"处理决定数量", "采购项目数量", "采购总金额", "其他对外管理服务事项", "政府集中采购"} {
		add(h, labelHitRef{tableRef: Table2, kind: hitOldRef, key: h})
	}
	for _, r := range table3Rows {
		if r.Key == R3_6 {
			continue
		}
		h := labelHitRef{tableRef: Table3, kind: hitItemRef, key: string(r.Key)}
		if strings.HasPrefix(r.Group, "（") {
			h.group = CoreLabelRef(r.Group)
		}
		add(r.Label, h)
	}
	for _, g := range []string{"三、本年度办理结果", "（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理"} {
		add(g, labelHitRef{tableRef: Table3, kind: hitGroupRef, group: CoreLabelRef(g)})
	}
	for _, c := range table3Cols {
		if c.Key == ColOtherOrg || c.Key == ColTotal {
			continue
		}
		add(c.Label, labelHitRef{tableRef: Table3, kind: hitHeaderRef, key: string(c.Key)})
	}
	add("申请人情况", labelHitRef{tableRef: Table3, kind: hitHeaderRef, key: "applicant"})
	add("法人或其他组织", labelHitRef{tableRef: Table3, kind: hitHeaderRef, key: "org"})
	for _, h := range []string{"行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉"} {
		add(h, labelHitRef{tableRef: Table4, kind: hitHeaderRef, key: h})
	}
	for _, c := range table4Cols[:4] {
		add(c.Label, labelHitRef{tableRef: Table4, kind: hitHeaderRef, key: string(c.Key)})
	}
	return d
}

// ambiguous labels that belong to several tables; resolved by context.
var ambiguousCoresRef = map[string]bool{"总计": true, "其他": true, "合计": true, "小计": true}

// matchLabel recognises one label cell. It returns ok=false for text that is
// no known label (nor a near miss of one).
func matchLabelRef(text string) (labelHitRef, bool) {
	c := CompactRef(text)
	if c == "" {
		return labelHitRef{}, false
	}
	if strings.Contains(c, "勾稽关系") {
		return labelHitRef{tableRef: Table3, kind: hitHeaderRef, key: "note", exact: true}, true
	}
	if strings.HasPrefix(c, "第二十条") {
		h := labelHitRef{tableRef: Table2, kind: hitCaptionRef, key: c, exact: true}
		if strings.Contains(c, "九") {
			h.kind = hitOldRef
		}
		return h, true
	}

	if strings.HasPrefix(c, "行政诉讼") || strings.HasPrefix(c, "诉讼") {
		switch {
		case strings.Contains(c, "未经复议"):
			return labelHitRef{tableRef: Table4, kind: hitHeaderRef, key: "未经复议直接起诉", exact: true}, true
		case strings.Contains(c, "复议后起诉"):
			return labelHitRef{tableRef: Table4, kind: hitHeaderRef, key: "复议后起诉", exact: true}, true
		}
	}
	core := CoreLabelRef(text)

	if strings.HasSuffix(core, "小计") {
		return labelHitRef{kind: hitHeaderRef, key: "小计", exact: true}, true
	}
	if ambiguousCoresRef[core] {
		return labelHitRef{kind: hitHeaderRef, key: core, exact: true}, true
	}
	for _, e := range labelDictRef {
		if e.core == core {
			return e.hit, true
		}
	}

	if len([]rune(core)) < 3 {
		return labelHitRef{}, false
	}
	best, bestDist := -1, 1<<30
	for i, e := range labelDictRef {
		if e.hit.kind == hitOldRef || e.hit.kind == hitCaptionRef {
			continue
		}
		if SimilarRef(core, e.core) {
			d := EditDistanceRef(core, e.core)
			if d < bestDist {
				best, bestDist = i, d
			}
		}
	}
	if best < 0 {
		return labelHitRef{}, false
	}
	h := labelDictRef[best].hit
	h.exact = false
	return h, true
}

// maxHeadingRunes bounds what counts as a heading: a longer paragraph is body
// text even if it starts with "一、".
const maxHeadingRunesRef = 40

// findSections matches paragraphs to the six statutory headings.
func findSectionsRef(r *Report) {
	var found []Section
	isHeading := make([]bool, len(r.Paragraphs))
	for i, p := range r.Paragraphs {
		s, ok := matchHeadingRef(p.Text)
		if !ok {
			continue
		}
		isHeading[i] = true
		s.Loc = p.Loc
		s.First = i + 1
		found = append(found, s)
	}

	empty := func(s Section) bool {
		return s.Inline == "" && s.First < len(r.Paragraphs) && isHeading[s.First]
	}
	var out []Section
	for i, s := range found {
		dup := false
		for _, o := range out {
			if o.Num == s.Num {
				dup = true
			}
		}
		if dup {
			continue
		}
		if empty(s) {
			later := false
			for _, o := range found[i+1:] {
				if o.Num == s.Num {
					later = true
				}
			}
			if later {
				continue
			}
		}
		out = append(out, s)
	}
	for i := range out {
		out[i].End = len(r.Paragraphs)

		for _, o := range out {
			if o.First > out[i].First && o.First-1 < out[i].End {
				out[i].End = o.First - 1
			}
		}
	}
	r.Sections = out
}

// matchHeading recognises a statutory section heading.
func matchHeadingRef(text string) (Section, bool) {
	c := labelReplacerRef.Replace(CompactRef(text))
	if c == "" {
		return Section{}, false
	}
	if len([]rune(c)) > maxHeadingRunesRef {
		return inlineHeadingRef(c)
	}
	written := 0
	rest := c
	if e := EnumeratorRef(c); e != "" && !strings.HasPrefix(e, "(") {
		written = CNNumeralValueRef(e)
		if written == 0 {
			if n, err := strconv.Atoi(e); err == nil {
				written = n
			}
		}
		rest = StripEnumeratorRef(c)
	} else if e != "" {
		return Section{}, false
	}
	rest = strings.TrimRight(rest, "。.:：")

	rest = headingYearRef.ReplaceAllString(rest, "")
	for _, d := range sections {
		if rest == labelReplacerRef.Replace(CompactRef(d.Heading)) {
			return Section{Num: d.Num, Written: strings.TrimSpace(text), WrittenNum: written}, true
		}
	}
	for _, d := range sections {
		for _, v := range d.Variants {
			if rest == labelReplacerRef.Replace(CompactRef(v)) {
				return Section{Num: d.Num, Written: strings.TrimSpace(text), WrittenNum: written, Variant: true}, true
			}
		}
	}

	if written == 0 {
		return Section{}, false
	}

	if sec, ok := inlineHeadingRef(c); ok {
		return sec, true
	}
	for _, d := range sections {
		cands := append([]string{d.Heading}, d.Variants...)
		for _, v := range cands {
			if SimilarRef(rest, labelReplacerRef.Replace(CompactRef(v))) && EditDistanceRef(rest, v) <= 3 {
				return Section{Num: d.Num, Written: strings.TrimSpace(text), WrittenNum: written, Variant: true}, true
			}
		}
	}
	return Section{}, false
}

// inlineHeading recognises a long paragraph that starts with a numbered
// canonical heading and goes on with body text.
func inlineHeadingRef(c string) (Section, bool) {
	e := EnumeratorRef(c)
	if e == "" || strings.HasPrefix(e, "(") {
		return Section{}, false
	}
	written := CNNumeralValueRef(e)
	if written == 0 {
		return Section{}, false
	}
	rest := headingYearRef.ReplaceAllString(StripEnumeratorRef(c), "")
	for _, d := range sections {
		for _, v := range append([]string{d.Heading}, d.Variants...) {
			h := labelReplacerRef.Replace(CompactRef(v))
			if strings.HasPrefix(rest, h) {
				inline := strings.TrimLeft(rest[len(h):], "。.:：")
				return Section{Num: d.Num, Written: e + "、" + v, WrittenNum: written, Variant: v != d.Heading, Inline: inline}, true
			}
		}
	}
	return Section{}, false
}

// headingYear is a year written at the start of a heading's wording.
var headingYearRef = zhtext.HeadingYearRe

var (
	yearReRef    = zhtext.YearRe
	cnYearReRef  = zhtext.CNYearRe
	titleMarkRef = "年度报告"
)

// findTitle takes the title from the first paragraphs (or the container's
// title) and reads the issuer, year and kind from it.
func findTitleRef(r *Report) {

	hasYear := func(i int) bool {
		if yearReRef.MatchString(FoldWidthRef(CompactRef(r.Paragraphs[i].Text))) {
			return true
		}
		if i > 0 {
			prev := CompactRef(r.Paragraphs[i-1].Text)
			return len([]rune(prev)) < 40 && yearReRef.MatchString(FoldWidthRef(prev))
		}
		return false
	}
	chosen := -1
	for i, p := range r.Paragraphs {
		if i > 20 {
			break
		}
		c := CompactRef(p.Text)
		if !strings.Contains(c, titleMarkRef) || len([]rune(c)) >= 80 {
			continue
		}
		if chosen < 0 {
			chosen = i
		}
		if hasYear(i) {
			chosen = i
			break
		}
	}
	if chosen >= 0 {
		i, p := chosen, r.Paragraphs[chosen]
		c := CompactRef(p.Text)
		r.Title, r.TitleLoc = strings.Join(strings.Fields(p.Text), " "), p.Loc

		if i > 0 && !yearReRef.MatchString(FoldWidthRef(c)) {
			prev := CompactRef(r.Paragraphs[i-1].Text)
			if len([]rune(prev)) < 40 && yearReRef.MatchString(FoldWidthRef(prev)) {
				r.Title = strings.TrimSpace(r.Paragraphs[i-1].Text) + r.Title
				r.TitleLoc = r.Paragraphs[i-1].Loc
			}
		}
	}
	if r.Title == "" && strings.Contains(r.Doc.Meta.Title, titleMarkRef) {
		r.Title = strings.TrimSpace(r.Doc.Meta.Title)
	}
	if r.Title == "" {
		setPeriodYearRef(r)
		return
	}
	t := FoldWidthRef(CompactRef(r.Title))
	if m := yearReRef.FindStringSubmatchIndex(t); m != nil {
		r.Year, _ = strconv.Atoi(t[m[2]:m[3]])
		issuer := t[:m[0]]
		if issuer == "" {

			after := t[m[1]:]
			if j := strings.Index(after, "政府信息公开"); j > 0 {
				issuer = after[:j]
			}
		}
		r.Issuer = strings.TrimSuffix(strings.Trim(issuer, "《》“”\""), "关于")

		if r.Issuer == "" {
			for i, p := range r.Paragraphs {
				if p.Loc == r.TitleLoc && i > 0 {
					prev := CompactRef(r.Paragraphs[i-1].Text)
					if issuerKindRef(prev) != "" && len([]rune(prev)) <= 30 {
						r.Issuer = prev
						r.Title = prev + r.Title
						r.TitleLoc = r.Paragraphs[i-1].Loc
					}
					break
				}
			}
		}
	} else if m := cnYearReRef.FindStringSubmatchIndex(t); m != nil {
		y, _ := zhtext.YearDigits(t[m[2]:m[3]])
		r.Year = y
		r.Issuer = t[:m[0]]
	}
	r.Kind = issuerKindRef(r.Issuer)
	if r.Year != 0 {
		r.YearSource = YearFromTitle
	} else {
		setPeriodYearRef(r)
	}
}

// setPeriodYear takes the report year from the statistics period.
func setPeriodYearRef(r *Report) {
	if y := periodYearRef(r); y != 0 {
		r.Year, r.YearSource = y, YearFromPeriod
	}
}

// periodYear reads the report year from the statistics-period sentence
// when the title gives none.
func periodYearRef(r *Report) int {
	for i, p := range r.Paragraphs {
		if i > 30 {
			break
		}

		if y, ok := zhtext.PeriodYear(FoldWidthRef(p.Text)); ok {
			return y
		}
	}
	return 0
}

var deptSuffixesRef = []string{"局", "委员会", "委", "办公室", "办", "厅", "部", "院", "中心", "署", "所", "站", "队", "处", "司", "会", "馆", "社"}

// issuerKind tells a people's government's own report from a department's.
func issuerKindRef(issuer string) Kind {
	switch {
	case issuer == "":
		return ""
	case strings.HasSuffix(issuer, "人民政府"):
		return KindGovernment
	}
	for _, s := range deptSuffixesRef {
		if strings.HasSuffix(issuer, s) {
			return KindDepartment
		}
	}
	for _, s := range []string{"省", "市", "县", "区", "旗", "州", "盟"} {
		if strings.HasSuffix(issuer, s) {
			return KindGovernment
		}
	}
	return ""
}

// Pictures smaller than this are icons, bullets or tracking pixels, never a
// table (CSS pixels or PDF points; 0 means the size is unknown).
const (
	minTableImageWidthRef  = 120
	minTableImageHeightRef = 60
)

// imageAt is a picture with the statutory section it sits in.
type imageAtRef struct {
	img     *Image
	section int
}

// altTableRes name a statutory table in a picture's alternative text by
// its title. Numbers come second (altNumberRes): many reports number their
// tables 表1-表3, so "表2" may be table 三.
var altTableResRef = []struct {
	tableRef TableID
	re       *regexp.Regexp
}{
	{Table2, regexp.MustCompile(`主动公开政府信息情况|主动公开情况`)},
	{Table3, regexp.MustCompile(`收到和处理政府信息公开申请|依申请公开情况|政府信息公开申请情况`)},
	{Table4, regexp.MustCompile(`行政复议、?行政诉讼|复议[、和及]?诉讼情况`)},
}

var altNumberResRef = []struct {
	tableRef TableID
	re       *regexp.Regexp
}{
	{Table2, regexp.MustCompile(`表二`)},
	{Table3, regexp.MustCompile(`表三`)},
	{Table4, regexp.MustCompile(`表四`)},
}

// altTable is the table a picture's alternative text names by its title,
// or "".
func altTableRef(alt string) TableID {
	return firstMatchRef(alt, altTableResRef)
}

func firstMatchRef(alt string, res []struct {
	tableRef TableID
	re       *regexp.Regexp
}) TableID {
	c := CompactRef(alt)
	if c == "" {
		return ""
	}
	for _, a := range res {
		if a.re.MatchString(c) {
			return a.tableRef
		}
	}
	return ""
}

// tooSmallForTable reports whether a picture's known size rules it out.
func tooSmallForTableRef(img *Image) bool {
	return (img.Width > 0 && img.Width < minTableImageWidthRef) || (img.Height > 0 && img.Height < minTableImageHeightRef)
}

func (tr *tableRecognizerRef) sawImageRef(img *Image, section int) {
	if tooSmallForTableRef(img) {
		return
	}
	tr.images = append(tr.images, imageAtRef{img: img, section: section})
}

// finishImages records, for each statutory table that was not read, the
// first picture that stands for it.
func (tr *tableRecognizerRef) finishImagesRef() {
	found := map[TableID]*Image{}
	for _, ia := range tr.images {

		id := altTableRef(ia.img.Alt)
		if id == "" && !describesOtherRef(ia.img.Alt) {
			id = sectionTableRef(ia.section)
		}
		if id == "" {
			id = firstMatchRef(ia.img.Alt, altNumberResRef)
		}
		if id == "" || tr.r.Tables[id] != nil || found[id] != nil {
			continue
		}
		found[id] = ia.img
	}
	for _, id := range TableIDs() {
		if img := found[id]; img != nil {
			tr.r.TableImages = append(tr.r.TableImages, TableImage{Table: id, Image: img})
		}
	}
}

// describesOther is true for alternative text that says in Chinese what
// the picture shows and does not call it a table ("领导调研", "办事大厅"): such
// a picture is not taken for the missing table. File names and generic alt
// text ("image001.png", "图片") say nothing.
func describesOtherRef(alt string) bool {
	c := CompactRef(alt)
	han := 0
	for _, r := range c {
		if r >= 0x4e00 && r <= 0x9fff {
			han++
		}
	}
	if han < 2 || c == "图片" || c == "图像" || c == "附图" {
		return false
	}
	return !strings.ContainsAny(c, "表") && !strings.Contains(c, "情况") && !strings.Contains(c, "统计")
}
