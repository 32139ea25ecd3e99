package html

import (
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/reportlint/reportlint/parser"
)

// locRef is srcIndex.loc as it was before lineOf counted on from the last
// line: the same line as the last offset, or a binary search.
func (ix *srcIndex) locRef(off int) parser.Loc {
	if off < 0 {
		return parser.Loc{}
	}
	off = min(off, len(ix.src))
	var l int
	if p := ix.last; p.line > 0 && p.off <= off && (p.line == len(ix.lines) || off < ix.lines[p.line]) {
		l = p.line
	} else {
		l = sort.SearchInts(ix.lines, off+1)
	}
	start := ix.lines[l-1]
	if off-start < 4*runeStep {
		col := ix.nearColumn(l, start, off)
		ix.last = lastLoc{line: l, off: off, col: col}
		return parser.Loc{Line: l, Column: col}
	}
	return parser.Loc{Line: l, Column: ix.runes(off) - ix.runes(start) + 1}
}

// matchTextRef is srcIndex.matchText as it was, without the quick checks.
func (ix *srcIndex) matchTextRef(off int, text string) (int, bool) {
	want := strings.TrimLeftFunc(text, isSpace)
	if want == "" {
		return 0, false
	}
	r, _ := utf8.DecodeRuneInString(want)
	src := ix.src
	for off < len(src) {
		c, size := utf8.DecodeRuneInString(src[off:])
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u00a0' || c == '\u3000':
			off += size
			continue
		case strings.HasPrefix(src[off:], "&nbsp;"):
			off += len("&nbsp;")
			continue
		case c == r:
			return off, true
		case c == '&':
			return off, true
		}
		return 0, false
	}
	return 0, false
}

// checkLocs asks loc and locRef (each on an index of its own) for the
// offsets in order, and matchText and matchTextRef for the text at them.
func checkLocs(t *testing.T, src string, offs []int) {
	ix, ref := newSrcIndex(src), newSrcIndex(src)
	for _, off := range offs {
		if got, want := ix.loc(off), ref.locRef(off); got != want {
			t.Fatalf("%.60q offset %d: %+v, want %+v", src, off, got, want)
		}
		if off < 0 || off > len(src) {
			continue
		}
		for _, text := range []string{src[off:], src[off:min(len(src), off+2)], "甲", "&", " a", "a"} {
			gp, gok := ix.matchText(off, text)
			wp, wok := ix.matchTextRef(off, text)
			if gp != wp || gok != wok {
				t.Fatalf("%.60q matchText(%d, %.20q) = %d %v, want %d %v", src, off, text, gp, gok, wp, wok)
			}
		}
	}
}

// TestLocMatchesRef holds loc and matchText to their frozen versions on the
// pages, asked as the reader asks (at every element's tag, in document
// order) and in random order.
func TestLocMatchesRef(t *testing.T) {
	for _, data := range goldenPages(t) {
		src, _ := decode(data)
		var offs []int
		for i := 0; i < len(src); i++ {
			if src[i] == '<' || src[i] == '>' {
				offs = append(offs, i, i+1)
			}
		}
		for k := 0; k+7 < len(offs); k += 97 {
			offs[k], offs[k+7] = offs[k+7], offs[k] // a few steps back
		}
		checkLocs(t, src, offs)
	}
}

func FuzzLoc(f *testing.F) {
	f.Add("a\nb\r\nc\rd甲\n", []byte{0, 1, 2, 9, 3, 5})
	f.Add(strings.Repeat("甲乙a\r\n", 30)+strings.Repeat("丙", 500), []byte{1, 200, 255, 3, 90})
	f.Fuzz(func(t *testing.T, src string, steps []byte) {
		var offs []int
		off := 0
		for _, s := range steps {
			switch {
			case s == 255:
				off = len(src) + 1
			case s >= 200:
				off -= int(s - 200)
			default:
				off += int(s)
			}
			offs = append(offs, off)
		}
		checkLocs(t, src, offs)
	})
}
