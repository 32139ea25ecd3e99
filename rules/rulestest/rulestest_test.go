package rulestest

import (
	"fmt"
	"testing"
)

// recorder is a testing.TB that records failures instead of failing.
type recorder struct {
	testing.TB
	errors []string
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}

const clean = "../../fixtures/text/clean-department-2024.txt"

// A case whose expectation is wrong fails and shows both lists; a right one
// passes.
func TestCaseComparesFindings(t *testing.T) {
	broken := Edit(clean, "1\t1\t0\t1\t3\t", "1\t1\t0\t1\t4\t")
	rec := &recorder{TB: t}
	Case{Rule: "A304", Report: broken}.Run(rec)
	if len(rec.errors) != 1 {
		t.Fatalf("a quiet expectation on a firing rule did not fail: %v", rec.errors)
	}
	rec = &recorder{TB: t}
	Case{Rule: "A304", Report: File(clean), Want: []string{"70:9 something"}}.Run(rec)
	if len(rec.errors) != 1 {
		t.Fatalf("an expected finding that does not come did not fail: %v", rec.errors)
	}
	fs := Findings(t, Case{Rule: "A304", Report: broken})
	if len(fs) != 1 || fs[0].Rule != "A304" || fs[0].Expected != "3" || fs[0].Actual != "4" {
		t.Fatalf("findings: %+v", fs)
	}
	rec = &recorder{TB: t}
	Case{Rule: "A304", Report: broken, Want: []string{Format(fs[0])}}.Run(rec)
	if len(rec.errors) != 0 {
		t.Fatalf("the right expectation failed: %v", rec.errors)
	}
}

// Only the rule under test runs: the blank cell's C201 does not show in
// A304's case.
func TestOnlyTheRuleRuns(t *testing.T) {
	blank := Edit(clean, "（一）予以公开\t10\t1", "（一）予以公开\t\t1")
	Case{Rule: "A304", Report: blank}.Run(t)
	if got := Count(t, blank, Source{}); got["C201"] != 1 {
		t.Fatalf("Count: %v", got)
	}
}
