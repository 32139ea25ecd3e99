package main

import (
	"io"
	"os"
	"testing"

	"github.com/reportlint/reportlint/parser"
	"github.com/reportlint/reportlint/parser/load"
	"github.com/reportlint/reportlint/rules"
)

// BenchmarkCheckText measures reading, recognising and checking one text
// report (the whole per-file pipeline without output).
func BenchmarkCheckText(b *testing.B) {
	data, err := os.ReadFile(cleanFixture)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		rep, err := load.Bytes(cleanFixture, data, parser.DefaultOptions())
		if err != nil {
			b.Fatal(err)
		}
		_ = rules.Run(rep, nil, rules.Config{})
	}
}

// BenchmarkCheckFixturesBatch measures `check fixtures/` in-process with all
// cores: every fixture, every format.
func BenchmarkCheckFixturesBatch(b *testing.B) {
	files, err := discover([]string{fixturesRoot})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(len(files)), "files")
	for b.Loop() {
		run([]string{"check", "--format", "json", fixturesRoot}, io.Discard, io.Discard)
	}
}
