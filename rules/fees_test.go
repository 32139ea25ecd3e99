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

// TestFeeMentionIsNoDeclaration: naming the 办法, its number or the
// template's placeholder does not say whether a fee was charged.
func TestFeeMentionIsNoDeclaration(t *testing.T) {
	cases := []struct {
		sentence string
		f401     bool
	}{
		// mentions: F401
		{"本机关严格执行《政府信息公开信息处理费管理办法》。", true},
		{"根据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）有关规定执行。", true},
		{"按照国办函〔2020〕109号规定收取信息处理费。", true},
		{"（文字描述，收取信息处理费情况在此处报告。）", true},
		{"收取信息处理费情况在此处报告。", true},
		{"发出收费通知的件数和总金额以及实际收取的总金额。", true},
		{"本年度无其他需要报告的事项。", true},
		{"本机关按照信息处理费标准规范收费行为。", true},
		{"无。", true},
		{"本机关将严格按照《办法》规定收取信息处理费。", true},
		{"对申请数量明显超过合理范围的，可以收取信息处理费。", true},
		{"行政机关不得违规收取信息处理费。", true},
		{"信息处理费按照国办函〔2020〕109号执行。", true},
		// declarations: no F401
		{"本年度未收取信息处理费。", false},
		{"共收取信息处理费0元。", false},
		{"本年度没有收取信息处理费。", false},
		{"本机关不收取信息处理费。", false},
		{"依申请公开免收信息处理费。", false},
		{"本年度共收取信息处理费380元。", false},
		{"本年度发出收费通知1件，实际收取信息处理费200元。", false},
		{"依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），本年度未收取信息处理费。", false},
		{"本年度我单位严格按照《政府信息公开信息处理费管理办法》执行，全年未产生信息处理费。", false},
		{"信息处理费收取情况：无。", false},
		{"收取信息处理费０元。", false},
		{"本年度信息处理费收取金额为零元。", false},
		{"本机关2024年度未向申请人收取信息处理费。", false},
		{"2024年，我局未对政府信息公开申请人收取任何费用。", false},
		{"全年没有发生收取信息处理费的情况。", false},
		{"本年度无信息处理费收取情况。", false},
		{"本单位依申请公开政府信息不收费。", false},
		{"本年度收取信息处理费共计0.2万元。", false},
		{"发出收费通知书0份，收取信息处理费0元。", false},
		{"本年度不存在收取信息处理费情况。", false},
		{"本机关本年度信息处理费收入为零。", false},
		{"本年度未开展信息处理费收费工作。", false},
		{"依法应收取的信息处理费已全部免除。", false},
		{"本年度发出收费通知0件，收取信息处理费\n0元。", false}, // a sentence broken at a line end
	}
	for _, c := range cases {
		got := withFeeSentence(t, c.sentence)["F401"]
		if c.f401 {
			assert.Equal(t, 1, got, "want F401 on: %s", c.sentence)
		} else {
			assert.Zero(t, got, "F401 on a declaration: %s", c.sentence)
		}
	}
}
