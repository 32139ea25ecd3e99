package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/fatih/color"
	"github.com/mattn/go-isatty"

	"github.com/reportlint/reportlint/rules"
)

// useColor: colour only on a terminal, never with NO_COLOR or --no-color.
func useColor(w io.Writer, noColor bool) bool {
	if noColor || os.Getenv("NO_COLOR") != "" {
		return false
	}
	f, ok := w.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}

type counts struct{ errors, warnings, infos int }

func count(out []checked) counts {
	var c counts
	for _, f := range out {
		for _, x := range f.Findings {
			switch x.Severity {
			case rules.Error:
				c.errors++
			case rules.Warning:
				c.warnings++
			case rules.Info:
				c.infos++
			}
		}
	}
	return c
}

// writeText prints one finding per line, PATH:LINE:COL: severity ID message,
// then a summary line. PDF and DOCX findings add where they are in words
// ("第3页第12行", "表3 第5行 第2列") before the message.
func writeText(w io.Writer, out []checked, colored bool) error {
	sev := map[rules.Severity]*color.Color{
		rules.Error:   color.New(color.FgRed, color.Bold),
		rules.Warning: color.New(color.FgYellow),
		rules.Info:    color.New(color.FgCyan),
	}
	for _, c := range sev {
		if colored {
			c.EnableColor()
		} else {
			c.DisableColor()
		}
	}
	for _, f := range out {
		for _, x := range f.Findings {
			where := ""
			if x.Loc.Page > 0 || x.Loc.Unit != "" {
				where = "[" + x.Loc.String() + "] "
			}
			line, col := x.Loc.Line, x.Loc.Column
			if x.Loc.Unit != "" {
				line, col = 0, 0
			}
			if _, err := fmt.Fprintf(w, "%s:%d:%d: %s %s %s%s\n", f.Path, line, col,
				sev[x.Severity].Sprint(string(x.Severity)), x.Rule, where, x.Message); err != nil {
				return err
			}
		}
	}
	c := count(out)
	_, err := fmt.Fprintf(w, "检查了 %d 个文件：%d 个错误，%d 个警告，%d 个提示\n", len(out), c.errors, c.warnings, c.infos)
	return err
}

type jsonLocation struct {
	Line   int    `json:"line,omitempty"`
	Column int    `json:"column,omitempty"`
	Page   int    `json:"page,omitempty"`
	Unit   string `json:"unit,omitempty"`
	Table  string `json:"table,omitempty"`
	Row    string `json:"row,omitempty"`
	Col    string `json:"col,omitempty"`
}

type jsonFinding struct {
	Rule     string       `json:"rule"`
	Name     string       `json:"name"`
	Severity string       `json:"severity"`
	Message  string       `json:"message"`
	Location jsonLocation `json:"location"`
	Expected string       `json:"expected,omitempty"`
	Actual   string       `json:"actual,omitempty"`
}

type jsonFile struct {
	Path     string        `json:"path"`
	Format   string        `json:"format,omitempty"`
	Issuer   string        `json:"issuer,omitempty"`
	Year     int           `json:"year,omitempty"`
	Previous string        `json:"previous,omitempty"`
	Findings []jsonFinding `json:"findings"`
}

type jsonSummary struct {
	Files   int `json:"files"`
	Error   int `json:"error"`
	Warning int `json:"warning"`
	Info    int `json:"info"`
}

type jsonCheck struct {
	Version int         `json:"version"`
	Files   []jsonFile  `json:"files"`
	Summary jsonSummary `json:"summary"`
}

func toJSONFinding(x rules.Finding) jsonFinding {
	return jsonFinding{
		Rule: x.Rule, Name: x.Name, Severity: string(x.Severity), Message: x.Message,
		Location: jsonLocation{Line: x.Loc.Line, Column: x.Loc.Column, Page: x.Loc.Page, Unit: string(x.Loc.Unit),
			Table: string(x.Table), Row: string(x.Row), Col: string(x.Col)},
		Expected: x.Expected, Actual: x.Actual,
	}
}

// writeJSON prints the version-1 JSON of rules.md §4.
func writeJSON(w io.Writer, out []checked) error {
	doc := jsonCheck{Version: 1, Files: []jsonFile{}}
	for _, f := range out {
		jf := jsonFile{Path: f.Path, Format: string(f.Format), Issuer: f.Issuer, Year: f.Year, Previous: f.Previous, Findings: []jsonFinding{}}
		for _, x := range f.Findings {
			jf.Findings = append(jf.Findings, toJSONFinding(x))
		}
		doc.Files = append(doc.Files, jf)
	}
	c := count(out)
	doc.Summary = jsonSummary{Files: len(out), Error: c.errors, Warning: c.warnings, Info: c.infos}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

// exitFor gives check's exit code: 1 when a finding is at least as severe
// as failOn ("error" or "warning"), else 0.
func exitFor(out []checked, failOn string) int {
	threshold := rules.Error.Rank()
	if failOn == "warning" {
		threshold = rules.Warning.Rank()
	}
	for _, c := range out {
		for _, f := range c.Findings {
			if f.Severity.Rank() >= threshold {
				return exitError
			}
		}
	}
	return exitOK
}
