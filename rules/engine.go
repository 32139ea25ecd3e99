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
	"runtime/debug"
	"sort"
	"strings"

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

// Chinese names the severity for people: 错误, 警告, 提示.
func (s Severity) Chinese() string {
	switch s {
	case Error:
		return "错误"
	case Warning:
		return "警告"
	case Info:
		return "提示"
	}
	return string(s)
}

// ParseSeverity reads "error", "warning", "info".
func ParseSeverity(s string) (Severity, bool) {
	switch Severity(s) {
	case Error, Warning, Info:
		return Severity(s), true
	}
	return "", false
}

// Rule is one check. Every field is set in the rule's literal (Validate
// says which are required); nothing completes a rule later.
type Rule struct {
	// ID is a capital letter and three digits ("A301"); contract IDs never
	// change.
	ID string
	// Name is the kebab-case English name ("table3-balance").
	Name     string
	Severity Severity
	// Title is the short Chinese name printed after the ID in text output
	// ("表三收支平衡").
	Title string
	// Summary is one line for `reportlint rules`.
	Summary string
	// Doc says why the rule exists (the format or the 条例 behind it) and
	// how to fix the report.
	Doc string
	// Example is a failing example and what reportlint says about it.
	Example string
	// Relation is the identity the rule checks when no one cell of it is
	// known to be the wrong one (A301: either side may be wrong), for
	// outputs that name the relation instead of an expected figure (the
	// workbook's 问题清单). Empty for the other rules.
	Relation string
	// Check runs the rule. Nil exactly when FromReader is set.
	Check func(*Pass)
	// FromReader marks rules the engine raises itself rather than through a
	// Check: reading problems (P001, P002: the reader reports them in
	// Document.Problems or as a *parser.ReadError) and P003 (a rule failed).
	FromReader bool
}

// InternalErrorID is the rule a panicking rule's failure is reported under.
const InternalErrorID = "P003"

// Finding is one problem found in one file.
type Finding struct {
	Rule     string
	Name     string
	Severity Severity
	Message  string
	Loc      parser.Loc
	// Table, Row, Col name the canonical cell ("三", "R1", "natural").
	Table parser.TableID
	Row   parser.RowKey
	Col   parser.ColKey
	// Expected and Actual are set where a relation was computed.
	Expected string
	Actual   string
	// Key identifies the finding independently of its line for baselines:
	// table/row/col or a normalised text.
	Key string
	// Related are the other places the finding is about: the operands of a
	// relation, last year's cell.
	Related []Related
}

// Related is another place a finding is about.
type Related struct {
	// Label names the cell and its value ("表三「二、上年结转…」行「自然人」列：2").
	Label string
	Loc   parser.Loc
	// Path is the file when it is not the finding's own (last year's
	// report); "" for the same file.
	Path string
	// Table, Row, Col name the canonical cell, when it is one.
	Table parser.TableID
	Row   parser.RowKey
	Col   parser.ColKey
}

// Where names the finding's place in words: the location as parser.Loc
// prints it, with a DOCX table cell named by its column label when the
// finding names a canonical cell of the same table ("表三 第5行「自然人」列").
func (f Finding) Where() string {
	return describe(f.Loc, f.Table, f.Row, f.Col)
}

// Where names the related place in words, as Finding.Where does.
func (r Related) Where() string {
	return describe(r.Loc, r.Table, r.Row, r.Col)
}

func describe(l parser.Loc, t parser.TableID, row parser.RowKey, col parser.ColKey) string {
	if l.Scheme() == parser.SchemeOrdinal && l.Unit == parser.UnitTableRow && col != "" && t != "" && l.Table == t {
		label := parser.ColLabel(t, row, col)
		// table 四's groups sit side by side in one row: name the group too
		if d, ok := parser.LookupRow(t, row); ok && t == parser.Table4 {
			label = d.Label + "·" + label
		}
		return l.Describe(label)
	}
	return l.String()
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
// stable order (by position, then rule). The reader's non-fatal problems
// (Document.Problems) become findings of their own rule (P001, P002), each
// subject to the config like any rule. A rule that panics does not stop the
// others: its failure becomes a P003 finding.
func Run(rep, prev *parser.Report, cfg Config) []Finding {
	return runSet(All(), rep, prev, cfg)
}

// runSet is Run over a given rule set.
func runSet(set []*Rule, rep, prev *parser.Report, cfg Config) []Finding {
	var out []Finding
	if rep != nil && rep.Doc != nil {
		out = append(out, problemFindings(rep.Doc.Problems, cfg)...)
	}
	shared := map[string]any{}
	// each rule's Pass, allocated at once
	passes := make([]Pass, len(set))
	for i, r := range set {
		if r.Check == nil || cfg.Disabled[r.ID] {
			continue
		}
		out = runChecked(r, rep, prev, &out, shared, cfg, &passes[i])
	}
	nameTables(rep, prev, out)
	return finish(out, cfg)
}

// RunRule checks a report with one rule only (and nothing else: no reader
// problems) and returns its findings in the order Run gives them. It is
// meant for tests of a single rule (see package rulestest). It panics if
// the rule is unknown or has no Check.
func RunRule(id string, rep, prev *parser.Report) []Finding {
	r := Lookup(id)
	if r == nil || r.Check == nil {
		panic("rules.RunRule: no rule with a Check has ID " + id)
	}
	var out []Finding
	out = runChecked(r, rep, prev, &out, map[string]any{}, Config{}, &Pass{})
	nameTables(rep, prev, out)
	return finish(out, Config{})
}

// runChecked runs one rule's Check and returns out with its findings. A panic
// inside the Check drops what the rule found so far and records one P003
// finding instead (unless P003 is disabled). p is the rule's Pass, set here.
func runChecked(r *Rule, rep, prev *parser.Report, out *[]Finding, shared map[string]any, cfg Config, p *Pass) (res []Finding) {
	before := len(*out)
	defer func() {
		v := recover()
		if v == nil {
			res = *out
			return
		}
		res = (*out)[:before]
		if cfg.Disabled[InternalErrorID] {
			return
		}
		ie := Lookup(InternalErrorID)
		res = append(res, Finding{
			Rule: ie.ID, Name: ie.Name, Severity: ie.Severity,
			Message: fmt.Sprintf("规则 %s（%s）检查本文件时出错，该规则的结果缺失：%v%s；请把此消息和文件报告给 reportlint 的维护者", r.ID, r.Name, v, panicSite()),
			Key:     InternalErrorID + "/" + r.ID,
		})
	}()
	*p = Pass{Report: rep, Previous: prev, rule: r, out: out, shared: shared}
	r.Check(p)
	return *out
}

// panicSite names the source line that panicked ("（arithmetic.go:93）"),
// read from the stack of the deferred recover, or "" when not found.
func panicSite() string {
	lines := strings.Split(string(debug.Stack()), "\n")
	for i, l := range lines {
		if !strings.HasPrefix(l, "panic(") {
			continue
		}
		// "panic(...)" and each frame after it are a function line and a
		// "\tfile:line +0x…" line; the first frame outside the runtime is
		// where the rule failed.
		for k := i + 2; k+1 < len(lines); k += 2 {
			if strings.HasPrefix(lines[k], "runtime.") {
				continue
			}
			loc := strings.TrimSpace(lines[k+1])
			if sp := strings.IndexByte(loc, ' '); sp >= 0 {
				loc = loc[:sp]
			}
			if slash := strings.LastIndexByte(loc, '/'); slash >= 0 {
				loc = loc[slash+1:]
			}
			return "（" + loc + "）"
		}
	}
	return ""
}

// ruleOfProblem is the rule that reports a kind of reading problem: P002
// for a missing text layer, P001 for everything else.
func ruleOfProblem(k parser.ProblemKind) string {
	if k == parser.ProblemNoText {
		return "P002"
	}
	return "P001"
}

// problemFindings turns a reader's non-fatal problems into findings of their
// rule, leaving out those whose rule is disabled.
func problemFindings(probs []parser.Problem, cfg Config) []Finding {
	var out []Finding
	for _, pr := range probs {
		r := Lookup(ruleOfProblem(pr.Kind))
		if cfg.Disabled[r.ID] {
			continue
		}
		out = append(out, Finding{Rule: r.ID, Name: r.Name, Severity: r.Severity, Message: pr.Message, Loc: pr.Loc, Key: pr.Message})
	}
	return out
}

// ReadErrorFindings turns a reader's failure into its P001/P002 finding.
func ReadErrorFindings(err error, cfg Config) []Finding {
	kind := parser.ProblemUnreadable
	msg := err.Error()
	if re, ok := err.(*parser.ReadError); ok {
		kind, msg = re.Kind, re.Reason
	}
	r := Lookup(ruleOfProblem(kind))
	if cfg.Disabled[r.ID] {
		return nil
	}
	return finish([]Finding{{Rule: r.ID, Name: r.Name, Severity: r.Severity, Message: msg}}, cfg)
}

func finish(out []Finding, cfg Config) []Finding {
	for i := range out {
		if s, ok := cfg.Severity[out[i].Rule]; ok {
			out[i].Severity = s
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if c := out[i].Loc.Compare(out[j].Loc); c != 0 {
			return c < 0
		}
		return out[i].Rule < out[j].Rule
	})
	return out
}

// nameTables records on the DOCX table locations of the findings which
// statutory table the source table was recognised as, so that positions
// read "表三 第5行" rather than "第2个表格 第5行". Related locations in the
// previous year's report are named from that report.
func nameTables(rep, prev *parser.Report, out []Finding) {
	cur, last := docxTables(rep), docxTables(prev)
	if cur == nil && last == nil {
		return
	}
	name := func(l *parser.Loc, byOrd map[int]parser.TableID) {
		if l.Unit == parser.UnitTableRow && l.Table == "" && byOrd != nil {
			l.Table = byOrd[l.TableOrd]
		}
	}
	for i := range out {
		name(&out[i].Loc, cur)
		for k := range out[i].Related {
			if out[i].Related[k].Path == "" {
				name(&out[i].Related[k].Loc, cur)
			} else {
				name(&out[i].Related[k].Loc, last)
			}
		}
	}
}

// docxTables maps the ordinals of a DOCX's tables to the statutory tables
// they were recognised as; nil for other formats.
func docxTables(rep *parser.Report) map[int]parser.TableID {
	if rep == nil || rep.Doc == nil || rep.Doc.Format != parser.FormatDOCX {
		return nil
	}
	byOrd := map[int]parser.TableID{}
	for _, id := range parser.TableIDs() {
		t := rep.Table(id)
		if t == nil {
			continue
		}
		mark := func(l parser.Loc) {
			if l.Unit == parser.UnitTableRow && l.TableOrd > 0 {
				if _, seen := byOrd[l.TableOrd]; !seen {
					byOrd[l.TableOrd] = id
				}
			}
		}
		mark(t.Loc)
		for _, r := range t.Rows {
			mark(r.Loc)
			for _, v := range r.Cells {
				if v != nil {
					mark(v.Loc)
				}
			}
		}
	}
	return byOrd
}
