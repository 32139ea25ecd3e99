package main

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/reportlint/reportlint/parser"
)

func rep(issuer string, year int) *parser.Report {
	return &parser.Report{Doc: &parser.Document{}, Issuer: issuer, Year: year}
}

func TestPairReports(t *testing.T) {
	cases := []struct {
		name    string
		results []fileResult
		want    []int // index of the previous report per file, -1 for none
		notes   int
	}{
		{"consecutive years pair", []fileResult{{Path: "a", Report: rep("甲局", 2024)}, {Path: "b", Report: rep("甲局", 2023)}}, []int{1, -1}, 1},
		{"three years chain", []fileResult{{Path: "a", Report: rep("甲局", 2022)}, {Path: "b", Report: rep("甲局", 2023)}, {Path: "c", Report: rep("甲 局", 2024)}}, []int{-1, 0, 1}, 2},
		{"other issuer", []fileResult{{Path: "a", Report: rep("甲局", 2024)}, {Path: "b", Report: rep("乙局", 2023)}}, []int{-1, -1}, 0},
		{"gap year", []fileResult{{Path: "a", Report: rep("甲局", 2024)}, {Path: "b", Report: rep("甲局", 2022)}}, []int{-1, -1}, 0},
		{"two candidates is ambiguous", []fileResult{{Path: "a", Report: rep("甲局", 2024)}, {Path: "b", Report: rep("甲局", 2023)}, {Path: "c", Report: rep("甲局", 2023)}}, []int{-1, -1, -1}, 1},
		{"unreadable and unknown year", []fileResult{{Path: "a"}, {Path: "b", Report: rep("甲局", 0)}}, []int{-1, -1}, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			pr := pairReports(c.results, nil, "")
			for i, w := range c.want {
				if w < 0 {
					require.Nil(t, pr.Prev[i], "file %d", i)
					continue
				}
				require.Same(t, c.results[w].Report, pr.Prev[i], "file %d", i)
				require.Equal(t, c.results[w].Path, pr.PrevPath[i])
			}
			require.Len(t, pr.Notes, c.notes, "%v", pr.Notes)
		})
	}
	// an explicit --previous applies to every other file, not to itself
	prev := rep("甲局", 2023)
	pr := pairReports([]fileResult{{Path: "a", Report: rep("甲局", 2024)}, {Path: "p", Report: prev}}, prev, "p")
	require.Same(t, prev, pr.Prev[0])
	require.Nil(t, pr.Prev[1])
}
