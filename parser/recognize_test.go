package parser

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// c makes a cell; spans default to 1.
func c(text string, spans ...int) Cell {
	cell := Cell{Text: text, RowSpan: 1, ColSpan: 1}
	if len(spans) > 0 {
		cell.RowSpan = spans[0]
	}
	if len(spans) > 1 {
		cell.ColSpan = spans[1]
	}
	return cell
}

func vals(prefix []Cell, nums ...int) []Cell {
	out := append([]Cell{}, prefix...)
	for _, n := range nums {
		out = append(out, c(fmt.Sprint(n)))
	}
	return out
}

// wordTable3 builds table 三 the way Word and the official template lay it
// out: a 3x3 note cell, rowspans for the groups, colspans for the labels.
// Row r's natural-person value is 100+r so that misplaced rows show.
func wordTable3() [][]Cell {
	rows := [][]Cell{
		{c("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3), c("申请人情况", 1, 7)},
		{c("自然人", 2, 1), c("法人或其他组织", 1, 5), c("总计", 2, 1)},
		{c("商业企业"), c("科研机构"), c("社会公益组织"), c("法律服务机构"), c("其他")},
	}
	n := 0
	next := func(prefix ...Cell) {
		n++
		rows = append(rows, vals(prefix, 100+n, 0, 0, 0, 0, 0, 100+n))
	}
	next(c("一、本年新收政府信息公开申请数量", 1, 3))
	next(c("二、上年结转政府信息公开申请数量", 1, 3))
	next(c("三、本年度办理结果", 22, 1), c("（一）予以公开", 1, 2))
	next(c("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 1, 2))
	groups := []struct {
		label string
		items []string
	}{
		{"（三）不予公开", []string{"1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益", "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项"}},
		{"（四）无法提供", []string{"1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"}},
		{"（五）不予处理", []string{"1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请", "5.要求行政机关确认或重新出具已获取信息"}},
		{"（六）其他处理", []string{"1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他"}},
	}
	for _, g := range groups {
		for i, it := range g.items {
			if i == 0 {
				next(c(g.label, len(g.items), 1), c(it))
			} else {
				next(c(it))
			}
		}
	}
	next(c("（七）总计", 1, 2))
	next(c("四、结转下年度继续办理", 1, 3))
	return rows
}

func docOf(tables ...[][]Cell) *Document {
	d := &Document{Format: FormatHTML}
	line := 1
	d.Blocks = append(d.Blocks, Block{Para: &Paragraph{Text: "三、收到和处理政府信息公开申请情况", Loc: Loc{Line: line}}})
	for ti, rows := range tables {
		t := &Table{Ord: ti + 1}
		for _, r := range rows {
			line++
			row := Row{Loc: Loc{Line: line}}
			for i, cell := range r {
				cell.Loc = Loc{Line: line, Column: i + 1}
				row.Cells = append(row.Cells, cell)
			}
			t.Rows = append(t.Rows, row)
		}
		d.Blocks = append(d.Blocks, Block{Table: t})
	}
	return d
}

func checkTable3Rows(t *testing.T, r *Report) {
	t.Helper()
	t3 := r.Table(Table3)
	require.NotNil(t, t3)
	n := 0
	for _, def := range Table3Rows() {
		if def.Key == "R3_6" {
			continue
		}
		n++
		row := t3.Row(def.Key)
		require.NotNil(t, row, "row %s", def.Key)
		require.Len(t, row.Cells, 7)
		assert.Equal(t, float64(100+n), row.Cells[0].Num, "row %s natural", def.Key)
		assert.Equal(t, float64(100+n), row.Cells[6].Num, "row %s total", def.Key)
		assert.Equal(t, float64(0), row.Cells[3].Num, "row %s ngo", def.Key)
	}
	assert.Equal(t, Layout2021, r.Layout)
}

func TestRecognizeWordTable3(t *testing.T) {
	r := Recognize(docOf(wordTable3()))
	checkTable3Rows(t, r)
	for _, n := range r.Notes {
		t.Errorf("unexpected note %+v", n)
	}
	// locations point at the value cells
	v := r.Table(Table3).Cell("R1", "corp")
	assert.Equal(t, 5, v.Loc.Line)
}

func TestRecognizeTable3SplitInTwo(t *testing.T) {
	rows := wordTable3()
	// the second part continues inside group （四）: its group cell is cut
	first, second := rows[:16], rows[16:]
	r := Recognize(docOf(first, second))
	checkTable3Rows(t, r)
	assert.Empty(t, r.Notes)
}

func TestRecognizeHeaderInOwnTable(t *testing.T) {
	rows := wordTable3()
	r := Recognize(docOf(rows[:3], rows[3:]))
	checkTable3Rows(t, r)
	assert.Empty(t, r.Notes)
}

func TestRecognize2019SingleOtherRow(t *testing.T) {
	rows := wordTable3()
	// replace the three （六） rows by one row as the 2019 layout has it
	var out [][]Cell
	for i, r := range rows {
		if i >= 23 && i <= 25 { // R3_6_1..R3_6_3
			if i == 23 {
				out = append(out, vals([]Cell{c("（六）其他处理", 1, 2)}, 7, 0, 0, 0, 0, 0, 7))
			}
			continue
		}
		out = append(out, r)
	}
	r := Recognize(docOf(out))
	assert.Equal(t, Layout2019, r.Layout)
	row := r.Table(Table3).Row("R3_6")
	require.NotNil(t, row)
	assert.Equal(t, float64(7), row.Cells[0].Num)
	assert.Nil(t, r.Table(Table3).Row("R3_6_1"))
	for _, n := range r.Notes {
		assert.NotEqual(t, NoteRowMissing, n.Kind, "no missing rows in a complete 2019 table: %+v", n)
	}
}

func TestRecognizeBlankStaysBlank(t *testing.T) {
	rows := wordTable3()
	rows[3][2] = c("")  // R1 corp
	rows[4][3] = c("/") // R2 research
	r := Recognize(docOf(rows))
	t3 := r.Table(Table3)
	assert.Equal(t, Blank, t3.Cell("R1", "corp").Kind)
	assert.Equal(t, Placeholder, t3.Cell("R2", "research").Kind)
	assert.False(t, t3.Cell("R1", "corp").Known())
}

func TestRecognizeMissingRowAndTypo(t *testing.T) {
	rows := wordTable3()
	// a typo in R3_4_1 (row 15, after its group cell)
	rows[15] = append([]Cell{c("（四）无法提供", 3, 1), c("1.本机关不掌握相关政府信")}, rows[15][2:]...)
	rows = append(rows[:19], rows[20:]...) // drop R3_5_2
	r := Recognize(docOf(rows))
	var kinds []string
	for _, n := range r.Notes {
		kinds = append(kinds, fmt.Sprintf("%d:%s", n.Kind, n.Row))
	}
	assert.Contains(t, kinds, fmt.Sprintf("%d:R3_4_1", NoteLabelVariant))
	assert.Contains(t, kinds, fmt.Sprintf("%d:R3_5_2", NoteRowMissing))
}

func TestGridSpans(t *testing.T) {
	tb := &Table{Rows: []Row{
		{Cells: []Cell{c("a", 2, 2), c("b")}},
		{Cells: []Cell{c("c")}},
		{Cells: []Cell{c("d"), c("e", 1, 2)}},
	}}
	g := tb.Grid()
	require.Len(t, g, 3)
	require.Len(t, g[0], 3)
	assert.Equal(t, "a", g[1][1].Origin.Text)
	assert.False(t, g[1][1].Top)
	assert.Equal(t, "c", g[1][2].Origin.Text)
	assert.Equal(t, "e", g[2][2].Origin.Text)
	assert.False(t, g[2][2].Left)
}

func TestGridHugeSpanIsBounded(t *testing.T) {
	tb := &Table{Rows: []Row{{Cells: []Cell{c("x", 1, 1<<30)}}}}
	g := tb.Grid()
	assert.LessOrEqual(t, len(g[0]), maxSpan)
}

func TestSectionsAndTitle(t *testing.T) {
	d := &Document{}
	for i, p := range []string{"某某市人民政府", "2024年政府信息公开工作年度报告", "一、总体情况", "正文", "二、主动公开政府信息情况",
		"三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议和行政诉讼情况", "五、存在问题及改进情况", "六、其他需要报告的事项", "本年度未收取信息处理费。"} {
		d.Blocks = append(d.Blocks, Block{Para: &Paragraph{Text: p, Loc: Loc{Line: i + 1}}})
	}
	r := Recognize(d)
	assert.Equal(t, 2024, r.Year)
	assert.Equal(t, "某某市人民政府", r.Issuer)
	assert.Equal(t, KindGovernment, r.Kind)
	require.Len(t, r.Sections, 6)
	assert.True(t, r.Sections[3].Variant)
	assert.True(t, r.Sections[4].Variant)
	assert.False(t, r.Sections[0].Variant)
	text, ok := r.SectionText(6)
	assert.True(t, ok)
	assert.Contains(t, text, "信息处理费")
	one, _ := r.SectionText(1)
	assert.Equal(t, "正文\n", one)
}

func paras(texts ...string) *Document {
	d := &Document{}
	for i, p := range texts {
		d.Blocks = append(d.Blocks, Block{Para: &Paragraph{Text: p, Loc: Loc{Line: i + 1}}})
	}
	return d
}

func TestSectionsTableOfContentsAndInlineHeadings(t *testing.T) {
	r := Recognize(paras("某某局2024年政府信息公开工作年度报告",
		"一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", // a table of contents
		"四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项",
		"一、总体情况", "本年度……",
		"二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况",
		"五、存在的主要问题及改进情况", "问题……",
		"六、其他需要报告的事项。本年度未收取信息处理费，也未发出收费通知，特此说明，其他无需要报告的事项。"))
	require.Len(t, r.Sections, 6)
	assert.Equal(t, 8, r.Sections[0].Loc.Line, "the heading in the body, not in the contents")
	assert.Equal(t, 13, r.Sections[4].Loc.Line)
	assert.Equal(t, 15, r.Sections[5].Loc.Line)
	assert.False(t, r.Sections[5].Variant)
	six, _ := r.SectionText(6)
	assert.Contains(t, six, "未收取信息处理费")
	one, _ := r.SectionText(1)
	assert.Equal(t, "本年度……\n", one)
}

func TestTextOnlyValueIsKept(t *testing.T) {
	d := &Document{}
	d.Blocks = append(d.Blocks, Block{Para: &Paragraph{Text: "二、主动公开政府信息情况", Loc: Loc{Line: 1}}})
	d.Blocks = append(d.Blocks, Block{Table: &Table{Rows: []Row{
		{Cells: []Cell{c("信息内容"), c("本年收费金额（单位：万元）")}, Loc: Loc{Line: 2}},
		{Cells: []Cell{{Text: "行政事业性收费", Loc: Loc{Line: 3, Column: 1}}, {Text: "一点二五", Loc: Loc{Line: 3, Column: 9}}, {Text: ""}}, Loc: Loc{Line: 3}},
	}}})
	r := Recognize(d)
	v := r.Table(Table2).Cell("fees", "amount")
	require.NotNil(t, v)
	assert.Equal(t, Text, v.Kind)
	assert.Equal(t, "一点二五", v.Raw)
	assert.Equal(t, 9, v.Loc.Column)
}

// A producer that flattens merged cells puts the group and the item into
// one cell: "（三）不予公开\n1．属于国家秘密".
func TestRecognizeGroupAndItemInOneCell(t *testing.T) {
	rows := wordTable3()
	var out [][]Cell
	group := ""
	for i, r := range rows {
		if i < 7 || i > 25 {
			out = append(out, r)
			continue
		}
		cells := r
		if cells[0].RowSpan > 1 { // a group cell: remember and drop it
			group = cells[0].Text
			cells = cells[1:]
		}
		merged := append([]Cell{c(group + "\n" + strings.Replace(cells[0].Text, ".", "．", 1))}, cells[1:]...)
		out = append(out, merged)
	}
	r := Recognize(docOf(out))
	checkTable3Rows(t, r)
	assert.Empty(t, r.Notes)
}

func TestRecognizeMissingColumn(t *testing.T) {
	rows := wordTable3()
	rows[0][1].ColSpan = 6
	rows[1] = rows[1][:2] // no 总计 header
	for i := 3; i < len(rows); i++ {
		rows[i] = rows[i][:len(rows[i])-1] // no total value
	}
	r := Recognize(docOf(rows))
	var missing []string
	for _, n := range r.Notes {
		if n.Kind == NoteRowMissing {
			missing = append(missing, string(n.Col))
		}
	}
	assert.Equal(t, []string{"total"}, missing)
	// A header whose labels could not all be read is no evidence while the
	// rows are complete.
	rows = wordTable3()
	rows[2][0] = c("商业企")
	r = Recognize(docOf(rows))
	assert.Empty(t, r.Notes)
}

func TestTitleBelowSiteChrome(t *testing.T) {
	r := Recognize(paras("首页 > 政务公开 > 年度报告", "政府信息公开年度报告",
		"某某县农业农村局2020年政府信息公开工作年度报告", "一、总体情况"))
	assert.Equal(t, 2020, r.Year)
	assert.Equal(t, "某某县农业农村局", r.Issuer)
	assert.Equal(t, 3, r.TitleLoc.Line)
	// no year in any title: the statistics period tells it
	r = Recognize(paras("政府信息公开工作年度报告", "本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。"))
	assert.Equal(t, 2023, r.Year)
	assert.Equal(t, YearFromPeriod, r.YearSource)
}

func TestRecognizeSubtotalColumn(t *testing.T) {
	rows := wordTable3()
	rows[0][1].ColSpan = 8
	// header: 自然人 | 法人或其他组织 (5) | 法人或其他组织小计 | 总计
	rows[1] = []Cell{c("自然人", 2, 1), c("法人或其他组织", 1, 5), c("法人或其他组织小计", 2, 1), c("总计", 2, 1)}
	for i := 3; i < len(rows); i++ {
		r := rows[i]
		n := len(r)
		// insert a subtotal value before the total
		rows[i] = append(append(append([]Cell{}, r[:n-1]...), c("999")), r[n-1])
	}
	r := Recognize(docOf(rows))
	checkTable3Rows(t, r)
	require.Len(t, r.Notes, 1)
	assert.Equal(t, NoteExtraRow, r.Notes[0].Kind)
	assert.Equal(t, "法人或其他组织小计", r.Notes[0].Got)
}

func TestRecognizeTable4ByRows(t *testing.T) {
	d := &Document{Format: FormatHTML}
	d.Blocks = append(d.Blocks, Block{Para: &Paragraph{Text: "四、政府信息公开行政复议、行政诉讼情况", Loc: Loc{Line: 1}}})
	tb := &Table{Rows: []Row{
		{Cells: []Cell{c(""), c("结果维持"), c("结果纠正"), c("其他结果"), c("尚未审结"), c("总计")}},
		{Cells: vals([]Cell{c("行政复议")}, 1, 1, 0, 1, 3)},
		{Cells: vals([]Cell{c("行政诉讼（未经复议直接起诉）")}, 1, 0, 0, 0, 1)},
		{Cells: vals([]Cell{c("行政诉讼（复议后起诉）")}, 0, 0, 0, 2, 2)},
	}}
	d.Blocks = append(d.Blocks, Block{Table: tb})
	r := Recognize(d)
	t4 := r.Table(Table4)
	require.NotNil(t, t4)
	assert.Equal(t, float64(3), t4.Cell("review", "total").Num)
	assert.Equal(t, float64(1), t4.Cell("lit_direct", "maintain").Num)
	assert.Equal(t, float64(2), t4.Cell("lit_after_review", "pending").Num)
	assert.Empty(t, r.Notes)
}

func TestHeadingsWithYearAndIssuerWithGuanyu(t *testing.T) {
	r := Recognize(paras("青川县人民政府关于2024年政府信息公开工作年度报告", "一、总体情况", "二、2024年主动公开政府信息情况",
		"三、2024年度收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"))
	assert.Equal(t, "青川县人民政府", r.Issuer)
	assert.Equal(t, KindGovernment, r.Kind)
	require.Len(t, r.Sections, 6)
	assert.False(t, r.Sections[1].Variant)
	assert.Equal(t, 2, r.Sections[1].WrittenNum)
}
