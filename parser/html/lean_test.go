package html

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/reportlint/reportlint/parser"
	"github.com/reportlint/reportlint/parser/html/internal/xhtml"
)

// leanUsed reports whether Parse took the lean path for a page.
func leanUsed(t *testing.T, data []byte) bool {
	t.Helper()
	src, _ := decode(data)
	opts := parser.DefaultOptions()
	sc := scanPage(src, true, opts.MaxDepth, 0, 0, 0)
	if sc.plan == nil {
		return false
	}
	buf, pieces := sc.plan.source(src)
	root, err := xhtml.ParsePieces(buf, pieces, nil)
	if err != nil {
		t.Fatal(err)
	}
	return read("t.html", root, newSrcIndex(src), opts, sc.count.tags, len(buf), sc.plan.bodyText) != nil
}

// leanPages are the pages the lean path is held to: every HTML fixture,
// the benchmark page, and layouts written without looking at the fixtures.
func leanPages(t *testing.T) map[string][]byte {
	pages := map[string][]byte{}
	files, _ := filepath.Glob("../../fixtures/html/*.html")
	more, _ := filepath.Glob("testdata/*.html")
	for _, f := range append(files, more...) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		pages[filepath.Base(f)] = data
	}
	pages["bench-site-chrome"] = chromePage(t)
	for k, v := range unseenPages(t) {
		pages["unseen-"+k] = v
	}
	return pages
}

// TestLeanMatchesFull: the lean path gives exactly the Document the full
// parse gives, on every page.
func TestLeanMatchesFull(t *testing.T) {
	used := 0
	for name, data := range leanPages(t) {
		opts := parser.DefaultOptions()
		full, errF := parseDoc(name, data, opts, false)
		lean, errL := parseDoc(name, data, opts, true)
		if (errF == nil) != (errL == nil) {
			t.Errorf("%s: full error %v, lean error %v", name, errF, errL)
			continue
		}
		if !reflect.DeepEqual(full, lean) {
			t.Errorf("%s: lean Document differs from the full parse\nfull: %s\nlean: %s", name, summary(full), summary(lean))
		}
		if leanUsed(t, data) {
			used++
			t.Logf("%s: lean", name)
		}
	}
	// The site-chrome fixtures, the benchmark page and most unseen
	// layouts take the lean path; the rest are read in full.
	if used < 8 {
		t.Fatalf("the lean path was taken for %d pages only", used)
	}
}

func summary(d *parser.Document) string {
	if d == nil {
		return "<nil>"
	}
	var b strings.Builder
	b.WriteString(d.Meta.Title + " | " + d.Meta.Published.String() + "\n")
	for i, bl := range d.Blocks {
		if i > 12 {
			break
		}
		if bl.Para != nil {
			b.WriteString("P " + bl.Para.Text + "\n")
		} else if bl.Table != nil {
			b.WriteString("T\n")
		}
	}
	return b.String()
}

// keepWanted keeps exactly the segments a brute-force search would.
func TestKeepWanted(t *testing.T) {
	pieces := append(append([]string{"年", "度", "报告", "总体", "情况", "x", "１", "发布", "：2025-01-02", "日期"}, markers...), pubLabels...)
	for seed := range 300 {
		var b strings.Builder
		for k := 0; k < 40; k++ {
			b.WriteString(pieces[(seed*7+k*k*13+k)%len(pieces)])
		}
		text := b.String()
		mk := func() *leanPlan {
			p := &leanPlan{}
			for i := 0; i < len(text); i += 17 {
				p.segs = append(p.segs, leanSeg{tStart: i, tEnd: min(i+17, len(text))})
			}
			return p
		}
		got, want, marked := mk(), mk(), mk()
		got.keepWanted(text)
		marked.keepMarked(text, bloomMarks(text, nil))
		if !reflect.DeepEqual(got.segs, marked.segs) {
			t.Fatalf("seed %d: keepMarked and keepWanted differ for %q", seed, text)
		}
		for _, w := range leanWanted {
			for i := 0; i+len(w) <= len(text); i++ {
				if strings.HasPrefix(text[i:], w) {
					want.keepText(i, i+len(w))
				}
			}
		}
		for _, w := range pubLabels {
			for i := 0; i+len(w) <= len(text); i++ {
				if strings.HasPrefix(text[i:], w) {
					want.keepText(i, i+pubDateLen)
				}
			}
		}
		if !reflect.DeepEqual(got.segs, want.segs) {
			t.Fatalf("seed %d: kept segments differ for %q", seed, text)
		}
	}
}

// bloomMarks appends to marks where each three-byte rune of t in
// wantedBloom starts: what writeCompactRuns marks in what it writes.
func bloomMarks(t string, marks []int) []int {
	for i := 0; i < len(t); {
		r, size := utf8.DecodeRuneInString(t[i:])
		if size == 3 && wantedBloom[r%1024] {
			marks = append(marks, i)
		}
		i += size
	}
	return marks
}
