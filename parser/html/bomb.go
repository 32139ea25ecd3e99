package html

import (
	"fmt"
	"strings"

	xhtml "github.com/reportlint/reportlint/parser/html/internal/xhtml"

	"github.com/reportlint/reportlint/parser"
)

// The HTML5 parser reopens ("reconstructs") every formatting element
// (<b>, <font>, <a>, …) that a block end tag closed while it was still
// active, for each later piece of text: a 200 KB page of 250 unclosed <b>
// and 50,000 paragraphs builds 12 million clones and gigabytes of tree. A
// quick pass with the tokenizer estimates the clones before parsing.

// maxClones bounds the elements the parser may clone for one page.
const maxClones = 200_000

// minUnclosed: pages with fewer unbalanced formatting tags than this
// cannot clone enough to matter and skip the estimate.
const minUnclosed = 8

var formatting = map[string]bool{
	"a": true, "b": true, "big": true, "code": true, "em": true, "font": true, "i": true, "nobr": true,
	"s": true, "small": true, "strike": true, "strong": true, "tt": true, "u": true,
}

// fmtEnd[c] is set for the bytes that end a tag name for
// unbalancedFormatting: '>', '/', ' ', '\t', '\n', '\r'.
var fmtEnd = [256]bool{'>': true, '/': true, ' ': true, '\t': true, '\n': true, '\r': true}

// unbalancedFormatting counts formatting start tags minus their end tags,
// by bytes (no tokenizer): a '<', maybe a '/', a formatting element's
// name in either case, and a byte of fmtEnd. It is what
// unbalancedFormattingRef (bomb_fast_test.go) counts byte by byte.
func unbalancedFormatting(src string) int {
	n := 0
	for i := 0; i+2 < len(src); i++ {
		d := strings.IndexByte(src[i:], '<')
		if d < 0 {
			break
		}
		if i += d; i+2 >= len(src) {
			break
		}
		j, step := i+1, 1
		if src[j] == '/' {
			j, step = j+1, -1
		}
		if fmtStart[src[j]] && fmtNameAt(src, j) {
			n += step
		}
	}
	return n
}

// fmtStart[c] is set for the letters (either case) a formatting element's
// name starts with: the other bytes after '<' are passed without a call.
var fmtStart = func() (t [256]bool) {
	for _, c := range "abcefinstu" {
		t[c], t[c-('a'-'A')] = true, true
	}
	return t
}()

// fmtNameAt reports whether the name of a formatting element (formatting),
// in either case, starts at s[j] and a byte of fmtEnd follows it in s. A
// letter is a byte whose |0x20 is a lower-case letter, so comparing with
// |0x20 matches the letter in either case and nothing else.
func fmtNameAt(s string, j int) bool {
	switch s[j] | 0x20 {
	case 'a', 'i', 'u':
		return fmtRest(s, j+1, "")
	case 'b':
		return fmtRest(s, j+1, "") || fmtRest(s, j+1, "ig")
	case 'c':
		return fmtRest(s, j+1, "ode")
	case 'e':
		return fmtRest(s, j+1, "m")
	case 'f':
		return fmtRest(s, j+1, "ont")
	case 'n':
		return fmtRest(s, j+1, "obr")
	case 's':
		return fmtRest(s, j+1, "") || fmtRest(s, j+1, "mall") || fmtRest(s, j+1, "trike") || fmtRest(s, j+1, "trong")
	case 't':
		return fmtRest(s, j+1, "t")
	}
	return false
}

// fmtRest reports whether s[k:] is the lower-case letters w in either
// case, then a byte of fmtEnd.
func fmtRest(s string, k int, w string) bool {
	if k+len(w) >= len(s) {
		return false
	}
	for m := 0; m < len(w); m++ {
		if s[k+m]|0x20 != w[m] {
			return false
		}
	}
	return fmtEnd[s[k+len(w)]]
}

// cloneEstimate simulates the stack of open elements and the list of
// active formatting elements closely enough to count reconstructions. It
// stops counting at limit.
func cloneEstimate(src string, limit int) int {
	if unbalancedFormatting(src) < minUnclosed {
		return 0
	}
	z := xhtml.NewTokenizer(strings.NewReader(src))
	var stack []string
	type active struct {
		tag   string
		depth int // index in stack, or -1 when closed by another end tag
	}
	var afe []active
	clones := 0
	reconstruct := func() {
		for i := range afe {
			if afe[i].depth == -1 {
				afe[i].depth = len(stack)
				stack = append(stack, afe[i].tag)
				clones++
			}
		}
	}
	// table cells (and a few others) put a marker in the list: what a
	// cell opened is forgotten when it closes
	clearToMarker := func() {
		for i := len(afe) - 1; i >= 0; i-- {
			if afe[i].tag == "" {
				afe = afe[:i]
				return
			}
		}
	}
	popTo := func(n int) {
		stack = stack[:n]
		for i := range afe {
			if afe[i].tag != "" && afe[i].depth >= n {
				afe[i].depth = -1
			}
		}
	}
	for clones < limit {
		tt := z.Next()
		switch tt {
		case xhtml.ErrorToken:
			return clones
		case xhtml.TextToken:
			if len(strings.TrimSpace(string(z.Raw()))) > 0 {
				reconstruct()
			}
		case xhtml.StartTagToken:
			name, _ := z.TagName()
			tag := string(name)
			// implied end tags: a block closes an open <p>, a <p>, <li>,
			// <td>… closes the one before it
			closes := tag
			if closesP[tag] {
				closes = "p"
			}
			if closesP[tag] || tag == "li" || tag == "td" || tag == "th" || tag == "tr" || tag == "dd" || tag == "dt" {
				for i := len(stack) - 1; i >= 0; i-- {
					if stack[i] == closes {
						popTo(i)
						break
					}
					if scopeBoundary[stack[i]] {
						break
					}
				}
			}
			if !closesP[tag] && tag != "li" && tag != "tr" && tag != "td" && tag != "th" && tag != "dd" && tag != "dt" {
				reconstruct() // block elements do not reopen formatting; phrasing does
			}
			if voidElements[tag] {
				continue
			}
			if cellLike[tag] || tag == "tr" || tag == "table" {
				clearToMarker()
			}
			if cellLike[tag] {
				afe = append(afe, active{"", -2})
			}
			if formatting[tag] {
				afe = append(afe, active{tag, len(stack)})
			}
			stack = append(stack, tag)
			if len(stack) > 4096 {
				return clones // the depth limit refuses such a page
			}
		case xhtml.EndTagToken:
			name, _ := z.TagName()
			tag := string(name)
			if cellLike[tag] || tag == "tr" || tag == "table" {
				clearToMarker()
			}
			if formatting[tag] {
				for i := len(afe) - 1; i >= 0; i-- {
					if afe[i].tag == tag {
						if d := afe[i].depth; d >= 0 {
							popTo(d)
						}
						afe = append(afe[:i], afe[i+1:]...)
						break
					}
				}
				continue
			}
			for i := len(stack) - 1; i >= 0; i-- {
				if stack[i] == tag {
					popTo(i)
					break
				}
			}
		}
	}
	return clones
}

// scopeBoundary ends the search for an element to close implicitly.
var scopeBoundary = map[string]bool{
	"html": true, "table": true, "td": true, "th": true, "caption": true, "button": true, "object": true,
	"marquee": true, "applet": true, "template": true, "ul": true, "ol": true,
}

// cellLike elements put a marker into the list of active formatting
// elements.
var cellLike = map[string]bool{"td": true, "th": true, "caption": true, "object": true, "marquee": true, "applet": true, "template": true}

var closesP = map[string]bool{
	"p": true, "div": true, "ul": true, "ol": true, "dl": true, "table": true, "h1": true, "h2": true, "h3": true,
	"h4": true, "h5": true, "h6": true, "pre": true, "blockquote": true, "section": true, "article": true, "hr": true,
}

var voidElements = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true, "input": true,
	"link": true, "meta": true, "param": true, "source": true, "track": true, "wbr": true,
}

func cloneError(n int) error {
	return parser.Unreadable(fmt.Sprintf("HTML 中未闭合的格式标签（如 <b>、<font>）过多，解析时会复制出 %d 个以上的元素（上限 %d），不像正常的网页；请用浏览器打开后另存为网页再检查", n, maxClones), nil)
}
