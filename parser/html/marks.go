package html

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// pageMarks are where the strings the body, title and date finders look
// for occur in a text map's text, found in one pass over it (instead of one
// strings.Index scan per string: the text is mostly CJK, whose UTF-8 lead
// bytes are few, so a byte search stops at almost every rune).
type pageMarks struct {
	// occ[i] lists the offsets of markers[i], all lists in increasing
	// order; all merges them.
	occ [][]int
	all []int
	// title lists the offsets of titleWord ("年度报告"), labels those of
	// any of pubLabels.
	title, labels []int
}

// titleWord is what titleBefore looks for.
const titleWord = "年度报告"

// markWord is one string the scan looks for: markers[i] (kind markWord),
// titleWord or one of pubLabels.
type markWord struct {
	s    string
	kind int // 0..len(markers)-1: that marker; or kindTitle, kindLabel
}

const (
	kindTitle = -1 - iota
	kindLabel
)

// markWords[markKey[k]-1] are the words whose first rune has the low twelve
// bits k (every word starts with a three-byte rune, whose last two bytes
// carry those bits): a table lookup rules out almost every rune of the text.
var markWords, markKey, minMarkerLen = func() (words [][]markWord, key [1 << 12]uint8, minLen int) {
	add := func(s string, kind int) {
		r, size := utf8.DecodeRuneInString(s)
		if size != 3 {
			panic("html: a marked string must start with a three-byte rune: " + s)
		}
		// One pass finds every occurrence; the strings.Index scans it
		// replaces found the non-overlapping ones, which are the same
		// only when no string overlaps itself.
		for k := 1; k < len(s); k++ {
			if strings.HasPrefix(s, s[k:]) {
				panic("html: a marked string overlaps itself: " + s)
			}
		}
		k := r & 0xFFF
		if key[k] == 0 {
			words = append(words, nil)
			key[k] = uint8(len(words))
		}
		words[key[k]-1] = append(words[key[k]-1], markWord{s, kind})
	}
	minLen = len(markers[0])
	for i, mk := range markers {
		add(mk, i)
		minLen = min(minLen, len(mk))
	}
	add(titleWord, kindTitle)
	for _, l := range pubLabels {
		add(l, kindLabel)
	}
	return words, key, minLen
}()

// scanMarks finds the occurrences of markers, titleWord and pubLabels in t.
// A string starting with a three-byte rune starts at a byte 1110xxxx, so
// the scan looks at those only, stepping over the continuation bytes of a
// well-formed three-byte sequence and one byte at a time otherwise.
func scanMarks(t string) *pageMarks {
	pm := &pageMarks{occ: make([][]int, len(markers))}
	for i := 0; i+2 < len(t); {
		c := t[i]
		if c&0xF0 != 0xE0 {
			i++
			continue
		}
		c1, c2 := t[i+1], t[i+2]
		if g := markKey[rune(c1&0x3F)<<6|rune(c2&0x3F)]; g != 0 {
			for _, w := range markWords[g-1] {
				if !strings.HasPrefix(t[i:], w.s) {
					continue
				}
				switch w.kind {
				case kindTitle:
					pm.title = append(pm.title, i)
				case kindLabel:
					pm.labels = append(pm.labels, i)
				default:
					pm.occ[w.kind] = append(pm.occ[w.kind], i)
					pm.all = append(pm.all, i)
				}
			}
		}
		if c1&0xC0 == 0x80 && c2&0xC0 == 0x80 {
			i += 3
		} else {
			i++
		}
	}
	return pm
}

// marks is scanMarks(m.text), made once.
func (m *textMap) marks() *pageMarks {
	if m.pm == nil {
		m.pm = scanMarks(m.text)
	}
	return m.pm
}

// firstAtOrAfter is the first offset in occ (increasing) at or after off,
// or -1.
func firstAtOrAfter(occ []int, off int) int {
	if k := sort.SearchInts(occ, off); k < len(occ) {
		return occ[k]
	}
	return -1
}
