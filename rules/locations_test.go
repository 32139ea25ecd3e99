package rules

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/reportlint/reportlint/parser"
	"github.com/reportlint/reportlint/parser/load"
)

// DOCX positions name the statutory table, in the report and in the
// previous year's report that X701's related cell points into; the
// finding's own place names the column by its label.
func TestDOCXPlacesNameTheStatutoryTable(t *testing.T) {
	const path = "../fixtures/cross/clean-report-lo.docx"
	rep, err := load.File(path, parser.DefaultOptions())
	require.NoError(t, err)
	prev, err := load.File(path, parser.DefaultOptions())
	require.NoError(t, err)
	prev.Year = rep.Year - 1
	r4 := prev.Table(parser.Table3).Cell(parser.R4, parser.ColNatural)
	require.True(t, r4.Known())
	r2 := rep.Table(parser.Table3).Cell(parser.R2, parser.ColNatural)
	r4.Num = r2.Num + 5
	got := RunRule("X701", rep, prev)
	require.NotEmpty(t, got)
	f := got[0]
	require.Equal(t, parser.ColNatural, f.Col)
	require.Equal(t, parser.Table3, f.Loc.Table, "the finding's DOCX table is named")
	require.True(t, strings.HasPrefix(f.Where(), "表三 第"), f.Where())
	require.True(t, strings.HasSuffix(f.Where(), "「自然人」列"), f.Where())
	require.Len(t, f.Related, 1)
	rel := f.Related[0]
	require.Equal(t, path, rel.Path)
	require.Equal(t, parser.Table3, rel.Loc.Table, "the previous report's DOCX table is named too")
	require.Contains(t, rel.Where(), "「自然人」列")
	require.NotEqual(t, f.Loc.RowOrd, rel.Loc.RowOrd, "R2 and R4 are different rows")
	// a Word-visible cell ordinal, not the grid column: the row label spans
	// several grid columns in this template
	require.Positive(t, f.Loc.Cell)
	require.LessOrEqual(t, f.Loc.Cell, f.Loc.ColOrd)
}
