package rules

import (
	"fmt"
	"strings"
	"testing"
)

// arabicDatesRef is what arabicDates replaced: DateRe's submatches.
func arabicDatesRef(s string) [][3]string {
	var out [][3]string
	for _, m := range dateRe.FindAllStringSubmatch(s, -1) {
		out = append(out, [3]string{m[1], m[2], m[3]})
	}
	return out
}

func sameArabicDates(t *testing.T, s string) {
	t.Helper()
	if got, want := arabicDates(s), arabicDatesRef(s); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("arabicDates(%q) = %q, DateRe %q", s, got, want)
	}
}

// arabicDates finds what DateRe finds: on the date texts of the year tests
// and random texts of the pattern's pieces.
func TestArabicDatesIsDateRe(t *testing.T) {
	texts := append(yearTexts(t), "2024年1月1日", "2024 年 12 月 31 号", "12024年1月1日2025年2月2日", "2024年123月1日", "2024年1月123日",
		"2024年1月1", "19991年1月1日", "2024\t年\n1\f月\r2 日", "20242024年1月1日", "2024年1月1日号", "\xe52024年1月1日", "2024年\xe5月1日")
	words := []string{"19", "20", "2", "1", "0", "9", "12", "2024", "年", "月", "日", "号", " ", "\t", "\n", "\u3000", "\xe5", "\xe5\xb9", "x", "，", "\v"}
	rng := uint64(3)
	rnd := func(n int) int {
		rng = rng*6364136223846793005 + 1442695040888963407
		return int(rng>>33) % n
	}
	for range randomInputs(30000, 300000, 3000) {
		var b strings.Builder
		for range rnd(16) {
			b.WriteString(words[rnd(len(words))])
		}
		texts = append(texts, b.String())
	}
	for _, s := range texts {
		sameArabicDates(t, s)
	}
}

func FuzzArabicDates(f *testing.F) {
	for _, s := range []string{"2024年1月1日", "2024 年 12 月 31 号", "19991年1月1日", "2024年123月1日"} {
		f.Add(s)
	}
	f.Fuzz(sameArabicDates)
}
