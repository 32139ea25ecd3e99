package html

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	stock "golang.org/x/net/html"

	"github.com/reportlint/reportlint/parser/html/internal/xhtml"
)

// injectPositions is how positions were found before internal/xhtml
// recorded them: every start tag rewritten to carry data-srcpos="OFFSET",
// then the page parsed by golang.org/x/net/html. It also returns each start
// tag's end. The differential test below holds the fork to it.
func injectPositions(src string) (string, map[int]int) {
	var b strings.Builder
	ends := map[int]int{}
	z := stock.NewTokenizer(strings.NewReader(src))
	off := 0
	for {
		tt := z.Next()
		if tt == stock.ErrorToken {
			break
		}
		raw := z.Raw()
		switch tt {
		case stock.StartTagToken, stock.SelfClosingTagToken:
			i := 1
			for i < len(raw) && !strings.ContainsRune(" \t\n\f\r/>", rune(raw[i])) {
				i++
			}
			b.Write(raw[:i])
			fmt.Fprintf(&b, ` data-srcpos="%d"`, off)
			b.Write(raw[i:])
			ends[off] = off + len(raw)
		default:
			b.Write(raw)
		}
		off += len(raw)
	}
	return b.String(), ends
}

// sameTree compares the fork's tree with x/net/html's tree of the injected
// page: the same nodes, data and attributes, and Pos/End where data-srcpos
// said.
func sameTree(a *xhtml.Node, s *stock.Node, ends map[int]int, path string) error {
	if uint32(a.Type) != uint32(s.Type) || a.Data != s.Data || a.Namespace != s.Namespace {
		return fmt.Errorf("%s: node %v %q vs %v %q", path, a.Type, a.Data, s.Type, s.Data)
	}
	if a.Type == xhtml.ElementNode {
		pos := -1
		var attrs []stock.Attribute
		for _, at := range s.Attr {
			if at.Key == "data-srcpos" && at.Namespace == "" {
				pos, _ = strconv.Atoi(at.Val)
				continue
			}
			attrs = append(attrs, at)
		}
		if a.Pos != pos {
			return fmt.Errorf("%s <%s>: Pos %d, want %d", path, a.Data, a.Pos, pos)
		}
		if pos >= 0 && a.End != ends[pos] {
			return fmt.Errorf("%s <%s>: End %d, want %d", path, a.Data, a.End, ends[pos])
		}
		if len(attrs) != len(a.Attr) {
			return fmt.Errorf("%s <%s>: %d attributes, want %d", path, a.Data, len(a.Attr), len(attrs))
		}
		for i, at := range attrs {
			if a.Attr[i].Key != at.Key || a.Attr[i].Val != at.Val || a.Attr[i].Namespace != at.Namespace {
				return fmt.Errorf("%s <%s>: attribute %d %+v, want %+v", path, a.Data, i, a.Attr[i], at)
			}
		}
	}
	ac, sc := a.FirstChild, s.FirstChild
	for i := 0; ac != nil || sc != nil; i++ {
		if ac == nil || sc == nil {
			return fmt.Errorf("%s/%d: child count differs", path, i)
		}
		if err := sameTree(ac, sc, ends, fmt.Sprintf("%s/%d:%s", path, i, ac.Data)); err != nil {
			return err
		}
		ac, sc = ac.NextSibling, sc.NextSibling
	}
	return nil
}

// treeCases are pages whose parse involves the parser's repairs: foster
// parenting, misnested formatting elements (adoption agency, Noah's Ark),
// implied and repeated html/body, </br>, foreign content, raw text, NULs.
var treeCases = []string{
	"<table><p>x</p><tr><td>1</td></tr>text<b>bold</table>",
	"<b><i>a</b>b</i>c<p>d<b>e<p>f",
	"<b>1<b>2<b>3<b>4<b>5<p>x</b></b></b>",
	"<a href=x>1<a href=x>2<a href=x>3<a href=x>4",
	"<font size=2><font size=2><font size=2><font size=2>x<p>y",
	"<p><b><b><b><b>x</p>y",
	"text first<body class=late><p>a</p><body id=again><html lang=zh>",
	"<p>a</br>b</p></p>c",
	"<svg><title>t</title><foreignObject><p>x</p></foreignObject></svg><math><mi>x</mi></math>",
	"<title>a<b>not a tag</b></title><script>if (a<b) document.write('<td>')</script><textarea><p></textarea>",
	"<td>stray</td><tr><th>x</th><table><tr><td>1<td>2</table>",
	"<TABLE BORDER=1><TR><TD ROWSPAN=2>A<TD>B<TR><TD>C</TABLE>",
	"<p>\x00<b\x00c>nul</b\x00c><img src=\"a\x00\">",
	"<div\tclass=a\r\nid=b\n>multi\r\nline</div><br/><br / ><p/>",
	"<!DOCTYPE html><html><head><meta charset=gbk><title>t</title></head><body><frameset><frame src=a></frameset>",
	"<frameset><frame src=a><noframes><p>no frames</p></noframes></frameset>",
	"<select><option>a<option>b</select><table><caption>c<tr><td>1</table>",
	"<ul><li>a<li>b<ul><li>c</ul></ul><dl><dt>x<dd>y</dl>",
	"<table><tr><td><table><tr><td>in</td></tr></table></td></tr></table>",
	"<p>&nbsp;&lt;&amp;amp &copy <a title='&amp;x=1&lang=en'>q</a>",
	"<template><tr><td>t</td></tr></template><p>after",
	"<form><form><input type=hidden></form></form><table><input type=hidden><input type=text></table>",
}

func TestForkTreeMatchesInjectedParse(t *testing.T) {
	var pages []string
	files, _ := filepath.Glob("../../fixtures/html/*.html")
	more, _ := filepath.Glob("testdata/*.html")
	for _, f := range append(files, more...) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		src, _ := decode(data)
		pages = append(pages, src)
	}
	pages = append(pages, treeCases...)
	pages = append(pages, sloppy)
	for i, src := range pages {
		injected, ends := injectPositions(src)
		want, err := stock.Parse(strings.NewReader(injected))
		if err != nil {
			t.Fatal(err)
		}
		got, err := xhtml.ParseBytes([]byte(src), 0, nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := sameTree(got, want, ends, fmt.Sprintf("page %d", i)); err != nil {
			t.Errorf("%v\n%.200q", err, src)
		}
	}
}

// srcIndex gives the line and column a naive count gives, for line ends
// of every kind and multi-byte text.
func TestSrcIndex(t *testing.T) {
	srcs := []string{"", "a", "\n", "\r", "\r\n", "a\rb\nc\r\nd\n\re", "甲\r\n乙丙\r丁\n\n戊",
		strings.Repeat("甲乙a\r\n", 300) + strings.Repeat("丙", 2000) + "\rx\r"}
	for _, src := range srcs {
		ix := newSrcIndex(src)
		line, col := 1, 1
		for off := 0; off <= len(src); off++ {
			if off == len(src) || utf8.RuneStart(src[off]) {
				if got := ix.loc(off); got.Line != line || got.Column != col {
					t.Fatalf("%.20q offset %d: %d:%d, want %d:%d", src, off, got.Line, got.Column, line, col)
				}
			}
			if off == len(src) {
				break
			}
			switch c := src[off]; {
			case c == '\n', c == '\r' && (off+1 == len(src) || src[off+1] != '\n'):
				line, col = line+1, 1
			case utf8.RuneStart(c):
				col++
			}
		}
	}
}

// runeStartsRef is runeStarts byte by byte, as it was.
func runeStartsRef(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i]&0xC0 != 0x80 {
			n++
		}
	}
	return n
}

// srcLinesRef is the line table newSrcIndex made before its CR loop was a
// single pass.
func srcLinesRef(src string) []int {
	lines := []int{0}
	hasCR := strings.IndexByte(src, '\r') >= 0
	for i := 0; i < len(src); {
		j := strings.IndexByte(src[i:], '\n')
		if hasCR {
			if k := strings.IndexByte(src[i:], '\r'); k >= 0 && (j < 0 || k < j) {
				if i+k+1 < len(src) && src[i+k+1] == '\n' {
					j = k + 1
				} else {
					lines = append(lines, i+k+1)
					i += k + 1
					continue
				}
			}
		}
		if j < 0 {
			break
		}
		lines = append(lines, i+j+1)
		i += j + 1
	}
	return lines
}

func checkSrcIndex(t *testing.T, src string) {
	t.Helper()
	for from := 0; from < min(len(src), 9); from++ {
		if got, want := runeStarts(src[from:]), runeStartsRef(src[from:]); got != want {
			t.Fatalf("%.40q[%d:]: runeStarts %d, want %d", src, from, got, want)
		}
	}
	if got, want := newSrcIndex(src).lines, srcLinesRef(src); !reflect.DeepEqual(got, want) {
		t.Fatalf("%.40q: lines %v, want %v", src, got, want)
	}
}

func TestSrcIndexMatchesRef(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	alphabet := []string{"a", "\n", "\r", "甲", "\xff", "\x80", "é", " "}
	for i := 0; i < 3000; i++ {
		var b strings.Builder
		for k := rng.Intn(80); k > 0; k-- {
			b.WriteString(alphabet[rng.Intn(len(alphabet))])
		}
		checkSrcIndex(t, b.String())
	}
	files, _ := filepath.Glob("../../fixtures/html/*.html")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		checkSrcIndex(t, string(data))
	}
}

// loc remembers the last offset it was asked for; asked in any order, on
// text with invalid UTF-8 too, it gives what a fresh index gives.
func TestSrcIndexLocCache(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	alphabet := []string{"a", "\n", "\r", "\r\n", "甲", "\xff", "\x80", "\xe4\xb8", "é", " ", strings.Repeat("x", 300)}
	for i := 0; i < 2000; i++ {
		var b strings.Builder
		for k := rng.Intn(60); k > 0; k-- {
			b.WriteString(alphabet[rng.Intn(len(alphabet))])
		}
		src := b.String()
		ix := newSrcIndex(src)
		off := 0
		for q := 0; q < 40; q++ {
			switch rng.Intn(4) {
			case 0:
				off = rng.Intn(len(src) + 2)
			default:
				off += rng.Intn(8) // mostly forward, as the walker asks
			}
			if got, want := ix.loc(off), newSrcIndex(src).loc(off); got != want {
				t.Fatalf("%q offset %d: %+v, fresh index %+v", src, off, got, want)
			}
		}
	}
}

// FuzzSrcIndex holds the line table and rune counts to their references.
func FuzzSrcIndex(f *testing.F) {
	for _, s := range []string{"a\r\nb\rc\n", "\r", "\n\r", "\r\r\n\n", "甲\r\n乙"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkSrcIndex(t, s)
	})
}
