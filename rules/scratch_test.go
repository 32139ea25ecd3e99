package rules

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/reportlint/reportlint/parser"
	"github.com/reportlint/reportlint/parser/load"
)

// readNarrativeFresh is readNarrative as it was: every sentence read in
// storage of its own.
func readNarrativeFresh(r *parser.Report) *stated {
	s := &stated{sents: narrativeSentences(r)}
	s.stmts = make([][]statement, len(s.sents))
	s.ctx = sentenceContexts(r, s.sents)
	useSections := len(r.Sections) > 0
	for i := range s.sents {
		sent := &s.sents[i]
		if useSections && !narrativeSections[sent.Section] {
			continue
		}
		s.stmts[i] = readStatements(r, sent, s.ctx[i])
	}
	return s
}

func sameNarrative(t *testing.T, name string, r *parser.Report) {
	t.Helper()
	got, want := readNarrative(r), readNarrativeFresh(r)
	if len(got.stmts) != len(want.stmts) {
		t.Fatalf("%s: %d sentences, fresh %d", name, len(got.stmts), len(want.stmts))
	}
	for i := range got.stmts {
		g, w := got.stmts[i], want.stmts[i]
		if len(g) != len(w) {
			t.Fatalf("%s: sentence %q: %d statements, fresh %d", name, got.sents[i].Text, len(g), len(w))
		}
		for j := range g {
			// the sentence pointers are to each reading's own sentences
			a, b := g[j], w[j]
			a.sent, b.sent = nil, nil
			if !reflect.DeepEqual(a, b) {
				t.Fatalf("%s: sentence %q: statement %d %+v, fresh %+v", name, got.sents[i].Text, j, a, b)
			}
		}
	}
}

// Sentences read one after another in shared storage (readNarrative's
// scratch) give the statements each gives read on its own: every fixture
// and every narrative corpus case.
func TestScratchReadsAsFresh(t *testing.T) {
	var files []string
	for _, dir := range []string{"../fixtures/text", "../fixtures/html", "../fixtures/docx"} {
		fs, _ := filepath.Glob(dir + "/*")
		files = append(files, fs...)
	}
	n := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		rep, err := load.Bytes(f, data, parser.DefaultOptions())
		if err != nil || rep == nil {
			continue
		}
		sameNarrative(t, f, rep)
		n++
	}
	for _, c := range corpus {
		sameNarrative(t, c.prose, buildCorpusReport(t, c, c.prose))
		n++
	}
	if n < 50 {
		t.Fatalf("only %d reports", n)
	}
}

func sameRunesOf(t *testing.T, s string) {
	t.Helper()
	rs, off, valid := runesOf(nil, nil, s)
	if !slices.Equal(rs, []rune(s)) || valid != utf8.ValidString(s) || len(off) != len(rs)+1 || int(off[len(rs)]) != len(s) {
		t.Fatalf("runesOf(%q) = %q %v %v", s, rs, off, valid)
	}
	k := 0
	for p := range s {
		if int(off[k]) != p {
			t.Fatalf("runesOf(%q): rune %d at %d, range %d", s, k, off[k], p)
		}
		k++
	}
	if !valid {
		return
	}
	if got, want := runeIndexOfValid(nil, off, len(s)), runeIndex(s); !slices.Equal(got, want) {
		t.Fatalf("runeIndexOfValid(%q) = %v, runeIndex %v", s, got, want)
	}
	sc := &scan{rs: rs, folded: s, off: off, valid: true}
	for a := 0; a <= len(rs); a++ {
		for b := a; b <= len(rs) && b <= a+12; b++ {
			if got, want := sc.sub(a, b), string(rs[a:b]); got != want {
				t.Fatalf("%q: sub(%d, %d) = %q, want %q", s, a, b, got, want)
			}
		}
	}
}

// runesOf is []rune with the runes' offsets; on valid text the rune index
// made from them is runeIndex, and scan.sub cuts what string(rs[a:b])
// makes.
func TestRunesOfIsRuneConversion(t *testing.T) {
	words := []string{"。", "中", "a", "é", "𝄞", "\ufffd", "\xe4", "\xe4\xb8", "\x80", "\xed\xa0\x80", "\xff", "１", " "}
	rng := uint64(9)
	rnd := func(n int) int {
		rng = rng*6364136223846793005 + 1442695040888963407
		return int(rng>>33) % n
	}
	texts := []string{"", "收到申请29件，予以公开11件。"}
	for range randomInputs(20000, 200000, 2000) {
		var b strings.Builder
		for range rnd(20) {
			b.WriteString(words[rnd(len(words))])
		}
		texts = append(texts, b.String())
	}
	for _, s := range texts {
		sameRunesOf(t, s)
	}
}

func FuzzRunesOf(f *testing.F) {
	for _, s := range []string{"", "中a\xe4", "𝄞é", "\xed\xa0\x80"} {
		f.Add(s)
	}
	f.Fuzz(sameRunesOf)
}
