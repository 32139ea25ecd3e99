package main

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSameTablesInEveryFormat: fixtures/cross holds the PDF and DOCX files
// that LibreOffice and Chromium make of the HTML fixture
// clean-word-export.html (scripts/make-cross-fixtures.sh). Every format must
// give the same tables, cell for cell, and the same issuer and year.
func TestSameTablesInEveryFormat(t *testing.T) {
	files, err := filepath.Glob(fixturesRoot + "/cross/*.*")
	require.NoError(t, err)
	reports := []string{fixturesRoot + "/html/clean-word-export.html"} // the source
	for _, f := range files {
		switch filepath.Ext(f) {
		case ".pdf", ".docx":
			reports = append(reports, f)
		}
	}
	require.GreaterOrEqual(t, len(reports), 4, "want the HTML source and its PDF and DOCX versions")
	type tables struct {
		Issuer string                         `json:"issuer"`
		Year   int                            `json:"year"`
		Table2 map[string]map[string]*float64 `json:"table2"`
		Table3 map[string][]*float64          `json:"table3"`
		Table4 map[string][]*float64          `json:"table4"`
	}
	var want tables
	var wantFrom string
	formats := map[string]bool{}
	for _, f := range reports {
		out, _, code := runArgs("extract", f)
		require.Equal(t, exitOK, code, f)
		var got tables
		require.NoError(t, json.Unmarshal([]byte(out), &got), f)
		require.Len(t, got.Table3, 25, "%s: table 三 rows", f)
		require.Len(t, got.Table4, 3, "%s: table 四 groups", f)
		require.Len(t, got.Table2, 6, "%s: table 二 rows", f)
		formats[filepath.Ext(f)] = true
		if wantFrom == "" {
			want, wantFrom = got, f
			continue
		}
		assert.Equal(t, want, got, "%s reads differently from %s", f, wantFrom)
	}
	assert.Len(t, formats, 3, "HTML, PDF and DOCX")
}
