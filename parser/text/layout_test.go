package text_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/reportlint/reportlint/parser"
	"github.com/reportlint/reportlint/parser/load"
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
