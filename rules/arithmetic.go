package rules

import (
	"fmt"
	"strings"
	"sync"

	"github.com/reportlint/reportlint/parser"
)

var arithmeticRules = []*Rule{
	{
		ID: "A301", Name: "table3-balance", Severity: Error, Check: checkTable3Balance, Title: "表三收支平衡",
		Relation: "一、本年新收 + 二、上年结转 = （七）总计 + 四、结转下年度继续办理",
		Summary:  "表三某列：本年新收 + 上年结转 ≠ 办理结果总计 + 结转下年度",
		Doc: `为什么：表三左上角印着本表的勾稽关系："第一项加第二项之和，等于第三项加第四项之和"，对每一列（六类申请人和总计）都成立：本年新收 + 上年结转 = （七）总计 + 结转下年度继续办理。不成立说明有申请被漏计或重计（常见于把一件区分处理的申请同时计入两种结果）。

如何修正：逐件核对该列申请的办理结果，使两边相等。reportlint 不知道哪一格错了，所以消息列出全部四个数。若有空白格，本规则不核对该列（见 C201）。`,
		Example: `自然人列 新收 17、结转 0，总计 18、结转下年度 0：
error A301 表三「自然人」列：一、本年新收（17）+ 二、上年结转（0）= 17，不等于（七）总计（18）+ 四、结转下年度继续办理（0）= 18`,
	},
	{
		ID: "A302", Name: "table3-results-total", Severity: Error, Check: checkTable3Results, Title: "表三办理结果总计",
		Summary: "表三某列：（七）总计 ≠ 各项办理结果之和",
		Doc: `为什么："（七）总计"是本年度办理结果各行（予以公开、部分公开、不予公开 1—8、无法提供 1—3、不予处理 1—5、其他处理 1—3）之和。每件申请只计一种结果（区分处理的只计"部分公开"）。

如何修正：核对各结果行与总计，使总计等于各行之和。若有空白格，本规则不核对该列（见 C201）。`,
		Example: `error A302 表三「自然人」列：（七）总计为 18，但各办理结果之和为 17（予以公开 4 + 无法提供·1 10 + 不予处理·2 1 + 其他处理·3 2）`,
	},
	{
		ID: "A303", Name: "table3-row-total", Severity: Error, Check: checkTable3Rows, Title: "表三行总计",
		Summary: "表三某行：总计列 ≠ 六类申请人之和",
		Doc: `为什么："总计"列是自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他六列之和，每一行都如此。

如何修正：核对该行各列，使总计等于六列之和。若有空白格，本规则不核对该行（见 C201）。`,
		Example: `error A303 表三「一、本年新收政府信息公开申请数量」行：总计为 18，但六类申请人之和为 17（自然人 17 + 商业企业 0 + 科研机构 0 + 社会公益组织 0 + 法律服务机构 0 + 其他 0）`,
	},
	{
		ID: "A304", Name: "table4-total", Severity: Error, Check: checkTable4, Title: "表四各组总计",
		Summary: "表四某组：总计 ≠ 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
		Doc: `为什么：表四行政复议、未经复议直接起诉、复议后起诉三组各有"总计"，等于该组结果维持、结果纠正、其他结果、尚未审结四项之和。

如何修正：核对该组各项与总计。`,
		Example: `error A304 表四「行政复议」组：总计为 0，但结果维持 10 + 结果纠正 1 + 其他结果 0 + 尚未审结 0 = 11`,
	},
}

// operand is one named value in a relation.
type operand struct {
	name string
	v    *parser.Value
}

// sum adds the operands; ok is false when any is not a known number (the
// relation is then not judged: a blank is not 0).
func sum(ops []operand) (float64, bool) {
	total := 0.0
	for _, o := range ops {
		if !o.v.Known() {
			return 0, false
		}
		total += o.v.Num
	}
	return total, true
}

func listOps(ops []operand, skipZero bool) string {
	var parts []string
	for _, o := range ops {
		if skipZero && o.v.Num == 0 {
			continue
		}
		parts = append(parts, fmt.Sprintf("%s %s", o.name, fmtNum(o.v.Num)))
	}
	if len(parts) == 0 {
		return "全部为 0"
	}
	return strings.Join(parts, " + ")
}

func checkTable3Balance(p *Pass) {
	t := p.Report.Table(parser.Table3)
	if t == nil {
		return
	}
	for _, c := range table3Cols {
		r1, r2, r37, r4 := t.Cell(parser.R1, c.Key), t.Cell(parser.R2, c.Key), t.Cell(parser.R3_7, c.Key), t.Cell(parser.R4, c.Key)
		left, okL := sum([]operand{{"", r1}, {"", r2}})
		right, okR := sum([]operand{{"", r37}, {"", r4}})
		if !okL || !okR || left == right {
			continue
		}
		f := cellFinding(t, parser.R1, c.Key)
		f.Expected = fmtNum(right - r2.Num)
		f.Actual = fmtNum(r1.Num)
		f.Key = "A301/" + string(c.Key)
		f.Message = fmt.Sprintf("表三「%s」列：一、本年新收（%s）+ 二、上年结转（%s）= %s，不等于（七）总计（%s）+ 四、结转下年度继续办理（%s）= %s",
			c.Label, fmtNum(r1.Num), fmtNum(r2.Num), fmtNum(left), fmtNum(r37.Num), fmtNum(r4.Num), fmtNum(right))
		for _, k := range []parser.RowKey{parser.R2, parser.R3_7, parser.R4} {
			f.Related = append(f.Related, cellRelated(t, k, c.Key))
		}
		p.Add(f)
	}
}

func checkTable3Results(p *Pass) {
	t := p.Report.Table(parser.Table3)
	if t == nil {
		return
	}
	keys := parser.Table3ResultKeys(p.Report.Layout)
	// one list of operands for every column (the message reads it, nothing
	// keeps it)
	ops := make([]operand, 0, len(keys))
	// the rows' short names, looked up once for every column
	names := make([]string, len(keys))
	for i, k := range keys {
		names[i] = shortRow(k)
	}
	for _, c := range table3Cols {
		total := t.Cell(parser.R3_7, c.Key)
		ops = ops[:0]
		complete := true
		for i, k := range keys {
			v := t.Cell(k, c.Key)
			if v == nil {
				complete = false
				break
			}
			ops = append(ops, operand{names[i], v})
		}
		if !complete || !total.Known() {
			continue
		}
		s, ok := sum(ops)
		if !ok || s == total.Num {
			continue
		}
		f := cellFinding(t, parser.R3_7, c.Key)
		f.Expected, f.Actual = fmtNum(s), fmtNum(total.Num)
		f.Key = "A302/" + string(c.Key)
		// the results the message lists: those that are not 0
		for i, k := range keys {
			if ops[i].v.Num != 0 {
				f.Related = append(f.Related, cellRelated(t, k, c.Key))
			}
		}
		f.Message = fmt.Sprintf("表三「%s」列：（七）总计为 %s，但各办理结果之和为 %s（%s）",
			c.Label, fmtNum(total.Num), fmtNum(s), listOps(ops, true))
		p.Add(f)
	}
}

// shortRow names a result row briefly: "不予公开·1", "予以公开".
func shortRow(key parser.RowKey) string {
	shortRowsOnce.Do(func() {
		shortRows = map[parser.RowKey]string{}
		for _, d := range parser.Table3Rows() {
			name := parser.CoreLabel(d.Label)
			if d.Group != "" && !strings.HasPrefix(d.Group, "三、") {
				name = parser.CoreLabel(d.Group) + "·" + parser.Enumerator(d.Label)
			}
			shortRows[d.Key] = name
		}
	})
	return shortRows[key]
}

var (
	shortRowsOnce sync.Once
	shortRows     map[parser.RowKey]string
)

func checkTable3Rows(p *Pass) {
	checkRowTotals(p, parser.Table3, table3Rows, table3Cols[:6], func(d parser.RowDef, total, s float64, ops []operand) string {
		return fmt.Sprintf("表三「%s」行：总计为 %s，但六类申请人之和为 %s（%s）",
			rowName(parser.Table3, d.Key), fmtNum(total), fmtNum(s), listOps(ops, false))
	})
}

func checkTable4(p *Pass) {
	checkRowTotals(p, parser.Table4, table4Rows, table4Cols[:4], func(d parser.RowDef, total, s float64, ops []operand) string {
		return fmt.Sprintf("表四「%s」组：总计为 %s，但%s = %s", d.Label, fmtNum(total), listOps(ops, false), fmtNum(s))
	})
}

// checkRowTotals reports every row of a table whose "total" column differs
// from the sum of its part columns; rows with a blank part are not judged.
func checkRowTotals(p *Pass, table parser.TableID, defs []parser.RowDef, parts []parser.ColumnDef, msg func(d parser.RowDef, total, sum float64, ops []operand) string) {
	t := p.Report.Table(table)
	if t == nil {
		return
	}
	// one list of operands for every row (msg reads it, nothing keeps it)
	ops := make([]operand, 0, len(parts))
	for _, d := range defs {
		row := t.Row(d.Key)
		if row == nil {
			continue
		}
		ops = ops[:0]
		for _, c := range parts {
			ops = append(ops, operand{c.Label, row.Cell(c.Key)})
		}
		total := row.Cell(parser.ColTotal)
		s, ok := sum(ops)
		if !ok || !total.Known() || s == total.Num {
			continue
		}
		f := cellFinding(t, d.Key, parser.ColTotal)
		f.Expected, f.Actual = fmtNum(s), fmtNum(total.Num)
		f.Key = p.rule.ID + "/" + string(d.Key)
		for _, c := range parts {
			f.Related = append(f.Related, cellRelated(t, d.Key, c.Key))
		}
		f.Message = msg(d, total.Num, s, ops)
		p.Add(f)
	}
}
