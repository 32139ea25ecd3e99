package rules

import (
	"os"
	"testing"

	"github.com/reportlint/reportlint/parser"
	"github.com/reportlint/reportlint/parser/load"
)

// BenchmarkRunClean measures every rule on the clean base fixture.
func BenchmarkRunClean(b *testing.B) {
	path := "../fixtures/text/clean-department-2024.txt"
	data, err := os.ReadFile(path)
	if err != nil {
		b.Skip("fixture missing")
	}
	rep, err := load.Bytes(path, data, parser.DefaultOptions())
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		Run(rep, rep, Config{})
	}
}
