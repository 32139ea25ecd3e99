package pdf

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// part makes a table part from rows of cell texts, one grid column per
// cell ("" cells included), rows one point apart.
func part(page int, rows ...[]string) *tpart {
	p := &tpart{page: page}
	nc := 0
	for _, r := range rows {
		nc = max(nc, len(r))
	}
	for c := 0; c <= nc; c++ {
		p.xs = append(p.xs, float64(10*c))
	}
	for r := 0; r <= len(rows); r++ {
		p.ys = append(p.ys, float64(r))
	}
	for ri, r := range rows {
		for ci, s := range r {
			p.cells = append(p.cells, &region{r0: ri, r1: ri + 1, c0: ci, c1: ci + 1, text: s, page: page, line: ri + 1})
		}
	}
	p.topOpen = make([]bool, nc)
	p.x0, p.x1 = p.xs[0], p.xs[nc]
	return p
}

func TestRepeatedHeaderRows(t *testing.T) {
	head := [][]string{{"申请人情况", "", ""}, {"自然人", "法人或其他组织", "总计"}}
	table := part(1, append(head, []string{"一、本年新收", "3", "3"}, []string{"二、上年结转", "1", "1"})...)
	cases := []struct {
		name string
		rows [][]string
		want int
	}{
		{"header repeated", append(head, []string{"三、本年度办理结果", "2", "2"}), 2},
		{"header laid out in other rows", [][]string{{"申请人情况", "自然人", ""}, {"", "法人或其他组织", "总计"}, {"（一）予以公开", "2", "2"}}, 2},
		{"no header", [][]string{{"三、本年度办理结果", "2", "2"}}, 0},
		{"first header row only", [][]string{{"申请人情况", "", ""}, {"三、本年度办理结果", "2", "2"}}, 1},
		{"figures are never a header", [][]string{{"一、本年新收", "3", "3"}}, 0},
		{"part that is only the header", head, 2},
		{"a fragment of a split row is no header", [][]string{{"相关政府信息", "", ""}, {"（一）予以公开", "2", "2"}}, 0},
		{"header text with a new label is no header", [][]string{{"申请人情况", "（一）予以公开", ""}}, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			require.Equal(t, c.want, repeatedHeaderRows(table, part(2, c.rows...)))
		})
	}
}

func TestSplitRowOffset(t *testing.T) {
	table := &tableAcc{tpart: part(1, []string{"（四）无法提供", "1.本机关不掌握", "6"})}
	cases := []struct {
		name string
		row  []string
		want int // rows of the table before the part's first row
	}{
		{"new row with a figure", []string{"", "2.没有现成信息", "2"}, 1},
		{"label fragment, no figure", []string{"", "相关政府信息", ""}, 0},
		{"new enumerated label", []string{"", "2.没有现成信息", ""}, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			require.Equal(t, c.want, table.splitRowOffset(part(2, c.row)))
		})
	}
}

func TestContinuesAbove(t *testing.T) {
	group := &region{r0: 0, r1: 3, text: "（三）不予公开"}
	one := &region{r0: 2, r1: 3, text: "5"}
	cases := []struct {
		name           string
		a, r           *region
		rowSplit, open bool
		headers        bool
		want           bool
	}{
		{"row split over the break", one, &region{r1: 1, text: "相关"}, true, false, false, true},
		{"empty cell under a group", group, &region{r1: 1}, false, false, false, true},
		{"open top under a group", group, &region{r1: 1, text: "x"}, false, true, false, true},
		{"group label cut in two", group, &region{r1: 1, text: "公开"}, false, false, false, true},
		{"new enumerated item", group, &region{r1: 1, text: "（四）无法提供"}, false, false, false, false},
		{"number under a one-row cell", one, &region{r1: 1, text: "7"}, false, false, false, false},
		{"empty rest of a header cell", &region{r1: 1, text: "总计"}, &region{r1: 1}, false, false, true, true},
		{"empty cell under a data row's label", &region{r1: 1, text: "规章"}, &region{r1: 1}, false, false, false, false},
		{"header cell cut by the break", &region{r1: 1, text: "结果"}, &region{r1: 1, text: "维持"}, false, false, true, true},
		{"header cell cut by the break, no rule above", &region{r1: 1, text: "结果"}, &region{r1: 1, text: "维持"}, false, true, true, true},
		{"open label under a data row's label", &region{r1: 1, text: "规章"}, &region{r1: 1, text: "行政规范性文件"}, false, true, false, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			require.Equal(t, c.want, continuesAbove(c.a, c.r, c.rowSplit, c.open, c.headers))
		})
	}
}

// A repeated header between two parts is dropped and the row after it is
// kept: the case where the break falls right after 二、上年结转.
func TestJoinSkipsRepeatedHeader(t *testing.T) {
	head := [][]string{{"申请人情况", "", ""}, {"自然人", "法人", "总计"}}
	table := &tableAcc{tpart: part(1, append(head, []string{"二、上年结转", "1", "1"})...)}
	table.join(part(2, append(head, []string{"三、本年度办理结果", "2", "2"})...))
	got := table.toTable()
	require.Len(t, got.Rows, 4)
	require.Equal(t, "二、上年结转", got.Rows[2].Cells[0].Text)
	require.Equal(t, "三、本年度办理结果", got.Rows[3].Cells[0].Text)
	require.Equal(t, 2, got.Rows[3].Cells[0].Loc.Page)
}
