package main

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"

	"github.com/reportlint/reportlint/parser"
	"github.com/reportlint/reportlint/rules"
)

// checkFiles checks files one by one in this process, as cmdCheck does
// for a single file (no pairing).
func checkFiles(t *testing.T, paths ...string) []checked {
	t.Helper()
	var out []checked
	for _, p := range paths {
		out = append(out, checkBatch(context.Background(), []string{p}, checkOptions{Opts: defaultTestOptions()})...)
	}
	return out
}

// node helpers over golang.org/x/net/html.

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func walk(n *html.Node, fn func(*html.Node)) {
	fn(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, fn)
	}
}

func byID(root *html.Node, id string) *html.Node {
	var found *html.Node
	walk(root, func(n *html.Node) {
		if found == nil && n.Type == html.ElementNode && attr(n, "id") == id {
			found = n
		}
	})
	return found
}

func all(root *html.Node, pred func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	walk(root, func(n *html.Node) {
		if n.Type == html.ElementNode && pred(n) {
			out = append(out, n)
		}
	})
	return out
}

func hasClass(n *html.Node, c string) bool {
	for _, x := range strings.Fields(attr(n, "class")) {
		if x == c {
			return true
		}
	}
	return false
}

func textOf(n *html.Node) string {
	var b strings.Builder
	walk(n, func(x *html.Node) {
		if x.Type == html.TextNode {
			b.WriteString(x.Data)
		}
	})
	return strings.TrimSpace(b.String())
}

func renderSummary(t *testing.T, out []checked) *html.Node {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, writeHTML(&buf, out))
	doc, err := html.Parse(&buf)
	require.NoError(t, err)
	return doc
}

func TestHTMLSummaryStructure(t *testing.T) {
	out := checkFiles(t, fixturesRoot+"/text/A301-table3-balance.txt", fixturesRoot+"/html/C201-placeholders.html",
		fixturesRoot+"/text/P001-empty.txt", cleanFixture)
	doc := renderSummary(t, out)

	// Self-contained: nothing loaded from elsewhere.
	for _, n := range all(doc, func(n *html.Node) bool { return attr(n, "src") != "" || n.Data == "link" }) {
		t.Errorf("external reference in the summary page: <%s src=%q href=%q>", n.Data, attr(n, "src"), attr(n, "href"))
	}
	scripts := all(doc, func(n *html.Node) bool { return n.Data == "script" })
	require.Len(t, scripts, 1, "the renderer's script is inlined once")
	assert.Contains(t, textOf(scripts[0]), "reportlintInit")

	// Overview: one row per file, sortable, with the error filter.
	overview := all(doc, func(n *html.Node) bool { return n.Data == "table" && hasClass(n, "overview") })
	require.Len(t, overview, 1)
	rows := all(overview[0], func(n *html.Node) bool { return n.Data == "tr" && attr(n, "data-errors") != "" })
	require.Len(t, rows, 4)
	assert.Equal(t, []string{"2", "0", "1", "0"}, []string{attr(rows[0], "data-errors"), attr(rows[1], "data-errors"), attr(rows[2], "data-errors"), attr(rows[3], "data-errors")})
	assert.Len(t, all(doc, func(n *html.Node) bool { return n.Data == "input" && hasClass(n, "only-errors") }), 1)

	// File 1, A301 on 表三「一、本年新收」「自然人」: the cell is drawn with its
	// value, marked as an error, and linked both ways with its finding.
	cell := byID(doc, "f1-t3-R1-natural")
	require.NotNil(t, cell, "table 三 R1 natural drawn")
	assert.Equal(t, "td", cell.Data)
	assert.Equal(t, "24", textOf(cell))
	assert.True(t, hasClass(cell, "mark-error"), "offending cell highlighted: class %q", attr(cell, "class"))
	ref := strings.Fields(attr(cell, "data-refs"))
	require.NotEmpty(t, ref)
	finding := byID(doc, ref[0])
	require.NotNil(t, finding)
	assert.Contains(t, textOf(finding), "A301")
	assert.Contains(t, textOf(finding), "表三「自然人」列")
	links := all(finding, func(n *html.Node) bool { return n.Data == "a" && hasClass(n, "goto") })
	require.Len(t, links, 1)
	assert.Equal(t, "#f1-t3-R1-natural", attr(links[0], "href"))
	assert.Contains(t, textOf(links[0]), "表三「一、本年新收政府信息公开申请数量」行「自然人」列")
	// A cell without a finding is not marked.
	other := byID(doc, "f1-t3-R2-natural")
	require.NotNil(t, other)
	assert.False(t, hasClass(other, "mark"))
	assert.Equal(t, "2", textOf(other))

	// File 2: a placeholder cell is drawn blank (never 0) and marked as a warning.
	var blanks []*html.Node
	for _, n := range all(doc, func(n *html.Node) bool { return n.Data == "td" && strings.HasPrefix(attr(n, "id"), "f2-") }) {
		if hasClass(n, "mark-warning") {
			blanks = append(blanks, n)
		}
	}
	require.NotEmpty(t, blanks)
	for _, n := range blanks {
		assert.True(t, hasClass(n, "blank"), "%s", attr(n, "id"))
		assert.Empty(t, textOf(n), "%s", attr(n, "id"))
	}

	// File 3 (unreadable): no tables, its P001 finding shown.
	f3 := byID(doc, "f3")
	require.NotNil(t, f3)
	assert.Empty(t, all(f3, func(n *html.Node) bool { return n.Data == "table" }))
	assert.Contains(t, textOf(f3), "P001")

	// File 4 (clean): three tables, nothing marked, "未发现问题".
	f4 := byID(doc, "f4")
	require.NotNil(t, f4)
	assert.Len(t, all(f4, func(n *html.Node) bool { return n.Data == "table" && hasClass(n, "canon") }), 3)
	assert.Empty(t, all(f4, func(n *html.Node) bool { return hasClass(n, "mark") }))
	assert.Contains(t, textOf(f4), "未发现问题")
}

func TestHTMLSummaryGroupsManyFindings(t *testing.T) {
	out := checkFiles(t, cleanFixture)
	for _, col := range []parser.ColKey{"natural", "corp", "research", "ngo", "legal", "other_org", "total"} {
		out[0].Findings = append(out[0].Findings, rules.Finding{Rule: "C201", Name: "cell-blank", Severity: rules.Warning,
			Message: "空白", Table: "三", Row: "R3_3_1", Col: col})
	}
	out[0].Findings = append(out[0].Findings, rules.Finding{Rule: "S101", Name: "section-missing", Severity: rules.Error, Message: "缺少第五部分"})
	doc := renderSummary(t, out)
	groups := all(doc, func(n *html.Node) bool { return n.Data == "details" })
	require.Len(t, groups, 1, "seven blank cells folded into one group")
	items := all(groups[0], func(n *html.Node) bool { return n.Data == "li" })
	assert.Len(t, items, 7)
	assert.Contains(t, textOf(groups[0]), "共 7 处")
	for _, col := range []string{"natural", "total"} {
		c := byID(doc, "f1-t3-R3_3_1-"+col)
		require.NotNil(t, c)
		assert.True(t, hasClass(c, "mark-warning"))
	}
	// A finding with no cell says where in words and is not a link.
	var s101 *html.Node
	for _, n := range all(doc, func(n *html.Node) bool { return n.Data == "li" && hasClass(n, "finding") }) {
		if strings.Contains(textOf(n), "S101") {
			s101 = n
		}
	}
	require.NotNil(t, s101)
	assert.Contains(t, textOf(s101), "位置：全文")
	assert.Empty(t, all(s101, func(n *html.Node) bool { return n.Data == "a" }))
}

func TestWhereInWords(t *testing.T) {
	assert.Equal(t, "全文", whereInWords(rules.Finding{}))
	assert.Equal(t, "第3页第12行", whereInWords(rules.Finding{Loc: loc(12, 0, 3)}))
}

func defaultTestOptions() parser.Options { return parser.DefaultOptions() }

func loc(line, col, page int) parser.Loc { return parser.Loc{Line: line, Column: col, Page: page} }

// In a large batch the reports without findings are listed without their
// tables; those with findings keep them.
func TestHTMLSummaryLargeBatch(t *testing.T) {
	one := checkFiles(t, cleanFixture, fixturesRoot+"/text/A301-table3-balance.txt")
	var out []checked
	for range drawCleanUpTo {
		out = append(out, one[0])
	}
	out = append(out, one[1])
	doc := renderSummary(t, out)
	assert.Empty(t, all(byID(doc, "f1"), func(n *html.Node) bool { return n.Data == "table" }))
	assert.Contains(t, textOf(byID(doc, "f1")), "未发现问题的报告不在此列出表格")
	last := byID(doc, fmt.Sprintf("f%d", drawCleanUpTo+1))
	require.NotNil(t, last)
	assert.Len(t, all(last, func(n *html.Node) bool { return n.Data == "table" }), 3)
	rows := all(doc, func(n *html.Node) bool { return n.Data == "tr" && attr(n, "data-errors") != "" })
	assert.Len(t, rows, drawCleanUpTo+1, "every file is in the overview")
}

// As in the workbook, the A301 balance names its relation, not 应为/实为 for
// one cell; a total against its parts (A302) keeps its figures.
func TestHTMLSummaryNamesTheRelation(t *testing.T) {
	out := checkFiles(t, fixturesRoot+"/text/A301-table3-balance.txt", fixturesRoot+"/text/A302-table3-results-total.txt")
	doc := renderSummary(t, out)
	vals := all(doc, func(n *html.Node) bool { return n.Data == "div" && hasClass(n, "vals") })
	relations, figures := 0, 0
	for _, v := range vals {
		switch s := textOf(v); {
		case strings.HasPrefix(s, "应满足："):
			assert.Equal(t, "应满足：一、本年新收 + 二、上年结转 = （七）总计 + 四、结转下年度继续办理", s)
			relations++
		case strings.Contains(s, "应为"):
			figures++
		}
	}
	assert.Equal(t, 2, relations, "the two A301 findings")
	assert.Positive(t, figures, "the A302 findings keep 应为/实为")
}
