// Code generated for differential tests; DO NOT EDIT.

// This file is a frozen copy of normalize.go and value.go as they were
// before the allocation-free fast paths (commit 4454ed9), every top-level
// name suffixed with Ref. The differential tests hold the live helpers to
// it; it must never be edited to follow the live code (when recognition
// changes on purpose, regenerate it with scripts/refcopy).

package parser

import (
	"github.com/reportlint/reportlint/parser/zhtext"
	"strconv"
	"strings"
	"unicode"
)

// FoldWidth maps full-width ASCII forms (Ａ１（) to half-width and the
// ideographic space to a plain space. CJK characters are kept.
func FoldWidthRef(s string) string {
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
func CompactRef(s string) string {
	s = FoldWidthRef(s)
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u00a0' || r == '\u200b' || r == '\ufeff' || r == '\u00ad' {
			return -1
		}
		return r
	}, s)
}

// labelReplacer unifies punctuation that real reports vary.
var labelReplacerRef = strings.NewReplacer(
	"“", "", "”", "", "\"", "", "'", "", "‘", "", "’", "", "「", "", "」", "", "『", "", "』", "",
	"【", "(", "】", ")", "〔", "(", "〕", ")", "[", "(", "]", ")",
	"，", "、", ",", "、", "；", "、", ";", "、",
	"：", ":", "．", ".",
)

// CoreLabel normalises a label for matching: widths folded, white space and
// quotes removed, leading enumerators ("一、", "（一）", "1.", "1、") and
// parenthetical notes removed. "（二）部分公开（区分处理的，…）" becomes "部分公开".
func CoreLabelRef(s string) string {
	s = labelReplacerRef.Replace(CompactRef(s))
	s = StripEnumeratorRef(s)
	s = stripParensRef(s)
	return strings.TrimRight(s, "。.:、")
}

// Enumerator returns the leading enumerator of a label ("一", "(一)" as
// "(一)", "1") in normalised form, and "" when there is none.
func EnumeratorRef(s string) string {
	s = labelReplacerRef.Replace(CompactRef(s))
	rest := StripEnumeratorRef(s)
	e := strings.TrimSuffix(s, rest)
	e = strings.TrimRight(e, "、.")
	return e
}

// StripEnumerator removes a leading enumerator from a compacted label.
func StripEnumeratorRef(s string) string { return zhtext.StripEnumerator(s) }

// stripParens removes parenthesised notes: "(区分处理的...)" "(单位:万元)".
func stripParensRef(s string) string {
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
func CanonLabelTextRef(s string) string {
	return strings.TrimRight(labelReplacerRef.Replace(CompactRef(s)), "。")
}

// EditDistance is the Levenshtein distance between two strings in runes.
func EditDistanceRef(a, b string) int {
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
func SimilarRef(got, want string) bool {
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
	if absRef(ng-nw) <= limit && EditDistanceRef(got, want) <= limit {
		return true
	}
	if nw >= 4 && ng >= 4 && (strings.Contains(got, want) || strings.Contains(want, got)) {
		return absRef(ng-nw) <= max(4, nw/2)
	}
	return false
}

func absRef(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// CNNumeralValue reads a Chinese numeral from 一 to 九十九 ("十二", "二十").
// It returns 0 when s is not one.
func CNNumeralValueRef(s string) int { return zhtext.Small(s) }

var placeholdersRef = map[string]bool{
	"-": true, "--": true, "—": true, "——": true, "–": true, "/": true, "\\": true,
	"无": true, "空": true, "暂无": true, "/ ": true, "－": true, "一": false,
	"×": true, "x": true, "X": true, "*": true, "N/A": true, "n/a": true, "NA": true, "不适用": true,
}

var unitsRef = []string{"万元", "元", "件", "个", "条", "项", "次", "人次", "宗"}

// ParseValue classifies a numeric cell's text. Full-width digits, thousands
// separators, inner spaces (split digits) and surrounding units are handled.
func ParseValueRef(raw string) Value {
	if v, ok := plainIntegerRef(raw); ok {
		return v
	}
	return parseValueRef(raw)
}

// plainInteger is ParseValue's fast path for the commonest cell: a few
// ASCII digits and nothing else.
func plainIntegerRef(raw string) (Value, bool) {
	if len(raw) == 0 || len(raw) > 15 {
		return Value{}, false
	}
	n := int64(0)
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if c < '0' || c > '9' {
			return Value{}, false
		}
		n = n*10 + int64(c-'0')
	}
	return Value{Raw: raw, Kind: Number, Num: float64(n), Integer: true}, true
}

func parseValueRef(raw string) Value {
	s := strings.TrimSpace(FoldWidthRef(raw))
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u00a0' || r == '\u200b' || r == '\ufeff' {
			return -1
		}
		return r
	}, s)
	v := Value{Raw: strings.TrimSpace(raw)}
	if s == "" {
		v.Kind = Blank
		return v
	}
	if placeholdersRef[s] || strings.Trim(s, "-—–/\\_.·") == "" {
		v.Kind = Placeholder
		return v
	}
	num := s
	for _, u := range unitsRef {
		if strings.HasSuffix(num, u) && len(num) > len(u) {
			v.Unit = u
			num = strings.TrimSuffix(num, u)
			break
		}
	}
	num = strings.ReplaceAll(num, ",", "")
	num = strings.ReplaceAll(num, "，", "")
	num = strings.TrimPrefix(num, "+")
	if num == "" || !isNumberSyntaxRef(num) {
		v.Kind = Text
		v.Unit = ""
		return v
	}
	f, err := strconv.ParseFloat(num, 64)
	if err != nil {
		v.Kind = Text
		v.Unit = ""
		return v
	}
	v.Kind = Number
	v.Num = f
	v.Integer = !strings.Contains(num, ".") || f == float64(int64(f)) && strings.Trim(num[strings.Index(num, ".")+1:], "0") == ""
	return v
}

func isNumberSyntaxRef(s string) bool {
	i := 0
	if s[0] == '-' {
		i = 1
	}
	if i >= len(s) {
		return false
	}
	digits, dots := 0, 0
	for ; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '.':
			dots++
		default:
			return false
		}
	}
	return digits > 0 && dots <= 1 && s[len(s)-1] != '.' && s[0] != '.'
}

// IsValueLike reports whether a cell's text looks like a table value (a
// number, possibly with a unit, a placeholder, or blank) rather than a label.
func IsValueLikeRef(raw string) bool {
	v := ParseValueRef(raw)
	return v.Kind != Text
}
