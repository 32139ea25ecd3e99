package rules_test

import (
	"testing"

	"github.com/reportlint/reportlint/rules/rulestest"
)

// clean is the consistent text report the examples edit.
const clean = "../fixtures/text/clean-department-2024.txt"

// The examples below are how a rule's test reads with package rulestest:
// the edited input and the findings expected of one rule, side by side.

func TestTable4TotalExample(t *testing.T) {
	rulestest.Case{
		Rule:   "A304",
		Report: rulestest.Edit(clean, "1\t1\t0\t1\t3\t", "1\t1\t0\t1\t4\t"),
		Want: []string{
			"70:9 表四「行政复议」组：总计为 4，但结果维持 1 + 结果纠正 1 + 其他结果 0 + 尚未审结 1 = 3",
		},
	}.Run(t)
	rulestest.Case{Name: "clean", Rule: "A304", Report: rulestest.File(clean)}.Run(t)
}

// A blank cell gives C201 and no arithmetic finding, although reading it as
// 0 would break two relations (A301 for the column, A303 for the row).
func TestBlankIsNotJudged(t *testing.T) {
	blank := rulestest.Edit(clean, "（一）予以公开\t10\t1", "（一）予以公开\t\t1")
	rulestest.Case{Rule: "C201", Report: blank, Want: []string{
		"41:19 表三「（一）予以公开」行「自然人」列为空白，应填数字（没有的填 0）；用到该格的勾稽关系未予核对",
	}}.Run(t)
	for _, id := range []string{"A301", "A302", "A303"} {
		rulestest.Case{Name: "blank", Rule: id, Report: blank}.Run(t)
	}
	if got := rulestest.Count(t, blank, rulestest.Source{}); len(got) != 1 || got["C201"] != 1 {
		t.Errorf("a blank cell: want only C201 once, got %v", got)
	}
}

// Text in a number cell is C202, and the relations through it are not
// judged either.
func TestCellNotNumberExample(t *testing.T) {
	words := rulestest.Edit(clean, "（一）予以公开\t10\t1", "（一）予以公开\t见附件\t1")
	rulestest.Case{Rule: "C202", Report: words, Want: []string{
		"41:19 表三「（一）予以公开」行「自然人」列为“见附件”，不是数字",
	}}.Run(t)
	rulestest.Case{Name: "text cell", Rule: "A303", Report: words}.Run(t)
}
