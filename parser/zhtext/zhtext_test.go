package zhtext

import (
	"testing"
	"time"
)

func TestNumber(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int64
		ok   bool
	}{
		{"一", 1, true}, {"两", 2, true}, {"十", 10, true}, {"十二", 12, true}, {"二十", 20, true},
		{"二十三", 23, true}, {"一百零五", 105, true}, {"一百", 100, true}, {"百", 100, true},
		{"三千五百", 3500, true}, {"一万二千", 12000, true}, {"二〇二四", 2024, true}, {"一千零一", 1001, true},
		{"廿", 20, true}, {"廿九", 29, true}, {"卅", 30, true}, {"卅一", 31, true}, {"卌", 40, true},
		{"一百廿", 120, true}, {"零", 0, true},
		{"", 0, false}, {"件", 0, false}, {"十二三", 0, false}, {"三廿", 0, false},
	} {
		got, ok := Number(c.in)
		if ok != c.ok || (ok && got != c.want) {
			t.Errorf("Number(%q) = %d, %v; want %d, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

func TestSmall(t *testing.T) {
	for in, want := range map[string]int{"一": 1, "十": 10, "十二": 12, "二十": 20, "九十九": 99, "廿": 20,
		"零": 0, "一百": 0, "两": 0, "": 0, "甲": 0} {
		if got := Small(in); got != want {
			t.Errorf("Small(%q) = %d, want %d", in, got, want)
		}
	}
}

func TestYearDigits(t *testing.T) {
	for in, want := range map[string]int{"二〇二四": 2024, "二零二五": 2025, "一九九九": 1999, "〇二二四": 0, "二〇二": 0, "两〇二四": 0} {
		got, ok := YearDigits(in)
		if (want != 0) != ok || got != want {
			t.Errorf("YearDigits(%q) = %d, %v; want %d", in, got, ok, want)
		}
	}
}

func TestYears(t *testing.T) {
	got := Years("结转2025年继续办理，二〇二三年度的申请，2024 年")
	want := []int{2025, 2023, 2024}
	if len(got) != len(want) {
		t.Fatalf("Years: %v", got)
	}
	for i, y := range got {
		if y.Value != want[i] {
			t.Errorf("Years[%d] = %d, want %d", i, y.Value, want[i])
		}
	}
	if len(Years("第1年")) != 0 || len(Years("3年")) != 0 {
		t.Errorf("a count of years is no year")
	}
}

func TestDates(t *testing.T) {
	d := func(y, m, dd int) time.Time { return time.Date(y, time.Month(m), dd, 0, 0, 0, 0, time.UTC) }
	for _, c := range []struct {
		in   string
		want []time.Time
	}{
		{"2025年1月20日", []time.Time{d(2025, 1, 20)}},
		{"二〇二五年一月二十日", []time.Time{d(2025, 1, 20)}},
		{"二○二五年一月二十日", []time.Time{d(2025, 1, 20)}}, // ○ for 〇
		{"2025-01-20", []time.Time{d(2025, 1, 20)}},
		{"2025-1.20", nil},
		{"2025年2月30日", nil},
		{"印发日期：2024/12/31。", []time.Time{d(2024, 12, 31)}},
	} {
		got := Dates(c.in)
		if len(got) != len(c.want) {
			t.Errorf("Dates(%q) = %v, want %v", c.in, got, c.want)
			continue
		}
		for i := range got {
			if !got[i].Equal(c.want[i]) {
				t.Errorf("Dates(%q)[%d] = %v, want %v", c.in, i, got[i], c.want[i])
			}
		}
	}
	if !DateLineEndRe.MatchString("某某局2025年1月20日") || DateLineEndRe.MatchString("2025年1月20日发布") {
		t.Error("DateLineEndRe")
	}
}

func TestPeriodYear(t *testing.T) {
	for _, c := range []struct {
		in   string
		year int
		ok   bool
	}{
		{"统计期限自2024年1月1日起至2024年12月31日止", 2024, true},
		{"统计期限为2023年1月1日至12月31日", 2023, true},
		{"2022年1月1日—2023年12月31日", 0, true},
		{"本报告所列数据", 0, false},
	} {
		y, ok := PeriodYear(c.in)
		if y != c.year || ok != c.ok {
			t.Errorf("PeriodYear(%q) = %d, %v; want %d, %v", c.in, y, ok, c.year, c.ok)
		}
	}
	if !PeriodLabelRe.MatchString("本报告中所列数据的统计期限") || PeriodLabelRe.MatchString("收到申请29件") {
		t.Error("PeriodLabelRe")
	}
}

func TestEnumerators(t *testing.T) {
	for _, s := range []string{"（一）予以公开", "一、总体情况", "1.属于国家秘密", "２、重复申请", "(3)其他"} {
		if !EnumeratorRe.MatchString(s) {
			t.Errorf("EnumeratorRe misses %q", s)
		}
	}
	for _, s := range []string{"予以公开", "2024年", "一是加强"} {
		if EnumeratorRe.MatchString(s) {
			t.Errorf("EnumeratorRe matches %q", s)
		}
	}
	for in, want := range map[string]string{"(一)予以公开": "予以公开", "十二、其他": "其他", "1.国家秘密": "国家秘密",
		"一是加强": "一是加强", "(甲)x": "(甲)x", "2024年": "2024年"} {
		if got := StripEnumerator(in); got != want {
			t.Errorf("StripEnumerator(%q) = %q, want %q", in, got, want)
		}
	}
	if loc := InnerEnumeratorRe.FindStringIndex("(三)不予公开1．属于国家秘密"); loc == nil {
		t.Error("InnerEnumeratorRe")
	}
}

func TestFormat(t *testing.T) {
	for n, want := range map[int]string{0: "零", 3: "三", 10: "十", 12: "十二", 20: "二十", 46: "四十六", 99: "九十九", 100: "100", -1: "-1"} {
		if got := Format(n); got != want {
			t.Errorf("Format(%d) = %q, want %q", n, got, want)
		}
		if n > 0 && n < 100 && Small(Format(n)) != n {
			t.Errorf("Small(Format(%d)) = %d", n, Small(Format(n)))
		}
	}
	for _, s := range []string{"1.申请", "（一）予以公开", "一、总体"} {
		if !ListItemRe.MatchString(s) {
			t.Errorf("ListItemRe misses %q", s)
		}
	}
}
