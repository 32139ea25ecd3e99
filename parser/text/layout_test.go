package text_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/reportlint/reportlint/parser"
	"github.com/reportlint/reportlint/parser/load"
	"github.com/reportlint/reportlint/parser/text"
)

// cells lists every canonical cell of a report as "table/row/col=value".
func cells(r *parser.Report) map[string]string {
	out := map[string]string{}
	for ref := range r.Cells {
		k := string(ref.Table.ID) + "/" + string(ref.Row.Key) + "/" + string(ref.Col.Key)
		out[k] = ref.Value.Kind.String() + ":" + ref.Value.Raw
		if ref.Value.Known() {
			out[k] = fmt.Sprint(ref.Value.Num)
		}
	}
	return out
}

func read(t *testing.T, path string) *parser.Report {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	rep, err := load.Bytes(path, data, parser.DefaultOptions())
	require.NoError(t, err, path)
	return rep
}

// TestPdftotextMatchesPDF: text copied out of a PDF (pdftotext -layout and
// plain pdftotext, made by scripts/make-pdftotext-fixtures.sh) gives the
// same tables, cell for cell, as the PDF it came from.
func TestPdftotextMatchesPDF(t *testing.T) {
	pairs := map[string]string{
		"clean-pdftotext-layout-lo.txt":            "clean-lo-writer.pdf",
		"clean-pdftotext-layout-chromium.txt":      "clean-chromium.pdf",
		"clean-pdftotext-layout-borderless-lo.txt": "clean-borderless-lo.pdf",
		"clean-pdftotext-layout-long-split-lo.txt": "clean-long-split-lo.pdf",
		"clean-pdftotext-cells-lo.txt":             "clean-lo-writer.pdf",
		"clean-pdftotext-cells-chromium.txt":       "clean-chromium.pdf",
		"A304-pdftotext-layout.txt":                "A304-table4-total-lo.pdf",
	}
	// Chromium's print of an HTML fixture, compared with the HTML.
	pairs["clean-pdftotext-layout-chromium-print.txt"] = "../html/clean-site-chrome.html"
	for txt, pdf := range pairs {
		want := cells(read(t, filepath.Join("../../fixtures/pdf", pdf)))
		require.Len(t, want, 200, pdf) // 10 + 175 + 15 cells
		got := cells(read(t, filepath.Join("../../fixtures/text", txt)))
		assert.Equal(t, want, got, "%s against %s", txt, pdf)
	}
}

// TestLayoutBlankCell: a blank cell in space-aligned columns is placed by
// the columns of the complete rows, not shifted to the end of the row.
func TestLayoutBlankCell(t *testing.T) {
	r := read(t, "../../fixtures/text/C201-pdftotext-layout-blank.txt")
	row := r.Table(parser.Table3).Row("R3_1")
	require.NotNil(t, row)
	var kinds []string
	for _, v := range row.Cells {
		kinds = append(kinds, v.Kind.String())
	}
	assert.Equal(t, []string{"number", "number", "number", "blank", "number", "number", "number"}, kinds)
}

// TestLayoutRealReports reads ../shared/real PDFs through pdftotext when
// both are at hand and compares the tables with the PDF reader's.
func TestLayoutRealReports(t *testing.T) {
	paths, _ := filepath.Glob("../../../shared/real/*.pdf")
	if len(paths) == 0 {
		t.Skip("no real reports")
	}
	if _, err := os.Stat("/usr/bin/pdftotext"); err != nil {
		t.Skip("pdftotext not installed")
	}
	for _, p := range paths {
		out := filepath.Join(t.TempDir(), "x.txt")
		if err := runPdftotext(p, out); err != nil {
			t.Skip(err)
		}
		assert.Equal(t, cells(read(t, p)), cells(read(t, out)), p)
	}
}

func TestUnglue(t *testing.T) {
	for _, c := range []struct {
		line string
		want string // the seven figures, "" when not split
	}{
		{"2 000002", "2 0 0 0 0 0 2"},
		{"6 100108", "6 1 0 0 1 0 8"},
		{"10 1 0 0 0 0 11", "10 1 0 0 0 0 11"}, // seven already: unchanged
		{"12 3 0 1 16", ""},                    // blank cells, not glued: no split adds up
		{"1111111111111111111", ""},            // too many digits to try
		{"3 100004", "3 1 0 0 0 0 4"},
	} {
		got := ""
		if u := text.Unglue(c.line); u != nil {
			got = strings.Join(u, " ")
		}
		assert.Equal(t, c.want, got, c.line)
	}
}

// readAs reads a file under another name (a fixture's .html.in source as
// HTML).
func readAs(t *testing.T, path, as string) *parser.Report {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	rep, err := load.Bytes(as, data, parser.DefaultOptions())
	require.NoError(t, err, path)
	return rep
}

// TestLayoutChromiumMatchesHTML: pdftotext -layout of Chromium's PDF of a
// CMS page (scripts/make-pdftotext-chromium-fixtures.py) gives the page's
// tables cell for cell. In the flat table 三 a wrapped label keeps the first
// one or two figures of its row on its first line ("……行政机关不再处 13 0"),
// the rest on the next: the row's figures are joined.
func TestLayoutChromiumMatchesHTML(t *testing.T) {
	pairs := map[string]string{
		"clean-pdftotext-layout-chromium-flat.txt":       "chromium-flat.html.in",
		"clean-pdftotext-layout-chromium-fullwidth.txt":  "chromium-fullwidth.html.in",
		"clean-pdftotext-layout-chromium-flat-large.txt": "chromium-flat-large.html.in",
		// ReportLab, same data: 果 of the narrow group column on the 总计 line.
		"clean-pdftotext-layout-rl-narrow-group.txt": "chromium-flat.html.in",
	}
	for txt, src := range pairs {
		want := cells(readAs(t, filepath.Join("../../fixtures/text/src", src), "page.html"))
		require.Len(t, want, 200, src)
		got := cells(read(t, filepath.Join("../../fixtures/text", txt)))
		assert.Equal(t, want, got, "%s against %s", txt, src)
	}
}

// TestLayoutSplitRowJoined: figures split over two lines are joined when
// the first line is too short to be a row by itself, even when the seven do
// not add up (a genuine row-total error stays on its row for A303); a line
// that is a row of its own is not completed with the figures below unless
// the seven add up.
func TestLayoutSplitRowJoined(t *testing.T) {
	lastFigures := func(lines []string) []string {
		tables, _, _ := text.ParseLayoutLines(append([]string{"三、收到和处理政府信息公开申请情况"}, lines...))
		require.Len(t, tables, 1)
		rows := tables[0].Rows
		last := rows[len(rows)-1].Cells
		var figs []string
		for _, c := range last[len(last)-7:] {
			figs = append(figs, c.Text)
		}
		return figs
	}
	lines := []string{
		"（二）部分公开（区分处理的，只计这一情形，不计 8 0",
		"其他情形）                             0   0   7     2    17",
	}
	assert.Equal(t, []string{"8", "0", "0", "0", "7", "2", "17"}, lastFigures(lines))
	lines[1] = "其他情形）                             0   0   7     2    18"
	assert.Equal(t, []string{"8", "0", "0", "0", "7", "2", "18"}, lastFigures(lines))

	// A row of five (two blank cells) and a line of two that do not add up
	// with it: two rows, the five keep their blanks.
	own := []string{
		"（三）不予公开8.属于行政查询事项      1   0   0          0   1",
		"（四）无法提供1.本机关不掌握 3 4",
	}
	tables, _, _ := text.ParseLayoutLines(append([]string{"三、收到和处理政府信息公开申请情况"}, own...))
	require.Len(t, tables, 1)
	blank := 0
	for _, c := range tables[0].Rows[0].Cells {
		if c.Text == "" {
			blank++
		}
	}
	assert.Equal(t, 2, blank)
}

// TestCellsFullWidthNotS104: plain pdftotext of full-width tables puts the
// figures out of row order; the tables are reported as not rebuilt (S111,
// a warning), never as missing (S104, an error).
func TestCellsFullWidthNotS104(t *testing.T) {
	r := read(t, "../../fixtures/text/S111-pdftotext-cells-fullwidth.txt")
	var lost []parser.TableID
	for _, lt := range r.Doc.LostTables {
		lost = append(lost, lt.Table)
		assert.Nil(t, r.Table(lt.Table))
	}
	assert.Equal(t, []parser.TableID{parser.Table3, parser.Table4}, lost)
	assert.NotNil(t, r.Table(parser.Table2))
}

// TestLayoutSplitRowNotIntoRowAbove: a row of five figures (two cells
// blank) is not completed with the first figures of the next row, even
// when all are zeros and would add up.
func TestLayoutSplitRowNotIntoRowAbove(t *testing.T) {
	lines := []string{
		"三、收到和处理政府信息公开申请情况",
		"（三）不予公开8.属于行政查询事项      0   0   0          0   0",
		"（四）无法提供1.本机关不掌握相关政府 0 0",
		"信息                                 0   0   0     0    0",
	}
	tables, _, _ := text.ParseLayoutLines(lines)
	require.Len(t, tables, 1)
	rows := tables[0].Rows
	require.GreaterOrEqual(t, len(rows), 2)
	blank := 0
	for _, c := range rows[len(rows)-2].Cells {
		if c.Text == "" {
			blank++
		}
	}
	assert.Equal(t, 2, blank, "the row above kept its two blank cells")
	last := rows[len(rows)-1].Cells
	for _, c := range last[len(last)-7:] {
		assert.Equal(t, "0", c.Text)
	}
}

// TestLayoutLongRowWithSingleSpaces: large figures fill the narrow columns
// of a flat table 三, so a long label and its figures come with single
// spaces between; the line is a row, not running text.
func TestLayoutLongRowWithSingleSpaces(t *testing.T) {
	lines := []string{
		"三、收到和处理政府信息公开申请情况",
		"（三）不予公开8.属于行政查询事项      0    389  0    180  674  496 1739",
		"（四）无法提供1.本机关不掌握相关政府信息 0 288 429 624 128 527 1996",
	}
	tables, _, _ := text.ParseLayoutLines(lines)
	require.Len(t, tables, 1)
	rows := tables[0].Rows
	require.Len(t, rows, 2)
	last := rows[1].Cells
	var figs []string
	for _, c := range last[len(last)-7:] {
		figs = append(figs, c.Text)
	}
	assert.Equal(t, []string{"0", "288", "429", "624", "128", "527", "1996"}, figs)
}
