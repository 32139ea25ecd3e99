package rules

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestValidateRegistry holds the registry to the rule-kit standard.
func TestValidateRegistry(t *testing.T) {
	require.NoError(t, Validate(All()))
}

// TestValidateFindsProblems shows that Validate is not a rubber stamp: each
// kind of defect is reported.
func TestValidateFindsProblems(t *testing.T) {
	good := func() *Rule {
		return &Rule{ID: "A399", Name: "sample-rule", Severity: Error, Title: "样例", Summary: "一行", Doc: "为什么", Example: "例子", Check: func(*Pass) {}}
	}
	require.NoError(t, Validate([]*Rule{good()}))
	cases := map[string]func(r *Rule){
		"ID is not":          func(r *Rule) { r.ID = "a301" },
		"name is not":        func(r *Rule) { r.Name = "Sample_Rule" },
		"unknown severity":   func(r *Rule) { r.Severity = "fatal" },
		"no Chinese title":   func(r *Rule) { r.Title = " " },
		"empty summary":      func(r *Rule) { r.Summary = "" },
		"empty doc":          func(r *Rule) { r.Doc = "" },
		"empty example":      func(r *Rule) { r.Example = "" },
		"more than one line": func(r *Rule) { r.Summary = "a\nb" },
		"no Check":           func(r *Rule) { r.Check = nil },
		"but has a Check":    func(r *Rule) { r.FromReader = true },
	}
	for want, spoil := range cases {
		r := good()
		spoil(r)
		err := Validate([]*Rule{r})
		require.Error(t, err, want)
		require.Contains(t, err.Error(), want)
	}
	a, b := good(), good()
	b.Title = "另一个"
	require.ErrorContains(t, Validate([]*Rule{a, b}), "duplicate ID")
	b.ID = "A398"
	require.ErrorContains(t, Validate([]*Rule{a, b}), "duplicate name")
	b.Name, b.Title = "other-rule", a.Title
	require.ErrorContains(t, Validate([]*Rule{a, b}), "also A399")
}
