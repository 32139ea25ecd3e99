package zhtext

import (
	"regexp"
	"strconv"
	"strings"
)

var (
	// YearRe finds a year in Arabic digits before 年: "2024年", "2024 年".
	// Submatch 1 is the year.
	YearRe = regexp.MustCompile(`((?:19|20)\d{2})\s*年`)
	// CNYearRe finds a year in Chinese digits before 年: "二〇二四年".
	// Submatch 1 is the year's digits (read them with YearDigits).
	CNYearRe = regexp.MustCompile(`([〇零一二三四五六七八九]{4})\s*年`)
	// HeadingYearRe is a year written at the start of a heading's wording:
	// "2024年度".
	HeadingYearRe = regexp.MustCompile(`^(?:19|20)[0-9]{2}年度?`)
	// TitleYearRe tells a title that names a year in either script.
	TitleYearRe = regexp.MustCompile(`(?:19|20)\d{2}年|[〇零一二]{4}年`)
)

// Year is a year named in a text, with its byte span.
type Year struct {
	Value      int
	Start, End int
}

// Years returns every year written with 年 in s, in Arabic or Chinese
// digits, in order of position.
func Years(s string) []Year {
	if !strings.Contains(s, "年") {
		return nil // every match holds 年
	}
	var out []Year
	for _, m := range YearRe.FindAllStringSubmatchIndex(s, -1) {
		y, _ := strconv.Atoi(s[m[2]:m[3]])
		out = append(out, Year{y, m[0], m[1]})
	}
	for _, m := range CNYearRe.FindAllStringSubmatchIndex(s, -1) {
		if y, ok := YearDigits(s[m[2]:m[3]]); ok {
			out = append(out, Year{y, m[0], m[1]})
		}
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].Start < out[j-1].Start; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}
