package pdf

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/reportlint/reportlint/parser"
	"github.com/reportlint/reportlint/rules"
)

const realDir = "../../../shared/real"

func readReal(t *testing.T, name string) *parser.Document {
	t.Helper()
	path := filepath.Join(realDir, name)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("real report %s not available (%v); these tests need ../shared/real", name, err)
	}
	doc, err := Parse(path, data, parser.DefaultOptions())
	require.NoError(t, err)
	return doc
}

// gridRows renders each grid row of a table as its distinct cells' texts
// joined by "|", spans resolved (a span is shown once, where it starts).
func gridRows(t *parser.Table) []string {
	var out []string
	for _, row := range t.Grid() {
		var cells []string
		for _, g := range row {
			if g.Origin != nil && g.Top && g.Left {
				cells = append(cells, g.Origin.Text)
			}
		}
		out = append(out, strings.Join(cells, "|"))
	}
	return out
}

func tables(doc *parser.Document) []*parser.Table {
	var out []*parser.Table
	for _, b := range doc.Blocks {
		if b.Table != nil {
			out = append(out, b.Table)
		}
	}
	return out
}

// The cells as the document shows them (read off the rendered pages).
var hongzeTable3 = []string{
	"（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）|申请人情况",
	"自然人|法人或其他组织|总计",
	"商业企业|科研机构|社会公益组织|法律服务机构|其他",
	"一、本年新收政府信息公开申请数量|21|0|0|0|0|0|21",
	"二、上年结转政府信息公开申请数量|0|0|0|0|0|0|0",
	"三、本年度办理结果|（一）予以公开|0|0|0|0|0|0|0",
	"（二）部分公开（区分处理的，只计这一情形，不计其他情形）|4|0|0|0|0|0|4",
	"（三）不予公开|1.属于国家秘密|1|0|0|0|0|0|1",
	"2.其他法律行政止公开|0|0|0|0|0|0|0",
	"3.危及“三安全一稳定”|0|0|0|0|0|0|0",
	"4.保护第三方合法权益|0|0|0|0|0|0|0",
	"5.属于三类内部事务信息|0|0|0|0|0|0|0",
	"6.属于四类过程性信息|1|0|0|0|0|0|1",
	"7.属于行政执法案卷|1|0|0|0|0|0|1",
	"8.属于行政查询事项|0|0|0|0|0|0|0",
	"（四）无法提供|1.本机关不掌握相关政府信息|10|0|0|0|0|0|10",
	"2.没有现成信息需要另行制作|3|0|0|0|0|0|3",
	"3.补正后申请内容仍不明确|0|0|0|0|0|0|0",
	"（五）不予处理|1.信访举报投诉类申请|1|0|0|0|0|0|1",
	"2.重复申请|0|0|0|0|0|0|0",
	"3.要求提供公开出版物|0|0|0|0|0|0|0",
	"4.无正当理由大量反复申请|0|0|0|0|0|0|0",
	"5.要求行政机关确认或重新出具已获取信息|0|0|0|0|0|0|0",
	"（六）其他处理|0|0|0|0|0|0|0",
	"（七）总计|21|0|0|0|0|0|21",
	"四、结转下年度继续办理|0|0|0|0|0|0|0",
}

var hongzeTable2 = []string{
	"第二十条第（一）项",
	"信息内容|本年制发件数|本年废止件数|现行有效件数",
	"规章|0|0|0",
	"行政规范性文件|0|5|5",
	"第二十条第（五）项",
	"信息内容|本年处理决定数量",
	"行政许可|550",
	"第二十条第（六）项",
	"信息内容|本年处理决定数量",
	"行政处罚|4119",
	"行政强制|195",
	"第二十条第（八）项",
	"信息内容|本年收费金额（单位：万元）",
	"行政事业性收费|7730.28",
}

var hongzeTable4 = []string{
	"行政复议|行政诉讼",
	"结果维持|结果纠正|其他结果|尚未审结|总计|未经复议直接起诉|复议后起诉",
	"结果维持|结果纠正|其他结果|尚未审结|总计|结果维持|结果纠正|其他结果|尚未审结|总计",
	"10|1|0|0|0|0|0|0|0|0|5|0|0|0|0",
}

func TestRealHongze(t *testing.T) {
	doc := readReal(t, "hongze-gov-2023.pdf")
	ts := tables(doc)
	require.Len(t, ts, 3, "three tables, each joined over its page break")
	require.Equal(t, hongzeTable2, gridRows(ts[0]))
	require.Equal(t, hongzeTable3, gridRows(ts[1]))
	require.Equal(t, hongzeTable4, gridRows(ts[2]))
	// the parts of table 二 and 三 come from two pages each
	require.Equal(t, 2, ts[0].Rows[0].Loc.Page)
	require.Equal(t, 3, ts[0].Rows[len(ts[0].Rows)-1].Loc.Page)
	require.Equal(t, 4, ts[1].Rows[len(ts[1].Rows)-1].Loc.Page)

	rep := parser.Recognize(doc)
	fs := rules.Run(rep, nil, rules.Config{})
	got := map[string]int{}
	for _, f := range fs {
		got[f.Rule]++
	}
	require.Equal(t, 2, got["A304"], "table 四 totals: 复议 and 复议后起诉 do not add up")
	require.Equal(t, 1, got["S105"], "single-row （六）其他处理 in a 2023 report")
	require.Zero(t, got["S101"]+got["S104"]+got["S107"]+got["P001"]+got["P002"], "sections and tables found: %v", got)
}

func TestRealHuaian(t *testing.T) {
	doc := readReal(t, "huaian-gov-2024.pdf")
	rep := parser.Recognize(doc)
	t3 := rep.Table(parser.Table3)
	require.NotNil(t, t3)
	want := map[string][]float64{
		"R1": {3001, 53, 0, 0, 61, 4, 3119}, "R2": {34, 0, 0, 0, 0, 0, 34},
		"R3_1": {1288, 21, 0, 0, 50, 3, 1362}, "R3_2": {447, 7, 0, 0, 0, 0, 454},
		"R3_3_1": {2, 0, 0, 0, 0, 0, 2}, "R3_3_2": {30, 1, 0, 0, 0, 0, 31}, "R3_3_3": {5, 0, 0, 0, 0, 0, 5},
		"R3_3_4": {6, 0, 0, 0, 0, 0, 6}, "R3_3_5": {7, 1, 0, 0, 0, 0, 8}, "R3_3_6": {12, 0, 0, 0, 0, 0, 12},
		"R3_3_7": {9, 0, 0, 0, 0, 0, 9}, "R3_3_8": {105, 0, 0, 0, 0, 0, 105},
		"R3_4_1": {746, 12, 0, 0, 10, 1, 769}, "R3_4_2": {11, 0, 0, 0, 0, 0, 11}, "R3_4_3": {1, 0, 0, 0, 0, 0, 1},
		"R3_5_1": {56, 6, 0, 0, 0, 0, 62}, "R3_5_2": {25, 0, 0, 0, 0, 0, 25}, "R3_5_3": {0, 0, 0, 0, 0, 0, 0},
		"R3_5_4": {0, 0, 0, 0, 0, 0, 0}, "R3_5_5": {1, 0, 0, 0, 0, 0, 1},
		"R3_6_1": {67, 3, 0, 0, 1, 0, 71}, "R3_6_2": {6, 0, 0, 0, 0, 0, 6}, "R3_6_3": {108, 2, 0, 0, 0, 0, 110},
		"R3_7": {2932, 53, 0, 0, 61, 4, 3050}, "R4": {103, 0, 0, 0, 0, 0, 103},
	}
	require.Len(t, want, 25)
	for key, vals := range want {
		row := t3.Rows[parser.RowKey(key)]
		require.NotNil(t, row, "row %s", key)
		require.Len(t, row.Cells, 7, "row %s", key)
		for i, v := range vals {
			require.True(t, row.Cells[i].Known(), "row %s col %d", key, i)
			require.Equal(t, v, row.Cells[i].Num, "row %s col %d", key, i)
			require.Positive(t, row.Cells[i].Loc.Page, "row %s col %d has a page", key, i)
		}
	}
}
