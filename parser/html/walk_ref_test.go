package html

import (
	"strings"
	"testing"

	xhtml "github.com/reportlint/reportlint/parser/html/internal/xhtml"
)

// The walker's cell reader as it was (a closure, pieces cut into a slice,
// hasDescendant a walk of its own), frozen: cellText is held to it.

// hasDescendant reports whether n holds a visible element named tag.
func hasDescendant(n *xhtml.Node, tag string) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != xhtml.ElementNode || skipped(c) {
			continue
		}
		if c.Data == tag || hasDescendant(c, tag) {
			return true
		}
	}
	return false
}

func (w *walker) cellTextRef(td *xhtml.Node) cellInfo {
	w.cellBuf.begin(256)
	cur := &w.cellBuf.b
	at := cur.Len()
	cuts := w.cuts[:0]
	pos := -1
	linkText, allText := 0, 0
	var visit func(n *xhtml.Node, inLink bool)
	visit = func(n *xhtml.Node, inLink bool) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case xhtml.TextNode:
				if hasShown(c.Data) {
					if pos < 0 {
						pos = w.ix.textPos(c)
					}
					k := compactLen(c.Data)
					allText += k
					if inLink {
						linkText += k
					}
				}
				cur.WriteString(c.Data)
			case xhtml.ElementNode:
				if skipped(c) {
					continue
				}
				block := isBlockTag(c.Data) || c.Data == "br"
				if block {
					cuts = append(cuts, cur.Len()-at)
				}
				visit(c, inLink || c.Data == "a")
				if block {
					cuts = append(cuts, cur.Len()-at)
				}
			}
		}
	}
	visit(td, false)
	text := w.cellBuf.text()
	pieces := w.pieces[:0]
	from := 0
	for _, to := range cuts {
		pieces = append(pieces, text[from:to])
		from = to
	}
	pieces = append(pieces, text[from:])
	w.cuts, w.pieces = cuts, pieces
	if pos < 0 {
		pos = srcPos(td)
	}
	return cellInfo{text: joinPiecesTo(&w.out, pieces), pos: pos, onlyLk: allText > 0 && linkText == allText,
		mostlyLk: allText > 0 && linkText*2 >= allText, hasTable: hasDescendant(td, "table")}
}

// checkCells holds cellText to cellTextRef on every cell of the page.
func checkCells(t *testing.T, name string, data []byte) int {
	src, _ := decode(data)
	root, err := xhtml.ParseBytes([]byte(src), 0, nil)
	if err != nil {
		return 0
	}
	ix := newSrcIndex(src)
	w, ref := &walker{ix: ix, bufPos: -1}, &walker{ix: newSrcIndex(src), bufPos: -1}
	n := 0
	eachElement(root, func(e *xhtml.Node) bool {
		if e.Data != "td" && e.Data != "th" {
			return true
		}
		got, want := w.cellText(e), ref.cellTextRef(e)
		if got != want {
			t.Fatalf("%s: cell at %d: %+v, want %+v", name, e.Pos, got, want)
		}
		n++
		return true
	})
	return n
}

func TestCellTextMatchesRef(t *testing.T) {
	n := 0
	for name, data := range goldenPages(t) {
		n += checkCells(t, name, data)
	}
	for _, s := range cellSnippets {
		checkCells(t, "snippet", []byte("<table><tr><td>"+s+"</td><td>x"+s+"</td></tr></table>"))
	}
	if n < 1000 {
		t.Fatalf("only %d cells", n)
	}
}

// cellSnippets are cell contents with block boundaries, links, hidden and
// skipped elements, nested tables, white space and stray bytes.
var cellSnippets = []string{
	"", " ", "\u3000", "\u00ad", "a<br>b", "<p>第一行</p><p>第二行</p>", "<a href=x>链接</a>", "<a>链接</a>文字",
	"<div> <span>x</span></div>&nbsp;", "<table><tr><td>内</td></tr></table>", "<span style='display:none'><table></table></span>",
	"<script>x</script>y", "\xff\xfe", "ＡＢＣ　１２", "<p>中</p><p>文</p><p>a</p><p>b</p>", "<br><br>",
	"<a><p>x</p><b>y</b></a> z", "<tr><td>x</td></tr>", "\r\n 总计 \t", "<ul><li>一</li><li>二</li></ul>",
}

func FuzzCellText(f *testing.F) {
	for _, s := range cellSnippets {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 4096 {
			return
		}
		checkCells(t, "fuzz", []byte("<table><tr><td>"+s+"</td><th>"+s+"x</th></tr></table>"))
		got, gotN := shownLen(s)
		if got != hasShown(s) || gotN != compactLen(s) {
			t.Fatalf("shownLen(%q) = %v %d", s, got, gotN)
		}
		// joinCutsTo against joinPiecesTo on cuts at every fourth byte and
		// at the block tags' places in s.
		var cuts []int
		for i := 0; i < len(s); i += 1 + i%4 {
			cuts = append(cuts, i)
			if strings.HasPrefix(s[i:], "<") {
				cuts = append(cuts, i)
			}
		}
		var pieces []string
		from := 0
		for _, to := range cuts {
			pieces = append(pieces, s[from:to])
			from = to
		}
		pieces = append(pieces, s[from:])
		var a, b arena
		if x, y := joinCutsTo(&a, s, cuts), joinPiecesTo(&b, pieces); x != y {
			t.Fatalf("joinCutsTo(%q, %v) = %q, want %q", s, cuts, x, y)
		}
	})
}
