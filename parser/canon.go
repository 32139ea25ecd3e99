package parser

// This file fixes the canonical keys of shared/spec/rules.md §1 and the
// statutory labels of shared/spec/format.md that recognition maps to them.

// Table IDs as rules.md names them.
const (
	Table2 = "二"
	Table3 = "三"
	Table4 = "四"
)

// Table names for messages.
var TableNames = map[string]string{
	Table2: "表二（主动公开政府信息情况）",
	Table3: "表三（收到和处理政府信息公开申请情况）",
	Table4: "表四（政府信息公开行政复议、行政诉讼情况）",
}

// ColumnDef is a canonical column.
type ColumnDef struct {
	Key   string
	Label string
}

// RowDef is a canonical row with its statutory label and its columns.
type RowDef struct {
	Key   string
	Label string
	// Group is the label of the group cell the row sits under, if any.
	Group string
	// Cols are the row's canonical columns.
	Cols []ColumnDef
	// Decimal marks rows whose cells may hold decimals (fees.amount).
	Decimal bool
	// Layout restricts the row to one layout ("2019" or "2021"); "" = both.
	Layout string
}

// FullLabel is the label with its group, for messages.
func (d RowDef) FullLabel() string {
	if d.Group != "" {
		return d.Group + d.Label
	}
	return d.Label
}

// Table 二 columns.
var (
	colsRegs = []ColumnDef{
		{"made", "本年制发件数"}, {"repealed", "本年废止件数"}, {"valid", "现行有效件数"},
	}
	colsDecisions = []ColumnDef{{"decisions", "本年处理决定数量"}}
	colsFees      = []ColumnDef{{"amount", "本年收费金额（单位：万元）"}}
)

// Table2Rows are the rows of table 二 in statutory order.
var Table2Rows = []RowDef{
	{Key: "regulations", Label: "规章", Group: "第二十条第（一）项", Cols: colsRegs},
	{Key: "normative", Label: "行政规范性文件", Group: "第二十条第（一）项", Cols: colsRegs},
	{Key: "licensing", Label: "行政许可", Group: "第二十条第（五）项", Cols: colsDecisions},
	{Key: "punishment", Label: "行政处罚", Group: "第二十条第（六）项", Cols: colsDecisions},
	{Key: "coercion", Label: "行政强制", Group: "第二十条第（六）项", Cols: colsDecisions},
	{Key: "fees", Label: "行政事业性收费", Group: "第二十条第（八）项", Cols: colsFees, Decimal: true},
}

// Table3Cols are the columns of table 三 in order.
var Table3Cols = []ColumnDef{
	{"natural", "自然人"},
	{"corp", "商业企业"},
	{"research", "科研机构"},
	{"ngo", "社会公益组织"},
	{"legal", "法律服务机构"},
	{"other_org", "其他"},
	{"total", "总计"},
}

const (
	g3 = "三、本年度办理结果"
)

// Table3Rows are the rows of table 三 in statutory order, both layouts.
var Table3Rows = []RowDef{
	{Key: "R1", Label: "一、本年新收政府信息公开申请数量"},
	{Key: "R2", Label: "二、上年结转政府信息公开申请数量"},
	{Key: "R3_1", Label: "（一）予以公开", Group: g3},
	{Key: "R3_2", Label: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", Group: g3},
	{Key: "R3_3_1", Label: "1.属于国家秘密", Group: "（三）不予公开"},
	{Key: "R3_3_2", Label: "2.其他法律行政法规禁止公开", Group: "（三）不予公开"},
	{Key: "R3_3_3", Label: "3.危及“三安全一稳定”", Group: "（三）不予公开"},
	{Key: "R3_3_4", Label: "4.保护第三方合法权益", Group: "（三）不予公开"},
	{Key: "R3_3_5", Label: "5.属于三类内部事务信息", Group: "（三）不予公开"},
	{Key: "R3_3_6", Label: "6.属于四类过程性信息", Group: "（三）不予公开"},
	{Key: "R3_3_7", Label: "7.属于行政执法案卷", Group: "（三）不予公开"},
	{Key: "R3_3_8", Label: "8.属于行政查询事项", Group: "（三）不予公开"},
	{Key: "R3_4_1", Label: "1.本机关不掌握相关政府信息", Group: "（四）无法提供"},
	{Key: "R3_4_2", Label: "2.没有现成信息需要另行制作", Group: "（四）无法提供"},
	{Key: "R3_4_3", Label: "3.补正后申请内容仍不明确", Group: "（四）无法提供"},
	{Key: "R3_5_1", Label: "1.信访举报投诉类申请", Group: "（五）不予处理"},
	{Key: "R3_5_2", Label: "2.重复申请", Group: "（五）不予处理"},
	{Key: "R3_5_3", Label: "3.要求提供公开出版物", Group: "（五）不予处理"},
	{Key: "R3_5_4", Label: "4.无正当理由大量反复申请", Group: "（五）不予处理"},
	{Key: "R3_5_5", Label: "5.要求行政机关确认或重新出具已获取信息", Group: "（五）不予处理"},
	{Key: "R3_6_1", Label: "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", Group: "（六）其他处理", Layout: "2021"},
	{Key: "R3_6_2", Label: "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", Group: "（六）其他处理", Layout: "2021"},
	{Key: "R3_6_3", Label: "3.其他", Group: "（六）其他处理", Layout: "2021"},
	{Key: "R3_6", Label: "（六）其他处理", Group: g3, Layout: "2019"},
	{Key: "R3_7", Label: "（七）总计", Group: g3},
	{Key: "R4", Label: "四、结转下年度继续办理"},
}

// Table3ResultKeys are the result rows R3_7 must equal the sum of, per layout.
func Table3ResultKeys(layout string) []string {
	var keys []string
	for _, d := range Table3Rows {
		if d.Key == "R1" || d.Key == "R2" || d.Key == "R3_7" || d.Key == "R4" {
			continue
		}
		if d.Layout != "" && d.Layout != layoutOrDefault(layout) {
			continue
		}
		keys = append(keys, d.Key)
	}
	return keys
}

func layoutOrDefault(l string) string {
	if l == "" {
		return Layout2021
	}
	return l
}

// Layouts.
const (
	Layout2021 = "2021"
	Layout2019 = "2019"
)

// Table4Cols are the columns of each group of table 四.
var Table4Cols = []ColumnDef{
	{"maintain", "结果维持"}, {"correct", "结果纠正"}, {"other", "其他结果"}, {"pending", "尚未审结"}, {"total", "总计"},
}

// Table4Rows are the groups of table 四.
var Table4Rows = []RowDef{
	{Key: "review", Label: "行政复议", Cols: Table4Cols},
	{Key: "lit_direct", Label: "行政诉讼·未经复议直接起诉", Cols: Table4Cols},
	{Key: "lit_after_review", Label: "行政诉讼·复议后起诉", Cols: Table4Cols},
}

func init() {
	for i := range Table3Rows {
		Table3Rows[i].Cols = Table3Cols
	}
}

// RowDefs returns the row definitions of a table.
func RowDefs(table string) []RowDef {
	switch table {
	case Table2:
		return Table2Rows
	case Table3:
		return Table3Rows
	case Table4:
		return Table4Rows
	}
	return nil
}

// LookupRow returns the definition of a row key in a table.
func LookupRow(table, key string) (RowDef, bool) {
	for _, d := range RowDefs(table) {
		if d.Key == key {
			return d, true
		}
	}
	return RowDef{}, false
}

// ColLabel returns the label of a column key in a row of a table.
func ColLabel(table, row, col string) string {
	d, ok := LookupRow(table, row)
	if !ok {
		return col
	}
	for _, c := range d.Cols {
		if c.Key == col {
			return c.Label
		}
	}
	return col
}

// SectionDef is one of the six statutory sections.
type SectionDef struct {
	Num      int
	Numeral  string
	Heading  string
	Variants []string
	TableID  string
}

// Sections are the six statutory sections in order.
var Sections = []SectionDef{
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
