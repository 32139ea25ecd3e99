package html

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	xhtml "github.com/reportlint/reportlint/parser/html/internal/xhtml"

	"github.com/reportlint/reportlint/parser"
)

// chromePage wraps the site-chrome fixture in the furniture of a government
// website until it is about 64 KB, like the pages of scripts/bench/gen.py.
func chromePage(tb testing.TB) []byte {
	data, err := os.ReadFile("../../fixtures/html/clean-site-chrome.html")
	if err != nil {
		tb.Fatal(err)
	}
	var top, foot, head strings.Builder
	head.WriteString("<style>\n")
	for k := 0; k < 120; k++ {
		fmt.Fprintf(&head, ".c%d{margin:%dpx;padding:%dpx;color:#%06x}\n", k, k%9, k%7, k*7919)
	}
	head.WriteString("</style>\n<script type=\"text/javascript\">\n")
	for k := 0; k < 60; k++ {
		fmt.Fprintf(&head, "var m%d = {id: %d, url: '/x/%d.html', t: \"<div class='n'>通知公告</div>\"};\n", k, k, k*31)
	}
	head.WriteString("</script>\n")
	top.WriteString(`<div class="top"><ul class="nav">`)
	for k := 0; k < 40; k++ {
		fmt.Fprintf(&top, `<li><a href="/col/%d/index.html">栏目%d</a></li>`, k*13, k)
	}
	top.WriteString("</ul></div>\n<div class=\"sidebar\"><h3>最新动态</h3><ul>\n")
	for k := 0; k < 190; k++ {
		fmt.Fprintf(&top, `<li><a href="/art/2024/%d/%d.html" title="县政府常务会议研究部署重点工作" target="_blank">关于开展安全生产大检查的通知</a><span class="date">2024-%02d-%02d</span></li>`+"\n", k%100, k*977, k%12+1, k%28+1)
	}
	top.WriteString("</ul></div>\n")
	foot.WriteString(`<div class="footer"><div class="links">`)
	for k := 0; k < 60; k++ {
		fmt.Fprintf(&foot, `<a href="http://www.gov%d.example.cn/" target="_blank">友情链接网站%d</a> | `, k, k)
	}
	foot.WriteString("</div><p>版权所有：青山县人民政府 网站标识码：1234567890 ICP备12345678号</p></div>\n")
	s := string(data)
	s = strings.Replace(s, "</head>", head.String()+"</head>", 1)
	s = strings.Replace(s, "<body>", "<body>\n"+top.String(), 1)
	s = strings.Replace(s, "</body>", foot.String()+"</body>", 1)
	return []byte(s)
}

// BenchmarkParseSiteChrome parses a 64 KB report page in site chrome.
func BenchmarkParseSiteChrome(b *testing.B) {
	data := chromePage(b)
	opts := parser.DefaultOptions()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse("bench.html", data, opts); err != nil {
			b.Fatal(err)
		}
	}
}

// readInput is what parseDoc hands read for data: the tree (the lean one
// when the page scanner plans it), the source index and the counts.
func readInput(tb testing.TB, data []byte, opts parser.Options) (root *xhtml.Node, src string, nTags, nText, bodyText int) {
	src, _ = decode(data)
	maxTags, maxCells := pageLimits(opts)
	sc := scanPage(src, true, opts.MaxDepth, maxTags, maxCells, 2*parser.MaxTextBytes)
	if sc.plan != nil {
		buf, pieces := sc.plan.source(src)
		r, err := xhtml.ParsePieces(buf, pieces, nil)
		if err != nil {
			tb.Fatal(err)
		}
		return r, src, sc.count.tags, len(buf), sc.plan.bodyText
	}
	r, err := xhtml.ParseBytes([]byte(src), 0, nil)
	if err != nil {
		tb.Fatal(err)
	}
	return r, src, sc.count.tags, len(src), 0
}

// BenchmarkReadSiteChrome is read alone (tree to Document) on the page of
// BenchmarkParseSiteChrome.
func BenchmarkReadSiteChrome(b *testing.B) {
	data := chromePage(b)
	opts := parser.DefaultOptions()
	root, src, nTags, nText, bodyText := readInput(b, data, opts)
	b.ReportAllocs()
	for b.Loop() {
		if read("bench.html", root, newSrcIndex(src), opts, nTags, nText, bodyText) == nil {
			b.Fatal("nil")
		}
	}
}

// BenchmarkReadRB is read alone on the first 50 pages of /tmp/rb/html (the
// generated pages of the throughput check), when present.
func BenchmarkReadRB(b *testing.B) {
	files, _ := filepath.Glob("/tmp/rb/html/*.html")
	if len(files) == 0 {
		b.Skip("no /tmp/rb/html")
	}
	sort.Strings(files)
	files = files[:min(50, len(files))]
	opts := parser.DefaultOptions()
	type input struct {
		root                   *xhtml.Node
		src                    string
		nTags, nText, bodyText int
	}
	var ins []input
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		var in input
		in.root, in.src, in.nTags, in.nText, in.bodyText = readInput(b, data, opts)
		ins = append(ins, in)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, in := range ins {
			read("bench.html", in.root, newSrcIndex(in.src), opts, in.nTags, in.nText, in.bodyText)
		}
	}
}
