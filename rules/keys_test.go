package rules

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	rp "github.com/reportlint/reportlint/parser"
)

// keyTakers are the functions and methods whose string arguments are
// canonical row or column keys; keyFields the struct fields that hold one.
var (
	keyTakers = map[string]bool{"Cell": true, "Row": true, "cellFinding": true, "cellName": true, "rowName": true,
		"LookupRow": true, "ColLabel": true, "t3": true, "RowKey": true, "ColKey": true}
	keyFields = map[string]bool{"Row": true, "Col": true, "row": true, "col": true, "part": true, "groups": true, "rows": true}
	// prefixTakers take group prefixes ("R3_3" for R3_3_1..R3_3_8).
	prefixTakers = map[string]bool{"resultClaim": true}
)

// canonicalKeys lists every row and column key of the canonical tables.
func canonicalKeys() map[string]bool {
	keys := map[string]bool{}
	for _, id := range rp.TableIDs() {
		for _, d := range rp.RowDefs(id) {
			keys[string(d.Key)] = true
			for _, c := range d.Cols {
				keys[string(c.Key)] = true
			}
		}
	}
	return keys
}

// TestRuleKeysExist reads the rules' source and requires every string
// literal given where a canonical key is expected (t.Cell("R3_7", "total"),
// Finding{Row: …}, cellRef{…}) to be a key of the canonical tables, so a
// misspelt key cannot make a rule silently never fire.
func TestRuleKeysExist(t *testing.T) {
	keys := canonicalKeys()
	require.True(t, keys["R3_7"] && keys["lit_after_review"] && keys["natural"] && keys["made"])
	isPrefix := func(p string) bool {
		for k := range keys {
			if k == p || strings.HasPrefix(k, p+"_") {
				return true
			}
		}
		return false
	}
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	fset := token.NewFileSet()
	checked := 0
	var bad []string
	lit := func(e ast.Expr, prefix bool) {
		b, ok := e.(*ast.BasicLit)
		if !ok || b.Kind != token.STRING {
			return
		}
		s, err := strconv.Unquote(b.Value)
		if err != nil || s == "" {
			return
		}
		checked++
		if (prefix && !isPrefix(s)) || (!prefix && !keys[s]) {
			bad = append(bad, fset.Position(b.Pos()).String()+": "+s)
		}
	}
	// values: a literal, or the literals of a []T{…} composite.
	values := func(e ast.Expr, prefix bool) {
		if cl, ok := e.(*ast.CompositeLit); ok {
			for _, el := range cl.Elts {
				lit(el, prefix)
			}
			return
		}
		lit(e, prefix)
	}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		require.NoError(t, err)
		file, err := parser.ParseFile(fset, f, src, 0)
		require.NoError(t, err)
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				name := ""
				switch fn := n.Fun.(type) {
				case *ast.Ident:
					name = fn.Name
				case *ast.SelectorExpr:
					name = fn.Sel.Name
				}
				switch {
				case keyTakers[name]:
					for i, a := range n.Args {
						if name == "t3" && i == 0 {
							continue // the quantity's name
						}
						values(a, false)
					}
				case prefixTakers[name]:
					for _, a := range n.Args[1:] {
						values(a, true)
					}
				}
			case *ast.KeyValueExpr:
				if k, ok := n.Key.(*ast.Ident); ok && keyFields[k.Name] {
					values(n.Value, false)
				}
			case *ast.CompositeLit:
				// positional cellRef{table, row, col}
				if id, ok := n.Type.(*ast.Ident); ok && id.Name == "cellRef" && len(n.Elts) == 3 {
					lit(n.Elts[1], false)
					lit(n.Elts[2], false)
				}
			}
			return true
		})
	}
	require.Empty(t, bad, "string literals used as canonical keys that are no key of the canonical tables")
	t.Logf("%d key literals checked", checked)
}
