package main

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
)

// writeCSV prints one row per finding, and one row for each file without
// findings (so every file checked appears), with a UTF-8 BOM so that Excel
// shows the Chinese text correctly.
func writeCSV(w io.Writer, out []checked) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	_ = cw.Write(findingColumns)
	for _, c := range out {
		if len(c.Findings) == 0 {
			row := make([]string, len(findingColumns))
			copy(row, findingRow(c, emptyFinding))
			row[len(row)-1] = "未发现问题"
			_ = cw.Write(csvSafe(row))
			continue
		}
		for _, f := range c.Findings {
			_ = cw.Write(csvSafe(findingRow(c, f)))
		}
	}
	cw.Flush()
	return cw.Error()
}

// csvSafe keeps a spreadsheet from running text as a formula: a field that
// starts with = + - @ (and is not a plain number) or with a tab or carriage
// return gets a leading apostrophe, which Excel and WPS show as text. A
// report's issuer, a file name or a cell's raw text come from the files
// checked and may be written by anyone.
func csvSafe(row []string) []string {
	for i, f := range row {
		if f == "" {
			continue
		}
		switch f[0] {
		case '=', '+', '-', '@', '\t', '\r':
			if _, err := strconv.ParseFloat(strings.TrimSpace(f), 64); err != nil || f[0] == '=' || f[0] == '@' {
				row[i] = "'" + f
			}
		}
	}
	return row
}
