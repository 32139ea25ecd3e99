package html

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/reportlint/reportlint/parser"
)

func parse(t testing.TB, src string) *parser.Document {
	t.Helper()
	doc, err := Parse("t.html", []byte(src), parser.DefaultOptions())
	require.NoError(t, err)
	return doc
}

func fixtures(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob("../../fixtures/html/*.html")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	return files
}

// sourceLines splits decoded text the way srcIndex counts lines.
func sourceLines(s string) []string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.Split(s, "\n")
}

// at returns the source text from a location on.
func at(lines []string, l parser.Loc) string {
	if l.Line < 1 || l.Line > len(lines) {
		return ""
	}
	line := []rune(lines[l.Line-1])
	if l.Column < 1 || l.Column > len(line) {
		return ""
	}
	return string(line[l.Column-1:])
}

// TestFixtureLocations checks every paragraph and cell location of every
// HTML fixture against the source: a located text must start exactly there
// (or at an entity), an empty cell at its tag.
func TestFixtureLocations(t *testing.T) {
	for _, f := range fixtures(t) {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		src, _ := decode(data)
		lines := sourceLines(src)
		doc, err := Parse(f, data, parser.DefaultOptions())
		require.NoError(t, err, f)
		exact, cellsN, images := 0, 0, 0
		check := func(what, text string, l parser.Loc) {
			s := at(lines, l)
			if text == "" {
				assert.True(t, strings.HasPrefix(s, "<td") || strings.HasPrefix(s, "<th"), "%s: empty %s at %s: %.20q", f, what, l, s)
				return
			}
			r, _ := utf8.DecodeRuneInString(text)
			got, _ := utf8.DecodeRuneInString(s)
			if got == r || got == '&' {
				exact++
				return
			}
			t.Errorf("%s: %s %.20q located at %s, source there: %.30q", f, what, text, l, s)
		}
		for _, b := range doc.Blocks {
			if b.Para != nil {
				check("paragraph", b.Para.Text, b.Para.Loc)
				continue
			}
			if b.Image != nil {
				images++
				assert.True(t, strings.HasPrefix(at(lines, b.Image.Loc), "<img"), "%s: image at %s", f, b.Image.Loc)
				continue
			}
			assert.True(t, strings.HasPrefix(at(lines, b.Table.Loc), "<table"), "%s: table at %s", f, b.Table.Loc)
			for _, r := range b.Table.Rows {
				assert.True(t, strings.HasPrefix(at(lines, r.Loc), "<tr"), "%s: row at %s", f, r.Loc)
				for _, c := range r.Cells {
					cellsN++
					check("cell", c.Text, c.Loc)
				}
			}
		}
		if strings.Contains(f, "as-images") {
			assert.Zero(t, cellsN, f) // the tables are pictures
			assert.Equal(t, 4, images, "%s: the photo and three tables; the logo and the footer badge are site chrome", f)
		} else {
			assert.Greater(t, cellsN, 100, f)
		}
		t.Logf("%s: %d texts located exactly, %d cells, %d images", filepath.Base(f), exact, cellsN, images)
	}
}

// sloppy is hand-written broken markup: CRLF, a lone CR, unclosed cells,
// text foster-parented out of a table, a stray <td>, a start tag spread over
// lines, a table without rows.
const sloppy = "<!DOCTYPE html><html><body>\r\n" +
	"<p>甲段落\r" + // line 2, a lone CR ends the line
	"<table>寄养文字\n" + // line 3
	"<tr><td>一、本年新收政府信息公开申请数量<td>1<span>234</span><td>&nbsp;56&nbsp;\n" + // line 4
	"<tr><td\n  rowspan=2 colspan='3x'>三<td>５６７\n" + // lines 5, 6
	"<tr><td>2,345</td></tr>\n" + // line 7
	"</table>\n" + // line 8
	"<td>游离单元格</td>\n" + // line 9
	"<table></table><div>乙<br>丙</div>\n" // line 10

func TestSloppyMarkup(t *testing.T) {
	doc := parse(t, sloppy)
	var paras []string
	var tbl *parser.Table
	for _, b := range doc.Blocks {
		if b.Para != nil {
			paras = append(paras, b.Para.Text+"@"+b.Para.Loc.String())
		}
		if b.Table != nil {
			tbl = b.Table
		}
	}
	// Text that is not its element's first child is located at the
	// nearest enclosing start tag: the foster-parented text and the text
	// of the dropped stray <td> at <body>, 丙 at its <div>.
	assert.Equal(t, []string{"甲段落@2:4", "寄养文字@1:22", "游离单元格@1:22", "乙@10:21", "丙@10:16"}, paras)
	require.NotNil(t, tbl)
	assert.Equal(t, parser.Loc{Line: 3, Column: 1}, tbl.Loc)
	require.Len(t, tbl.Rows, 3)
	r0 := tbl.Rows[0]
	assert.Equal(t, parser.Loc{Line: 4, Column: 1}, r0.Loc)
	require.Len(t, r0.Cells, 3)
	assert.Equal(t, "一、本年新收政府信息公开申请数量", r0.Cells[0].Text)
	assert.Equal(t, parser.Loc{Line: 4, Column: 9}, r0.Cells[0].Loc)
	assert.Equal(t, "1234", r0.Cells[1].Text)
	assert.Equal(t, parser.Loc{Line: 4, Column: 29}, r0.Cells[1].Loc)
	assert.Equal(t, "56", r0.Cells[2].Text)
	assert.Equal(t, parser.Loc{Line: 4, Column: 56}, r0.Cells[2].Loc) // the &nbsp; before 56
	r1 := tbl.Rows[1]
	assert.Equal(t, parser.Loc{Line: 5, Column: 1}, r1.Loc)
	assert.Equal(t, "三", r1.Cells[0].Text)
	assert.Equal(t, 2, r1.Cells[0].RowSpan)
	assert.Equal(t, 3, r1.Cells[0].ColSpan)
	assert.Equal(t, parser.Loc{Line: 6, Column: 26}, r1.Cells[0].Loc)
	assert.Equal(t, "５６７", r1.Cells[1].Text)
	assert.Equal(t, parser.Loc{Line: 6, Column: 31}, r1.Cells[1].Loc)
	assert.Equal(t, "2,345", tbl.Rows[2].Cells[0].Text)
	assert.Equal(t, parser.Loc{Line: 7, Column: 9}, tbl.Rows[2].Cells[0].Loc)
}

func TestCellText(t *testing.T) {
	doc := parse(t, `<table><tr><td><p class=MsoNormal><span>1.申请人无正当理由逾期不补正、</span></p>
<p class=MsoNormal><span>行政机关不再处理其政府信息公开申请<o:p></o:p></span></p></td>
<td><![if !supportMisalignedColumns]>1<span lang=EN-US>2</span>3<![endif]></td><td><p>12</p><p>34</p></td>
<td><script>var x="<td>9</td>"</script>&nbsp;</td><td>本年新收政府信息公开申请数
量</td></tr></table>`)
	require.Len(t, doc.Blocks, 1)
	var got []string
	for _, c := range doc.Blocks[0].Table.Rows[0].Cells {
		got = append(got, c.Text)
	}
	assert.Equal(t, []string{"1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "123", "12 34", "", "本年新收政府信息公开申请数量"}, got)
}

func gbk(t testing.TB, s string) []byte {
	t.Helper()
	b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(s))
	require.NoError(t, err)
	return b
}

func TestDecode(t *testing.T) {
	body := "<p>青山县一、总体情况 𠀀 镕</p>"
	cases := []struct {
		name string
		data []byte
		enc  string
	}{
		{"utf-8 no meta", []byte("<html><body>" + body), "utf-8"},
		{"utf-8 BOM", append([]byte{0xEF, 0xBB, 0xBF}, "<html><body>"+body...), "utf-8"},
		{"gbk no meta", gbk(t, "<html><body>"+body), "gb18030"},
		{"gb2312 meta, GB18030 4-byte char", gbk(t, `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>`+body), "gb18030"},
		{"gbk meta after 1024 bytes", gbk(t, "<html><head><!--"+strings.Repeat("x", 1100)+`--><meta charset="gbk"></head><body>`+body), "gb18030"},
		{"utf-8 meta on GBK bytes", gbk(t, `<html><head><meta charset="utf-8"></head><body>`+body), "gb18030"},
		{"gbk meta on UTF-8 bytes", []byte(`<html><head><meta charset="gbk"></head><body>` + body), "utf-8"},
	}
	for _, c := range cases {
		s, enc := decode(c.data)
		assert.Equal(t, c.enc, enc, c.name)
		assert.Contains(t, s, "青山县一、总体情况 𠀀 镕", c.name)
		assert.NotContains(t, s, "\uFFFD", c.name)
	}
}

func TestSiteChromeDropped(t *testing.T) {
	data, err := os.ReadFile("../../fixtures/html/clean-site-chrome.html")
	require.NoError(t, err)
	doc, err := Parse("x.html", data, parser.DefaultOptions())
	require.NoError(t, err)
	var all []string
	for _, b := range doc.Blocks {
		if b.Para != nil {
			all = append(all, b.Para.Text)
		} else {
			for _, r := range b.Table.Rows {
				for _, c := range r.Cells {
					all = append(all, c.Text)
				}
			}
		}
	}
	text := strings.Join(all, "\n")
	for _, chrome := range []string{"首页", "当前位置", "分享到", "999", "版权所有", "网站标识码", "打印本页", "浏览次数", "发布日期"} {
		assert.NotContains(t, text, chrome)
	}
	// The headline sits above the CMS body and is taken as the title.
	require.NotNil(t, doc.Blocks[0].Para)
	assert.Equal(t, "青山县教育局2024年政府信息公开工作年度报告", doc.Blocks[0].Para.Text)
	assert.Equal(t, time.Date(2025, 1, 20, 0, 0, 0, 0, time.UTC), doc.Meta.Published)
	assert.Equal(t, 23, doc.Meta.PublishedLoc.Line)
	assert.Equal(t, "青山县教育局2024年政府信息公开工作年度报告_青山县人民政府", doc.Meta.Title)
	tables := 0
	for _, b := range doc.Blocks {
		if b.Table != nil {
			tables++
		}
	}
	assert.Equal(t, 4, tables, "tables 二, 三 (header and body apart) and 四; no nav or footer table")
}

func TestPublished(t *testing.T) {
	for src, want := range map[string]string{
		`<div>发布日期：2025-01-20</div>`:                                              "2025-01-20",
		`<span>发布时间:</span><span>2025年1月5日 10:00</span>`:                          "2025-01-05",
		`<table><tr><td>成文日期：2024年12月30日</td><td>发布日期：2025/1/8</td></tr></table>`: "2025-01-08",
		`<p>成文日期：2024年12月30日</p>`:                                                 "2024-12-30",
		`<div>发布日期：2025-02-30</div>`:                                              "",
		`<head><meta name="PubDate" content="2025-03-01 09:00"></head><p>x</p>`:   "2025-03-01",
		`<p>2025年1月20日</p>`:                                                       "",
	} {
		doc := parse(t, src)
		got := ""
		if !doc.Meta.Published.IsZero() {
			got = doc.Meta.Published.Format("2006-01-02")
			assert.False(t, doc.Meta.PublishedLoc.IsZero(), src)
		}
		assert.Equal(t, want, got, src)
	}
}

func TestLimits(t *testing.T) {
	opts := parser.DefaultOptions()
	opts.MaxDepth = 50
	_, err := Parse("deep.html", []byte(strings.Repeat("<div>", 60)+"x"), opts)
	var re *parser.ReadError
	require.True(t, errors.As(err, &re))
	assert.Equal(t, parser.ProblemUnreadable, re.Kind)
	assert.Contains(t, re.Reason, "嵌套")

	// Nesting the parser makes (tables in cells) counts too.
	_, err = Parse("deep.html", []byte(strings.Repeat("<table><tr><td>", 20)+"x"), opts)
	require.True(t, errors.As(err, &re))

	// A huge pre-parse nesting is refused before parsing.
	_, err = Parse("deep.html", []byte(strings.Repeat("<span>", 200_000)), parser.DefaultOptions())
	require.True(t, errors.As(err, &re))

	// A table whose spans would make a huge grid is skipped with a P001.
	opts = parser.DefaultOptions()
	opts.MaxCells = 10_000
	var b bytes.Buffer
	b.WriteString("<p>前</p><table>")
	for range 50 {
		b.WriteString(`<tr><td colspan=1000>x</td><td rowspan=99999>y</td></tr>`)
	}
	b.WriteString("</table><p>后</p>")
	doc, err := Parse("big.html", b.Bytes(), opts)
	require.NoError(t, err)
	require.Len(t, doc.Problems, 1)
	assert.Equal(t, parser.ProblemUnreadable, doc.Problems[0].Kind)
	assert.Len(t, doc.Blocks, 2)
	assert.Equal(t, 1000, span("1000000"))
	assert.Equal(t, 1, span("0"))
	assert.Equal(t, 3, span("3;"))
}

// TestLayoutFlattened: a layout table's cells become paragraphs and its
// nested data tables become tables; link and copyright cells are dropped.
func TestLayoutFlattened(t *testing.T) {
	doc := parse(t, `<table><tr><td><a href="/">首页</a><a href="/a">公开</a></td></tr>
<tr><td><p>一、总体情况</p><p>正文。</p></td></tr>
<tr><td><p>二、主动公开政府信息情况</p><table><tr><td>规章</td><td>0</td></tr></table></td></tr>
<tr><td>版权所有：青山县人民政府</td></tr></table>`)
	var kinds []string
	for _, b := range doc.Blocks {
		if b.Para != nil {
			kinds = append(kinds, b.Para.Text)
		} else {
			kinds = append(kinds, "table:"+b.Table.Rows[0].Cells[0].Text)
		}
	}
	assert.Equal(t, []string{"一、总体情况", "正文。", "二、主动公开政府信息情况", "table:规章"}, kinds)
}

func TestNotAReport(t *testing.T) {
	doc := parse(t, `<html><head><title>404</title></head><body><nav>首页</nav><p>页面不存在</p></body></html>`)
	require.Len(t, doc.Blocks, 1)
	assert.Equal(t, "页面不存在", doc.Blocks[0].Para.Text)
	assert.Equal(t, "404", doc.Meta.Title)
}
