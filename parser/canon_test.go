package parser

import (
	"go/ast"
	goparser "go/parser"
	"go/token"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestKeyConstantsAreCanonical: every RowKey and ColKey constant declared in
// canon.go names a row or column of the canonical tables, and every row and
// column of the tables has its constant.
func TestKeyConstantsAreCanonical(t *testing.T) {
	fset := token.NewFileSet()
	f, err := goparser.ParseFile(fset, "canon.go", nil, 0)
	require.NoError(t, err)
	consts := map[string]map[string]bool{"RowKey": {}, "ColKey": {}}
	ast.Inspect(f, func(n ast.Node) bool {
		vs, ok := n.(*ast.ValueSpec)
		if !ok || vs.Type == nil {
			return true
		}
		typ, ok := vs.Type.(*ast.Ident)
		if !ok || consts[typ.Name] == nil {
			return true
		}
		for _, v := range vs.Values {
			s, err := strconv.Unquote(v.(*ast.BasicLit).Value)
			require.NoError(t, err)
			consts[typ.Name][s] = true
		}
		return true
	})
	rows, cols := map[string]bool{}, map[string]bool{}
	for _, id := range TableIDs() {
		for _, d := range RowDefs(id) {
			rows[string(d.Key)] = true
			for _, c := range d.Cols {
				cols[string(c.Key)] = true
			}
		}
	}
	require.Equal(t, rows, consts["RowKey"], "RowKey constants and canonical rows")
	require.Equal(t, cols, consts["ColKey"], "ColKey constants and canonical columns")
}

// TestCanonicalTablesReadOnly: what the accessors return is a copy.
func TestCanonicalTablesReadOnly(t *testing.T) {
	rows := Table3Rows()
	rows[0].Key = "spoilt"
	rows[0].Cols[0].Label = "spoilt"
	cols := Table4Cols()
	cols[0].Key = "spoilt"
	secs := Sections()
	secs[0].Heading = "spoilt"
	d, ok := LookupRow(Table3, R1)
	require.True(t, ok)
	d.Cols[0].Key = "spoilt"
	require.Equal(t, R1, Table3Rows()[0].Key)
	require.Equal(t, "自然人", Table3Rows()[0].Cols[0].Label)
	require.Equal(t, ColNatural, Table3Cols()[0].Key)
	require.Equal(t, ColMaintain, Table4Cols()[0].Key)
	require.Equal(t, "总体情况", Sections()[0].Heading)
	require.Equal(t, "自然人", ColLabel(Table3, R1, ColNatural))
	require.Len(t, Table3ResultKeys(Layout2021), 21)
	require.Len(t, Table3ResultKeys(Layout2019), 19)
}
