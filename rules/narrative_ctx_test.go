package rules

import (
	"strings"
	"testing"

	"github.com/reportlint/reportlint/parser"
)

// refContext is a sentence's context as sentenceContextsRef worked it out.
type refContext struct {
	application, para, info, stats bool
}

// sentenceContextsRef is sentenceContexts as it was: every paragraph's
// statistics worked out at once.
func sentenceContextsRef(r *parser.Report, sents []sentence) []refContext {
	out := make([]refContext, len(sents))
	paraApp := make([]bool, len(r.Paragraphs))
	paraStats := make([]bool, len(r.Paragraphs))
	for i, p := range r.Paragraphs {
		paraApp[i] = aboutApplications(p.Text)
		paraStats[i] = paraApp[i] && applicationStatsRe.MatchString(parser.FoldWidth(p.Text))
	}
	info, lastPara := false, -1
	for i := range sents {
		s := &sents[i]
		if s.ParaIdx != lastPara {
			info, lastPara = false, s.ParaIdx
		}
		c := &out[i]
		c.application = strings.Contains(s.Text, "申请")
		c.stats = paraStats[s.ParaIdx]
		c.para = paraApp[s.ParaIdx] || (s.ParaIdx > 0 && paraApp[s.ParaIdx-1] && sectionOf(r, s.ParaIdx-1) == s.Section)
		info = info || aboutDisclosure(s.Text) || s.Section == 4
		c.info = info
	}
	return out
}

// sameContexts fails when sentenceContexts differs from the reference on r.
func sameContexts(t *testing.T, r *parser.Report) {
	t.Helper()
	sents := narrativeSentences(r)
	got, want := sentenceContexts(r, sents), sentenceContextsRef(r, sents)
	for i := range sents {
		g := refContext{got[i].application, got[i].para, got[i].info, got[i].statesFigures()}
		if g != want[i] {
			t.Fatalf("sentence %q: context %+v, reference %+v", sents[i].Text, g, want[i])
		}
	}
}

// The paragraph statistics worked out when asked are the ones worked out
// for every paragraph at once, on every fixture and corpus report.
func TestSentenceContextsIsReference(t *testing.T) {
	for _, r := range fixtureReports(t) {
		sameContexts(t, r)
	}
	for _, c := range corpus {
		sameContexts(t, buildCorpusReport(t, c, c.prose))
	}
}
