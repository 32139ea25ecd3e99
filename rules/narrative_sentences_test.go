package rules

import (
	"strings"
	"testing"
)

// Sentence-level cases of the narrative rules, one table per kind of
// wording: the sentence, the tables (in the notation of corpusCase; the
// base tables below when empty) and the findings expected of each rule.
//
// Base tables: 新收 29 (自然人 25, 商业企业 3, 法律服务机构 1), 上年结转 2,
// 予以公开 11, 部分公开 4, 不予公开 1, 无法提供 9, 不予处理 2, 其他处理 1,
// 总计 28, 结转下年度 3; 行政复议 3 (维持 1, 纠正 1, 尚未审结 1), 行政诉讼 1
// (未经复议直接起诉, 维持).
const (
	sentT3 = "R1=29 R1.corp=3 R1.legal=1 R2=2 R3_1=11 R3_2=4 R3_3=1 R3_4=9 R3_5=2 R3_6=1 R4=3"
	sentT4 = "review=1/1/0/1 lit_direct=1/0/0/0"
)

type sentenceCase struct {
	prose  string
	t3, t4 string // "" for the base tables; "-" for empty ones
	want   string // findings per rule: "N501" once each, "" for none
}

func runSentenceCases(t *testing.T, cases []sentenceCase) {
	t.Helper()
	for _, c := range cases {
		t3, t4 := c.t3, c.t4
		if t3 == "" {
			t3 = sentT3
		}
		if t4 == "" {
			t4 = sentT4
		}
		if t3 == "-" {
			t3 = ""
		}
		if t4 == "-" {
			t4 = ""
		}
		r := buildCorpusReport(t, corpusCase{name: c.prose, year: 2024, t3: t3, t4: t4}, "（二）依申请公开。"+c.prose)
		var got, msgs []string
		for _, f := range narrativeFindings(t, r) {
			got = append(got, f.Rule)
			msgs = append(msgs, f.Rule+" "+f.Message)
		}
		if strings.Join(got, " ") != c.want {
			t.Errorf("%s\n  want %q, got %q\n  %s", c.prose, c.want, strings.Join(got, " "), strings.Join(msgs, "\n  "))
		}
	}
}

// The year filter applies per clause, and only to another year's figures.
func TestNarrativeSentencesYears(t *testing.T) {
	runSentenceCases(t, []sentenceCase{
		{prose: "收到申请29件，结转2025年继续办理3件。"},
		{prose: "收到申请29件，结转2025年继续办理4件。", want: "N501"},
		{prose: "共收到申请31件，含2023年转至今年办理的2件。"},
		{prose: "共收到申请31件，含2023年转至今年办理的5件。", want: "N501"},
		{prose: "因2023年度申请引发行政复议3件。"},
		{prose: "因2023年度申请引发行政复议4件。", want: "N501"},
		{prose: "2023年收到申请18件，结转下年度2件。"},
		{prose: "截至2025年1月15日，结转的3件已办结2件。"},
		{prose: "收到申请30件，较2023年增加5件。", want: "N501"},
		{prose: "结转2023年继续办理4件。"}, // a year that is no carry-over of this report
	})
}

// 条/份/项 count applications when the noun is 申请.
func TestNarrativeSentencesCountedNouns(t *testing.T) {
	runSentenceCases(t, []sentenceCase{
		{prose: "全年收到依申请公开29条。"},
		{prose: "全年收到依申请公开30条。", want: "N501"},
		{prose: "共接收政府信息公开申请书29份。"},
		{prose: "共接收政府信息公开申请书27份。", want: "N501"},
		{prose: "共收到政府信息公开申请29项。"},
		{prose: "共收到政府信息公开申请33项。", want: "N501"},
		{prose: "主动公开政府信息412条，收到申请29件。"},
		{prose: "收到申请29件，回复群众咨询36条。"},
	})
}

// Parts by channel or by reason are not totals; a list of channels cannot
// exceed what it breaks down.
func TestNarrativeSentencesParts(t *testing.T) {
	runSentenceCases(t, []sentenceCase{
		{prose: "收到申请29件，其中网上申请20件，当面申请6件，信函申请3件。"},
		{prose: "收到申请29件，其中网上申请20件，当面申请7件，信函申请3件。", want: "N503"},
		{prose: "通过政府网站申请20件，邮寄申请9件。"},
		{prose: "通过政府网站申请20件，邮寄申请10件。", want: "N501"},
		{prose: "网上申请20件，传真申请2件。"}, // channels left out: a smaller sum is fine
		{prose: "对本机关不掌握相关信息等情形依规答复8件。"},
		{prose: "收到申请29件，顺延至下一年答复3件。"},
		{prose: "收到申请29件，顺延至下一年答复2件。", want: "N501"},
	})
}

// Negation is bound to its object.
func TestNarrativeSentencesNegation(t *testing.T) {
	runSentenceCases(t, []sentenceCase{
		{prose: "收到申请29件，未收到因政府信息公开申请引起的行政诉讼。", t4: "review=1/1/0/1"},
		{prose: "收到申请29件，未收到因政府信息公开申请引起的行政诉讼。", want: "N501"}, // the table has one
		{prose: "我镇无信息公开申请。", want: "N501"},
		{prose: "我镇无信息公开申请。", t3: "-"},
		{prose: "全年收到申请29件，无结转下年度办理件。", want: "N501"},
		{prose: "全年收到申请29件，无结转下年度办理件。", t3: "R1=29 R2=2 R3_1=13 R3_2=4 R3_3=1 R3_4=9 R3_5=2 R3_6=2"},
		{prose: "收到申请29件，未办结2件。"},
	})
}

// More wording of the same facts.
func TestNarrativeSentencesWording(t *testing.T) {
	runSentenceCases(t, []sentenceCase{
		{prose: "因政府信息公开工作被申请复议3件，被提起诉讼1件。"},
		{prose: "因政府信息公开工作被申请复议4件，被提起诉讼1件。", want: "N501"},
		{prose: "因政府信息公开工作被申请复议3件，被提起诉讼2件。", want: "N501"},
		{prose: "收到申请29件，上年转结2件。"},
		{prose: "收到申请29件，上年转结3件。", want: "N501"},
		{prose: "收到申请29件，11件全部予以公开。"},
		{prose: "收到申请29件，12件全部予以公开。", want: "N501"},
		{prose: "其中公民个人申请25件，法人或其他组织申请4件。"},
		{prose: "其中自然人申请26件，法人或其他组织申请4件。", want: "N501"},
		{prose: "其中自然人申请25件，法人或其他组织申请5件。", want: "N501"},
		{prose: "企业申请3件。"},
		{prose: "企业申请4件。", want: "N501"},
		{prose: "收到申请29件，帮助企业解决实际问题12件。"},
		{prose: "收到申请29件（其中：自然人25件，法人或其他组织4件）。"},
		{prose: "收到申请29件（其中：自然人24件，法人或其他组织4件）。", want: "N501"},
		{prose: "收到申请29件，其中公民、法人和其他组织申请29件。"},
		{prose: "自然人申请25件，占比86.2%。"},
		{prose: "自然人申请25件，占比90.0%。", want: "N502"},
		{prose: "收到申请29件，予以公开11件，占办结总数的39.3%。"},
		{prose: "收到申请29件，予以公开11件，占办结总数的37.9%。", want: "N502"}, // 11 ÷ 新收 29, not 办结
		{prose: "收到申请29件，予以公开11件，占新收申请的37.9%。"},
		{prose: "收到申请29件，无法提供9件，占收到申请总数的31.0%。"},
		{prose: "收到申请29件，无法提供9件，占收到申请总数的35.0%。", want: "N502"},
		{prose: "收到申请29件，答复满意率100%。"},
		{prose: "收到申请29件，答复方式为网上答复15件，邮寄答复10件，当面答复4件。"},
		{prose: "收到申请29件，邮寄送达答复书15件。"},
		{prose: "共受理申请（不含上年结转）29件。"},
		{prose: "共受理申请（含上年结转）31件。"},
		{prose: "共受理申请（含上年结转）29件。", want: "N501"},
		{prose: "收到申请29件，其中予以公开、部分公开共15件。"},
		{prose: "收到申请29件，予以公开、部分公开、不予公开分别为11件、4件、1件。"},
		{prose: "收到申请29件，予以公开、部分公开、不予公开分别为11件、5件、1件。", want: "N501"},
		{prose: "收到申请29件，予以公开、部分公开的分别为11件和4件，无法提供9件。"},
		{prose: "收到申请29件，申请人撤回申请2件，其中5件经补正后办理。"},
		{prose: "收到申请29件，均已在法定期限内办结，其中当场答复2件，延期答复3件。"},
	})
}

// A comma after a verb ends a clause; a sentence on 复议/诉讼 inherits
// 因政府信息公开 from the sentence before it in the paragraph.
func TestNarrativeSentencesClauses(t *testing.T) {
	runSentenceCases(t, []sentenceCase{
		{prose: "收到申请29件，均予以答复，结转下年度继续办理3件。"},
		{prose: "收到申请29件，均予以答复，结转下年度继续办理4件。", want: "N501"},
		{prose: "全年共收到政府信息公开申请29件。行政复议3件，行政诉讼1件。"},
		{prose: "全年共收到政府信息公开申请29件。行政复议4件，行政诉讼1件。", want: "N501"},
		{prose: "行政复议4件。"}, // nothing says these are about 信息公开
		{prose: "11件予以公开，4件部分公开，1件不予公开。"},
	})
}

// N503: a stated total with its parts.
func TestNarrativeSentencesStatedTotals(t *testing.T) {
	runSentenceCases(t, []sentenceCase{
		{prose: "共办结28件，其中予以公开11件，部分公开4件，不予公开1件，无法提供9件，不予处理2件，其他处理1件。"},
		{prose: "共办结28件，其中予以公开12件，部分公开4件，不予公开1件，无法提供9件，不予处理2件，其他处理1件。", want: "N501 N503"},
		{prose: "共办结28件，其中予以公开11件，部分公开4件。"},
		{prose: "本年新收29件，上年结转2件，共计31件。"},
		{prose: "本年新收29件，上年结转2件，共计32件。", want: "N501 N503"},
		{prose: "被申请行政复议3件，其中结果维持1件，结果纠正1件，尚未审结1件。"},
		{prose: "被申请行政复议3件，其中结果维持2件，结果纠正1件，尚未审结1件。", want: "N501 N503"},
	})
}

// Sentences in the words of real reports that agree with the base tables:
// no finding.
func TestNarrativeSentencesQuietReal(t *testing.T) {
	runSentenceCases(t, []sentenceCase{
		{prose: "全年共收到政府信息公开申请29件，与上年相比增加5件，主要集中在征地拆迁、不动产登记等方面。"},
		{prose: "其中，公民申请25件，占86.2%，法人或其他组织申请4件，占13.8%。"},
		{prose: "全年共收到政府信息公开申请29件，按申请方式统计，网上申请20件，当面申请9件。"},
		{prose: "全部申请均在法定期限内答复，平均办理时间为8个工作日。"},
		{prose: "上一年度结转的2件申请已于本年度办结。"},
		{prose: "结转下年度继续办理的3件申请，均在法定答复期限内。"},
		{prose: "依法作出予以公开答复11件，部分公开答复4件。"},
		{prose: "依法作出予以公开答复12件，部分公开答复4件。", want: "N501"},
		{prose: "办理完结28件，办结率100%。"},
		{prose: "其中予以公开（含全部公开）11件，无法提供9件。"},
		{prose: "收到申请29件，涉及29人次，答复申请人28件次。"},
		{prose: "全年共召开新闻发布会5场，收到申请29件。"},
		{prose: "本年度收到的政府信息公开申请中，涉及第三方权益的1件，已依法征求第三方意见。"},
		{prose: "对于1件申请内容不明确的，依法告知申请人补正。"},
		{prose: "2024年度共有3件申请因需征求第三方意见延期答复。"},
	})
}
