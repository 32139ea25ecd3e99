package html

import (
	"os"
	"testing"

	"github.com/reportlint/reportlint/parser"
)

// benchPage is a page of the bench corpus (/tmp/rb/html) when there is
// one, else the site-chrome page built from the fixture.
func benchPage(b *testing.B) []byte {
	if data, err := os.ReadFile("/tmp/rb/html/r0000.html"); err == nil {
		return data
	}
	return chromePage(b)
}

// BenchmarkPrePasses runs the passes before the parse on a page of site
// chrome: decode, the clone estimate and the page scan.
func BenchmarkPrePasses(b *testing.B) {
	data := benchPage(b)
	maxTags, maxCells := pageLimits(parser.DefaultOptions())
	maxDepth := parser.DefaultOptions().MaxDepth
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		src, _ := decode(data)
		if cloneEstimate(src, maxClones) >= maxClones {
			b.Fatal("clones")
		}
		scanPage(src, true, maxDepth, maxTags, maxCells, 2*parser.MaxTextBytes)
	}
}

func BenchmarkDecode(b *testing.B) {
	data := benchPage(b)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		decode(data)
	}
}

func BenchmarkCloneEstimate(b *testing.B) {
	src := string(benchPage(b))
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		cloneEstimate(src, maxClones)
	}
}

func BenchmarkScanPage(b *testing.B) {
	src := string(benchPage(b))
	maxTags, maxCells := pageLimits(parser.DefaultOptions())
	maxDepth := parser.DefaultOptions().MaxDepth
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		scanPage(src, true, maxDepth, maxTags, maxCells, 2*parser.MaxTextBytes)
	}
}

// BenchmarkPscan is the page scan's tokenizer alone.
func BenchmarkPscan(b *testing.B) {
	src := string(benchPage(b))
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		p := pscan{s: src}
		for p.next() != 0 {
		}
	}
}
