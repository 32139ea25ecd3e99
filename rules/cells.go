package rules

import (
	"fmt"

	"github.com/reportlint/reportlint/parser"
)

var cellRules = []*Rule{
	{
		ID: "C201", Name: "cell-blank", Severity: Warning, Check: checkCells(cellBlank), Title: "单元格空白",
		Summary: "需要填数字的单元格为空或只有占位符（-、/、—、无）",
		Doc: `为什么：格式要求表格每一格都填数字，没有发生的事项填 0。空白或"/""-"让读者无法判断是"零"还是"漏报"，汇总时也会出错。reportlint 不会把空白当作 0：凡用到该格的勾稽关系都不予核对。

如何修正：在该格填入实际数字；没有发生的填 0。`,
		Example: `表三"（一）予以公开"行"总计"列为空白：
warning C201 表三「（一）予以公开」行「总计」列为空白，应填数字（没有的填 0）`,
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
}

type cellCheck func(p *Pass, t *parser.CanonTable, row *parser.CanonRow, col parser.ColumnDef, v *parser.Value)

// checkCells runs a cell check over every canonical cell of the tables.
func checkCells(c cellCheck) func(*Pass) {
	return func(p *Pass) {
		for ref := range p.Report.Cells {
			c(p, ref.Table, ref.Row, ref.Col, ref.Value)
		}
	}
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
