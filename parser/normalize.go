package parser

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/reportlint/reportlint/parser/zhtext"
)

// FoldWidth maps full-width ASCII forms (Ａ１（) to half-width and the
// ideographic space to a plain space. CJK characters are kept. The forms
// are found by their bytes (EF BC 81–BF, EF BD 80–9E, E3 80 80: a lead
// byte is never part of another rune, so a byte match is a rune) and ASCII
// is copied without decoding; a text with nothing to fold is returned as
// it is. As strings.Map would, a text that changes has its bytes that are
// not UTF-8 written as U+FFFD.
func FoldWidth(s string) string {
	i := firstWide(s)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			b.WriteByte(c)
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			b.WriteByte(byte(r - 0xFEE0))
		case r == 0x3000:
			b.WriteByte(' ')
		case r == utf8.RuneError && w == 1:
			b.WriteString("\uFFFD")
		default:
			b.WriteString(s[i : i+w])
		}
		i += w
	}
	return b.String()
}

// firstWide returns the byte offset of the first rune of s that
// FoldWidth changes, or -1. strings.Map, which FoldWidth once was, copies
// the bytes before its first change as they are only when they are valid
// UTF-8, so an invalid byte before the first wide form gives the offset of
// that byte.
func firstWide(s string) int {
	for i := 0; i+2 < len(s); i++ {
		if wideAt(s, i) {
			if bad := firstInvalid(s[:i]); bad >= 0 {
				return bad
			}
			return i
		}
	}
	return -1
}

// wideAt reports whether a rune FoldWidth changes starts at s[i] (i+2 <
// len(s)). The runes are three bytes long, and their lead bytes (0xEF,
// 0xE3) never continue another rune, so a match is always a rune of s.
func wideAt(s string, i int) bool {
	switch s[i] {
	case 0xEF: // U+FF01..U+FF5E are EF BC 81..EF BD 9E
		c1, c2 := s[i+1], s[i+2]
		return c1 == 0xBC && c2 >= 0x81 && c2 <= 0xBF || c1 == 0xBD && c2 >= 0x80 && c2 <= 0x9E
	case 0xE3: // U+3000 is E3 80 80
		return s[i+1] == 0x80 && s[i+2] == 0x80
	}
	return false
}

// firstInvalid is the offset of the first byte of s that is not UTF-8, or -1.
func firstInvalid(s string) int {
	if utf8.ValidString(s) {
		return -1
	}
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && w == 1 {
			return i
		}
		i += w
	}
	return -1
}

// foldsWidth reports whether s holds a rune FoldWidth changes.
func foldsWidth(s string) bool {
	for i := 0; i+2 < len(s); i++ {
		if wideAt(s, i) {
			return true
		}
	}
	return false
}

// Compact removes all white space (including no-break and zero-width
// spaces) after folding widths: PDF extraction and Word markup put spaces
// inside CJK labels. Bytes that are not UTF-8 become U+FFFD. A string with
// nothing to change is returned as it is.
func Compact(s string) string {
	var e runEditor
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if asciiSpace[c] {
				e.replace(s, i, i+1, "")
			}
			i++
			continue
		}
		if cjk3(s, i) {
			i += 3
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r > 0x3000 && r < 0xFEFF:
			// CJK text: no white space, nothing to fold
		case r == utf8.RuneError && size == 1:
			e.replace(s, i, i+1, "\uFFFD")
		case r >= 0xFF01 && r <= 0xFF5E:
			e.replace(s, i, i+size, asciiStrings[r-0xFEE0])
		case r == 0x3000 || compactDrops(r):
			e.replace(s, i, i+size, "")
		}
		i += size
	}
	return e.result(s)
}

// cjk3 reports whether s[i:] starts with a rune from U+4000 to U+9FFF
// (CJK ideographs), told from its three bytes without decoding it: lead
// bytes E4..E9 take any two continuation bytes.
func cjk3(s string, i int) bool {
	return i+2 < len(s) && s[i] >= 0xE4 && s[i] <= 0xE9 && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80
}

// runEditor builds an edited copy of a string from the runs between its
// edits; until the first edit it allocates nothing.
type runEditor struct {
	b      strings.Builder
	start  int // where the run not yet copied starts
	edited bool
}

// replace puts with in place of s[i:j]; edits come in order.
func (e *runEditor) replace(s string, i, j int, with string) {
	if !e.edited {
		e.edited = true
		e.b.Grow(len(s))
	}
	e.b.WriteString(s[e.start:i])
	e.b.WriteString(with)
	e.start = j
}

// result is the edited string, or s when there was no edit.
func (e *runEditor) result(s string) string {
	if !e.edited {
		return s
	}
	e.b.WriteString(s[e.start:])
	return e.b.String()
}

// asciiStrings holds each ASCII character as a string.
var asciiStrings = func() (out [utf8.RuneSelf]string) {
	for i := range out {
		out[i] = string(rune(i))
	}
	return out
}()

// compactDrops reports whether Compact removes the (width-folded) rune.
func compactDrops(r rune) bool {
	return unicode.IsSpace(r) || r == '\u00a0' || r == '\u200b' || r == '\ufeff' || r == '\u00ad'
}

// asciiSpace marks the ASCII bytes unicode.IsSpace holds white space.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// labelForm is Compact followed by replaceLabelPunct: the form every label
// matcher starts from.
func labelForm(s string) string { return replaceLabelPunct(Compact(s)) }

// labelFormHead returns the first rune of labelForm(s) and its length in
// runes, counted up to limit, without building it (first is 0 when the
// form is empty).
func labelFormHead(s string, limit int) (first rune, n int) {
	for i := 0; i < len(s); {
		if n > 0 && cjk3(s, i) { // an ideograph: kept as it is
			i += 3
			if n++; n >= limit {
				break
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r >= 0x4E00 && r <= 0x9FFF:
			// an ideograph: kept as it is
		case r >= 0xFF01 && r <= 0xFF5E:
			r -= 0xFEE0
			if labelDeletes(r) {
				continue
			}
		case r == 0x3000 || compactDrops(r) || labelDeletes(r):
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

// labelDeletes reports whether replaceLabelPunct deletes the rune (quotes).
func labelDeletes(r rune) bool {
	switch r {
	case '“', '”', '"', '\'', '‘', '’', '「', '」', '『', '』':
		return true
	}
	return false
}

// labelPunctRune is the rune replaceLabelPunct puts for r.
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

// replaceLabelPunct unifies punctuation that real reports vary: quotes
// (“”"'‘’「」『』) are removed, brackets (【】〔〕[]) become parentheses,
// commas and semicolons (，,；;) become 、, and ：． become :. . A string
// with none of them is returned as it is.
func replaceLabelPunct(s string) string {
	var e runEditor
	for i := 0; i < len(s); {
		if !labelPunctLead[s[i]] {
			i++
			continue
		}
		with, n := labelPunctAt(s, i)
		if n == 0 {
			i++
			continue
		}
		e.replace(s, i, i+n, with)
		i += n
	}
	return e.result(s)
}

// labelPunctLead marks the first bytes of the punctuation labelPunctAt
// finds.
var labelPunctLead = [256]bool{'"': true, '\'': true, '[': true, ']': true, ',': true, ';': true, 0xE2: true, 0xE3: true, 0xEF: true}

// labelPunctAt returns what replaceLabelPunct puts for the punctuation
// that starts at s[i], and its length in bytes (0 when there is none). It
// looks at bytes: the punctuation is single runes whose first bytes never
// continue another rune, so a match is always a whole rune of s.
func labelPunctAt(s string, i int) (string, int) {
	switch s[i] {
	case '"', '\'':
		return "", 1
	case '[':
		return "(", 1
	case ']':
		return ")", 1
	case ',', ';':
		return "、", 1
	}
	if i+2 >= len(s) {
		return "", 0
	}
	switch c1, c2 := s[i+1], s[i+2]; s[i] {
	case 0xE2: // “ ” ‘ ’ are E2 80 9C, 9D, 98, 99
		if c1 == 0x80 && (c2 == 0x98 || c2 == 0x99 || c2 == 0x9C || c2 == 0x9D) {
			return "", 3
		}
	case 0xE3: // 「」『』【】〔〕 are E3 80 8C..91, 94, 95
		if c1 == 0x80 {
			switch c2 {
			case 0x8C, 0x8D, 0x8E, 0x8F:
				return "", 3
			case 0x90, 0x94:
				return "(", 3
			case 0x91, 0x95:
				return ")", 3
			}
		}
	case 0xEF: // ，；：． are EF BC 8C, 9B, 9A, 8E
		if c1 == 0xBC {
			switch c2 {
			case 0x8C, 0x9B:
				return "、", 3
			case 0x9A:
				return ":", 3
			case 0x8E:
				return ".", 3
			}
		}
	}
	return "", 0
}

// CoreLabel normalises a label for matching: widths folded, white space and
// quotes removed, leading enumerators ("一、", "（一）", "1.", "1、") and
// parenthetical notes removed. "（二）部分公开（区分处理的，…）" becomes "部分公开".
func CoreLabel(s string) string { return coreOf(labelForm(s)) }

// coreOf is CoreLabel of a string already in labelForm.
func coreOf(s string) string {
	if mayStartEnumerator(s) {
		s = StripEnumerator(s)
	}
	s = stripParens(s)
	return trimCoreEnd(s)
}

// mayStartEnumerator is false when s cannot start with an enumerator:
// StripEnumerator returns such s as it is.
func mayStartEnumerator(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r == '(' || (r >= '0' && r <= '9') || strings.ContainsRune(zhEnumDigits, r)
}

// trimCoreEnd is strings.TrimRight(s, "。.:、"), looking at the last bytes
// before calling it.
func trimCoreEnd(s string) string {
	if s == "" {
		return s
	}
	switch c := s[len(s)-1]; {
	case c == '.' || c == ':':
	case len(s) >= 3 && s[len(s)-3] == 0xE3 && s[len(s)-2] == 0x80 && (c == 0x81 || c == 0x82): // 、。
	default:
		return s
	}
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
// An unmatched ")" is kept; what follows an unclosed "(" is removed. When
// nothing would be left, s is kept.
func stripParens(s string) string {
	if !utf8.ValidString(s) {
		return stripParensRunes(s)
	}
	if strings.IndexByte(s, '(') < 0 {
		return s
	}
	var b strings.Builder
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			if depth == 0 {
				b.WriteString(s[start:i])
			}
			depth++
		case ')':
			if depth > 0 {
				if depth--; depth == 0 {
					start = i + 1
				}
			}
		}
	}
	if depth == 0 {
		b.WriteString(s[start:])
	}
	if b.Len() == 0 {
		return s
	}
	return b.String()
}

// stripParensRunes is stripParens rune by rune, which writes U+FFFD for
// each byte that is not UTF-8.
func stripParensRunes(s string) string {
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
// Labels are short: up to editStack runes it works in arrays on the stack.
func EditDistance(a, b string) int {
	var abuf, bbuf [editStack]rune
	ra, rb := appendRunes(abuf[:0], a), appendRunes(bbuf[:0], b)
	if len(ra) == 0 {
		return len(rb)
	}
	if len(rb) == 0 {
		return len(ra)
	}
	var pbuf, cbuf [editStack + 1]int
	prev, cur := pbuf[:0], cbuf[:0]
	if len(rb)+1 > len(pbuf) {
		prev, cur = make([]int, 0, len(rb)+1), make([]int, 0, len(rb)+1)
	}
	prev, cur = prev[:len(rb)+1], cur[:len(rb)+1]
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

// editWithin reports whether EditDistance(a, b) <= limit. It stops as soon
// as a row of the distance table has no entry within the limit: the
// entries of later rows can only be larger.
func editWithin(a, b string, limit int) bool {
	var abuf, bbuf [editStack]rune
	ra, rb := appendRunes(abuf[:0], a), appendRunes(bbuf[:0], b)
	if len(ra) == 0 || len(rb) == 0 {
		return max(len(ra), len(rb)) <= limit
	}
	var pbuf, cbuf [editStack + 1]int
	prev, cur := pbuf[:0], cbuf[:0]
	if len(rb)+1 > len(pbuf) {
		prev, cur = make([]int, 0, len(rb)+1), make([]int, 0, len(rb)+1)
	}
	prev, cur = prev[:len(rb)+1], cur[:len(rb)+1]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			best = min(best, cur[j])
		}
		if best > limit {
			return false
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)] <= limit
}

// editStack is how many runes EditDistance handles without allocating.
const editStack = 64

// appendRunes appends the runes of s to buf as []rune(s) has them (U+FFFD
// for each byte that is not UTF-8).
func appendRunes(buf []rune, s string) []rune {
	for _, r := range s {
		buf = append(buf, r)
	}
	return buf
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
	if abs(ng-nw) <= limit && editWithin(got, want, limit) {
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
