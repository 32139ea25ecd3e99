package html

import (
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	xhtml "golang.org/x/net/html"

	"github.com/reportlint/reportlint/parser"
)

// posAttr is the attribute inject adds to every start tag. It holds the byte
// offset of the tag's '<' in the decoded text.
const posAttr = "data-srcpos"

// tagSpan is one start tag of the source: where it starts and ends.
type tagSpan struct{ start, end int }

// notNesting are elements whose start tag does not deepen the tree when an
// element of the same kind is open (the parser closes the previous one), or
// that are void. The depth pre-check skips them.
var notNesting = map[string]bool{
	"p": true, "li": true, "dt": true, "dd": true, "tr": true, "td": true, "th": true,
	"tbody": true, "thead": true, "tfoot": true, "caption": true, "colgroup": true,
	"option": true, "optgroup": true, "select": true, "a": true, "nobr": true, "button": true,
	"form": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"rb": true, "rt": true, "rp": true, "rtc": true, "html": true, "head": true, "body": true,
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "param": true, "source": true, "track": true,
	"wbr": true, "keygen": true, "basefont": true, "bgsound": true, "frame": true,
}

// inject copies src and adds data-srcpos="OFFSET" right after the name of
// every start tag, so that every element the parser builds from a real tag
// knows where that tag is. It also returns the start and end of every start
// tag (in source order) and a rough nesting depth: start tags minus end tags
// of elements that really nest. Elements the parser invents (an implied
// <tbody>) get no attribute; foster-parented or re-parented elements keep
// theirs, which is why this is right where counting the k-th tag is not.
func inject(src string) (string, []tagSpan, int) {
	var b strings.Builder
	b.Grow(len(src) + len(src)/8)
	z := xhtml.NewTokenizer(strings.NewReader(src))
	var spans []tagSpan
	off, depth, maxDepth := 0, 0, 0
	for {
		tt := z.Next()
		if tt == xhtml.ErrorToken {
			break
		}
		raw := z.Raw()
		switch tt {
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
			i := 1
			for i < len(raw) && !strings.ContainsRune(" \t\n\f\r/>", rune(raw[i])) {
				i++
			}
			b.Write(raw[:i])
			b.WriteString(" " + posAttr + `="`)
			b.WriteString(strconv.Itoa(off))
			b.WriteByte('"')
			b.Write(raw[i:])
			spans = append(spans, tagSpan{off, off + len(raw)})
			if tt == xhtml.StartTagToken {
				name := strings.ToLower(string(raw[1:i]))
				if !notNesting[name] {
					depth++
					maxDepth = max(maxDepth, depth)
				}
			}
		case xhtml.EndTagToken:
			name, _ := z.TagName()
			if !notNesting[string(name)] && depth > 0 {
				depth--
			}
			b.Write(raw)
		default:
			b.Write(raw)
		}
		off += len(raw)
	}
	return b.String(), spans, maxDepth
}

// srcIndex maps byte offsets of the decoded text to lines and columns.
// A line ends at "\n", "\r\n" or a lone "\r", as in the text reader, so that
// line numbers match what editors show. Columns count runes.
type srcIndex struct {
	src   string
	lines []int // byte offset of each line start
	// runesAt[k] is the number of runes in src[:k*runeStep].
	runesAt []int
	spans   []tagSpan
}

const runeStep = 256

func newSrcIndex(src string, spans []tagSpan) *srcIndex {
	ix := &srcIndex{src: src, lines: []int{0}, spans: spans}
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '\n':
			ix.lines = append(ix.lines, i+1)
		case '\r':
			if i+1 < len(src) && src[i+1] == '\n' {
				continue
			}
			ix.lines = append(ix.lines, i+1)
		}
	}
	n := 0
	ix.runesAt = make([]int, 0, len(src)/runeStep+1)
	for i := 0; i < len(src); i++ {
		if i%runeStep == 0 {
			ix.runesAt = append(ix.runesAt, n)
		}
		if utf8.RuneStart(src[i]) {
			n++
		}
	}
	ix.runesAt = append(ix.runesAt, n)
	return ix
}

// runes counts the runes in src[:off].
func (ix *srcIndex) runes(off int) int {
	k := off / runeStep
	if k >= len(ix.runesAt) {
		k = len(ix.runesAt) - 1
	}
	n := ix.runesAt[k]
	for i := k * runeStep; i < off && i < len(ix.src); i++ {
		if utf8.RuneStart(ix.src[i]) {
			n++
		}
	}
	return n
}

// loc turns a byte offset into a 1-based line and rune column.
func (ix *srcIndex) loc(off int) parser.Loc {
	if off < 0 {
		return parser.Loc{}
	}
	off = min(off, len(ix.src))
	l := sort.SearchInts(ix.lines, off+1) // first line start > off
	start := ix.lines[l-1]
	return parser.Loc{Line: l, Column: ix.runes(off) - ix.runes(start) + 1}
}

// tagEnd returns the offset just past the start tag that begins at off.
func (ix *srcIndex) tagEnd(off int) (int, bool) {
	i := sort.Search(len(ix.spans), func(i int) bool { return ix.spans[i].start >= off })
	if i < len(ix.spans) && ix.spans[i].start == off {
		return ix.spans[i].end, true
	}
	return 0, false
}

// srcPos returns the offset recorded on an element, or -1.
func srcPos(n *xhtml.Node) int {
	if n == nil || n.Type != xhtml.ElementNode {
		return -1
	}
	for _, a := range n.Attr {
		if a.Key == posAttr {
			if v, err := strconv.Atoi(a.Val); err == nil {
				return v
			}
			return -1
		}
	}
	return -1
}

// elemPos returns the offset of n or of its nearest ancestor that came from
// a real tag.
func elemPos(n *xhtml.Node) int {
	for ; n != nil; n = n.Parent {
		if p := srcPos(n); p >= 0 {
			return p
		}
	}
	return -1
}

// textPos finds where a text node's first non-space character is in the
// source. Text carries no attribute, so this works from its parent: when the
// text is the parent's first child, it starts right after the parent's start
// tag; the guess is checked against the source. Otherwise the enclosing
// element's tag is used.
func (ix *srcIndex) textPos(t *xhtml.Node) int {
	p := t.Parent
	if t.PrevSibling == nil && p != nil {
		if start := srcPos(p); start >= 0 {
			if end, ok := ix.tagEnd(start); ok {
				if pos, ok := ix.matchText(end, t.Data); ok {
					return pos
				}
			}
		}
	}
	return elemPos(p)
}

// matchText skips white space (and &nbsp;) in the source from off and
// checks that the first non-space character of text is found there.
func (ix *srcIndex) matchText(off int, text string) (int, bool) {
	want := strings.TrimLeftFunc(text, isSpace)
	if want == "" {
		return 0, false
	}
	r, _ := utf8.DecodeRuneInString(want)
	src := ix.src
	for off < len(src) {
		c, size := utf8.DecodeRuneInString(src[off:])
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u00a0' || c == '\u3000':
			off += size
			continue
		case strings.HasPrefix(src[off:], "&nbsp;"):
			off += len("&nbsp;")
			continue
		case c == r:
			return off, true
		case c == '&':
			return off, true // an entity: trust it
		}
		return 0, false
	}
	return 0, false
}
