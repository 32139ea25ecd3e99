package pdf

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/reportlint/reportlint/parser"
	"github.com/reportlint/reportlint/parser/html"
)

// canonCells renders the recognised statutory tables of a document, one
// "table/row/col=value" line per cell, labels as written.
func canonCells(doc *parser.Document) []string {
	rep := parser.Recognize(doc)
	var out []string
	for _, id := range []string{parser.Table2, parser.Table3, parser.Table4} {
		t := rep.Table(id)
		if t == nil {
			out = append(out, id+" missing")
			continue
		}
		for _, key := range t.Order {
			r := t.Rows[key]
			for i, c := range r.Cells {
				out = append(out, fmt.Sprintf("%s/%s/%d=%v:%q", id, key, i, c.Kind, c.Raw))
			}
		}
	}
	sort.Strings(out)
	return out
}

// parseNoRules reads a PDF as if it had no ruling lines at all, so that
// every table must come from the text positions.
func parseNoRules(t *testing.T, name string) *parser.Document {
	t.Helper()
	d, err := open(readFixture(t, name), parser.DefaultOptions())
	require.NoError(t, err)
	var pages []*pageContent
	for i := 1; i <= d.r.NumPage(); i++ {
		pc, err := d.interpretPage(d.r.Page(i))
		require.NoError(t, err)
		pc.segs = nil
		pages = append(pages, pc)
	}
	doc := &parser.Document{Path: name, Format: parser.FormatPDF}
	buildDocument(doc, pages, nil)
	return doc
}

// Tables drawn without rules (borderless HTML through LibreOffice) read
// like the HTML source, value for value, and body text stays text.
func TestBorderlessTables(t *testing.T) {
	hdoc, err := html.Parse("src", readFixture(t, "src/report-borderless.html.in"), parser.DefaultOptions())
	require.NoError(t, err)
	want := canonCells(hdoc)
	require.Greater(t, len(want), 180)

	doc, err := Parse("x", readFixture(t, "clean-borderless-lo.pdf"), parser.DefaultOptions())
	require.NoError(t, err)
	require.Equal(t, want, canonCells(doc))
	require.Len(t, tables(doc), 3, "table 二 and 三 joined over their page breaks")
	t.Logf("%d cells identical to the HTML", len(want))

	// the row whose label runs over the page break is one row
	grid := strings.Join(gridRows(tables(doc)[1]), "\n")
	require.Contains(t, grid, "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请|0|0|0|0|0|0|0")
	require.Contains(t, grid, "5.要求行政机关确认或重新出具已获取信息|0|0|0|0|0|0|0")

	var paras []string
	for _, b := range doc.Blocks {
		if b.Para != nil {
			paras = append(paras, b.Para.Text)
		}
	}
	require.Contains(t, paras, "（二）依申请公开。全年新收政府信息公开申请47件，上年结转2件，结转下年度继续办理2件，均在法定期限内答复。")
	require.Contains(t, paras, "三、收到和处理政府信息公开申请情况")
	for _, p := range paras {
		require.False(t, strings.Contains(p, "申请人情况") || strings.Contains(p, "予以公开"), "table text left in a paragraph: %q", p)
	}
}

// The ruled fixtures read with their rules removed give the same values:
// the position reader does not depend on one producer's spacing.
func TestRulesIgnored(t *testing.T) {
	for src, pdfs := range map[string][]string{
		"report-clean.html.in": {"clean-lo-writer.pdf", "clean-chromium.pdf"},
		"report-long.html.in":  {"clean-long-split-lo.pdf", "clean-long-split-chromium.pdf"},
	} {
		hdoc, err := html.Parse(src, readFixture(t, "src/"+src), parser.DefaultOptions())
		require.NoError(t, err)
		want := canonCells(hdoc)
		for _, name := range pdfs {
			t.Run(name, func(t *testing.T) {
				require.Equal(t, want, canonCells(parseNoRules(t, name)))
			})
		}
	}
}
