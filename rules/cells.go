package rules

import (
	"fmt"
	"strings"

	"github.com/reportlint/reportlint/parser"
)

var cellRules = []*Rule{
	{
		ID: "C201", Name: "cell-blank", Severity: Warning, Check: checkBlankCells, Title: "单元格空白",
		Summary: "需要填数字的单元格为空或只有占位符（-、/、—、无）",
		Doc: `为什么：格式要求表格每一格都填数字，没有发生的事项填 0。空白或"/""-"让读者无法判断是"零"还是"漏报"，汇总时也会出错。reportlint 不会把空白当作 0：凡用到该格的勾稽关系都不予核对。

如何修正：在该格填入实际数字；没有发生的填 0。`,
		Example: `表三"（一）予以公开"行"总计"列为空白：
warning C201 表三「（一）予以公开」行「总计」列为空白，应填数字（没有的填 0）；用到该格的勾稽关系未予核对

一整行都没有填数字时只报一条，列出该行各列：
warning C201 表三「四、结转下年度继续办理」行整行为空白（自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计），应填数字（没有的填 0）`,
	},
	{
		ID: "C202", Name: "cell-not-number", Severity: Error, Check: checkCells(cellNotNumber), Title: "单元格不是数字",
		Summary: "数字单元格中是文字而不是数字",
		Doc: `为什么：表格各格是统计数字，写成文字（如"暂无""十二"）就无法统计和核对。

如何修正：改为阿拉伯数字；说明性文字写在正文中。`,
		Example: `error C202 表四「行政复议」行「结果维持」列为“暂无”，不是数字`,
	},
	{
		ID: "C203", Name: "cell-negative", Severity: Error, Check: checkCells(cellNegative), Title: "单元格为负数",
		Summary: "件数或金额为负数",
		Doc: `为什么：表中的件数和金额不可能为负。负数通常是把"增减"填进了件数栏（2019 试行格式的"本年增/减"），或录入错误。

如何修正：填实际件数或金额。`,
		Example: `error C203 表二「行政处罚」行「本年处理决定数量」列为 -253，件数不能为负`,
	},
	{
		ID: "C204", Name: "cell-not-integer", Severity: Error, Check: checkCells(cellNotInteger), Title: "件数不是整数",
		Summary: "件数不是整数（只有收费金额可以有小数）",
		Doc: `为什么：除表二"本年收费金额（万元）"外，表中各格都是件数，只能是整数。小数通常是把金额或百分比填进了件数栏。

如何修正：填整数件数。`,
		Example: `error C204 表三「一、本年新收政府信息公开申请数量」行「自然人」列为 12.5，件数应为整数`,
	},
	{
		ID: "C205", Name: "unit-in-cell", Severity: Warning, Check: checkCells(cellUnit), Title: "单元格写有单位",
		Summary: "单元格中写了单位（元、万元、件），或以元填入了万元栏",
		Doc: `为什么：单位在表头中已经规定（表二收费金额为"万元"，其余为件数）。格内再写单位容易造成单位混乱，最常见的是把"元"的金额填进"万元"栏，放大一万倍。

如何修正：去掉格内单位，金额换算为万元（例如 2510 元填 0.251）。`,
		Example: `warning C205 表二「行政事业性收费」行「本年收费金额」列写有单位“元”（“251000元”），该栏单位为万元`,
	},
	{
		ID: "C206", Name: "table-blank", Severity: Error, Check: checkTableBlank, Title: "整张表格空白",
		Summary: "法定表格一个数字也没有填（整张表空白）",
		Doc: `为什么：表二、表三、表四是年报的核心内容，格式要求逐格填写数字，没有发生的事项填 0。整张表一个数字也没有，通常是直接发布了未填写的模板，或者填好的表格没有粘贴进来；这样的报告无法核对，也不能汇总。整张表空白时只报这一条，不再逐格报 C201。

如何修正：按本年度的实际统计数据逐格填写该表；没有发生的填 0，不要留空或只保留表头。`,
		Example: `表四只有表头，数据行各格都是空白：
error C206 表四（政府信息公开行政复议、行政诉讼情况）没有填写任何数字（15 个需要填数字的单元格全部为空白或占位符），应按实际情况逐格填写，没有发生的填 0`,
	},
}

// blankish is true for a cell that holds no figure: blank, missing or a
// placeholder ("/", "-", "无").
func blankish(v *parser.Value) bool {
	return v.Kind == parser.Blank || v.Kind == parser.Missing || v.Kind == parser.Placeholder
}

// tableBlank reports whether a statutory table holds no figure at all: not
// one cell is a number or text. The rows counted are those recognised (a
// missing row is S107's).
func tableBlank(t *parser.CanonTable) (cells int, blank bool) {
	for _, row := range t.Rows {
		for _, v := range row.Cells {
			if !blankish(v) {
				return 0, false
			}
			cells++
		}
	}
	return cells, cells > 0
}

func checkTableBlank(p *Pass) {
	for _, id := range parser.TableIDs() {
		t := p.Report.Table(id)
		if t == nil {
			continue
		}
		n, blank := tableBlank(t)
		if !blank {
			continue
		}
		loc := t.Loc
		for _, def := range rowDefs(id) {
			if row := t.Row(def.Key); row != nil && len(row.Cells) > 0 && !row.Cells[0].Loc.IsZero() {
				loc = row.Cells[0].Loc
				break
			}
		}
		p.Add(Finding{Loc: loc, Table: id, Key: "blank/" + string(id),
			Message: fmt.Sprintf("%s没有填写任何数字（%d 个需要填数字的单元格全部为空白或占位符），应按实际情况逐格填写，没有发生的填 0", parser.TableName(id), n)})
	}
}

// checkBlankCells reports blank cells: one finding per blank cell, one per
// row that is blank throughout, none in a table that is blank throughout
// (C206 reports that once).
func checkBlankCells(p *Pass) {
	for _, id := range parser.TableIDs() {
		t := p.Report.Table(id)
		if t == nil {
			continue
		}
		if _, blank := tableBlank(t); blank {
			continue
		}
		for _, def := range rowDefs(id) {
			row := t.Row(def.Key)
			if row == nil {
				continue
			}
			if len(row.Cells) > 1 && rowBlank(row) {
				blankRow(p, t, row)
				continue
			}
			for i, col := range row.Def.Cols {
				if i < len(row.Cells) {
					cellBlank(p, t, row, col, row.Cells[i])
				}
			}
		}
	}
}

func rowBlank(row *parser.CanonRow) bool {
	for _, v := range row.Cells {
		if !blankish(v) {
			return false
		}
	}
	return true
}

// blankRow reports a row without any figure as one finding naming its
// columns.
func blankRow(p *Pass, t *parser.CanonTable, row *parser.CanonRow) {
	var cols []string
	kinds := map[string]bool{}
	for i, col := range row.Def.Cols {
		if i >= len(row.Cells) {
			break
		}
		cols = append(cols, col.Label)
		v := row.Cells[i]
		switch v.Kind {
		case parser.Placeholder:
			kinds["“"+v.Raw+"”"] = true
		case parser.Missing:
			kinds["missing"] = true
		default:
			kinds["blank"] = true
		}
	}
	whole := "整行"
	if t.ID == parser.Table4 {
		whole = "各格"
	}
	what := whole + "没有数字（各列为空白或占位符："
	switch {
	case len(kinds) == 1 && kinds["blank"]:
		what = whole + "为空白（"
	case len(kinds) == 1 && kinds["missing"]:
		what = whole + "缺少数字（"
	case len(kinds) == 1:
		for k := range kinds {
			what = whole + "均为占位符" + k + "（"
		}
	}
	f := Finding{Loc: row.Loc, Table: t.ID, Row: row.Key, Key: string(t.ID) + "/" + string(row.Key)}
	if len(row.Cells) > 0 && !row.Cells[0].Loc.IsZero() {
		f.Loc = row.Cells[0].Loc
	}
	name := "「" + rowName(t.ID, row.Key) + "」"
	if t.ID == parser.Table4 {
		name += "组"
	} else {
		name += "行"
	}
	f.Message = fmt.Sprintf("表%s%s%s%s），应填数字（没有的填 0）；用到这些格的勾稽关系未予核对", t.ID, name, what, strings.Join(cols, "、"))
	p.Add(f)
}

type cellCheck func(p *Pass, t *parser.CanonTable, row *parser.CanonRow, col parser.ColumnDef, v *parser.Value)

// checkCells runs a cell check over every canonical cell of the tables.
func checkCells(c cellCheck) func(*Pass) {
	return func(p *Pass) {
		for _, x := range reportCells(p) {
			c(p, x.table, x.row, x.row.Def.Cols[x.i], x.row.Cells[x.i])
		}
	}
}

// reportCells lists the report's canonical cells (Report.Cells, in its
// order) once per run: the cell rules all read every cell.
func reportCells(p *Pass) []cellAt {
	return p.memo("cells", func() any {
		out := make([]cellAt, 0, cellsBound(p.Report))
		var last *parser.CanonRow
		i := 0
		for ref := range p.Report.Cells {
			// Cells yields each row's cells together, column i of the
			// row's definition with value i, for i = 0, 1, …
			if ref.Row != last {
				last, i = ref.Row, 0
			}
			out = append(out, cellAt{ref.Table, ref.Row, i})
			i++
		}
		return out
	}).([]cellAt)
}

// cellAt is a cell of Report.Cells in less room (two pointers, no copy of
// the column): cell i of a row.
type cellAt struct {
	table *parser.CanonTable
	row   *parser.CanonRow
	i     int
}

// ref is the parser.CellRef Report.Cells yields for the cell.
func (x cellAt) ref() parser.CellRef {
	return parser.CellRef{Table: x.table, Row: x.row, Col: x.row.Def.Cols[x.i], Value: x.row.Cells[x.i]}
}

// cellsBound bounds the number of cells Report.Cells yields (one per value
// of a row), so that their list is allocated once.
func cellsBound(r *parser.Report) int {
	n := 0
	for _, t := range r.Tables {
		if t == nil {
			continue
		}
		for _, row := range t.Rows {
			if row != nil {
				n += len(row.Cells)
			}
		}
	}
	return n
}

func cellBlank(p *Pass, t *parser.CanonTable, row *parser.CanonRow, col parser.ColumnDef, v *parser.Value) {
	var what string
	switch v.Kind {
	case parser.Blank:
		what = "为空白"
	case parser.Missing:
		what = "缺少该单元格"
	case parser.Placeholder:
		what = fmt.Sprintf("为占位符“%s”", v.Raw)
	default:
		return
	}
	f := cellFinding(t, row.Key, col.Key)
	f.Message = fmt.Sprintf("%s%s，应填数字（没有的填 0）；用到该格的勾稽关系未予核对", cellName(t.ID, row.Key, col.Key), what)
	p.Add(f)
}

func cellNotNumber(p *Pass, t *parser.CanonTable, row *parser.CanonRow, col parser.ColumnDef, v *parser.Value) {
	if v.Kind != parser.Text {
		return
	}
	f := cellFinding(t, row.Key, col.Key)
	f.Message = fmt.Sprintf("%s为“%s”，不是数字", cellName(t.ID, row.Key, col.Key), v.Raw)
	p.Add(f)
}

func cellNegative(p *Pass, t *parser.CanonTable, row *parser.CanonRow, col parser.ColumnDef, v *parser.Value) {
	if !v.Known() || v.Num >= 0 {
		return
	}
	f := cellFinding(t, row.Key, col.Key)
	f.Message = fmt.Sprintf("%s为 %s，件数或金额不能为负", cellName(t.ID, row.Key, col.Key), v.Raw)
	p.Add(f)
}

func cellNotInteger(p *Pass, t *parser.CanonTable, row *parser.CanonRow, col parser.ColumnDef, v *parser.Value) {
	if !v.Known() || v.Integer || row.Def.Decimal {
		return
	}
	f := cellFinding(t, row.Key, col.Key)
	f.Message = fmt.Sprintf("%s为 %s，件数应为整数", cellName(t.ID, row.Key, col.Key), v.Raw)
	p.Add(f)
}

// feesYuanThreshold: a department's 万元 amount this large (100 million
// yuan) is far more likely an amount in 元 entered in the 万元 column. A
// people's government's report covers a whole region, whose fee income can
// reach billions, so its threshold is higher.
func feesYuanThreshold(kind parser.Kind) float64 {
	if kind == parser.KindGovernment {
		return 1_000_000
	}
	return 10_000
}

func cellUnit(p *Pass, t *parser.CanonTable, row *parser.CanonRow, col parser.ColumnDef, v *parser.Value) {
	if !v.Known() {
		return
	}
	limit := feesYuanThreshold(p.Report.Kind)
	if v.Unit == "" && !(row.Def.Decimal && v.Num >= limit) {
		return
	}
	f := cellFinding(t, row.Key, col.Key)
	name := cellName(t.ID, row.Key, col.Key)
	switch {
	case v.Unit == "元" && row.Def.Decimal:
		f.Message = fmt.Sprintf("%s写有单位“元”（“%s”），该栏单位为万元，应换算为 %s", name, v.Raw, fmtNum(v.Num/10000))
	case v.Unit != "":
		f.Message = fmt.Sprintf("%s写有单位“%s”（“%s”），单位已在表头规定，格内只填数字", name, v.Unit, v.Raw)
	case row.Def.Decimal && v.Num >= limit:
		f.Message = fmt.Sprintf("%s为 %s 万元（即 %s 亿元），很可能是以元为单位填写的，请核对", name, v.Raw, fmtNum(v.Num/10000))
	default:
		return
	}
	p.Add(f)
}
