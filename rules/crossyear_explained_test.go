package rules

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/reportlint/reportlint/parser"
)

// X701 still fires when the text explains the break in the carry-over
// (机构改革), but its message quotes the explanation.
func TestCarryoverExplained(t *testing.T) {
	const dir = "../fixtures/pairs/X701-carryover-mismatch/"
	read := func(path, extra string) *parser.Report {
		if extra == "" {
			return readEdited(t, path, "", "")
		}
		return readEdited(t, path, "上年结转2件，", "上年结转2件，"+extra)
	}
	prev := read(dir+"report-2023.txt", "")
	for _, tc := range []struct {
		extra, want string
	}{
		{"", ""},
		{"因机构改革，上年结转中1件由原林业局划转他局办理，", "正文说明了"},
	} {
		var msgs []string
		for _, f := range Run(read(dir+"report-2024.txt", tc.extra), prev, Config{}) {
			if f.Rule == "X701" {
				msgs = append(msgs, f.Message)
			}
		}
		require.NotEmpty(t, msgs)
		for _, m := range msgs {
			if tc.want == "" {
				assert.NotContains(t, m, "正文说明了")
			} else {
				assert.Contains(t, m, tc.want)
			}
		}
	}
}

// The previous report is named by its file name, or by its path when the
// report's own file has the same name (2023/report.txt, 2024/report.txt).
func TestPrevNameSameFileName(t *testing.T) {
	doc := func(path string) *parser.Report {
		return &parser.Report{Doc: &parser.Document{Path: path}, Year: 2023}
	}
	if got := prevName(doc("sb/2023/report.txt"), doc("sb/2024/report.txt")); got != "上一年度报告（2023年度，sb/2023/report.txt）" {
		t.Errorf("same file name: %s", got)
	}
	if got := prevName(doc("sb/2023/甲局2023年报.txt"), doc("sb/2024/甲局2024年报.txt")); got != "上一年度报告（2023年度，甲局2023年报.txt）" {
		t.Errorf("other file name: %s", got)
	}
}
