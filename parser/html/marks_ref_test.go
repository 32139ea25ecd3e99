package html

import (
	"math/rand"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	xhtml "github.com/reportlint/reportlint/parser/html/internal/xhtml"
)

// indexAll is how the finders found a string before scanMarks: the
// non-overlapping occurrences, one strings.Index scan each.
func indexAll(t, s string) []int {
	var out []int
	for off := 0; ; {
		j := strings.Index(t[off:], s)
		if j < 0 {
			return out
		}
		out = append(out, off+j)
		off += j + len(s)
	}
}

// scanMarksRef is scanMarks by strings.Index scans.
func scanMarksRef(t string) *pageMarks {
	pm := &pageMarks{occ: make([][]int, len(markers))}
	for i, mk := range markers {
		pm.occ[i] = indexAll(t, mk)
		pm.all = append(pm.all, pm.occ[i]...)
	}
	sort.Ints(pm.all)
	pm.title = indexAll(t, titleWord)
	for _, l := range pubLabels {
		pm.labels = append(pm.labels, indexAll(t, l)...)
	}
	sort.Ints(pm.labels)
	return pm
}

// pubDatesRef is pubDates as it was: the labels found by strings.Index.
func pubDatesRef(text string) [][]int {
	var starts []int
	for _, l := range pubLabels {
		starts = append(starts, indexAll(text, l)...)
	}
	sort.Ints(starts)
	var out [][]int
	end := 0
	for k, i := range starts {
		if i < end || k > 0 && starts[k-1] == i {
			continue
		}
		mt := pubDate.FindStringSubmatchIndex(text[i:min(len(text), i+pubDateLen)])
		if mt == nil || mt[0] != 0 {
			continue
		}
		for x := range mt {
			if mt[x] >= 0 {
				mt[x] += i
			}
		}
		out = append(out, mt)
		end = mt[1]
	}
	return out
}

// publishedRef is textMap.published as it was.
func (m *textMap) publishedRef() (time.Time, *xhtml.Node) {
	var fallback time.Time
	var fbNode *xhtml.Node
	for _, mt := range pubDatesRef(m.text) {
		y, mo, d := atoi(m.text[mt[4]:mt[5]]), atoi(m.text[mt[6]:mt[7]]), atoi(m.text[mt[8]:mt[9]])
		if mo < 1 || mo > 12 || d < 1 || d > 31 || y < 1990 || y > 2100 {
			continue
		}
		t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
		if t.Day() != d {
			continue
		}
		label := m.text[mt[2]:mt[3]]
		if label == "成文日期" || label == "发文日期" {
			if fallback.IsZero() {
				fallback, fbNode = t, m.nodeAt(mt[0])
			}
			continue
		}
		return t, m.nodeAt(mt[0])
	}
	return fallback, fbNode
}

func sameMarks(a, b *pageMarks) bool {
	norm := func(x []int) []int {
		if len(x) == 0 {
			return nil
		}
		return x
	}
	for i := range markers {
		if !reflect.DeepEqual(norm(a.occ[i]), norm(b.occ[i])) {
			return false
		}
	}
	return reflect.DeepEqual(norm(a.all), norm(b.all)) && reflect.DeepEqual(norm(a.title), norm(b.title)) &&
		reflect.DeepEqual(norm(a.labels), norm(b.labels))
}

// markTexts are texts to hold scanMarks to: random strings of the marked
// strings, pieces and stray bytes of them, CJK and ASCII.
func markTexts(n int, seed int64) []string {
	var pieces []string
	for _, s := range append(append(append([]string{titleWord}, markers...), pubLabels...), "2025", "：", "年", "情况", "政府", "x", " ", "\xe6", "\x80", "\xe6\x80", "\xef\xbc\x9a") {
		pieces = append(pieces, s)
		pieces = append(pieces, s[:len(s)/2], s[len(s)/2:])
	}
	rng := rand.New(rand.NewSource(seed))
	var out []string
	for range n {
		var b strings.Builder
		for range rng.Intn(40) {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		out = append(out, b.String())
	}
	return out
}

// TestScanMarksMatchesIndex holds scanMarks, and the finders that use it,
// to the strings.Index scans it replaced, on the text maps of the pages and
// on random texts.
func TestScanMarksMatchesIndex(t *testing.T) {
	texts := markTexts(5000, 7)
	for name, data := range goldenPages(t) {
		src, _ := decode(data)
		root, err := xhtml.ParseBytes([]byte(src), 0, nil)
		if err != nil {
			continue
		}
		m := buildTextMap(root, 0, 0)
		texts = append(texts, m.text)
		if !sameMarks(scanMarks(m.text), scanMarksRef(m.text)) {
			t.Fatalf("%s: marks differ", name)
		}
		gt, gn := m.published()
		wt, wn := m.publishedRef()
		if !gt.Equal(wt) || gn != wn {
			t.Fatalf("%s: published %v %p, want %v %p", name, gt, gn, wt, wn)
		}
		ref := newRefTextMap(m)
		got, gotOuter := m.body(root)
		want, wantOuter := ref.body(root)
		if got != want || gotOuter != wantOuter {
			t.Fatalf("%s: body differs", name)
		}
		for k := 0; k < len(m.elems); k += 1 + len(m.elems)/20 {
			if n := m.elems[k]; m.titleBefore(n) != ref.titleBefore(n) {
				t.Fatalf("%s: titleBefore(%s) differs", name, n.Data)
			}
		}
	}
	for _, s := range texts {
		if !sameMarks(scanMarks(s), scanMarksRef(s)) {
			t.Fatalf("%q: marks differ", s)
		}
		if !reflect.DeepEqual(pubDates(s), pubDatesRef(s)) {
			t.Fatalf("%q: pubDates differ", s)
		}
	}
}

func FuzzScanMarks(f *testing.F) {
	for _, s := range markTexts(50, 3) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !sameMarks(scanMarks(s), scanMarksRef(s)) {
			t.Fatalf("%q: marks differ", s)
		}
		if !reflect.DeepEqual(pubDates(s), pubDatesRef(s)) {
			t.Fatalf("%q: pubDates differ", s)
		}
	})
}
