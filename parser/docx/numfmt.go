package docx

import (
	"strconv"
	"strings"
)

// formatNumber renders n in a WordprocessingML number format (ST_NumberFormat)
// as Word and WPS display it. Unknown formats fall back to decimal.
func formatNumber(n int, fmtName string) string {
	if n < 0 {
		n = 0
	}
	switch fmtName {
	case "none":
		return ""
	case "bullet":
		return "•"
	case "decimalZero":
		if n < 10 {
			return "0" + strconv.Itoa(n)
		}
	case "decimalFullWidth", "decimalFullWidth2":
		return toFullWidth(strconv.Itoa(n))
	case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
		if n >= 1 && n <= 20 {
			return string(rune(0x2460 + n - 1)) // ①..⑳
		}
	case "decimalEnclosedParen":
		if n >= 1 && n <= 20 {
			return string(rune(0x2474 + n - 1)) // ⑴..⒇
		}
	case "decimalEnclosedFullstop":
		if n >= 1 && n <= 20 {
			return string(rune(0x2488 + n - 1)) // ⒈..⒛
		}
	case "ideographEnclosedCircle":
		if n >= 1 && n <= 10 {
			return string(rune(0x3280 + n - 1)) // ㊀..㊉
		}
	case "upperLetter":
		return letters(n, 'A')
	case "lowerLetter":
		return letters(n, 'a')
	case "upperRoman":
		return roman(n)
	case "lowerRoman":
		return strings.ToLower(roman(n))
	case "chineseCounting", "japaneseCounting", "taiwaneseCounting", "ideographDigital", "chineseCountingThousand", "taiwaneseCountingThousand", "japaneseDigitalTenThousand":
		if fmtName == "ideographDigital" {
			return digitWise(n, "〇一二三四五六七八九")
		}
		if n == 0 {
			return "〇"
		}
		return chineseCounting(n, "零一二三四五六七八九", "十", "百", "千", "万", fmtName == "chineseCountingThousand" || fmtName == "taiwaneseCountingThousand")
	case "chineseLegalSimplified":
		return chineseCounting(n, "零壹贰叁肆伍陆柒捌玖", "拾", "佰", "仟", "万", true)
	case "ideographLegalTraditional":
		return chineseCounting(n, "零壹貳參肆伍陸柒捌玖", "拾", "佰", "仟", "萬", true)
	case "ideographTraditional":
		// 甲乙丙丁戊己庚辛壬癸, repeating after ten as Word does.
		stems := []rune("甲乙丙丁戊己庚辛壬癸")
		if n >= 1 {
			return string(stems[(n-1)%10])
		}
	case "ideographZodiac":
		branches := []rune("子丑寅卯辰巳午未申酉戌亥")
		if n >= 1 {
			return string(branches[(n-1)%12])
		}
	}
	return strconv.Itoa(n)
}

func toFullWidth(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r - '0' + '０'
		}
		return r
	}, s)
}

func letters(n int, base rune) string {
	if n < 1 {
		return strconv.Itoa(n)
	}
	// Word repeats the letter: a..z, aa..zz, aaa...
	r := string(base + rune((n-1)%26))
	return strings.Repeat(r, (n-1)/26+1)
}

func roman(n int) string {
	if n < 1 || n > 3999 {
		return strconv.Itoa(n)
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}

func digitWise(n int, digits string) string {
	d := []rune(digits)
	var b strings.Builder
	for _, c := range strconv.Itoa(n) {
		b.WriteRune(d[c-'0'])
	}
	return b.String()
}

// chineseCounting writes n in Chinese counting numerals: 一, 十, 十一, 二十,
// 一百零五, 一千零一十. withOne keeps the leading 一 of 一十 (used in the
// "thousand" and legal styles: 壹拾).
func chineseCounting(n int, digits, ten, hundred, thousand, wan string, withOne bool) string {
	d := []rune(digits)
	if n == 0 {
		return string(d[0])
	}
	if n >= 100000000 {
		return strconv.Itoa(n)
	}
	below10k := func(m int, leadingGroup bool) string {
		units := []string{thousand, hundred, ten, ""}
		pows := []int{1000, 100, 10, 1}
		var b strings.Builder
		zero := false
		started := false
		for i, p := range pows {
			q := m / p % 10
			if q == 0 {
				if started {
					zero = true
				}
				continue
			}
			if zero || (!started && !leadingGroup && p < 1000) {
				b.WriteRune(d[0])
			}
			zero = false
			if !(q == 1 && p == 10 && !started && leadingGroup && !withOne) {
				b.WriteRune(d[q])
			}
			b.WriteString(units[i])
			started = true
		}
		return b.String()
	}
	if n < 10000 {
		return below10k(n, true)
	}
	hi, lo := n/10000, n%10000
	s := below10k(hi, true) + wan
	if lo > 0 {
		s += below10k(lo, false)
	}
	return s
}
