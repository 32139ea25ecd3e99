package main

import (
	"embed"
	"fmt"
	"html/template"
	"io"
	"strconv"
	"time"

	"github.com/reportlint/reportlint/parser"
	"github.com/reportlint/reportlint/rules"
)

// The HTML of results has one renderer: the templates in webui/report.tmpl,
// fed by the view model below. The batch summary (check --format html,
// --summary x.html) is a whole page with the stylesheet and the script
// inlined, so it works offline as one file; the self-check page of
// `reportlint serve` asks the server for the same "results" fragment and
// loads the same stylesheet and script from the server's own origin.

//go:embed webui
var webui embed.FS

func mustAsset(name string) string {
	b, err := webui.ReadFile("webui/" + name)
	if err != nil {
		panic(err)
	}
	return string(b)
}

var htmlTemplates = template.Must(template.New("report.tmpl").Funcs(template.FuncMap{
	"cell": cellClass,
}).ParseFS(webui, "webui/report.tmpl"))

// writeHTML writes one self-contained page that a supervising office can
// open, print or send on: a sortable overview of every file (with a filter
// for reports with errors), then each file's three tables drawn as tables
// with the offending cells marked and its findings beside them.
func writeHTML(w io.Writer, out []checked) error {
	v := buildView(out)
	page := struct {
		resultsView
		CSS template.CSS
		JS  template.JS
	}{v, template.CSS(mustAsset("report.css")), template.JS(mustAsset("report.js"))}
	return htmlTemplates.ExecuteTemplate(w, "page", page)
}

// writeHTMLFragment writes the results without the page around them, for
// the self-check page of reportlint serve.
func writeHTMLFragment(w io.Writer, out []checked) error {
	return htmlTemplates.ExecuteTemplate(w, "results", buildView(out))
}

// resultsView is what the templates render.
type resultsView struct {
	Generated                          string
	N, Passed, Failed, Unread          int
	Errors, Warnings, Infos, WithError int
	Files                              []fileView
}

type fileView struct {
	ID       int
	Anchor   string
	Summary  fileSummary
	Previous string
	// Top is the most serious finding's message, for the overview.
	Top string
	// Unreadable files (P001) have no tables.
	Unreadable bool
	// TablesLeftOut: a report without findings in a large batch is listed
	// without its tables, to keep the page small.
	TablesLeftOut bool
	Tables        []tableView
	Items         []findingItem
}

// findingItem is one line of a file's findings: a finding, or a group of
// many findings of one rule (blank cells, typically) folded together.
type findingItem struct {
	F     *findingView
	Group *findingGroup
}

type findingGroup struct {
	Rule, Name, Sev, SevClass string
	Findings                  []findingView
}

type findingView struct {
	ID                  string
	Sev, SevClass       string
	Rule, Name, Message string
	Where               string
	Target              string // anchor of the cell, row or table; "" when none is drawn
	Expected, Actual    string
	Relation            string // the identity checked, instead of Expected/Actual (rules.Rule.Relation)
	TargetKind          string // "单元格", "行", "表"
	HasValues           bool
	TableKey, Row, Col  string
	sevRank_            int
}

type tableView struct {
	ID, Anchor, Name string
	Absent           bool
	Mark             string // severity class when a finding names the table itself
	Refs             string
	LabelCols        int // columns the row labels take
	Width            int // all columns
	Rows             []rowView
}

// rowView is one drawn row: a section line (Section), a header line (Head)
// or a data row.
type rowView struct {
	Section  string
	Head     []string
	HeadSpan int // span of each head cell after the label cell
	Anchor   string
	Group    string
	GroupRow int // rowspan of the group cell; 0 = no group cell on this row
	Grouped  bool
	Label    string
	Mark     string
	Refs     string
	Absent   bool
	Cells    []cellView
}

type cellView struct {
	Text, Anchor, Mark, Refs, Title string
	Blank                           bool
	Span                            int
}

func cellClass(c cellView) string {
	s := "v"
	if c.Blank {
		s += " blank"
	}
	if c.Mark != "" {
		s += " mark mark-" + c.Mark
	}
	return s
}

var sevClass = map[rules.Severity]string{rules.Error: "error", rules.Warning: "warning", rules.Info: "info"}

// tableNum gives the ASCII digit used in anchors for a table ID.
var tableNum = map[parser.TableID]string{parser.Table2: "2", parser.Table3: "3", parser.Table4: "4"}

// drawCleanUpTo is the largest batch in which reports without findings
// still have their tables drawn (about 17 KB of page each).
const drawCleanUpTo = 100

// groupAt is how many findings of one rule in one file are folded into a
// group.
const groupAt = 6

func buildView(out []checked) resultsView {
	v := resultsView{N: len(out), Generated: time.Now().Format("2006-01-02 15:04")}
	for i, c := range out {
		f := buildFile(i+1, c, len(out) <= drawCleanUpTo || len(c.Findings) > 0)
		switch f.Summary.Status {
		case "通过":
			v.Passed++
		case "无法读取":
			v.Unread++
		default:
			v.Failed++
		}
		if f.Summary.Errors > 0 {
			v.WithError++
		}
		v.Errors += f.Summary.Errors
		v.Warnings += f.Summary.Warnings
		v.Infos += f.Summary.Infos
		v.Files = append(v.Files, f)
	}
	return v
}

func buildFile(id int, c checked, withTables bool) fileView {
	fv := fileView{ID: id, Anchor: fmt.Sprintf("f%d", id), Summary: summarize(c), Previous: c.Previous}
	fv.Unreadable = fv.Summary.Status == "无法读取"
	var top *rules.Finding
	for i := range c.Findings {
		if top == nil || c.Findings[i].Severity.Rank() > top.Severity.Rank() {
			top = &c.Findings[i]
		}
	}
	if top != nil {
		fv.Top = top.Rule + " " + top.Message
	}
	// Draw the tables first so findings can point at what is drawn.
	anchors := map[string]bool{}
	switch {
	case fv.Unreadable:
	case withTables:
		fv.Tables = drawTables(fv.Anchor, c.Tables(), anchors)
	default:
		fv.TablesLeftOut = true
	}
	views := make([]findingView, len(c.Findings))
	marks := map[string][]*findingView{}
	for i, x := range c.Findings {
		fw := findingView{ID: fmt.Sprintf("%s-n%d", fv.Anchor, i+1), Sev: severityNames[x.Severity], SevClass: sevClass[x.Severity],
			Rule: x.Rule, Name: x.Name, Message: x.Message, Where: whereInWords(x), Expected: x.Expected, Actual: x.Actual,
			HasValues: x.Expected != "" || x.Actual != "", TableKey: string(x.Table), Row: string(x.Row), Col: string(x.Col), sevRank_: x.Severity.Rank()}
		if rel := ruleRelation(x.Rule); rel != "" {
			// as in the workbook: an identity either side may break names
			// its relation, not an expected figure for one cell
			fw.Expected, fw.Actual, fw.HasValues, fw.Relation = "", "", false, rel
		}
		fw.Target, fw.TargetKind = targetOf(fv.Anchor, x, anchors)
		views[i] = fw
		if fw.Target != "" {
			marks[fw.Target] = append(marks[fw.Target], &views[i])
		}
	}
	markTables(fv.Tables, marks)
	// Fold rules with many findings into groups, in the place of their first
	// finding.
	perRule := map[string]int{}
	for _, x := range c.Findings {
		perRule[x.Rule]++
	}
	groups := map[string]*findingGroup{}
	for i := range views {
		x := &views[i]
		if perRule[x.Rule] < groupAt {
			fv.Items = append(fv.Items, findingItem{F: x})
			continue
		}
		g := groups[x.Rule]
		if g == nil {
			g = &findingGroup{Rule: x.Rule, Name: x.Name, Sev: x.Sev, SevClass: x.SevClass}
			groups[x.Rule] = g
			fv.Items = append(fv.Items, findingItem{Group: g})
		}
		g.Findings = append(g.Findings, *x)
	}
	return fv
}

// whereInWords is placeInWords (the words the Excel list uses too), or
// 全文 for a finding about the whole report.
func whereInWords(x rules.Finding) string {
	if w := placeInWords(x); w != "" {
		return w
	}
	return "全文"
}

// targetOf gives the anchor a finding points at: its cell, else its row,
// else its table, whichever is drawn.
func targetOf(file string, x rules.Finding, anchors map[string]bool) (string, string) {
	n := tableNum[x.Table]
	if n == "" {
		return "", ""
	}
	t := file + "-t" + n
	row, col := string(x.Row), string(x.Col)
	if row != "" && col != "" && anchors[t+"-"+row+"-"+col] {
		return t + "-" + row + "-" + col, "单元格"
	}
	if row != "" && anchors[t+"-"+row] {
		return t + "-" + row, "行"
	}
	if anchors[t] {
		return t, "表"
	}
	return "", ""
}

// markTables marks the cells, rows and tables findings point at with the
// most serious severity among them and the IDs of those findings.
func markTables(tables []tableView, marks map[string][]*findingView) {
	mark := func(anchor string) (string, string) {
		fs := marks[anchor]
		if len(fs) == 0 {
			return "", ""
		}
		best := fs[0]
		refs := ""
		for i, f := range fs {
			if f.sevRank_ > best.sevRank_ {
				best = f
			}
			if i > 0 {
				refs += " "
			}
			refs += f.ID
		}
		return best.SevClass, refs
	}
	for ti := range tables {
		t := &tables[ti]
		t.Mark, t.Refs = mark(t.Anchor)
		for ri := range t.Rows {
			r := &t.Rows[ri]
			if r.Anchor == "" {
				continue
			}
			r.Mark, r.Refs = mark(r.Anchor)
			for ci := range r.Cells {
				c := &r.Cells[ci]
				c.Mark, c.Refs = mark(c.Anchor)
				if fs := marks[c.Anchor]; len(fs) > 0 {
					c.Title = fs[0].Rule + " " + fs[0].Message
					if len(fs) > 1 {
						c.Title += fmt.Sprintf("（另有 %d 条）", len(fs)-1)
					}
				}
			}
		}
	}
}

func fmtNum(v *float64) (string, bool) {
	if v == nil {
		return "", true
	}
	return strconv.FormatFloat(*v, 'f', -1, 64), false
}

// drawTables lays the canonical tables 二/三/四 out as the statutory format
// draws them, with Chinese labels; a blank (or unreadable) cell is drawn
// blank. Every anchor drawn is recorded in anchors.
func drawTables(file string, e *Extract, anchors map[string]bool) []tableView {
	if e == nil {
		e = &Extract{}
	}
	return []tableView{draw2(file, e, anchors), draw3(file, e, anchors), draw4(file, e, anchors)}
}

func newTable(file string, id parser.TableID, absent bool, labelCols int, anchors map[string]bool) tableView {
	data := map[parser.TableID]int{parser.Table2: 3, parser.Table3: len(parser.Table3Cols()), parser.Table4: len(parser.Table4Cols())}[id]
	t := tableView{ID: string(id), Anchor: file + "-t" + tableNum[id], Name: parser.TableName(id), Absent: absent,
		LabelCols: labelCols, Width: labelCols + data}
	anchors[t.Anchor] = true
	return t
}

func draw2(file string, e *Extract, anchors map[string]bool) tableView {
	t := newTable(file, parser.Table2, e.Table2 == nil, 1, anchors)
	if t.Absent {
		return t
	}
	group := ""
	var prevCols []parser.ColumnDef
	for _, d := range parser.Table2Rows() {
		if d.Group != group {
			group = d.Group
			t.Rows = append(t.Rows, rowView{Section: group})
		}
		if !sameCols(d.Cols, prevCols) {
			head := []string{}
			for _, c := range d.Cols {
				head = append(head, c.Label)
			}
			t.Rows = append(t.Rows, rowView{Head: head, HeadSpan: 3 / len(d.Cols)})
			prevCols = d.Cols
		}
		row, ok := e.Table2[string(d.Key)]
		r := rowView{Anchor: t.Anchor + "-" + string(d.Key), Label: d.Label, Absent: !ok}
		for _, c := range d.Cols {
			cv := cellView{Anchor: r.Anchor + "-" + string(c.Key), Span: 3 / len(d.Cols)}
			cv.Text, cv.Blank = fmtNum(row[string(c.Key)])
			r.Cells = append(r.Cells, cv)
			anchors[cv.Anchor] = true
		}
		anchors[r.Anchor] = true
		t.Rows = append(t.Rows, r)
	}
	return t
}

func sameCols(a, b []parser.ColumnDef) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func draw3(file string, e *Extract, anchors map[string]bool) tableView {
	t := newTable(file, parser.Table3, e.Table3 == nil, 2, anchors)
	if t.Absent {
		return t
	}
	layout := parser.Layout(e.Layout)
	if layout == "" {
		layout = parser.Layout2021
	}
	var defs []parser.RowDef
	for _, d := range parser.Table3Rows() {
		if d.Layout == "" || d.Layout == layout {
			defs = append(defs, d)
		}
	}
	head := []string{}
	for _, c := range parser.Table3Cols() {
		head = append(head, c.Label)
	}
	t.Rows = append(t.Rows, rowView{Head: head, HeadSpan: 1})
	const results = "三、本年度办理结果"
	sectionDrawn := false
	for i, d := range defs {
		if d.Group == results && !sectionDrawn {
			t.Rows = append(t.Rows, rowView{Section: results})
			sectionDrawn = true
		}
		vals, ok := e.Table3[string(d.Key)]
		r := rowView{Anchor: t.Anchor + "-" + string(d.Key), Label: d.Label, Absent: !ok}
		if d.Group != "" && d.Group != results {
			r.Grouped = true
			if i == 0 || defs[i-1].Group != d.Group {
				r.Group = d.Group
				for j := i; j < len(defs) && defs[j].Group == d.Group; j++ {
					r.GroupRow++
				}
			}
		}
		r.Cells = valueCells(r.Anchor, parser.Table3Cols(), vals, anchors)
		anchors[r.Anchor] = true
		t.Rows = append(t.Rows, r)
	}
	return t
}

// valueCells draws one row's value cells for the columns cols from the
// extract's values in column order (missing values drawn blank), recording
// each cell's anchor.
func valueCells(row string, cols []parser.ColumnDef, vals []*float64, anchors map[string]bool) []cellView {
	cells := make([]cellView, 0, len(cols))
	for ci, c := range cols {
		cv := cellView{Anchor: row + "-" + string(c.Key), Span: 1}
		var v *float64
		if ci < len(vals) {
			v = vals[ci]
		}
		cv.Text, cv.Blank = fmtNum(v)
		cells = append(cells, cv)
		anchors[cv.Anchor] = true
	}
	return cells
}

func draw4(file string, e *Extract, anchors map[string]bool) tableView {
	t := newTable(file, parser.Table4, e.Table4 == nil, 1, anchors)
	if t.Absent {
		return t
	}
	head := []string{}
	for _, c := range parser.Table4Cols() {
		head = append(head, c.Label)
	}
	t.Rows = append(t.Rows, rowView{Head: head, HeadSpan: 1})
	for _, d := range parser.Table4Rows() {
		vals, ok := e.Table4[string(d.Key)]
		r := rowView{Anchor: t.Anchor + "-" + string(d.Key), Label: d.Label, Absent: !ok}
		r.Cells = valueCells(r.Anchor, d.Cols, vals, anchors)
		anchors[r.Anchor] = true
		t.Rows = append(t.Rows, r)
	}
	return t
}
