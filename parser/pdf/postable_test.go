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
	for _, id := range parser.TableIDs() {
		t := rep.Table(id)
		if t == nil {
			out = append(out, string(id)+" missing")
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

// Plain pages through LibreOffice (no borders, left-aligned cells): the
// narrow group column wraps into fragments on the item rows' lines
// ("（三）" "不予公" beside "4.保护第三方合法权益") and labels that fill the
// item column run up to the first number with less than half an em between
// them. Every number stays in its column and every row is kept.
func TestNarrowGroupColumn(t *testing.T) {
	for src, name := range map[string]string{
		"report-plain.html.in":      "clean-plain-narrow-group-lo.pdf",
		"report-plain-enum.html.in": "clean-plain-enum-lo.pdf",
	} {
		t.Run(name, func(t *testing.T) {
			hdoc, err := html.Parse(src, readFixture(t, "src/"+src), parser.DefaultOptions())
			require.NoError(t, err)
			want := canonCells(hdoc)
			require.Greater(t, len(want), 180)
			doc, err := Parse(name, readFixture(t, name), parser.DefaultOptions())
			require.NoError(t, err)
			require.Equal(t, want, canonCells(doc))
		})
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

// mkLine lays out text from x0 on baseline y: CJK glyphs one em wide,
// others half an em, with extra spacing between glyphs (justified text)
// and "|" marking a wide gap of 3 em.
func mkLine(x0, y, size, extra float64, text string) []glyph {
	var gs []glyph
	x := x0
	for _, r := range text {
		if r == '|' {
			x += 3 * size
			continue
		}
		w := size
		if r < 0x2E80 {
			w = size / 2
		}
		gs = append(gs, glyph{x: x, y: y, w: w, size: size, s: string(r), mcid: -1})
		x += w + extra
	}
	return gs
}

// Body text, even with numbers, spaces and justified spacing, is no table;
// aligned rows of numbers after wide gaps are.
func TestPositionTablesGuard(t *testing.T) {
	body := [][]glyph{
		mkLine(57, 100, 12, 0.3, "（二）依申请公开。全年新收政府信息公开申请 47 件，上年结转 2 件，结转下年度继续办理"),
		mkLine(57, 120, 12, 0.3, "2 件，均在法定期限内答复。2024 年 1 月 1 日至 2024 年 12 月 31 日，共发布信息 1562 条。"),
		mkLine(57, 140, 12, 2.5, "本年度未收取信息处理费。"),
		mkLine(57, 160, 12, 0, "一、总体情况|1"),
		mkLine(400, 200, 12, 0, "青溪县人民政府办公室"),
		mkLine(420, 220, 12, 0, "2025年1月20日"),
	}
	parts, rest := posTables(body, 57, 540)
	require.Empty(t, parts)
	require.Len(t, rest, len(body))

	table := append(body[:2:2],
		mkLine(80, 200, 10.5, 0, "信息内容|本年制发件数|本年废止件数"),
		mkLine(80, 220, 10.5, 0, "规章|0|3"),
		mkLine(80, 240, 10.5, 0, "行政规范性文件|4|27"),
		mkLine(57, 270, 12, 0.3, "三、收到和处理政府信息公开申请情况"),
	)
	parts, rest = posTables(table, 57, 540)
	require.Len(t, parts, 1)
	require.Len(t, rest, 3, "the body lines and the heading stay text")
	var texts []string
	for _, r := range parts[0].cells {
		texts = append(texts, cellText(r.glyphs))
	}
	require.Subset(t, texts, []string{"规章", "0", "3", "行政规范性文件", "4", "27"})
}
