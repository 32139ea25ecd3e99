package rules

import (
	"strings"

	"github.com/reportlint/reportlint/parser/zhtext"
)

// This file finds the years written with 年 in a text without running
// zhtext's year regexps: a year is four digits, an optional run of ASCII
// spaces and 年, so each 年 is looked at once and the digits are read
// backwards from it. TestYearsInIsZhtextYears holds it to zhtext.Years.

// nian is 年 in UTF-8.
const nian = "年"

// yearsIn returns what zhtext.Years(s) returns: every year written with 年
// in s, in Arabic digits ("2024年", "2024 年", 19xx and 20xx) or Chinese
// ones ("二〇二四年"), in order of position, with byte spans from the first
// digit to the end of 年.
//
// Why one look back per 年 finds the same matches as the regexps' scan:
// a match is four digits, spaces and 年, and holds no other 年, so matches
// do not overlap and each 年 ends at most one; its digits must end where
// the run of spaces before that 年 starts (a digit is no space), so there
// is one candidate start per 年. Chinese digits are three-byte runes that
// start with a lead byte, which the regexps' rune-by-rune scan reaches
// even after bytes that are not UTF-8.
func yearsIn(s string) []zhtext.Year {
	at := strings.Index(s, nian)
	if at < 0 {
		return nil
	}
	var out []zhtext.Year
	for at >= 0 {
		if y, ok := yearBefore(s, at); ok {
			out = append(out, y)
		}
		next := strings.Index(s[at+len(nian):], nian)
		if next < 0 {
			break
		}
		at += len(nian) + next
	}
	return out
}

// yearBefore reads the year whose 年 starts at byte at of s.
func yearBefore(s string, at int) (zhtext.Year, bool) {
	d := at
	for d > 0 && isRegexpSpace(s[d-1]) {
		d--
	}
	end := at + len(nian)
	if d >= 4 && isASCIIDigit(s[d-4]) && isASCIIDigit(s[d-3]) && isASCIIDigit(s[d-2]) && isASCIIDigit(s[d-1]) &&
		(s[d-4] == '1' && s[d-3] == '9' || s[d-4] == '2' && s[d-3] == '0') {
		v := int(s[d-4]-'0')*1000 + int(s[d-3]-'0')*100 + int(s[d-2]-'0')*10 + int(s[d-1]-'0')
		return zhtext.Year{Value: v, Start: d - 4, End: end}, true
	}
	if d < 12 {
		return zhtext.Year{}, false
	}
	v := 0
	for k := d - 12; k < d; k += 3 {
		g := cnYearDigit(s[k : k+3])
		if g < 0 {
			return zhtext.Year{}, false
		}
		v = v*10 + g
	}
	// zhtext.YearDigits: the first digit is not zero
	if v < 1000 {
		return zhtext.Year{}, false
	}
	return zhtext.Year{Value: v, Start: d - 12, End: end}, true
}

// isRegexpSpace is \s of Go regexps: [\t\n\f\r ].
func isRegexpSpace(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\f' || b == '\r'
}

func isASCIIDigit(b byte) bool { return '0' <= b && b <= '9' }

// cnYearDigit is the value of a Chinese digit of a year
// ([〇零一二三四五六七八九], three bytes of UTF-8), or -1.
func cnYearDigit(s string) int {
	switch s {
	case "〇", "零":
		return 0
	case "一":
		return 1
	case "二":
		return 2
	case "三":
		return 3
	case "四":
		return 4
	case "五":
		return 5
	case "六":
		return 6
	case "七":
		return 7
	case "八":
		return 8
	case "九":
		return 9
	}
	return -1
}

// firstArabicYear is yearInTextRe.FindStringSubmatch(s) read as a number:
// the first year in Arabic digits before 年, and whether there is one.
func firstArabicYear(s string) (int, bool) {
	at := strings.Index(s, nian)
	for at >= 0 {
		if y, ok := yearBefore(s, at); ok && isASCIIDigit(s[y.Start]) {
			return y.Value, true
		}
		next := strings.Index(s[at+len(nian):], nian)
		if next < 0 {
			break
		}
		at += len(nian) + next
	}
	return 0, false
}
