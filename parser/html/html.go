// Package html reads HTML reports: pages saved from a government website
// (the report inside the site's navigation and footer) and Word "save as web
// page" files.
//
// Every element gets its source position by attribute injection: before
// parsing, each start tag is rewritten with the tokenizer to carry
// data-srcpos="OFFSET", so positions survive the parser's repairs of sloppy
// markup. The report body is the element that holds the most section
// headings; within it, paragraphs and tables are emitted in document order.
// Layout tables that wrap content are flattened; label interpretation is
// left to package parser.
package html

import (
	"fmt"
	"strings"
	"time"

	xhtml "golang.org/x/net/html"

	"github.com/PuerkitoBio/goquery"

	"github.com/reportlint/reportlint/parser"
)

// Parse reads an HTML report. The encoding comes from a BOM or the page's
// meta declaration; pages without one are read as UTF-8 or, failing that,
// GB18030.
func Parse(path string, data []byte, opts parser.Options) (*parser.Document, error) {
	src, _ := decode(data)
	injected, spans, naiveDepth := inject(src)
	maxDepth := opts.MaxDepth
	if maxDepth <= 0 {
		maxDepth = parser.DefaultOptions().MaxDepth
	}
	// The parser's scope checks are linear in the depth of open elements;
	// refuse absurd nesting before parsing it.
	if naiveDepth > 4*maxDepth {
		return nil, depthError(maxDepth)
	}
	// The parse tree takes a few hundred bytes per element: refuse a page
	// of millions of elements before building it.
	if opts.MaxBlocks > 0 && len(spans) > 20*opts.MaxBlocks {
		return nil, parser.Unreadable(fmt.Sprintf("文件内容过多（%d 个 HTML 元素，上限 %d），不像单份年度报告；请确认文件是否正确", len(spans), 20*opts.MaxBlocks), nil)
	}
	if n := cloneEstimate(src, maxClones); n >= maxClones {
		return nil, cloneError(n)
	}
	root, err := xhtml.Parse(strings.NewReader(injected))
	if err != nil {
		return nil, parser.Unreadable("无法解析该 HTML 文件，请用浏览器打开后另存为网页（仅 HTML）再检查", err)
	}
	if treeDepth(root) > maxDepth {
		return nil, depthError(maxDepth)
	}
	ix := newSrcIndex(src, spans)
	doc := &parser.Document{Path: path, Format: parser.FormatHTML}
	gq := goquery.NewDocumentFromNode(root)
	doc.Meta.Title = normText(gq.Find("head title").First().Text())

	tm := buildTextMap(root)
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
	} else if t, pos := metaDate(gq); !t.IsZero() {
		doc.Meta.Published = t
		doc.Meta.PublishedLoc = ix.loc(pos)
	}
	return doc, nil
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

// metaDate reads a publication date from a CMS <meta> tag.
func metaDate(gq *goquery.Document) (time.Time, int) {
	var out time.Time
	pos := -1
	gq.Find("meta").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		name := strings.ToLower(s.AttrOr("name", s.AttrOr("property", "")))
		for _, mn := range metaNames {
			if name != mn {
				continue
			}
			c := compactText(s.AttrOr("content", ""))
			if m := metaDateRe.FindStringSubmatch(c); m != nil {
				y, mo, d := atoi(m[1]), atoi(m[2]), atoi(m[3])
				t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
				if y >= 1990 && y <= 2100 && mo >= 1 && mo <= 12 && t.Day() == d {
					out, pos = t, srcPos(s.Nodes[0])
					return false
				}
			}
		}
		return true
	})
	return out, pos
}
