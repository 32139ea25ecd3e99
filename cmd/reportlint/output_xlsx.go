package main

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/reportlint/reportlint/internal/xlsx"
	"github.com/reportlint/reportlint/parser"
	"github.com/reportlint/reportlint/rules"
)

var emptyFinding = rules.Finding{}

// Sheet names of the workbook.
const (
	sheetSummary  = "汇总"
	sheetFindings = "问题清单"
	sheetData     = "数据"
	sheetRules    = "规则统计"
	sheetMissing  = "未报送"
)

// writeXLSX writes the Excel workbook a supervising office passes on:
// 汇总 (one row per file), 问题清单 (one row per finding), 数据 (one row per
// report, one column per figure of tables 二/三/四, with totals), 规则统计
// (findings per rule and severity) and, with a roster, 未报送.
func writeXLSX(w io.Writer, out []checked, ro *roster) error {
	wb := xlsx.New()
	xlsxSummary(wb.AddSheet(sheetSummary), out)
	xlsxFindings(wb.AddSheet(sheetFindings), out)
	xlsxData(wb.AddSheet(sheetData), out)
	xlsxRules(wb.AddSheet(sheetRules), out)
	if ro != nil {
		xlsxMissing(wb.AddSheet(sheetMissing), ro, out)
	}
	return wb.Write(w)
}

func textOrBlank(s string) xlsx.Cell {
	if s == "" {
		return xlsx.Blank()
	}
	return xlsx.Text(s)
}

func intOrBlank(n int) xlsx.Cell {
	if n == 0 {
		return xlsx.Blank()
	}
	return xlsx.Number(float64(n))
}

// kindNames are the report kinds in Chinese.
var kindNames = map[string]string{"government": "政府", "department": "部门"}

// mostSerious is the first finding of the highest severity of a file.
func mostSerious(fs []rules.Finding) *rules.Finding {
	var best *rules.Finding
	for i := range fs {
		if best == nil || fs[i].Severity.Rank() > best.Severity.Rank() {
			best = &fs[i]
		}
	}
	return best
}

func xlsxSummary(s *xlsx.Sheet, out []checked) {
	s.Header("文件", "机关", "年度", "类型", "格式", "结论", "错误", "警告", "提示", "最严重的问题")
	s.Widths(48, 28, 7, 6, 7, 9, 6, 6, 6, 90)
	sums := make([]float64, 3)
	for _, c := range out {
		sm := summarize(c)
		sums[0] += float64(sm.Errors)
		sums[1] += float64(sm.Warnings)
		sums[2] += float64(sm.Infos)
		worst := ""
		if f := mostSerious(c.Findings); f != nil {
			worst = fmt.Sprintf("%s %s %s：%s", severityNames[f.Severity], f.Rule, ruleTitle(f.Rule), f.Message)
		}
		s.Row(xlsx.Text(c.Path), textOrBlank(c.Issuer), intOrBlank(c.Year), textOrBlank(kindNames[c.Kind]),
			textOrBlank(string(c.Format)), xlsx.Text(sm.Status),
			xlsx.Number(float64(sm.Errors)), xlsx.Number(float64(sm.Warnings)), xlsx.Number(float64(sm.Infos)), textOrBlank(worst))
	}
	totalsRow(s, len(out), 6, sums)
}

// totalsRow appends a bold 合计 row: SUM formulas over the data rows
// 2..rows+1 of the columns first, first+1, ..., each with its value (sums)
// cached for readers that do not recalculate.
func totalsRow(s *xlsx.Sheet, rows, first int, sums []float64) {
	cells := make([]xlsx.Cell, first+len(sums))
	cells[0] = xlsx.Text("合计").Bold()
	for i, v := range sums {
		col := first + i
		if rows == 0 {
			// no row above to add up: a SUM here would refer to itself
			// (a circular reference Excel and WPS warn about)
			cells[col] = xlsx.Number(0).Bold()
			continue
		}
		cells[col] = xlsx.Formula(fmt.Sprintf("SUM(%s:%s)", xlsx.Ref(col, 2), xlsx.Ref(col, rows+1)), v).Bold()
	}
	s.Row(cells...)
}

// placeInWords says where a finding is as people look for it: the place in
// the file (第3页第12行, 第12行, 第12段) and the canonical cell
// (表三「一、本年新收政府信息公开申请数量」行「自然人」列).
func placeInWords(f rules.Finding) string {
	var parts []string
	cell := cellInWords(f.Table, f.Row, f.Col)
	if line, _, ok := f.Loc.FilePos(); ok {
		parts = append(parts, fmt.Sprintf("第%d行", line))
	} else if w := f.Loc.String(); w != "" {
		parts = append(parts, w)
		// a DOCX table cell's place names the table already: "表三 第4行
		// 第2格「一、本年新收…」行「自然人」列", not "…第2格 表三「…」"
		if t := "表" + string(f.Table); f.Table != "" && strings.HasPrefix(w, t) {
			cell = strings.TrimPrefix(cell, t)
		}
	}
	if cell != "" {
		parts = append(parts, cell)
	}
	return strings.Join(parts, " ")
}

// cellInWords names a canonical cell with its statutory labels.
func cellInWords(table parser.TableID, row parser.RowKey, col parser.ColKey) string {
	if table == "" {
		return ""
	}
	s := "表" + string(table)
	if row != "" {
		label := string(row)
		if d, ok := parser.LookupRow(table, row); ok {
			label = d.FullLabel()
		}
		if table == parser.Table4 {
			s += "「" + label + "」组"
		} else {
			s += "「" + label + "」行"
		}
	}
	if col != "" {
		s += "「" + parser.ColLabel(table, row, col) + "」列"
	}
	return s
}

func xlsxFindings(s *xlsx.Sheet, out []checked) {
	s.Header("文件", "机关", "年度", "级别", "规则", "规则名称", "位置", "应为", "实为", "关系", "说明", "单元格键")
	s.Widths(40, 24, 7, 6, 7, 30, 40, 8, 8, 30, 100, 18)
	for _, c := range out {
		for _, f := range c.Findings {
			key := ""
			if f.Table != "" {
				key = strings.Trim(string(f.Table)+"/"+string(f.Row)+"/"+string(f.Col), "/")
			}
			// 应为/实为 only where the wrong cell is known; for an identity
			// that either side may break (A301) the relation is named.
			expected, actual, relation := numberOrText(f.Expected), numberOrText(f.Actual), xlsx.Blank()
			if rel := ruleRelation(f.Rule); rel != "" {
				expected, actual, relation = xlsx.Blank(), xlsx.Blank(), xlsx.Text(rel)
			}
			s.Row(xlsx.Text(c.Path), textOrBlank(c.Issuer), intOrBlank(c.Year), xlsx.Text(severityNames[f.Severity]),
				xlsx.Text(f.Rule), textOrBlank(ruleTitle(f.Rule)), textOrBlank(placeInWords(f)),
				expected, actual, relation, xlsx.Text(f.Message), textOrBlank(key))
		}
	}
}

// numberOrText is a number cell when s is a plain number, else text.
func numberOrText(s string) xlsx.Cell {
	if s == "" {
		return xlsx.Blank()
	}
	if v, err := parseNumber(s); err == nil {
		return xlsx.Number(v)
	}
	return xlsx.Text(s)
}

// dataColumn is one canonical figure: table, row, column.
type dataColumn struct {
	Table  parser.TableID
	Row    parser.RowKey
	Col    parser.ColKey
	Header string
	// index of the column within the row (table 三/四 arrays)
	Index int
}

// dataColumns lists every canonical figure of tables 二, 三 and 四 in
// statutory order, then the figures of rows only the 2019 layout has.
func dataColumns() []dataColumn {
	var cols, old []dataColumn
	for _, table := range parser.TableIDs() {
		for _, d := range parser.RowDefs(table) {
			for i, c := range d.Cols {
				dc := dataColumn{Table: table, Row: d.Key, Col: c.Key, Index: i,
					Header: "表" + string(table) + " " + dataRowLabel(d) + " " + c.Label}
				if d.Layout == parser.Layout2019 {
					old = append(old, dc)
				} else {
					cols = append(cols, dc)
				}
			}
		}
	}
	return append(cols, old...)
}

// dataRowLabel is the row label used in headers: the group and the label,
// without the group every row of table 三's results shares.
func dataRowLabel(d parser.RowDef) string {
	if d.Group == "" || strings.HasPrefix(d.Group, "三、") {
		return d.Label
	}
	return d.Group + d.Label
}

// figure returns one canonical figure of an extract record, or nil when the
// table is absent or the cell blank.
func (dc dataColumn) figure(e *Extract) *float64 {
	if e == nil {
		return nil
	}
	switch dc.Table {
	case parser.Table2:
		return e.Table2[string(dc.Row)][string(dc.Col)]
	case parser.Table3:
		if r := e.Table3[string(dc.Row)]; dc.Index < len(r) {
			return r[dc.Index]
		}
	case parser.Table4:
		if r := e.Table4[string(dc.Row)]; dc.Index < len(r) {
			return r[dc.Index]
		}
	}
	return nil
}

func xlsxData(s *xlsx.Sheet, out []checked) {
	// The same columns in every workbook, so that workbooks of several runs
	// line up: the figures of the 2021 format, then those only the 2019
	// format has (blank for reports in the 2021 format).
	cols := dataColumns()
	head := []string{"文件", "机关", "年度", "类型"}
	for _, c := range cols {
		head = append(head, c.Header)
	}
	s.Header(head...)
	widths := []float64{40, 28, 7, 6}
	for range cols {
		widths = append(widths, 14)
	}
	s.Widths(widths...)
	const first = 4
	sums := make([]float64, len(cols))
	rows := 0
	for _, c := range out {
		if c.Tables() == nil {
			continue
		}
		cells := []xlsx.Cell{xlsx.Text(c.Path), textOrBlank(c.Issuer), intOrBlank(c.Year), textOrBlank(kindNames[c.Kind])}
		for i, dc := range cols {
			if v := dc.figure(c.Tables()); v != nil {
				cells = append(cells, xlsx.Number(*v))
				sums[i] += *v
			} else {
				cells = append(cells, xlsx.Blank())
			}
		}
		s.Row(cells...)
		rows++
	}
	totalsRow(s, rows, first, sums)
}

func xlsxRules(s *xlsx.Sheet, out []checked) {
	s.Header("规则", "规则名称", "名称", "错误", "警告", "提示", "合计", "涉及文件数")
	s.Widths(7, 40, 26, 7, 7, 7, 7, 10)
	type stat struct {
		by    map[rules.Severity]int
		files int
	}
	stats := map[string]*stat{}
	for _, c := range out {
		seen := map[string]bool{}
		for _, f := range c.Findings {
			st := stats[f.Rule]
			if st == nil {
				st = &stat{by: map[rules.Severity]int{}}
				stats[f.Rule] = st
			}
			st.by[f.Severity]++
			if !seen[f.Rule] {
				seen[f.Rule] = true
				st.files++
			}
		}
	}
	ids := make([]string, 0, len(stats))
	for id := range stats {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	sums := make([]float64, 5)
	for _, id := range ids {
		st := stats[id]
		name := ""
		if r := rules.Lookup(id); r != nil {
			name = r.Name
		}
		e, w, i := st.by[rules.Error], st.by[rules.Warning], st.by[rules.Info]
		vals := [5]float64{float64(e), float64(w), float64(i), float64(e + w + i), float64(st.files)}
		for k := range vals {
			sums[k] += vals[k]
		}
		s.Row(xlsx.Text(id), textOrBlank(ruleTitle(id)), textOrBlank(name),
			xlsx.Number(vals[0]), xlsx.Number(vals[1]), xlsx.Number(vals[2]), xlsx.Number(vals[3]), xlsx.Number(vals[4]))
	}
	totalsRow(s, len(ids), 3, sums[:4])
}

func xlsxMissing(s *xlsx.Sheet, ro *roster, out []checked) {
	cv := ro.compare(out)
	s.Header("单位", "情况", "年度", "文件", "说明")
	s.Widths(36, 10, 7, 48, 60)
	for _, u := range cv.Missing {
		if cs := cv.Ambiguous[u]; len(cs) > 0 {
			paths := make([]string, len(cs))
			for i, c := range cs {
				paths[i] = c.Path
			}
			s.Row(xlsx.Text(u), xlsx.Text("未报送"), intOrBlank(cv.Year), xlsx.Text(strings.Join(paths, "\n")),
				xlsx.Text(fmt.Sprintf("名单 %s 中有此单位，未算作已报送：%s", ro.Path, ambiguousNote(cs))))
			continue
		}
		s.Row(xlsx.Text(u), xlsx.Text("未报送"), intOrBlank(cv.Year), xlsx.Blank(),
			xlsx.Text(fmt.Sprintf("名单 %s 中有此单位，本次检查的文件中没有它的%s报告", ro.Path, yearWords(cv.Year))))
	}
	for _, c := range cv.Unlisted {
		s.Row(xlsx.Text(c.Issuer), xlsx.Text("不在名单中"), intOrBlank(c.Year), xlsx.Text(c.Path),
			xlsx.Text(fmt.Sprintf("报告的发布机关不在名单 %s 中（名称写法不同时，请在名单中改用报告上的写法）", ro.Path)))
	}
	for _, c := range cv.Unknown {
		if why, ok := unreadable(c); ok {
			s.Row(xlsx.Blank(), xlsx.Text("无法读取"), xlsx.Blank(), xlsx.Text(c.Path),
				xlsx.Text(fmt.Sprintf("文件无法读取（%s），未能与名单比对：名单上显示为未报送的单位可能就是这份报告", why)))
			continue
		}
		s.Row(textOrBlank(c.Issuer), xlsx.Text("无法识别"), intOrBlank(c.Year), xlsx.Text(c.Path),
			xlsx.Text(fmt.Sprintf("无法识别报告的%s，未能与名单比对：名单上显示为未报送的单位可能就是这份报告", unknownWhat(c))))
	}
}

func yearWords(y int) string {
	if y == 0 {
		return ""
	}
	return fmt.Sprintf("%d年度", y)
}
