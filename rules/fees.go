package rules

import (
	"fmt"
	"strings"

	"github.com/reportlint/reportlint/parser"
)

var feeRules = []*Rule{
	{
		ID: "F401", Name: "fee-declaration-missing", Severity: Error, Check: checkFeeDeclared, Title: "缺少收费说明",
		Summary: "第六部分没有说明是否收取信息处理费",
		Doc: `为什么：《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）施行后，年报第六部分"其他需要报告的事项"应报告信息处理费的收取情况。没有收费也要写明，例如"本年度未收取信息处理费"；只写"无"而不提信息处理费，读者无法判断。注意：表二的"行政事业性收费"是本机关的法定收费项目，与信息处理费不是一回事，不能代替这项说明。

只提到《政府信息公开信息处理费管理办法》、国办函〔2020〕109号，或保留模板的"收取信息处理费情况在此处报告"，都不是说明：说明要讲清是否收取，例如"未收取""没有收取""不收取""免收""收取信息处理费……元""0 元"。

如何修正：在第六部分写明本年度发出收费通知的件数和金额、实际收取的金额；未收取的写明"未收取信息处理费"。`,
		Example: `第六部分只有"无。"：
error F401 第六部分“六、其他需要报告的事项”没有说明是否收取信息处理费（没有收取也应写明“未收取信息处理费”）

第六部分只写"本局严格执行《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）。"：
error F401 第六部分“六、其他需要报告的事项”提到了信息处理费，但没有说明本年度是否收取（只写《政府信息公开信息处理费管理办法》、文号或模板的说明文字不算；应写明收取的件数和金额，没有收取的写明“未收取信息处理费”）

不报：“依据《政府信息公开信息处理费管理办法》，本年度未收取信息处理费。”“共收取信息处理费0元。”`,
	},
	{
		ID: "F402", Name: "fee-declaration-conflict", Severity: Warning, Check: checkFeeConflict, Title: "收费说明与表格矛盾",
		Summary: "关于信息处理费的说明与表格矛盾",
		Doc: `为什么：表三"（六）其他处理·2.申请人逾期未按收费通知要求缴纳费用"大于 0，说明本年度发出过收费通知；此时第六部分若说"未发出收费通知"或"没有收费事项"，两处必有一处错误。

如何修正：核对收费通知的发出情况，使第六部分的说明与表三一致。`,
		Example: `表三（六）2 为 2 件，第六部分写"未发出收费通知"：
warning F402 第六部分称“本年度未发出收费通知”，但表三「（六）其他处理2.申请人逾期未按收费通知要求缴纳费用…」行「总计」列为 2，说明发出过收费通知`,
	},
}

var (
	noNoticeRe = fastCompile(`(未|没有|无|均未|并未)[^。；;，,]{0,6}(发出|发送|送达|开具|下发)[^。；;，,]{0,6}收费通知|收费通知[^。；;，,]{0,6}(0|零)\s*件|(无|没有|亦无|也无|未有)[^。；;，,]{0,6}收费通知|(没有|无|不存在|未发生)[^。；;，,]{0,4}收费(事项|情况|行为)`)

	// A sentence is about the fee when it names it or charging.
	feeTopicRe = fastCompile(`信息处理费|收费|费用|收取`)
	// Declarations that nothing was charged: 未收取, 没有收取, 不收取, 免收,
	// 未产生信息处理费, 无收费情况…
	noFeeRe = fastCompile(`(未|没有|没|均未|并未|暂未|尚未|从未|未曾)[^。；;，,]{0,12}(收取|收费|产生|发生|征收|涉及)|(无|不予|不)[^。；;，,]{0,6}(收取|收费|产生|发生|征收|涉及)|免收|免于收取|免予收取|免除|减免|免费提供|(不存在|未发生|未出现)[^。；;，,]{0,8}(收费|信息处理费)`)
	// Rules that say what may not be charged are no declaration of what
	// was: 不得收取, 不应收费 are taken out before noFeeRe is matched.
	prohibitionRe = fastCompile(`不(得|应|能|可|准|允许)`)
	// Declarations of an amount or a count: 收取信息处理费380元, 共计0元,
	// 发出收费通知1件.
	amountRe = fastCompile(`(收取|收费|信息处理费|费用|金额|共计|合计)[^。；;]{0,24}?([0-9０-９][0-9０-９.,，]*|零|〇)\s*(元|万元)|(发出|发送|送达|开具)[^。；;，,]{0,4}收费通知[^。；;]{0,6}?([0-9０-９]+|零|〇|[一二三四五六七八九十两]+)\s*件|(收取|收费|费用|金额)[^。；;]{0,24}均为\s*(0|０|零|无)`)
	// "信息处理费收取情况：无", "信息处理费：0" say it in a form field.
	fieldNoneRe = fastCompile(`(信息处理费|收费)[^。；;]{0,12}[:：为是]\s*(无|没有|零|0|０)(\D|$)`)

	// Mentions that are no declaration are removed before matching: the
	// title of the 办法 and other documents in 《》, document numbers such
	// as 国办函〔2020〕109号, and the template's bracketed instructions
	// ("（文字描述，收取信息处理费情况在此处报告。）").
	bookTitleRe   = fastCompile(`《[^》]{0,60}》`)
	docNumberRe   = fastCompile(`[\p{Han}]{1,8}[〔\[［(（【][0-9０-９]{4}[〕\]］)）】][0-9０-９]{1,4}号`)
	instructionRe = fastCompile(`[（(][^（()）]{0,80}(文字描述|此处|填写|填报说明)[^（()）]{0,80}[）)]`)
)

// feeText returns the text where the fee declaration belongs (section 六)
// and where it sits; without a section 六 the whole body is searched.
func feeText(r *parser.Report) (string, parser.Loc, string) {
	if s, ok := r.Section(6); ok {
		text, _ := r.SectionText(6)
		return text, s.Loc, s.Written
	}
	var b strings.Builder
	for _, p := range r.Paragraphs {
		b.WriteString(p.Text)
		b.WriteByte('\n')
	}
	return b.String(), parser.Loc{}, ""
}

// stripMentions removes from compacted text what names the fee without
// declaring anything: document titles, document numbers and the template's
// bracketed instructions.
func stripMentions(c string) string {
	c = instructionRe.ReplaceAllString(c, "")
	c = bookTitleRe.ReplaceAllString(c, "")
	return docNumberRe.ReplaceAllString(c, "")
}

// declaresFee reports whether one sentence says whether a fee was charged:
// nothing (未收取, 免收, 没有产生), an amount (收取……元, 0 元) or a count of fee
// notices. Naming the 办法, its document number or the template's
// placeholder is not a declaration.
func declaresFee(sentence string) bool {
	c := parser.Compact(sentence)
	if !feeTopicRe.MatchString(c) {
		return false
	}
	return noFeeRe.MatchString(prohibitionRe.ReplaceAllString(c, "")) || amountRe.MatchString(c) || fieldNoneRe.MatchString(c) || noNoticeRe.MatchString(c)
}

func checkFeeDeclared(p *Pass) {
	text, loc, heading := feeText(p.Report)
	// Each paragraph, and the paragraphs joined (text copied out of a PDF
	// breaks sentences at line ends: "收取信息处理费" / "0元。").
	for _, line := range append(strings.Split(text, "\n"), text) {
		// Mentions go first: a bracketed instruction holds a "。" of its own.
		for _, sent := range strings.FieldsFunc(stripMentions(parser.Compact(line)), isSentenceEnd) {
			if declaresFee(sent) {
				return
			}
		}
	}
	where := "报告"
	if heading != "" {
		where = fmt.Sprintf("第六部分“%s”", heading)
	}
	msg := fmt.Sprintf("%s没有说明是否收取信息处理费（没有收取也应写明“未收取信息处理费”）", where)
	if strings.Contains(parser.Compact(text), "信息处理费") {
		msg = fmt.Sprintf("%s提到了信息处理费，但没有说明本年度是否收取（只写《政府信息公开信息处理费管理办法》、文号或模板的说明文字不算；应写明收取的件数和金额，没有收取的写明“未收取信息处理费”）", where)
	}
	p.Add(Finding{Loc: loc, Key: "F401", Message: msg})
}

func checkFeeConflict(p *Pass) {
	t := p.Report.Table(parser.Table3)
	v := t.Cell(parser.R3_6_2, parser.ColTotal)
	if !v.Known() || v.Num <= 0 {
		return
	}
	text, _, _ := feeText(p.Report)
	for _, sent := range splitSentences(text) {
		c := parser.Compact(sent)
		if noNoticeRe.MatchString(c) {
			f := cellFinding(t, parser.R3_6_2, parser.ColTotal)
			f.Key = "F402/" + c
			f.Expected, f.Actual = "", ""
			f.Message = fmt.Sprintf("第六部分称“%s”，但%s为 %s，说明发出过收费通知", strings.TrimSpace(sent), cellName(parser.Table3, parser.R3_6_2, parser.ColTotal), fmtNum(v.Num))
			p.Add(f)
			return
		}
	}
}

// isSentenceEnd is true for the ends of sentences and clauses in compacted
// text (where full-width ；！？ are already folded to ;!?).
func isSentenceEnd(r rune) bool {
	switch r {
	case '。', '；', ';', '！', '!', '？', '?':
		return true
	}
	return false
}

// splitSentences splits text at Chinese sentence ends and line breaks.
func splitSentences(text string) []string {
	return strings.FieldsFunc(text, func(r rune) bool {
		return r == '。' || r == '\n' || r == '；' || r == '！' || r == '？'
	})
}
