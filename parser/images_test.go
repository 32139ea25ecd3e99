package parser

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestTablesAsImages(t *testing.T) {
	p := func(s string) Block { return Block{Para: &Paragraph{Text: s, Loc: Loc{Line: 1}}} }
	img := func(alt string, w, h float64) Block {
		return Block{Image: &Image{Alt: alt, Src: "x.png", Width: w, Height: h, Loc: Loc{Line: 2}}}
	}
	table4 := Block{Table: &Table{Rows: []Row{
		{Cells: []Cell{c("行政复议", 1, 5), c("行政诉讼", 1, 10)}},
		{Cells: vals(nil, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)},
	}}}
	heads := func(mid ...Block) []Block {
		out := []Block{p("一、总体情况"), p("二、主动公开政府信息情况"), p("三、收到和处理政府信息公开申请情况"), p("四、政府信息公开行政复议、行政诉讼情况")}
		out = append(out, mid...)
		return append(out, p("五、存在的主要问题及改进情况"), p("六、其他需要报告的事项"))
	}
	cases := []struct {
		name   string
		blocks []Block
		want   []TableID
	}{
		{"picture in section 四, no table", heads(img("", 600, 400)), []TableID{Table4}},
		{"picture of unknown size", heads(img("", 0, 0)), []TableID{Table4}},
		{"picture beside the text table", heads(img("", 600, 400), table4), nil},
		{"icon", heads(img("", 16, 16)), nil},
		{"photo described by its alt text", heads(img("工作人员为群众办理业务", 600, 400)), nil},
		{"alt names the table", []Block{p("一、总体情况"), img("表三 收到和处理政府信息公开申请情况", 600, 800), p("二、主动公开政府信息情况")}, []TableID{Table3}},
		{"generic alt", heads(img("图片", 600, 400)), []TableID{Table4}},
		{"picture in section 一 without alt", []Block{p("一、总体情况"), img("", 600, 400), p("二、主动公开政府信息情况")}, nil},
		{"a table numbered 表2 in section 三 is table 三", []Block{p("三、收到和处理政府信息公开申请情况"), img("表2", 600, 400), p("四、政府信息公开行政复议、行政诉讼情况")}, []TableID{Table3}},
		{"the title in the alt text wins over the section", []Block{p("二、主动公开政府信息情况"), img("表2 收到和处理政府信息公开申请情况", 600, 400), p("三、收到和处理政府信息公开申请情况")}, []TableID{Table3}},
		{"表四 named outside the sections", []Block{p("一、总体情况"), img("附：表四", 600, 400), p("二、主动公开政府信息情况")}, []TableID{Table4}},
		{"one picture per table", []Block{p("三、收到和处理政府信息公开申请情况"), img("", 600, 400), img("", 600, 400)}, []TableID{Table3}},
	}
	for _, tc := range cases {
		r := Recognize(&Document{Format: FormatHTML, Blocks: tc.blocks})
		var got []TableID
		for _, ti := range r.TableImages {
			got = append(got, ti.Table)
		}
		assert.Equal(t, tc.want, got, tc.name)
	}
}
