package zhtext

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

var (
	// EnumeratorRe matches the start of an enumerated label: "（一）", "一、",
	// "1.", "2、", "(3)", in either width.
	EnumeratorRe = regexp.MustCompile(`^\s*([（(][一二三四五六七八九十0-9０-９]+[)）]|[一二三四五六七八九十]+[、.．]|[0-9０-９]+[.．、])`)
	// GroupStartRe matches the first fragment of a wrapped group label:
	// "（", "三、".
	GroupStartRe = regexp.MustCompile(`^\s*([（(]|[一二三四五六七八九十]+[、.．])`)
	// HeadingNumRe matches a heading's Chinese number: "三、".
	HeadingNumRe = regexp.MustCompile(`^\s*[一二三四五六七八九十]+[、.．]`)
	// InnerEnumeratorRe finds where an enumerator starts inside a compacted
	// label: "（三）不予公开1．属于国家秘密" has "1．" after the group's name.
	InnerEnumeratorRe = regexp.MustCompile(`[0-9]{1,2}[.、．]|[（(][一二三四五六七八九十]{1,3}[）)]`)
)

// enumDigits are the characters of an enumerator's number.
const enumDigits = "一二三四五六七八九十"

// StripEnumerator removes a leading enumerator ("(一)", "一、", "十二、",
// "1.", "1、") from a compacted label whose brackets are ASCII.
func StripEnumerator(s string) string {
	if strings.HasPrefix(s, "(") {
		if i := strings.Index(s, ")"); i > 1 && i <= 1+3*3 && allIn(s[1:i], enumDigits+"0123456789") {
			return strings.TrimLeft(s[i+1:], "、.")
		}
	}
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if strings.ContainsRune(enumDigits, r) || (r >= '0' && r <= '9') {
			i += size
			continue
		}
		break
	}
	if i > 0 && i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == '、' || r == '.' {
			return s[i+size:]
		}
	}
	return s
}

func allIn(s, set string) bool {
	for _, r := range s {
		if !strings.ContainsRune(set, r) {
			return false
		}
	}
	return true
}

// ListItemRe matches the enumerator of a short list item in laid-out text:
// "1.", "（一）", "一、" with at most two digits.
var ListItemRe = regexp.MustCompile(`^([0-9０-９]{1,2}[.．、]|[（(][一二三四五六七八九十]{1,2}[）)]|[一二三四五六七八九十]{1,2}、)`)
