package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/fatih/color"

	"github.com/reportlint/reportlint/parser"
	"github.com/reportlint/reportlint/rules"
)

// useColor: colour only on a terminal, never with NO_COLOR or --no-color.
func useColor(w io.Writer, noColor bool) bool {
	if noColor || os.Getenv("NO_COLOR") != "" {
		return false
	}
	return isTerminal(w)
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

// place is how a text line names where something is: "PATH:LINE:COL:"
// (or "PATH:LINE:") only when the location is a line and column of the file
// (text, HTML), so that editors can jump there; for PDF and DOCX the place in
// words with no fake line number ("PATH: 第4页第20行:", "PATH: 表三 第5行「自然人」列:");
// "PATH:" when nothing is known.
func place(path string, loc parser.Loc, where string) string {
	if line, col, ok := loc.FilePos(); ok {
		if col > 0 {
			return fmt.Sprintf("%s:%d:%d:", path, line, col)
		}
		return fmt.Sprintf("%s:%d:", path, line)
	}
	if where != "" {
		return path + ": " + where + ":"
	}
	return path + ":"
}

// writeText prints one finding per line for people,
// "PLACE severity ID【严重程度·规则名称】message" (PLACE as place gives it),
// each related location on an indented line below ("  PLACE 相关：…"), then
// a summary line.
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
			if _, err := fmt.Fprintf(w, "%s %s %s【%s·%s】%s\n", place(f.Path, x.Loc, x.Where()),
				sev[x.Severity].Sprint(string(x.Severity)), x.Rule, x.Severity.Chinese(), ruleTitle(x.Rule), x.Message); err != nil {
				return err
			}
			for _, r := range x.Related {
				path := f.Path
				if r.Path != "" {
					path = r.Path
				}
				if _, err := fmt.Fprintf(w, "  %s 相关：%s\n", place(path, r.Loc, r.Where()), r.Label); err != nil {
					return err
				}
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
	// Related are the other places the finding is about (the operands of
	// a relation, last year's cell).
	Related []jsonRelated `json:"related,omitempty"`
}

// jsonRelated is a location object with a label, and the file when it is
// not the finding's own.
type jsonRelated struct {
	Label string `json:"label"`
	Path  string `json:"path,omitempty"`
	jsonLocation
}

func toJSONLocation(l parser.Loc, table parser.TableID, row parser.RowKey, col parser.ColKey) jsonLocation {
	return jsonLocation{Line: l.Line, Column: l.Column, Page: l.Page, Unit: string(l.Unit),
		Table: string(table), Row: string(row), Col: string(col)}
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
	f := jsonFinding{
		Rule: x.Rule, Name: x.Name, Severity: string(x.Severity), Message: x.Message,
		Location: toJSONLocation(x.Loc, x.Table, x.Row, x.Col),
		Expected: x.Expected, Actual: x.Actual,
	}
	for _, r := range x.Related {
		f.Related = append(f.Related, jsonRelated{Label: r.Label, Path: r.Path, jsonLocation: toJSONLocation(r.Loc, r.Table, r.Row, r.Col)})
	}
	return f
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
	switch failOn {
	case "warning":
		threshold = rules.Warning.Rank()
	case "info":
		threshold = rules.Info.Rank()
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
