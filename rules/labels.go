package rules

import (
	"fmt"

	"github.com/reportlint/reportlint/parser"
)

var labelRules = []*Rule{
	{
		ID: "S106", Name: "label-mismatch", Severity: Warning, Check: notes(parser.NoteLabelVariant), Title: "行列标题不规范",
		Summary: "行或列的标题与规范写法不同（错字、漏字），但仍可对应",
		Doc: `为什么：表格的行列标题是格式规定的统计口径，错字、漏字容易让读者误解，也会让汇总工具对错行。reportlint 能把它对应到规范行，所以只作警告。

如何修正：把标题改成格式中的规范写法（全角/半角括号、空格和"1.""1、"之类的序号差异不算错误）。`,
		Example: `warning S106 表三行标题“1.本机关不掌握相关政府信”与规范写法“1.本机关不掌握相关政府信息”不同`,
	},
	{
		ID: "S107", Name: "row-missing", Severity: Error, Check: notes(parser.NoteRowMissing), Title: "表格缺行缺列",
		Summary: "表格缺少格式规定的行或列",
		Doc: `为什么：格式规定表三有 25 行 7 列（2021 版），表四有三组各五列，表二有六行。缺少的行列意味着该项数据没有报告，勾稽关系也无法核对。

如何修正：按格式补上缺少的行或列；该项为零时填 0，不要删行。`,
		Example: `error S107 表三缺少“（五）不予处理5.要求行政机关确认或重新出具已获取信息”行`,
	},
	{
		ID: "S108", Name: "extra-row", Severity: Info, Check: notes(parser.NoteExtraRow), Title: "表格多出行列",
		Summary: "表格中有格式以外的行或列（如地方模板自行增加的行）",
		Doc: `为什么：有的地方模板在表二中加入"其他主动公开文件"等行，或在表三加"小计"列。这些行列不在国家格式之内，不参与核对，仅作提示，便于统一口径。

如何修正：如无地方要求，删去格式以外的行列，或把有关情况写入正文。`,
		Example: `info S108 表二中有格式以外的行“其他主动公开文件”`,
	},
}

// notes returns a check that reports the recognition notes of one kind.
func notes(kind parser.NoteKind) func(*Pass) {
	return func(p *Pass) {
		for _, n := range p.Report.Notes {
			if n.Kind != kind {
				continue
			}
			f := Finding{Loc: n.Loc, Table: n.Table, Row: n.Row, Col: n.Col,
				Key: fmt.Sprintf("note/%s/%s/%s/%s", n.Table, n.Row, n.Col, parser.Compact(n.Got))}
			tname := "表" + n.Table
			switch kind {
			case parser.NoteLabelVariant:
				f.Message = fmt.Sprintf("%s行标题“%s”与规范写法“%s”不同", tname, n.Got, n.Want)
			case parser.NoteRowMissing:
				if n.Col != "" {
					f.Message = fmt.Sprintf("%s缺少“%s”列", tname, n.Want)
				} else {
					f.Message = fmt.Sprintf("%s缺少“%s”行", tname, n.Want)
				}
			case parser.NoteExtraRow:
				if n.Col != "" {
					f.Col = ""
					f.Message = fmt.Sprintf("%s中有格式以外的列“%s”，该列不参与核对", tname, n.Got)
				} else {
					f.Message = fmt.Sprintf("%s中有格式以外的行“%s”", tname, n.Got)
				}
			}
			p.Add(f)
		}
	}
}
