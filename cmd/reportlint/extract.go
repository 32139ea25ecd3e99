package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"github.com/reportlint/reportlint/parser"
	"github.com/reportlint/reportlint/rules"
)

func cmdExtract(args []string, stdout, stderr io.Writer) (int, error) {
	fs := newFlagSet("extract")
	var cf commonFlags
	cf.register(fs, []string{"json", "csv"}, "json")
	paths, err := parseInterleaved(fs, args, stdout)
	if err != nil {
		return exitUsage, err
	}
	if cf.output != "" && cf.output != "-" {
		if f := formatForPath(cf.output); f != nil && (f.Name == "json" || f.Name == "csv") {
			if !cf.format.set {
				cf.format.value = f.Name
			} else if f.Name != cf.format.value {
				return exitUsage, usageError{fmt.Sprintf("--format %s 与输出文件 %s 的扩展名不一致", cf.format.value, cf.output)}
			}
		}
	}
	if len(paths) == 0 {
		return exitUsage, usageError{"请给出要读取的文件或目录，例如: reportlint extract 2024年报.pdf"}
	}
	conf, err := loadConfig(cf.config, paths)
	if err != nil {
		return exitUsage, err
	}
	if cf.verbose {
		if conf.Path != "" {
			fmt.Fprintf(stderr, "reportlint: 使用配置文件 %s（ignore 中的文件不读取）\n", conf.Path)
		} else {
			fmt.Fprintln(stderr, "reportlint: 没有找到配置文件 .reportlint.yaml，使用默认设置")
		}
	}
	files, err := discoverReports(paths, stderr, cf.verbose)
	if err != nil {
		return exitUsage, err
	}
	files.list = conf.filter(files.list)
	if err := checkOutputPath(cf.output, append(append([]string{}, files.list...), cf.config)); err != nil {
		return exitUsage, err
	}
	prog := newProgress(stderr, len(files.list))
	results := readAll(files.list, int(cf.jobs), cf.options(), prog.done)
	prog.finish()
	code := exitOK
	for _, r := range results {
		if r.Err != nil {
			code = exitError
			for _, f := range rules.ReadErrorFindings(r.Err, rules.Config{}) {
				fmt.Fprintf(stderr, "%s: %s %s\n", r.Path, f.Rule, f.Message)
			}
		}
	}
	write := writeExtractJSON
	if cf.format.value == "csv" {
		write = writeExtractCSV
	}
	if err := writeOutput(cf.output, "结果", stdout, stderr, func(w io.Writer) error { return write(w, results) }); err != nil {
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

// extractCSVColumns are the columns of extract --format csv: the keys of
// rules.md beside the statutory labels, for people and for scripts.
var extractCSVColumns = []string{"文件", "机关", "年度", "表", "行键", "行", "列键", "列", "数值", "原文", "类别", "页", "行号", "列号"}

// writeExtractCSV prints one line per cell: file, issuer, year, table, row
// key and label, column key and label, value (empty when blank or not a
// number), raw text, kind and location; UTF-8 with a BOM, so that Excel on
// Chinese Windows shows it right.
func writeExtractCSV(w io.Writer, results []fileResult) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	_ = cw.Write(extractCSVColumns)
	for _, r := range results {
		if r.Report == nil {
			continue
		}
		year := ""
		if r.Report.Year > 0 {
			year = strconv.Itoa(r.Report.Year)
		}
		for ref := range r.Report.Cells {
			v := ref.Value
			val := ""
			if v.Known() {
				val = strconv.FormatFloat(v.Num, 'f', -1, 64)
			}
			_ = cw.Write(csvSafe([]string{r.Path, r.Report.Issuer, year, string(ref.Table.ID), string(ref.Row.Key), ref.Row.Def.FullLabel(), string(ref.Col.Key), ref.Col.Label,
				val, v.Raw, v.Kind.String(), itoa(v.Loc.Page), itoa(v.Loc.Line), itoa(v.Loc.Column)}))
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
