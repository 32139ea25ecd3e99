package main

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"

	"github.com/reportlint/reportlint/rules"
)

var emptyFinding = rules.Finding{}

// writeXLSX writes an Excel workbook with two sheets: 汇总 (one row per file,
// with its verdict and counts) and 问题清单 (one row per finding), both with
// filters and frozen headers.
func writeXLSX(w io.Writer, out []checked) error {
	x := excelize.NewFile()
	defer x.Close()
	const sumSheet, listSheet = "汇总", "问题清单"
	if err := x.SetSheetName("Sheet1", sumSheet); err != nil {
		return err
	}
	if _, err := x.NewSheet(listSheet); err != nil {
		return err
	}
	bold, err := x.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Color: []string{"DDEBF7"}, Pattern: 1}})
	if err != nil {
		return err
	}
	put := func(sheet string, r int, vals []string) error {
		for c, v := range vals {
			cell, _ := excelize.CoordinatesToCellName(c+1, r)
			var val any = v
			if n, ok := asInt(v); ok {
				val = n
			}
			if err := x.SetCellValue(sheet, cell, val); err != nil {
				return err
			}
		}
		return nil
	}
	finish := func(sheet string, cols []string, rows int, widths []float64) error {
		last, _ := excelize.CoordinatesToCellName(len(cols), 1)
		if err := x.SetCellStyle(sheet, "A1", last, bold); err != nil {
			return err
		}
		lastData, _ := excelize.CoordinatesToCellName(len(cols), max(rows, 1))
		if err := x.AutoFilter(sheet, "A1:"+lastData, nil); err != nil {
			return err
		}
		for i, wd := range widths {
			col, _ := excelize.ColumnNumberToName(i + 1)
			if err := x.SetColWidth(sheet, col, col, wd); err != nil {
				return err
			}
		}
		return x.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
	}
	if err := put(sumSheet, 1, summaryColumns); err != nil {
		return err
	}
	for i, c := range out {
		if err := put(sumSheet, i+2, summaryRow(summarize(c))); err != nil {
			return err
		}
	}
	if err := finish(sumSheet, summaryColumns, len(out)+1, []float64{48, 28, 8, 8, 10, 8, 8, 8}); err != nil {
		return fmt.Errorf("汇总表: %w", err)
	}
	if err := put(listSheet, 1, findingColumns); err != nil {
		return err
	}
	r := 2
	for _, c := range out {
		for _, f := range c.Findings {
			if err := put(listSheet, r, findingRow(c, f)); err != nil {
				return err
			}
			r++
		}
	}
	if err := finish(listSheet, findingColumns, r-1, []float64{40, 24, 8, 6, 7, 22, 5, 6, 5, 7, 5, 9, 10, 7, 7, 100}); err != nil {
		return fmt.Errorf("问题清单: %w", err)
	}
	return x.Write(w)
}

func asInt(s string) (int, bool) {
	if s == "" || len(s) > 9 {
		return 0, false
	}
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			return 0, false
		}
		n = n*10 + int(r-'0')
	}
	return n, true
}
