package parser

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ValueKind classifies what a numeric cell holds.
type ValueKind int

// Value kinds. Blank, Placeholder and Number are different things: a blank
// or a placeholder is never read as 0.
const (
	// Missing: the cell does not exist in the source (a short row).
	Missing ValueKind = iota
	// Blank: the cell exists and is empty.
	Blank
	// Placeholder: "-", "/", "—", "无" and the like.
	Placeholder
	// Number: a number, possibly with a unit.
	Number
	// Text: text that is not a number.
	Text
)

func (k ValueKind) String() string {
	switch k {
	case Missing:
		return "missing"
	case Blank:
		return "blank"
	case Placeholder:
		return "placeholder"
	case Number:
		return "number"
	case Text:
		return "text"
	}
	return "?"
}

// Value is one numeric cell of a statutory table.
type Value struct {
	// Raw is the cell text as written (whitespace trimmed).
	Raw  string
	Kind ValueKind
	// Num is the number when Kind is Number.
	Num float64
	// Unit is a unit written in the cell (元, 万元, 件...), if any.
	Unit string
	// Integer reports whether Num was written as a whole number.
	Integer bool
	Loc     Loc
}

// Known reports whether the value is a number that relations may use.
func (v *Value) Known() bool { return v != nil && v.Kind == Number }

var placeholders = map[string]bool{
	"-": true, "--": true, "—": true, "——": true, "–": true, "/": true, "\\": true,
	"无": true, "空": true, "暂无": true, "/ ": true, "－": true, "一": false,
	"×": true, "x": true, "X": true, "*": true, "N/A": true, "n/a": true, "NA": true, "不适用": true,
}

// placeholderDashes are the runes a placeholder of dashes is made of.
const placeholderDashes = "-—–/\\_.·"

var units = []string{"万元", "元", "件", "个", "条", "项", "次", "人次", "宗"}

// ParseValue classifies a numeric cell's text. Full-width digits, thousands
// separators, inner spaces (split digits) and surrounding units are handled.
func ParseValue(raw string) Value {
	if v, ok := plainInteger(raw); ok {
		return v
	}
	return parseValue(raw)
}

// valueKind is ParseValue(raw).Kind, without making the Value when the
// kind is told from the first rune.
func valueKind(raw string) ValueKind {
	if _, ok := plainInteger(raw); ok {
		return Number
	}
	switch first, ok := firstValueRune(raw); {
	case !ok:
		return Blank
	case !canStartValue(first), numberStart(first) && numberThenText(raw):
		return Text
	}
	return parseValue(raw).Kind
}

// plainInteger is ParseValue's fast path for the commonest cell: a few
// ASCII digits and nothing else.
func plainInteger(raw string) (Value, bool) {
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

func parseValue(raw string) Value {
	switch first, ok := firstValueRune(raw); {
	case !ok:
		return Value{Raw: strings.TrimSpace(raw), Kind: Blank}
	case !canStartValue(first), numberStart(first) && numberThenText(raw):
		// Text, as the general path below finds: neither a placeholder
		// nor a number starts with it, or a number is followed by text
		// that is no unit ("1.属于国家秘密"). Labels take this way without
		// folding their widths.
		return Value{Raw: strings.TrimSpace(raw), Kind: Text}
	}
	s := strings.TrimSpace(FoldWidth(raw))
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
	if placeholders[s] || strings.Trim(s, placeholderDashes) == "" {
		v.Kind = Placeholder
		return v
	}
	num := s
	for _, u := range units {
		if strings.HasSuffix(num, u) && len(num) > len(u) {
			v.Unit = u
			num = strings.TrimSuffix(num, u)
			break
		}
	}
	num = strings.ReplaceAll(num, ",", "")
	num = strings.ReplaceAll(num, "，", "")
	num = strings.TrimPrefix(num, "+")
	if num == "" || !isNumberSyntax(num) {
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

// firstValueRune is the first rune of the text parseValue reads from raw
// (widths folded, white space and zero-width characters removed, bytes
// that are not UTF-8 read as U+FFFD); ok is false when there is none.
func firstValueRune(raw string) (r rune, ok bool) {
	for _, r := range raw {
		if r >= 0xFF01 && r <= 0xFF5E {
			return r - 0xFEE0, true
		}
		if unicode.IsSpace(r) || r == 0x3000 || r == '\u200b' || r == '\ufeff' {
			continue
		}
		return r, true
	}
	return 0, false
}

// valueStarts are the runes a value that is not Text can start with: the
// first runes of the placeholders, the runes of placeholder dashes, and
// what a number starts with (a digit, a sign, a thousands separator). The
// ASCII ones are marked in asciiStarts, the others listed in otherStarts.
var asciiStarts, otherStarts = func() (ascii [utf8.RuneSelf]bool, other []rune) {
	add := func(r rune) {
		switch {
		case r < utf8.RuneSelf:
			ascii[r] = true
		case !slices.Contains(other, r):
			other = append(other, r)
		}
	}
	for p, ok := range placeholders {
		if r, _ := utf8.DecodeRuneInString(p); ok {
			add(r)
		}
	}
	for _, r := range placeholderDashes + "0123456789+-," {
		add(r)
	}
	return ascii, other
}()

// canStartValue reports whether r is one of valueStarts.
func canStartValue(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiStarts[r]
	}
	return slices.Contains(otherStarts, r)
}

// numberStart reports whether r starts a number and nothing else: no
// placeholder starts with it, nor is it a placeholder dash.
func numberStart(r rune) bool { return r >= '0' && r <= '9' || r == '+' || r == ',' }

// numberRune reports whether r may be part of the number of a cell as
// parseValue reads it (before its unit).
func numberRune(r rune) bool {
	return r >= '0' && r <= '9' || r == '.' || r == ',' || r == '+' || r == '-'
}

// numberThenText reports whether the text parseValue reads from raw (see
// firstValueRune) is a run of number runes followed by something that is
// not a unit: then it is no number whatever the run is, since a number is
// the run followed by nothing or by a unit.
func numberThenText(raw string) bool {
	var tail [2]rune // what follows the run, up to the longest unit
	n := 0
	inNumber := true
	for _, r := range raw {
		if r >= 0xFF01 && r <= 0xFF5E {
			r -= 0xFEE0
		} else if unicode.IsSpace(r) || r == 0x3000 || r == '\u200b' || r == '\ufeff' {
			continue
		}
		if inNumber && numberRune(r) {
			continue
		}
		inNumber = false
		if n == len(tail) {
			return true // longer than every unit
		}
		tail[n] = r
		n++
	}
	if n == 0 {
		return false
	}
	for _, u := range unitRunes {
		if slices.Equal(u, tail[:n]) {
			return false
		}
	}
	return true
}

// unitRunes are the units as runes.
var unitRunes = func() [][]rune {
	out := make([][]rune, len(units))
	for i, u := range units {
		out[i] = []rune(u)
	}
	return out
}()

func isNumberSyntax(s string) bool {
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
func IsValueLike(raw string) bool {
	v := ParseValue(raw)
	return v.Kind != Text
}
