package docx_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/reportlint/reportlint/parser"
	"github.com/reportlint/reportlint/parser/docx"
)

func benchFile(b *testing.B, path string) {
	data, err := os.ReadFile(path)
	if err != nil {
		b.Skip(path + " is not available")
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := docx.Parse(path, data, parser.DefaultOptions()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBlankTemplate reads the official blank template (3 tables, 324
// cells; outside the repository, skipped when absent).
func BenchmarkBlankTemplate(b *testing.B) {
	benchFile(b, filepath.Join("..", "..", "..", "shared", "real", "blank-template-2021.docx"))
}

// BenchmarkWordHabits reads the hand-written Word-style fixture.
func BenchmarkWordHabits(b *testing.B) {
	benchFile(b, filepath.Join("..", "..", "fixtures", "docx", "clean-word-habits.docx"))
}
