package rules

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/reportlint/reportlint/parser"
)

// This file maps figures stated in prose to what they claim about the
// tables: "收到申请29件" claims 表三 本年新收 (or 新收加上年结转) = 29,
// "无法提供265件" claims the sum of the （四） rows = 265. Only readings the
// words make unambiguous are produced; a figure whose words are unclear is
// left alone.

// claimKind says what a stated figure counts.
type claimKind int

const (
	kNone claimKind = iota
	// kNew: 新收 — 本年新收 R1 (with 含上年结转: R1 + R2).
	kNew
	// kReceived: 收到/受理 — R1, or R1 + R2 (some reports count 上年结转
	// inside 受理).
	kReceived
	// kHandled: 办理/处理 without more — R1, R1 + R2 or R3_7.
	kHandled
	// kAnswered: 办结/答复 — R3_7.
	kAnswered
	// kCarriedIn: 上年结转 — R2.
	kCarriedIn
	// kCarriedOut: 结转下年度/顺延 — R4.
	kCarriedOut
	// kResult: a result category — the sum of its rows.
	kResult
	// kT4Total: 行政复议/行政诉讼 — the group total(s) of table 四.
	kT4Total
	// kT4Part: 维持/纠正/其他结果/尚未审结 of a group.
	kT4Part
)

// volume reports whether the claim counts applications as a whole.
func (k claimKind) volume() bool {
	return k == kNew || k == kReceived || k == kHandled || k == kAnswered
}

// claim is what a stated figure says about the tables.
type claim struct {
	kind claimKind
	// name is the quantity in words, for messages: "（四）无法提供".
	name string
	// rows are the table 三 rows summed for kResult.
	rows []parser.RowKey
	// groups are the table 四 rows of kT4Total/kT4Part; part the column.
	groups []parser.RowKey
	part   parser.ColKey
	// includesCarry: the text says the figure includes 上年结转.
	includesCarry bool
}

// cellRef names a canonical cell.
type cellRef struct {
	table parser.TableID
	row   parser.RowKey
	col   parser.ColKey
}

// quantity is one reading of a claim: the sum of some cells.
type quantity struct {
	name  string
	cells []cellRef
}

func t3(name string, rows ...parser.RowKey) quantity {
	q := quantity{name: name}
	for _, r := range rows {
		q.cells = append(q.cells, cellRef{parser.Table3, r, "total"})
	}
	return q
}

// readings lists the quantities the claim may mean; the figure is right if
// it equals any of them.
func (c claim) readings() []quantity {
	newQ := t3("一、本年新收", "R1")
	bothQ := t3("本年新收与上年结转之和", "R1", "R2")
	doneQ := t3("（七）总计", "R3_7")
	switch c.kind {
	case kNew:
		if c.includesCarry {
			return []quantity{bothQ}
		}
		return []quantity{newQ}
	case kReceived:
		if c.includesCarry {
			return []quantity{bothQ}
		}
		return []quantity{newQ, bothQ}
	case kHandled:
		if c.includesCarry {
			return []quantity{bothQ}
		}
		return []quantity{newQ, bothQ, doneQ}
	case kAnswered:
		return []quantity{doneQ}
	case kCarriedIn:
		return []quantity{t3("二、上年结转", "R2")}
	case kCarriedOut:
		return []quantity{t3("四、结转下年度继续办理", "R4")}
	case kResult:
		return []quantity{t3(c.name, c.rows...)}
	case kT4Total, kT4Part:
		col := parser.ColTotal
		if c.kind == kT4Part {
			col = c.part
		}
		q := quantity{name: c.name}
		for _, g := range c.groups {
			q.cells = append(q.cells, cellRef{parser.Table4, g, col})
		}
		return []quantity{q}
	}
	return nil
}

// keyword patterns, matched on width-folded text. Overlapping matches keep
// the longest, so "结转下年度继续办理" is not read as "办理".
type keyword struct {
	re   *regexp.Regexp
	make func(layout parser.Layout, text string) claim
}

func resultClaim(name string, prefixes ...string) func(parser.Layout, string) claim {
	return func(layout parser.Layout, _ string) claim {
		var rows []parser.RowKey
		for _, k := range parser.Table3ResultKeys(layout) {
			for _, p := range prefixes {
				if string(k) == p || strings.HasPrefix(string(k), p+"_") {
					rows = append(rows, k)
				}
			}
		}
		return claim{kind: kResult, name: name, rows: rows}
	}
}

func simple(k claimKind, name string) func(parser.Layout, string) claim {
	return func(parser.Layout, string) claim { return claim{kind: k, name: name} }
}

// written names a volume claim by the word the report uses: "“受理”的申请".
func written(k claimKind) func(parser.Layout, string) claim {
	return func(_ parser.Layout, text string) claim { return claim{kind: k, name: "“" + text + "”的申请"} }
}

var litGroups = []parser.RowKey{parser.GroupLitDirect, parser.GroupLitAfterReview}

var keywords = []keyword{
	{regexp.MustCompile(`结转(至|到|入)?下一?年度?(继续)?(办理)?|转入下一?年度?(继续)?(办理)?|顺延(至|到)?(下一?年度?)?(办理)?|下一?年度继续办理|跨年度?办理|正在办理|仍在办理|尚在办理|办理中`), simple(kCarriedOut, "四、结转下年度继续办理")},
	{regexp.MustCompile(`上一?年度?结转|结转上一?年度?|上一?年度?(遗留|未办结)`), simple(kCarriedIn, "二、上年结转")},
	{regexp.MustCompile(`(予以|全部)公开(及|和|与|、|以及|或)部分公开`), resultClaim("（一）予以公开与（二）部分公开之和", "R3_1", "R3_2")},
	{regexp.MustCompile(`部分公开`), resultClaim("（二）部分公开", "R3_2")},
	{regexp.MustCompile(`不予公开`), resultClaim("（三）不予公开", "R3_3")},
	{regexp.MustCompile(`予以公开|同意公开|全部公开`), resultClaim("（一）予以公开", "R3_1")},
	{regexp.MustCompile(`无法提供`), resultClaim("（四）无法提供", "R3_4")},
	{regexp.MustCompile(`不予处理`), resultClaim("（五）不予处理", "R3_5")},
	{regexp.MustCompile(`其他处理`), resultClaim("（六）其他处理", "R3_6")},
	{regexp.MustCompile(`未经(行政)?复议直接(提起)?(行政)?(诉讼|起诉)`), func(parser.Layout, string) claim {
		return claim{kind: kT4Total, name: "行政诉讼·未经复议直接起诉", groups: []parser.RowKey{parser.GroupLitDirect}}
	}},
	{regexp.MustCompile(`(行政)?复议后(提起)?(行政)?(诉讼|起诉)`), func(parser.Layout, string) claim {
		return claim{kind: kT4Total, name: "行政诉讼·复议后起诉", groups: []parser.RowKey{parser.GroupLitAfterReview}}
	}},
	{regexp.MustCompile(`行政复议`), func(parser.Layout, string) claim {
		return claim{kind: kT4Total, name: "行政复议", groups: []parser.RowKey{parser.GroupReview}}
	}},
	{regexp.MustCompile(`行政诉讼|提起诉讼|被诉|起诉`), func(parser.Layout, string) claim {
		return claim{kind: kT4Total, name: "行政诉讼", groups: litGroups}
	}},
	{regexp.MustCompile(`(结果)?维持`), simple(kT4Part, string(parser.ColMaintain))},
	{regexp.MustCompile(`(结果)?纠正`), simple(kT4Part, string(parser.ColCorrect))},
	{regexp.MustCompile(`其他结果`), simple(kT4Part, string(parser.ColOther))},
	{regexp.MustCompile(`尚未审结|未审结|正在审理|尚在审理|审理中`), simple(kT4Part, string(parser.ColPending))},
	{regexp.MustCompile(`办结|答复|办理完毕|办理完结|完成办理`), written(kAnswered)},
	{regexp.MustCompile(`新收|新受理|新接收`), written(kNew)},
	{regexp.MustCompile(`收到|受理|接收|接到|收悉`), written(kReceived)},
	{regexp.MustCompile(`办理|处理`), written(kHandled)},
}

var partNames = map[parser.ColKey]string{parser.ColMaintain: "结果维持", parser.ColCorrect: "结果纠正", parser.ColOther: "其他结果", parser.ColPending: "尚未审结"}

// kwMatch is a keyword found in a text, in rune offsets.
type kwMatch struct {
	start, end int
	kw         int
	text       string
}

// findKeywords finds the keywords in s, dropping matches that lie inside a
// longer one.
func findKeywords(s string) []kwMatch {
	var all []kwMatch
	for i, k := range keywords {
		for _, m := range k.re.FindAllStringIndex(s, -1) {
			all = append(all, kwMatch{
				start: utf8.RuneCountInString(s[:m[0]]),
				end:   utf8.RuneCountInString(s[:m[1]]),
				kw:    i, text: s[m[0]:m[1]],
			})
		}
	}
	var out []kwMatch
	for i, a := range all {
		covered := false
		for j, b := range all {
			if i == j {
				continue
			}
			if b.start <= a.start && a.end <= b.end && (b.end-b.start > a.end-a.start || (b.end-b.start == a.end-a.start && j < i)) {
				covered = true
				break
			}
			// partial overlap: keep the one listed first (more specific)
			if a.start < b.end && b.start < a.end && !(b.start <= a.start && a.end <= b.end) && !(a.start <= b.start && b.end <= a.end) && j < i {
				covered = true
				break
			}
		}
		if !covered {
			out = append(out, a)
		}
	}
	// order by position
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].start < out[j-1].start; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// statement is a stated figure with what it claims.
type statement struct {
	fig    figure
	claims []claim
	// each: "均/各" — every claim has the figure's value; otherwise the
	// claims are summed ("不予公开和无法提供共12件").
	each bool
	sent *sentence
}

// sentence is one sentence of narrative with where it is.
type sentence struct {
	Text    string
	Para    *parser.Paragraph
	ParaIdx int
	// Offset is the sentence's rune offset in the paragraph text.
	Offset  int
	Section int
}

// loc returns where a rune offset of the sentence sits in the source. For
// text files the column is exact; other formats point at the paragraph.
func (s *sentence) loc(r *parser.Report, off int) parser.Loc {
	l := s.Para.Loc
	if r.Doc != nil && r.Doc.Format == parser.FormatText && !strings.Contains(s.Para.Text, "\n") {
		l = l.Advance(s.Offset + off)
	}
	return l
}

// quoteAt quotes the sentence for a message, shortened around a position
// when it is long.
func (s *sentence) quoteAt(off int) string {
	rs := []rune(strings.TrimSpace(s.Text))
	const maxRunes = 90
	if len(rs) <= maxRunes {
		return "“" + string(rs) + "”"
	}
	from := max(0, off-50)
	to := min(len(rs), from+maxRunes)
	from = max(0, to-maxRunes)
	q := string(rs[from:to])
	if from > 0 {
		q = "…" + q
	}
	if to < len(rs) {
		q += "…"
	}
	return "“" + q + "”"
}

// sectionOf returns the statutory section a paragraph index belongs to (0
// before the first heading).
func sectionOf(r *parser.Report, idx int) int {
	best, at := 0, -1
	for _, s := range r.Sections {
		if s.First-1 <= idx && s.First-1 > at {
			best, at = s.Num, s.First-1
		}
	}
	return best
}

// narrativeSentences splits the report's paragraphs into sentences at
// 。！？ and line breaks; semicolons stay inside (they separate clauses of
// one statement). Headings of sections are skipped.
func narrativeSentences(r *parser.Report) []sentence {
	var out []sentence
	heading := map[int]bool{}
	for _, s := range r.Sections {
		heading[s.First-1] = true
	}
	for i, p := range r.Paragraphs {
		if heading[i] {
			continue
		}
		sec := sectionOf(r, i)
		rs := []rune(p.Text)
		start := 0
		for j := 0; j <= len(rs); j++ {
			if j < len(rs) && !strings.ContainsRune("。！？!?\n", rs[j]) {
				continue
			}
			end := j
			if j < len(rs) {
				end = j + 1
			}
			if t := string(rs[start:end]); strings.TrimSpace(t) != "" {
				out = append(out, sentence{Text: t, Para: p, ParaIdx: i, Offset: start, Section: sec})
			}
			start = end
		}
	}
	return out
}

var (
	timeQualRe    = regexp.MustCompile(`上一?年|去年|前年|同期|同比|环比|较|比上|增长|增加|减少|下降|上升|提高|增幅|降幅|累计|以来|历年|平均|日均|月均|半年|季度|月份|\d+月(至|到|-|—|~)|前\d+个?月`)
	volumeQualRe  = regexp.MustCompile(`其中|网上|网络|在线|线上|线下|当面|现场|信函|邮寄|邮件|传真|电话|自然人|法人|企业|律师|公益|科研|分别|延期|延长|逾期|超期|当场|口头|书面|案件|不含|除`)
	topicQualRe   = regexp.MustCompile(`咨询|信箱|留言|热线|来信|来访|建议|提案|议案|办件|审批|许可|处罚|强制|政务服务|12345|诉求|工单|网民|问政|举报|投诉|信访|主动公开`)
	subReasonRe   = regexp.MustCompile(`不掌握|另行制作|补正|国家秘密|禁止公开|三安全|第三方|内部事务|过程性|执法案卷|查询|重复|出版物|大量反复|确认|逾期|收费|不再处理|分别`)
	yearInTextRe  = regexp.MustCompile(`((?:19|20)\d{2})\s*年`)
	includesRe    = regexp.MustCompile(`^\s*[（(，,]?\s*(其中)?(含|包括|包含|其中)\s*上一?年度?结转`)
	eachRe        = regexp.MustCompile(`均|各|都`)
	sumWordRe     = regexp.MustCompile(`共|合计|总计|累计|总数`)
	connectiveRe  = regexp.MustCompile(`^(及|和|与|、|以及|或|，|,)$`)
	shareRe       = regexp.MustCompile(`占|比例|比重|占比`)
	t4ContextRe   = regexp.MustCompile(`被|引起|因|不服|涉及|针对`)
	negBeforeRune = "未不没无非"
)

// readStatements finds the figures of a sentence and what they claim.
// clauseBreakRe is a clause break between a keyword and a figure.
var clauseBreakRe = regexp.MustCompile(`[，,；;。]`)

// yearMention is a year named in prose.
var yearMention = regexp.MustCompile(`((?:19|20)\d{2})\s*年`)

// otherYear reports whether a sentence names a year other than the report's.
func otherYear(r *parser.Report, s string) bool {
	if r.Year == 0 {
		return false
	}
	for _, m := range yearMention.FindAllStringSubmatch(s, -1) {
		if m[1] != strconv.Itoa(r.Year) {
			return true
		}
	}
	return false
}

func readStatements(r *parser.Report, s *sentence, paraText string) []statement {
	folded := parser.FoldWidth(s.Text)
	rs := []rune(folded)
	figs := extractFigures(s.Text)
	if len(figs) == 0 {
		return nil
	}
	if otherYear(r, folded) {
		// "2023年收到申请18件，结转下年度2件", "截至2025年1月15日，结转的3件
		// 已办结2件": figures of another year or a later date are not this
		// year's table.
		return nil
	}
	hasApplication := strings.Contains(folded, "申请")
	paraCtx := strings.Contains(paraText, "申请") || strings.Contains(paraText, "答复")
	sentInfo := strings.Contains(folded, "信息公开") || strings.Contains(folded, "答复")
	var out []statement
	prevEnd := 0
	for fi, f := range figs {
		segStart := prevEnd
		for k := f.Start - 1; k >= segStart; k-- {
			if rs[k] == '；' || rs[k] == ';' {
				segStart = k + 1
				break
			}
		}
		prevEnd = f.End
		countFig := countUnits[f.Unit] && !f.Approx
		if !countFig && !(f.Percent && !f.Approx) {
			continue
		}
		seg := string(rs[segStart:f.Start])
		ms := findKeywords(seg)
		if len(ms) > 0 && clauseBreakRe.MatchString(string(rs[segStart+ms[len(ms)-1].end:f.Start])) {
			// "11件予以公开，4件部分公开": the keyword closes the clause before
			// the figure, whose own keyword (if any) follows it.
			ms = nil
		}
		st := statement{fig: f, sent: s}
		if len(ms) == 0 {
			if f.Percent {
				// "予以公开258件，占33.9%": the share of the figure before
				if len(out) > 0 && out[len(out)-1].fig.End >= segStart-1 && fi > 0 && figs[fi-1].End == out[len(out)-1].fig.End &&
					(shareRe.MatchString(seg) || strings.TrimSpace(seg) == "(" || strings.TrimSpace(seg) == "（") && !out[len(out)-1].fig.Percent {
					prev := out[len(out)-1]
					if len(prev.claims) == 1 && prev.claims[0].kind == kResult {
						st.claims = prev.claims
						out = append(out, st)
					}
				}
				continue
			}
			// "另有103件顺延到下年度办理"
			if carryAfterRe.MatchString(string(rs[f.End:])) && hasApplication && !timeQualRe.MatchString(seg) {
				st.claims = []claim{{kind: kCarriedOut, name: "四、结转下年度继续办理"}}
				out = append(out, st)
				continue
			}
			// "1件结果维持": a table 四 part named after the figure
			if c, ok := partAfter(r, rs, f, segStart); ok && sentInfo {
				st.claims = []claim{c}
				out = append(out, st)
			}
			continue
		}
		near := ms[len(ms)-1]
		// gap between the keyword and the figure
		gap := string(rs[segStart+near.end : f.Start])
		if keywords[near.kw].make("", near.text).kind == kCarriedIn && strings.Contains(gap, "在内") {
			// "共受理包括上年结转在内的申请31件": the total, 上年结转 included
			if len(ms) < 2 || !keywords[ms[len(ms)-2].kw].make("", ms[len(ms)-2].text).kind.volume() {
				continue
			}
			v := ms[len(ms)-2]
			c := keywords[v.kw].make(r.Layout, v.text)
			c.includesCarry = true
			if hasApplication && !volumeQualRe.MatchString(string(rs[segStart:f.Start])) && !timeQualRe.MatchString(strings.ReplaceAll(seg, near.text, "")) {
				st.claims = []claim{c}
				out = append(out, st)
			}
			continue
		}
		if utf8.RuneCountInString(gap) > 30 {
			continue
		}
		// negated keyword ("未办结2件") is not a claim of that quantity
		if near.start > 0 && strings.ContainsRune(negBeforeRune, []rune(seg)[near.start-1]) {
			continue
		}
		// combined keywords: "不予公开、无法提供共12件", "行政复议和行政诉讼均为0件"
		used := []kwMatch{near}
		for k := len(ms) - 2; k >= 0; k-- {
			between := strings.TrimSpace(string([]rune(seg)[ms[k].end:used[0].start]))
			if !connectiveRe.MatchString(between) {
				break
			}
			used = append([]kwMatch{ms[k]}, used...)
		}
		// the clause: from the last comma before the first keyword used
		segRunes := []rune(seg)
		cs := 0
		for k := used[0].start - 1; k >= 0; k-- {
			if strings.ContainsRune("，,：:", segRunes[k]) {
				cs = k + 1
				break
			}
		}
		clause := []rune(string(segRunes[cs:]))
		blank := make([]rune, len(clause))
		copy(blank, clause)
		for _, m := range ms {
			for k := max(m.start-cs, 0); k < m.end-cs && k < len(blank); k++ {
				if k >= 0 {
					blank[k] = '□'
				}
			}
		}
		bt := string(blank)
		var claims []claim
		for _, m := range used {
			c := keywords[m.kw].make(r.Layout, m.text)
			if c.kind == kT4Part {
				g, ok := groupBefore(rs, segStart+m.start)
				if !ok {
					claims = nil
					break
				}
				part := parser.ColKey(c.name)
				c = claim{kind: kT4Part, name: g.name + "·" + partNames[part], groups: g.groups, part: part}
			}
			claims = append(claims, c)
		}
		if len(claims) == 0 {
			continue
		}
		if len(used) > 1 {
			switch {
			case eachRe.MatchString(gap):
				st.each = true
			case sumWordRe.MatchString(gap):
			default:
				continue
			}
		}
		// qualifiers that make the figure something else
		if timeQualRe.MatchString(bt) || topicQualRe.MatchString(bt) {
			continue
		}
		if y := yearInTextRe.FindStringSubmatch(bt); y != nil {
			if n, _ := strconv.Atoi(y[1]); r.Year == 0 || n != r.Year {
				continue
			}
		}
		ok := true
		for i := range claims {
			c := &claims[i]
			switch {
			case c.kind.volume() || c.kind == kCarriedIn || c.kind == kCarriedOut:
				if !hasApplication {
					ok = false
				}
				if c.kind.volume() && volumeQualRe.MatchString(bt) &&
					!(c.kind == kNew && volumeQualRe.FindAllString(bt, -1)[0] == "其中" && len(volumeQualRe.FindAllString(bt, -1)) == 1) {
					ok = false
				}
				if c.kind.volume() && includesRe.MatchString(string(rs[f.End:])) {
					c.includesCarry = true
				}
			case c.kind == kResult:
				if !paraCtx || subReasonRe.MatchString(bt) || strings.Contains(folded, "主动公开") {
					ok = false
				}
			case c.kind == kT4Total || c.kind == kT4Part:
				if !sentInfo && !t4ContextRe.MatchString(string(rs[:f.Start])) {
					ok = false
				}
			}
		}
		if !ok {
			continue
		}
		if f.Percent {
			// a share needs 占/比例 and a result category
			if !shareRe.MatchString(seg) || len(claims) != 1 || claims[0].kind != kResult {
				continue
			}
		}
		st.claims = claims
		out = append(out, st)
	}
	return out
}

// t4group is a table 四 group named in the text.
type t4group struct {
	name   string
	groups []parser.RowKey
}

// groupBefore finds the table 四 group named last before position at.
func groupBefore(rs []rune, at int) (t4group, bool) {
	ms := findKeywords(string(rs[:at]))
	for k := len(ms) - 1; k >= 0; k-- {
		c := keywords[ms[k].kw].make("", ms[k].text)
		if c.kind == kT4Total {
			return t4group{c.name, c.groups}, true
		}
	}
	return t4group{}, false
}

var carryAfterRe = regexp.MustCompile(`^\s*(申请)?(顺延|结转|转入)(至|到)?下一?年`)

var partAfterRe = regexp.MustCompile(`^\s*(为|的|被|获|予以)?\s*(结果)?(维持|纠正|其他结果|尚未审结|未审结)`)

// partAfter reads "1件结果维持": a table 四 part written after the figure.
func partAfter(r *parser.Report, rs []rune, f figure, segStart int) (claim, bool) {
	rest := string(rs[f.End:])
	m := partAfterRe.FindStringSubmatch(rest)
	if m == nil {
		return claim{}, false
	}
	g, ok := groupBefore(rs, f.Start)
	if !ok {
		return claim{}, false
	}
	part := map[string]parser.ColKey{"维持": parser.ColMaintain, "纠正": parser.ColCorrect, "其他结果": parser.ColOther, "尚未审结": parser.ColPending, "未审结": parser.ColPending}[m[3]]
	return claim{kind: kT4Part, name: g.name + "·" + partNames[part], groups: g.groups, part: part}, true
}

// value of a quantity from the tables; ok is false when a cell is not a
// known number. A table 三 row with a blank 总计 is summed from its six
// applicant columns when they are all known.
func (q quantity) value(r *parser.Report) (float64, bool) {
	total := 0.0
	if len(q.cells) == 0 {
		return 0, false
	}
	for _, c := range q.cells {
		t := r.Table(c.table)
		if t == nil {
			return 0, false
		}
		v := t.Cell(c.row, c.col)
		if v.Known() {
			total += v.Num
			continue
		}
		if c.table != parser.Table3 || c.col != parser.ColTotal {
			return 0, false
		}
		for _, col := range parser.Table3Cols()[:6] {
			x := t.Cell(c.row, col.Key)
			if !x.Known() {
				return 0, false
			}
			total += x.Num
		}
	}
	return total, true
}

// describe names a quantity and its cells for messages.
func (q quantity) describe(r *parser.Report, v float64) string {
	if len(q.cells) == 1 {
		c := q.cells[0]
		return fmt.Sprintf("%s为 %s", cellName(c.table, c.row, c.col), fmtNum(v))
	}
	tbl := q.cells[0].table
	return fmt.Sprintf("表%s「%s」为 %s", tbl, q.name, fmtNum(v))
}
