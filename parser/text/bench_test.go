package text

import (
	"os"
	"testing"

	"github.com/reportlint/reportlint/parser"
)

// BenchmarkParseLayout reads the pdftotext -layout fixture (a 4-page
// LibreOffice report) with the layout reader.
func BenchmarkParseLayout(b *testing.B) {
	data, err := os.ReadFile("../../fixtures/text/clean-pdftotext-layout-lo.txt")
	if err != nil {
		b.Skip(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse("x.txt", data, parser.DefaultOptions()); err != nil {
			b.Fatal(err)
		}
	}
}
