package rules

import (
	"math/bits"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/reportlint/reportlint/parser"
	"github.com/reportlint/reportlint/parser/zhtext"
)

// This file reads the statements of a sentence: each stated figure with
// what it claims about the tables. The work is done in named stages, each
// linear in the length of the sentence:
//
//  1. scanSentence: the sentence is folded once; its figures, keywords
//     (every keyword pattern run once over the sentence) and years are
//     found once.
//  2. countable: which figures count applications or cases.
//  3. yearCut: from where on the sentence is about another year.
//  4. for each figure, claimBefore (a keyword before it in its clause),
//     claimAfter (a keyword after it: "3件全部予以公开", "1件结果维持",
//     "另有103件顺延到下年度"), shareOf (a percentage of the statement before)
//     or sumOfStated ("……上年结转2件，共计31件").
//  5. qualified: words that make the figure something else (a change over
//     last year, a channel, a topic) drop the statement.

// kwMatch is a keyword found in a text, in rune offsets.
type kwMatch struct {
	start, end int
	kw         int
	text       string
}

// claim makes the keyword's claim.
func (m kwMatch) claim(layout parser.Layout) claim { return keywords[m.kw].make(layout, m.text) }

// findKeywords finds the keywords in s (in rune offsets), dropping matches
// that overlap a longer one (or, at equal length, one listed earlier): so
// "结转下年度继续办理" is not read as "办理". Each pattern runs once over s.
func findKeywords(s string) []kwMatch {
	return findKeywordsIn(s, runeIndex(s), nil)
}

// runeIndex maps byte offsets of s to rune offsets (index len(s) included).
func runeIndex(s string) []int32 {
	return runeIndexInto(nil, s)
}

// runeIndexInto is runeIndex in dst's storage when it is large enough.
func runeIndexInto(dst []int32, s string) []int32 {
	var idx []int32
	if cap(dst) >= len(s)+1 {
		idx = dst[:len(s)+1]
	} else {
		idx = make([]int32, len(s)+1)
	}
	n := int32(0)
	for i := range s {
		idx[i] = n
		n++
	}
	// continuation bytes map to the rune they belong to
	last := int32(0)
	for i := 0; i < len(s); i++ {
		if utf8.RuneStart(s[i]) {
			last = idx[i]
		}
		idx[i] = last
	}
	idx[len(s)] = n
	return idx
}

// keywordsBuilt finds the keyword patterns (same order as keywords),
// built on first use.
var keywordsBuilt = lazyValue(func() patternKit {
	srcs := make([]string, len(keywords))
	for i, kw := range keywords {
		srcs[i] = kw.expr
	}
	return newPatternKit(srcs)
})

// findKeywordsIn is findKeywords with the rune index of s given; taken,
// when not nil, is storage keepLongest may reuse.
func findKeywordsIn(s string, idx []int32, taken *[]bool) []kwMatch {
	kit := keywordsBuilt()
	want := ^uint64(0)
	if len(kit.finder.slow) > 0 {
		want = kit.set.may(s)
	}
	var buf [32]fmatch
	ms := kit.finder.find(s, want, -1, buf[:0])
	all := make([]kwMatch, len(ms))
	for i, m := range ms {
		all[i] = kwMatch{start: int(idx[m.start]), end: int(idx[m.end]), kw: m.pat, text: s[m.start:m.end]}
	}
	sortKeywords(all)
	return keepLongestIn(all, int(idx[len(s)]), taken)
}

// sortKeywords orders matches longest first, then in the order of the
// list, then by position (each pattern's matches do not overlap).
func sortKeywords(all []kwMatch) {
	slices.SortFunc(all, func(a, b kwMatch) int {
		if la, lb := a.end-a.start, b.end-b.start; la != lb {
			return lb - la
		}
		if a.kw != b.kw {
			return a.kw - b.kw
		}
		return a.start - b.start
	})
}

// keepLongest keeps the matches (sorted by sortKeywords) that overlap no
// match kept before them, in text order; n is the length in runes.
func keepLongest(all []kwMatch, n int) []kwMatch {
	return keepLongestIn(all, n, nil)
}

// keepLongestIn is keepLongest with storage for its marks (grown and
// cleared as needed; nil: its own).
func keepLongestIn(all []kwMatch, n int, buf *[]bool) []kwMatch {
	var taken []bool
	if buf != nil && cap(*buf) >= n {
		taken = (*buf)[:n]
		clear(taken)
	} else {
		taken = make([]bool, n)
		if buf != nil {
			*buf = taken
		}
	}
	out := all[:0:0]
	for _, m := range all {
		free := true
		for k := m.start; k < m.end; k++ {
			if taken[k] {
				free = false
				break
			}
		}
		if !free {
			continue
		}
		for k := m.start; k < m.end; k++ {
			taken[k] = true
		}
		out = append(out, m)
	}
	slices.SortFunc(out, func(a, b kwMatch) int { return a.start - b.start })
	return out
}

// statement is a stated figure with what it claims.
type statement struct {
	fig    figure
	claims []claim
	// each: "均/各" — every claim has the figure's value; otherwise the
	// claims are summed ("不予公开和无法提供共12件").
	each bool
	// share: for a percentage, the base the sentence names ("占办结总数的"),
	// nil when it names none.
	share []quantity
	sent  *sentence
	// listed: the claim holds only as an item of a list after a total
	// ("收到申请29件（其中：自然人25件……）")
	listed bool
}

// sentence is one sentence of narrative with where it is.
type sentence struct {
	Text    string
	Para    *parser.Paragraph
	ParaIdx int
	// Offset is the sentence's rune offset in the paragraph text.
	Offset  int
	Section int
	// runes of the trimmed text, for quotes
	quoteRunes []rune
	// multiLine: the paragraph holds line breaks (columns are not exact)
	multiLine bool
	// folded is Text width-folded (see fold), "" until asked for
	folded   string
	isFolded bool
}

// fold returns parser.FoldWidth(s.Text), computed once for the rules that
// read the sentence.
func (s *sentence) fold() string {
	if !s.isFolded {
		s.folded, s.isFolded = parser.FoldWidth(s.Text), true
	}
	return s.folded
}

// loc returns where a rune offset of the sentence sits in the source. For
// text files the column is exact; other formats point at the paragraph.
func (s *sentence) loc(r *parser.Report, off int) parser.Loc {
	l := s.Para.Loc
	if r.Doc != nil && r.Doc.Format == parser.FormatText && l.Column > 0 && l.Unit == "" && l.Page == 0 && !s.multiLine {
		l.Column += s.Offset + off
	}
	return l
}

// maxQuoteRunes is the longest quote of a sentence in a message.
const maxQuoteRunes = 90

// quoteAt quotes the sentence for a message, shortened around a position
// when it is long.
func (s *sentence) quoteAt(off int) string {
	if s.quoteRunes == nil {
		s.quoteRunes = []rune(strings.TrimSpace(s.Text))
	}
	rs := s.quoteRunes
	if len(rs) <= maxQuoteRunes {
		return "“" + string(rs) + "”"
	}
	from := max(0, off-50)
	to := min(len(rs), from+maxQuoteRunes)
	from = max(0, to-maxQuoteRunes)
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
	// room for the sentences most paragraphs end in (a hint: more grow the
	// list)
	n := 0
	for _, p := range r.Paragraphs {
		n += 1 + strings.Count(p.Text, "。") + strings.Count(p.Text, "\n")
	}
	out := make([]sentence, 0, n)
	heading := map[int]bool{}
	for _, s := range r.Sections {
		heading[s.First-1] = true
	}
	for i, p := range r.Paragraphs {
		if heading[i] {
			continue
		}
		sec := sectionOf(r, i)
		multi := strings.Contains(p.Text, "\n")
		if utf8.ValidString(p.Text) {
			out = splitValid(out, p, i, sec, multi)
		} else {
			out = splitRunes(out, p, i, sec, multi)
		}
	}
	return out
}

// splitRunes appends paragraph p's sentences to out, cut through its runes
// (text that is not valid UTF-8; splitValid gives the same cut on valid
// text without the rune round trip).
func splitRunes(out []sentence, p *parser.Paragraph, i, sec int, multi bool) []sentence {
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
			out = append(out, sentence{Text: t, Para: p, ParaIdx: i, Offset: start, Section: sec, multiLine: multi})
		}
		start = end
	}
	return out
}

// splitValid is the splitting of narrativeSentences for a paragraph of
// valid UTF-8 (whose runes convert back to the same bytes): sentences are
// cut from the text without converting it to runes. In valid UTF-8 the
// bytes of 。(E3 80 82), ！(EF BC 81) and ？(EF BC 9F) start at a rune
// wherever they occur (E3 and EF are lead bytes), so each ending is found
// by strings.Index, and the runes between two cuts are their bytes less
// their continuation bytes.
func splitValid(out []sentence, p *parser.Paragraph, i, sec int, multi bool) []sentence {
	text := p.Text
	start, startRune := 0, 0
	emit := func(end int) {
		t := text[start:end]
		if strings.TrimSpace(t) != "" {
			out = append(out, sentence{Text: t, Para: p, ParaIdx: i, Offset: startRune, Section: sec, multiLine: multi})
		}
		start, startRune = end, startRune+runesOfValid(t)
	}
	// next[k]: where sentenceEnds[k] next occurs at or after start
	// (len(text) when it does not), -1 before it is looked for
	next := [len(sentenceEnds)]int{-1, -1, -1, -1, -1, -1}
	for {
		best, bestLen := len(text), 0
		for k, e := range sentenceEnds {
			if next[k] < start {
				if x := strings.Index(text[start:], e); x >= 0 {
					next[k] = start + x
				} else {
					next[k] = len(text)
				}
			}
			if next[k] < best {
				best, bestLen = next[k], len(e)
			}
		}
		if bestLen == 0 {
			break
		}
		emit(best + bestLen)
	}
	emit(len(text))
	return out
}

// sentenceEnds are the runes a sentence ends with (splitRunes' set).
var sentenceEnds = [...]string{"。", "！", "？", "!", "?", "\n"}

// runesOfValid counts the runes of valid UTF-8: its bytes that are no
// continuation bytes (10xxxxxx), eight at a time.
func runesOfValid(s string) int {
	n := len(s)
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		// bit 7 set and bit 6 clear
		n -= bits.OnesCount64(w & ^(w << 1) & 0x8080808080808080)
	}
	for ; i < len(s); i++ {
		if s[i]&0xC0 == 0x80 {
			n--
		}
	}
	return n
}

var (
	timeQualRe   = fastCompile(`上一?年|去年|前年|同期|同比|环比|较|比上|增长|增加|减少|下降|上升|提高|增幅|降幅|以来|历年|平均|日均|月均|半年|季度|月份|\d+月(至|到|-|—|~)|前\d+个?月`)
	volumeQualRe = fastCompile(`其中|网上|网络|在线|线上|线下|当面|现场|信函|邮寄|邮件|传真|电话|自然人|法人|企业|律师|公益|科研|分别|延期|延长|逾期|超期|当场|口头|书面|案件|不含|除`)
	topicQualRe  = fastCompile(`咨询|信箱|留言|热线|来信|来访|建议|提案|议案|办件|审批|许可|处罚|强制|政务服务|12345|诉求|工单|网民|问政|举报|投诉|信访|主动公开`)
	subReasonRe  = fastCompile(`不掌握|另行制作|补正|国家秘密|禁止公开|三安全|第三方|内部事务|过程性|执法案卷|查询|重复|出版物|大量反复|确认|逾期|收费|不再处理|分别|情形`)
	// yearInTextRe is a year in Arabic digits (meta rules use it too).
	yearInTextRe = zhtext.YearRe
	includesRe   = gateCompile(`^\s*[（(，,]?\s*(其中)?(含|包括|包含|其中)\s*(上一?年度?|(?:19|20)\d{2}年度?)?(结转|转结|转至今年|转入)`)
	eachRe       = fastCompile(`均|各|都`)
	sumWordRe    = fastCompile(`共|合计|总计|累计|总数`)
	connectiveRe = gateCompile(`^(及|和|与|、|以及|或)$`)
	shareRe      = fastCompile(`占|比例|比重|占比`)
	t4ContextRe  = fastCompile(`被|引起|引发|因|不服|涉及|针对`)
	// applicationNounRe: the word before a figure in 条/份/项 that makes it
	// a count of applications ("依申请公开17条", "申请书55份").
	applicationNounRe = gateCompile(`(申请|申请书|依申请公开)\s*$`)
	// applicationAfterRe: the noun after such a figure ("17条申请").
	applicationAfterRe = gateCompile(`^\s*(政府信息公开|信息公开|依申请公开)?(申请|申请书)`)
	// stated sum after new and carried-over figures: "共计31件"
	sumOnlyRe     = gateCompile(`^[，,、\s]*(共计|合计|总计|共|总共|累计)\s*(办理|受理)?\s*$`)
	negBeforeRune = "未不没无非"
	qizhongRe     = fastCompile(`其中`)
	listSepRe     = gateCompile(`^\s*(、|,|，|和|及|与|以及)\s*$`)
)

// clauseBreaks end a clause; a keyword before one does not reach a figure
// after it ("予以答复，结转下年度继续办理0件" is two statements).
const clauseBreaks = "，,；;。：:"

// maxGapRunes: a keyword further than this before its figure is not its label.
const maxGapRunes = 30

// afterWindowRunes bounds what is read after a figure (its label written
// after it, "含上年结转"), so that reading a sentence stays linear.
const afterWindowRunes = 40

// scan is a sentence read once; the stages share it.
type scan struct {
	r  *parser.Report
	s  *sentence
	rs []rune
	// folded is the sentence folded (rs its runes); off[k] is where rune k
	// starts in it (off[len(rs)] = len(folded)); valid: folded is valid
	// UTF-8, so that sub cuts it
	folded string
	off    []int32
	valid  bool
	figs   []figure
	kws    []kwMatch
	ctx    sentCtx
	cut    int // figures from this rune offset on are about another year
	t4From int // rune offset of the first 被/引起/因…, or -1
	// firstVolumeEnd is where the first application total of the sentence
	// ends (-1 before one is read)
	firstVolumeEnd int
	// pending are the claims of a "分别为" list still waiting for their
	// figures
	pending []claim
	// qizhong are the rune offsets of "其中" in the sentence
	qizhong []int
	// proactive: the sentence is about 主动公开 (its results are not table 三's)
	proactive bool
	// lastGroup[k] is the index of the last 复议/诉讼 keyword at or before
	// kws[k], -1 if none
	lastGroup []int
}

// sentCtx is what the surrounding text says about a sentence.
type sentCtx struct {
	// application: the sentence names 申请.
	application bool
	// para: the paragraph (or the one before it) is about applications.
	para bool
	// info: the sentence, or one before it in the paragraph, says it is
	// about 信息公开 / 答复 (so 复议/诉讼 are the table 四 ones).
	info bool
	// stats, when set, tells whether the sentence's paragraph (statsPara)
	// states application figures (see statesFigures).
	stats     *paraStats
	statsPara int
}

// statesFigures: the sentence's paragraph states application figures.
func (c sentCtx) statesFigures() bool { return c.stats != nil && c.stats.of(c.statsPara) }

// scratch is the storage the reading of a sentence uses and the reading
// of the next reuses (nothing read keeps it).
type scratch struct {
	sc    scan
	rs    []rune
	off   []int32
	idx   []int32
	taken []bool
}

// runesOf appends to rs the runes of s as []rune(s) converts them, and to
// off the byte offset of each (and len(s) after them); valid is false when
// s is not valid UTF-8.
func runesOf(rs []rune, off []int32, s string) (_ []rune, _ []int32, valid bool) {
	valid = true
	for p, w := 0, 0; p < len(s); p += w {
		c := s[p]
		var r rune
		switch w = 1; {
		case c < utf8.RuneSelf:
			r = rune(c)
		case c-0xE1 <= 0xEF-0xE1 && c != 0xED && p+2 < len(s) && s[p+1]&0xC0 == 0x80 && s[p+2]&0xC0 == 0x80:
			// runeAt, in line
			r, w = rune(c&0x0F)<<12|rune(s[p+1]&0x3F)<<6|rune(s[p+2]&0x3F), 3
		default:
			r, w = utf8.DecodeRuneInString(s[p:])
			if r == utf8.RuneError && w == 1 {
				valid = false
			}
		}
		rs = append(rs, r)
		off = append(off, int32(p))
	}
	return rs, append(off, int32(len(s))), valid
}

// runeIndexOfValid is runeIndex of a valid text of n bytes whose runes
// start at off (runesOf), in dst's storage when large enough.
func runeIndexOfValid(dst []int32, off []int32, n int) []int32 {
	var idx []int32
	if cap(dst) >= n+1 {
		idx = dst[:n+1]
	} else {
		idx = make([]int32, n+1)
	}
	for k := 0; k+1 < len(off); k++ {
		for b := off[k]; b < off[k+1]; b++ {
			idx[b] = int32(k)
		}
	}
	idx[n] = int32(len(off) - 1)
	return idx
}

// sub is string(sc.rs[a:b]): for valid text the bytes of folded between
// the runes' offsets, no copy made.
func (sc *scan) sub(a, b int) string {
	if sc.valid {
		return sc.folded[sc.off[a]:sc.off[b]]
	}
	return string(sc.rs[a:b])
}

// scanSentence is stage 1.
func scanSentence(r *parser.Report, s *sentence, ctx sentCtx) *scan {
	return scanSentenceIn(r, s, ctx, nil)
}

// scanSentenceIn is scanSentence in the storage of buf (nil: its own).
func scanSentenceIn(r *parser.Report, s *sentence, ctx sentCtx, buf *scratch) *scan {
	folded := s.fold()
	if buf == nil {
		buf = new(scratch)
	}
	rs, off, valid := runesOf(buf.rs[:0], buf.off[:0], folded)
	buf.rs, buf.off = rs, off
	sc := &buf.sc
	*sc = scan{r: r, s: s, rs: rs, folded: folded, off: off, valid: valid, ctx: ctx, t4From: -1, firstVolumeEnd: -1, proactive: strings.Contains(folded, "主动公开")}
	sc.figs = figuresIn(sc.rs) // extractFigures(s.Text): the same folded runes
	if len(sc.figs) == 0 {
		return sc
	}
	var idx []int32
	if valid {
		idx = runeIndexOfValid(buf.idx, off, len(folded))
	} else {
		idx = runeIndexInto(buf.idx, folded)
	}
	buf.idx = idx
	sc.kws = findKeywordsIn(folded, idx, &buf.taken)
	for _, m := range qizhongRe.FindAllStringIndex(folded, -1) {
		sc.qizhong = append(sc.qizhong, int(idx[m[0]]))
	}
	sc.lastGroup = make([]int, len(sc.kws))
	last := -1
	for k, m := range sc.kws {
		if m.claim("").kind == kT4Total {
			last = k
		}
		sc.lastGroup[k] = last
	}
	if m := t4ContextRe.FindStringIndex(folded); m != nil {
		sc.t4From = int(idx[m[0]])
	}
	sc.cut = sc.yearCut(folded, idx)
	return sc
}

// yearCut is stage 3: the rune offset of the clause where the sentence
// turns to another year's figures ("2023年收到申请18件，结转下年度2件",
// "截至2025年1月15日，结转的3件已办结2件"), len(rs) when it does not.
// Years inside a carry-over keyword ("结转2026年继续办理", "含2023年转至今年
// 办理的3件") and years of the application a case arose from ("因2023年度
// 申请引发行政复议1件") are this report's figures.
func (sc *scan) yearCut(folded string, idx []int32) int {
	n := len(sc.rs)
	if sc.r.Year == 0 {
		return n
	}
	k := 0
	for _, y := range yearsIn(folded) {
		if y.Value == sc.r.Year {
			continue
		}
		at, end := int(idx[y.Start]), int(idx[y.End])
		for k < len(sc.kws) && sc.kws[k].end <= at {
			k++
		}
		if k < len(sc.kws) && sc.kws[k].start <= at && end <= sc.kws[k].end {
			continue // inside a keyword; the statement checks the year
		}
		rest := sc.sub(end, min(n, end+4))
		if strings.HasPrefix(rest, "度申请") || strings.HasPrefix(rest, "申请") || strings.HasPrefix(rest, "度的申请") {
			continue
		}
		c := at
		for c > 0 && !strings.ContainsRune(clauseBreaks, sc.rs[c-1]) {
			c--
		}
		return c
	}
	return n
}

// countable is stage 2: a figure counts applications or cases when its
// unit is 件 (起/宗/例), or 条/份/项 next to the word 申请.
func (sc *scan) countable(f figure) bool {
	if f.Approx {
		return false
	}
	if f.Percent {
		return true
	}
	if countUnits[f.Unit] {
		return true
	}
	if zhtext.NounUnits[f.Unit] {
		before := sc.sub(max(0, f.NumStart-6), f.NumStart)
		after := sc.sub(f.End, min(len(sc.rs), f.End+8))
		return applicationNounRe.MatchString(before) || applicationAfterRe.MatchString(after)
	}
	return false
}

// readStatements finds the figures of a sentence and what they claim.
func readStatements(r *parser.Report, s *sentence, ctx sentCtx) []statement {
	return readStatementsIn(r, s, ctx, nil)
}

// readStatementsIn is readStatements in the storage of buf (nil: its own).
func readStatementsIn(r *parser.Report, s *sentence, ctx sentCtx, buf *scratch) []statement {
	sc := scanSentenceIn(r, s, ctx, buf)
	var out []statement
	prevEnd, k := 0, 0
	for _, f := range sc.figs {
		segStart := prevEnd
		prevEnd = f.End
		if f.Start >= sc.cut {
			break
		}
		if !sc.countable(f) {
			continue
		}
		// the keywords between the figure before and this one, within the
		// clause group (a semicolon ends it)
		for k < len(sc.kws) && sc.kws[k].start < segStart {
			k++
		}
		for j := f.Start - 1; j >= segStart; j-- {
			if sc.rs[j] == '；' || sc.rs[j] == ';' {
				segStart = j + 1
				break
			}
		}
		lo := k
		for lo < len(sc.kws) && sc.kws[lo].start < segStart {
			lo++
		}
		hi := lo
		for hi < len(sc.kws) && sc.kws[hi].end <= f.Start {
			hi++
		}
		st, ok := sc.statementOf(f, segStart, sc.kws[lo:hi], out)
		if ok {
			out = append(out, st)
			if sc.firstVolumeEnd < 0 && len(st.claims) == 1 && st.claims[0].kind.volume() && !st.fig.Percent {
				sc.firstVolumeEnd = st.fig.End
			}
		}
	}
	receivedApart(out)
	return out
}

// receivedApart: "收到申请21件，上年结转1件" — when 上年结转 is stated as a
// figure of its own, 收到 counts the new applications only (受理 stays
// open: some reports count 上年结转 in it).
func receivedApart(stmts []statement) {
	apart := false
	for _, st := range stmts {
		if len(st.claims) != 1 || st.fig.Percent {
			continue
		}
		switch c := st.claims[0]; {
		case c.kind == kCarriedIn:
			apart = true
		case c.kind == kNew && !c.sumOfStated:
			return // "收到28件（其中新收26件，上年结转2件）": 收到 is the sum
		}
	}
	if !apart {
		return
	}
	for i := range stmts {
		for j := range stmts[i].claims {
			c := &stmts[i].claims[j]
			if c.kind == kReceived && !c.includesCarry && !strings.Contains(c.name, "受理") {
				c.kind = kNew
			}
		}
	}
}

// statementOf is stage 4 for one figure.
func (sc *scan) statementOf(f figure, segStart int, ms []kwMatch, before []statement) (statement, bool) {
	st := statement{fig: f, sent: sc.s}
	seg := sc.sub(segStart, f.Start)
	if f.Percent {
		return sc.shareOf(st, seg, before)
	}
	ms = outsideParens(sc.rs, ms, segStart, f.Start)
	if len(ms) > 0 && strings.ContainsAny(sc.sub(ms[len(ms)-1].end, f.Start), clauseBreaks) {
		// "11件予以公开，4件部分公开": the keyword closes the clause before
		// the figure, whose own keyword (if any) follows it.
		ms = nil
	}
	if len(ms) == 0 && len(sc.pending) > 0 && listSepRe.MatchString(seg) {
		st.claims = sc.pending[:1]
		sc.pending = sc.pending[1:]
		return st, true
	}
	sc.pending = nil
	if len(ms) == 0 {
		if c, ok := sc.claimAfter(f, seg); ok {
			st.claims = []claim{c}
			return st, true
		}
		if c, ok := sumOfStated(seg, before); ok {
			st.claims = []claim{c}
			return st, true
		}
		return st, false
	}
	if c, ok := sc.restGroup(segStart, f); ok {
		st.claims = []claim{c}
		return st, true
	}
	st, ok := sc.claimBefore(st, segStart, seg, ms)
	if ok && sc.partOfEarlier(st) {
		return st, false
	}
	if ok && st.listed && !sc.afterTotalQizhong(st) {
		return st, false
	}
	return st, ok
}

// restGroupRe is a clause naming a group of results with 等 before its
// figure: "属于不予公开、无法提供、不予处理等情形依规答复".
var restGroupRe = gateCompile(`^\s*(?:属于|为|系|对|因|经审查|其余|其他)?\s*((?:(?:予以公开|部分公开|不予公开|无法提供|不予处理|其他处理)(?:、|和|及|与|或|以及)?){2,})等(?:情形|情况|原因)?(?:的)?(?:依法|依规|依申请|分别)?(?:予以|作出|进行)?(?:答复|办结|处理)?(?:的)?(?:共|合计|共计)?\s*$`)

// restGroup reads the clause before f as a group of results named with 等
// (stage 4): a part of the total stated before it, whose rows are those
// named and perhaps more.
func (sc *scan) restGroup(segStart int, f figure) (claim, bool) {
	if !sc.ctx.para || sc.proactive {
		return claim{}, false
	}
	cs := segStart
	for k := f.Start - 1; k >= segStart; k-- {
		if strings.ContainsRune(clauseBreaks, sc.rs[k]) {
			cs = k + 1
			break
		}
	}
	m := restGroupRe.FindStringSubmatch(sc.sub(cs, f.Start))
	if m == nil {
		return claim{}, false
	}
	c := claim{kind: kResult, rest: true, name: m[1] + "等情形"}
	seen := map[parser.RowKey]bool{}
	for _, w := range []string{"予以公开", "部分公开", "不予公开", "无法提供", "不予处理", "其他处理"} {
		if !strings.Contains(m[1], w) {
			continue
		}
		for _, row := range resultWords[w](sc.r.Layout, w).rows {
			if !seen[row] {
				seen[row] = true
				c.rows = append(c.rows, row)
			}
		}
	}
	return c, true
}

// afterTotalQizhong: the figure follows "其中" after an application total
// stated earlier in the sentence.
func (sc *scan) afterTotalQizhong(st statement) bool {
	if sc.firstVolumeEnd < 0 {
		return false
	}
	i := sort.SearchInts(sc.qizhong, sc.firstVolumeEnd)
	return i < len(sc.qizhong) && sc.qizhong[i] < st.fig.Start
}

// partOfEarlier: after "共收到申请5821件，其中", a later 收到/受理 figure of
// the sentence is a part ("各县（市、区）收到3688件"), not the total.
func (sc *scan) partOfEarlier(st statement) bool {
	if len(st.claims) != 1 || (st.claims[0].kind != kReceived && st.claims[0].kind != kHandled) {
		return false
	}
	// a 其中 between the first total and this figure
	return sc.afterTotalQizhong(st)
}

// combinedOpen names the claim of "予以公开及部分公开".
const combinedOpen = "（一）予以公开与（二）部分公开之和"

// resultWords are the result categories written after their figure.
var resultWords = map[string]func(parser.Layout, string) claim{
	"予以公开": resultClaim("（一）予以公开", "R3_1"),
	"部分公开": resultClaim("（二）部分公开", "R3_2"),
	"不予公开": resultClaim("（三）不予公开", "R3_3"),
	"无法提供": resultClaim("（四）无法提供", "R3_4"),
	"不予处理": resultClaim("（五）不予处理", "R3_5"),
	"其他处理": resultClaim("（六）其他处理", "R3_6"),
}

// outsideParens drops the keywords inside a parenthesis closed before the
// figure: in "部分公开（区分处理）2件" and "申请（含网上申请、当面申请）共计16件"
// the words in brackets do not label the figure.
func outsideParens(rs []rune, ms []kwMatch, from, to int) []kwMatch {
	if len(ms) == 0 {
		return ms
	}
	var out []kwMatch
	depth := 0
	k := len(ms) - 1
	for i := to - 1; i >= from-1 && k >= 0; i-- {
		for k >= 0 && ms[k].end > i {
			if depth <= 0 {
				out = append(out, ms[k])
			}
			k--
		}
		if i < from {
			break
		}
		switch rs[i] {
		case ')', '）':
			depth++
		case '(', '（':
			depth--
		}
	}
	for ; k >= 0; k-- {
		if depth <= 0 {
			out = append(out, ms[k])
		}
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

// inclusiveRe in the words before a figure: "申请（含上年结转）33件".
var inclusiveRe = gateCompile(`(?:^|[^不未])(含|包括|包含)\s*(上一?年度?)?(结转|转结)`)

var (
	carryAfterRe  = gateCompile(`^\s*(申请)?((顺延|结转|转入|转结)(至|到)?(下一?年|((?:19|20)\d{2})年)|正在办理|仍在办理|尚在办理)`)
	partAfterRe   = gateCompile(`^\s*(为|的|被|获|予以|均为)?\s*(结果)?(维持|纠正|其他结果|尚未审结|未审结|尚在审理|正在审理)`)
	resultAfterRe = gateCompile(`^\s*(申请)?(全部|均|都|已|已经|被|依法|依申请)*\s*(予以公开|部分公开|不予公开|无法提供|不予处理|作其他处理|其他处理)`)
)

// claimAfter reads a figure whose label follows it: "另有103件顺延到下年度
// 办理", "1件结果维持", "3件全部予以公开".
func (sc *scan) claimAfter(f figure, seg string) (claim, bool) {
	rest := sc.sub(f.End, min(len(sc.rs), f.End+afterWindowRunes))
	if m := carryAfterRe.FindStringSubmatch(rest); m != nil && (sc.ctx.application || sc.ctx.para) && !timeQualRe.MatchString(seg) {
		if m[6] != "" && (sc.r.Year == 0 || m[6] != strconv.Itoa(sc.r.Year+1)) {
			return claim{}, false // carried over to a year that is not the next
		}
		return claim{kind: kCarriedOut, name: "四、结转下年度继续办理"}, true
	}
	if m := partAfterRe.FindStringSubmatch(rest); m != nil && sc.ctx.info {
		g, ok := sc.groupBefore(f.Start)
		if !ok {
			return claim{}, false
		}
		part := map[string]parser.ColKey{"维持": parser.ColMaintain, "纠正": parser.ColCorrect, "其他结果": parser.ColOther, "尚未审结": parser.ColPending, "未审结": parser.ColPending, "尚在审理": parser.ColPending, "正在审理": parser.ColPending}[m[3]]
		return claim{kind: kT4Part, name: g.name + "·" + partNames[part], groups: g.groups, part: part}, true
	}
	if m := resultAfterRe.FindStringSubmatchIndex(rest); m != nil && (sc.ctx.para || sc.ctx.application) &&
		!subReasonRe.MatchString(seg) && !topicQualRe.MatchString(seg) {
		word := strings.TrimPrefix(rest[m[6]:m[7]], "作")
		if mk, ok := resultWords[word]; ok {
			return mk(sc.r.Layout, word), true
		}
	}
	return claim{}, false
}

// sumOfStated reads "上年结转2件，共计31件": the total of the 新收 and 上年结转
// stated just before.
func sumOfStated(seg string, before []statement) (claim, bool) {
	if !sumOnlyRe.MatchString(seg) || len(before) < 2 {
		return claim{}, false
	}
	var haveNew, haveCarry bool
	// the two figures just before (a bounded look back keeps the reading
	// linear)
	for _, b := range before[max(0, len(before)-2):] {
		if len(b.claims) != 1 {
			continue
		}
		switch b.claims[0].kind {
		case kNew, kReceived:
			haveNew = true
		case kCarriedIn:
			haveCarry = true
		}
	}
	if !haveNew || !haveCarry {
		return claim{}, false
	}
	return claim{kind: kNew, name: "本年新收与上年结转之和", sumOfStated: true}, true
}

// shareOf reads a percentage: the share of the statement just before it
// ("予以公开258件，占33.9%", "自然人申请197件，占比98.5%"), with the base the
// sentence names ("占办结总数的30.4%").
func (sc *scan) shareOf(st statement, seg string, before []statement) (statement, bool) {
	if len(before) == 0 || !shareRe.MatchString(seg) && strings.TrimSpace(seg) != "(" && strings.TrimSpace(seg) != "（" {
		return st, false
	}
	prev := before[len(before)-1]
	if prev.fig.Percent || prev.fig.End != st.fig.Start-utf8.RuneCountInString(seg) || len(prev.claims) != 1 {
		return st, false
	}
	if strings.ContainsAny(seg, "；;") || utf8.RuneCountInString(seg) > 16 {
		return st, false
	}
	c := prev.claims[0]
	if c.kind != kResult && c.kind != kApplicant {
		return st, false
	}
	st.claims = []claim{c}
	st.share = shareBase(seg)
	return st, true
}

// shareBase reads the base a share names: "占办结总数的", "占收到申请总数的".
func shareBase(seg string) []quantity {
	switch {
	case strings.Contains(seg, "办结") || strings.Contains(seg, "答复") || strings.Contains(seg, "办理结果"):
		return []quantity{t3("（七）总计", "R3_7")}
	case strings.Contains(seg, "新收"):
		return []quantity{t3("一、本年新收", "R1")}
	case strings.Contains(seg, "收到") || strings.Contains(seg, "受理") || strings.Contains(seg, "申请总") ||
		strings.Contains(seg, "全部申请") || strings.Contains(seg, "所有申请") || strings.Contains(seg, "申请数") ||
		strings.Contains(seg, "申请量") || strings.Contains(seg, "总申请"):
		return []quantity{t3("一、本年新收", "R1"), t3("本年新收与上年结转之和", "R1", "R2")}
	}
	return nil
}

// claimBefore reads a figure labelled by the keywords before it in its
// clause.
func (sc *scan) claimBefore(st statement, segStart int, seg string, ms []kwMatch) (statement, bool) {
	rs := sc.rs
	f := st.fig
	near := ms[len(ms)-1]
	if k := near.claim("").kind; (k == kAnswered || k == kHandled) && len(ms) >= 2 {
		// "予以公开答复11件", "作不予处理的处理4件", "以无法提供方式答复9件":
		// the result says what was answered
		prev := ms[len(ms)-2]
		if between := strings.TrimSpace(sc.sub(prev.end, near.start)); prev.claim("").kind == kResult && resultAnswerGapRe.MatchString(between) {
			ms = ms[:len(ms)-1]
			near = prev
		}
	}
	gap := sc.sub(near.end, f.Start)
	if near.claim("").kind == kCarriedIn && strings.Contains(gap, "在内") {
		// "共受理包括上年结转在内的申请31件": the total, 上年结转 included
		if len(ms) < 2 || !ms[len(ms)-2].claim("").kind.volume() {
			return st, false
		}
		c := ms[len(ms)-2].claim(sc.r.Layout)
		c.includesCarry = true
		span := sc.sub(segStart, f.Start)
		if sc.ctx.application && !volumeQualRe.MatchString(span) && !timeQualRe.MatchString(strings.ReplaceAll(seg, near.text, "")) {
			st.claims = []claim{c}
			return st, true
		}
		return st, false
	}
	if utf8.RuneCountInString(gap) > maxGapRunes {
		return st, false
	}
	inclusive := inclusiveRe.MatchString(sc.sub(near.start, f.Start))
	// negated keyword ("未办结2件") is not a claim of that quantity
	if near.start > 0 && strings.ContainsRune(negBeforeRune, rs[near.start-1]) {
		return st, false
	}
	// combined keywords: "不予公开、无法提供共12件", "行政复议和行政诉讼均为0件"
	used := []kwMatch{near}
	for k := len(ms) - 2; k >= 0; k-- {
		between := strings.TrimSpace(sc.sub(ms[k].end, used[0].start))
		if !connectiveRe.MatchString(between) {
			break
		}
		used = append([]kwMatch{ms[k]}, used...)
	}
	// the clause: from the last clause break before the first keyword used
	cs := segStart
	for k := used[0].start - 1; k >= segStart; k-- {
		if strings.ContainsRune("，,：:", rs[k]) {
			cs = k + 1
			break
		}
	}
	blank := make([]rune, f.Start-cs)
	copy(blank, rs[cs:f.Start])
	// every keyword of the clause is blanked, those in brackets too, but
	// channels and applicants stay: they qualify a total ("网上答复15件" is
	// no 办结 total)
	for i := sort.Search(len(sc.kws), func(i int) bool { return sc.kws[i].end > cs }); i < len(sc.kws) && sc.kws[i].start < f.Start; i++ {
		m := sc.kws[i]
		if k := m.claim("").kind; k == kChannel || k == kApplicant {
			continue
		}
		for k := max(m.start, cs); k < min(m.end, f.Start); k++ {
			blank[k-cs] = '□'
		}
	}
	// what a closed bracket says ("（含网上申请、当面申请）") does not
	// qualify the figure after it
	depth := 0
	for k := len(blank) - 1; k >= 0; k-- {
		switch blank[k] {
		case ')', '）':
			depth++
		case '(', '（':
			if depth > 0 {
				depth--
				blank[k] = '□'
				continue
			}
		}
		if depth > 0 {
			blank[k] = '□'
		}
	}
	bt := string(blank)
	var claims []claim
	for _, m := range used {
		c := m.claim(sc.r.Layout)
		if c.kind == kT4Part {
			g, ok := sc.groupBefore(m.start)
			if !ok {
				return st, false
			}
			part := parser.ColKey(c.name)
			c = claim{kind: kT4Part, name: g.name + "·" + partNames[part], groups: g.groups, part: part}
		}
		// an applicant needs 申请 in its own clause ("帮助企业解决问题12件"
		// is no application); a channel needs it in the sentence
		if c.kind == kApplicant && !strings.Contains(gap, "申请") && !strings.Contains(bt, "申请") {
			st.listed = true // read only inside "其中" after a total
		}
		if c.kind == kChannel && !sc.ctx.application {
			return st, false
		}
		if c.kind == kCarriedIn || c.kind == kCarriedOut {
			if y := yearsIn(m.text); len(y) > 0 {
				want := sc.r.Year - 1
				if c.kind == kCarriedOut {
					want = sc.r.Year + 1
				}
				if sc.r.Year == 0 || y[0].Value != want {
					return st, false
				}
			}
		}
		claims = append(claims, c)
	}
	respectively := false
	if strings.Contains(gap, "分别") {
		// "予以公开、部分公开分别为11件、4件": the pair keyword is two
		var split []claim
		for _, c := range claims {
			if c.kind == kResult && c.name == combinedOpen {
				split = append(split, resultWords["予以公开"](sc.r.Layout, ""), resultWords["部分公开"](sc.r.Layout, ""))
				continue
			}
			split = append(split, c)
		}
		if len(split) > 1 {
			claims, respectively = split, true
		}
	}
	if len(used) > 1 && !respectively {
		switch {
		case eachRe.MatchString(gap):
			st.each = true
		case sumWordRe.MatchString(gap):
		default:
			return st, false
		}
	}
	if respectively {
		bt = strings.ReplaceAll(bt, "分别", "□□")
	}
	if !sc.qualified(claims, bt, f) {
		return st, false
	}
	if respectively {
		sc.pending = claims[1:]
		claims = claims[:1]
	}
	if inclusive {
		for i := range claims {
			if claims[i].kind.volume() {
				claims[i].includesCarry = true
			}
		}
	}
	st.claims = claims
	return st, true
}

// qualified is stage 5: the words of the clause allow reading the figure
// as the claims say.
func (sc *scan) qualified(claims []claim, bt string, f figure) bool {
	if timeQualRe.MatchString(bt) || topicQualRe.MatchString(bt) {
		return false
	}
	for i := range claims {
		c := &claims[i]
		switch {
		case c.kind.volume():
			if !sc.ctx.application && !((c.kind == kAnswered || c.kind == kNew) && sc.ctx.para) {
				return false
			}
			if subReasonRe.MatchString(bt) {
				return false // "……等情形依规答复8件" counts a part, not the total
			}
			if volumeQualRe.MatchString(bt) {
				qs := volumeQualRe.FindAllString(bt, -1)
				if !(c.kind == kNew && len(qs) == 1 && qs[0] == "其中") {
					return false
				}
			}
			if includesRe.MatchString(sc.sub(f.End, min(len(sc.rs), f.End+afterWindowRunes))) {
				c.includesCarry = true
			}
		case c.kind == kCarriedIn || c.kind == kCarriedOut:
			if !sc.ctx.application && !sc.ctx.para {
				return false
			}
		case c.kind == kResult:
			if !sc.ctx.para || subReasonRe.MatchString(bt) || sc.proactive {
				return false
			}
		case c.kind == kT4Total || c.kind == kT4Part:
			if !sc.ctx.info && (sc.t4From < 0 || sc.t4From >= f.Start) && !sc.bareCases(bt) {
				return false
			}
		}
	}
	return true
}

// resultAnswerGapRe is what may stand between a result and 答复/处理 when
// the result says what was answered.
var resultAnswerGapRe = lazyCompile(`^(的)?(方式|形式|决定|意见)?(的)?$`)

// bareWordsRe are the words a bare "本年度复议4件，诉讼11件" may hold
// besides its keywords (blanked □).
var bareWordsRe = lazyCompile(`^(?:□|本年度?|全年|今年|年内|其中|结果|均|各|都|(?:19|20)\d{2}年度?|共|共计|合计|为|发生|涉及|有|，|,|、|和|及|与|\s)*$`)

// otherCasesRe in a sentence makes its 复议/诉讼 cases of another kind
// ("办理行政复议案件120件", "代理诉讼案件").
var otherCasesRe = fastCompile(`案件|案|审理|审结|受理|办理|收到|接到|申请|代理|应诉|出庭|机关|司法|调解|仲裁|信访`)

// bareCases: in a paragraph about applications, a sentence of bare 复议/
// 诉讼 counts ("本年度复议4件，诉讼11件") states table 四's totals.
func (sc *scan) bareCases(bt string) bool {
	if !sc.ctx.statesFigures() || sc.proactive || !bareWordsRe.MatchString(bt) {
		return false
	}
	return !otherCasesRe.MatchString(pendingWordsRe.ReplaceAllString(sc.sub(0, len(sc.rs)), ""))
}

// pendingWordsRe are the words of 尚未审结 (a part, not another kind of case).
var pendingWordsRe = fastCompile(`尚未审结|未审结|正在审理|尚在审理|审理中`)

// t4group is a table 四 group named in the text.
type t4group struct {
	name   string
	groups []parser.RowKey
}

// groupBefore finds the table 四 group named last before rune offset at.
func (sc *scan) groupBefore(at int) (t4group, bool) {
	i := sort.Search(len(sc.kws), func(i int) bool { return sc.kws[i].start >= at })
	if i == 0 || sc.lastGroup[i-1] < 0 {
		return t4group{}, false
	}
	c := sc.kws[sc.lastGroup[i-1]].claim("")
	return t4group{c.name, c.groups}, true
}
