package html

import (
	"errors"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	stock "golang.org/x/net/html"

	"github.com/reportlint/reportlint/parser"
	"github.com/reportlint/reportlint/parser/html/internal/xhtml"
)

// FuzzParse: any input either parses or fails with a *parser.ReadError; it
// never panics, and every location it gives lies within the source.
func FuzzParse(f *testing.F) {
	files, _ := os.ReadDir("../../fixtures/html")
	for _, e := range files {
		if b, err := os.ReadFile("../../fixtures/html/" + e.Name()); err == nil && len(b) < 200_000 {
			f.Add(b)
		}
	}
	f.Add([]byte(sloppy))
	f.Fuzz(func(t *testing.T, data []byte) {
		opts := parser.DefaultOptions()
		opts.MaxDepth = 64
		opts.MaxCells = 5000
		doc, err := Parse("fuzz.html", data, opts)
		if err != nil {
			var re *parser.ReadError
			if !errors.As(err, &re) {
				t.Fatalf("error is not a ReadError: %v", err)
			}
			return
		}
		src, _ := decode(data)
		lines := len(sourceLines(src))
		check := func(l parser.Loc) {
			if l.Line < 0 || l.Line > lines || l.Column < 0 {
				t.Fatalf("location %+v outside the %d-line source", l, lines)
			}
		}
		for _, b := range doc.Blocks {
			if b.Para != nil {
				check(b.Para.Loc)
				continue
			}
			if b.Image != nil {
				check(b.Image.Loc)
				continue
			}
			for _, r := range b.Table.Rows {
				check(r.Loc)
				for _, c := range r.Cells {
					check(c.Loc)
				}
			}
			if g := b.Table.Grid(); len(g)*len(g[0]) > opts.MaxCells {
				t.Fatalf("table grid %dx%d over MaxCells", len(g), len(g[0]))
			}
		}
	})
}

// BenchmarkParseWordExport parses the Word "save as web page" fixture
// (124 KB, 1,950 lines, three tables with rowspan/colspan).
func BenchmarkParseWordExport(b *testing.B) {
	data, err := os.ReadFile("../../fixtures/html/clean-word-export.html")
	if err != nil {
		b.Fatal(err)
	}
	opts := parser.DefaultOptions()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse("bench.html", data, opts); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzTextHelpers holds the text helpers' fast paths to their reference
// copies (text_ref_test.go).
func FuzzTextHelpers(f *testing.F) {
	for _, s := range textAlphabet {
		f.Add(s, "a"+s)
	}
	f.Fuzz(func(t *testing.T, s, p string) {
		checkTextHelpers(t, s, []string{p, s, p})
	})
}

// FuzzTreeMatchesStock holds internal/xhtml's tree (nodes allocated in
// slabs, the tokenizer's fast paths) to the one golang.org/x/net/html
// builds from the page with positions injected, as
// TestForkTreeMatchesInjectedParse does on the fixtures. Pages with
// foreign content (svg, math) are left out: there the injector, which
// tokenizes the page without the parser's state, misses tags the parser
// reads as HTML (<svg><title><a>).
func FuzzTreeMatchesStock(f *testing.F) {
	for _, s := range append(append([]string{}, treeCases...), sloppy) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		low := strings.ToLower(src)
		if !utf8.ValidString(src) || strings.Contains(low, "<svg") || strings.Contains(low, "<math") {
			return
		}
		injected, ends := injectPositions(src)
		want, err := stock.Parse(strings.NewReader(injected))
		if err != nil {
			t.Fatal(err)
		}
		got, err := xhtml.ParseBytes([]byte(src), 0, nil)
		if err != nil {
			return // over the parser's own limits
		}
		if err := sameTree(got, want, ends, "fuzz"); err != nil {
			t.Fatalf("%v\n%.200q", err, src)
		}
	})
}

// FuzzScanPageSame: the fast page scan (pscan) finds the Tokenizer's
// tokens and gives what the Tokenizer-based reference scan gives, under
// every limit, for any input.
func FuzzScanPageSame(f *testing.F) {
	files, _ := os.ReadDir("../../fixtures/html")
	for _, e := range files {
		if b, err := os.ReadFile("../../fixtures/html/" + e.Name()); err == nil && len(b) < 200_000 {
			f.Add(b)
		}
	}
	for _, s := range scanSnippets {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		// the limits of scanParams, fewer at a time: a different pair for
		// each input
		src := string(data)
		checkTokensSame(t, "fuzz", src)
		checkCompactSame(t, src)
		pr := scanParams[len(data)%len(scanParams)]
		checkScanOnce(t, "fuzz", src, true, pr.depth, pr.tags, pr.cells, pr.text)
		checkScanOnce(t, "fuzz", src, true, 128, 0, 0, 0)
		checkScanOnce(t, "fuzz", src, false, pr.depth, pr.tags, pr.cells, pr.text)
		if dec, _ := decode(data); dec != src {
			checkTokensSame(t, "fuzz decoded", dec)
			checkScanOnce(t, "fuzz decoded", dec, true, 128, 0, 0, 0)
		}
	})
}

// FuzzByteScans: the byte-level fast paths before the scan (validUTF8,
// unbalancedFormatting) agree with utf8.Valid and the byte-by-byte count.
func FuzzByteScans(f *testing.F) {
	for _, s := range utf8Samples {
		f.Add([]byte(s))
	}
	for _, s := range scanSnippets {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if got, want := validUTF8(data), utf8.Valid(data); got != want {
			t.Fatalf("%q: validUTF8 %v, utf8.Valid %v", data, got, want)
		}
		if got, want := validUTF8Ref(data), utf8.Valid(data); got != want {
			t.Fatalf("%q: validUTF8Ref %v, utf8.Valid %v", data, got, want)
		}
		if got, want := unbalancedFormatting(string(data)), unbalancedFormattingRef(string(data)); got != want {
			t.Fatalf("%q: unbalancedFormatting %d, byte by byte %d", data, got, want)
		}
		if got, want := unbalancedFormattingPrev(string(data)), unbalancedFormattingRef(string(data)); got != want {
			t.Fatalf("%q: unbalancedFormattingPrev %d, byte by byte %d", data, got, want)
		}
	})
}
