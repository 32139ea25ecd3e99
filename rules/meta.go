package rules

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/reportlint/reportlint/parser"
)

var metaRules = []*Rule{
	{
		ID: "M601", Name: "year-mismatch", Severity: Warning, Check: checkYearMismatch, Title: "报告年度不一致",
		Summary: "标题、统计期限、表格处和落款所说的报告年度不一致",
		Doc: `为什么：年报报告的是上一年度的情况（《政府信息公开条例》第四十九条、第五十条）。标题中的年度、"统计期限自X年1月1日起至X年12月31日止"一句和各表格标题里的年度必须是同一年；落款日期必然在报告年度结束之后。几处不一致，最常见的原因是沿用了上一年的报告只改了一部分，这正是国办公开办函〔2021〕30号"明确责任"部分点名的"内容雷同"。

reportlint 核对：标题年度；统计期限的起止年度（起止应在同一年）；第二至第四部分标题或表格说明里写出的年度；报告末尾的落款日期（不应早于报告年度的 12 月 31 日）。

如何修正：把各处年度改为实际报告的年度；落款日期写实际成文日期。`,
		Example: `标题为"…2024年政府信息公开工作年度报告"，统计期限为 2023 年：
warning M601 标题的报告年度为 2024 年，但统计期限“自2023年1月1日起至2023年12月31日止”是 2023 年`,
	},
	{
		ID: "M602", Name: "late-publication", Severity: Warning, Check: checkLatePublication, Title: "发布晚于期限",
		Summary: "已知的发布日期晚于法定期限（部门 1 月 31 日，人民政府 3 月 31 日）",
		Doc: `为什么：《政府信息公开条例》第四十九条：县级以上人民政府部门应当在每年 1 月 31 日前向本级政府信息公开工作主管部门提交并向社会公布本行政机关上一年度的年度报告；县级以上地方人民政府的政府信息公开工作主管部门应当在每年 3 月 31 日前公布本级政府上一年度的年度报告。逾期发布属于第四十七条可以督促整改、通报批评的情形。条例没有规定乡镇人民政府的期限（由地方规定），这类报告不核对。

reportlint 使用的日期，依次取：网页的"发布日期"，报告末尾的落款日期，文件属性中的创建日期。报告类型（部门或人民政府）按标题中的发布机关判断，也可以在配置文件中按路径指定。没有日期或无法判断类型时不核对。

如何修正：按期发布；若落款日期有误，改为实际日期。`,
		Example: `部门 2024 年度报告，网页发布日期为 2025 年 3 月 5 日：
warning M602 报告发布日期为 2025年3月5日（网页发布日期），晚于条例第四十九条规定的部门年报期限 2025年1月31日`,
	},
}

func checkYearMismatch(p *Pass) {
	r := p.Report
	title := 0 // the year the title names, when it names one
	if r.YearSource == parser.YearFromTitle {
		title = r.Year
	}
	per, hasPer := findPeriod(r)
	year := title
	if hasPer {
		loc := per.Para.Loc
		switch {
		case per.From.Year() != per.To.Year():
			p.Add(Finding{Loc: loc, Key: "M601/period-span",
				Message: fmt.Sprintf("统计期限“%s”跨了两个年度（%d 年至 %d 年），年报只统计一个自然年度", per.Text, per.From.Year(), per.To.Year())})
		case title != 0 && per.From.Year() != title:
			p.Add(Finding{Loc: loc, Key: "M601/period", Expected: strconv.Itoa(title), Actual: strconv.Itoa(per.From.Year()),
				Message: fmt.Sprintf("标题的报告年度为 %d 年，但统计期限“%s”是 %d 年", title, per.Text, per.From.Year())})
		}
		if year == 0 && per.From.Year() == per.To.Year() {
			year = per.From.Year()
		}
	}
	if year == 0 {
		return
	}
	// years written in the headings and captions of sections 二–四
	for _, sec := range r.Sections {
		if sec.Num < 2 || sec.Num > 4 {
			continue
		}
		cands := []struct {
			text string
			loc  parser.Loc
		}{{sec.Written, sec.Loc}}
		for _, para := range r.Paragraphs[sec.First:sec.End] {
			if len([]rune(parser.Compact(para.Text))) <= 60 {
				cands = append(cands, struct {
					text string
					loc  parser.Loc
				}{para.Text, para.Loc})
			}
		}
		for _, c := range cands {
			text := parser.FoldWidth(parser.Compact(c.text))
			// the year first: a text without another year is passed over
			// whether or not it holds a date
			y, ok := firstArabicYear(text) // yearInTextRe's first match
			if !ok || y == year {
				continue
			}
			if len(findDates(text)) > 0 {
				continue // a date, not a report year
			}
			what := "标题"
			if title == 0 {
				what = "统计期限"
			}
			p.Add(Finding{Loc: c.loc, Key: fmt.Sprintf("M601/section%d", sec.Num), Expected: strconv.Itoa(year), Actual: strconv.Itoa(y),
				Message: fmt.Sprintf("%s的报告年度为 %d 年，但第%s部分的“%s”写的是 %d 年", what, year, sectionDefs[sec.Num-1].Numeral, strings.TrimSpace(c.text), y)})
			break
		}
	}
	// the date line cannot come before the end of the report year
	if dl, ok := findDateLine(r); ok && dl.Date.Year() <= year {
		p.Add(Finding{Loc: dl.Para.Loc, Key: "M601/dateline", Expected: fmt.Sprintf("%d年以后", year+1), Actual: fmtDate(dl.Date),
			Message: fmt.Sprintf("落款日期 %s 早于 %d 年度结束，年报应在报告年度结束后成文（可能沿用了往年的落款）", fmtDate(dl.Date), year)})
	}
}

// noStatutoryDeadline: 乡镇、街道 reports have no deadline in the 条例.
func noStatutoryDeadline(issuer string) bool {
	for _, s := range []string{"镇人民政府", "乡人民政府", "街道办事处", "镇政府", "乡政府", "镇", "乡", "街道"} {
		if strings.HasSuffix(issuer, s) {
			return true
		}
	}
	return false
}

// publication returns the date the report was published, where it comes
// from, and where it is written.
func publication(r *parser.Report) (time.Time, string, parser.Loc, bool) {
	m := r.Doc.Meta
	if !m.Published.IsZero() && r.Doc.Format == parser.FormatHTML {
		return m.Published, "网页发布日期", m.PublishedLoc, true
	}
	if dl, ok := findDateLine(r); ok {
		return dl.Date, "落款日期", dl.Para.Loc, true
	}
	if !m.Published.IsZero() {
		src := "文件属性中的日期"
		if r.Doc.Format == parser.FormatPDF {
			src = "PDF 文件属性中的创建日期"
		}
		return m.Published, src, m.PublishedLoc, true
	}
	return time.Time{}, "", parser.Loc{}, false
}

func checkLatePublication(p *Pass) {
	r := p.Report
	year := r.Year
	if year == 0 || r.Kind == "" || noStatutoryDeadline(r.Issuer) {
		return
	}
	date, src, loc, ok := publication(r)
	if !ok {
		return
	}
	var deadline time.Time
	var who string
	switch r.Kind {
	case parser.KindDepartment:
		deadline, who = time.Date(year+1, 1, 31, 0, 0, 0, 0, time.UTC), "部门年报"
	case parser.KindGovernment:
		deadline, who = time.Date(year+1, 3, 31, 0, 0, 0, 0, time.UTC), "人民政府年报"
	default:
		return
	}
	d := time.Date(date.Year(), date.Month(), date.Day(), 0, 0, 0, 0, time.UTC)
	if !d.After(deadline) {
		return
	}
	if loc.IsZero() && r.TitleLoc.Line > 0 {
		loc = r.TitleLoc
	}
	p.Add(Finding{Loc: loc, Key: "M602", Expected: fmtDate(deadline), Actual: fmtDate(d),
		Message: fmt.Sprintf("报告发布日期为 %s（%s），晚于条例第四十九条规定的%s期限 %s", fmtDate(d), src, who, fmtDate(deadline))})
}
