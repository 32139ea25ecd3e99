package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/reportlint/reportlint/rules"
)

// `rules --format json` lists every rule with its Chinese title; the text
// listing names every ID too.
func TestRulesFormats(t *testing.T) {
	out, _, code := runArgs("rules", "--format", "json")
	require.Equal(t, exitOK, code)
	var doc struct {
		Version int
		Rules   []struct{ ID, Name, Title, Severity, Summary, Doc, Example string }
	}
	require.NoError(t, json.Unmarshal([]byte(out), &doc))
	require.Equal(t, 1, doc.Version)
	require.Len(t, doc.Rules, len(rules.All()))
	for i, r := range rules.All() {
		got := doc.Rules[i]
		require.Equal(t, r.ID, got.ID)
		require.Equal(t, r.Title, got.Title)
		require.NotEmpty(t, got.Title)
		require.Equal(t, string(r.Severity), got.Severity)
		require.NotEmpty(t, got.Doc)
	}
	text, _, code := runArgs("rules")
	require.Equal(t, exitOK, code)
	eq, _, _ := runArgs("rules", "--format=text")
	require.Equal(t, text, eq)
	for _, r := range rules.All() {
		require.Contains(t, text, r.ID+"  "+r.Name)
		require.Contains(t, text, "【"+r.Title+"】")
	}
	require.Len(t, strings.Split(strings.TrimSpace(text), "\n"), len(rules.All()))
	_, errOut, code := runArgs("rules", "--format", "yaml")
	require.Equal(t, exitUsage, code)
	require.Contains(t, errOut, "text、json")
}
