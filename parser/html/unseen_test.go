package html

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/reportlint/reportlint/parser"
)

// reportContent is the report of the site-chrome fixture: the content of
// its TRS_Editor container, without the page around it.
func reportContent(t testing.TB) string {
	data, err := os.ReadFile("../../fixtures/html/clean-site-chrome.html")
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	i := strings.Index(s, `<div class="TRS_Editor">`)
	j := strings.Index(s, `<div class="share">`)
	if i < 0 || j < 0 {
		t.Fatal("fixture layout changed")
	}
	s = s[i+len(`<div class="TRS_Editor">`) : j]
	return s[:strings.LastIndex(s, "</div>")]
}

const unseenHead = "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>某某市统计局2024年政府信息公开工作年度报告</title>\n" +
	"<style>.x{display:none}</style>\n<script>var a = '<div>';</script>\n</head>\n"

func sidebar(n int) string {
	var b strings.Builder
	b.WriteString(`<div class="col-left"><ul>`)
	for k := 0; k < n; k++ {
		fmt.Fprintf(&b, "<li><a href=\"/a/%d.html\">关于做好第%d批项目申报工作的通知</a><span>2024-03-%02d</span></li>\n", k, k, k%28+1)
	}
	b.WriteString("</ul></div>\n")
	return b.String()
}

// unseenPages are layouts of other CMSs and awkward pages, written without
// looking at how the fixtures are made. The lean path must read each as the
// full parse does.
func unseenPages(t testing.TB) map[string][]byte {
	rep := reportContent(t)
	pages := map[string]string{
		// The body in nested <div>s with no CMS class and no marker-free
		// wrapper; the date below the article.
		"nested-divs": unseenHead + "<body>\n" + sidebar(30) + "<div><div><div><div>\n<p>某某市统计局2024年政府信息公开工作年度报告</p>\n" + rep +
			"</div></div></div></div>\n<div class=\"bottom\">发布时间：2025年1月18日</div>\n" + sidebar(5) + "</body>\n</html>\n",
		// A frameset page whose <noframes> carries the report.
		"frameset": "<html><head><title>年报</title></head><frameset cols=\"20%,80%\"><frame src=\"menu.html\"><frame src=\"main.html\">" +
			"<noframes><body>" + rep + "</body></noframes></frameset></html>",
		// Two candidate bodies: a sidebar excerpt naming some sections,
		// then the report.
		"two-bodies": unseenHead + "<body>\n<div class=\"side\"><h3>往年年报</h3><p>一、总体情况</p><p>行政复议</p><p>行政诉讼</p><p>2023年度报告</p></div>\n" +
			sidebar(20) + "<div class=\"article\"><h2>某某市统计局2024年政府信息公开工作年度报告</h2>" + rep + "</div>\n</body></html>",
		// Very long single-line HTML.
		"one-line": strings.ReplaceAll(strings.ReplaceAll(unseenHead+"<body>"+sidebar(40)+"<div class=\"content\">"+rep+"</div>"+sidebar(40)+"</body></html>", "\r\n", " "), "\n", " "),
		// Table 三 split over tables, in a CMS body after a title above it.
		"title-above": unseenHead + "<body>\n" + sidebar(30) + "<div class=\"t\"><h1>某某市统计局2024年政府信息公开工作年度报告</h1></div>\n" +
			"<div class=\"meta\">成文日期：2024-12-30 发布日期：2025-01-10</div>\n" + sidebar(3) + "<div id=\"zoom\">" + rep + "</div>\n</body></html>",
		// Chrome that is not perfectly nested (unclosed <li>, stray </div>).
		"sloppy-chrome": unseenHead + "<body>\n<div class=\"nav\"><ul><li><a href=/>首页<li><a href=/b>部门</a></ul></div></div>\n" +
			"<div class=\"content\">" + rep + "</div>\n" + sidebar(10) + "</body></html>",
		// Text directly in <body>, and a hidden block with markers in the
		// chrome.
		"body-text": unseenHead + "<body>\n欢迎访问\n" + sidebar(10) + "<div style=\"display: none\">总体情况 行政复议 行政诉讼 信息处理费</div>\n" +
			"<div class=\"content\">" + rep + "</div>\n</body></html>",
		"hidden-chrome": unseenHead + "<body>\n" + sidebar(10) + "<div style=\"DISPLAY:NONE\">总体情况 行政复议 行政诉讼 信息处理费 申请人情况</div>\n" +
			"<div class=\"content\">" + rep + "</div>\n" + sidebar(10) + "</body></html>",
		// Markers in the chrome split across elements; <font> left open.
		"split-marker": unseenHead + "<body>\n<div class=\"a\">总体</div><div class=\"b\">情况</div>\n" + sidebar(10) +
			"<div class=\"content\">" + rep + "</div>\n<div class=\"f\"><font color=red>联系我们</div>\n</body></html>",
		// Content after </body>, a <p> closed by a block, CRLF and tabs.
		"after-body": strings.ReplaceAll(unseenHead+"<body>\n<div>\t<p>导航</div>\n"+sidebar(10)+"<div class=\"content\">"+rep+"</div>\n</body>\n<div>页脚 发布日期：2025-02-01</div></html>", "\n", "\r\n"),
		// A report whose body is the whole <body>.
		"bare-body": "<html><head><title>t</title></head><body>" + rep + "</body></html>",
		// Implied body (no <body> tag), and a <body> tag late.
		"implied-body": unseenHead + sidebar(5) + "<div class=\"content\">" + rep + "</div>",
		"late-body":    "<html><head><title>t</title></head><div>" + sidebar(3) + "</div><body class=\"content\"><div>" + rep + "</div></body></html>",
	}
	// Furniture with icons (inline SVG, images), a search form, a select
	// box of links, an iframe, and a layout table with unclosed cells.
	furniture := `<div class="hd"><svg width="16" height="16"><path d="M0 0h16v16z"/><circle cx="8" cy="8" r="3"/></svg><img src="logo.png" alt="logo">` +
		`<form action="/search"><input type="text" name="q"><button>搜索</button></form>` +
		`<select onchange="go(this)"><option>部门网站</option><option>行政复议</option></select><iframe src="/ad.html"></iframe></div>` + "\n"
	pages["furniture"] = unseenHead + "<body>\n" + furniture + sidebar(10) + "<div class=\"content\">" + rep + "</div>\n" + furniture + "</body></html>"
	pages["unclosed-cells"] = unseenHead + "<body>\n<table><tr><td>首页<td>要闻<td>公告</table>\n" + sidebar(10) + "<div class=\"content\">" + rep + "</div>\n</body></html>"
	// Cells with start tags over several lines, tabs, entities and <br>.
	cells := strings.NewReplacer("<td>", "<td\r\n\tclass=\"x\">&nbsp;", "</td>", "<br></td>", "<td colspan", "<td\tcolspan").Replace(rep)
	pages["tricky-cells"] = unseenHead + "<body>\r\n" + sidebar(5) + "<div class=\"content\">\r\n" + cells + "</div>\r\n</body></html>"
	out := map[string][]byte{}
	for k, v := range pages {
		out[k] = []byte(v)
	}
	// A GBK page whose meta charset comes after the first 1024 bytes.
	gbkSrc := "<html><head><title>某某市统计局2024年政府信息公开工作年度报告</title><style>" + strings.Repeat("/* 样式 */\n", 150) +
		"</style><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gbk\"></head><body>\n" + sidebar(15) +
		"<div class=\"content\">" + rep + "</div>\n</body></html>"
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(gbkSrc)
	if err != nil {
		t.Fatal(err)
	}
	out["gbk-late-meta"] = []byte(gbk)
	return out
}

// TestUnseenLocations: on the unseen pages, every located paragraph and
// cell points at its text (or an entity, or an empty cell's tag), and each
// page yields the report's tables.
func TestUnseenLocations(t *testing.T) {
	for name, data := range unseenPages(t) {
		src, _ := decode(data)
		lines := sourceLines(src)
		doc, err := Parse(name, data, parser.DefaultOptions())
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		tables := 0
		check := func(what, text string, l parser.Loc) {
			s := at(lines, l)
			if text == "" {
				assert.True(t, strings.HasPrefix(s, "<td") || strings.HasPrefix(s, "<th"), "%s: empty %s at %s: %.20q", name, what, l, s)
				return
			}
			r, _ := utf8.DecodeRuneInString(text)
			got, _ := utf8.DecodeRuneInString(s)
			ok := got == r || got == '&' || what == "cell" && (strings.HasPrefix(s, "<td") || strings.HasPrefix(s, "<th"))
			assert.True(t, ok, "%s: %s %.20q located at %s, source there: %.30q", name, what, text, l, s)
		}
		for _, b := range doc.Blocks {
			if b.Para != nil {
				check("paragraph", b.Para.Text, b.Para.Loc)
				continue
			}
			tables++
			for _, r := range b.Table.Rows {
				for _, c := range r.Cells {
					check("cell", c.Text, c.Loc)
				}
			}
		}
		if name == "frameset" {
			// An HTML5 parser reads <noframes> as raw text, as a browser
			// with frames does: the page shows the frames, not the report.
			continue
		}
		assert.GreaterOrEqual(t, tables, 3, name)
	}
}
