// Package rules holds the rule engine and every rule of reportlint.
//
// A rule is a value: ID, name, default severity, a one-line summary, the
// documentation that `reportlint explain` prints, and a Check function that
// reads a recognised *parser.Report and reports findings through a *Pass.
// Rules never see markup; printing findings belongs to the command.
// One file holds one family of rules; registry.go lists them all.
package rules

import (
	"fmt"
	"sort"

	"github.com/reportlint/reportlint/parser"
)

// Severity of a finding.
type Severity string

// Severities, from most to least severe.
const (
	Error   Severity = "error"
	Warning Severity = "warning"
	Info    Severity = "info"
)

// Rank orders severities: error 3, warning 2, info 1.
func (s Severity) Rank() int {
	switch s {
	case Error:
		return 3
	case Warning:
		return 2
	case Info:
		return 1
	}
	return 0
}

// ParseSeverity reads "error", "warning", "info".
func ParseSeverity(s string) (Severity, bool) {
	switch Severity(s) {
	case Error, Warning, Info:
		return Severity(s), true
	}
	return "", false
}

// Rule is one check.
type Rule struct {
	ID       string
	Name     string
	Severity Severity
	// Summary is one line for `reportlint rules`.
	Summary string
	// Doc says why the rule exists (the format or the 条例 behind it) and
	// how to fix the report.
	Doc string
	// Example is a failing example and what reportlint says about it.
	Example string
	// Check runs the rule. Nil for rules raised by the reader (P001, P002).
	Check func(*Pass)
}

// Finding is one problem found in one file.
type Finding struct {
	Rule     string
	Name     string
	Severity Severity
	Message  string
	Loc      parser.Loc
	// Table, Row, Col name the canonical cell ("三", "R1", "natural").
	Table string
	Row   string
	Col   string
	// Expected and Actual are set where a relation was computed.
	Expected string
	Actual   string
	// Key identifies the finding independently of its line for baselines:
	// table/row/col or a normalised text.
	Key string
}

// Pass is what a rule's Check receives.
type Pass struct {
	Report *parser.Report
	// Previous is the same issuer's previous-year report, or nil.
	Previous *parser.Report
	rule     *Rule
	out      *[]Finding
	// shared holds what several rules compute from the same report in one
	// run (see memo).
	shared map[string]any
}

// memo returns the value computed by f under key, computing it once per
// run: rules that read the same thing from a report share the work.
func (p *Pass) memo(key string, f func() any) any {
	if v, ok := p.shared[key]; ok {
		return v
	}
	v := f()
	if p.shared == nil {
		p.shared = map[string]any{}
	}
	p.shared[key] = v
	return v
}

// Add records a finding of the running rule.
func (p *Pass) Add(f Finding) {
	f.Rule, f.Name, f.Severity = p.rule.ID, p.rule.Name, p.rule.Severity
	*p.out = append(*p.out, f)
}

// Reportf records a finding at loc with a formatted message.
func (p *Pass) Reportf(loc parser.Loc, format string, args ...any) {
	p.Add(Finding{Loc: loc, Message: fmt.Sprintf(format, args...)})
}

// Config changes which rules run and at what severity.
type Config struct {
	// Disabled rule IDs do not run.
	Disabled map[string]bool
	// Severity overrides a rule's default severity.
	Severity map[string]Severity
}

// Run checks a report with every enabled rule and returns the findings in a
// stable order (by position, then rule).
func Run(rep, prev *parser.Report, cfg Config) []Finding {
	var out []Finding
	shared := map[string]any{}
	for _, r := range All() {
		if r.Check == nil || cfg.Disabled[r.ID] {
			continue
		}
		p := &Pass{Report: rep, Previous: prev, rule: r, out: &out, shared: shared}
		r.Check(p)
	}
	return finish(out, cfg)
}

// ReadErrorFindings turns a reader's failure into its P001/P002 finding.
func ReadErrorFindings(err error, cfg Config) []Finding {
	rule := "P001"
	msg := err.Error()
	if re, ok := err.(*parser.ReadError); ok {
		rule, msg = re.Rule, re.Reason
	}
	if cfg.Disabled[rule] {
		return nil
	}
	r := Lookup(rule)
	return finish([]Finding{{Rule: r.ID, Name: r.Name, Severity: r.Severity, Message: msg}}, cfg)
}

func finish(out []Finding, cfg Config) []Finding {
	for i := range out {
		if s, ok := cfg.Severity[out[i].Rule]; ok {
			out[i].Severity = s
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Loc, out[j].Loc
		if a.Page != b.Page {
			return a.Page < b.Page
		}
		if a.TableOrd != b.TableOrd && a.Unit != "" && b.Unit != "" {
			return a.TableOrd < b.TableOrd
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		return out[i].Rule < out[j].Rule
	})
	return out
}
