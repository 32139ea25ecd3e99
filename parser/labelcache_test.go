package parser_test

import (
	"math/rand/v2"
	"reflect"
	"sort"
	"sync"
	"testing"

	"github.com/reportlint/reportlint/parser"
)

// cacheModes are the label cache settings the differential tests run
// under: disabled, tiny (it starts afresh within a document, many times),
// small and the default.
var cacheModes = []struct {
	name           string
	entries, bytes int
}{
	{"disabled", 0, 0},
	{"tiny", 3, 1 << 20},
	{"tinybytes", 1 << 10, 700},
	{"small", 40, 8 << 10},
	{"default", -1, -1},
}

func setCacheMode(t *testing.T, entries, bytes int) {
	t.Helper()
	if entries < 0 {
		parser.DefaultLabelCacheLimits()
	} else {
		parser.SetLabelCacheLimits(entries, bytes)
	}
	t.Cleanup(parser.DefaultLabelCacheLimits)
}

// Recognize gives the reference path's Report with the label cache cold
// (started afresh before each document), warm (the documents one after
// another in several orders, fixtures and mutations mixed), tiny or
// disabled.
func TestRecognizeLabelCacheMatchesReference(t *testing.T) {
	docs := fixtureDocuments(t)
	var paths []string
	var pool []string
	for p, doc := range docs {
		paths = append(paths, p)
		pool = append(pool, documentTexts(doc)...)
	}
	sort.Strings(paths)
	rng := rand.New(rand.NewPCG(3, 14))
	var all []*parser.Document
	for _, p := range paths {
		all = append(all, docs[p])
	}
	rounds := 1
	if testing.Short() {
		rounds = 0
	}
	for i := range len(paths) * rounds {
		all = append(all, mutate(docs[paths[i%len(paths)]], pool, rng))
	}
	want := make([]*parser.Report, len(all))
	for i, doc := range all {
		want[i] = parser.RecognizeRef(doc)
	}
	for _, m := range cacheModes {
		t.Run(m.name, func(t *testing.T) {
			setCacheMode(t, m.entries, m.bytes)
			for order := range 2 {
				perm := rng.Perm(len(all))
				if order == 0 {
					perm = perm[:0]
					for i := range all {
						perm = append(perm, i)
					}
				}
				for _, i := range perm {
					if got := parser.Recognize(all[i]); !reflect.DeepEqual(got, want[i]) {
						t.Fatalf("order %d, %s (document %d): Recognize differs from the reference path", order, all[i].Path, i)
					}
				}
			}
			// cold: afresh before each document
			for i, doc := range all[:len(paths)] {
				setCacheMode(t, m.entries, m.bytes)
				if got := parser.Recognize(doc); !reflect.DeepEqual(got, want[i]) {
					t.Fatalf("cold, %s (document %d): Recognize differs from the reference path", doc.Path, i)
				}
			}
		})
	}
}

// Recognitions running in several goroutines at once (as a batch run in
// one process does) each get the reference path's Report.
func TestRecognizeLabelCacheConcurrent(t *testing.T) {
	docs := fixtureDocuments(t)
	var list []*parser.Document
	for _, doc := range docs {
		list = append(list, doc)
	}
	want := make([]*parser.Report, len(list))
	for i, doc := range list {
		want[i] = parser.RecognizeRef(doc)
	}
	for _, m := range cacheModes {
		t.Run(m.name, func(t *testing.T) {
			setCacheMode(t, m.entries, m.bytes)
			var wg sync.WaitGroup
			errs := make(chan string, 4*len(list))
			for g := range 4 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					rng := rand.New(rand.NewPCG(uint64(g), 7))
					for _, i := range rng.Perm(len(list)) {
						if got := parser.Recognize(list[i]); !reflect.DeepEqual(got, want[i]) {
							errs <- list[i].Path
						}
					}
				}()
			}
			wg.Wait()
			close(errs)
			for p := range errs {
				t.Errorf("%s: a concurrent Recognize differs from the reference path", p)
			}
		})
	}
}
