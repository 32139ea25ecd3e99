package xhtml

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// leanPage is the input parser/html's lean path gives ParsePieces for a
// generated site-chrome page (scripts/bench/gen.py): the page's head, then
// the kept part of its body, and the pieces mapping it back to the page.
func leanPage(tb testing.TB) ([]byte, []Piece) {
	src, err := os.ReadFile("testdata/lean-site-chrome.html")
	if err != nil {
		tb.Fatal(err)
	}
	lines, err := os.ReadFile("testdata/lean-site-chrome.pieces")
	if err != nil {
		tb.Fatal(err)
	}
	var pieces []Piece
	for _, l := range strings.Split(strings.TrimSpace(string(lines)), "\n") {
		var p Piece
		if _, err := fmt.Sscan(l, &p.At, &p.Orig); err != nil {
			tb.Fatal(err)
		}
		pieces = append(pieces, p)
	}
	return src, pieces
}

// BenchmarkParsePieces parses the lean input of a site-chrome page.
func BenchmarkParsePieces(b *testing.B) {
	src, pieces := leanPage(b)
	buf := make([]byte, len(src))
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		copy(buf, src)
		if _, err := ParsePieces(buf, pieces, nil); err != nil {
			b.Fatal(err)
		}
	}
}
