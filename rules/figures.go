package rules

import (
	"strconv"
	"strings"

	"github.com/reportlint/reportlint/parser"
	"github.com/reportlint/reportlint/parser/zhtext"
)

// This file reads the figures stated in prose: "29件", "２９件", "十二件",
// "一百零五件", "两件", "1.2万件", "5500余条", "33.9%", "百分之三十".
// Figures are located by rune offsets in the width-folded sentence (folding
// keeps rune offsets), so messages and locations can point at them.

// figure is one number stated in prose with its unit.
type figure struct {
	Value float64
	// Approx is set for "余/多/约/近/超过/以上/左右…": such a figure is
	// never compared exactly.
	Approx bool
	// Percent is set for "33.9%" and "百分之三十".
	Percent bool
	// Decimals is the number of decimals written (for percentages).
	Decimals int
	// Unit is the counting word after the number ("件", "条", "%", "万元").
	Unit string
	// Start and End are rune offsets of the figure (prefix, number, unit and
	// approximation words included) in the sentence.
	Start, End int
	// NumStart is the rune offset where the number itself starts.
	NumStart int
	Text     string
}

var (
	countUnits      = zhtext.CountUnits
	figureUnits     = zhtext.FigureUnits
	dateUnits       = zhtext.DateUnits
	approxPrefixes  = zhtext.ApproxPrefixes
	approxSuffixes  = zhtext.ApproxSuffixes
	isCNNumeralRune = zhtext.IsNumeralRune
	cnNumber        = zhtext.Number
)

// extractFigures returns every figure in the sentence that carries a unit
// or a percent sign. Dates ("2024年", "1月20日") and ordinals ("第一") are
// left out.
func extractFigures(sentence string) []figure {
	return figuresIn([]rune(parser.FoldWidth(sentence)))
}

// figuresIn is extractFigures on the runes of a width-folded sentence.
// Only a digit or a Chinese numeral (百 of 百分之 is one) can start a
// figure; the text of a figure is made for the figures kept.
func figuresIn(rs []rune) []figure {
	var out []figure
	i := 0
	for i < len(rs) {
		if r := rs[i]; !isDigit(r) && !(numeralBloom.has(r) && isCNNumeralRune(r)) {
			i++
			continue
		}
		f, next, ok := readFigure(rs, i)
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
		f.Text = string(rs[f.Start:f.End])
		out = append(out, f)
	}
	return out
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// numeralRunes are the runes zhtext.IsNumeralRune accepts (a test holds
// the list to it over every rune); numeralBloom holds them, so that most
// runes are ruled out without the call.
const numeralRunes = "零〇一二两三四五六七八九廿卅卌十百千万亿"

var numeralBloom = func() (b bloom4k) {
	for _, r := range numeralRunes {
		b.add(r)
	}
	return b
}()

func hasPrefixRunes(rs []rune, i int, s string) bool {
	for _, r := range s {
		if i >= len(rs) || rs[i] != r {
			return false
		}
		i++
	}
	return true
}

// hasPrefix is hasPrefixRunes for a word already in runes.
func hasPrefix(rs []rune, i int, w []rune) bool {
	if i < 0 || len(rs)-i < len(w) {
		return false
	}
	for k, r := range w {
		if rs[i+k] != r {
			return false
		}
	}
	return true
}

// runeWords converts words to runes once.
func runeWords(ws []string) [][]rune {
	out := make([][]rune, len(ws))
	for i, w := range ws {
		out[i] = []rune(w)
	}
	return out
}

// The words readFigure looks for around a number, in runes.
var (
	approxPrefixRunes = runeWords(approxPrefixes)
	figureUnitRunes   = runeWords(figureUnits)
	approxSuffixRunes = runeWords(approxSuffixes)
	// unitsByFirst lists the indexes of figureUnits by their first rune,
	// in figureUnits' order (the first unit written after a number wins)
	unitsByFirst = func() map[rune][]int {
		m := map[rune][]int{}
		for u, w := range figureUnitRunes {
			m[w[0]] = append(m[w[0]], u)
		}
		return m
	}()
)

// maxExactDigits: an integer of at most this many digits, divided by a
// power of ten of at most maxExactPow10, converts to float64 exactly as
// strconv.ParseFloat reads its decimal text (both are exact, and the one
// division rounds correctly: strconv's own fast path).
const (
	maxExactDigits = 15
	maxExactPow10  = 22
)

var pow10 = [maxExactPow10 + 1]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// digitsValue reads the number in rs[j:k] (ASCII digits, thousands commas,
// at most one '.' followed by dec digits) as strconv.ParseFloat reads it
// with the commas removed.
func digitsValue(rs []rune, j, k, dec int) (float64, error) {
	var m uint64
	n := 0
	for _, r := range rs[j:k] {
		if isDigit(r) {
			m = m*10 + uint64(r-'0')
			n++
		}
	}
	if n <= maxExactDigits && dec <= maxExactPow10 {
		return float64(m) / pow10[dec], nil
	}
	return strconv.ParseFloat(strings.ReplaceAll(string(rs[j:k]), ",", ""), 64)
}

// cnNumberRunes is cnNumber (zhtext.Number) of the runes of rs[j:k]
// without 余 and 多, read without building the string.
func cnNumberRunes(rs []rune, j, k int) (int64, bool) {
	var buf [32]rune
	ns := buf[:0]
	for _, r := range rs[j:k] {
		if r != '余' && r != '多' {
			ns = append(ns, r)
		}
	}
	return zhtext.NumberRunes(ns)
}

// readFigure tries to read a figure whose number starts at i (a digit, a
// Chinese numeral or 百分之). It returns the index to continue from. The
// figure's Text is left to the caller.
func readFigure(rs []rune, i int) (figure, int, bool) {
	f := figure{Start: i}
	j := i
	switch {
	case rs[i] == '百' && hasPrefixRunes(rs, i, "百分之"):
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
		d := 0
		if k+1 < len(rs) && rs[k] == '.' && isDigit(rs[k+1]) {
			k++
			for k < len(rs) && isDigit(rs[k]) {
				k++
				d++
			}
			f.Decimals = d
		}
		v, err := digitsValue(rs, j, k, d)
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
		// "万元" after a numeral is a unit, not a multiplier (the run ends
		// in a numeral rune: 余/多 are followed by 万/亿)
		if rs[k-1] == '万' && k < len(rs) && rs[k] == '元' {
			k--
			if k == j {
				return f, k + 1, false
			}
		}
		n, ok := cnNumberRunes(rs, j, k)
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
	for _, p := range approxPrefixRunes {
		if hasPrefix(rs, i-len(p), p) {
			f.Approx = true
			f.Start = i - len(p)
			break
		}
	}
	// spaces between number and unit
	k := j
	for k < len(rs) && rs[k] == ' ' {
		k++
	}
	for _, s := range []rune{'余', '多'} {
		if k < len(rs) && rs[k] == s {
			f.Approx = true
			k++
		}
	}
	if !f.Percent {
		if k < len(rs) {
			// the units that start with rs[k], in figureUnits' order
			for _, u := range unitsByFirst[rs[k]] {
				if w := figureUnitRunes[u]; hasPrefix(rs, k, w) {
					f.Unit = figureUnits[u]
					k += len(w)
					break
				}
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
	for _, w := range approxSuffixRunes {
		if hasPrefix(rs, k, w) {
			f.Approx = true
			k += len(w)
			break
		}
	}
	f.End = k
	return f, max(k, j, i+1), true
}
