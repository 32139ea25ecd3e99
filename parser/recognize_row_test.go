package parser

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func items(texts ...string) []item {
	var out []item
	for i, t := range texts {
		out = append(out, newItem(t, Loc{Line: 1, Column: i + 1}, i))
	}
	return out
}

func TestRowClassify(t *testing.T) {
	cases := []struct {
		cells          []string
		labels, values int
		hasNumber      bool
	}{
		{[]string{"一、本年新收政府信息公开申请数量", "", "25", "3", "0", "0", "1", "0", "29"}, 1, 8, true},
		{[]string{"（三）不予公开1．属于国家秘密", "0"}, 2, 1, true}, // a flattened group and item cell
		{[]string{"自然人", "法人或其他组织", "总计"}, 3, 0, false},
		{[]string{"行政强制", "/"}, 1, 1, false},
		{[]string{"", "", ""}, 0, 3, false},
	}
	tr := &tableRecognizer{r: &Report{Doc: &Document{}}}
	for _, c := range cases {
		rr := tr.classify(items(c.cells...))
		assert.Len(t, rr.labels, c.labels, "%v", c.cells)
		assert.Len(t, rr.values, c.values, "%v", c.cells)
		assert.Equal(t, c.hasNumber, rr.hasNumber, "%v", c.cells)
	}
}

func TestRowSettleAmbiguous(t *testing.T) {
	cases := []struct {
		name  string
		group string
		cells []string
		want  string // key of the row, "" for none
	}{
		{"其他 under （六）其他处理 is 3.其他", "其他处理", []string{"其他", "0", "0", "0", "0", "0", "0", "0"}, "R3_6_3"},
		{"总计 with figures is （七）总计", "不予处理", []string{"总计", "1", "0", "0", "0", "0", "0", "1"}, "R3_7"},
		{"合计 with figures is （七）总计", "", []string{"合计", "1", "0", "0", "0", "0", "0", "1"}, "R3_7"},
		{"2019 layout: （六）其他处理 with figures", "", []string{"（六）其他处理", "1", "0", "0", "0", "0", "0", "1"}, "R3_6"},
		{"其他 as a column header", "不予公开", []string{"其他"}, ""},
		{"an item keeps its own label", "", []string{"（一）予以公开", "1", "0", "0", "0", "0", "0", "1"}, "R3_1"},
	}
	for _, c := range cases {
		tr := &tableRecognizer{r: &Report{Doc: &Document{}}, cur: Table3, group: c.group}
		rr := tr.classify(items(c.cells...))
		tr.recogniseLabels(rr)
		tr.switchTable(rr)
		tr.takeHeaders(rr, Loc{Line: 1})
		tr.settleAmbiguous(rr)
		got := ""
		if rr.own != nil {
			got = rr.own.hit.key
		}
		assert.Equal(t, c.want, got, c.name)
	}
}

func TestRowStoreTable4(t *testing.T) {
	fifteen := []string{"2", "1", "0", "0", "3", "1", "0", "0", "0", "1", "0", "0", "0", "0", "0"}
	cases := []struct {
		name  string
		cells []string
		rows  int // canonical rows of table 四 stored
	}{
		{"the data row", fifteen, 3},
		{"a data row short of trailing cells", fifteen[:minT4DataValues], 3},
		{"too short for the data row", fifteen[:minT4DataValues-1], 0},
		{"a vertical group row", []string{"行政复议", "2", "1", "0", "0", "3"}, 1},
	}
	for _, c := range cases {
		tr := &tableRecognizer{r: &Report{Doc: &Document{}, Tables: map[TableID]*CanonTable{}}, cur: Table4, t4header: true}
		tr.row(items(c.cells...), Loc{Line: 1}, 4)
		got := 0
		if t4 := tr.r.Tables[Table4]; t4 != nil {
			got = len(t4.Rows)
		}
		assert.Equal(t, c.rows, got, c.name)
	}
}
