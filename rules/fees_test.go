package rules

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// withFeeSentence checks the clean text fixture with its section 六 fee
// sentence replaced, and returns the rules that fired.
func withFeeSentence(t *testing.T, sentence string) map[string]int {
	t.Helper()
	return countRules(readEdited(t, cleanText, feeSentence, sentence), nil)
}

// feeSentence is the section 六 statement of the text fixtures.
const feeSentence = "本年度我局未发出收费通知，未收取信息处理费。"

func TestFeeDeclarations(t *testing.T) {
	declared := []string{
		"本年度未收取信息处理费。",
		"本年度发出收费通知0件，实际收取0元。",
		"本年度发出收费通知的件数和总金额以及实际收取的总金额均为0。",
		"本年度未发出收费通知，收取费用0元。",
		"本机关未收取任何费用。",
		"没有产生信息处理费。",
		"未发生收费情况。",
		"信息处理费0元。",
		"本年度收取信息处理费共计400元。",
	}
	for _, s := range declared {
		assert.Zero(t, withFeeSentence(t, s)["F401"], "F401 on a declaration: %s", s)
	}
	for _, s := range []string{"无。", "本年度无其他需要报告的事项。", "行政事业性收费按规定执行。"} {
		assert.Equal(t, 1, withFeeSentence(t, s)["F401"], "no F401 on: %s", s)
	}
}

func TestFeeConflictPhrasings(t *testing.T) {
	check := func(sentence string) int {
		return countRules(readEdited(t, "../fixtures/text/F402-fee-declaration-conflict.txt", feeSentence, sentence), nil)["F402"]
	}
	// table 三 shows an application dropped for an unpaid fee: a notice was sent
	for _, s := range []string{"本年度没有收费事项。", "本年度无收取信息处理费情况，亦无相关收费通知。", "未向申请人发出收费通知书。", "收费通知0件。"} {
		assert.Equal(t, 1, check(s), "F402 missed: %s", s)
	}
	for _, s := range []string{"本年度发出收费通知1件，申请人未缴纳，实际收取0元。", "本年度未收取信息处理费。"} {
		assert.Zero(t, check(s), "F402 on a consistent statement: %s", s)
	}
}
