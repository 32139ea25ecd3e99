package rules

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/reportlint/reportlint/parser"
)

var feeRules = []*Rule{
	{
		ID: "F401", Name: "fee-declaration-missing", Severity: Error, Check: checkFeeDeclared, Title: "缺少收费说明",
		Summary: "第六部分没有说明是否收取信息处理费",
		Doc: `为什么：《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）施行后，年报第六部分"其他需要报告的事项"应报告信息处理费的收取情况。没有收费也要写明，例如"本年度未收取信息处理费"；只写"无"而不提信息处理费，读者无法判断。注意：表二的"行政事业性收费"是本机关的法定收费项目，与信息处理费不是一回事，不能代替这项说明。

如何修正：在第六部分写明本年度发出收费通知的件数和金额、实际收取的金额；未收取的写明"未收取信息处理费"。`,
		Example: `第六部分只有"无。"：
error F401 第六部分“六、其他需要报告的事项”没有说明是否收取信息处理费（没有收取也应写明“未收取信息处理费”）`,
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
	feeWords   = []string{"信息处理费"}
	noFeeRe    = regexp.MustCompile(`(未|没有|无|不|均未|并未|暂未|尚未)[^。；;，,]{0,8}(收取|收费|产生|发生|征收)`)
	noNoticeRe = regexp.MustCompile(`(未|没有|无|均未|并未)[^。；;，,]{0,6}(发出|发送|送达|开具|下发)[^。；;，,]{0,6}收费通知|收费通知[^。；;，,]{0,6}(0|零)\s*件|(无|没有|亦无|也无|未有)[^。；;，,]{0,6}收费通知|(没有|无|不存在|未发生)[^。；;，,]{0,4}收费(事项|情况|行为)`)
	feeTopicRe = regexp.MustCompile(`收费|费用|收取`)
	// The format's wording of the fee item: notices sent, their amount, the
	// amount collected; any statement of them is a declaration.
	feeNoticeRe = regexp.MustCompile(`收费通知`)
	zeroFeeRe   = regexp.MustCompile(`(收取|收费)[^。；;]{0,16}(0|零)(\.0+)?(元|万元|件)|(收取|收费)[^。；;]{0,24}均为(0|零|无)`)
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

func checkFeeDeclared(p *Pass) {
	text, loc, heading := feeText(p.Report)
	t := parser.Compact(text)
	for _, w := range feeWords {
		if strings.Contains(t, w) {
			return
		}
	}
	if noFeeRe.MatchString(t) && feeTopicRe.MatchString(t) {
		return // "未收取任何费用" counts as a declaration
	}
	if feeNoticeRe.MatchString(t) || zeroFeeRe.MatchString(t) {
		return // "发出收费通知0件，实际收取0元", "…的件数和总金额以及实际收取的总金额均为0"
	}
	where := "报告"
	if heading != "" {
		where = fmt.Sprintf("第六部分“%s”", heading)
	}
	p.Add(Finding{Loc: loc, Key: "F401",
		Message: fmt.Sprintf("%s没有说明是否收取信息处理费（没有收取也应写明“未收取信息处理费”）", where)})
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

// splitSentences splits text at Chinese sentence ends and line breaks.
func splitSentences(text string) []string {
	return strings.FieldsFunc(text, func(r rune) bool {
		return r == '。' || r == '\n' || r == '；' || r == '！' || r == '？'
	})
}
