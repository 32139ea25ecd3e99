package parser_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/reportlint/reportlint/parser"
	"github.com/reportlint/reportlint/parser/html"
	"github.com/reportlint/reportlint/parser/load"
)

// benchDocument reads a fixture into a Document for the recognition
// benchmarks; the reading itself is not measured.
func benchDocument(b *testing.B, rel string) *parser.Document {
	b.Helper()
	path := filepath.Join("..", "fixtures", rel)
	data, err := os.ReadFile(path)
	if err != nil {
		b.Skipf("fixture %s: %v", rel, err)
	}
	if filepath.Ext(path) == ".html" {
		doc, err := html.Parse(path, data, parser.DefaultOptions())
		if err != nil {
			b.Fatal(err)
		}
		return doc
	}
	rep, err := load.Bytes(path, data, parser.DefaultOptions())
	if err != nil {
		b.Fatal(err)
	}
	return rep.Doc
}

func benchRecognize(b *testing.B, rel string) {
	doc := benchDocument(b, rel)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		parser.Recognize(doc)
	}
}

// BenchmarkRecognizeSiteChrome recognises the page that the batch
// throughput target (issue 14) is measured on: a report inside a
// government site's chrome.
func BenchmarkRecognizeSiteChrome(b *testing.B) {
	benchRecognize(b, "html/clean-site-chrome.html")
}

// BenchmarkRecognizeFormats recognises one fixture of each other format.
func BenchmarkRecognizeFormats(b *testing.B) {
	for _, rel := range []string{
		"pdf/clean-chromium.pdf",
		"docx/clean-word-habits.docx",
		"text/A304-pdftotext-layout.txt",
		"html/clean-2019-layout-2020.html",
	} {
		b.Run(filepath.Base(rel), func(b *testing.B) { benchRecognize(b, rel) })
	}
}
