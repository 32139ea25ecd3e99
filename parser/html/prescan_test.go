package html

import (
	"bytes"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/parser"
	xhtml "github.com/reportlint/reportlint/parser/html/internal/xhtml"
)

// scanSeeds are the pages the fast scan is held to the reference on: every
// HTML file in the repository, the lean test pages, the batch pages in
// /tmp/rb/html when present, and hand-written markup, each as the reader
// decodes it and, for the undecoded bytes (GBK, invalid UTF-8), as is.
func scanSeeds(t testing.TB) map[string]string {
	pages := map[string]string{}
	add := func(name string, data []byte) {
		src, _ := decode(data)
		pages[name] = src
		if src != string(data) {
			pages[name+"#raw"] = string(data)
		}
	}
	var files []string
	for _, pat := range []string{"../../fixtures/*/*.htm*", "../../fixtures/*/*/*.htm*", "../../cmd/*/*/*.htm*", "testdata/*.htm*"} {
		m, _ := filepath.Glob(pat)
		files = append(files, m...)
	}
	if len(files) < 10 {
		t.Fatalf("found %d HTML fixtures only", len(files))
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		add(f, data)
	}
	if tt, ok := t.(*testing.T); ok {
		for k, v := range leanPages(tt) {
			add("lean:"+k, v)
		}
	} else {
		add("chrome", chromePage(t))
	}
	batch, _ := filepath.Glob("/tmp/rb/html/*.htm*")
	if testing.Short() && len(batch) > 50 {
		batch = batch[:50]
	} else if len(batch) > 250 {
		batch = batch[:250] // generated pages, much alike
	}
	for _, f := range batch {
		if data, err := os.ReadFile(f); err == nil {
			add(f, data)
		}
	}
	for i, s := range scanSnippets {
		pages[fmt.Sprintf("snippet%d", i)] = s
	}
	// smaller kin of the hostile pages (package hostile): the limits
	pages["deep"] = "<html><body>" + strings.Repeat("<div>", 5_000) + "深" + strings.Repeat("</div>", 5_000) + "</body></html>"
	pages["deep-tables"] = "<html><body>" + strings.Repeat("<table><tr><td>", 2_000) + "x</body></html>"
	pages["many-p"] = "<html><body>" + strings.Repeat("<p>x</p>\n", 20_000) + "</body></html>"
	pages["many-br"] = "<html><body><p>" + strings.Repeat("<br>", 50_000) + "</p></body></html>"
	pages["long-text"] = "<html><body><p>" + strings.Repeat("年度报告", 100_000) + "</p></body></html>"
	pages["many-cells"] = "<html><body><table>" + strings.Repeat("<tr><td>1</td><TD>2</TD><th/></tr>", 5_000) + "</table></body></html>"
	return pages
}

// scanSnippets are the Tokenizer's corner cases.
var scanSnippets = []string{
	sloppy,
	"",
	"<",
	"</",
	"<!",
	"<!-",
	"<!--",
	"<!-->",
	"<!--->",
	"<!---->x",
	"<!-- a --!> b -->",
	"<!-- a --!",
	"<!-- a --!-- -->",
	"<!-- a --",
	"<!-- a --!->b-->c",
	"<!-- a --!x>b-->c",
	"<!-- a ->b-->c",
	"<!---x>b-->c",
	"<!-- a -",
	"<!DOCTYPE",
	"<!DOCTYPE html",
	"<!doctype html>x",
	"<!DoCtYpE html>x",
	"<!DOCTYPE   ",
	"<!DOCTYPEhtml>",
	"<!DOCTYP>",
	"<!>x",
	"<!x>y",
	"<?xml version='1.0'?><p>x",
	"</>x",
	"</ x>y",
	"</3>y",
	"</p",
	"</p x='>'>y",
	"<p",
	"<p ",
	"<p a",
	"<p a=",
	"<p a='",
	"<p a=\"x",
	"<p a=x",
	"<p/>",
	"<br/>",
	"<p a=/>",
	"<p a=x/>",
	"<p a=1 a=x/>",
	"<p A=1 a=x/>",
	"<p a=1 b=x/>",
	"<p a = x/>",
	"<p a=\"x\"/>",
	"<p a/>",
	"<p / >",
	"<p =a>",
	"<p ==a>",
	"<p =a=b/>",
	"<p a= >",
	"<p a=>",
	"<p a=''/>",
	"<p\ta\n=\r'x'\f>",
	"<p<p>>",
	"a<<p>b",
	"a < b <3 <p>c",
	"<script>a</script>b",
	"<script/>a</script>b",
	"<SCRIPT>a</ScRiPt >b",
	"<script>a</scriptx></script/>b",
	"<script><!-- a </script> b",
	"<script><!-- <script> </script> --> </script>b",
	"<script><!-- <script> </script> </script>b",
	"<script><!-- <SCRIPT/> -- </script><!-- --> </script>b",
	"<script><!-- --> </script>b",
	"<script><!--- --><script></script>b",
	"<script><!-- <scripty> </script>b",
	"<script><!-- <x </script>b",
	"<script><!-- </x> </script>b",
	"<script><!-- <script>--><!--></script>b",
	"<script><!-- <script>-<</script>x</script>b",
	"<script><!-- <script>--<</script>x</script>b",
	"<script><!-- <script></scrip</script>--></script>b",
	"<script><!-",
	"<script><!>x</script>y",
	"<script><!-><script></script>x</script>y",
	"<script><!>--<script></script>x</script>y",
	"<script><!--><script></script>x</script>y",
	"<script><!-x--></script>y",
	"<script><!--x--></script>y",
	"<script><!--x-></script>y",
	"<script><!--<script>x--></script>y</script>z",
	"<script><!--<script>x-></script>y</script>z",
	"<script><!--<script>x-<</script>y</script>z",
	"<script><!--<Script\t></script>--></script>z",
	"<script><!--<script>--!></script>z",
	"<script><!--<script></script>--</script>z",
	"<script><!--<script></script>-</script>z",
	"<script><!--<script></script><</script>z",
	"<script><!--<script></script></script>z",
	"<script><!--<scrip</script>z",
	"<script><!--<</script>z",
	"<script><!--</scrip</script>z",
	"<script><!--<script",
	"<script>",
	"<script></scr",
	"<style>p{}</style >b</style>",
	"<title>a &amp; <b> </title>c",
	"<textarea>a</textarea>b",
	"<xmp><b>&amp;</xmp>c",
	"<iframe><p></iframe>c",
	"<noembed><p></noembed>c",
	"<noframes><p></noframes>c",
	"<noscript><p></noscript>c",
	"<plaintext><p></plaintext>c",
	"<title></title>",
	"<title></titlex></title>",
	"<title><</title>",
	"<title></</title>",
	"<TITLE>x</TITLE>",
	"<html><head><title>t</title></head><body><div>a</div><div>b</div></body></html>",
	"<html><head></head><body><div hidden>a</div><div style='display:none'>b</div><div style=\"DISPLAY : NONE\">c</div><div>年度报告</div></body></html><!-- x -->",
	"<body><div style='display&#58;none'>x</div><div>年度报告</div></body>",
	"<body><div style='display:none' style='x'>x</div><div>年度报告</div></body>",
	"<body><div style='x' style='display:none'>x</div><div>年度报告</div></body>",
	"<body><div STYLE='visibility:hidden'>x</div><div>年度报告</div></body>",
	"<body><div HIDDEN=no>x</div><div>年度报告</div></body>",
	"<body><svg><p/><b/></svg><div>年度报告</div></body>",
	"<body><svg><xmp/>x</svg><div>年度报告</div></body>",
	"<body><DIV>a</Div><div>年度报告</div></body>",
	"<body><custom-el>a</CUSTOM-EL><div>年度报告</div></body>",
	"<body><custom-el>a</custom-eL x><div>年度报告</div></body>",
	"<body><κ>a</κ><div>年度报告</div></body>",
	"<body><div>a</div></p><div>年度报告</div></body>",
	"<body><div>a</div></body></html><p>x",
	"<body><div>a</div></body></html><!DOCTYPE x>",
	"<body><xmp>a&amp;b</xmp><div>年度报告</div></body>",
	"<body><div>&#x5e74;度报告</div><div>b</div></body>",
	"<body><div>a\x00</div></body>",
	"<body><td/><th>x<TD x><TH/></body>",
	"<body><keygen><KEYGEN></keygen></body>",
	"<body><div><span><b><i><u><em><strong>x</strong></em></u></i></b></span></div><div>年度报告</div></body>",
}

// mutate returns a copy of s with a few random changes of the kinds that
// trip tokenizers.
func mutate(rng *rand.Rand, s string) string {
	pieces := []string{
		"<", ">", "/", "=", "'", "\"", "!", "?", "-", "&", "&amp;", "&#", "\x00", "\xff", "\xe5\xb9", "\xc4\xea\xb6\xc8", " ", "\r", "\n", "\f",
		"<!--", "-->", "--!>", "<!-->", "<!", "</", "<?", "<!DOCTYPE html>", "<![CDATA[", "]]>",
		"<script>", "</script>", "<s", "</s", "<!-", "<script><!--", "<SCRIPT>", "</SCRIPT >", "<!--<script>", "<style>", "</style>", "<title>", "</title>",
		"<textarea>", "<xmp>", "</xmp>", "<iframe>", "<noembed>", "<noframes>", "<noscript>", "<plaintext>",
		"<svg>", "</svg>", "<math>", "<p/>", "<br/>", "<td>", "<TH/>", "<div>", "</div>", "<span>", "</span>",
		"<body>", "</body>", "</html>", "<head>", "</head>", "<template>", "<frameset>",
		" hidden", " style=display:none", " style='display:none'", " style=\"visibility : hidden\"", " a=b/", " a=/",
		"年度报告", "总体情况", "发布时间：", "2024年1月1日",
	}
	b := []byte(s)
	for k := rng.Intn(4) + 1; k > 0; k-- {
		at := 0
		if len(b) > 0 {
			at = rng.Intn(len(b) + 1)
		}
		switch rng.Intn(6) {
		case 0: // cut
			if rng.Intn(2) == 0 {
				b = b[:at]
			} else {
				b = b[at:]
			}
		case 1: // delete a stretch
			e := min(len(b), at+rng.Intn(20))
			b = append(b[:at:at], b[e:]...)
		case 2: // upper-case a stretch
			e := min(len(b), at+rng.Intn(40))
			copy(b[at:e], bytes.ToUpper(b[at:e]))
		default:
			p := pieces[rng.Intn(len(pieces))]
			b = append(b[:at:at], append([]byte(p), b[at:]...)...)
		}
	}
	return string(b)
}

// scanParams are the limits the scans run with: none, the reader's, and
// small ones that each page breaks.
var scanParams = []struct{ depth, tags, cells, text int }{
	{128, 0, 0, 0},
	{128, 25_000, 3_125, 2 * parser.MaxTextBytes},
	{6, 0, 0, 0},
	{40, 200, 30, 300},
	{2, 10, 1, 20},
}

// checkScanSame fails when scanPage differs from scanPageRef on src, with
// and without the lean plan, under every limit of scanParams, or when
// pscan's tokens differ from the Tokenizer's.
func checkScanSame(t testing.TB, name, src string) {
	t.Helper()
	checkTokensSame(t, name, src)
	for _, lean := range []bool{true, false} {
		for _, pr := range scanParams {
			checkScanOnce(t, name, src, lean, pr.depth, pr.tags, pr.cells, pr.text)
		}
	}
}

func checkScanOnce(t testing.TB, name, src string, lean bool, depth, tags, cells, text int) {
	t.Helper()
	got := scanPage(src, lean, depth, tags, cells, text)
	want := scanPageRef(src, lean, depth, tags, cells, text)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%s (lean %v, limits %d %d %d %d): scanPage differs from the reference\n got %+v %+v\nwant %+v %+v\npage %q",
			name, lean, depth, tags, cells, text, got, got.plan, want, want.plan, clip(src))
	}
}

// checkTokensSame compares pscan's tokens with the Tokenizer's: type,
// offsets, tag name and, for start tags, whether the attributes hide the
// element.
func checkTokensSame(t testing.TB, name, src string) {
	t.Helper()
	z := xhtml.NewTokenizerBytes([]byte(src), 0)
	p := pscan{s: src}
	for n := 0; ; n++ {
		want := z.Next()
		got := p.next()
		ws, we := z.Offset()
		if want == xhtml.ErrorToken {
			we = ws
		}
		if got != want || p.start != ws || (want != xhtml.ErrorToken && p.end != we) {
			t.Fatalf("%s: token %d: got %v [%d,%d), want %v [%d,%d)\naround %q\npage %q", name, n, got, p.start, p.end, want, ws, we,
				src[max(0, ws-40):min(len(src), we+40)], clip(src))
		}
		if want == xhtml.ErrorToken {
			return
		}
		if want != xhtml.StartTagToken && want != xhtml.SelfClosingTagToken && want != xhtml.EndTagToken {
			continue
		}
		tn, _ := z.TagName()
		low := string(bytes.ReplaceAll(lowerASCII([]byte(src[p.nameStart:p.nameEnd])), []byte{0}, []byte("\ufffd")))
		if string(tn) != low || p.tag.name != "" && p.tag.name != string(tn) {
			t.Fatalf("%s: token %d: name %q (%q), want %q", name, n, src[p.nameStart:p.nameEnd], p.tag.name, tn)
		}
		if want != xhtml.EndTagToken {
			if h, hw := p.hidden(), hiddenAttrs(z); h != hw {
				t.Fatalf("%s: token %d %q: hidden %v, want %v", name, n, src[p.start:p.end], h, hw)
			}
		}
	}
}

func lowerASCII(b []byte) []byte {
	out := bytes.Clone(b)
	for i, c := range out {
		if 'A' <= c && c <= 'Z' {
			out[i] = c + 'a' - 'A'
		}
	}
	return out
}

func clip(s string) string {
	if len(s) > 300 {
		return s[:300] + "…"
	}
	return s
}

// TestScanPageMatchesReference: the fast scan finds what the Tokenizer-based
// reference finds, on every page and limit.
func TestScanPageMatchesReference(t *testing.T) {
	leanSeen := 0
	for name, src := range scanSeeds(t) {
		if strings.HasPrefix(name, "/tmp/rb/") {
			// a thousand pages alike: the reader's limits only
			checkTokensSame(t, name, src)
			pr := scanParams[1]
			checkScanOnce(t, name, src, true, pr.depth, pr.tags, pr.cells, pr.text)
			continue
		}
		checkScanSame(t, name, src)
		if scanPage(src, true, 128, 0, 0, 0).plan != nil {
			leanSeen++
		}
	}
	if leanSeen < 5 {
		t.Fatalf("only %d pages have a lean plan: the test does not reach the planning", leanSeen)
	}
}

// TestScanPageMutated: the same on pages changed at random.
func TestScanPageMutated(t *testing.T) {
	seeds := scanSeeds(t)
	var names []string
	for k := range seeds {
		names = append(names, k)
	}
	slices.Sort(names) // map order is random: sorted for a reproducible run
	rng := rand.New(rand.NewSource(1))
	rounds := 1500
	if testing.Short() {
		rounds = 300
	}
	for r := 0; r < rounds; r++ {
		name := names[rng.Intn(len(names))]
		src := seeds[name]
		if len(src) > 20_000 && rng.Intn(4) != 0 {
			// mostly a piece of a large page, to keep the test quick
			at := rng.Intn(len(src) - 10_000)
			src = src[at : at+10_000]
		}
		checkScanSame(t, fmt.Sprintf("%s mutation %d", name, r), mutate(rng, src))
	}
	// small pages made of the tricky pieces alone
	for r := 0; r < 10*rounds; r++ {
		s := ""
		for k := rng.Intn(8); k >= 0; k-- {
			s = mutate(rng, s)
		}
		checkScanSame(t, fmt.Sprintf("pieces %d", r), s)
	}
}

// TestTagTable: lookupTag classifies as the maps do.
func TestTagTable(t *testing.T) {
	names := []string{"td", "th", "svg", "math", "iframe", "noembed", "noframes", "noscript", "plaintext", "script",
		"style", "textarea", "title", "xmp", "body", "html", "head", "p", "br", "div", "span", "x", "tdx", "custom-element", "averyveryverylongname"}
	for _, m := range []map[string]bool{voidTags, headTags, noLean, skipTags, notNesting, blockTags, chromeTags} {
		for k := range m {
			names = append(names, k)
		}
	}
	for _, n := range names {
		for _, v := range []string{n, strings.ToUpper(n)} {
			ti := lookupTag(v)
			check := func(f tagFlags, want bool) {
				if (ti.flags&f != 0) != want {
					t.Errorf("%s: flag %b is %v", v, f, !want)
				}
			}
			check(tfVoid, voidTags[n])
			check(tfHead, headTags[n])
			check(tfNoLean, noLean[n])
			check(tfSkip, skipTags[n])
			check(tfNotNesting, notNesting[n])
			check(tfASCII, true)
			if ti.name != "" && ti.name != n {
				t.Errorf("%s: name %q", v, ti.name)
			}
		}
	}
	if ti := lookupTag("κ"); ti.flags != 0 || ti.name != "" {
		t.Errorf("non-ASCII name: %+v", ti)
	}
}

// checkCompactSame fails when writeCompactRuns differs from writeCompact.
func checkCompactSame(t testing.TB, s string) {
	t.Helper()
	var a, b strings.Builder
	a.WriteString("x")
	b.WriteString("x")
	writeCompact(&a, s)
	marks := []int{-1}
	writeCompactRuns(&b, s, &marks)
	if a.String() != b.String() {
		t.Fatalf("writeCompactRuns(%q) = %q, want %q", clip(s), b.String(), a.String())
	}
	// the marks are every three-byte rune of the written text in
	// wantedBloom, in order, after those given
	want := bloomMarks(b.String()[1:], nil)
	for k := range want {
		want[k]++ // after the "x"
	}
	want = append([]int{-1}, want...)
	if !reflect.DeepEqual(marks, want) {
		t.Fatalf("writeCompactRuns(%q) marks %v, want %v", clip(s), marks, want)
	}
}

// TestWriteCompactRuns: writeCompactRuns is writeCompact, on the seed
// pages, on every rune up to U+FFFF and around it, and on random bytes.
func TestWriteCompactRuns(t *testing.T) {
	for _, src := range scanSeeds(t) {
		checkCompactSame(t, src)
	}
	var all strings.Builder
	for r := rune(0); r < 0x11000; r++ {
		all.WriteRune(r)
		if r%64 == 0 {
			all.WriteByte(' ')
		}
	}
	checkCompactSame(t, all.String())
	rng := rand.New(rand.NewSource(2))
	alphabet := []string{"\xe3", "\xe5", "\xed", "\xef", "\xf0", "\x80", "\xa0", "\xbf", "\xc2", " ", "a", "\u3000", "\u3001", "\ufeff", "\ufefe", "\uff01", "\uff5e", "\uff5f", "\u00ad", "\u00a0", "\u200b", "年", "\x00", "\t"}
	for k := 0; k < 20000; k++ {
		var b strings.Builder
		for n := rng.Intn(12); n >= 0; n-- {
			b.WriteString(alphabet[rng.Intn(len(alphabet))])
		}
		checkCompactSame(t, b.String())
	}
}

// TestStyleHides: styleHides is hidden for a style attribute.
func TestStyleHides(t *testing.T) {
	alphabet := []string{"display", "DISPLAY", "Display", "visibility", "mso-hide", "MSO-HIDE", ":", "none", "NONE", "hidden", "hide", "all", "ALL",
		"n", "N", "o", "e", "h", "H", "hid", "HIDD", "hi", "no", "non", "\x0e", "\x08", "\x04", "\x05", "d", "D",
		" ", "\t", "\n", "\v", "\f", "\r", "\u0085", "\u00a0", "\u3000", ";", "d", "İ", "i", "K", "\u212a", "\u2028", "\u1680", "\xff", "x", "-", "dİsplay", "vİsİbİlİty", "宋体", "mso-bidi-font-family:\"Times New Roman\";"}
	rng := rand.New(rand.NewSource(3))
	hides := 0
	for k := 0; k < 50000; k++ {
		var b strings.Builder
		for n := rng.Intn(8); n >= 0; n-- {
			b.WriteString(alphabet[rng.Intn(len(alphabet))])
		}
		if rng.Intn(20) == 0 {
			b.WriteString(strings.Repeat("margin:0; ", rng.Intn(80)))
			b.WriteString(alphabet[rng.Intn(len(alphabet))])
			b.WriteString(":none")
		}
		v := b.String()
		want := styleHidesRef(v)
		if got := hidden(&xhtml.Node{Type: xhtml.ElementNode, Attr: []xhtml.Attribute{{Key: "style", Val: v}}}); got != want {
			t.Fatalf("hidden(style=%q) = %v, want %v", v, got, want)
		}
		if got, want := styleFolded(v), styleFoldedRef(v); got != want {
			t.Fatalf("styleFolded(%q) = %v, want %v", v, got, want)
		}
		if got, want := mayHide(v), hasFold(v, "none") || hasFold(v, "hidden") || hasFold(v, "hide"); got != want {
			t.Fatalf("mayHide(%q) = %v, want %v", v, got, want)
		}
		if got := styleHides(v); got != want {
			t.Fatalf("styleHides(%q) = %v, want %v", v, got, want)
		}
		if want {
			hides++
		}
	}
	if hides < 100 {
		t.Fatalf("only %d of the styles hide", hides)
	}
	for _, v := range []string{"dİsplay:none", "DISPLAY : NONE", "display:\u00a0none", "mso-hide:\vall", "visibility:hidden;" + strings.Repeat("x", 300), "d\u00a0isplay:none",
		"dis\u3000play:none", "display\u2028:none", "mso-hide:aLL", "border:none;visibility:hİdden", "font-family:宋体;mso-hide: all", strings.Repeat("font-family:宋体;", 60) + "display:none"} {
		if !styleHides(v) {
			t.Errorf("styleHides(%q) = false", v)
		}
	}
	for _, v := range []string{"dxsplay:none", "xisplay:none", "display;none", "display:no ne", "mso-hide:al", "visibility:hiddn",
		"visibility:hİdden", "display:n\u00a0one", "display:宋none", "mso-hide::all", ":", "none:", ":none"} {
		if styleHides(v) {
			t.Errorf("styleHides(%q) = true", v)
		}
	}
}
