package rules

import (
	"os"
	"testing"

	"github.com/reportlint/reportlint/parser"
	"github.com/reportlint/reportlint/parser/load"
)

// BenchmarkRunFixtures times rules.Run alone on reports read once from
// committed fixtures: an HTML page in site chrome and the clean text
// report. RULESBENCH_FILE adds a file of one's own (not committed).
func BenchmarkRunFixtures(b *testing.B) {
	files := []struct{ name, path string }{
		{"html", "../fixtures/html/clean-site-chrome.html"},
		{"text", "../fixtures/text/clean-department-2024.txt"},
	}
	if f := os.Getenv("RULESBENCH_FILE"); f != "" {
		files = append(files, struct{ name, path string }{"file", f})
	}
	for _, f := range files {
		data, err := os.ReadFile(f.path)
		if err != nil {
			b.Fatal(err)
		}
		rep, err := load.Bytes(f.path, data, parser.DefaultOptions())
		if err != nil {
			b.Fatal(err)
		}
		b.Run(f.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Run(rep, nil, Config{})
			}
		})
	}
}
