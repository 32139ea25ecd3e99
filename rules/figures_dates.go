package rules

import (
	"strconv"
	"strings"
	"time"

	"github.com/reportlint/reportlint/parser"
	"github.com/reportlint/reportlint/parser/zhtext"
)

// This file reads dates written in prose: "2025年1月20日",
// "二〇二五年一月二十日", the statistics period sentence and the date line
// at the end of a report.

var (
	dateRe     = zhtext.DateRe
	cnDateRe   = zhtext.CNDateRe
	zeroFolder = zhtext.ZeroFolder
	monthDayRe = zhtext.MonthDayRe
	periodRe   = fastWrap(zhtext.PeriodLabelRe)
	civilDate  = zhtext.CivilDate
)

// findDates returns the dates written in s.
func findDates(s string) []time.Time {
	c := parser.Compact(s)
	if !mayHoldDate(c) {
		return nil
	}
	return datesIn(c)
}

var numDateRe = zhtext.NumDateRe

// datesIn is zhtext.Dates (s compacted and width-folded; the caller has
// checked mayHoldDate): its three patterns in its order, each run only
// when s has what it needs — two separators for a date with separators,
// a year in Arabic or Chinese digits before 年 (yearsIn) for the others.
func datesIn(s string) []time.Time {
	s = zeroFolder.Replace(s)
	var out []time.Time
	if first := strings.IndexAny(s, "-./"); first >= 0 && strings.ContainsAny(s[first+1:], "-./") {
		for _, m := range numDateRe.FindAllStringSubmatch(s, -1) {
			if m[2] != m[4] {
				continue // "2025-1.20" is no date
			}
			y, _ := strconv.Atoi(m[1])
			mo, _ := strconv.Atoi(m[3])
			d, _ := strconv.Atoi(m[5])
			if t, ok := civilDate(y, mo, d); ok {
				out = append(out, t)
			}
		}
	}
	if !strings.Contains(s, "月") || !strings.ContainsAny(s, "日号") {
		return out
	}
	arabic, chinese := false, false
	for _, y := range yearsIn(s) {
		if isASCIIDigit(s[y.Start]) {
			arabic = true
		} else {
			chinese = true
		}
	}
	if arabic {
		for _, m := range arabicDates(s) { // dateRe.FindAllStringSubmatch
			y, _ := strconv.Atoi(m[0])
			mo, _ := strconv.Atoi(m[1])
			d, _ := strconv.Atoi(m[2])
			if t, ok := civilDate(y, mo, d); ok {
				out = append(out, t)
			}
		}
	}
	if chinese {
		for _, m := range cnDateRe.FindAllStringSubmatch(s, -1) {
			y, ok1 := zhtext.YearDigits(m[1])
			mo, ok2 := cnNumber(m[2])
			d, ok3 := cnNumber(m[3])
			if !ok1 || !ok2 || !ok3 {
				continue
			}
			if t, ok := civilDate(y, int(mo), int(d)); ok {
				out = append(out, t)
			}
		}
	}
	return out
}

// mayHoldDate is false for a text in which zhtext.Dates finds nothing
// because it lacks what each of its date patterns needs: two separators
// (-./) for a date with separators, 年, 月 and 日 or 号 for the others.
// ZeroFolder, which Dates applies first, changes none of these.
func mayHoldDate(s string) bool {
	if strings.Contains(s, "年") && strings.Contains(s, "月") && strings.ContainsAny(s, "日号") {
		return true
	}
	first := strings.IndexAny(s, "-./")
	return first >= 0 && strings.ContainsAny(s[first+1:], "-./")
}

// dateLineEnd matches a line that ends with a date.
var dateLineEnd = zhtext.DateLineEndRe

// datedLine is the date line at the end of a report ("2025年1月20日",
// possibly after the issuer's name).
type datedLine struct {
	Date time.Time
	Para *parser.Paragraph
}

// findDateLine looks at the last paragraphs of the report for a line that
// is only a date (or the issuer followed by a date).
func findDateLine(r *parser.Report) (datedLine, bool) {
	n := len(r.Paragraphs)
	for i := n - 1; i >= 0 && i >= n-6; i-- {
		p := r.Paragraphs[i]
		c := parser.Compact(p.Text)
		if c == "" || strings.ContainsAny(c, "。；，") || len([]rune(c)) > 45 {
			continue
		}
		ds := findDates(c)
		if len(ds) != 1 {
			continue
		}
		// the date must close the line
		if !dateLineEnd.MatchString(zeroFolder.Replace(c)) {
			continue
		}
		return datedLine{Date: ds[0], Para: p}, true
	}
	return datedLine{}, false
}

// period is the statistics period stated in the report.
type period struct {
	From, To time.Time
	Text     string
	Para     *parser.Paragraph
}

// findPeriod reads the statistics-period sentence ("本报告所列数据的统计期限
// 自2024年1月1日起至2024年12月31日止").
func findPeriod(r *parser.Report) (period, bool) {
	for i, p := range r.Paragraphs {
		if i > 60 {
			break
		}
		for _, s := range splitSentences(p.Text) {
			c := parser.Compact(s)
			if !periodRe.MatchString(c) {
				continue
			}
			ds := findDates(c)
			if len(ds) == 0 {
				continue
			}
			per := period{From: ds[0], To: ds[0], Text: strings.TrimSpace(s), Para: p}
			if len(ds) > 1 {
				per.To = ds[len(ds)-1]
			} else {
				// "自2024年1月1日至12月31日": the end without a year
				loc := dateRe.FindStringIndex(c)
				if loc == nil {
					loc = cnDateRe.FindStringIndex(c)
				}
				if loc != nil {
					if m := monthDayRe.FindStringSubmatch(c[loc[1]:]); m != nil {
						mo, _ := strconv.Atoi(m[1])
						d, _ := strconv.Atoi(m[2])
						if t, ok := civilDate(ds[0].Year(), mo, d); ok {
							per.To = t
						}
					}
				}
			}
			return per, true
		}
	}
	return period{}, false
}

// fmtDate prints a date the Chinese way.
func fmtDate(t time.Time) string {
	return strconv.Itoa(t.Year()) + "年" + strconv.Itoa(int(t.Month())) + "月" + strconv.Itoa(t.Day()) + "日"
}
