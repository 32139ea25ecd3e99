package rules

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// withApplicationProse replaces the 依申请公开 paragraph of the clean text
// fixture (tables: 新收 29, 上年结转 2, 予以公开 11, 部分公开 4, 不予公开 1,
// 无法提供 9, 不予处理 2, 其他处理 1, 总计 28, 结转下年度 3; 复议 3, 诉讼 1)
// and returns the narrative findings.
func withApplicationProse(t *testing.T, text string) []string {
	t.Helper()
	const prose = "全年共收到政府信息公开申请29件，上年结转2件，办结28件，结转下年度继续办理3件。因政府信息公开工作被申请行政复议3件，被提起行政诉讼1件。"
	rep := readEdited(t, cleanText, "（二）依申请公开。"+prose, "（二）依申请公开。"+text)
	var out []string
	for _, f := range Run(rep, nil, Config{}) {
		if strings.HasPrefix(f.Rule, "N5") {
			out = append(out, f.Rule+" "+f.Message)
		}
	}
	return out
}

// Sentences found correct by a review on unseen prose that once gave
// warnings: figures before their label, other years, later follow-ups.
func TestNarrativeReviewedCorrectSentences(t *testing.T) {
	for _, s := range []string{
		"11件予以公开，4件部分公开，1件不予公开，9件无法提供，2件不予处理，1件作其他处理。",
		"全年共收到申请29件，上年结转2件，其中28件已办结，3件结转下年度继续办理。",
		"2023年收到申请18件，结转下年度2件。",
		"截至2025年1月15日，结转的3件已办结2件。",
	} {
		assert.Empty(t, withApplicationProse(t, s), "findings on a correct sentence: %s", s)
	}
	// contradictions are still reported
	for _, s := range []string{
		"全年共收到政府信息公开申请29件，其中予以公开12件。",
		"全年办结申请27件，结转下年度继续办理3件。",
	} {
		assert.NotEmpty(t, withApplicationProse(t, s), "contradiction missed: %s", s)
	}
}

func TestNarrativeUnknownNumeralIsSkipped(t *testing.T) {
	assert.Empty(t, withApplicationProse(t, "全年共收到申请廿九件。"))
}
