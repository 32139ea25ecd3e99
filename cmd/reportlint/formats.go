package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/mattn/go-isatty"
)

// writeEnv is what a writer may need beyond the results.
type writeEnv struct {
	color  bool
	roster *roster // nil without --roster
}

// outputFormat is one output format of check: the one table that --format
// validation, --output/--summary by extension and the help texts use.
// Adding a format is one entry here and its writer.
type outputFormat struct {
	Name string
	// Exts are the file extensions that mean this format (first preferred).
	Exts []string
	// Binary formats are never written to a terminal.
	Binary bool
	// Summary formats may be given as --summary FILE.
	Summary bool
	// Tables formats show the canonical tables (checked.Tables); the
	// others are written from results checked without them.
	Tables bool
	// Help says in a few words what the format is for.
	Help  string
	Write func(w io.Writer, out []checked, env writeEnv) error
}

var outputFormats = []outputFormat{
	{Name: "text", Exts: []string{".txt", ".log"}, Help: "每行一个问题，供人阅读（默认）",
		Write: func(w io.Writer, out []checked, env writeEnv) error { return writeText(w, out, env.color) }},
	{Name: "json", Exts: []string{".json"}, Help: "JSON（第 1 版），供程序读取",
		Write: func(w io.Writer, out []checked, _ writeEnv) error { return writeJSON(w, out) }},
	{Name: "sarif", Exts: []string{".sarif", ".sarif.json"}, Help: "SARIF 2.1.0，供代码扫描平台",
		Write: func(w io.Writer, out []checked, _ writeEnv) error { return writeSARIF(w, out) }},
	{Name: "github", Help: "GitHub Actions 注释",
		Write: func(w io.Writer, out []checked, _ writeEnv) error { return writeGitHub(w, out) }},
	{Name: "csv", Exts: []string{".csv"}, Summary: true, Help: "每个问题一行的表格（UTF-8 BOM，Excel 可直接打开）",
		Write: func(w io.Writer, out []checked, _ writeEnv) error { return writeCSV(w, out) }},
	{Name: "html", Exts: []string{".html", ".htm"}, Summary: true, Tables: true, Help: "一个独立的网页汇总",
		Write: func(w io.Writer, out []checked, _ writeEnv) error { return writeHTML(w, out) }},
	{Name: "xlsx", Exts: []string{".xlsx"}, Binary: true, Summary: true, Tables: true, Help: "Excel 工作簿：汇总、问题清单、数据、规则统计、未报送",
		Write: func(w io.Writer, out []checked, env writeEnv) error { return writeXLSX(w, out, env.roster) }},
}

// formatNames lists the names of the output formats, for --format.
func formatNames() []string {
	var s []string
	for _, f := range outputFormats {
		s = append(s, f.Name)
	}
	return s
}

func lookupFormat(name string) *outputFormat {
	for i := range outputFormats {
		if outputFormats[i].Name == name {
			return &outputFormats[i]
		}
	}
	return nil
}

// formatForPath returns the format a file name's extension means, or nil.
// The longest matching extension wins (".sarif.json" is SARIF, not JSON).
func formatForPath(path string) *outputFormat {
	name := strings.ToLower(filepath.Base(path))
	var best *outputFormat
	bestLen := 0
	for i := range outputFormats {
		for _, e := range outputFormats[i].Exts {
			if strings.HasSuffix(name, e) && len(name) > len(e) && len(e) > bestLen {
				best, bestLen = &outputFormats[i], len(e)
			}
		}
	}
	return best
}

// summaryExtHelp lists the --summary extensions, for the help text.
func summaryExtHelp() string {
	var s []string
	for _, f := range outputFormats {
		if f.Summary {
			s = append(s, strings.Join(f.Exts, "/")+"（"+f.Name+"）")
		}
	}
	return strings.Join(s, "、")
}

// summaryFormat gives the format of a --summary file from its extension.
func summaryFormat(path string) (*outputFormat, error) {
	f := formatForPath(path)
	if f == nil || !f.Summary {
		return nil, usageError{fmt.Sprintf("--summary %s：无法从扩展名判断汇总格式；可用的扩展名：%s", path, summaryExtHelp())}
	}
	return f, nil
}

// chooseFormat settles check's output format from --format and --output:
// without --format, the extension of --output decides; with both, they
// must agree; a binary format needs --output or a stdout that is not a
// terminal.
func chooseFormat(flagFormat *enumFlag, output string, stdout io.Writer) (*outputFormat, error) {
	byExt := (*outputFormat)(nil)
	if output != "" && output != "-" {
		byExt = formatForPath(output)
	}
	f := lookupFormat(flagFormat.value)
	if !flagFormat.set && byExt != nil {
		f = byExt
	}
	if byExt != nil && byExt != f {
		return nil, usageError{fmt.Sprintf("--format %s 与输出文件 %s 的扩展名不一致（%s 是 %s 格式的扩展名）；请改扩展名为 %s，或去掉 --format",
			f.Name, output, filepath.Ext(output), byExt.Name, strings.Join(f.Exts, " 或 "))}
	}
	if byExt == nil && f.Binary && output != "" && output != "-" {
		return nil, usageError{fmt.Sprintf("--format %s 的输出文件应以 %s 结尾：%s", f.Name, f.Exts[0], output)}
	}
	if f.Binary && (output == "" || output == "-") && isTerminal(stdout) {
		return nil, usageError{fmt.Sprintf("--format %s 是二进制格式，不能显示在终端上；请用 --output 文件%s 或 --summary 文件%s 指定文件", f.Name, f.Exts[0], f.Exts[0])}
	}
	return f, nil
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}
