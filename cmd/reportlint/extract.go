package main

import (
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strconv"

	"github.com/reportlint/reportlint/parser"
	"github.com/reportlint/reportlint/rules"
)

func cmdExtract(args []string, stdout, stderr io.Writer) (int, error) {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	var cf commonFlags
	cf.register(fs, "json")
	paths, err := parseInterleaved(fs, args, stderr)
	if err != nil {
		return exitUsage, err
	}
	if err := oneOf(cf.format, "json", "csv"); err != nil {
		return exitUsage, err
	}
	if len(paths) == 0 {
		return exitUsage, usageError{"请给出要读取的文件或目录"}
	}
	files, err := discoverReports(paths, stderr)
	if err != nil {
		return exitUsage, err
	}
	if err := checkOutputPath(cf.output, append(append([]string{}, files.list...), cf.config)); err != nil {
		return exitUsage, err
	}
	results := readAll(files.list, cf.jobs, cf.options())
	code := exitOK
	for _, r := range results {
		if r.Err != nil {
			code = exitError
			for _, f := range rules.ReadErrorFindings(r.Err, rules.Config{}) {
				fmt.Fprintf(stderr, "%s: %s %s\n", r.Path, f.Rule, f.Message)
			}
		}
	}
	dest, closeDest, err := openOutput(cf.output, stdout)
	if err != nil {
		return exitUsage, err
	}
	switch cf.format {
	case "csv":
		err = writeExtractCSV(dest, results)
	default:
		err = writeExtractJSON(dest, results)
	}
	err = finishOutput(dest, closeDest, err)
	if err != nil {
		return exitUsage, err
	}
	if files.empty {
		return exitUsage, nil
	}
	return code, nil
}

// Extract is the version-1 JSON of one file's canonical tables.
type Extract struct {
	Version int                            `json:"version"`
	Path    string                         `json:"path"`
	Format  string                         `json:"format,omitempty"`
	Issuer  string                         `json:"issuer,omitempty"`
	Year    int                            `json:"year,omitempty"`
	Layout  string                         `json:"layout,omitempty"`
	Table2  map[string]map[string]*float64 `json:"table2,omitempty"`
	Table3  map[string][]*float64          `json:"table3,omitempty"`
	Table4  map[string][]*float64          `json:"table4,omitempty"`
	Error   *jsonFinding                   `json:"error,omitempty"`
}

func num(v *parser.Value) *float64 {
	if !v.Known() {
		return nil
	}
	n := v.Num
	return &n
}

// extractOf builds the Extract of one report.
func extractOf(r fileResult) Extract {
	e := Extract{Version: 1, Path: r.Path}
	if r.Err != nil {
		f := rules.ReadErrorFindings(r.Err, rules.Config{})
		if len(f) > 0 {
			jf := toJSONFinding(f[0])
			e.Error = &jf
		}
		return e
	}
	rep := r.Report
	e.Format, e.Issuer, e.Year, e.Layout = string(rep.Doc.Format), rep.Issuer, rep.Year, string(rep.Layout)
	if t := rep.Table(parser.Table2); t != nil && len(t.Rows) > 0 {
		e.Table2 = map[string]map[string]*float64{}
		for _, key := range t.Order {
			row := t.Rows[key]
			m := map[string]*float64{}
			for i, c := range row.Def.Cols {
				m[string(c.Key)] = num(row.Cells[i])
			}
			e.Table2[string(key)] = m
		}
	}
	rowsOf := func(t *parser.CanonTable) map[string][]*float64 {
		if t == nil || len(t.Rows) == 0 {
			return nil
		}
		m := map[string][]*float64{}
		for _, key := range t.Order {
			var vals []*float64
			for _, v := range t.Rows[key].Cells {
				vals = append(vals, num(v))
			}
			m[string(key)] = vals
		}
		return m
	}
	e.Table3 = rowsOf(rep.Table(parser.Table3))
	e.Table4 = rowsOf(rep.Table(parser.Table4))
	return e
}

func writeExtractJSON(w io.Writer, results []fileResult) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if len(results) == 1 {
		return enc.Encode(extractOf(results[0]))
	}
	all := make([]Extract, 0, len(results))
	for _, r := range results {
		all = append(all, extractOf(r))
	}
	return enc.Encode(all)
}

// writeExtractCSV prints one line per cell: path, table, row, column, value
// (empty when blank or not a number), raw text, and location.
func writeExtractCSV(w io.Writer, results []fileResult) error {
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"path", "table", "row", "col", "value", "raw", "kind", "page", "line", "column"})
	for _, r := range results {
		if r.Report == nil {
			continue
		}
		for ref := range r.Report.Cells {
			v := ref.Value
			val := ""
			if v.Known() {
				val = strconv.FormatFloat(v.Num, 'f', -1, 64)
			}
			_ = cw.Write([]string{r.Path, string(ref.Table.ID), string(ref.Row.Key), string(ref.Col.Key), val, v.Raw, v.Kind.String(),
				itoa(v.Loc.Page), itoa(v.Loc.Line), itoa(v.Loc.Column)})
		}
	}
	cw.Flush()
	return cw.Error()
}

func itoa(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}
