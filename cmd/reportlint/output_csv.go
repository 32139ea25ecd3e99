package main

import (
	"encoding/csv"
	"io"
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
			_ = cw.Write(row)
			continue
		}
		for _, f := range c.Findings {
			_ = cw.Write(findingRow(c, f))
		}
	}
	cw.Flush()
	return cw.Error()
}
