package rules

import (
	"fmt"
	"slices"
	"strings"

	"github.com/reportlint/reportlint/parser"
	"github.com/reportlint/reportlint/parser/zhtext"
)

var sectionRules = []*Rule{
	{
		ID: "S101", Name: "section-missing", Severity: Error, Check: checkSectionMissing, Title: "缺少法定部分",
		Summary: "缺少六个法定部分之一（应有的标题）",
		Doc: `为什么：《政府信息公开条例》第五十条规定年度报告应包括的五项内容，国办公开办函〔2021〕30号据此规定年报由六部分组成：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项。格式要求"不能遗漏"。

如何修正：按格式补上缺少的部分及其标题；该部分没有内容的，也应保留标题并写明"无"或相应情况。`,
		Example: `报告中找不到"六、其他需要报告的事项"：
error S101 缺少法定部分“六、其他需要报告的事项”`,
	},
	{
		ID: "S102", Name: "section-order", Severity: Warning, Check: checkSectionOrder, Title: "部分顺序有误",
		Summary: "六个部分顺序错乱或编号有误",
		Doc: `为什么：年报格式规定了六个部分的顺序和编号，上级机关和公众按统一结构查阅、汇总，顺序或编号错误会造成误读。

如何修正：按"一、总体情况"至"六、其他需要报告的事项"的顺序和编号排列各部分标题。`,
		Example: `"五、其他需要报告的事项"：
warning S102 标题“五、其他需要报告的事项”编号为五，按格式应为“六、其他需要报告的事项”`,
	},
	{
		ID: "S103", Name: "heading-variant", Severity: Info, Check: checkHeadingVariant, Title: "部分标题用了变体",
		Summary: "部分标题使用了可接受的变体而非规范写法",
		Doc: `为什么：不少年报使用"政府信息公开行政复议和行政诉讼情况""存在问题及改进情况"等写法，意思相同，可以接受；统一写法便于检索和汇总，所以仅作提示。

如何修正：如需统一，改为格式中的规范标题。`,
		Example: `info S103 标题“五、存在问题及改进情况”与规范写法“五、存在的主要问题及改进情况”不同（可接受的变体）`,
	},
	{
		ID: "S104", Name: "table-missing", Severity: Error, Check: checkTableMissing, Title: "缺少法定表格",
		Summary: "找不到表二、表三或表四",
		Doc: `为什么：格式规定第二、三、四部分以统一表格报告主动公开、依申请公开和复议诉讼情况，表格缺失就无法核对数据，也无法汇总。

如何修正：按国办公开办函〔2021〕30号的表格样式补上表格；若表格以图片形式插入，请改为文字表格。若报告中确有表格而 reportlint 仍报此问题，请检查表格的行列标题是否与格式一致。`,
		Example: `error S104 找不到表三（收到和处理政府信息公开申请情况）`,
	},
	{
		ID: "S105", Name: "outdated-format", Severity: Error, Check: checkOutdatedFormat, Title: "仍用旧版格式",
		Summary: "2021 年及以后的年报仍使用 2019 年试行格式",
		Doc: `为什么：国办公开办函〔2021〕30号自 2021 年度年报起取代 2019 年试行格式（国办公开办函〔2019〕60号）。新格式改了表二的栏目（本年制发件数、本年废止件数、现行有效件数、本年处理决定数量、本年收费金额），删去了第二十条第（九）项政府集中采购，并把表三的"（六）其他处理"拆成三行。

如何修正：换用新版表格：表二按新栏目填报；表三"（六）其他处理"分为"1.申请人无正当理由逾期不补正…""2.申请人逾期未按收费通知要求缴纳费用…""3.其他"三行。`,
		Example: `2023 年度报告中表三"（六）其他处理"只有一行：
error S105 2023年度报告仍使用2019年试行格式：表三“（六）其他处理”为一行，未按国办公开办函〔2021〕30号分为三行`,
	},
	{
		ID: "S111", Name: "table-not-rebuilt", Severity: Warning, Check: checkTableNotRebuilt, Title: "表格无法还原",
		Summary: "从 PDF 复制出的文本中有表格的行列标题和数字，但单元格的顺序被打乱，无法确定每个数字的位置，表格未予核对",
		Doc: `为什么：从 PDF 阅读器复制或用 pdftotext 导出的文字没有表格结构，只有文字和数字的先后顺序。占满页宽的表格，导出时常常只有第一列数字留在行标题旁，其余各列被集中放到后面，或者几行的数字交错在一起。这时表格确实在报告中，只是无法从这份文本确定每个数字属于哪一行哪一列；按猜测的位置核对勾稽关系，会对正确的报告报出错误，所以 reportlint 不核对这张表，只报本条提示（代替"找不到表格"的 S104）。其余部分照常检查。

如何处理：直接检查 PDF 原件（reportlint 可以读取 PDF），或用 pdftotext -layout 重新导出文本（保留列的位置）后再检查；在此之前请人工对照原件核对这张表。`,
		Example: `pdftotext（不带 -layout）导出的文本中，表三只有"自然人"一列在行标题旁：
warning S111 表三（收到和处理政府信息公开申请情况）的行列标题和数字都在，但这份文本中数字的顺序与表格不一致，无法确定每个数字所在的行和列，未予核对；请直接检查 PDF 原件，或用 pdftotext -layout 重新导出文本后再检查`,
	},
}

// checkTableNotRebuilt reports the tables a reader found but could not
// rebuild (Document.LostTables), unless recognition read them anyway.
func checkTableNotRebuilt(p *Pass) {
	if p.Report.Doc == nil {
		return
	}
	for _, lt := range p.Report.Doc.LostTables {
		if p.Report.Table(lt.Table) != nil {
			continue
		}
		p.Add(Finding{Loc: lt.Loc, Table: lt.Table, Key: "lost/" + string(lt.Table),
			Message: fmt.Sprintf("%s的行列标题和数字都在，但这份文本中数字的顺序与表格不一致，无法确定每个数字所在的行和列，未予核对；请直接检查 PDF 原件，或用 pdftotext -layout 重新导出文本后再检查", parser.TableName(lt.Table))})
	}
}

// tableLost reports whether the reader found the table but could not
// rebuild it (S111 says so instead of S104).
func tableLost(r *parser.Report, id parser.TableID) bool {
	if r.Doc == nil {
		return false
	}
	for _, lt := range r.Doc.LostTables {
		if lt.Table == id {
			return true
		}
	}
	return false
}

func checkSectionMissing(p *Pass) {
	for _, d := range sectionDefs {
		if _, ok := p.Report.Section(d.Num); !ok {
			p.Add(Finding{Key: "section/" + d.Numeral,
				Message: fmt.Sprintf("缺少法定部分“%s”", d.FullHeading())})
		}
	}
}

func checkSectionOrder(p *Pass) {
	secs := p.Report.Sections
	for i, s := range secs {
		d := sectionDefs[s.Num-1]
		switch {
		case s.WrittenNum == 0:
			p.Add(Finding{Loc: s.Loc, Key: "order/" + d.Numeral,
				Message: fmt.Sprintf("标题“%s”没有编号，按格式应为“%s”", s.Written, d.FullHeading())})
		case s.WrittenNum != s.Num:
			p.Add(Finding{Loc: s.Loc, Key: "order/" + d.Numeral,
				Message: fmt.Sprintf("标题“%s”编号为%s，按格式应为“%s”", s.Written, numeral(s.WrittenNum), d.FullHeading())})
		case i > 0 && secs[i-1].Num > s.Num:
			p.Add(Finding{Loc: s.Loc, Key: "order/" + d.Numeral,
				Message: fmt.Sprintf("“%s”出现在“%s”之后，顺序与格式不符", s.Written, secs[i-1].Written)})
		}
	}
}

func numeral(n int) string { return zhtext.Format(n) }

func checkHeadingVariant(p *Pass) {
	for _, s := range p.Report.Sections {
		if s.Variant {
			d := sectionDefs[s.Num-1]
			p.Add(Finding{Loc: s.Loc, Key: "heading/" + d.Numeral,
				Message: fmt.Sprintf("标题“%s”与规范写法“%s”不同（可接受的变体）", s.Written, d.FullHeading())})
		}
	}
}

func checkTableMissing(p *Pass) {
	for _, id := range parser.TableIDs() {
		if p.Report.Table(id) == nil {
			if p.Report.TableImage(id) != nil {
				continue // published as a picture: S110 says so
			}
			if tableLost(p.Report, id) {
				continue // there but not rebuilt: S111 says so
			}
			f := Finding{Table: id, Key: "table/" + string(id),
				Message: fmt.Sprintf("找不到%s", parser.TableName(id))}
			for _, s := range p.Report.Sections {
				if sectionDefs[s.Num-1].TableID == id {
					f.Loc = s.Loc
					f.Message += fmt.Sprintf("（“%s”下没有可识别的表格）", s.Written)
				}
			}
			p.Add(f)
		}
	}
}

func checkOutdatedFormat(p *Pass) {
	r := p.Report
	// The 2019 layout is right for 2019 and 2020 reports; with no year
	// known (no title, no statistics period) it cannot be judged.
	if r.Layout != parser.Layout2019 || r.Year < 2021 {
		return
	}
	year := fmt.Sprintf("%d年度", r.Year)
	// One finding per table: the first piece of evidence, naming all.
	var old2 []string
	var loc2 parser.Loc
	for _, e := range r.LayoutEvidence {
		if e.Table == parser.Table3 {
			p.Add(Finding{Loc: e.Loc, Table: e.Table, Row: e.Row, Key: "layout/三",
				Message: fmt.Sprintf("%s报告仍使用2019年试行格式：表三“（六）其他处理”为一行，未分为三行，应按国办公开办函〔2021〕30号的新版格式填报", year)})
			continue
		}
		if len(old2) == 0 {
			loc2 = e.Loc
		}
		if q := "“" + e.Got + "”"; !slices.Contains(old2, q) {
			old2 = append(old2, q)
		}
	}
	if len(old2) > 0 {
		p.Add(Finding{Loc: loc2, Table: parser.Table2, Key: "layout/二",
			Message: fmt.Sprintf("%s报告仍使用2019年试行格式：表二出现旧格式栏目%s，应按国办公开办函〔2021〕30号的新版格式填报", year, strings.Join(old2, "、"))})
	}
}

// sectionDefs are the statutory sections, copied from the parser once
// (parser.Sections copies them on every call); the rules only read them.
var sectionDefs = parser.Sections()
