package rules

import (
	"strconv"
	"strings"
	"unicode/utf8"

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
func figuresIn(rs []rune) []figure {
	var out []figure
	i := 0
	for i < len(rs) {
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
		out = append(out, f)
	}
	return out
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func hasPrefixRunes(rs []rune, i int, s string) bool {
	for _, r := range s {
		if i >= len(rs) || rs[i] != r {
			return false
		}
		i++
	}
	return true
}

// approxWordDropper drops 余 and 多 from a Chinese numeral.
var approxWordDropper = strings.NewReplacer("余", "", "多", "")

// readFigure tries to read a figure whose number starts at i (a digit, a
// Chinese numeral or 百分之). It returns the index to continue from.
func readFigure(rs []rune, i int) (figure, int, bool) {
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
		text := approxWordDropper.Replace(string(rs[j:k]))
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
