package rules

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/reportlint/reportlint/parser"
)

// withProblems is the clean report with one non-fatal reading problem of
// each reader rule.
func withProblems(t *testing.T) *parser.Report {
	rep := readEdited(t, cleanText, "", "")
	rep.Doc.Problems = append(rep.Doc.Problems,
		parser.Problem{Kind: parser.ProblemUnreadable, Message: "第 2 个表格无法读取", Loc: parser.Loc{Line: 3}},
		parser.Problem{Kind: parser.ProblemNoText, Message: "第 5 页没有文字层", Loc: parser.Loc{Page: 5, Line: 1}},
	)
	return rep
}

// TestReaderProblemsHonourConfig: P001 off silences exactly the P001
// notices, P002 off exactly the P002 ones (P002 off used to hide P001's).
func TestReaderProblemsHonourConfig(t *testing.T) {
	rep := withProblems(t)
	count := func(cfg Config) map[string]int {
		got := map[string]int{}
		for _, f := range Run(rep, nil, cfg) {
			got[f.Rule]++
		}
		return got
	}
	require.Equal(t, map[string]int{"P001": 1, "P002": 1}, count(Config{}))
	require.Equal(t, map[string]int{"P002": 1}, count(Config{Disabled: map[string]bool{"P001": true}}))
	require.Equal(t, map[string]int{"P001": 1}, count(Config{Disabled: map[string]bool{"P002": true}}))
	require.Empty(t, count(Config{Disabled: map[string]bool{"P001": true, "P002": true}}))
	// a severity override applies to each reader rule separately
	got := Run(rep, nil, Config{Severity: map[string]Severity{"P002": Warning}})
	sev := map[string]Severity{}
	for _, f := range got {
		sev[f.Rule] = f.Severity
		require.NotEmpty(t, f.Name)
	}
	require.Equal(t, map[string]Severity{"P001": Error, "P002": Warning}, sev)
}

// TestReadErrorHonoursConfig: a fatal reading failure is silenced by its own
// rule only.
func TestReadErrorHonoursConfig(t *testing.T) {
	scan := &parser.ReadError{Kind: parser.ProblemNoText, Reason: "没有文字层"}
	broken := parser.Unreadable("文件损坏", errors.New("eof"))
	off := func(id string) Config { return Config{Disabled: map[string]bool{id: true}} }
	require.Len(t, ReadErrorFindings(scan, Config{}), 1)
	require.Empty(t, ReadErrorFindings(scan, off("P002")))
	require.Len(t, ReadErrorFindings(scan, off("P001")), 1)
	require.Empty(t, ReadErrorFindings(broken, off("P001")))
	require.Len(t, ReadErrorFindings(broken, off("P002")), 1)
	require.Equal(t, "P001", ReadErrorFindings(errors.New("plain"), Config{})[0].Rule)
}

// TestRulePanicBecomesFinding: a rule that panics yields one P003 finding
// naming it, drops its partial findings, and the rules after it still run.
func TestRulePanicBecomesFinding(t *testing.T) {
	rep := readEdited(t, cleanText, "", "")
	boom := &Rule{ID: "A399", Name: "boom", Severity: Error, Check: func(p *Pass) {
		p.Reportf(parser.Loc{Line: 1}, "partial")
		var m map[string]int
		//lint:ignore SA5000 deliberate: a rule that panics
		m["x"] = 1 // panics: assignment to entry in nil map
	}}
	after := &Rule{ID: "A398", Name: "after", Severity: Warning, Check: func(p *Pass) {
		p.Reportf(parser.Loc{Line: 2}, "still ran")
	}}
	got := runSet([]*Rule{boom, after}, rep, nil, Config{})
	require.Len(t, got, 2)
	require.Equal(t, InternalErrorID, got[0].Rule)
	require.Equal(t, Error, got[0].Severity)
	require.Contains(t, got[0].Message, "A399")
	require.Contains(t, got[0].Message, "nil map")
	require.Contains(t, got[0].Message, "engine_test.go", "the message names where the rule failed")
	require.Equal(t, "A398", got[1].Rule)
	require.Equal(t, "still ran", got[1].Message)

	// P003 can be silenced like any rule; the other rules still run.
	got = runSet([]*Rule{boom, after}, rep, nil, Config{Disabled: map[string]bool{InternalErrorID: true}})
	require.Len(t, got, 1)
	require.Equal(t, "A398", got[0].Rule)
}

// TestRunRuleRunsOneRule: RunRule gives exactly one rule's findings.
func TestRunRuleRunsOneRule(t *testing.T) {
	rep := withProblems(t)
	all := Run(rep, nil, Config{})
	require.NotEmpty(t, all)
	for _, r := range All() {
		if r.Check == nil {
			require.Panics(t, func() { RunRule(r.ID, rep, nil) })
			continue
		}
		var want []Finding
		for _, f := range all {
			if f.Rule == r.ID {
				want = append(want, f)
			}
		}
		require.Equal(t, want, RunRule(r.ID, rep, nil), r.ID)
	}
}
