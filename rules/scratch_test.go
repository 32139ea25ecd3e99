package rules

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

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
