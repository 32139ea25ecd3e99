package rules

import "github.com/reportlint/reportlint/parser"

// Copies of parser's canonical table definitions, made once. parser's
// accessors clone their definitions on every call (so that no caller can
// change them); the rules only read these copies, and
// TestCanonCopiesUnchanged holds them equal to fresh ones after the rules
// ran on every fixture.
var (
	table3Rows = parser.Table3Rows()
	table4Rows = parser.Table4Rows()
	table3Cols = parser.Table3Cols()
	table4Cols = parser.Table4Cols()
	// rowDefsByTable is parser.RowDefs for each of parser.TableIDs
	rowDefsByTable = func() map[parser.TableID][]parser.RowDef {
		m := map[parser.TableID][]parser.RowDef{}
		for _, id := range parser.TableIDs() {
			m[id] = parser.RowDefs(id)
		}
		return m
	}()
)

// rowDefs is parser.RowDefs(id), not to be changed.
func rowDefs(id parser.TableID) []parser.RowDef { return rowDefsByTable[id] }
