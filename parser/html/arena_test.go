package html

import (
	"math/rand"
	"os"
	"path/filepath"
	"testing"

	"github.com/reportlint/reportlint/parser"
)

// Strings cut from one arena, as the walker cuts paragraph and cell texts,
// equal the reference helpers' results, and stay so while the arena goes
// on (no later write changes an earlier string), across buffer changes and
// growth past the room begin made (invalid bytes become U+FFFD, 3 bytes).
func TestArenaStringsStay(t *testing.T) {
	rng := rand.New(rand.NewSource(11))
	var a, raw arena
	var got, want []string
	for i := 0; i < 30000; i++ {
		if i%3 == 0 {
			// flush: the raw text written piece by piece, normalised.
			raw.begin(256)
			for k := rng.Intn(4); k >= 0; k-- {
				raw.b.WriteString(randText(rng))
			}
			s := raw.text()
			a.begin(len(s))
			normTo(&a.b, s)
			got = append(got, a.text())
			want = append(want, normTextRef(s))
			continue
		}
		pieces := make([]string, rng.Intn(5))
		for k := range pieces {
			pieces[k] = randText(rng)
		}
		got = append(got, joinPiecesTo(&a, pieces))
		want = append(want, joinPiecesRef(pieces))
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("string %d = %q, want %q", i, got[i], want[i])
		}
	}
}

// A table's rows share one slice of cells: each row's capacity ends at its
// length, so appending to one row never overwrites the next. Paragraphs
// come from a slab: each block has its own.
func TestRowCellsCapped(t *testing.T) {
	files, _ := filepath.Glob("../../fixtures/html/*.html")
	tables := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := Parse(f, data, parser.DefaultOptions())
		if err != nil {
			continue
		}
		paras := map[*parser.Paragraph]bool{}
		for _, b := range doc.Blocks {
			if b.Para != nil {
				if paras[b.Para] {
					t.Fatalf("%s: paragraph %q twice", f, b.Para.Text)
				}
				paras[b.Para] = true
			}
			if b.Table == nil {
				continue
			}
			tables++
			for i, r := range b.Table.Rows {
				if cap(r.Cells) != len(r.Cells) {
					t.Fatalf("%s: table %d row %d: %d cells, capacity %d", f, b.Table.Ord, i, len(r.Cells), cap(r.Cells))
				}
			}
		}
	}
	if tables == 0 {
		t.Fatal("no tables in the fixtures")
	}
}
