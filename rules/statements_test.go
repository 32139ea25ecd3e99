package rules

import (
	"strings"
	"testing"

	"github.com/reportlint/reportlint/parser"
)

// Table tests of the stages of readStatements.

func scanOf(t *testing.T, text string, year int) *scan {
	t.Helper()
	r := &parser.Report{Year: year, Layout: parser.Layout2021}
	s := &sentence{Text: text}
	return scanSentence(r, s, sentCtx{application: true, para: true, info: true})
}

func TestFindKeywordsLongestWins(t *testing.T) {
	for in, want := range map[string]string{
		"结转下年度继续办理3件":     "结转下年度继续办理",
		"结转2025年继续办理2件":   "结转2025年继续办理",
		"含2023年转至今年办理的3件": "2023年转至今年办理",
		"予以公开及部分公开15件":    "予以公开及部分公开",
		"部分公开（区分处理）2件":    "部分公开（区分处理）",
		"未经复议直接起诉1件":      "未经复议直接起诉",
		"法人或其他组织申请4件":     "法人或其他组织",
	} {
		ms := findKeywords(in)
		if len(ms) == 0 || ms[0].text != want {
			t.Errorf("findKeywords(%q) = %v, want first %q", in, ms, want)
		}
	}
}

func TestCountable(t *testing.T) {
	for in, want := range map[string]bool{
		"收到申请29件":     true,
		"收到依申请公开17条":  true,
		"申请书55份":      true,
		"收到17条申请":     true,
		"主动公开信息412条":  false,
		"收到申请近30件":    false,
		"占33.9%":      true,
		"开展培训3次":      false,
		"发布政策解读5篇":    false,
		"收到申请3项":      true,
		"办理人大代表建议12项": false,
	} {
		sc := scanOf(t, in, 2024)
		got := false
		for _, f := range sc.figs {
			got = got || sc.countable(f)
		}
		if got != want {
			t.Errorf("countable(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestYearCut(t *testing.T) {
	for _, c := range []struct {
		in   string
		want string // the text before the cut
	}{
		{"收到申请29件，结转2025年继续办理3件。", "收到申请29件，结转2025年继续办理3件。"},
		{"2023年收到申请18件，结转下年度2件。", ""},
		{"收到申请29件，较2023年增加5件。", "收到申请29件，"},
		{"截至2025年1月15日，结转的3件已办结2件。", ""},
		{"因2023年度申请引发行政复议1件。", "因2023年度申请引发行政复议1件。"},
		{"2024年收到申请29件。", "2024年收到申请29件。"},
	} {
		sc := scanOf(t, c.in, 2024)
		if got := string(sc.rs[:sc.cut]); len(sc.figs) > 0 && got != parser.FoldWidth(c.want) {
			t.Errorf("yearCut(%q) keeps %q, want %q", c.in, got, c.want)
		}
	}
}

func TestOutsideParens(t *testing.T) {
	for in, want := range map[string]string{
		"部分公开（区分处理）2件":           "部分公开（区分处理）",
		"受理申请（含上年结转）33件":         "受理",
		"申请（含网上申请、当面申请）共计16件":    "",
		"收到申请29件（其中网上申请20件":      "网上",
		"无法提供9件（本机关不掌握相关政府信息8件）": "",
	} {
		sc := scanOf(t, in, 2024)
		f := sc.figs[len(sc.figs)-1]
		var ms []kwMatch
		for _, m := range sc.kws {
			if m.end <= f.Start {
				ms = append(ms, m)
			}
		}
		kept := outsideParens(sc.rs, ms, 0, f.Start)
		want = parser.FoldWidth(want)
		var texts []string
		for _, m := range kept {
			texts = append(texts, m.text)
		}
		if len(texts) == 0 && want != "" || len(texts) > 0 && texts[len(texts)-1] != want && want != "" {
			t.Errorf("outsideParens(%q) keeps %v, want last %q", in, texts, want)
		}
	}
}

func TestShareBase(t *testing.T) {
	for in, want := range map[string]string{
		"，占办结总数的":   "R3_7",
		"，占新收申请的":   "R1",
		"，占收到申请总数的": "R1|R1+R2",
		"，占":        "",
		"，占比":       "",
	} {
		var got []string
		for _, q := range shareBase(in) {
			var rows []string
			for _, c := range q.cells {
				rows = append(rows, string(c.row))
			}
			got = append(got, strings.Join(rows, "+"))
		}
		if strings.Join(got, "|") != want {
			t.Errorf("shareBase(%q) = %v, want %q", in, got, want)
		}
	}
}

func TestStatementsOfSentence(t *testing.T) {
	for _, c := range []struct {
		in   string
		want string // claim names of the statements, in order
	}{
		{"收到申请29件，上年结转2件，共计31件。", "一、本年新收|二、上年结转|本年新收与上年结转之和"},
		{"3件全部予以公开。", "（一）予以公开"},
		{"另有103件顺延到下年度办理。", "四、结转下年度继续办理"},
		{"被申请行政复议3件，1件结果维持。", "行政复议|行政复议·结果维持"},
		{"自然人申请197件，占比98.5%。", "自然人|自然人"},
		{"网上申请20件，当面申请6件。", "申请渠道|申请渠道"},
		{"收到申请28件（其中新收26件，上年结转2件）。", "“收到”的申请|“新收”的申请|二、上年结转"},
	} {
		r := &parser.Report{Year: 2024, Layout: parser.Layout2021}
		s := &sentence{Text: c.in}
		var names []string
		for _, st := range readStatements(r, s, sentCtx{application: true, para: true, info: true}) {
			var n []string
			for _, cl := range st.claims {
				nm := cl.name
				if cl.kind == kNew && !cl.sumOfStated && nm == "“收到”的申请" {
					nm = "一、本年新收"
				}
				n = append(n, nm)
			}
			names = append(names, strings.Join(n, "+"))
		}
		if got := strings.Join(names, "|"); got != c.want {
			t.Errorf("readStatements(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
