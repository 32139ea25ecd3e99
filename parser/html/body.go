package html

import (
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	xhtml "github.com/reportlint/reportlint/parser/html/internal/xhtml"

	"github.com/reportlint/reportlint/parser/zhtext"
)

// textMap is the page's visible text with all white space removed, and for
// every element the range of that text it holds. It is used to find the
// report body and the title and date around it.
type textMap struct {
	text  string
	elems []*xhtml.Node // in document order
	// rngs[i] is the range of elems[i]'s text.
	rngs  [][2]int
	texts []textAt // text nodes in document order
	// outerLen, when set, is the length of the text of <body> and <html>
	// in the whole page, for a map of a lean tree (lean.go).
	outerLen int
	// pm is where the marked strings are in text (marks).
	pm *pageMarks
}

type textAt struct {
	n     *xhtml.Node
	start int
}

// buildTextMap maps the tree under root; sizeHint is the number of
// elements expected and textHint the bytes of text, to size the tables.
func buildTextMap(root *xhtml.Node, sizeHint, textHint int) *textMap {
	m := &textMap{rngs: make([][2]int, 0, sizeHint), elems: make([]*xhtml.Node, 0, sizeHint), texts: make([]textAt, 0, sizeHint/2)}
	var b strings.Builder
	b.Grow(textHint)
	var walk func(n *xhtml.Node)
	walk = func(n *xhtml.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case xhtml.TextNode:
				if start := b.Len(); writeCompact(&b, c.Data) {
					m.texts = append(m.texts, textAt{c, start})
				}
			case xhtml.ElementNode:
				if skipped(c) {
					continue
				}
				k := len(m.elems)
				m.elems = append(m.elems, c)
				m.rngs = append(m.rngs, [2]int{b.Len(), 0})
				walk(c)
				m.rngs[k][1] = b.Len()
			}
		}
	}
	walk(root)
	m.text = b.String()
	return m
}

// markers are strings only the body of an annual report holds: the section
// headings and the fixed labels of table 三.
var markers = []string{
	"总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况",
	"行政复议", "行政诉讼", "存在的主要问题", "其他需要报告的事项",
	"本年新收政府信息公开申请数量", "申请人情况", "信息处理费",
}

// cmsContainers are class and id names that content management systems give
// the article body.
var cmsContainers = []string{
	"TRS_Editor", "TRS_UEDITOR", "zoom", "Zoom", "article", "content", "article-content",
	"article_content", "news_content", "pages_content", "Custom_UnionStyle", "wp_articlecontent",
	"UCAP-CONTENT", "conTxt", "con_txt", "view", "detail", "xxgk_content", "mainText",
	"WordSection1", "Section1",
}

func isCMS(n *xhtml.Node) bool {
	for _, a := range n.Attr {
		if a.Key != "class" && a.Key != "id" {
			continue
		}
		for _, tok := range strings.Fields(a.Val) {
			for _, c := range cmsContainers {
				if strings.EqualFold(tok, c) {
					return true
				}
			}
		}
	}
	return false
}

// body picks the element that holds the report: the smallest element that
// contains the most report markers, widened to an enclosing CMS content
// container when that adds little. Falls back to <body> (or the root).
// outer reports whether the choice fell on <body>, <html> or a fallback
// that looks at the whole page (the lean path then parses the page in
// full).
func (m *textMap) body(root *xhtml.Node) (_ *xhtml.Node, outer bool) {
	occ := m.marks().occ
	// Only the markers found on the page can score.
	found := make([]int, 0, len(markers))
	for i := range markers {
		if len(occ[i]) > 0 {
			found = append(found, i)
		}
	}
	// Elements come in document order, so their ranges start in
	// nondecreasing order: next[i] follows the first occurrence of marker
	// i at or after the current start (sort.SearchInts(occ[i], r[0])),
	// and nextAny the first occurrence of any marker (all merges them):
	// a range that ends before that occurrence does can score nothing.
	next := make([]int, len(markers))
	all, nextAny := m.marks().all, 0
	score := func(r [2]int) int {
		if r[0] == r[1] {
			return 0 // no text, no marker
		}
		for nextAny < len(all) && all[nextAny] < r[0] {
			nextAny++
		}
		if nextAny == len(all) || all[nextAny]+minMarkerLen > r[1] {
			return 0
		}
		s := 0
		for _, i := range found {
			o, k := occ[i], next[i]
			for k < len(o) && o[k] < r[0] {
				k++
			}
			next[i] = k
			if k < len(o) && o[k]+len(markers[i]) <= r[1] {
				s++
			}
		}
		return s
	}
	var best *xhtml.Node
	bestScore, bestLen, bestAt := 0, 0, 0
	for i, e := range m.elems {
		r := m.rngs[i]
		s := score(r)
		if n := m.length(e, r); s > bestScore || (s == bestScore && s > 0 && n < bestLen) {
			best, bestScore, bestLen, bestAt = e, s, n, i
		}
	}
	if best == nil || bestScore < 3 {
		for i, e := range m.elems {
			if isCMS(e) && m.rngs[i][1]-m.rngs[i][0] > 0 {
				return e, true
			}
		}
		for _, e := range m.elems {
			if e.Data == "body" {
				return e, true
			}
		}
		return root, true
	}
	if outerElem(best) {
		return best, true
	}
	// Widen to a CMS container that adds at most a title and a preface.
	at := bestAt
	for a := best.Parent; a != nil; a = a.Parent {
		// An ancestor comes before its descendants in elems.
		if at = m.indexBefore(a, at); at < 0 {
			break
		}
		r := m.rngs[at]
		extra := m.length(a, r) - bestLen
		if extra > 1500 || extra > bestLen/5 {
			break
		}
		if isCMS(a) {
			best = a
		}
	}
	return best, outer
}

// length is the length of an element's text in the page: for a map of a
// lean tree, <body> and <html> are as long as in the whole page.
func (m *textMap) length(e *xhtml.Node, r [2]int) int {
	if m.outerLen > 0 && outerElem(e) {
		return m.outerLen
	}
	return r[1] - r[0]
}

// outerElem reports whether n is <body> or <html>, or not an element.
func outerElem(n *xhtml.Node) bool {
	return n.Type != xhtml.ElementNode || n.Data == "body" || n.Data == "html"
}

var (
	yearInTitle = zhtext.TitleYearRe
	// pubDate matches a labelled publication date in compact text.
	pubDate = regexp.MustCompile(`(发布日期|发布时间|发文日期|公开日期|成文日期|发布于)[:：]?(\d{4})(?:-|/|\.|年)(\d{1,2})(?:-|/|\.|月)(\d{1,2})`)
)

// titleBefore finds the report title when the page shows it above the body
// container (a CMS puts the headline in its own element): the last short
// text before the body that names a year and "年度报告". It returns the
// block element that holds it, or nil.
func (m *textMap) titleBefore(body *xhtml.Node) *xhtml.Node {
	k := m.indexBefore(body, len(m.elems))
	if k < 0 {
		return nil
	}
	r := m.rngs[k]
	// The body already starts with its title.
	// (strings.Index(m.text[r[0]:r[1]], titleWord) in [0, 400)).
	title := m.marks().title
	if i := firstAtOrAfter(title, r[0]); i >= 0 && i+len(titleWord) <= r[1] && i-r[0] < 400 {
		return nil
	}
	// The last occurrence that ends by r[0]
	// (strings.LastIndex(m.text[:r[0]], titleWord)).
	k = sort.SearchInts(title, r[0]-len(titleWord)+1) - 1
	if k < 0 {
		return nil
	}
	i := title[k]
	// The innermost block element holding that occurrence.
	var blk *xhtml.Node
	var br [2]int
	for k, e := range m.elems {
		er := m.rngs[k]
		if er[0] <= i && i+len("年度报告") <= er[1] && er[1] <= r[0] && isBlockTag(e.Data) {
			if blk == nil || er[1]-er[0] <= br[1]-br[0] {
				blk, br = e, er
			}
		}
	}
	if blk == nil {
		return nil
	}
	t := m.text[br[0]:br[1]]
	if utf8.RuneCountInString(t) > 100 || !yearInTitle.MatchString(t) {
		return nil
	}
	return blk
}

// indexBefore is the index of n in elems[:before], or -1.
func (m *textMap) indexBefore(n *xhtml.Node, before int) int {
	for k := before - 1; k >= 0; k-- {
		if m.elems[k] == n {
			return k
		}
	}
	return -1
}

// nodeAt returns the text node whose compact text covers offset off.
func (m *textMap) nodeAt(off int) *xhtml.Node {
	k := sort.Search(len(m.texts), func(i int) bool { return m.texts[i].start > off })
	if k == 0 {
		return nil
	}
	return m.texts[k-1].n
}

// pubLabels are the labels pubDate starts with.
var pubLabels = []string{"发布日期", "发布时间", "发文日期", "公开日期", "成文日期", "发布于"}

// pubDateLen bounds the length of a pubDate match in bytes: the longest
// label, a full-width colon, the year, two 年/月 separators and two
// two-digit numbers.
const pubDateLen = 12 + 3 + 4 + 3 + 2 + 3 + 2

// pubDates returns the matches of pubDate in text, as
// FindAllStringSubmatchIndex would, but runs the regexp only where a label
// is: a match starts with one, and is at most pubDateLen bytes long.
func pubDates(text string) [][]int {
	return pubDatesAt(text, scanMarks(text).labels)
}

// pubDatesAt is pubDates, given where the labels are in text (in
// increasing order).
func pubDatesAt(text string, starts []int) [][]int {
	var out [][]int
	end := 0
	for k, i := range starts {
		if i < end || k > 0 && starts[k-1] == i {
			continue // inside the previous match
		}
		mt := pubDate.FindStringSubmatchIndex(text[i:min(len(text), i+pubDateLen)])
		if mt == nil || mt[0] != 0 {
			continue
		}
		for x := range mt {
			if mt[x] >= 0 {
				mt[x] += i
			}
		}
		out = append(out, mt)
		end = mt[1]
	}
	return out
}

// published finds a labelled publication date on the page. 发布日期 and
// 发布时间 win over 成文日期.
func (m *textMap) published() (time.Time, *xhtml.Node) {
	var fallback time.Time
	var fbNode *xhtml.Node
	for _, mt := range pubDatesAt(m.text, m.marks().labels) {
		y, mo, d := atoi(m.text[mt[4]:mt[5]]), atoi(m.text[mt[6]:mt[7]]), atoi(m.text[mt[8]:mt[9]])
		if mo < 1 || mo > 12 || d < 1 || d > 31 || y < 1990 || y > 2100 {
			continue
		}
		t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
		if t.Day() != d {
			continue // 2月30日
		}
		label := m.text[mt[2]:mt[3]]
		if label == "成文日期" || label == "发文日期" {
			if fallback.IsZero() {
				fallback, fbNode = t, m.nodeAt(mt[0])
			}
			continue
		}
		return t, m.nodeAt(mt[0])
	}
	return fallback, fbNode
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' || n > 1e6 {
			return -1
		}
		n = n*10 + int(c-'0')
	}
	return n
}

var metaDateRe = regexp.MustCompile(`^(\d{4})(?:-|/|\.|年)(\d{1,2})(?:-|/|\.|月)(\d{1,2})`)
