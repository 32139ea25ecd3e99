package zhtext

import "strconv"

// Digit returns the value of a Chinese digit (零〇一二两三四五六七八九) or -1.
func Digit(r rune) int {
	switch r {
	case '零', '〇':
		return 0
	case '一':
		return 1
	case '二', '两':
		return 2
	case '三':
		return 3
	case '四':
		return 4
	case '五':
		return 5
	case '六':
		return 6
	case '七':
		return 7
	case '八':
		return 8
	case '九':
		return 9
	}
	return -1
}

// tens are the single-character multiples of ten: 廿 20, 卅 30, 卌 40.
func tens(r rune) int64 {
	switch r {
	case '廿':
		return 20
	case '卅':
		return 30
	case '卌':
		return 40
	}
	return 0
}

// IsNumeralRune reports whether r can be part of a Chinese numeral.
func IsNumeralRune(r rune) bool {
	if Digit(r) >= 0 || tens(r) > 0 {
		return true
	}
	switch r {
	case '十', '百', '千', '万', '亿':
		return true
	}
	return false
}

// Number reads a Chinese numeral: "十二", "一百零五", "两", "三千五百",
// "一万二千", "廿九", "卅", and positional digit strings such as "二〇二四".
// ok is false for strings that are not numerals.
func Number(s string) (int64, bool) {
	return NumberRunes([]rune(s))
}

// NumberRunes is Number on the runes of a numeral, for callers that hold
// a text as runes.
func NumberRunes(rs []rune) (int64, bool) {
	if len(rs) == 0 {
		return 0, false
	}
	positional := len(rs) > 1
	for _, r := range rs {
		if Digit(r) < 0 {
			positional = false
			break
		}
	}
	if positional {
		var n int64
		for _, r := range rs {
			n = n*10 + int64(Digit(r))
		}
		return n, true
	}
	var total, section, num int64
	seenDigit := false
	for _, r := range rs {
		if d := Digit(r); d >= 0 {
			if seenDigit && num > 0 {
				return 0, false // "二三" inside a counted numeral
			}
			num = int64(d)
			seenDigit = true
			continue
		}
		if t := tens(r); t > 0 {
			if seenDigit {
				return 0, false
			}
			section += t
			continue
		}
		var unit int64
		switch r {
		case '十':
			unit = 10
		case '百':
			unit = 100
		case '千':
			unit = 1000
		case '万':
			total += (section + num) * 10000
			section, num, seenDigit = 0, 0, false
			continue
		case '亿':
			total = (total + section + num) * 100000000
			section, num, seenDigit = 0, 0, false
			continue
		default:
			return 0, false
		}
		if num == 0 && !seenDigit {
			num = 1
		}
		section += num * unit
		num, seenDigit = 0, false
	}
	return total + section + num, true
}

// Small reads a Chinese numeral from 一 to 九十九 (a heading's number:
// "十二", "二十", "廿"). It returns 0 when s is not one.
func Small(s string) int {
	if s == "" {
		return 0
	}
	for _, r := range s {
		switch r {
		case '百', '千', '万', '亿', '两':
			return 0
		}
	}
	n, ok := Number(s)
	if !ok || n < 1 || n > 99 || len([]rune(s)) > 3 {
		return 0
	}
	return int(n)
}

// YearDigits reads a year written digit by digit ("二〇二四", "二零二四"):
// the value, and false when s is not four Chinese digits or starts with
// a zero.
func YearDigits(s string) (int, bool) {
	rs := []rune(s)
	if len(rs) != 4 || Digit(rs[0]) <= 0 {
		return 0, false
	}
	y := 0
	for _, r := range rs {
		d := Digit(r)
		if d < 0 || r == '两' {
			return 0, false
		}
		y = y*10 + d
	}
	return y, true
}

// Format writes n (0 to 99) as a Chinese numeral: "零", "十", "十二", "二十",
// "九十九"; other numbers in Arabic digits.
func Format(n int) string {
	const digits = "零一二三四五六七八九"
	d := []rune(digits)
	switch {
	case n >= 0 && n < 10:
		return string(d[n])
	case n == 10:
		return "十"
	case n > 10 && n < 20:
		return "十" + string(d[n-10])
	case n >= 20 && n < 100:
		s := string(d[n/10]) + "十"
		if n%10 != 0 {
			s += string(d[n%10])
		}
		return s
	}
	return strconv.Itoa(n)
}
