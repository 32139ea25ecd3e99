package rules

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/reportlint/reportlint/parser"
)

// This file keeps figuresIn and readFigure as they were before the fast
// path (figures.go): TestFiguresInIsReference compares them.

// approxWordDropperRef drops 余 and 多 from a Chinese numeral.
var approxWordDropperRef = strings.NewReplacer("余", "", "多", "")

// figuresInRef is extractFigures on the runes of a width-folded sentence.
func figuresInRef(rs []rune) []figure {
	var out []figure
	i := 0
	for i < len(rs) {
		f, next, ok := readFigureRef(rs, i)
		if !ok {
			i = next
			continue
		}
		i = next
		if f.Unit == "" && !f.Percent {
			continue
		}
		if dateUnits[f.Unit] {
			continue
		}
		if f.NumStart > 0 && rs[f.NumStart-1] == '第' {
			continue
		}
		out = append(out, f)
	}
	return out
}

// readFigureRef tries to read a figure whose number starts at i (a digit, a
// Chinese numeral or 百分之). It returns the index to continue from.
func readFigureRef(rs []rune, i int) (figure, int, bool) {
	f := figure{Start: i}
	j := i
	switch {
	case hasPrefixRunes(rs, i, "百分之"):
		f.Percent = true
		j = i + 3
	case isDigit(rs[i]) || isCNNumeralRune(rs[i]):
	default:
		return f, i + 1, false
	}
	f.NumStart = j
	var val float64
	switch {
	case j < len(rs) && isDigit(rs[j]):
		k := j
		for k < len(rs) && (isDigit(rs[k]) || (rs[k] == ',' && k+3 < len(rs) && isDigit(rs[k+1]) && isDigit(rs[k+2]) && isDigit(rs[k+3]))) {
			k++
		}
		if k+1 < len(rs) && rs[k] == '.' && isDigit(rs[k+1]) {
			k++
			d := 0
			for k < len(rs) && isDigit(rs[k]) {
				k++
				d++
			}
			f.Decimals = d
		}
		num := strings.ReplaceAll(string(rs[j:k]), ",", "")
		v, err := strconv.ParseFloat(num, 64)
		if err != nil {
			return f, k, false
		}
		val = v
		j = k
		// a Chinese multiplier after digits: "1.2万件", but not "万元"
		if j < len(rs) && (rs[j] == '万' || rs[j] == '亿') && !hasPrefixRunes(rs, j, "万元") {
			if rs[j] == '万' {
				val *= 10000
			} else {
				val *= 100000000
			}
			j++
		}
	case j < len(rs) && isCNNumeralRune(rs[j]):
		k := j
		for k < len(rs) && isCNNumeralRune(rs[k]) {
			k++
		}
		// "二十余件": 余/多 inside a Chinese numeral marks it approximate
		if k < len(rs) && (rs[k] == '余' || rs[k] == '多') && k+1 < len(rs) && (rs[k+1] == '万' || rs[k+1] == '亿') {
			f.Approx = true
			k++
			for k < len(rs) && isCNNumeralRune(rs[k]) {
				k++
			}
		}
		text := approxWordDropperRef.Replace(string(rs[j:k]))
		// "万元" after a numeral is a unit, not a multiplier
		if strings.HasSuffix(text, "万") && hasPrefixRunes(rs, k-1, "万元") {
			k--
			text = strings.TrimSuffix(text, "万")
		}
		if text == "" {
			return f, k + 1, false
		}
		n, ok := cnNumber(text)
		if !ok {
			return f, k, false
		}
		// A lone "一"/"两" before 件 in phrases like "一件事" is not a figure,
		// and words like "十分" are not numbers: the unit check below and
		// the keyword mapping deal with the rest.
		val = float64(n)
		j = k
	default:
		return f, j + 1, false
	}
	f.Value = val
	// approximation prefixes written just before the number
	for _, p := range approxPrefixes {
		n := utf8.RuneCountInString(p)
		if i-n >= 0 && hasPrefixRunes(rs, i-n, p) {
			f.Approx = true
			f.Start = i - n
			break
		}
	}
	// spaces between number and unit
	k := j
	for k < len(rs) && rs[k] == ' ' {
		k++
	}
	for _, s := range []string{"余", "多"} {
		if hasPrefixRunes(rs, k, s) {
			f.Approx = true
			k++
		}
	}
	if !f.Percent {
		for _, u := range figureUnits {
			if hasPrefixRunes(rs, k, u) {
				f.Unit = u
				k += utf8.RuneCountInString(u)
				break
			}
		}
		if f.Unit == "%" || f.Unit == "‰" {
			if f.Unit == "‰" {
				f.Unit = ""
				return f, k, false
			}
			f.Percent = true
		}
	} else {
		f.Unit = "%"
	}
	for _, s := range approxSuffixes {
		if hasPrefixRunes(rs, k, s) {
			f.Approx = true
			k += utf8.RuneCountInString(s)
			break
		}
	}
	f.End = k
	f.Text = string(rs[f.Start:f.End])
	return f, max(k, j, i+1), true
}

// figureTexts are the finder texts (fixture lines, the corpus, random
// texts of the rules' words) and random texts of the runes figures are
// written with.
func figureTexts(t *testing.T) []string {
	texts := finderTexts(t, finderPatterns())
	words := []string{"0", "1", "2", "9", "12", "1,234", "1,23", ",", ".", "3.5", "0.", "12345678901234567", "1234567890123456789012345",
		".1234567890123456789012345", "一", "二", "两", "十", "百", "千", "万", "亿", "廿", "卅", "卌", "〇", "零", "九",
		"余", "多", "元", "万元", "百分之", "百分", "之", "%", "‰", "第", " ", "件", "件次", "人次", "条", "年", "月", "日", "天",
		"约", "近", "将近", "超过", "以上", "左右", "以下", "申请", "，", "。", "\xe4", "\ufffd", "a"}
	rng := uint64(13)
	rnd := func(n int) int {
		rng = rng*6364136223846793005 + 1442695040888963407
		return int(rng>>33) % n
	}
	n := randomInputs(6000, 20000, 3000)
	for range n {
		var b strings.Builder
		for range 1 + rnd(12) {
			b.WriteString(words[rnd(len(words))])
		}
		texts = append(texts, b.String())
	}
	return texts
}

// sameFigures fails when figuresIn differs from figuresInRef on s (as
// written and width-folded).
func sameFigures(t *testing.T, s string) {
	t.Helper()
	for _, x := range []string{s, parser.FoldWidth(s)} {
		rs := []rune(x)
		if got, want := figuresIn(rs), figuresInRef(rs); fmt.Sprintf("%#v", got) != fmt.Sprintf("%#v", want) {
			t.Fatalf("figuresIn(%q):\n%#v\nreference:\n%#v", x, got, want)
		}
	}
}

// The figure reader reads what it read before its fast path.
func TestFiguresInIsReference(t *testing.T) {
	for _, s := range figureTexts(t) {
		sameFigures(t, s)
	}
}
