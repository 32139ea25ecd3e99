package rules

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/reportlint/reportlint/parser"
	"github.com/reportlint/reportlint/parser/zhtext"
)

// yearTexts are the texts of the year scanner's tests: the finder texts
// (fixture lines, the corpus, random texts of the rules' words) and random
// texts of the runes years are written with.
func yearTexts(t *testing.T) []string {
	texts := finderTexts(t, finderPatterns())
	words := []string{"年", "年度", "2024", "2023", "1999", "2099", "1899", "19", "20", "0", "1", "9", " ", "  ", "\t", "\n", "\f", "\r", "\v",
		"〇", "零", "一", "二", "两", "三", "九", "二〇二四", "〇二四", "一九九九", "月", "日", "号", "１", "２０２４", "　",
		"\xe5", "\xe5\xb9", "\xb4", "\xe3\x80", "\x87", "\xff", "\ufffd", "a", "，", "。", "(", "申请", "结转"}
	rng := uint64(11)
	rnd := func(n int) int {
		rng = rng*6364136223846793005 + 1442695040888963407
		return int(rng>>33) % n
	}
	n := randomInputs(6000, 20000, 3000)
	for range n {
		var b strings.Builder
		for range 1 + rnd(16) {
			b.WriteString(words[rnd(len(words))])
		}
		texts = append(texts, b.String())
	}
	return texts
}

// sameYears fails when yearsIn and firstArabicYear differ from zhtext.Years
// and yearInTextRe on s.
func sameYears(t *testing.T, s string) {
	t.Helper()
	if got, want := yearsIn(s), zhtext.Years(s); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("yearsIn(%q) = %v, zhtext.Years %v", s, got, want)
	}
	y, ok := firstArabicYear(s)
	wantY, wantOK := 0, false
	if m := yearInTextRe.FindStringSubmatch(s); m != nil {
		wantY, _ = strconv.Atoi(m[1])
		wantOK = true
	}
	if y != wantY || ok != wantOK {
		t.Fatalf("firstArabicYear(%q) = %d %v, regexp %d %v", s, y, ok, wantY, wantOK)
	}
}

// The year scanner finds what zhtext.Years and yearInTextRe find.
func TestYearsInIsZhtextYears(t *testing.T) {
	for _, s := range yearTexts(t) {
		sameYears(t, s)
	}
}

func FuzzYearsIn(f *testing.F) {
	for _, s := range []string{"2024年", "2024 \t年度", "二〇二四年", "〇二〇二四年", "192019年", "两〇二四年", "\xe5二〇二四年", "1999年2000 年"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { sameYears(t, s) })
}

func FuzzFiguresIn(f *testing.F) {
	for _, s := range []string{"收到申请29件", "二十余万件", "1.2万件", "百分之三十", "33.9%", "1,234件", "十万元", "约5500余条以上", "第一件"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { sameFigures(t, s) })
}

// sameDates fails when findDates differs from zhtext.Dates on s compacted.
func sameDates(t *testing.T, s string) {
	t.Helper()
	if got, want := findDates(s), zhtext.Dates(parser.Compact(s)); fmt.Sprint(got) != fmt.Sprint(want) || (got == nil) != (want == nil) {
		t.Fatalf("findDates(%q) = %v, zhtext.Dates %v", s, got, want)
	}
}

// findDates, behind its gate, finds what zhtext.Dates finds.
func TestFindDatesIsZhtextDates(t *testing.T) {
	texts := yearTexts(t)
	words := []string{"2024", "2025", "1", "12", "31", "年", "月", "日", "号", "-", ".", "/", " ", "二〇二五", "○", "Ｏ", "О", "一", "十", "二十",
		"自", "至", "止", "，", "\xe6", "\ufffd"}
	rng := uint64(17)
	rnd := func(n int) int {
		rng = rng*6364136223846793005 + 1442695040888963407
		return int(rng>>33) % n
	}
	for range 20000 {
		var b strings.Builder
		for range 1 + rnd(12) {
			b.WriteString(words[rnd(len(words))])
		}
		texts = append(texts, b.String())
	}
	for _, s := range texts {
		sameDates(t, s)
	}
}

func FuzzFindDates(f *testing.F) {
	for _, s := range []string{"2025年1月20日", "2025-01-20", "2025.1.20", "二〇二五年一月二十日", "自2024年1月1日起至2024年12月31日止", "3.5%"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { sameDates(t, s) })
}

func FuzzSplitValid(f *testing.F) {
	for _, s := range []string{"收到申请。结转！办结？a!b?c\nd", "。。", "\u3002\uff01\uff1f", "ｘ。"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		p := &parser.Paragraph{Text: s}
		if got, want := splitValid(nil, p, 0, 0, false), splitRunes(nil, p, 0, 0, false); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("on %q:\n%v\nrunes:\n%v", s, got, want)
		}
	})
}

// FuzzFinderIsTheRegexp holds every finder to its regexp on any text (the
// random texts of TestFinderIsTheRegexp, further).
func FuzzFinderIsTheRegexp(f *testing.F) {
	for _, s := range []string{"收到申请29件，予以公开11件", "行政复议维持1件", "XX年度", "\xe4（）", "区分处理"} {
		f.Add(s)
	}
	res := finderPatterns()
	xs := make([]fastBuilt, len(res))
	for i, re := range res {
		xs[i] = newFastRe(re)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for i, re := range res {
			x := xs[i]
			for _, n := range []int{-1, 1, 4} {
				if got, want := x.FindAllStringIndex(s, n), re.FindAllStringIndex(s, n); !sameIndexes(got, want) {
					t.Fatalf("%s on %q (n=%d): %v, regexp %v", re, s, n, got, want)
				}
			}
			if got, want := x.FindStringIndex(s), re.FindStringIndex(s); !slices.Equal(got, want) {
				t.Fatalf("%s on %q: first %v, regexp %v", re, s, got, want)
			}
			if x.MatchString(s) != re.MatchString(s) {
				t.Fatalf("%s on %q: MatchString differs", re, s)
			}
		}
	})
}
