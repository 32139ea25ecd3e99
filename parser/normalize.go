package parser

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/reportlint/reportlint/parser/zhtext"
)

// FoldWidth maps full-width ASCII forms (Ａ１（) to half-width and the
// ideographic space to a plain space. CJK characters are kept.
func FoldWidth(s string) string {
	if !foldsWidth(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			return r - 0xFEE0
		case r == 0x3000:
			return ' '
		}
		return r
	}, s)
}

// foldsWidth reports whether s holds a rune FoldWidth changes. It looks at
// bytes: the runes are three bytes long, and their lead bytes (0xEF, 0xE3)
// never continue another rune, so a match is always a rune of s.
func foldsWidth(s string) bool {
	for i := 0; i+2 < len(s); i++ {
		switch s[i] {
		case 0xEF: // U+FF01..U+FF5E are EF BC 81..EF BD 9E
			if c1, c2 := s[i+1], s[i+2]; (c1 == 0xBC && c2 >= 0x81 && c2 <= 0xBF) || (c1 == 0xBD && c2 >= 0x80 && c2 <= 0x9E) {
				return true
			}
		case 0xE3: // U+3000 is E3 80 80
			if s[i+1] == 0x80 && s[i+2] == 0x80 {
				return true
			}
		}
	}
	return false
}

// Compact removes all white space (including no-break and zero-width
// spaces) after folding widths: PDF extraction and Word markup put spaces
// inside CJK labels.
func Compact(s string) string {
	if compactKeeps(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	// Ranging over s yields U+FFFD for each byte that is not UTF-8, which
	// is what strings.Map (the old implementation) writes for it.
	for _, r := range s {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			r -= 0xFEE0
		case r == 0x3000 || compactDrops(r):
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// compactDrops reports whether Compact removes the (width-folded) rune.
func compactDrops(r rune) bool {
	return unicode.IsSpace(r) || r == '\u00a0' || r == '\u200b' || r == '\ufeff' || r == '\u00ad'
}

// asciiSpace marks the ASCII bytes unicode.IsSpace holds white space.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// compactKeeps reports whether Compact returns s as it is: s is UTF-8 and
// has no rune that Compact folds or drops.
func compactKeeps(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if asciiSpace[c] {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || (r >= 0xFF01 && r <= 0xFF5E) || r == 0x3000 || compactDrops(r) {
			return false
		}
		i += size
	}
	return true
}

// labelReplacer unifies punctuation that real reports vary.
var labelReplacer = strings.NewReplacer(
	"“", "", "”", "", "\"", "", "'", "", "‘", "", "’", "", "「", "", "」", "", "『", "", "』", "",
	"【", "(", "】", ")", "〔", "(", "〕", ")", "[", "(", "]", ")",
	"，", "、", ",", "、", "；", "、", ";", "、",
	"：", ":", "．", ".",
)

// labelForm is Compact followed by labelReplacer: the form every label
// matcher starts from.
func labelForm(s string) string { return replaceLabelPunct(Compact(s)) }

// labelFormHead returns the first rune of labelForm(s) and its length in
// runes, counted up to limit, without building it (first is 0 when the
// form is empty).
func labelFormHead(s string, limit int) (first rune, n int) {
	for _, r := range s {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			r -= 0xFEE0
		case r == 0x3000 || compactDrops(r):
			continue
		}
		if labelDeletes(r) {
			continue
		}
		if n == 0 {
			first = labelPunctRune(r)
		}
		if n++; n >= limit {
			break
		}
	}
	return first, n
}

// labelDeletes reports whether labelReplacer deletes the rune (quotes).
func labelDeletes(r rune) bool {
	switch r {
	case '“', '”', '"', '\'', '‘', '’', '「', '」', '『', '』':
		return true
	}
	return false
}

// labelPunctRune is the rune labelReplacer puts for r.
func labelPunctRune(r rune) rune {
	switch r {
	case '【', '〔', '[':
		return '('
	case '】', '〕', ']':
		return ')'
	case '，', ',', '；', ';':
		return '、'
	case '：':
		return ':'
	case '．':
		return '.'
	}
	return r
}

// replaceLabelPunct is labelReplacer.Replace, without its copy of s when
// s holds none of the punctuation replaced.
func replaceLabelPunct(s string) string {
	if !hasLabelPunct(s) {
		return s
	}
	return labelReplacer.Replace(s)
}

// hasLabelPunct reports whether s holds a string labelReplacer replaces.
// Its patterns are single runes whose first bytes never continue another
// rune, so looking at bytes finds exactly the replacer's matches.
func hasLabelPunct(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '"', '\'', '[', ']', ',', ';':
			return true
		case 0xE2: // “ ” ‘ ’ are E2 80 9C, 9D, 98, 99
			if i+2 < len(s) && s[i+1] == 0x80 {
				switch s[i+2] {
				case 0x98, 0x99, 0x9C, 0x9D:
					return true
				}
			}
		case 0xE3: // 「」『』【】〔〕 are E3 80 8C..91, 94, 95
			if i+2 < len(s) && s[i+1] == 0x80 {
				if c := s[i+2]; (c >= 0x8C && c <= 0x91) || c == 0x94 || c == 0x95 {
					return true
				}
			}
		case 0xEF: // ，；：． are EF BC 8C, 9B, 9A, 8E
			if i+2 < len(s) && s[i+1] == 0xBC {
				switch s[i+2] {
				case 0x8C, 0x9B, 0x9A, 0x8E:
					return true
				}
			}
		}
	}
	return false
}

// CoreLabel normalises a label for matching: widths folded, white space and
// quotes removed, leading enumerators ("一、", "（一）", "1.", "1、") and
// parenthetical notes removed. "（二）部分公开（区分处理的，…）" becomes "部分公开".
func CoreLabel(s string) string { return coreOf(labelForm(s)) }

// coreOf is CoreLabel of a string already in labelForm.
func coreOf(s string) string {
	s = StripEnumerator(s)
	s = stripParens(s)
	return strings.TrimRight(s, "。.:、")
}

// Enumerator returns the leading enumerator of a label ("一", "(一)" as
// "(一)", "1") in normalised form, and "" when there is none.
func Enumerator(s string) string { return enumeratorOf(labelForm(s)) }

// enumeratorOf is Enumerator of a string already in labelForm.
func enumeratorOf(s string) string {
	rest := StripEnumerator(s)
	e := strings.TrimSuffix(s, rest)
	e = strings.TrimRight(e, "、.")
	return e
}

// StripEnumerator removes a leading enumerator from a compacted label.
func StripEnumerator(s string) string { return zhtext.StripEnumerator(s) }

// stripParens removes parenthesised notes: "(区分处理的...)" "(单位:万元)".
func stripParens(s string) string {
	if !strings.ContainsAny(s, "()") && utf8.ValidString(s) {
		return s // the loop below would copy s as it is
	}
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch r {
		case '(':
			depth++
			continue
		case ')':
			if depth > 0 {
				depth--
				continue
			}
		}
		if depth == 0 {
			b.WriteRune(r)
		}
	}
	out := b.String()
	if out == "" {
		return s
	}
	return out
}

// CanonLabelText normalises a label for equality with the canonical wording
// including enumerators and notes, used to tell variants (S106).
func CanonLabelText(s string) string {
	return strings.TrimRight(labelForm(s), "。")
}

// EditDistance is the Levenshtein distance between two strings in runes.
func EditDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) == 0 {
		return len(rb)
	}
	if len(rb) == 0 {
		return len(ra)
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// Similar reports whether got is a near miss of want: a small edit distance
// relative to the length, or one contains the other with a few extra runes.
func Similar(got, want string) bool {
	if got == want {
		return true
	}
	ng, nw := len([]rune(got)), len([]rune(want))
	if ng == 0 || nw == 0 {
		return false
	}
	limit := 1
	switch {
	case nw >= 12:
		limit = 3
	case nw >= 6:
		limit = 2
	case nw <= 2:
		limit = 0
	}
	if abs(ng-nw) <= limit && EditDistance(got, want) <= limit {
		return true
	}
	if nw >= 4 && ng >= 4 && (strings.Contains(got, want) || strings.Contains(want, got)) {
		return abs(ng-nw) <= max(4, nw/2)
	}
	return false
}

// mayBeSimilar is false when strings of ng and nw runes (got, want) can
// never be Similar, whatever their runes: Similar needs a length
// difference within its limits.
func mayBeSimilar(ng, nw int) bool {
	if ng == 0 || nw == 0 {
		return false // equal strings are Similar, but callers check equality first
	}
	limit := 1
	switch {
	case nw >= 12:
		limit = 3
	case nw >= 6:
		limit = 2
	case nw <= 2:
		limit = 0
	}
	if abs(ng-nw) <= limit {
		return true
	}
	return nw >= 4 && ng >= 4 && abs(ng-nw) <= max(4, nw/2)
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// CNNumeralValue reads a Chinese numeral from 一 to 九十九 ("十二", "二十").
// It returns 0 when s is not one.
func CNNumeralValue(s string) int { return zhtext.Small(s) }
