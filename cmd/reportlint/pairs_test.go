package main

import (
	"fmt"
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
		{"two candidates alike is ambiguous", []fileResult{{Path: "a", Report: rep("甲局", 2024)}, {Path: "b", Report: rep("甲局", 2023)}, {Path: "c", Report: rep("甲局", 2023)}}, []int{-1, -1, -1}, 1},
		{"the candidate with the same name wins", []fileResult{
			{Path: "x/甲局2024年报.pdf", Report: rep("甲局", 2024)}, {Path: "x/甲局2023年报.pdf", Report: rep("甲局", 2023)}, {Path: "x/甲局2023年报-草稿.pdf", Report: rep("甲局", 2023)}},
			[]int{1, -1, -1}, 1},
		{"two copies of this year both pair", []fileResult{
			{Path: "2024.html", Report: rep("甲局", 2024)}, {Path: "2024.pdf", Report: rep("甲局", 2024)}, {Path: "2023.pdf", Report: rep("甲局", 2023)}},
			[]int{2, 2, -1}, 2},
		{"same folder wins", []fileResult{
			{Path: "a/r2024.txt", Report: rep("甲局", 2024)}, {Path: "b/r2023.txt", Report: rep("甲局", 2023)}, {Path: "a/r2023.txt", Report: rep("甲局", 2023)}},
			[]int{2, -1, -1}, 1},
		{"the name as offices vary it", []fileResult{
			{Path: "a", Report: rep("青川县人民政府办公室", 2024)}, {Path: "b", Report: rep("青川县政府办", 2023)},
			{Path: "c", Report: rep("城关街道办事处", 2024)}, {Path: "d", Report: rep("城关街道", 2023)}},
			[]int{1, -1, 3, -1}, 2},
		{"a unit that goes on under its own name is not another's previous year", []fileResult{
			{Path: "gov2024", Report: rep("青川县人民政府", 2024)}, {Path: "gov2023", Report: rep("青川县人民政府", 2023)},
			{Path: "office2024", Report: rep("青川县人民政府办公室", 2024)}},
			[]int{1, -1, -1}, 1},
		{"the name as written first", []fileResult{
			{Path: "a", Report: rep("青川县政府办", 2024)}, {Path: "b", Report: rep("青川县政府办", 2023)}, {Path: "c", Report: rep("青川县人民政府办公室", 2023)}},
			[]int{1, -1, -1}, 1},
		{"two name variants alike are ambiguous", []fileResult{
			{Path: "a", Report: rep("庚县政府办", 2023)}, {Path: "b", Report: rep("庚县人民政府", 2023)}, {Path: "c", Report: rep("庚县人民政府办公室", 2024)}},
			[]int{-1, -1, -1}, 1},
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
	// One issuer with many years (the 39 reports of one issuer that used to
	// switch pairing off for all): each year pairs with the one before.
	var many []fileResult
	for y := 1990; y < 2029; y++ {
		many = append(many, fileResult{Path: fmt.Sprintf("r/%d.pdf", y), Report: rep("汝州市人民政府办公室", y)})
	}
	pr0 := pairReports(many, nil, "")
	require.Nil(t, pr0.Prev[0])
	for i := 1; i < len(many); i++ {
		require.Same(t, many[i-1].Report, pr0.Prev[i], "year %d", 1990+i)
	}
	require.Len(t, pr0.Notes, maxPairNotes+1, "announced, but not 38 lines")

	// an explicit --previous applies to every other file, not to itself
	prev := rep("甲局", 2023)
	pr := pairReports([]fileResult{{Path: "a", Report: rep("甲局", 2024)}, {Path: "p", Report: prev}}, prev, "p")
	require.Same(t, prev, pr.Prev[0])
	require.Nil(t, pr.Prev[1])

	// an ambiguous note counts the candidates, name variants included
	pr = pairReports([]fileResult{{Path: "a", Report: rep("庚县政府办", 2023)}, {Path: "b", Report: rep("庚县人民政府", 2023)}, {Path: "c", Report: rep("庚县人民政府办公室", 2024)}}, nil, "")
	require.Len(t, pr.Notes, 1)
	require.Contains(t, pr.Notes[0], "有 2 份可能的上一年度报告")
}
