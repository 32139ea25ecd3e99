package rules

import "testing"

// Wording found by acceptance testing (cases in our own words).
func TestNarrativeSentencesResultAnswer(t *testing.T) {
	runSentenceCases(t, []sentenceCase{
		{prose: "依法作出无法提供答复9件，不予处理答复2件。"},
		{prose: "本年度对申请人作出予以公开答复11件、部分公开答复4件。"},
		{prose: "本年度对申请人作出予以公开答复11件、部分公开答复5件。", want: "N501"},
		{prose: "依法作出无法提供答复8件，不予处理答复2件。", want: "N501"},
	})
}

func TestNarrativeSentencesOtherApplications(t *testing.T) {
	runSentenceCases(t, []sentenceCase{
		{prose: "2024年未收到政府信息公开申请以外的其他申请。"},
	})
}

func TestNarrativeSentencesShortCases(t *testing.T) {
	runSentenceCases(t, []sentenceCase{
		{prose: "因政府信息公开申请，本年度复议3件，诉讼1件。"},
		{prose: "因政府信息公开申请，本年度复议4件，诉讼1件。", want: "N501"},
		{prose: "因政府信息公开申请，本年度复议3件，诉讼2件。", want: "N501"},
	})
}

func TestNarrativeSentencesNamedGroup(t *testing.T) {
	runSentenceCases(t, []sentenceCase{
		{prose: "共办结28件，其中予以公开11件，部分公开4件，属于不予公开、无法提供、不予处理、其他处理等情形依规答复13件。"},
		{prose: "共办结28件，其中予以公开11件，部分公开4件，属于不予公开、无法提供、不予处理、其他处理等情形依规答复14件。", want: "N503"},
	})
}

func TestNarrativeSentencesShareBase(t *testing.T) {
	runSentenceCases(t, []sentenceCase{
		// 11 ÷ (29+2) = 35.5%; 11 ÷ 29 = 37.9%; 11 ÷ 28 = 39.3%
		{prose: "收到申请29件，予以公开11件，占全部申请的35.5%。"},
		{prose: "收到申请29件，予以公开11件，占全部申请的37.9%。"},
		{prose: "收到申请29件，予以公开11件，占全部申请的39.3%。", want: "N502"},
	})
}

func TestNarrativeSentencesNamedGroupShare(t *testing.T) {
	runSentenceCases(t, []sentenceCase{
		{prose: "共办结28件，其中予以公开11件，属于不予公开、无法提供等情形依规答复17件，占60.7%。"},
	})
}

// Bare 复议/诉讼 counts in a paragraph about applications.
func TestNarrativeSentencesBareCases(t *testing.T) {
	runSentenceCases(t, []sentenceCase{
		{prose: "收到申请29件。本年度复议3件，诉讼1件。"},
		{prose: "收到申请29件。本年度复议4件，诉讼1件。", want: "N501"},
		{prose: "收到申请29件。本年度复议3件，诉讼11件。", want: "N501"},
		{prose: "收到申请29件。全年发生复议3件、诉讼1件。"},
		{prose: "收到申请29件。全年发生复议3件、诉讼2件。", want: "N501"},
		// cases of another kind: the office's own review work
		{prose: "收到申请29件。本局办理行政复议案件120件，应诉行政诉讼案件35件。"},
		{prose: "收到申请29件。全年受理复议申请40件。"},
		{prose: "收到申请29件。代理诉讼9件。"},
	})
}
