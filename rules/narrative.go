package rules

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/reportlint/reportlint/parser"
)

var narrativeRules = []*Rule{
	{
		ID: "N501", Name: "narrative-mismatch", Severity: Warning, Check: checkNarrativeMismatch, Title: "正文数字与表格不符",
		Summary: "正文中陈述的数字（收到、结转、办结、办理结果、复议诉讼件数）与表格不一致",
		Doc: `为什么：《政府信息公开条例》第五十条要求年报如实报告收到和处理申请、行政复议和行政诉讼的情况；国办公开办函〔2021〕30号规定正文"总体情况"概述这些情况、表三表四给出统计数。同一份报告里正文和表格说法不一，读者无法知道哪个是真的，这也是第四十七条所说"数据不准确"的典型表现（例如正文称"无法提供265件"而表三为337件）。

reportlint 读出正文里每个带"件"的数字（阿拉伯数字、全角数字、中文数字如"十二件""两件""廿九件"），以及紧跟"申请""申请书""依申请公开"的"条""份""项"（"收到依申请公开17条""申请书55份"），按同一分句里它前面（或紧跟其后，如"3件全部予以公开""另有103件顺延到下年度办理"）的词判断它说的是什么：新收/收到/受理、上年结转（含"转至今年""转结"）、办结/答复、结转下年度（含"顺延至下一年答复""结转2025年继续办理"）、予以公开、部分公开、不予公开、无法提供、不予处理、其他处理、行政复议（"复议"）、行政诉讼（"诉讼"）及其维持/纠正/其他/尚未审结，以及申请人（公民个人/自然人、法人或其他组织、商业企业等，按表三对应列核对）。逗号结束分句："予以答复，结转下年度继续办理0件"是两句话；括号里的词不说明括号后的数字。句中出现别的年份时，只有从该年份所在分句起的数字不与本年表格比较（"结转2025年""含2023年转至今年办理的3件""因2023年度申请引发"仍是本年数字）。"5500余条""近30件"之类约数不比较。"受理"在一些报告里包含上年结转，两种读法有一种与表格相符就不报告；"收到"而上年结转另行列出时按本年新收理解；写明"含上年结转N件"的按合计理解。按渠道（网上、当面、信函、邮寄、传真等）列出的件数是新收的组成部分，各渠道之和不能超过本年新收。"未引起行政复议或行政诉讼""均获维持""我镇无信息公开申请""无结转下年度办理件"也按表格核对；"未收到因政府信息公开申请引起的行政诉讼"只说诉讼，不说申请。讲复议诉讼的句子沿用同段前句"因政府信息公开"的语境；在陈述申请件数的段落里，"本年度复议4件，诉讼11件"这样只写件数的句子也按表四核对（句中提到"案件""受理""办理"等时不核对）。"予以公开答复11件""以无法提供方式答复9件"是该项办理结果的件数，不是办结总数。"未收到……申请以外的其他申请""未收到企业提出的政府信息公开申请"不说本年新收为0。说不清指什么的数字一律不报告。

如何修正：核对正文与表格，改正错误的一处。消息引用正文的句子并指出对应的表格单元格。`,
		Example: `正文"无法提供265件"，表三（四）无法提供三项合计 337：
warning N501 正文“…无法提供265件…”称（四）无法提供为 265 件，但表三「（四）无法提供」为 337`,
	},
	{
		ID: "N502", Name: "narrative-percentage", Severity: Warning, Check: checkNarrativePercentage, Title: "正文百分比不符",
		Summary: "正文中的百分比与按表格计算的结果不符（相差超过 0.1 个百分点）",
		Doc: `为什么：正文常写"予以公开XX件，占XX%"。百分比应由表三的数字算出（该项件数除以办理结果总计，或除以本年新收、新收加上年结转）。按表格算不出正文所写的比例，说明件数或比例有一处错误，属于条例第四十七条所说的"数据不准确"。

reportlint 核对紧跟在办理结果或申请人（"自然人申请197件，占比98.5%"）之后、带"占""比例""占比"的百分比。句中写明基数时按所写基数计算（"占办结总数的"为（七）总计，"占新收"为本年新收，"占收到申请总数的""占全部申请的"为本年新收或新收加上年结转），未写明时任一基数相符即不报告；申请人的比例以本年新收（或新收加上年结转）为基数。"答复满意率100%""同比增长20%"之类与表格无关，不核对。允许的误差为 0.1 个百分点，或所写精度的一个单位（写"34%"时为 1 个百分点）。

如何修正：按表三重新计算比例。`,
		Example: `正文"无法提供265件，占32.9%"，表三无法提供 337、总计 805：
warning N502 正文“…无法提供265件，占32.9%…”称（四）无法提供占 32.9%，但按表三计算为 41.9%（337 ÷ （七）总计 805）`,
	},
	{
		ID: "N503", Name: "narrative-sum", Severity: Warning, Check: checkNarrativeSum, Title: "正文分项之和不符",
		Summary: "正文给出总数和各部分，但各部分相加不等于总数",
		Doc: `为什么：正文在一句话里给出总数和它的组成时，这些数字之间应当自洽：本年新收 + 上年结转 = 办结 + 结转下年度（表三印明的勾稽关系）；"其中"列出的各项办理结果不能超过办结总数；行政复议、行政诉讼的维持、纠正、其他、尚未审结之和不能超过（列全时应等于）总数。正文自相矛盾时，至少有一个数字是错的。

reportlint 核对同一句中的数字：收支平衡；"新收29件，上年结转2件，共计31件"的合计；"共办结69件，其中予以公开……"列出的各项办理结果（六项列全，或以"属于不予公开、无法提供、不予处理等情形依规答复12件"概括其余各项时应等于总数，未列全时不能超过）；复议诉讼的各项结果；同一段里按渠道列出的件数不能超过所述申请总数。"受理"是否包含上年结转说不清时，两种读法都试，都不相符才报告。

如何修正：核对各数字，改正错误的一处。`,
		Example: `正文"共收到申请29件，上年结转2件，办结28件，结转下年度继续办理4件"：
warning N503 正文“…”：收到 29 + 上年结转 2 = 31，但办结 28 + 结转下年度 4 = 32`,
	},
}

// narrativeSections are the sections whose prose states the figures of
// tables 三 and 四 (一 总体情况 and the table sections); 五 and 六 talk about
// other things (建议提案, 收费).
var narrativeSections = map[int]bool{0: true, 1: true, 2: true, 3: true, 4: true}

// stated is the prose of a report read once: sentences and statements.
type stated struct {
	sents []sentence
	stmts [][]statement // per sentence
	ctx   []sentCtx     // per sentence
}

// narrativeOf reads the report's narrative once per run: N501, N502 and
// N503 share it.
func narrativeOf(p *Pass) *stated {
	return p.memo("narrative", func() any { return readNarrative(p.Report) }).(*stated)
}

func readNarrative(r *parser.Report) *stated {
	s := &stated{sents: narrativeSentences(r)}
	s.stmts = make([][]statement, len(s.sents))
	s.ctx = sentenceContexts(r, s.sents)
	useSections := len(r.Sections) > 0
	var buf scratch
	for i := range s.sents {
		sent := &s.sents[i]
		if useSections && !narrativeSections[sent.Section] {
			continue
		}
		s.stmts[i] = readStatementsIn(r, sent, s.ctx[i], &buf)
	}
	return s
}

// aboutApplications: a text on 依申请公开.
func aboutApplications(s string) bool {
	return strings.Contains(s, "申请") || strings.Contains(s, "答复")
}

// aboutDisclosure: a text that says its 复议/诉讼 are about 信息公开.
func aboutDisclosure(s string) bool {
	return strings.Contains(s, "信息公开") || strings.Contains(s, "答复") || strings.Contains(s, "公开申请")
}

// applicationStatsRe: a paragraph that states application figures
// ("收到申请29件", "予以公开9件").
var applicationStatsRe = fastCompile(`(申请|答复|办结|公开|提供|处理|结转)[^。！？]{0,20}?[0-9０-９]+\s*(件|条|份|项)`)

// statsUnits are the units applicationStatsRe ends with.
var statsUnits = newRuneSet("件条份项")

// sentenceContexts works out, once per paragraph, what the text around
// each sentence says: whether its paragraph (or the one before) is about
// applications, and whether it or an earlier sentence of its paragraph says
// its 复议/诉讼 are about 信息公开 (section 四 always is).
func sentenceContexts(r *parser.Report, sents []sentence) []sentCtx {
	out := make([]sentCtx, len(sents))
	paraApp := make([]bool, len(r.Paragraphs))
	for i, p := range r.Paragraphs {
		paraApp[i] = aboutApplications(p.Text)
	}
	stats := &paraStats{r: r, app: paraApp, known: make([]int8, len(r.Paragraphs))}
	info, lastPara := false, -1
	for i := range sents {
		s := &sents[i]
		if s.ParaIdx != lastPara {
			info, lastPara = false, s.ParaIdx
		}
		c := &out[i]
		c.application = strings.Contains(s.Text, "申请")
		c.stats, c.statsPara = stats, s.ParaIdx
		c.para = paraApp[s.ParaIdx] || (s.ParaIdx > 0 && paraApp[s.ParaIdx-1] && sectionOf(r, s.ParaIdx-1) == s.Section)
		info = info || aboutDisclosure(s.Text) || s.Section == 4
		c.info = info
	}
	return out
}

// paraStats tells, paragraph by paragraph and only when asked (few
// sentences need it), whether a paragraph states application figures.
type paraStats struct {
	r     *parser.Report
	app   []bool // the paragraph is about applications
	known []int8 // 0 not yet worked out, 1 no, 2 yes
}

// of reports whether paragraph i is about applications and matches
// applicationStatsRe.
func (ps *paraStats) of(i int) bool {
	if ps.known[i] == 0 {
		t := ps.r.Paragraphs[i].Text
		// the pattern needs one of its units, which folding leaves as they are
		ps.known[i] = 1
		if ps.app[i] && statsUnits.in(t) && applicationStatsRe.MatchString(parser.FoldWidth(t)) {
			ps.known[i] = 2
		}
	}
	return ps.known[i] == 2
}

func checkNarrativeMismatch(p *Pass) {
	r := p.Report
	if r.Table(parser.Table3) == nil && r.Table(parser.Table4) == nil {
		return
	}
	n := narrativeOf(p)
	for i := range n.sents {
		sent := &n.sents[i]
		for _, st := range n.stmts[i] {
			if st.fig.Percent {
				continue
			}
			if len(st.claims) > 1 && !st.each {
				// a sum of several categories
				c := claim{kind: kResult}
				var names []string
				okSum := true
				for _, x := range st.claims {
					if x.kind != kResult && x.kind != kT4Total || x.rest {
						okSum = false
					}
					names = append(names, x.name)
				}
				if !okSum {
					continue
				}
				var q quantity
				for _, x := range st.claims {
					q.cells = append(q.cells, x.readings()[0].cells...)
				}
				q.name = strings.Join(names, "、") + "之和"
				c.name = q.name
				reportMismatch(p, sent, st, c, []quantity{q})
				continue
			}
			for _, c := range st.claims {
				reportMismatch(p, sent, st, c, c.readings())
			}
		}
		// "均获维持" after 复议/诉讼 totals
		checkAllMaintained(p, sent, n.stmts[i])
	}
	checkNoCases(p, n)
	checkNoApplications(p, n)
	checkNoCarryOver(p, n)
	checkChannelSums(p, n, false)
}

// noApplicationsRe: "本年度未收到政府信息公开申请", "我镇无信息公开申请".
var noApplicationsRe = fastCompile(`((未|没有)(收到|受理|接到|接收)|无)([^，。；,;0-9]{0,12}?)(政府信息公开|信息公开|依申请公开)(的)?申请`)

// causedByRe after "……申请" makes the object something the application
// caused: "未收到因政府信息公开申请引起的行政诉讼" says nothing about
// applications.
var causedByRe = lazyCompile(`^[^，。；,;]{0,6}?(引起|引发|产生|导致|而提起|的行政复议|的行政诉讼|的复议|的诉讼|行政复议|行政诉讼)`)

// otherThanRe after "……申请" makes the object everything but applications:
// "未收到政府信息公开申请以外的其他申请".
var otherThanRe = lazyCompile(`^\s*(以外|之外|外)`)

// partialGapRe in the words between the negation and "申请" narrows the
// object to some applications ("未收到企业提出的政府信息公开申请",
// "未收到涉及国家秘密的政府信息公开申请"): nothing is said of the total.
// A modifier with 的 ("申请人撤回的", "收费的") narrows it too.
var partialGapRe = fastCompile(`企业|法人|组织|自然人|公民|律师|涉及|关于|有关|网上|当面|信函|邮寄|传真|通过|重复|需要|需|要求|延期`)

// checkNoApplications reads "本年度未收到政府信息公开申请": 本年新收 is 0.
func checkNoApplications(p *Pass, n *stated) {
	r := p.Report
	q := t3("一、本年新收", "R1")
	v, ok := q.value(r)
	if !ok || v == 0 {
		return
	}
	for i := range n.sents {
		sent := &n.sents[i]
		if len(r.Sections) > 0 && !narrativeSections[sent.Section] {
			continue
		}
		folded := sent.fold()
		if !noApplicationsRe.MatchString(folded) {
			continue
		}
		m := noApplicationsRe.FindStringSubmatchIndex(folded)
		if m == nil || hasCountFigure(clauseAround(folded, m[0], m[1])) || timeQualRe.MatchString(clauseAround(folded, m[0], m[1])) {
			continue
		}
		if otherThanRe.MatchString(folded[m[1]:]) || partialGapRe.MatchString(folded[m[8]:m[9]]) || strings.Contains(folded[m[8]:m[9]], "的") || strings.Contains(folded[max(0, m[0]-6):m[0]], "除") {
			continue
		}
		if causedByRe.MatchString(folded[m[1]:min(len(folded), m[1]+64)]) || strings.Contains(folded[max(0, m[0]-12):m[0]], "因") ||
			strings.Contains(folded[m[0]:m[1]], "因") {
			continue
		}
		at := len([]rune(folded[:m[0]]))
		f := Finding{Loc: sent.loc(r, at), Table: parser.Table3, Row: "R1", Col: "total", Expected: fmtNum(v), Actual: "0", Key: "N501/R1/0"}
		f.Message = fmt.Sprintf("正文%s称没有收到申请，但%s", sent.quoteAt(at), q.describe(r, v))
		p.Add(f)
		return
	}
}

// reportMismatch adds an N501 finding when every reading of the claim is
// known and none equals the stated figure.
func reportMismatch(p *Pass, sent *sentence, st statement, c claim, qs []quantity) {
	r := p.Report
	var descs []string
	for _, q := range qs {
		v, ok := q.value(r)
		if !ok {
			return
		}
		if v == st.fig.Value {
			return
		}
		descs = append(descs, q.describe(r, v))
	}
	if len(descs) == 0 {
		return
	}
	f := Finding{Loc: sent.loc(r, st.fig.NumStart)}
	q := qs[0]
	f.Table = q.cells[0].table
	if len(qs) == 1 && len(q.cells) == 1 {
		f.Row, f.Col = q.cells[0].row, q.cells[0].col
	}
	v, _ := q.value(r)
	f.Expected, f.Actual = fmtNum(v), fmtNum(st.fig.Value)
	f.Key = fmt.Sprintf("N501/%s/%s", c.name, fmtNum(st.fig.Value))
	name := shareName(c)
	f.Message = fmt.Sprintf("正文%s称%s为 %s 件，但%s", sent.quoteAt(st.fig.NumStart), name, fmtNum(st.fig.Value), strings.Join(descs, "，"))
	if len(descs) > 1 {
		f.Message += "，两种读法都不相符"
	}
	p.Add(f)
}

var allMaintainedRe = fastCompile(`均(已|获|被|予以|为|结果)*维持`)

// checkAllMaintained reads "行政复议7件、行政诉讼9件，均获维持": each total
// named before claims its 结果维持 equals it.
func checkAllMaintained(p *Pass, sent *sentence, stmts []statement) {
	folded := sent.fold()
	loc := allMaintainedRe.FindStringIndex(folded)
	if loc == nil {
		return
	}
	at := len([]rune(folded[:loc[0]]))
	for _, st := range stmts {
		if st.fig.End > at || st.fig.Percent || len(st.claims) != 1 || st.claims[0].kind != kT4Total {
			continue
		}
		c := st.claims[0]
		q := quantity{name: c.name + "·结果维持"}
		for _, g := range c.groups {
			q.cells = append(q.cells, cellRef{parser.Table4, g, "maintain"})
		}
		v, ok := q.value(p.Report)
		if !ok || v == st.fig.Value {
			continue
		}
		f := Finding{Loc: sent.loc(p.Report, at), Table: parser.Table4, Col: "maintain"}
		if len(c.groups) == 1 {
			f.Row = c.groups[0]
		}
		f.Expected, f.Actual = fmtNum(v), fmtNum(st.fig.Value)
		f.Key = fmt.Sprintf("N501/%s·维持/%s", c.name, fmtNum(st.fig.Value))
		f.Message = fmt.Sprintf("正文%s称%s %s 件均获维持，但%s，并非全部维持", sent.quoteAt(at), c.name, fmtNum(st.fig.Value), q.describe(p.Report, v))
		p.Add(f)
	}
}

var outcomeRe = fastCompile(`纠正|纠错|败诉|撤销|违法|被|结果|维持`)

var noCasesRe = fastCompile(`(未|没有|无)(发生|引起|出现|产生|收到|涉及|被)?[^，。；,;0-9]{0,16}?(行政复议|行政诉讼)([^，。；,;0-9]{0,3}(或|和|及|、|与)?\s*(行政复议|行政诉讼))?`)

// checkNoCases reads "未引起行政复议或行政诉讼": the totals named are 0.
func checkNoCases(p *Pass, n *stated) {
	r := p.Report
	t := r.Table(parser.Table4)
	if t == nil {
		return
	}
	for i := range n.sents {
		sent := &n.sents[i]
		if len(r.Sections) > 0 && !narrativeSections[sent.Section] {
			continue
		}
		folded := sent.fold()
		if !strings.Contains(folded, "公开") && !strings.Contains(folded, "答复") {
			continue
		}
		if !noCasesRe.MatchString(folded) {
			continue
		}
		done := map[string]bool{}
		for _, m := range noCasesRe.FindAllStringSubmatchIndex(folded, -1) {
			if len(done) == 2 {
				break // both groups judged for this sentence
			}
			text := folded[m[0]:m[1]]
			if strings.Contains(text, "未经") {
				continue
			}
			// the clause must state no figure, and must not be about the
			// outcome ("未出现行政复议被纠错的情况")
			clause := clauseAround(folded, m[0], m[1])
			if hasCountFigure(clause) || outcomeRe.MatchString(restOfClause(folded[m[1]:])) {
				continue
			}
			var groups []t4group
			if strings.Contains(text, "行政复议") {
				groups = append(groups, t4group{"行政复议", []parser.RowKey{parser.GroupReview}})
			}
			if strings.Contains(text, "行政诉讼") {
				groups = append(groups, t4group{"行政诉讼", litGroups})
			}
			for _, g := range groups {
				if done[g.name] {
					continue
				}
				done[g.name] = true
				q := quantity{name: g.name}
				for _, row := range g.groups {
					q.cells = append(q.cells, cellRef{parser.Table4, row, "total"})
				}
				v, ok := q.value(r)
				if !ok || v == 0 {
					continue
				}
				at := utf8.RuneCountInString(folded[:m[0]])
				f := Finding{Loc: sent.loc(r, at), Table: parser.Table4, Col: "total"}
				if len(g.groups) == 1 {
					f.Row = g.groups[0]
				}
				f.Expected, f.Actual = fmtNum(v), "0"
				f.Key = "N501/" + g.name + "/0"
				f.Message = fmt.Sprintf("正文%s称没有%s，但%s", sent.quoteAt(at), g.name, q.describe(r, v))
				p.Add(f)
			}
		}
	}
}

// clauseWindowBytes bounds how far a clause is looked for around a match
// (about 200 characters), so that a sentence with no punctuation and many
// matches is still read in linear time.
const clauseWindowBytes = 600

// restOfClause returns s up to the first clause break (within the window).
func restOfClause(s string) string {
	s = s[:min(len(s), clauseWindowBytes)]
	if i := strings.IndexAny(s, "，,；;。"); i >= 0 {
		return s[:i]
	}
	return s
}

// clauseAround returns the clause (between ，；。) that holds bytes [a,b),
// at most clauseWindowBytes either side.
func clauseAround(s string, a, b int) string {
	lo := max(0, a-clauseWindowBytes)
	for lo > 0 && !utf8.RuneStart(s[lo]) {
		lo++
	}
	start := strings.LastIndexAny(s[lo:a], "，,；;。：:")
	if start < 0 {
		start = lo
	} else {
		start += lo
	}
	hi := min(len(s), b+clauseWindowBytes)
	for hi < len(s) && !utf8.RuneStart(s[hi]) {
		hi--
	}
	end := strings.IndexAny(s[b:hi], "，,；;。")
	if end < 0 {
		end = hi
	} else {
		end += b
	}
	return s[start:end]
}

func hasCountFigure(s string) bool {
	for _, f := range extractFigures(s) {
		if countUnits[f.Unit] {
			return true
		}
	}
	return false
}

func checkNarrativePercentage(p *Pass) {
	r := p.Report
	if r.Table(parser.Table3) == nil {
		return
	}
	n := narrativeOf(p)
	resultBases := []quantity{t3("（七）总计", "R3_7"), t3("本年新收与上年结转之和", "R1", "R2"), t3("一、本年新收", "R1")}
	applicantBases := []quantity{t3("一、本年新收", "R1"), t3("本年新收与上年结转之和", "R1", "R2")}
	for i := range n.sents {
		sent := &n.sents[i]
		for _, st := range n.stmts[i] {
			if !st.fig.Percent || len(st.claims) != 1 {
				continue
			}
			c := st.claims[0]
			var bases []quantity
			switch {
			case c.kind == kApplicant:
				bases = applicantBases
				if st.share != nil {
					bases = st.share
				}
			case c.kind == kResult:
				bases = resultBases
				if st.share != nil {
					bases = st.share
				}
			default:
				continue
			}
			checkShare(p, sent, st, c, bases)
		}
	}
}

// checkShare compares a stated share with the part over each base; it
// reports when every base is known and none gives the share.
func checkShare(p *Pass, sent *sentence, st statement, c claim, bases []quantity) {
	r := p.Report
	qs := c.readings()
	if len(qs) == 0 {
		return // a group of results named with 等 is no cell
	}
	part, ok := qs[0].value(r)
	if !ok {
		return
	}
	tol := math.Max(0.1, math.Pow(10, -float64(st.fig.Decimals)))
	var best, bestVal float64
	var bestBase quantity
	var others []string // the other readings of a base the sentence names
	judged := false
	for _, b := range bases {
		bv, ok := b.value(r)
		if !ok {
			return // a blank denominator leaves the statement open
		}
		if bv <= 0 {
			continue
		}
		pct := part / bv * 100
		if !judged {
			best, bestBase, bestVal = pct, b, bv
		} else if st.share != nil {
			others = append(others, fmt.Sprintf("按%s %s 为 %.1f%%", b.name, fmtNum(bv), pct))
		}
		judged = true
		if math.Abs(pct-st.fig.Value) <= tol+1e-9 {
			return
		}
	}
	if !judged {
		return
	}
	f := Finding{Loc: sent.loc(r, st.fig.NumStart), Table: parser.Table3, Col: "total"}
	q := c.readings()[0]
	if len(q.cells) == 1 {
		f.Row, f.Col = q.cells[0].row, q.cells[0].col
	}
	f.Expected = fmt.Sprintf("%.1f%%", best)
	f.Actual = fmtNum(st.fig.Value) + "%"
	f.Key = fmt.Sprintf("N502/%s/%s", c.name, fmtNum(st.fig.Value))
	f.Message = fmt.Sprintf("正文%s称%s占 %s%%，但按表三计算为 %.1f%%（%s ÷ %s %s）",
		sent.quoteAt(st.fig.NumStart), shareName(c), fmtNum(st.fig.Value), best, fmtNum(part), bestBase.name, fmtNum(bestVal))
	if len(others) > 0 {
		f.Message += "；" + strings.Join(others, "；") + "，都不相符"
	}
	p.Add(f)
}

// shareName names the part of a share for messages.
func shareName(c claim) string {
	if c.kind == kApplicant {
		return "「" + c.name + "」的申请"
	}
	return c.name
}

func checkNarrativeSum(p *Pass) {
	n := narrativeOf(p)
	for i := range n.sents {
		sent := &n.sents[i]
		stmts := n.stmts[i]
		checkBalanceStated(p, sent, stmts)
		checkPartsStated(p, sent, stmts)
		checkSumStated(p, sent, stmts)
	}
	checkChannelSums(p, n, true)
}

// single returns the statement's one claim, if it has exactly one.
func single(st statement) (claim, bool) {
	if st.fig.Percent || len(st.claims) != 1 {
		return claim{}, false
	}
	return st.claims[0], true
}

// checkBalanceStated: 新收 + 上年结转 = 办结 + 结转下年度, all stated in one
// sentence.
func checkBalanceStated(p *Pass, sent *sentence, stmts []statement) {
	var in, carriedIn, done, carriedOut *statement
	inAmbiguous := false
	for i := range stmts {
		c, ok := single(stmts[i])
		if !ok {
			continue
		}
		if c.sumOfStated {
			continue
		}
		switch c.kind {
		case kNew, kReceived, kHandled:
			if in != nil {
				return // two totals: unclear which is meant
			}
			if c.kind == kHandled && !c.includesCarry {
				continue // 办理 may mean 办结
			}
			in = &stmts[i]
			inAmbiguous = c.kind == kReceived && !c.includesCarry
		case kCarriedIn:
			carriedIn = &stmts[i]
		case kAnswered:
			if done != nil {
				return
			}
			done = &stmts[i]
		case kCarriedOut:
			carriedOut = &stmts[i]
		}
	}
	if in == nil || done == nil || carriedOut == nil {
		return
	}
	out := done.fig.Value + carriedOut.fig.Value
	inc := in.claims[0].includesCarry
	var options []float64
	var text string
	switch {
	case inc:
		options = []float64{in.fig.Value}
		text = fmt.Sprintf("%s %s（含上年结转）", in.claims[0].name, fmtNum(in.fig.Value))
	case carriedIn == nil:
		return
	case inAmbiguous:
		options = []float64{in.fig.Value + carriedIn.fig.Value, in.fig.Value}
		text = fmt.Sprintf("%s %s + 上年结转 %s = %s（即使按已含上年结转理解，也只有 %s）", in.claims[0].name,
			fmtNum(in.fig.Value), fmtNum(carriedIn.fig.Value), fmtNum(in.fig.Value+carriedIn.fig.Value), fmtNum(in.fig.Value))
	default:
		options = []float64{in.fig.Value + carriedIn.fig.Value}
		text = fmt.Sprintf("%s %s + 上年结转 %s = %s", in.claims[0].name, fmtNum(in.fig.Value), fmtNum(carriedIn.fig.Value), fmtNum(in.fig.Value+carriedIn.fig.Value))
	}
	for _, o := range options {
		if o == out {
			return
		}
	}
	f := Finding{Loc: sent.loc(p.Report, in.fig.NumStart)}
	f.Expected, f.Actual = fmtNum(out), fmtNum(options[0])
	f.Key = fmt.Sprintf("N503/balance/%s/%s", fmtNum(options[0]), fmtNum(out))
	f.Message = fmt.Sprintf("正文%s自相矛盾：%s，但办结 %s + 结转下年度 %s = %s",
		sent.quoteAt(in.fig.NumStart), text, fmtNum(done.fig.Value), fmtNum(carriedOut.fig.Value), fmtNum(out))
	p.Add(f)
}

// checkPartsStated: parts listed after a total in one sentence must not
// exceed it (办结 total and result parts; a 复议/诉讼 total and its parts).
func checkPartsStated(p *Pass, sent *sentence, stmts []statement) {
	// results after an 办结/答复 total
	for i := range stmts {
		c, ok := single(stmts[i])
		if !ok || c.kind != kAnswered {
			continue
		}
		var parts []statement
		rows := map[parser.RowKey]bool{}
		dup := false
		for j := i + 1; j < len(stmts); j++ {
			d, ok := single(stmts[j])
			if !ok {
				continue
			}
			if d.kind != kResult {
				if d.kind == kAnswered || d.kind.volume() {
					break
				}
				continue
			}
			for _, row := range d.rows {
				if rows[row] {
					dup = true
				}
				rows[row] = true
			}
			parts = append(parts, stmts[j])
		}
		if dup || len(parts) < 2 {
			continue
		}
		// all six categories listed, or the rest named as a group ("……等情形
		// 依规答复12件"): the parts must add up to the total
		complete := true
		for _, k := range parser.Table3ResultKeys(p.Report.Layout) {
			if !rows[k] {
				complete = false
			}
		}
		if restEndsList(sent, stmts, parts) {
			complete = true
		}
		reportParts(p, sent, stmts[i], parts, complete)
	}
	// table 四 parts after a group total
	for i := range stmts {
		c, ok := single(stmts[i])
		if !ok || c.kind != kT4Total {
			continue
		}
		var parts []statement
		seen := map[parser.ColKey]bool{}
		dup := false
		for j := i + 1; j < len(stmts); j++ {
			d, ok := single(stmts[j])
			if !ok {
				continue
			}
			if d.kind != kT4Part || !slices.Equal(d.groups, c.groups) {
				break
			}
			if seen[d.part] {
				dup = true
			}
			seen[d.part] = true
			parts = append(parts, stmts[j])
		}
		if dup || len(parts) == 0 {
			continue
		}
		reportParts(p, sent, stmts[i], parts, len(seen) == 4)
	}
}

// restEndsList: the last part is a group of results named with 等 ("属于
// 不予公开、无法提供等情形依规答复12件") and no figure the reader left
// unread follows it ("……等情形10件，其他3件"): the list is the whole total.
func restEndsList(sent *sentence, stmts []statement, parts []statement) bool {
	last := parts[len(parts)-1]
	if !last.claims[0].rest {
		return false
	}
	read := map[int]bool{}
	for _, st := range stmts {
		read[st.fig.Start] = true
	}
	for _, f := range extractFigures(sent.Text) {
		if f.Start > last.fig.Start && !f.Percent && !read[f.Start] {
			return false
		}
	}
	return true
}

func reportParts(p *Pass, sent *sentence, total statement, parts []statement, complete bool) {
	s := 0.0
	var terms []string
	for _, x := range parts {
		s += x.fig.Value
		terms = append(terms, fmt.Sprintf("%s %s", shortClaim(x.claims[0]), fmtNum(x.fig.Value)))
	}
	if s == total.fig.Value || (!complete && s < total.fig.Value) {
		return
	}
	f := Finding{Loc: sent.loc(p.Report, total.fig.NumStart)}
	f.Expected, f.Actual = fmtNum(s), fmtNum(total.fig.Value)
	c := total.claims[0]
	f.Key = fmt.Sprintf("N503/%s/%s/%s", c.name, fmtNum(total.fig.Value), fmtNum(s))
	rel := "超过了总数"
	if complete {
		rel = "不等于总数"
	}
	f.Message = fmt.Sprintf("正文%s自相矛盾：%s %s 件，但所列各部分 %s = %s，%s",
		sent.quoteAt(total.fig.NumStart), shortClaim(c), fmtNum(total.fig.Value), strings.Join(terms, " + "), fmtNum(s), rel)
	p.Add(f)
}

// shortClaim names a claim briefly for sums.
func shortClaim(c claim) string {
	switch c.kind {
	case kT4Part:
		return partNames[c.part]
	case kResult:
		return parser.CoreLabel(c.name)
	}
	return c.name
}

// channelSum is the channels of new applications listed in one sentence
// ("当面申请5件、网上申请4件、信函申请3件") with the total stated before
// them in the paragraph, if any.
type channelSum struct {
	sent  *sentence
	parts []statement
	total *statement
}

// channelSums lists the sentences that break new applications down by
// channel (two channels or more).
func channelSums(n *stated) []channelSum {
	var out []channelSum
	var total *statement
	lastPara := -1
	for i := range n.sents {
		if n.sents[i].ParaIdx != lastPara {
			total, lastPara = nil, n.sents[i].ParaIdx
		}
		cs := channelSum{sent: &n.sents[i], total: total}
		for j := range n.stmts[i] {
			st := &n.stmts[i][j]
			c, ok := single(*st)
			if !ok {
				continue
			}
			switch {
			case c.kind == kChannel:
				cs.parts = append(cs.parts, *st)
			case (c.kind == kNew || c.kind == kReceived) && !c.includesCarry && len(cs.parts) == 0:
				total, cs.total = st, st
			}
		}
		if len(cs.parts) >= 2 {
			out = append(out, cs)
		}
	}
	return out
}

// checkChannelSums: the channels listed cannot add up to more than the
// total they break down — the total stated in the paragraph (N503) or,
// when none is stated, 本年新收 (N501). A list may leave channels out, so a
// smaller sum is no finding.
func checkChannelSums(p *Pass, n *stated, stated bool) {
	for _, cs := range channelSums(n) {
		s := 0.0
		var terms []string
		for _, x := range cs.parts {
			s += x.fig.Value
			terms = append(terms, fmtNum(x.fig.Value))
		}
		at := cs.parts[0].fig.NumStart
		switch {
		case stated && cs.total != nil:
			if s <= cs.total.fig.Value {
				continue
			}
			f := Finding{Loc: cs.sent.loc(p.Report, at), Expected: fmtNum(s), Actual: fmtNum(cs.total.fig.Value)}
			f.Key = fmt.Sprintf("N503/channels/%s/%s", fmtNum(cs.total.fig.Value), fmtNum(s))
			f.Message = fmt.Sprintf("正文%s自相矛盾：按申请渠道所列各部分 %s = %s，超过了所述申请总数 %s 件",
				cs.sent.quoteAt(at), strings.Join(terms, " + "), fmtNum(s), fmtNum(cs.total.fig.Value))
			p.Add(f)
		case !stated && cs.total == nil:
			q := t3("一、本年新收", "R1")
			v, ok := q.value(p.Report)
			if !ok || s <= v {
				continue
			}
			f := Finding{Loc: cs.sent.loc(p.Report, at), Table: parser.Table3, Row: "R1", Col: "total", Expected: fmtNum(v), Actual: fmtNum(s)}
			f.Key = fmt.Sprintf("N501/channels/%s", fmtNum(s))
			f.Message = fmt.Sprintf("正文%s按申请渠道所列各部分 %s = %s，超过了%s（按各渠道之和不超过本年新收比较）",
				cs.sent.quoteAt(at), strings.Join(terms, " + "), fmtNum(s), q.describe(p.Report, v))
			p.Add(f)
		}
	}
}

// noCarryOverRe: "无结转下年度办理件", "没有结转下年度继续办理的申请".
var noCarryOverRe = fastCompile(`(无|没有|不存在)(结转|转入|顺延)(至|到)?下一?年度?(继续)?(办理|答复)?的?(申请|件|情况)?`)

// checkNoCarryOver reads "无结转下年度办理件": 结转下年度继续办理 is 0.
func checkNoCarryOver(p *Pass, n *stated) {
	r := p.Report
	q := t3("四、结转下年度继续办理", "R4")
	v, ok := q.value(r)
	if !ok || v == 0 {
		return
	}
	for i := range n.sents {
		sent := &n.sents[i]
		if len(r.Sections) > 0 && !narrativeSections[sent.Section] {
			continue
		}
		if !n.ctx[i].application && !n.ctx[i].para {
			continue
		}
		folded := sent.fold()
		m := noCarryOverRe.FindStringIndex(folded)
		if m == nil || hasCountFigure(clauseAround(folded, m[0], m[1])) {
			continue
		}
		at := len([]rune(folded[:m[0]]))
		f := Finding{Loc: sent.loc(r, at), Table: parser.Table3, Row: "R4", Col: "total", Expected: fmtNum(v), Actual: "0", Key: "N501/R4/0"}
		f.Message = fmt.Sprintf("正文%s称没有结转下年度办理的申请，但%s", sent.quoteAt(at), q.describe(r, v))
		p.Add(f)
		return
	}
}

// checkSumStated: "新收29件，上年结转2件，共计31件" — the stated total of
// 新收 and 上年结转 is their sum.
func checkSumStated(p *Pass, sent *sentence, stmts []statement) {
	var in, carried *statement
	for i := range stmts {
		c, ok := single(stmts[i])
		if !ok {
			continue
		}
		switch {
		case c.sumOfStated:
			if in == nil || carried == nil {
				return
			}
			s := in.fig.Value + carried.fig.Value
			if s == stmts[i].fig.Value {
				return
			}
			f := Finding{Loc: sent.loc(p.Report, stmts[i].fig.NumStart), Expected: fmtNum(s), Actual: fmtNum(stmts[i].fig.Value)}
			f.Key = fmt.Sprintf("N503/sum/%s/%s", fmtNum(stmts[i].fig.Value), fmtNum(s))
			f.Message = fmt.Sprintf("正文%s自相矛盾：%s %s + 上年结转 %s = %s，但所述合计为 %s 件",
				sent.quoteAt(stmts[i].fig.NumStart), in.claims[0].name, fmtNum(in.fig.Value), fmtNum(carried.fig.Value), fmtNum(s), fmtNum(stmts[i].fig.Value))
			p.Add(f)
			return
		case c.kind == kNew || c.kind == kReceived:
			if !c.includesCarry {
				in = &stmts[i]
			}
		case c.kind == kCarriedIn:
			carried = &stmts[i]
		}
	}
}
