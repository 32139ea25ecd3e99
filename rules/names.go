package rules

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/reportlint/reportlint/parser"
)

// rowName is a row's label for messages: "（三）不予公开·1.属于国家秘密".
func rowName(table parser.TableID, row parser.RowKey) string {
	d, ok := parser.LookupRow(table, row)
	if !ok {
		return string(row)
	}
	if table == parser.Table3 && d.Group != "" && !strings.HasPrefix(d.Group, "三、") {
		return d.Group + d.Label
	}
	if table == parser.Table3 && strings.HasPrefix(string(d.Key), "R3_2") {
		return "（二）部分公开"
	}
	return d.Label
}

// cellName names a cell for messages: 表三「一、本年新收…」行「自然人」列.
func cellName(table parser.TableID, row parser.RowKey, col parser.ColKey) string {
	return fmt.Sprintf("表%s「%s」行「%s」列", table, rowName(table, row), parser.ColLabel(table, row, col))
}

// fmtNum prints a number without a trailing ".0".
func fmtNum(f float64) string {
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// quote renders a cell's raw text for messages.
func quote(v *parser.Value) string {
	if v == nil || v.Kind == parser.Missing {
		return "（缺失）"
	}
	if v.Kind == parser.Blank {
		return "（空白）"
	}
	return "“" + v.Raw + "”"
}

// cellFinding prepares a finding located at a canonical cell.
func cellFinding(t *parser.CanonTable, row parser.RowKey, col parser.ColKey) Finding {
	f := Finding{Table: t.ID, Row: row, Col: col, Key: string(t.ID) + "/" + string(row) + "/" + string(col)}
	if v := t.Cell(row, col); v != nil {
		f.Loc = v.Loc
	} else if r := t.Row(row); r != nil {
		f.Loc = r.Loc
	} else {
		f.Loc = t.Loc
	}
	return f
}

// cellRelated is a canonical cell as a related location of a finding, its
// label naming the cell and its value ("表三「二、上年结转…」行「自然人」列：2").
func cellRelated(t *parser.CanonTable, row parser.RowKey, col parser.ColKey) Related {
	f := cellFinding(t, row, col)
	v := t.Cell(row, col)
	val := quote(v)
	if v.Known() {
		val = fmtNum(v.Num)
	}
	return Related{Label: cellName(t.ID, row, col) + "：" + val, Loc: f.Loc, Table: t.ID, Row: row, Col: col}
}
