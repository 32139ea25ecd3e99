package zhtext

import (
	"regexp"
	"strconv"
)

var (
	// PeriodRangeRe is the statistics period as dates: "自2024年1月1日起至
	// 2024年12月31日止" (submatch 1 the first year, 2 the second if written).
	PeriodRangeRe = regexp.MustCompile(`((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日\s*(?:起)?\s*(?:至|到|—|-|－)\s*(?:((?:19|20)\d{2})\s*年\s*)?12\s*月\s*31\s*日`)
	// PeriodLabelRe is the wording that introduces the statistics period:
	// "统计期限", "数据统计时间", "所列数据".
	PeriodLabelRe = regexp.MustCompile(`统计(期限|期间|时限|时间|区间|时段|周期|范围|口径)|数据.{0,6}(时间|期限|期间)|所列数据`)
)

// PeriodYear reads the year of a calendar-year statistics period in s
// (width-folded). ok is false when s has none; a period over two years
// names no single year and gives 0, true.
func PeriodYear(s string) (year int, ok bool) {
	m := PeriodRangeRe.FindStringSubmatch(s)
	if m == nil {
		return 0, false
	}
	y, _ := strconv.Atoi(m[1])
	if m[2] != "" && m[2] != m[1] {
		return 0, true
	}
	return y, true
}
