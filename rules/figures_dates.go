package rules

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/reportlint/reportlint/parser"
)

// This file reads dates written in prose: "2025年1月20日",
// "二〇二五年一月二十日", the statistics period sentence and the date line
// at the end of a report.

var (
	dateRe   = regexp.MustCompile(`((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]`)
	cnDateRe = regexp.MustCompile(`([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})[日号]`)
	// "2025-01-20", "2025.1.20", "2025/1/20"
	numDateRe = regexp.MustCompile(`(?:^|[^\d])((?:19|20)\d{2})([-./])(\d{1,2})([-./])(\d{1,2})(?:$|[^\d])`)
	// the look-alikes of 〇 that documents use for zero in dates
	zeroFolder = strings.NewReplacer("○", "〇", "Ｏ", "〇", "О", "〇")
	// a date without its year, after a full one: "至12月31日"
	monthDayRe = regexp.MustCompile(`(?:^|[^\d年])(\d{1,2})\s*月\s*(\d{1,2})\s*日`)
	periodRe   = regexp.MustCompile(`统计(期限|期间|时限|时间|区间|时段|周期|范围|口径)|数据.{0,6}(时间|期限|期间)|所列数据`)
)

// civilDate builds a date, rejecting impossible ones.
func civilDate(y, m, d int) (time.Time, bool) {
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Month() != time.Month(m) {
		return time.Time{}, false
	}
	return t, true
}

// parseDate reads one date from the start of the match of dateRe or
// cnDateRe in s.
func findDates(s string) []time.Time {
	s = zeroFolder.Replace(parser.Compact(s))
	var out []time.Time
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
	for _, m := range dateRe.FindAllStringSubmatch(s, -1) {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		d, _ := strconv.Atoi(m[3])
		if t, ok := civilDate(y, mo, d); ok {
			out = append(out, t)
		}
	}
	for _, m := range cnDateRe.FindAllStringSubmatch(s, -1) {
		y, ok1 := cnNumber(m[1])
		mo, ok2 := cnNumber(m[2])
		d, ok3 := cnNumber(m[3])
		if !ok1 || !ok2 || !ok3 {
			continue
		}
		if t, ok := civilDate(int(y), int(mo), int(d)); ok {
			out = append(out, t)
		}
	}
	return out
}

// dateLineEnd matches a line that ends with a date.
var dateLineEnd = regexp.MustCompile(`(?:(?:19|20)\d{2}年\d{1,2}月\d{1,2}[日号]|[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}[日号]|(?:19|20)\d{2}[-./]\d{1,2}[-./]\d{1,2})$`)

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
