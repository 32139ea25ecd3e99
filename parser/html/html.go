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
	"context"
	"fmt"
	"strings"
	"time"

	xhtml "github.com/reportlint/reportlint/parser/html/internal/xhtml"

	"github.com/reportlint/reportlint/parser"
)

// ParseContext reads an HTML report. The encoding comes from a BOM or the page's
// meta declaration; pages without one are read as UTF-8 or, failing that,
// GB18030.
//
// The context carries the file's deadline; the reader gives up with a P001
// once it is done.
func ParseContext(ctx context.Context, path string, data []byte, opts parser.Options) (*parser.Document, error) {
	if err := ctx.Err(); err != nil {
		return nil, parser.Unreadable("读取超时", err)
	}
	return Parse(path, data, opts)
}

// Parse reads an HTML report. The encoding comes from a BOM or the page's
// meta declaration; pages without one are read as UTF-8 or, failing that,
// GB18030.
func Parse(path string, data []byte, opts parser.Options) (*parser.Document, error) {
	return parseDoc(path, data, opts, true)
}

// parseDoc is Parse, with the lean path (lean.go) allowed or not.
func parseDoc(path string, data []byte, opts parser.Options, lean bool) (*parser.Document, error) {
	src, _ := decode(data)
	maxDepth := opts.MaxDepth
	if maxDepth <= 0 {
		maxDepth = parser.DefaultOptions().MaxDepth
	}
	// The parser's scope checks are linear in the depth of open elements,
	// and the parse tree takes a few hundred bytes per element: refuse
	// absurd nesting and pages of millions of elements before parsing,
	// and pages whose unclosed formatting tags would make the parser
	// clone millions of elements.
	if n := cloneEstimate(src, maxClones); n >= maxClones {
		return nil, cloneError(n)
	}
	maxTags, maxCells := pageLimits(opts)
	sc := scanPage(src, lean, maxDepth, maxTags, maxCells, 2*parser.MaxTextBytes)
	switch sc.stop {
	case stopCells:
		return nil, parser.Unreadable(fmt.Sprintf("网页中的表格单元格过多（超过单元格上限：每个网页最多 %d 个 <td>/<th> 单元格），不像单份年度报告；请确认文件是否正确", maxCells), nil)
	case stopDepth:
		return nil, depthError(maxDepth)
	case stopTooMany:
		return nil, parser.Unreadable(fmt.Sprintf("文件内容过多（%d 个 HTML 元素，上限 %d），不像单份年度报告；请确认文件是否正确", sc.count.tags, maxTags), nil)
	case stopText:
		return nil, parser.Unreadable(fmt.Sprintf("网页中有一段文字超过 %d 字节，中间没有任何标签或分段，不像正常的年度报告；请确认文件是否正确", 2*parser.MaxTextBytes), nil)
	}
	ix := newSrcIndex(src)
	if sc.plan != nil {
		buf, pieces := sc.plan.source(src)
		root, err := xhtml.ParsePieces(buf, pieces, nil)
		if err == nil && treeDepth(root) <= maxDepth {
			if doc := read(path, root, ix, opts, sc.count.tags, len(buf), sc.plan.bodyText); doc != nil {
				return doc, nil
			}
		}
	}
	root, err := xhtml.ParseBytes([]byte(src), 0, nil)
	switch {
	case err != nil && strings.Contains(err.Error(), "open stack of elements exceeds"):
		// The parser's own limit on open elements (512) came first.
		return nil, depthError(maxDepth)
	case err != nil:
		return nil, parser.Unreadable("无法解析该 HTML 文件，请用浏览器打开后另存为网页（仅 HTML）再检查", err)
	}
	if treeDepth(root) > maxDepth {
		return nil, depthError(maxDepth)
	}
	return read(path, root, ix, opts, sc.count.tags, len(src), 0), nil
}

// pageLimits are the most elements and table cells (<td>, <th>) a page may
// have: the parse tree costs a few hundred bytes per element, a paragraph
// or a table cell up to 2 KB by the end of the check (peak RSS of the
// whole check, /usr/bin/time: 200,000 <span> 128 MB, 99,000 <p> 196 MB,
// 49,000 <p> 131 MB, 200,000 <td> 209 MB, 50,000 <td> 73 MB), so a page
// just under both limits (50,000 elements, 25,000 cells by default) stays
// near 130 MB. A real report's page, site chrome included, has a few
// thousand elements and a few hundred cells.
func pageLimits(opts parser.Options) (maxTags, maxCells int) {
	def := parser.DefaultOptions()
	blocks, cells := opts.MaxBlocks, opts.MaxCells
	if blocks <= 0 {
		blocks = def.MaxBlocks
	}
	if cells <= 0 {
		cells = def.MaxCells
	}
	return blocks / 2, cells / 8
}

// read turns the parse tree into the Document. For a lean tree (only some
// of the body's top-level elements parsed; bodyText is then the length of
// the whole body's compact text) it returns nil when the result could
// depend on what was left out.
func read(path string, root *xhtml.Node, ix *srcIndex, opts parser.Options, nTags, nText, bodyText int) *parser.Document {
	lean := bodyText > 0
	doc := &parser.Document{Path: path, Format: parser.FormatHTML}
	doc.Meta.Title = normText(headTitle(root))

	tm := buildTextMap(root, nTags, nText/2)
	tm.outerLen = bodyText
	body, outer := tm.body(root)
	if lean && (outer || skipped(body)) {
		return nil
	}
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
	return doc
}

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
