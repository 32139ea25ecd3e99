package rules

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/reportlint/reportlint/parser"
	"github.com/reportlint/reportlint/parser/load"
)

// Whole reports: the clean text fixture with its prose rewritten in other
// styles (in section 一 and under the headings of sections 三 and 四),
// read by the real pipeline. Tables: 新收 29 (自然人 25, 商业企业 3, 法律服务
// 机构 1), 上年结转 2, 予以公开 11, 部分公开 4, 不予公开 1, 无法提供 9, 不予处理
// 2, 其他处理 1, 总计 28, 结转下年度 3; 复议 3 (维持 1, 纠正 1, 尚未审结 1),
// 诉讼 1 (直接起诉, 维持).
type fullReportProse struct {
	name     string
	overview string // replaces the 依申请公开 paragraph of section 一
	section3 string // a paragraph under the heading of section 三
	section4 string // a paragraph under the heading of section 四
}

var fullReports = []fullReportProse{
	{"街道", "（二）依申请公开。本街道全年共收到政府信息公开申请29件，其中当面申请9件、网上申请17件、信函申请3件。",
		"本年度上年结转申请2件，办结28件，其中予以公开11件，部分公开4件，不予公开1件，无法提供9件，不予处理2件，其他处理1件；结转下年度继续办理3件。",
		"本年度因政府信息公开工作被申请行政复议3件，其中结果维持1件、结果纠正1件、尚未审结1件；被提起行政诉讼1件，结果维持。"},
	{"乡镇", "（二）依申请公开。我镇全年收到依申请公开29条，上年转结2件，均已依法依规答复。",
		"全年新收申请中，自然人申请25件，占比86.2%；法人或其他组织申请4件，占比13.8%。",
		"复议3件，诉讼1件。"},
	{"部门", "（二）依申请公开。2024年，我局共受理政府信息公开申请31件（含2023年转至今年办理的2件），答复28件，另有3件顺延至下一年答复。",
		"从办理结果看，予以公开11件，占办结总数的39.3%；部分公开4件，占14.3%；无法提供9件，占32.1%。",
		"全年未发生政府信息公开行政复议被纠错的情况。"},
	{"县政府", "（二）依申请公开。全年共收到政府信息公开申请29件，同比增长~16%，上年结转2件，共计31件；办结28件，结转2025年继续办理3件。",
		"", ""},
	{"市政府", "（二）依申请公开。全市共新收政府信息公开申请二十九件，上年结转两件；办结二十八件，其中3件以上为区分处理。",
		"共办结28件，其中予以公开11件，部分公开4件，不予公开1件，无法提供9件，不予处理2件，其他处理1件。",
		"因政府信息公开申请答复引发行政复议3件、行政诉讼1件，均已按规定应诉或答复。"},
}

func fullReport(t testing.TB, p fullReportProse) string {
	t.Helper()
	data, err := os.ReadFile(cleanText)
	require.NoError(t, err)
	src := string(data)
	const old = "（二）依申请公开。全年共收到政府信息公开申请29件，上年结转2件，办结28件，结转下年度继续办理3件。因政府信息公开工作被申请行政复议3件，被提起行政诉讼1件。"
	require.Contains(t, src, old)
	src = strings.Replace(src, old, p.overview, 1)
	if p.section3 != "" {
		h := "三、收到和处理政府信息公开申请情况\n\n"
		require.Contains(t, src, h)
		src = strings.Replace(src, h, h+p.section3+"\n\n", 1)
	}
	if p.section4 != "" {
		h := "四、政府信息公开行政复议、行政诉讼情况\n\n"
		require.Contains(t, src, h)
		src = strings.Replace(src, h, h+p.section4+"\n\n", 1)
	}
	return src
}

func narrativeOfText(t testing.TB, src string) []Finding {
	rep, err := load.Bytes("report.txt", []byte(src), parser.DefaultOptions())
	require.NoError(t, err)
	var out []Finding
	for _, f := range Run(rep, nil, Config{}) {
		if strings.HasPrefix(f.Rule, "N5") {
			out = append(out, f)
		}
	}
	return out
}

// TestNarrativeFullReports: consistent prose gives no N50x finding, and a
// changed figure of it is found (one at a time).
func TestNarrativeFullReports(t *testing.T) {
	found, total := 0, 0
	for _, p := range fullReports {
		src := fullReport(t, p)
		for _, f := range narrativeOfText(t, src) {
			t.Errorf("%s: %s %s", p.name, f.Rule, f.Message)
		}
		for _, prose := range []string{p.overview, p.section3, p.section4} {
			for _, m := range corpusMutations(prose) {
				changed := applyMutation(prose, m)
				total++
				if len(narrativeOfText(t, strings.Replace(src, prose, changed, 1))) > 0 {
					found++
				} else {
					t.Logf("%s: missed %s→%s in %s", p.name, m.was, m.now, prose)
				}
			}
		}
	}
	t.Logf("changed figures found in whole reports: %d of %d", found, total)
	require.GreaterOrEqual(t, float64(found), 0.9*float64(total))
}
