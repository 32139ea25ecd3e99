package main

import (
	"fmt"
	"strings"
)

type reportOpt struct {
	// layout wraps the whole report in a one-column page-layout table, as
	// reports pasted from a CMS page are.
	layout bool
	// placeholders leaves table 四's data cells as unfilled content
	// controls showing their grey prompt text.
	placeholders bool
	// blankTable4 leaves every data cell of table 四 as unfilled content
	// (C206).
	blankTable4 bool
}

const wNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable="w14"`

type xb struct {
	strings.Builder
	paraID int
}

// p writes a paragraph; inner is the run content.
func (b *xb) p(ppr, inner string) {
	b.paraID++
	fmt.Fprintf(&b.Builder, `<w:p w14:paraId="%08X" w14:textId="77777777">`, 0x1A2B0000+b.paraID)
	if ppr != "" {
		b.WriteString("<w:pPr>" + ppr + "</w:pPr>")
	}
	b.WriteString(inner + "</w:p>")
}

// r is a run of text in 仿宋 as Word writes it.
func r(text string) string {
	sp := ""
	if strings.HasPrefix(text, " ") || strings.HasSuffix(text, " ") {
		sp = ` xml:space="preserve"`
	}
	return `<w:r><w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:hint="eastAsia"/><w:sz w:val="32"/></w:rPr><w:t` + sp + `>` + strings.ReplaceAll(esc(text), "\u00ad", `</w:t><w:softHyphen/><w:t>`) + `</w:t></w:r>`
}

func esc(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

// heading is a section heading numbered by its style (一、二、…).
func (b *xb) heading(text string) { b.p(`<w:pStyle w:val="2"/>`, r(text)) }

// sub is a paragraph numbered directly at level 2 (（一）（二）…).
func (b *xb) sub(text string) {
	b.p(`<w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr><w:ind w:firstLine="640"/>`, r(text))
}

func (b *xb) body(text string) { b.p(`<w:ind w:firstLine="640"/>`, r(text)) }

// tc writes a cell: props are tcPr children, content the paragraphs.
func tc(props, content string) string {
	return `<w:tc><w:tcPr><w:tcW w:w="0" w:type="auto"/>` + props + `</w:tcPr>` + content + `</w:tc>`
}

func cp(text string) string {
	return `<w:p><w:pPr><w:jc w:val="center"/></w:pPr>` + r(text) + `</w:p>`
}

func span(n int) string {
	if n <= 1 {
		return ""
	}
	return fmt.Sprintf(`<w:gridSpan w:val="%d"/>`, n)
}

const restart = `<w:vMerge w:val="restart"/>`
const cont = `<w:vMerge/>` // Word's bare continuation

func tbl(cols int, rows ...string) string {
	var b strings.Builder
	b.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:jc w:val="center"/><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders><w:tblLook w:val="04A0"/></w:tblPr><w:tblGrid>`)
	for i := 0; i < cols; i++ {
		b.WriteString(`<w:gridCol w:w="600"/>`)
	}
	b.WriteString(`</w:tblGrid>`)
	for _, row := range rows {
		b.WriteString(row)
	}
	b.WriteString(`</w:tbl>`)
	return b.String()
}

func tr(trPr string, cells ...string) string {
	s := `<w:tr w14:paraId="00000000">`
	if trPr != "" {
		s += `<w:trPr>` + trPr + `</w:trPr>`
	}
	return s + strings.Join(cells, "") + `</w:tr>`
}

func nums(vs []int) []string {
	var out []string
	for _, v := range vs {
		out = append(out, tc("", cp(fmt.Sprint(v))))
	}
	return out
}

type t3row struct {
	group, item string
	v           []int
}

var t3 = []t3row{
	{"（一）予以公开", "", []int{12, 2, 0, 0, 0, 0, 14}},
	{"（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "", []int{4, 0, 0, 0, 0, 0, 4}},
	{"（三）不予公开", "属于国家秘密", []int{0, 0, 0, 0, 0, 0, 0}},
	{"（三）不予公开", "其他法律行政法规禁止公开", []int{0, 0, 0, 0, 0, 0, 0}},
	{"（三）不予公开", "危及“三安全一稳定”", []int{1, 0, 0, 0, 0, 0, 1}},
	{"（三）不予公开", "保护第三方合法权益", []int{0, 0, 0, 0, 0, 0, 0}},
	{"（三）不予公开", "属于三类内部事务信息", []int{0, 0, 0, 0, 0, 0, 0}},
	{"（三）不予公开", "属于四类过程性信息", []int{0, 0, 0, 0, 0, 0, 0}},
	{"（三）不予公开", "属于行政执法案卷", []int{0, 0, 0, 0, 0, 0, 0}},
	{"（三）不予公开", "属于行政查询事项", []int{1, 0, 0, 0, 0, 0, 1}},
	{"（四）无法提供", "本机关不掌握相关政府信息", []int{7, 1, 0, 1, 0, 0, 9}},
	{"（四）无法提供", "没有现成信息需要另行制作", []int{2, 0, 0, 0, 0, 0, 2}},
	{"（四）无法提供", "补正后申请内容仍不明确", []int{0, 0, 0, 0, 0, 0, 0}},
	{"（五）不予处理", "信访举报投诉类申请", []int{1, 0, 0, 0, 0, 0, 1}},
	{"（五）不予处理", "重复申请", []int{0, 0, 0, 0, 0, 0, 0}},
	{"（五）不予处理", "要求提供公开出版物", []int{0, 0, 0, 0, 0, 0, 0}},
	{"（五）不予处理", "无正当理由大量反复申请", []int{0, 0, 0, 0, 0, 0, 0}},
	{"（五）不予处理", "要求行政机关确认或重新出具已获取信息", []int{0, 0, 0, 0, 0, 0, 0}},
	{"（六）其他处理", "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", []int{1, 0, 0, 0, 0, 0, 1}},
	{"（六）其他处理", "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", []int{0, 0, 0, 0, 0, 0, 0}},
	{"（六）其他处理", "其他", []int{0, 0, 0, 0, 0, 0, 0}},
}

// groupNum gives each group of table 三 its own list (numId 3..6) that
// restarts at 1 through a startOverride, as Word does for "restart
// numbering".
var groupNum = map[string]int{"（三）不予公开": 3, "（四）无法提供": 4, "（五）不予处理": 5, "（六）其他处理": 6}

func table2() string {
	sec := func(s string) string { return tr("", tc(span(4), cp(s))) }
	return tbl(4,
		sec("第二十条第（一）项"),
		tr("", tc("", cp("信息内容")), tc("", cp("本年制发件数")), tc("", cp("本年废止件数")), tc("", cp("现行有效件数"))),
		tr("", append([]string{tc("", cp("规章"))}, nums([]int{0, 0, 0})...)...),
		// A number cell wrapped in a cell-level content control.
		tr("", tc("", cp("行政规范性文件")), tc("", cp("2")),
			`<w:sdt><w:sdtPr><w:alias w:val="废止件数"/><w:id w:val="-1190527"/></w:sdtPr><w:sdtContent>`+tc("", cp("0"))+`</w:sdtContent></w:sdt>`,
			tc("", cp("9"))),
		// A row that stops one grid column short (w:gridAfter).
		tr(`<w:gridAfter w:val="1"/><w:wAfter w:w="600" w:type="dxa"/>`, tc(span(3), cp("第二十条第（五）项"))),
		tr("", tc("", cp("信息内容")), tc(span(3), cp("本年处理决定数量"))),
		tr("", tc("", cp("行政许可")), tc(span(3), cp("87"))),
		sec("第二十条第（六）项"),
		tr("", tc("", cp("信息内容")), tc(span(3), cp("本年处理决定数量"))),
		tr("", tc("", cp("行政处罚")), tc(span(3), `<w:p><w:r><w:t>4</w:t></w:r><w:proofErr w:type="gramStart"/><w:r><w:t>1</w:t></w:r><w:proofErr w:type="gramEnd"/></w:p>`)),
		tr("", tc("", cp("行政强制")), tc(span(3), cp("5"))),
		sec("第二十条第（八）项"),
		tr("", tc("", cp("信息内容")), tc(span(3), cp("本年收费金额（单位：万元）"))),
		tr("", tc("", cp("行政事业性收费")), tc(span(3), cp("0"))),
	)
}

func table3() string {
	rows := []string{
		tr("", tc(span(3)+restart, cp("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）")), tc(span(7), cp("申请人情况"))),
		tr("", tc(span(3)+cont, `<w:p/>`), tc(restart, cp("自然人")), tc(span(5), cp("法人或其他组织")), tc(restart, cp("总计"))),
		tr("", tc(span(3)+cont, `<w:p/>`), tc(cont, `<w:p/>`),
			tc("", `<w:p><w:r><w:t>商业</w:t></w:r><w:r><w:br/></w:r><w:r><w:t>企业</w:t></w:r></w:p>`),
			tc("", cp("科研机构")), tc("", cp("社会公益组织")), tc("", cp("法律服务机构")), tc("", cp("其他")), tc(cont, `<w:p/>`)),
		tr("", append([]string{tc(span(3), cp("一、本年新收政府信息公开申请数量"))}, nums([]int{30, 4, 0, 1, 0, 0, 35})...)...),
		// A row indented by one grid column (w:gridBefore).
		tr(`<w:gridBefore w:val="1"/><w:wBefore w:w="600" w:type="dxa"/>`, append([]string{tc(span(2), cp("二、上年结转政府信息公开申请数量"))}, nums([]int{3, 0, 0, 0, 0, 0, 3})...)...),
	}
	prevGroup := ""
	for i, row := range t3 {
		var cells []string
		if i == 0 {
			cells = append(cells, tc(restart, cp("三、本年度办理结果")))
		} else {
			cells = append(cells, tc(cont, `<w:p/>`))
		}
		if row.item == "" {
			cells = append(cells, tc(span(2), cp(row.group)))
		} else {
			if row.group != prevGroup {
				cells = append(cells, tc(restart, cp(row.group)))
			} else {
				cells = append(cells, tc(cont, `<w:p/>`))
			}
			// The item's "1." comes from numbering.xml.
			cells = append(cells, tc("", fmt.Sprintf(`<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="%d"/></w:numPr></w:pPr>%s</w:p>`, groupNum[row.group], r(row.item))))
		}
		prevGroup = row.group
		rows = append(rows, tr("", append(cells, nums(row.v)...)...))
	}
	// （七）总计 with its total as a Word field (=SUM(ABOVE)).
	total := []string{tc(cont, `<w:p/>`), tc(span(2), cp("（七）总计"))}
	total = append(total, nums([]int{29, 3, 0, 1, 0, 0})...)
	total = append(total, tc("", `<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> =SUM(ABOVE) </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>33</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`))
	rows = append(rows, tr("", total...))
	rows = append(rows, tr("", append([]string{tc(span(3), cp("四、结转下年度继续办理"))}, nums([]int{4, 1, 0, 0, 0, 0, 5})...)...))
	return tbl(10, rows...)
}

func table4(placeholders, all bool) string {
	h := []string{"结果维持", "结果纠正", "其他结果", "尚未审结"}
	r1 := []string{tc(span(5), cp("行政复议")), tc(span(10), cp("行政诉讼"))}
	var r2, r3 []string
	for _, x := range append(h, "总计") {
		r2 = append(r2, tc(restart, cp(x)))
		r3 = append(r3, tc(cont, `<w:p/>`))
	}
	r2 = append(r2, tc(span(5), cp("未经复议直接起诉")), tc(span(5), cp("复议后起诉")))
	for i := 0; i < 2; i++ {
		for _, x := range append(h, "总计") {
			r3 = append(r3, tc("", cp(x)))
		}
	}
	data := nums([]int{2, 0, 0, 1, 3, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0})
	if all {
		placeholders = true
		for i := 0; i < 5; i++ {
			data[i] = tc("", `<w:p/>`)
		}
	}
	if placeholders {
		// The group 未经复议直接起诉 is unfilled throughout (one C201 for
		// the row); in 复议后起诉 two cells are (one C201 each).
		for i := 5; i < 15; i++ {
			if !all && i >= 10 && i != 11 && i != 14 {
				continue
			}
			data[i] = tc("", `<w:sdt><w:sdtPr><w:id w:val="1`+fmt.Sprint(i)+`"/><w:placeholder><w:docPart w:val="DefaultPlaceholder_-1854013440"/></w:placeholder><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:p><w:r><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr><w:t>单击或点击此处输入文字。</w:t></w:r></w:p></w:sdtContent></w:sdt>`)
		}
	}
	return tbl(15, tr("", r1...), tr("", r2...), tr("", r3...), tr("", data...))
}

func report(o reportOpt) string {
	var b xb
	// Title in a body-level content control, split over runs with a
	// bookmark and a proofing mark between them.
	b.WriteString(`<w:sdt><w:sdtPr><w:alias w:val="标题"/><w:tag w:val="title"/><w:id w:val="1001"/></w:sdtPr><w:sdtContent>`)
	b.p(`<w:jc w:val="center"/>`, `<w:bookmarkStart w:id="0" w:name="_Toc1"/>`+r("石桥县市场监督管理局")+`<w:proofErr w:type="spellStart"/>`+r("2024")+`<w:proofErr w:type="spellEnd"/>`+r("年政府信息公开工作年度报告")+`<w:bookmarkEnd w:id="0"/>`)
	b.WriteString(`</w:sdtContent></w:sdt>`)
	b.p("", "") // empty paragraphs are not counted
	// Tracked changes: the deleted words are not read, the inserted ones are;
	// hidden text (w:vanish) is not read.
	b.body("")
	b.p(`<w:ind w:firstLine="640"/>`, r("本报告依据《中华人民共和国政府信息公开条例》和国办公开办函〔2021〕30号编制，")+
		`<w:del w:id="1" w:author="张三" w:date="2025-01-10T09:00:00Z"><w:r><w:delText>统计期为全年。</w:delText></w:r></w:del>`+
		`<w:ins w:id="2" w:author="张三" w:date="2025-01-10T09:00:00Z">`+r("统计期限为2024年1月1日至2024年12月31日。")+`</w:ins>`+
		`<w:r><w:rPr><w:vanish/></w:rPr><w:t>（内部草稿，请勿外传）</w:t></w:r>`)
	b.heading("总体情况")
	// A floating text box: read neither from mc:Choice's drawing nor from mc:Fallback.
	b.sub("主动公开。本局在县政府门户网站专栏主动公开市场监管信息2\u00ad86条，其中行政处罚决定41条、抽检结果公告37条。")
	b.p(`<w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr><w:ind w:firstLine="640"/>`,
		r("依申请公开。全年共收到政府信息公开申请35件，上年结转3件，办结33件，结转下年度继续办理5件。")+
			`<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wps:txbx><w:txbxContent><w:p><w:r><w:t>草稿</w:t></w:r></w:p></w:txbxContent></wps:txbx></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>草稿</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`+
			r("因政府信息公开工作被申请行政复议3件，被提起行政诉讼1件。"))
	b.sub("政府信息管理。对本局制发的规范性文件逐件核对，现行有效规范性文件9件。")
	b.sub("平台建设。专栏新增“食品安全抽检”子栏目，办事指南全部更新。")
	b.sub("监督保障。明确分管领导和专人负责，全年开展业务培训1次。")
	b.heading("主动公开政府信息情况")
	b.WriteString(table2())
	b.p("", `<w:r><w:br w:type="page"/></w:r>`)
	b.heading("收到和处理政府信息公开申请情况")
	b.WriteString(table3())
	b.heading("政府信息公开行政复议、行政诉讼情况")
	b.WriteString(table4(o.placeholders, o.blankTable4))
	b.heading("存在的主要问题及改进情况")
	b.p(`<w:ind w:firstLine="640"/>`, `<w:r><w:tab/></w:r>`+r("一是部分抽检信息公开时间偏晚；二是政策解读形式不够丰富。2025年将建立信息发布提醒机制，增加图解和问答式解读。"))
	b.heading("其他需要报告的事项")
	b.body("本年度本局未发出信息处理费收费通知，未收取信息处理费。")
	b.p(`<w:jc w:val="right"/>`, r("石桥县市场监督管理局"))
	b.p(`<w:jc w:val="right"/>`, `<w:fldSimple w:instr=" DATE \@ &quot;yyyy年M月d日&quot; "><w:r><w:t>2025年1月16日</w:t></w:r></w:fldSimple>`)
	content := b.String()
	if o.layout {
		var l xb
		banner := `<w:p><w:r><w:t>石桥县人民政府门户网站</w:t></w:r></w:p><w:p><w:r><w:t>首页 &gt; 政务公开 &gt; 政府信息公开年报</w:t></w:r></w:p>`
		footer := `<w:p><w:r><w:t>主办：石桥县人民政府办公室</w:t></w:r></w:p><w:p><w:r><w:t>联系电话：0000-0000000</w:t></w:r></w:p>`
		l.WriteString(tbl(1,
			tr("", tc("", banner)),
			tr("", tc("", content+`<w:p/>`)),
			tr("", tc("", footer)),
		))
		content = l.String()
	}
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<w:document ` + wNS + `><w:body>` + content +
		`<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>`
}
