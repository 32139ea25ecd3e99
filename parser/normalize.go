package parser

import (
	"strings"
	"unicode"

	"github.com/reportlint/reportlint/parser/zhtext"
)

// FoldWidth maps full-width ASCII forms (Ａ１（) to half-width and the
// ideographic space to a plain space. CJK characters are kept.
func FoldWidth(s string) string {
	needs := false
	for _, r := range s {
		if (r >= 0xFF01 && r <= 0xFF5E) || r == 0x3000 {
			needs = true
			break
		}
	}
	if !needs {
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

// Compact removes all white space (including no-break and zero-width
// spaces) after folding widths: PDF extraction and Word markup put spaces
// inside CJK labels.
func Compact(s string) string {
	s = FoldWidth(s)
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u00a0' || r == '\u200b' || r == '\ufeff' || r == '\u00ad' {
			return -1
		}
		return r
	}, s)
}

// labelReplacer unifies punctuation that real reports vary.
var labelReplacer = strings.NewReplacer(
	"“", "", "”", "", "\"", "", "'", "", "‘", "", "’", "", "「", "", "」", "", "『", "", "』", "",
	"【", "(", "】", ")", "〔", "(", "〕", ")", "[", "(", "]", ")",
	"，", "、", ",", "、", "；", "、", ";", "、",
	"：", ":", "．", ".",
)

// CoreLabel normalises a label for matching: widths folded, white space and
// quotes removed, leading enumerators ("一、", "（一）", "1.", "1、") and
// parenthetical notes removed. "（二）部分公开（区分处理的，…）" becomes "部分公开".
func CoreLabel(s string) string {
	s = labelReplacer.Replace(Compact(s))
	s = StripEnumerator(s)
	s = stripParens(s)
	return strings.TrimRight(s, "。.:、")
}

// Enumerator returns the leading enumerator of a label ("一", "(一)" as
// "(一)", "1") in normalised form, and "" when there is none.
func Enumerator(s string) string {
	s = labelReplacer.Replace(Compact(s))
	rest := StripEnumerator(s)
	e := strings.TrimSuffix(s, rest)
	e = strings.TrimRight(e, "、.")
	return e
}

// StripEnumerator removes a leading enumerator from a compacted label.
func StripEnumerator(s string) string { return zhtext.StripEnumerator(s) }

// stripParens removes parenthesised notes: "(区分处理的...)" "(单位:万元)".
func stripParens(s string) string {
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
	return strings.TrimRight(labelReplacer.Replace(Compact(s)), "。")
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

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// CNNumeralValue reads a Chinese numeral from 一 to 九十九 ("十二", "二十").
// It returns 0 when s is not one.
func CNNumeralValue(s string) int { return zhtext.Small(s) }
