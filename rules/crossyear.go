package rules

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/reportlint/reportlint/parser"
)

var crossYearRules = []*Rule{
	{
		ID: "X701", Name: "carryover-mismatch", Severity: Warning, Check: checkCarryover, Title: "上年结转不接续",
		Summary: "与上一年度报告对照：本年“上年结转”≠ 上年“结转下年度继续办理”（按列）",
		Doc: `为什么：表三"二、上年结转政府信息公开申请数量"就是上一年度报告表三"四、结转下年度继续办理"的那些申请，六类申请人和总计每一列都应相等。不相等说明两年中有一年统计有误，或有申请在结转中遗漏。

本规则需要上一年度报告：用 --previous 指定，或在检查目录时由 reportlint 按发布机关和年度自动配对。

如何修正：核对上年结转的申请清单，使本年"上年结转"与上年"结转下年度继续办理"一致；确有原因（如上年报告有误）的，在正文中说明。`,
		Example: `上年报告结转下年度 3 件，本年上年结转 2 件：
warning X701 表三「二、上年结转政府信息公开申请数量」行「总计」列为 2，但上一年度报告（2023年度）的「四、结转下年度继续办理」为 3`,
	},
	{
		ID: "X702", Name: "valid-count-rolling", Severity: Info, Check: checkValidRolling, Title: "现行有效件数不接续",
		Summary: "与上一年度报告对照：上年现行有效 + 本年制发 − 本年废止 ≠ 本年现行有效（规章、行政规范性文件）",
		Doc: `为什么：表二第二十条第（一）项的"现行有效件数"应当大致等于上年的现行有效件数加本年制发、减本年废止。修改、清理、重新归类会打破严格相等，所以这只是提示；但差距大时往往是某一年的数字填错了。武威市 2025 年年报通知要求这些数字与司法行政部门核对。

本规则需要上一年度报告（--previous，或目录检查时自动配对）。

如何修正：与司法行政部门的规章、规范性文件备案数据核对；有清理、修订等原因的，可在正文说明。`,
		Example: `上年行政规范性文件现行有效 10 件，本年制发 3 件、废止 1 件，本年现行有效 13 件：
info X702 表二「行政规范性文件」行「现行有效件数」列为 13，但上年现行有效 10 + 本年制发 3 − 本年废止 1 = 12`,
	},
	{
		ID: "X703", Name: "copied-text", Severity: Warning, Check: checkCopiedText, Title: "正文照搬上年",
		Summary: "与上一年度报告对照：正文一半以上的句子与上年相同（数字、年份不计）",
		Doc: `为什么：国办公开办函〔2021〕30号要求年报如实反映本年度工作，点名批评"内容雷同、敷衍塞责"的报告，可依条例第四十七条追究责任。常见情形是照抄上年报告、只改年份和数字。

reportlint 把正文（表格除外）切成句子，把数字和年份替换掉后，与上一年度报告的句子比较；超过一半的句子在上年报告中原样出现时报告，并给出重复的比例。格式规定的标题和很短的句子不计。

如何修正：按本年度实际工作重写总体情况、存在的主要问题及改进情况等部分；特别是"存在的主要问题"应说明上年问题的整改情况。`,
		Example: `warning X703 正文 24 句中有 20 句（83%）与上一年度报告（2023年度）相同（数字和年份不计），疑似照抄上年报告`,
	},
	{
		ID: "X704", Name: "identical-tables", Severity: Warning, Check: checkIdenticalTables, Title: "表格与上年相同",
		Summary: "与上一年度报告对照：表格中的全部数字与上年完全相同",
		Doc: `为什么：两个年度的表二、表三、表四每一个数字都相同，几乎不可能是真实统计，通常是沿用了上年的表格（国办公开办函〔2021〕30号所说的"内容雷同"）。全部为 0 的表格（没有发生任何事项）不在此列。

本规则需要上一年度报告（--previous，或目录检查时自动配对）。

如何修正：按本年度实际统计重新填写表格。`,
		Example: `warning X704 表二、表三、表四共 190 个数字与上一年度报告（2023年度）完全相同，疑似沿用上年表格`,
	},
}

// prevName names the previous report for messages.
func prevName(prev, cur *parser.Report) string {
	name := ""
	if prev.Doc != nil && prev.Doc.Path != "" {
		name = filepath.Base(prev.Doc.Path)
		// the same file name as the report's own (2023/report.pdf and
		// 2024/report.pdf): the path says which file
		if cur != nil && cur.Doc != nil && filepath.Base(cur.Doc.Path) == name {
			name = prev.Doc.Path
		}
	}
	switch {
	case prev.Year != 0 && name != "":
		return fmt.Sprintf("上一年度报告（%d年度，%s）", prev.Year, name)
	case prev.Year != 0:
		return fmt.Sprintf("上一年度报告（%d年度）", prev.Year)
	case name != "":
		return fmt.Sprintf("上一年度报告（%s）", name)
	}
	return "上一年度报告"
}

func checkCarryover(p *Pass) {
	if p.Previous == nil {
		return
	}
	cur, prev := p.Report.Table(parser.Table3), p.Previous.Table(parser.Table3)
	if cur == nil || prev == nil {
		return
	}
	explained := restructuringSentence(p.Report)
	for _, c := range parser.Table3Cols() {
		in, out := cur.Cell(parser.R2, c.Key), prev.Cell(parser.R4, c.Key)
		if !in.Known() || !out.Known() || in.Num == out.Num {
			continue
		}
		f := cellFinding(cur, parser.R2, c.Key)
		f.Key = "X701/" + string(c.Key)
		f.Expected, f.Actual = fmtNum(out.Num), fmtNum(in.Num)
		f.Message = fmt.Sprintf("%s为 %s，但%s的「四、结转下年度继续办理」「%s」列为 %s",
			cellName(parser.Table3, parser.R2, c.Key), fmtNum(in.Num), prevName(p.Previous, p.Report), c.Label, fmtNum(out.Num))
		if explained != "" {
			f.Message += fmt.Sprintf("；正文说明了“%s”，如差额由此而来可忽略本条", explained)
		}
		// last year's cell, when it is known which file it is in
		if p.Previous.Doc != nil && p.Previous.Doc.Path != "" {
			last := cellRelated(prev, parser.R4, c.Key)
			last.Label = "上一年度" + last.Label
			last.Path = p.Previous.Doc.Path
			f.Related = append(f.Related, last)
		}
		p.Add(f)
	}
}

// restructuringRe names what legitimately breaks the carry-over between
// years: 机构改革, a transfer of applications, merged agencies.
var restructuringRe = lazyCompile(`机构改革|职能调整|划转|移交|合并|撤并|更名|转隶`)

// restructuringSentence returns the first sentence of the report that
// explains a break in the carry-over, or "".
func restructuringSentence(r *parser.Report) string {
	for _, p := range r.Paragraphs {
		for _, s := range splitSentences(p.Text) {
			if restructuringRe.MatchString(s) && strings.Contains(s, "结转") {
				return strings.TrimSpace(s)
			}
		}
	}
	return ""
}

func checkValidRolling(p *Pass) {
	if p.Previous == nil {
		return
	}
	cur, prev := p.Report.Table(parser.Table2), p.Previous.Table(parser.Table2)
	if cur == nil || prev == nil {
		return
	}
	for _, row := range []parser.RowKey{parser.RowRegulations, parser.RowNormative} {
		was, made, repealed, valid := prev.Cell(row, parser.ColValid), cur.Cell(row, parser.ColMade), cur.Cell(row, parser.ColRepealed), cur.Cell(row, parser.ColValid)
		if !was.Known() || !made.Known() || !repealed.Known() || !valid.Known() {
			continue
		}
		want := was.Num + made.Num - repealed.Num
		if want == valid.Num {
			continue
		}
		f := cellFinding(cur, row, parser.ColValid)
		f.Key = "X702/" + string(row)
		f.Expected, f.Actual = fmtNum(want), fmtNum(valid.Num)
		f.Message = fmt.Sprintf("%s为 %s，但%s的现行有效 %s + 本年制发 %s − 本年废止 %s = %s（修订、清理可能造成差异，请核对）",
			cellName(parser.Table2, row, parser.ColValid), fmtNum(valid.Num), prevName(p.Previous, p.Report), fmtNum(was.Num), fmtNum(made.Num), fmtNum(repealed.Num), fmtNum(want))
		p.Add(f)
	}
}

var (
	numberRunRe = lazyCompile(`[0-9０-９]+([.,][0-9]+)*|[零〇一二两三四五六七八九十百千万]{2,}`)
	punctRe     = lazyCompile(`[\p{P}\p{S}\s]+`)
)

// normSentence normalises a sentence for comparison across years: numbers,
// years and punctuation removed.
func normSentence(s string) string {
	c := parser.FoldWidth(parser.Compact(s))
	c = numberRunRe.ReplaceAllString(c, "#")
	c = punctRe.ReplaceAllString(c, "")
	return c
}

// minCopyRunes: shorter sentences ("无。", headings) are not compared.
const minCopyRunes = 12

// narrativeKeys returns the normalised narrative sentences of a report:
// every paragraph except section headings and the title.
func narrativeKeys(r *parser.Report) []string {
	var out []string
	for _, s := range narrativeSentences(r) {
		if s.Para.Loc == r.TitleLoc && r.TitleLoc.Line > 0 {
			continue
		}
		k := normSentence(s.Text)
		if len([]rune(k)) < minCopyRunes {
			continue
		}
		out = append(out, k)
	}
	return out
}

func checkCopiedText(p *Pass) {
	if p.Previous == nil {
		return
	}
	cur := narrativeKeys(p.Report)
	if len(cur) < 5 {
		return
	}
	prev := map[string]bool{}
	for _, k := range narrativeKeys(p.Previous) {
		prev[k] = true
	}
	if len(prev) == 0 {
		return
	}
	same := 0
	for _, k := range cur {
		if prev[k] {
			same++
		}
	}
	if same*2 <= len(cur) {
		return
	}
	loc := p.Report.TitleLoc
	if s, ok := p.Report.Section(1); ok {
		loc = s.Loc
	}
	pct := same * 100 / len(cur)
	p.Add(Finding{Loc: loc, Key: "X703", Expected: "≤50%", Actual: fmt.Sprintf("%d%%", pct),
		Message: fmt.Sprintf("正文 %d 句中有 %d 句（%d%%）与%s相同（数字和年份不计），疑似照抄上年报告", len(cur), same, pct, prevName(p.Previous, p.Report))})
}

func checkIdenticalTables(p *Pass) {
	if p.Previous == nil {
		return
	}
	compared, nonzeroFlow := 0, 0
	for _, id := range parser.TableIDs() {
		cur, prev := p.Report.Table(id), p.Previous.Table(id)
		if cur == nil || prev == nil {
			return
		}
		for _, def := range parser.RowDefs(id) {
			for _, col := range def.Cols {
				a, b := cur.Cell(def.Key, col.Key), prev.Cell(def.Key, col.Key)
				if !a.Known() || !b.Known() {
					continue
				}
				if a.Num != b.Num {
					return
				}
				compared++
				// flows, not stocks: 现行有效 may legitimately stay the same
				if a.Num != 0 && col.Key != parser.ColValid {
					nonzeroFlow++
				}
			}
		}
	}
	if compared < 20 || nonzeroFlow < 2 {
		return
	}
	loc := p.Report.TitleLoc
	if t := p.Report.Table(parser.Table3); t != nil {
		loc = t.Loc
	}
	p.Add(Finding{Loc: loc, Key: "X704",
		Message: fmt.Sprintf("表二、表三、表四共 %d 个数字与%s完全相同，疑似沿用上年表格", compared, prevName(p.Previous, p.Report))})
}

// SameIssuer reports whether two issuer names denote the same agency, for
// pairing reports across years: white space, full-width forms and
// surrounding brackets and quotes are ignored.
func SameIssuer(a, b string) bool {
	na, nb := IssuerKey(a), IssuerKey(b)
	return na != "" && na == nb
}

// IssuerKey normalises an issuer name for pairing reports across years.
func IssuerKey(s string) string {
	c := parser.FoldWidth(parser.Compact(s))
	c = strings.Trim(c, "《》“”\"()（）")
	return c
}
