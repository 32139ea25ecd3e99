package html

import (
	"math/bits"
	"sort"
	"strings"
	"unicode/utf8"

	xhtml "github.com/reportlint/reportlint/parser/html/internal/xhtml"

	"github.com/reportlint/reportlint/parser"
)

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

// maxNotNesting is the length of the longest name in notNesting.
var maxNotNesting = func() int {
	n := 0
	for k := range notNesting {
		n = max(n, len(k))
	}
	return n
}()

// tagCounter counts the start tags of a page and its rough nesting depth
// (start tags minus end tags of elements that really nest) as the tokenizer
// reads them, so that absurd pages are refused before the parser has built
// much of them.
type tagCounter struct {
	tags, depth, maxDepth int
	// cells counts the <td> and <th> start tags: each becomes a cell of a
	// table grid, which costs far more than its markup.
	cells int
}

// add counts one token from its raw text.
func (c *tagCounter) add(tt xhtml.TokenType, raw []byte) {
	switch tt {
	case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
		c.tags++
		// <td/> is a cell too: the parser ignores the slash
		if len(raw) > 3 && raw[1]|0x20 == 't' && (raw[2]|0x20 == 'd' || raw[2]|0x20 == 'h') && endsTagName(raw[3]) {
			c.cells++
		}
		if tt == xhtml.StartTagToken {
			i := 1
			for i < len(raw) && !endsTagName(raw[i]) {
				i++
			}
			if nests(raw[1:i]) {
				c.depth++
				c.maxDepth = max(c.maxDepth, c.depth)
			}
		}
	case xhtml.EndTagToken:
		// The tokenizer's tag name: from after "</" to white space, '/' or '>'.
		i := 2
		for i < len(raw) && !endsTagName(raw[i]) {
			i++
		}
		if c.depth > 0 && !inNotNesting(raw[2:min(i, len(raw))]) {
			c.depth--
		}
	}
}

// endsTagName: the tokenizer's tag name ends at white space, '/' or '>'.
func endsTagName(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\f', '\r', '/', '>':
		return true
	}
	return false
}

// nests reports whether a start tag's name (lower-cased as strings.ToLower
// does) is not in notNesting.
func nests(name []byte) bool {
	for _, c := range name {
		if c >= utf8.RuneSelf {
			return !notNesting[strings.ToLower(string(name))]
		}
	}
	return !inNotNesting(name)
}

// inNotNesting looks up an ASCII-lower-cased name in notNesting without
// allocating; names longer than any in it cannot match.
func inNotNesting(name []byte) bool {
	var buf [16]byte
	if len(name) > len(buf) || len(name) > maxNotNesting {
		return false
	}
	for i, c := range name {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return isNotNesting(string(buf[:len(name)]))
}

// isNotNesting is notNesting[name] as a switch (a map lookup for every tag
// of a page costs more).
func isNotNesting(name string) bool {
	switch name {
	case "p", "li", "dt", "dd", "tr", "td", "th",
		"tbody", "thead", "tfoot", "caption", "colgroup",
		"option", "optgroup", "select", "a", "nobr", "button",
		"form", "h1", "h2", "h3", "h4", "h5", "h6",
		"rb", "rt", "rp", "rtc", "html", "head", "body",
		"area", "base", "br", "col", "embed", "hr", "img",
		"input", "link", "meta", "param", "source", "track",
		"wbr", "keygen", "basefont", "bgsound", "frame":
		return true
	}
	return false
}

// srcIndex maps byte offsets of the decoded text to lines and columns.
// A line ends at "\n", "\r\n" or a lone "\r", as in the text reader, so that
// line numbers match what editors show. Columns count runes.
type srcIndex struct {
	src   string
	lines []int // byte offset of each line start
	// runesAt[k] is the number of runes in src[:k*runeStep]; made on the
	// first column far from its line start (most lines are short).
	runesAt []int
	// last is the offset loc was last asked for near its line start: the
	// walker asks in document order, mostly on the same line.
	last lastLoc
}

// lastLoc is an offset, its line and its column.
type lastLoc struct{ line, off, col int }

const runeStep = 256

func newSrcIndex(src string) *srcIndex {
	ix := &srcIndex{src: src, lines: make([]int, 1, strings.Count(src, "\n")+1)}
	if strings.IndexByte(src, '\r') < 0 {
		for i := 0; ; {
			j := strings.IndexByte(src[i:], '\n')
			if j < 0 {
				break
			}
			i += j + 1
			ix.lines = append(ix.lines, i)
		}
		return ix
	}
	// A lone CR ends a line too; CRLF is one line end (at its LF). Line
	// by line: the LFs found with IndexByte, then the CRs of each line
	// (Word's CRLF pages have one, just before the LF).
	for i := 0; i < len(src); {
		end := len(src)
		if j := strings.IndexByte(src[i:], '\n'); j >= 0 {
			end = i + j
		}
		for k := i; k < end; {
			r := strings.IndexByte(src[k:end], '\r')
			if r < 0 {
				break
			}
			k += r + 1
			if k == len(src) || src[k] != '\n' {
				ix.lines = append(ix.lines, k)
			}
		}
		if end == len(src) {
			break
		}
		ix.lines = append(ix.lines, end+1)
		i = end + 1
	}
	return ix
}

// runes counts the runes in src[:off].
func (ix *srcIndex) runes(off int) int {
	if ix.runesAt == nil {
		ix.countRunes()
	}
	k := min(off/runeStep, len(ix.runesAt)-1)
	return ix.runesAt[k] + runeStarts(ix.src[min(k*runeStep, len(ix.src)):min(off, len(ix.src))])
}

// countRunes fills runesAt.
func (ix *srcIndex) countRunes() {
	src := ix.src
	ix.runesAt = make([]int, 0, len(src)/runeStep+2)
	n := 0
	for i := 0; i < len(src); i += runeStep {
		ix.runesAt = append(ix.runesAt, n)
		n += runeStarts(src[i:min(i+runeStep, len(src))])
	}
	ix.runesAt = append(ix.runesAt, n)
}

// runeStarts counts the bytes of s that start a rune (blocks of the text
// may begin or end inside a rune): those that are not 10xxxxxx, eight at a
// time.
func runeStarts(s string) int {
	n := len(s)
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		// bit 7 of each byte: set when the byte is 10xxxxxx
		n -= bits.OnesCount64(x &^ (x << 1) & 0x8080808080808080)
	}
	for ; i < len(s); i++ {
		if s[i]&0xC0 == 0x80 {
			n--
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
	l := ix.lineOf(off)
	start := ix.lines[l-1]
	if off-start < 4*runeStep {
		col := ix.nearColumn(l, start, off)
		ix.last = lastLoc{line: l, off: off, col: col}
		return parser.Loc{Line: l, Column: col}
	}
	return parser.Loc{Line: l, Column: ix.runes(off) - ix.runes(start) + 1}
}

// lineOf is the 1-based line of an offset in [0, len(src)]: the number of
// line starts at or before it (sort.SearchInts(ix.lines, off+1)). At or
// after the last offset asked for, it counts on a few lines from that one's
// (the walker asks in source order, mostly on the same or the next line).
func (ix *srcIndex) lineOf(off int) int {
	p := ix.last
	if p.line == 0 || off < p.off {
		return sort.SearchInts(ix.lines, off+1)
	}
	// ix.lines[l-1] <= p.off <= off throughout.
	l := p.line
	for range 8 {
		if l == len(ix.lines) || off < ix.lines[l] {
			return l
		}
		l++
	}
	return l + sort.SearchInts(ix.lines[l:], off+1)
}

// nearColumn is utf8.RuneCountInString(ix.src[start:off]) + 1 for an
// offset on line l: counted on from the last offset asked for when that is
// on the same line, before off, and not inside a UTF-8 sequence (so that
// no rune of the count spans it and the counts add up).
func (ix *srcIndex) nearColumn(l, start, off int) int {
	if p := ix.last; p.line == l && p.off >= start && p.off <= off &&
		(p.off == len(ix.src) || !isContinuation(ix.src[p.off])) {
		return p.col + utf8.RuneCountInString(ix.src[p.off:off])
	}
	return utf8.RuneCountInString(ix.src[start:off]) + 1
}

func isContinuation(c byte) bool { return c&0xC0 == 0x80 }

// srcPos returns the offset of the start tag an element was built from,
// or -1.
func srcPos(n *xhtml.Node) int {
	if n == nil || n.Type != xhtml.ElementNode {
		return -1
	}
	return n.Pos
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
		if srcPos(p) >= 0 {
			if pos, ok := ix.matchText(p.End, t.Data); ok {
				return pos
			}
		}
	}
	return elemPos(p)
}

// matchText skips white space (and &nbsp;) in the source from off and
// checks that the first non-space character of text is found there.
func (ix *srcIndex) matchText(off int, text string) (int, bool) {
	// Most text starts with what the source has right there: printable
	// ASCII other than '&' (which could begin an &nbsp; to skip), or a
	// CJK ideograph (U+4000 to U+9FFF, lead bytes E4 to E9), neither of
	// which is white space.
	if off >= 0 && off < len(ix.src) && len(text) > 0 {
		switch c := text[0]; {
		case c > ' ' && c < utf8.RuneSelf && c != '&':
			if ix.src[off] == c {
				return off, true
			}
		case c >= 0xE4 && c <= 0xE9 && len(text) >= 3 && text[1]&0xC0 == 0x80 && text[2]&0xC0 == 0x80:
			if strings.HasPrefix(ix.src[off:], text[:3]) {
				return off, true
			}
		}
	}
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
