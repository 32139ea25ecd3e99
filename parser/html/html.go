// Package html reads HTML reports: pages saved from a government website
// (the report inside the site's navigation and footer) and Word "save as web
// page" files.
//
// Every element knows where its start tag is: the parser (a copy of
// golang.org/x/net/html in internal/xhtml) records the tag's offset on the
// element it builds from it, so positions survive the parser's repairs of
// sloppy markup without rewriting the page. The report body is the element that holds the most section
// headings; within it, paragraphs and tables are emitted in document order.
// Layout tables that wrap content are flattened; label interpretation is
// left to package parser.
package html

import (
	"errors"
	"fmt"
	"strings"
	"time"

	xhtml "github.com/reportlint/reportlint/parser/html/internal/xhtml"

	"github.com/reportlint/reportlint/parser"
)

// Parse reads an HTML report. The encoding comes from a BOM or the page's
// meta declaration; pages without one are read as UTF-8 or, failing that,
// GB18030.
func Parse(path string, data []byte, opts parser.Options) (*parser.Document, error) {
	src, _ := decode(data)
	maxDepth := opts.MaxDepth
	if maxDepth <= 0 {
		maxDepth = parser.DefaultOptions().MaxDepth
	}
	maxTags := 20 * opts.MaxBlocks
	// The parser's scope checks are linear in the depth of open elements,
	// and the parse tree takes a few hundred bytes per element: refuse
	// absurd nesting and pages of millions of elements as soon as the
	// tokenizer has read that far.
	var count tagCounter
	check := func(z *xhtml.Tokenizer, tt xhtml.TokenType) error {
		count.add(tt, z.Raw())
		if count.maxDepth > 4*maxDepth {
			return errTooDeep
		}
		if maxTags > 0 && count.tags > maxTags {
			return errTooMany
		}
		if tt == xhtml.TextToken && len(z.Raw()) > 2*parser.MaxTextBytes {
			return errTextTooBig
		}
		return nil
	}
	if n := cloneEstimate(src, maxClones); n >= maxClones {
		return nil, cloneError(n)
	}
	root, err := xhtml.ParseBytes([]byte(src), 0, check)
	switch {
	case errors.Is(err, errTooDeep):
		return nil, depthError(maxDepth)
	case errors.Is(err, errTextTooBig):
		return nil, parser.Unreadable(fmt.Sprintf("网页中有一段文字超过 %d 字节，中间没有任何标签或分段，不像正常的年度报告；请确认文件是否正确", 2*parser.MaxTextBytes), nil)
	case errors.Is(err, errTooMany):
		// Deep nesting later in the page is the first thing to report.
		c := countTags(src)
		if c.maxDepth > 4*maxDepth {
			return nil, depthError(maxDepth)
		}
		return nil, parser.Unreadable(fmt.Sprintf("文件内容过多（%d 个 HTML 元素，上限 %d），不像单份年度报告；请确认文件是否正确", c.tags, maxTags), nil)
	case err != nil && strings.Contains(err.Error(), "open stack of elements exceeds"):
		// The parser's own limit on open elements (512) came first.
		return nil, depthError(maxDepth)
	case err != nil:
		return nil, parser.Unreadable("无法解析该 HTML 文件，请用浏览器打开后另存为网页（仅 HTML）再检查", err)
	}
	if treeDepth(root) > maxDepth {
		return nil, depthError(maxDepth)
	}
	ix := newSrcIndex(src)
	doc := &parser.Document{Path: path, Format: parser.FormatHTML}
	doc.Meta.Title = normText(headTitle(root))

	tm := buildTextMap(root, count.tags, len(src)/2)
	body := tm.body(root)
	w := &walker{ix: ix, doc: doc, opts: opts, bufPos: -1}
	if blk := tm.titleBefore(body); blk != nil {
		w.flush()
		w.node(blk)
		w.flush()
	}
	if skipped(body) {
		body = root
	}
	w.walk(body)
	w.flush()

	if t, n := tm.published(); !t.IsZero() {
		doc.Meta.Published = t
		if n != nil {
			doc.Meta.PublishedLoc = ix.loc(ix.textPos(n))
		}
	} else if t, pos := metaDate(root); !t.IsZero() {
		doc.Meta.Published = t
		doc.Meta.PublishedLoc = ix.loc(pos)
	}
	return doc, nil
}

var (
	errTooDeep = errors.New("html: nesting too deep")
	errTooMany = errors.New("html: too many elements")
	// errTextTooBig: one text node beyond twice parser.MaxTextBytes.
	errTextTooBig = errors.New("html: text node too large")
)

func depthError(max int) error {
	return parser.Unreadable(fmt.Sprintf("HTML 元素嵌套超过 %d 层，不像正常的网页；请用浏览器打开后另存为网页再检查", max), nil)
}

// treeDepth is the deepest element nesting of the tree, measured without
// recursion.
func treeDepth(root *xhtml.Node) int {
	type item struct {
		n *xhtml.Node
		d int
	}
	stack := []item{{root, 0}}
	deepest := 0
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		deepest = max(deepest, it.d)
		for c := it.n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == xhtml.ElementNode {
				stack = append(stack, item{c, it.d + 1})
			}
		}
	}
	return deepest
}

// metaNames are <meta name> values that CMSs use for the publication time.
var metaNames = []string{"pubdate", "publishdate", "firstpublishedtime", "publishtime", "dc.date.issued", "article:published_time"}

// metaDate reads a publication date from a CMS <meta> tag: the first meta
// element in document order whose name (or property) is one of metaNames
// and whose content starts with a valid date.
func metaDate(root *xhtml.Node) (time.Time, int) {
	var out time.Time
	pos := -1
	eachElement(root, func(n *xhtml.Node) bool {
		if n.Data != "meta" {
			return true
		}
		name, ok := attr(n, "name")
		if !ok {
			name, _ = attr(n, "property")
		}
		name = strings.ToLower(name)
		for _, mn := range metaNames {
			if name != mn {
				continue
			}
			content, _ := attr(n, "content")
			c := compactText(content)
			if m := metaDateRe.FindStringSubmatch(c); m != nil {
				y, mo, d := atoi(m[1]), atoi(m[2]), atoi(m[3])
				t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
				if y >= 1990 && y <= 2100 && mo >= 1 && mo <= 12 && t.Day() == d {
					out, pos = t, srcPos(n)
					return false
				}
			}
		}
		return true
	})
	return out, pos
}

// headTitle is the text of the first <title> inside a <head>.
func headTitle(root *xhtml.Node) string {
	var title *xhtml.Node
	eachElement(root, func(n *xhtml.Node) bool {
		if n.Data != "head" {
			return true
		}
		eachElement(n, func(t *xhtml.Node) bool {
			if t != n && t.Data == "title" {
				title = t
				return false
			}
			return true
		})
		return title == nil
	})
	if title == nil {
		return ""
	}
	var b strings.Builder
	var text func(n *xhtml.Node)
	text = func(n *xhtml.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case xhtml.TextNode:
				b.WriteString(c.Data)
			case xhtml.ElementNode:
				text(c)
			}
		}
	}
	text(title)
	return b.String()
}

// eachElement calls f for n (when an element) and every element below it in
// document order until f returns false. It returns false when stopped.
func eachElement(n *xhtml.Node, f func(*xhtml.Node) bool) bool {
	if n.Type == xhtml.ElementNode && !f(n) {
		return false
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if !eachElement(c, f) {
			return false
		}
	}
	return true
}

// attr returns the value of n's first attribute named key.
func attr(n *xhtml.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}
