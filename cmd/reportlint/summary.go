package main

import (
	"strconv"
	"strings"

	"github.com/reportlint/reportlint/rules"
)

// Outputs for supervising offices that check hundreds of reports at once:
// a CSV and an Excel workbook to sort and filter, and a self-contained HTML
// page to read and pass on. All three list every file, with or without
// findings, in input order.

// fileSummary is one file's line in the summaries.
type fileSummary struct {
	Path, Issuer, Format, Status string
	Year                         int
	Errors, Warnings, Infos      int
}

func summarize(c checked) fileSummary {
	s := fileSummary{Path: c.Path, Issuer: c.Issuer, Format: string(c.Format), Year: c.Year}
	for _, f := range c.Findings {
		switch f.Severity {
		case rules.Error:
			s.Errors++
		case rules.Warning:
			s.Warnings++
		case rules.Info:
			s.Infos++
		}
	}
	switch {
	case len(c.Findings) > 0 && (c.Findings[0].Rule == "P001"):
		s.Status = "无法读取"
	case s.Errors > 0:
		s.Status = "有错误"
	case s.Warnings > 0:
		s.Status = "有警告"
	default:
		s.Status = "通过"
	}
	return s
}

// findingColumns are the columns of the per-finding sheets, in Chinese for
// the people who open them.
var findingColumns = []string{"文件", "机关", "年度", "级别", "规则", "规则名", "页", "行", "列", "单位", "表", "行键", "列键", "应为", "实为", "说明"}

var severityNames = map[rules.Severity]string{rules.Error: "错误", rules.Warning: "警告", rules.Info: "提示"}

func findingRow(c checked, f rules.Finding) []string {
	year := ""
	if c.Year > 0 {
		year = strconv.Itoa(c.Year)
	}
	return []string{c.Path, c.Issuer, year, severityNames[f.Severity], f.Rule, f.Name,
		itoa(f.Loc.Page), itoa(f.Loc.Line), itoa(f.Loc.Column), unitName(string(f.Loc.Unit)),
		string(f.Table), string(f.Row), string(f.Col), f.Expected, f.Actual, f.Message}
}

func unitName(u string) string {
	switch u {
	case "paragraph":
		return "段"
	case "table-row":
		return "表格行"
	}
	return u
}

// ruleTitle is a rule's Chinese title for people ("" for an unknown ID).
func ruleTitle(id string) string {
	if r := rules.Lookup(id); r != nil {
		if r.Title != "" {
			return r.Title
		}
		return r.Summary
	}
	return ""
}

// ruleRelation is the identity a rule checks when no one cell of it is
// known to be wrong (rules.Rule.Relation): summaries name it instead of
// 应为/实为.
func ruleRelation(id string) string {
	if r := rules.Lookup(id); r != nil {
		return r.Relation
	}
	return ""
}

// parseNumber reads a plain decimal number as findings give them.
func parseNumber(s string) (float64, error) {
	return strconv.ParseFloat(strings.TrimSpace(s), 64)
}
