package pdf

import (
	"errors"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/reportlint/reportlint/parser"
	"github.com/reportlint/reportlint/parser/html"
)

const fixtures = "../../fixtures/pdf"

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(fixtures, name))
	require.NoError(t, err)
	return data
}

func TestHostileFiles(t *testing.T) {
	cases := []struct {
		file, rule, says string
	}{
		{"P001-encrypted-password.pdf", "P001", "加密"},
		{"P001-corrupt-truncated.pdf", "P001", "重新"},
		{"P002-scan-no-text.pdf", "P002", "OCR"},
		// printed through PostScript: glyphs without meaning, not damage
		{"P002-postscript-printed-lo.pdf", "P002", "另存为 PDF"},
		{"P002-postscript-printed-chromium.pdf", "P002", "文字层无法读取"},
		// Ghostscript over a Chromium PDF: Type 3 fonts whose ToUnicode
		// maps miss codes ("本ç告"), 6% of the characters wrong
		{"P002-gs-chromium-type3-garbled.pdf", "P002", "乱码"},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			doc, err := Parse(c.file, readFixture(t, c.file), parser.DefaultOptions())
			require.Nil(t, doc)
			var re *parser.ReadError
			require.True(t, errors.As(err, &re), "want a ReadError, got %v", err)
			require.Equal(t, c.rule, ruleID(re.Kind))
			require.Contains(t, re.Reason, c.says)
		})
	}
}

// Files the library rejects but other readers accept must read like the
// original.
func TestRepairedFiles(t *testing.T) {
	orig, err := Parse("x", readFixture(t, "clean-lo-writer.pdf"), parser.DefaultOptions())
	require.NoError(t, err)
	want := dumpDoc(orig)
	for _, name := range []string{"clean-pdf20-header.pdf", "clean-trailing-bytes.pdf", "clean-wrong-startxref.pdf"} {
		doc, err := Parse(name, readFixture(t, name), parser.DefaultOptions())
		require.NoError(t, err, name)
		require.Equal(t, want, dumpDoc(doc), name)
	}
	// an xref table whose offsets are all wrong: rebuilt by scanning objects
	data := readFixture(t, "clean-lo-writer.pdf")
	i := strings.LastIndex(string(data), "\nxref")
	require.Positive(t, i)
	bad := []byte(string(data[:i]) + strings.ReplaceAll(string(data[i:]), " 00000 n", " 00000 n")) // same table
	for k := i + 10; k < i+400 && k < len(bad); k++ {
		if bad[k] >= '1' && bad[k] <= '8' {
			bad[k]++ // shift offsets
		}
	}
	doc, err := Parse("broken-xref.pdf", bad, parser.DefaultOptions())
	require.NoError(t, err)
	require.Equal(t, want, dumpDoc(doc))
}

// Random damage never panics and never hangs: every result is a Document
// or a ReadError.
func TestMutantsNeverPanic(t *testing.T) {
	base := readFixture(t, "clean-lo-writer.pdf")
	rng := rand.New(rand.NewSource(1))
	n := 150
	if testing.Short() {
		n = 30
	}
	for i := 0; i < n; i++ {
		m := append([]byte(nil), base...)
		switch i % 3 {
		case 0:
			for k := 0; k < 20; k++ {
				m[rng.Intn(len(m))] = byte(rng.Intn(256))
			}
		case 1:
			m = m[:rng.Intn(len(m))]
		case 2:
			p := rng.Intn(len(m) - 64)
			rng.Read(m[p : p+64])
		}
		doc, err := Parse("mutant.pdf", m, parser.DefaultOptions())
		if err != nil {
			var re *parser.ReadError
			require.True(t, errors.As(err, &re), "mutant %d: %v", i, err)
			continue
		}
		require.NotNil(t, doc)
	}
}

func TestDecompressionBound(t *testing.T) {
	opts := parser.DefaultOptions()
	opts.MaxDecompressed = 1000
	_, err := Parse("x", readFixture(t, "clean-lo-writer.pdf"), opts)
	var re *parser.ReadError
	require.True(t, errors.As(err, &re))
	require.Contains(t, re.Reason, "解压")
}

// The same report read from its HTML source and from its PDFs gives the
// same tables, cell for cell.
func TestSameTablesAsHTML(t *testing.T) {
	for src, pdfs := range htmlTwins() {
		hdoc, err := html.Parse(src, readFixture(t, "src/"+src), parser.DefaultOptions())
		require.NoError(t, err)
		want := tables(hdoc)
		require.Len(t, want, 3)
		for _, name := range pdfs {
			t.Run(name, func(t *testing.T) {
				doc, err := Parse(name, readFixture(t, name), parser.DefaultOptions())
				require.NoError(t, err)
				got := tables(doc)
				require.Len(t, got, len(want), "one Table per statutory table")
				cells := 0
				for i := range want {
					w, g := gridRows(want[i]), gridRows(got[i])
					require.Equal(t, w, g, "table %d", i+1)
					for _, r := range w {
						cells += strings.Count(r, "|") + 1
					}
				}
				t.Logf("%s: %d cells identical to the HTML", name, cells)
				for _, tb := range got {
					for _, r := range tb.Rows {
						for _, c := range r.Cells {
							require.Positive(t, c.Loc.Page)
							require.Positive(t, c.Loc.Line)
						}
					}
				}
			})
		}
	}
}

// htmlTwins are the PDF fixtures compared cell for cell with their HTML
// source, by source.
func htmlTwins() map[string][]string {
	cases := map[string][]string{
		"report-clean.html.in": {"clean-lo-writer.pdf", "clean-lo-tagged.pdf", "clean-chromium.pdf"},
		"report-long.html.in":  {"clean-long-split-lo.pdf", "clean-long-split-chromium.pdf"},
		"report-A304.html.in":  {"A304-table4-total-lo.pdf"},
	}
	for src, pdfs := range producerFixtures {
		cases[src] = append(cases[src], pdfs...)
	}
	return cases
}

// Every readable PDF fixture is compared with its source somewhere: cell
// for cell (htmlTwins), by recognised cells (position tables), or with
// the file it was derived from (repaired files).
func TestEveryPDFFixtureCompared(t *testing.T) {
	compared := map[string]bool{
		// TestRepairedFiles
		"clean-pdf20-header.pdf": true, "clean-trailing-bytes.pdf": true, "clean-wrong-startxref.pdf": true,
		// TestBorderlessTables, TestNarrowGroupColumn
		"clean-borderless-lo.pdf": true, "clean-plain-narrow-group-lo.pdf": true, "clean-plain-enum-lo.pdf": true,
		// TestProducerPositionTables
		"clean-rl-borderless-repeat.pdf": true,
	}
	for _, pdfs := range htmlTwins() {
		for _, p := range pdfs {
			compared[p] = true
		}
	}
	files, err := filepath.Glob(filepath.Join(fixtures, "clean-*.pdf"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		require.True(t, compared[filepath.Base(f)], "%s is compared with no source", filepath.Base(f))
	}
}

// producerFixtures are the PDFs made by other producers (ReportLab,
// Ghostscript, PDF/A, a PostScript printer path) from the same reports as
// the HTML sources, by scripts/pdf/*.
var producerFixtures = map[string][]string{
	// ReportLab STSong-Light (break right after 二、上年结转); Ghostscript
	// pdfwrite over LibreOffice (Type 1C) and, at -dCompatibilityLevel=1.4,
	// over the ReportLab file (substituted font, wrong ToUnicode)
	"report-clean.html.in": {"clean-rl-stsong-repeat.pdf", "clean-gs-lo-type1c.pdf", "clean-gs14-rl-stsong.pdf"},
	// landscape over three pages, also as portrait pages with /Rotate 90;
	// PDF/A-2b by Ghostscript; a taller repeated header
	"report-long.html.in": {"clean-rl-landscape-3pages.pdf", "clean-rotate90-landscape-rl.pdf", "clean-pdfa2b-lo-long.pdf",
		"clean-rl-taller-header.pdf"},
	// an embedded TrueType subset
	"report-plain.html.in": {"clean-rl-ttf-repeat.pdf"},
	// table 三's header in <thead>: repeated on every page of the table
	"report-long-thead.html.in": {"clean-repeat-heading-lo.pdf", "clean-repeat-heading-lo-tagged.pdf", "clean-repeat-heading-chromium.pdf",
		// the page breaks inside table 四's two-row header cells
		"clean-table4-header-split-lo.pdf",
		// an empty grid at the top of the page after table 二 (tagged)
		"clean-empty-grid-lo-tagged.pdf"},
}

// Producers' tables drawn without any rules read from text positions: the
// recognised statutory cells are the HTML source's, value for value (the
// header cells of a position table are not compared: centred multi-line
// headers are not rebuilt cell for cell).
func TestProducerPositionTables(t *testing.T) {
	for src, pdfs := range map[string][]string{"report-long.html.in": {"clean-rl-borderless-repeat.pdf"}} {
		hdoc, err := html.Parse(src, readFixture(t, "src/"+src), parser.DefaultOptions())
		require.NoError(t, err)
		want := canonCells(hdoc)
		for _, name := range pdfs {
			doc, err := Parse(name, readFixture(t, name), parser.DefaultOptions())
			require.NoError(t, err)
			require.Equal(t, want, canonCells(doc), name)
			// the header repeated on page 3 is skipped, not read as rows
			heads := 0
			for _, tb := range tables(doc) {
				for _, r := range tb.Rows {
					for _, c := range r.Cells {
						heads += strings.Count(c.Text, "申请人情况")
					}
				}
			}
			require.Equal(t, 1, heads, name)
		}
	}
}

func TestParagraphs(t *testing.T) {
	doc, err := Parse("x", readFixture(t, "clean-long-split-lo.pdf"), parser.DefaultOptions())
	require.NoError(t, err)
	var paras []string
	for _, b := range doc.Blocks {
		if b.Para != nil {
			paras = append(paras, b.Para.Text)
			require.Positive(t, b.Para.Loc.Page)
			require.Positive(t, b.Para.Loc.Line)
		}
	}
	joined := strings.Join(paras, "\n")
	// wrapped lines are joined without spaces between Chinese characters
	require.Contains(t, joined, "（二）依申请公开。全年新收政府信息公开申请67件，上年结转4件，结转下年度继续办理4件，均在法定期限内答复。")
	for _, h := range []string{"一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"} {
		require.Contains(t, paras, h)
	}
	// no page numbers or stray lines
	for _, p := range paras {
		require.False(t, pageNumRE.MatchString(p), "page number kept: %q", p)
	}
}

// A scanned page inside a readable report is a non-fatal P002 on that page.
func TestScannedPage(t *testing.T) {
	doc, err := Parse("x", readFixture(t, "P002-scanned-page.pdf"), parser.DefaultOptions())
	require.NoError(t, err)
	var pages []int
	for _, p := range doc.Problems {
		require.Equal(t, parser.ProblemNoText, p.Kind)
		pages = append(pages, p.Loc.Page)
	}
	require.Equal(t, []int{5, 6}, pages, "the two image-only pages appended to the 4-page report")
	require.Len(t, tables(doc), 3)
}

// ruleID is the rule that reports a kind of reading problem, as fixture
// names and test tables give it.
func ruleID(k parser.ProblemKind) string {
	if k == parser.ProblemNoText {
		return "P002"
	}
	return "P001"
}
