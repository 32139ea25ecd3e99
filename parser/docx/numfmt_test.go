package docx

import "testing"

func TestFormatNumber(t *testing.T) {
	cases := []struct {
		n    int
		f    string
		want string
	}{
		{1, "chineseCounting", "一"}, {10, "chineseCounting", "十"}, {11, "chineseCounting", "十一"},
		{20, "chineseCounting", "二十"}, {21, "chineseCounting", "二十一"}, {100, "chineseCounting", "一百"},
		{105, "chineseCounting", "一百零五"}, {110, "chineseCounting", "一百一十"}, {1010, "chineseCounting", "一千零一十"},
		{10005, "chineseCounting", "一万零五"}, {0, "chineseCounting", "〇"},
		{10, "chineseCountingThousand", "一十"}, {12, "chineseLegalSimplified", "壹拾贰"},
		{1, "ideographTraditional", "甲"}, {10, "ideographTraditional", "癸"}, {11, "ideographTraditional", "甲"},
		{2, "ideographZodiac", "丑"}, {2025, "ideographDigital", "二〇二五"},
		{3, "decimalEnclosedCircle", "③"}, {3, "decimalEnclosedCircleChinese", "③"}, {12, "decimalFullWidth", "１２"},
		{4, "upperRoman", "IV"}, {9, "lowerRoman", "ix"}, {27, "lowerLetter", "aa"}, {2, "upperLetter", "B"},
		{7, "decimalZero", "07"}, {7, "decimal", "7"}, {7, "unknownFormat", "7"}, {7, "none", ""},
	}
	for _, c := range cases {
		if got := formatNumber(c.n, c.f); got != c.want {
			t.Errorf("formatNumber(%d, %s) = %q, want %q", c.n, c.f, got, c.want)
		}
	}
}
