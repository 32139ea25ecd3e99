package parser

import "slices"

// This file fixes the canonical keys of shared/spec/rules.md §1 and the
// statutory labels of shared/spec/format.md that recognition maps to them.

// TableID names a statutory table as rules.md does: "二", "三", "四".
type TableID string

// Table IDs as rules.md names them.
const (
	Table2 TableID = "二"
	Table3 TableID = "三"
	Table4 TableID = "四"
)

// TableIDs lists the statutory tables in order.
func TableIDs() []TableID { return []TableID{Table2, Table3, Table4} }

// TableName names a table for messages: "表三（收到和处理政府信息公开申请情况）".
func TableName(id TableID) string {
	switch id {
	case Table2:
		return "表二（主动公开政府信息情况）"
	case Table3:
		return "表三（收到和处理政府信息公开申请情况）"
	case Table4:
		return "表四（政府信息公开行政复议、行政诉讼情况）"
	}
	return "表" + string(id)
}

// RowKey is a canonical row key: a table 二 row ("regulations"), a table 三
// row ("R3_7") or a table 四 group ("lit_after_review").
type RowKey string

// ColKey is a canonical column key ("natural", "made", "maintain").
type ColKey string

// Layout is the version of the statutory format a report follows.
type Layout string

// Layouts.
const (
	Layout2021 Layout = "2021"
	Layout2019 Layout = "2019"
)

// Table 二 rows.
const (
	RowRegulations RowKey = "regulations"
	RowNormative   RowKey = "normative"
	RowLicensing   RowKey = "licensing"
	RowPunishment  RowKey = "punishment"
	RowCoercion    RowKey = "coercion"
	RowFees        RowKey = "fees"
)

// Table 二 columns.
const (
	ColMade      ColKey = "made"
	ColRepealed  ColKey = "repealed"
	ColValid     ColKey = "valid"
	ColDecisions ColKey = "decisions"
	ColAmount    ColKey = "amount"
)

// Table 三 rows. R3_6 is the single 其他处理 row of the 2019 layout; the
// 2021 layout splits it into R3_6_1..R3_6_3.
const (
	R1     RowKey = "R1"
	R2     RowKey = "R2"
	R3_1   RowKey = "R3_1"
	R3_2   RowKey = "R3_2"
	R3_3_1 RowKey = "R3_3_1"
	R3_3_2 RowKey = "R3_3_2"
	R3_3_3 RowKey = "R3_3_3"
	R3_3_4 RowKey = "R3_3_4"
	R3_3_5 RowKey = "R3_3_5"
	R3_3_6 RowKey = "R3_3_6"
	R3_3_7 RowKey = "R3_3_7"
	R3_3_8 RowKey = "R3_3_8"
	R3_4_1 RowKey = "R3_4_1"
	R3_4_2 RowKey = "R3_4_2"
	R3_4_3 RowKey = "R3_4_3"
	R3_5_1 RowKey = "R3_5_1"
	R3_5_2 RowKey = "R3_5_2"
	R3_5_3 RowKey = "R3_5_3"
	R3_5_4 RowKey = "R3_5_4"
	R3_5_5 RowKey = "R3_5_5"
	R3_6_1 RowKey = "R3_6_1"
	R3_6_2 RowKey = "R3_6_2"
	R3_6_3 RowKey = "R3_6_3"
	R3_6   RowKey = "R3_6"
	R3_7   RowKey = "R3_7"
	R4     RowKey = "R4"
)

// Table 三 columns (applicants), and the total column tables 三 and 四 share.
const (
	ColNatural  ColKey = "natural"
	ColCorp     ColKey = "corp"
	ColResearch ColKey = "research"
	ColNGO      ColKey = "ngo"
	ColLegal    ColKey = "legal"
	ColOtherOrg ColKey = "other_org"
	ColTotal    ColKey = "total"
)

// Table 四 groups.
const (
	GroupReview         RowKey = "review"
	GroupLitDirect      RowKey = "lit_direct"
	GroupLitAfterReview RowKey = "lit_after_review"
)

// Table 四 columns of each group.
const (
	ColMaintain ColKey = "maintain"
	ColCorrect  ColKey = "correct"
	ColOther    ColKey = "other"
	ColPending  ColKey = "pending"
)

// ColumnDef is a canonical column.
type ColumnDef struct {
	Key   ColKey
	Label string
}

// RowDef is a canonical row with its statutory label and its columns.
type RowDef struct {
	Key   RowKey
	Label string
	// Group is the label of the group cell the row sits under, if any.
	Group string
	// Cols are the row's canonical columns.
	Cols []ColumnDef
	// Decimal marks rows whose cells may hold decimals (fees.amount).
	Decimal bool
	// Layout restricts the row to one layout; "" = both.
	Layout Layout
}

// FullLabel is the label with its group, for messages.
func (d RowDef) FullLabel() string {
	if d.Group != "" {
		return d.Group + d.Label
	}
	return d.Label
}

// clone copies the definition with its own column slice, so that callers
// cannot change the canonical tables.
func (d RowDef) clone() RowDef {
	d.Cols = slices.Clone(d.Cols)
	return d
}

func cloneRows(defs []RowDef) []RowDef {
	out := make([]RowDef, len(defs))
	for i, d := range defs {
		out[i] = d.clone()
	}
	return out
}

// The canonical tables. They are never changed after package
// initialisation; the exported accessors hand out copies.
var (
	colsRegs      = []ColumnDef{{ColMade, "本年制发件数"}, {ColRepealed, "本年废止件数"}, {ColValid, "现行有效件数"}}
	colsDecisions = []ColumnDef{{ColDecisions, "本年处理决定数量"}}
	colsFees      = []ColumnDef{{ColAmount, "本年收费金额（单位：万元）"}}

	table2Rows = []RowDef{
		{Key: RowRegulations, Label: "规章", Group: "第二十条第（一）项", Cols: colsRegs},
		{Key: RowNormative, Label: "行政规范性文件", Group: "第二十条第（一）项", Cols: colsRegs},
		{Key: RowLicensing, Label: "行政许可", Group: "第二十条第（五）项", Cols: colsDecisions},
		{Key: RowPunishment, Label: "行政处罚", Group: "第二十条第（六）项", Cols: colsDecisions},
		{Key: RowCoercion, Label: "行政强制", Group: "第二十条第（六）项", Cols: colsDecisions},
		{Key: RowFees, Label: "行政事业性收费", Group: "第二十条第（八）项", Cols: colsFees, Decimal: true},
	}

	table3Cols = []ColumnDef{
		{ColNatural, "自然人"},
		{ColCorp, "商业企业"},
		{ColResearch, "科研机构"},
		{ColNGO, "社会公益组织"},
		{ColLegal, "法律服务机构"},
		{ColOtherOrg, "其他"},
		{ColTotal, "总计"},
	}

	table3Rows = withCols(table3Cols, []RowDef{
		{Key: R1, Label: "一、本年新收政府信息公开申请数量"},
		{Key: R2, Label: "二、上年结转政府信息公开申请数量"},
		{Key: R3_1, Label: "（一）予以公开", Group: g3},
		{Key: R3_2, Label: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", Group: g3},
		{Key: R3_3_1, Label: "1.属于国家秘密", Group: "（三）不予公开"},
		{Key: R3_3_2, Label: "2.其他法律行政法规禁止公开", Group: "（三）不予公开"},
		{Key: R3_3_3, Label: "3.危及“三安全一稳定”", Group: "（三）不予公开"},
		{Key: R3_3_4, Label: "4.保护第三方合法权益", Group: "（三）不予公开"},
		{Key: R3_3_5, Label: "5.属于三类内部事务信息", Group: "（三）不予公开"},
		{Key: R3_3_6, Label: "6.属于四类过程性信息", Group: "（三）不予公开"},
		{Key: R3_3_7, Label: "7.属于行政执法案卷", Group: "（三）不予公开"},
		{Key: R3_3_8, Label: "8.属于行政查询事项", Group: "（三）不予公开"},
		{Key: R3_4_1, Label: "1.本机关不掌握相关政府信息", Group: "（四）无法提供"},
		{Key: R3_4_2, Label: "2.没有现成信息需要另行制作", Group: "（四）无法提供"},
		{Key: R3_4_3, Label: "3.补正后申请内容仍不明确", Group: "（四）无法提供"},
		{Key: R3_5_1, Label: "1.信访举报投诉类申请", Group: "（五）不予处理"},
		{Key: R3_5_2, Label: "2.重复申请", Group: "（五）不予处理"},
		{Key: R3_5_3, Label: "3.要求提供公开出版物", Group: "（五）不予处理"},
		{Key: R3_5_4, Label: "4.无正当理由大量反复申请", Group: "（五）不予处理"},
		{Key: R3_5_5, Label: "5.要求行政机关确认或重新出具已获取信息", Group: "（五）不予处理"},
		{Key: R3_6_1, Label: "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", Group: "（六）其他处理", Layout: Layout2021},
		{Key: R3_6_2, Label: "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", Group: "（六）其他处理", Layout: Layout2021},
		{Key: R3_6_3, Label: "3.其他", Group: "（六）其他处理", Layout: Layout2021},
		{Key: R3_6, Label: "（六）其他处理", Group: g3, Layout: Layout2019},
		{Key: R3_7, Label: "（七）总计", Group: g3},
		{Key: R4, Label: "四、结转下年度继续办理"},
	})

	table4Cols = []ColumnDef{
		{ColMaintain, "结果维持"}, {ColCorrect, "结果纠正"}, {ColOther, "其他结果"}, {ColPending, "尚未审结"}, {ColTotal, "总计"},
	}

	table4Rows = []RowDef{
		{Key: GroupReview, Label: "行政复议", Cols: table4Cols},
		{Key: GroupLitDirect, Label: "行政诉讼·未经复议直接起诉", Cols: table4Cols},
		{Key: GroupLitAfterReview, Label: "行政诉讼·复议后起诉", Cols: table4Cols},
	}
)

const g3 = "三、本年度办理结果"

// withCols gives every row the same columns.
func withCols(cols []ColumnDef, defs []RowDef) []RowDef {
	for i := range defs {
		defs[i].Cols = cols
	}
	return defs
}

// Table2Rows returns the rows of table 二 in statutory order.
func Table2Rows() []RowDef { return cloneRows(table2Rows) }

// Table3Rows returns the rows of table 三 in statutory order, both layouts.
func Table3Rows() []RowDef { return cloneRows(table3Rows) }

// Table3Cols returns the columns of table 三 in order: the six applicant
// columns, then the total.
func Table3Cols() []ColumnDef { return slices.Clone(table3Cols) }

// Table4Rows returns the groups of table 四.
func Table4Rows() []RowDef { return cloneRows(table4Rows) }

// Table4Cols returns the columns of each group of table 四: the four results,
// then the total.
func Table4Cols() []ColumnDef { return slices.Clone(table4Cols) }

// Table3ResultKeys are the result rows R3_7 must equal the sum of, per layout.
func Table3ResultKeys(layout Layout) []RowKey {
	var keys []RowKey
	for _, d := range table3Rows {
		if d.Key == R1 || d.Key == R2 || d.Key == R3_7 || d.Key == R4 {
			continue
		}
		if d.Layout != "" && d.Layout != layoutOrDefault(layout) {
			continue
		}
		keys = append(keys, d.Key)
	}
	return keys
}

func layoutOrDefault(l Layout) Layout {
	if l == "" {
		return Layout2021
	}
	return l
}

// rowDefs returns the canonical (shared) row definitions of a table.
func rowDefs(table TableID) []RowDef {
	switch table {
	case Table2:
		return table2Rows
	case Table3:
		return table3Rows
	case Table4:
		return table4Rows
	}
	return nil
}

// RowDefs returns the row definitions of a table.
func RowDefs(table TableID) []RowDef { return cloneRows(rowDefs(table)) }

// LookupRow returns the definition of a row key in a table.
func LookupRow(table TableID, key RowKey) (RowDef, bool) {
	for _, d := range rowDefs(table) {
		if d.Key == key {
			return d.clone(), true
		}
	}
	return RowDef{}, false
}

// ColLabel returns the label of a column key in a row of a table (the key
// itself when there is no such column).
func ColLabel(table TableID, row RowKey, col ColKey) string {
	for _, d := range rowDefs(table) {
		if d.Key != row {
			continue
		}
		for _, c := range d.Cols {
			if c.Key == col {
				return c.Label
			}
		}
	}
	return string(col)
}

// SectionDef is one of the six statutory sections.
type SectionDef struct {
	Num      int
	Numeral  string
	Heading  string
	Variants []string
	TableID  TableID
}

// Sections returns the six statutory sections in order.
func Sections() []SectionDef {
	out := slices.Clone(sections)
	for i := range out {
		out[i].Variants = slices.Clone(out[i].Variants)
	}
	return out
}

var sections = []SectionDef{
	{Num: 1, Numeral: "一", Heading: "总体情况"},
	{Num: 2, Numeral: "二", Heading: "主动公开政府信息情况", TableID: Table2},
	{Num: 3, Numeral: "三", Heading: "收到和处理政府信息公开申请情况", TableID: Table3},
	{Num: 4, Numeral: "四", Heading: "政府信息公开行政复议、行政诉讼情况", TableID: Table4,
		Variants: []string{"因政府信息公开工作被申请行政复议和提起行政诉讼情况", "政府信息公开行政复议和行政诉讼情况",
			"政府信息公开行政复议及行政诉讼情况", "因政府信息公开工作被申请行政复议、提起行政诉讼情况", "政府信息公开行政复议、行政诉讼情况统计"}},
	{Num: 5, Numeral: "五", Heading: "存在的主要问题及改进情况",
		Variants: []string{"政府信息公开工作存在的主要问题及改进情况", "存在问题及改进情况", "存在的主要问题和改进情况", "存在的问题及改进情况", "主要问题及改进情况"}},
	{Num: 6, Numeral: "六", Heading: "其他需要报告的事项", Variants: []string{"其他需要报告事项"}},
}

// FullHeading is the canonical heading with its numeral.
func (s SectionDef) FullHeading() string { return s.Numeral + "、" + s.Heading }
