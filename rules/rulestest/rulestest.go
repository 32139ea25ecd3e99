// Package rulestest runs one rule on a report written in the test, so that
// a rule's test shows the input and the findings it expects side by side:
//
//	rulestest.Case{
//		Rule: "A304",
//		Report: rulestest.Edit(clean,
//			"行政复议\t1\t1\t0\t1\t3", "行政复议\t1\t1\t0\t1\t4"),
//		Want: []string{
//			"70:9 表四「行政复议」组：总计为 4，但结果维持 1 + 结果纠正 1 + 其他结果 0 + 尚未审结 1 = 3",
//		},
//	}.Run(t)
//
// A report is a file read as reportlint reads it (any format), a fixture
// edited by string replacement, or text in the plain-text format (sections
// as paragraphs, table rows as tab-separated cells). Findings are compared
// as "WHERE MESSAGE" strings, WHERE being the finding's location as
// parser.Loc prints it ("70:9", "第4页第13行", "表3 第5行 第2列") and left
// out when the finding has none.
package rulestest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/parser"
	"github.com/reportlint/reportlint/parser/load"
	"github.com/reportlint/reportlint/rules"
)

// Source is a report to check: a file, possibly edited, or inline text.
type Source struct {
	// Path names the file (its extension and content say the format). With
	// Text set, Path is only the name the report is read under.
	Path string
	// Text, when set, is the report's content instead of the file's.
	Text string
	// Edits are replacements applied in order; each must change the report.
	Edits [][2]string
}

func (s Source) zero() bool { return s.Path == "" && s.Text == "" }

// File is the report at path, as it is.
func File(path string) Source { return Source{Path: path} }

// Text is a report in the plain-text format.
func Text(text string) Source { return Source{Path: "report.txt", Text: text} }

// Edit is the report at path with each pair old, new replaced once (old
// must occur, so that a changed fixture cannot turn the test into one that
// checks nothing).
func Edit(path string, oldNew ...string) Source {
	if len(oldNew)%2 != 0 {
		panic("rulestest.Edit: want pairs of old and new text")
	}
	s := Source{Path: path}
	for i := 0; i < len(oldNew); i += 2 {
		s.Edits = append(s.Edits, [2]string{oldNew[i], oldNew[i+1]})
	}
	return s
}

// Read reads and recognises the report, failing the test when it cannot be
// read or an edit does not apply.
func (s Source) Read(t testing.TB) *parser.Report {
	t.Helper()
	data := []byte(s.Text)
	if s.Text == "" {
		var err error
		data, err = os.ReadFile(s.Path)
		if err != nil {
			t.Fatalf("rulestest: %v", err)
		}
	}
	src := string(data)
	for _, e := range s.Edits {
		next := strings.Replace(src, e[0], e[1], 1)
		if next == src {
			t.Fatalf("rulestest: %q does not occur in %s (or the edit changes nothing)", e[0], s.Path)
		}
		src = next
	}
	rep, err := load.Bytes(filepath.Base(s.Path), []byte(src), parser.DefaultOptions())
	if err != nil {
		t.Fatalf("rulestest: %s cannot be read: %v", s.Path, err)
	}
	return rep
}

// Case is one rule run on one report.
type Case struct {
	// Name labels the case in failures (optional).
	Name string
	// Rule is the ID of the rule under test; only it runs.
	Rule string
	// Report is the report checked; Previous the previous year's, for the
	// cross-year rules (zero: none).
	Report   Source
	Previous Source
	// Want lists the expected findings in order, as Format prints them.
	// Empty: the rule must stay quiet.
	Want []string
}

// Run checks the case and reports a difference as a test failure that
// lists both the expected and the actual findings.
func (c Case) Run(t testing.TB) {
	t.Helper()
	got := Findings(t, c)
	var lines []string
	for _, f := range got {
		lines = append(lines, Format(f))
	}
	if strings.Join(lines, "\n") != strings.Join(c.Want, "\n") {
		t.Errorf("rulestest %s%s: findings differ\nwant (%d):\n  %s\ngot (%d):\n  %s", c.Rule, nameSuffix(c.Name),
			len(c.Want), strings.Join(c.Want, "\n  "), len(lines), strings.Join(lines, "\n  "))
	}
}

func nameSuffix(n string) string {
	if n == "" {
		return ""
	}
	return " (" + n + ")"
}

// Findings runs the case's rule and returns its findings, for tests that
// look at more than the message (Expected, Table/Row/Col, Related).
func Findings(t testing.TB, c Case) []rules.Finding {
	t.Helper()
	r := rules.Lookup(c.Rule)
	if r == nil || r.Check == nil {
		t.Fatalf("rulestest: %q is not a rule with a Check", c.Rule)
	}
	var prev *parser.Report
	if !c.Previous.zero() {
		prev = c.Previous.Read(t)
	}
	return rules.RunRule(c.Rule, c.Report.Read(t), prev)
}

// Count runs every rule (as `reportlint check` does, reader problems
// included) on the report and counts the findings per rule ID, for tests
// that a change fires one rule and no other. A zero prev is no previous
// report.
func Count(t testing.TB, report, prev Source) map[string]int {
	t.Helper()
	var p *parser.Report
	if !prev.zero() {
		p = prev.Read(t)
	}
	got := map[string]int{}
	for _, f := range rules.Run(report.Read(t), p, rules.Config{}) {
		got[f.Rule]++
	}
	return got
}

// Format prints a finding as a Want line: "WHERE MESSAGE", or only the
// message when the finding has no location.
func Format(f rules.Finding) string {
	if w := f.Loc.String(); w != "" {
		return fmt.Sprintf("%s %s", w, f.Message)
	}
	return f.Message
}
