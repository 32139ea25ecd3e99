package html

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	xhtml "github.com/reportlint/reportlint/parser/html/internal/xhtml"
)

// refTextMap is the text map as it was, with element ranges in a map; the
// test below holds the body and title finders of the slice-based map to it.
type refTextMap struct {
	*textMap
	rng map[*xhtml.Node][2]int
}

func newRefTextMap(m *textMap) *refTextMap {
	r := &refTextMap{textMap: m, rng: map[*xhtml.Node][2]int{}}
	for i, e := range m.elems {
		r.rng[e] = m.rngs[i]
	}
	return r
}

func (m *refTextMap) body(root *xhtml.Node) (_ *xhtml.Node, outer bool) {
	occ := make([][]int, len(markers))
	for i, mk := range markers {
		for off := 0; ; {
			j := strings.Index(m.text[off:], mk)
			if j < 0 {
				break
			}
			occ[i] = append(occ[i], off+j)
			off += j + len(mk)
		}
	}
	score := func(r [2]int) int {
		s := 0
		for i, mk := range markers {
			k := sort.SearchInts(occ[i], r[0])
			if k < len(occ[i]) && occ[i][k]+len(mk) <= r[1] {
				s++
			}
		}
		return s
	}
	var best *xhtml.Node
	bestScore, bestLen := 0, 0
	for _, e := range m.elems {
		r := m.rng[e]
		s := score(r)
		if n := m.length(e, r); s > bestScore || (s == bestScore && s > 0 && n < bestLen) {
			best, bestScore, bestLen = e, s, n
		}
	}
	if best == nil || bestScore < 3 {
		for _, e := range m.elems {
			if isCMS(e) && m.rng[e][1]-m.rng[e][0] > 0 {
				return e, true
			}
		}
		for _, e := range m.elems {
			if e.Data == "body" {
				return e, true
			}
		}
		return root, true
	}
	if outerElem(best) {
		return best, true
	}
	// Widen to a CMS container that adds at most a title and a preface.
	for a := best.Parent; a != nil; a = a.Parent {
		r, ok := m.rng[a]
		if !ok {
			break
		}
		extra := m.length(a, r) - bestLen
		if extra > 1500 || extra > bestLen/5 {
			break
		}
		if isCMS(a) {
			best = a
		}
	}
	return best, outer
}

func (m *refTextMap) titleBefore(body *xhtml.Node) *xhtml.Node {
	r, ok := m.rng[body]
	if !ok {
		return nil
	}
	// The body already starts with its title.
	head := m.text[r[0]:r[1]]
	if i := strings.Index(head, "年度报告"); i >= 0 && i < 400 {
		return nil
	}
	before := m.text[:r[0]]
	i := strings.LastIndex(before, "年度报告")
	if i < 0 {
		return nil
	}
	// The innermost block element holding that occurrence.
	var blk *xhtml.Node
	for _, e := range m.elems {
		er := m.rng[e]
		if er[0] <= i && i+len("年度报告") <= er[1] && er[1] <= r[0] && isBlockTag(e.Data) {
			if blk == nil || er[1]-er[0] <= m.rng[blk][1]-m.rng[blk][0] {
				blk = e
			}
		}
	}
	if blk == nil {
		return nil
	}
	br := m.rng[blk]
	t := m.text[br[0]:br[1]]
	if utf8.RuneCountInString(t) > 100 || !yearInTitle.MatchString(t) {
		return nil
	}
	return blk
}

func TestBodyFinderMatchesRef(t *testing.T) {
	pages := leanPages(t)
	files, _ := filepath.Glob("/tmp/rb/html/r0[0-1]*.html")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		pages[f] = data
	}
	for name, data := range pages {
		src, _ := decode(data)
		root, err := xhtml.ParseBytes([]byte(src), 0, nil)
		if err != nil {
			continue
		}
		m := buildTextMap(root, 0, 0)
		ref := newRefTextMap(m)
		got, gotOuter := m.body(root)
		want, wantOuter := ref.body(root)
		if got != want || gotOuter != wantOuter {
			t.Fatalf("%s: body %v %v, want %v %v", name, got.Data, gotOuter, want.Data, wantOuter)
		}
		probes := []*xhtml.Node{root, got}
		for k := 0; k < len(m.elems); k += 1 + len(m.elems)/40 {
			probes = append(probes, m.elems[k])
		}
		for _, n := range probes {
			if m.titleBefore(n) != ref.titleBefore(n) {
				t.Fatalf("%s: titleBefore(%s) differs", name, n.Data)
			}
		}
	}
}
