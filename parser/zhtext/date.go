package zhtext

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

var (
	// DateRe is a date in Arabic digits: "2025年1月20日", "2025年1月20号".
	DateRe = regexp.MustCompile(`((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]`)
	// CNDateRe is a date in Chinese numerals: "二〇二五年一月二十日".
	CNDateRe = regexp.MustCompile(`([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})[日号]`)
	// NumDateRe is a date with separators: "2025-01-20", "2025.1.20",
	// "2025/1/20" (submatches 2 and 4 are the separators, which must agree).
	NumDateRe = regexp.MustCompile(`(?:^|[^\d])((?:19|20)\d{2})([-./])(\d{1,2})([-./])(\d{1,2})(?:$|[^\d])`)
	// MonthDayRe is a date without its year, after a full one: "至12月31日".
	MonthDayRe = regexp.MustCompile(`(?:^|[^\d年])(\d{1,2})\s*月\s*(\d{1,2})\s*日`)
	// DateLineEndRe matches a line that ends with a date (a report's date
	// line), in any of the three scripts above, without spaces.
	DateLineEndRe = regexp.MustCompile(`(?:(?:19|20)\d{2}年\d{1,2}月\d{1,2}[日号]|[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}[日号]|(?:19|20)\d{2}[-./]\d{1,2}[-./]\d{1,2})$`)
	// ZeroFolder turns the look-alikes of 〇 that documents use for zero in
	// dates into 〇.
	ZeroFolder = strings.NewReplacer("○", "〇", "Ｏ", "〇", "О", "〇")
)

// CivilDate builds a date, rejecting impossible ones (2月30日).
func CivilDate(y, m, d int) (time.Time, bool) {
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Month() != time.Month(m) {
		return time.Time{}, false
	}
	return t, true
}

// Dates returns the dates written in s (compacted and width-folded): with
// separators first, then Arabic and Chinese ones with 年月日.
func Dates(s string) []time.Time {
	// a date has separators or 年 and 月 (ZeroFolder changes neither)
	if !strings.ContainsAny(s, "-./") && (!strings.Contains(s, "年") || !strings.Contains(s, "月")) {
		return nil
	}
	s = ZeroFolder.Replace(s)
	var out []time.Time
	for _, m := range NumDateRe.FindAllStringSubmatch(s, -1) {
		if m[2] != m[4] {
			continue // "2025-1.20" is no date
		}
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[3])
		d, _ := strconv.Atoi(m[5])
		if t, ok := CivilDate(y, mo, d); ok {
			out = append(out, t)
		}
	}
	for _, m := range DateRe.FindAllStringSubmatch(s, -1) {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		d, _ := strconv.Atoi(m[3])
		if t, ok := CivilDate(y, mo, d); ok {
			out = append(out, t)
		}
	}
	for _, m := range CNDateRe.FindAllStringSubmatch(s, -1) {
		y, ok1 := YearDigits(m[1])
		mo, ok2 := Number(m[2])
		d, ok3 := Number(m[3])
		if !ok1 || !ok2 || !ok3 {
			continue
		}
		if t, ok := CivilDate(y, int(mo), int(d)); ok {
			out = append(out, t)
		}
	}
	return out
}
