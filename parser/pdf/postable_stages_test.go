package pdf

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// tl makes a text line at baseline y from chunks "text@x0-x1".
func tl(y float64, chunks ...pchunk) *tline {
	l := &tline{y: y, size: 10, chunks: chunks}
	l.x0, l.x1 = chunks[0].x0, chunks[len(chunks)-1].x1
	for i, c := range chunks {
		if c.num && i > 0 {
			l.nums++
		}
		l.text += c.text
	}
	return l
}

func ch(text string, x0, x1 float64) pchunk {
	return pchunk{text: text, x0: x0, x1: x1, num: isNumber(text), gs: []glyph{{s: text, x: x0, w: x1 - x0}}}
}

func TestValueColumns(t *testing.T) {
	pp := &posPart{lines: []*tline{
		tl(100, ch("规章", 0, 20), ch("0", 200, 206), ch("3", 300, 306)),
		tl(112, ch("行政规范性文件", 0, 70), ch("4", 201, 207), ch("27", 298, 310)),
	}}
	vcols, left := pp.valueColumns(10)
	require.Len(t, vcols, 2)
	require.InDelta(t, 203.5, vcols[0], 1)
	require.InDelta(t, 304, vcols[1], 1)
	require.InDelta(t, 200-valueGap*10, left, 0.01)
	none := &posPart{lines: []*tline{tl(100, ch("信息内容", 0, 40), ch("本年制发件数", 200, 260))}}
	vcols, _ = none.valueColumns(10)
	require.Nil(t, vcols)
}

func TestTrimHeader(t *testing.T) {
	cases := []struct {
		name  string
		lines []*tline
		want  int
	}{
		{"header stays", []*tline{tl(90, ch("信息内容", 0, 40)), tl(100, ch("规章", 0, 20), ch("1", 200, 206))}, 1},
		{"enumerated label starts the body", []*tline{tl(90, ch("1.本机关不掌握", 0, 70)), tl(100, ch("相关政府信息", 0, 60), ch("1", 200, 206))}, 0},
		{"label reaching into the values is header", []*tline{tl(90, ch("1.本机关不掌握相关政府信息公开申请", 0, 250)), tl(100, ch("x", 0, 6), ch("1", 200, 206))}, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			pp := &posPart{lines: c.lines, first: 1}
			pp.trimHeader(195)
			require.Equal(t, c.want, pp.first)
		})
	}
}

func TestSegmentBands(t *testing.T) {
	line := func(y float64, anchor, start bool) *rline { return &rline{y: y, anchor: anchor, start: start} }
	cases := []struct {
		name string
		seg  []*rline
		want [][2]float64 // y range of each band
	}{
		{"one data line per row", []*rline{line(100, true, true), line(112, true, true)}, [][2]float64{{100, 100}, {112, 112}}},
		{"wrapped label lines join their data line", []*rline{line(96, false, true), line(100, true, false), line(104, false, false), line(120, true, true)},
			[][2]float64{{96, 104}, {120, 120}}},
		{"enumerated label after the last data line starts a row", []*rline{line(100, true, true), line(112, false, true)},
			[][2]float64{{100, 100}, {112, 112}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got [][2]float64
			for _, b := range segmentBands(c.seg, 10) {
				got = append(got, [2]float64{b.y0, b.y1})
			}
			require.Equal(t, c.want, got)
		})
	}
}

func TestBandCells(t *testing.T) {
	rc := func(text string, c0, c1 int) rchunk { return rchunk{c: ch(text, 0, 1), c0: c0, c1: c1} }
	bands := []*band{
		{lines: []*rline{{chunks: []rchunk{rc("一、本年新收", 0, 1), rc("3", 2, 2), rc("5", 3, 3)}}}},
		// a label over two lines: its chunks overlap and make one cell
		{lines: []*rline{{chunks: []rchunk{rc("1.本机关不掌握", 1, 1), rc("6", 2, 2)}}, {chunks: []rchunk{rc("相关政府信息", 0, 1)}}}},
	}
	cells := bandCells(bands)
	type cell struct{ r0, c0, c1, n int }
	var got []cell
	for _, r := range cells {
		got = append(got, cell{r.r0, r.c0, r.c1, len(r.glyphs)})
	}
	require.Equal(t, []cell{{0, 0, 2, 1}, {0, 2, 3, 1}, {0, 3, 4, 1}, {1, 0, 2, 2}, {1, 2, 3, 1}}, got)
}

func TestGroupCells(t *testing.T) {
	bands := []*band{{y0: 100, y1: 100}, {y0: 112, y1: 112}, {y0: 124, y1: 124}, {y0: 136, y1: 136}}
	frag := func(text string, y float64) rchunk { return rchunk{c: ch(text, 0, 1), y: y} }
	// column 0: "（三）不予" "公开" over rows 0-1, then "（四）无法提供" at row 3
	groups := [][]rchunk{{frag("（三）不予", 100), frag("公开", 112), frag("（四）无法提供", 136)}}
	// a label spanning into column 0 on row 2
	taken := []*region{{r0: 2, r1: 3, c0: 0, c1: 2}}
	out := groupCells(groups, bands, taken, 2, 10)
	require.Len(t, out, 2)
	require.Equal(t, [2]int{0, 2}, [2]int{out[0].r0, out[0].r1})
	require.Len(t, out[0].glyphs, 2)
	require.Equal(t, [2]int{3, 4}, [2]int{out[1].r0, out[1].r1})
}

func TestRowBounds(t *testing.T) {
	ys := rowBounds([]*band{{y0: 100, y1: 104}, {y0: 120, y1: 120}}, 10)
	require.Equal(t, []float64{100 - rowTopPad*10, 120 - rowTopPad*10, 120 + rowBottomPad*10}, ys)
}
