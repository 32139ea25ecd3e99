package rules

import (
	"fmt"
	"strings"

	"github.com/reportlint/reportlint/parser"
)

// This file maps figures stated in prose to what they claim about the
// tables: "收到申请29件" claims 表三 本年新收 (or 新收加上年结转) = 29,
// "无法提供265件" claims the sum of the （四） rows = 265. Only readings the
// words make unambiguous are produced; a figure whose words are unclear is
// left alone.

// claimKind says what a stated figure counts.
type claimKind int

const (
	_ claimKind = iota // the zero value is no claim
	// kNew: 新收 — 本年新收 R1 (with 含上年结转: R1 + R2).
	kNew
	// kReceived: 收到/受理 — R1, or R1 + R2 (some reports count 上年结转
	// inside 受理).
	kReceived
	// kHandled: 办理/处理 without more — R1, R1 + R2 or R3_7.
	kHandled
	// kAnswered: 办结/答复 — R3_7.
	kAnswered
	// kCarriedIn: 上年结转 — R2.
	kCarriedIn
	// kCarriedOut: 结转下年度/顺延 — R4.
	kCarriedOut
	// kResult: a result category — the sum of its rows.
	kResult
	// kT4Total: 行政复议/行政诉讼 — the group total(s) of table 四.
	kT4Total
	// kT4Part: 维持/纠正/其他结果/尚未审结 of a group.
	kT4Part
	// kApplicant: new applications of some applicant columns ("自然人申请
	// 197件") — R1 of those columns (or R1 + R2).
	kApplicant
	// kChannel: new applications by one channel ("网上申请20件"): a part
	// of 本年新收 that no table cell holds; only sums are compared.
	kChannel
)

// volume reports whether the claim counts applications as a whole.
func (k claimKind) volume() bool {
	return k == kNew || k == kReceived || k == kHandled || k == kAnswered
}

// claim is what a stated figure says about the tables.
type claim struct {
	kind claimKind
	// name is the quantity in words, for messages: "（四）无法提供".
	name string
	// rows are the table 三 rows summed for kResult.
	rows []parser.RowKey
	// groups are the table 四 rows of kT4Total/kT4Part; part the column.
	groups []parser.RowKey
	part   parser.ColKey
	// includesCarry: the text says the figure includes 上年结转.
	includesCarry bool
	// cols are the table 三 applicant columns of kApplicant.
	cols []parser.ColKey
	// sumOfStated: "上年结转2件，共计31件" — the total of the 新收 and 上年结转
	// stated before it in the sentence.
	sumOfStated bool
	// rest: "属于不予公开、无法提供、不予处理等情形依规答复12件" — the results
	// named with 等 and whatever else the list after a total leaves: a part
	// of the total, but no table cell (等 may take in more rows).
	rest bool
}

// cellRef names a canonical cell.
type cellRef struct {
	table parser.TableID
	row   parser.RowKey
	col   parser.ColKey
}

// quantity is one reading of a claim: the sum of some cells.
type quantity struct {
	name  string
	cells []cellRef
}

func t3(name string, rows ...parser.RowKey) quantity {
	q := quantity{name: name, cells: make([]cellRef, 0, len(rows))}
	for _, r := range rows {
		q.cells = append(q.cells, cellRef{parser.Table3, r, "total"})
	}
	return q
}

// readings lists the quantities the claim may mean; the figure is right if
// it equals any of them.
func (c claim) readings() []quantity {
	newQ := t3("一、本年新收", "R1")
	bothQ := t3("本年新收与上年结转之和", "R1", "R2")
	doneQ := t3("（七）总计", "R3_7")
	switch c.kind {
	case kNew:
		if c.includesCarry || c.sumOfStated {
			return []quantity{bothQ}
		}
		return []quantity{newQ}
	case kReceived:
		if c.includesCarry {
			return []quantity{bothQ}
		}
		return []quantity{newQ, bothQ}
	case kHandled:
		if c.includesCarry {
			return []quantity{bothQ}
		}
		return []quantity{newQ, bothQ, doneQ}
	case kAnswered:
		return []quantity{doneQ}
	case kCarriedIn:
		return []quantity{t3("二、上年结转", "R2")}
	case kCarriedOut:
		return []quantity{t3("四、结转下年度继续办理", "R4")}
	case kResult:
		if c.rest {
			return nil
		}
		return []quantity{t3(c.name, c.rows...)}
	case kApplicant:
		var q, both quantity
		q.name, both.name = c.name+"（本年新收）", c.name+"（本年新收与上年结转之和）"
		for _, col := range c.cols {
			q.cells = append(q.cells, cellRef{parser.Table3, "R1", col})
			both.cells = append(both.cells, cellRef{parser.Table3, "R1", col}, cellRef{parser.Table3, "R2", col})
		}
		return []quantity{q, both}
	case kChannel:
		return nil
	case kT4Total, kT4Part:
		col := parser.ColTotal
		if c.kind == kT4Part {
			col = c.part
		}
		q := quantity{name: c.name}
		for _, g := range c.groups {
			q.cells = append(q.cells, cellRef{parser.Table4, g, col})
		}
		return []quantity{q}
	}
	return nil
}

// keyword patterns, matched on width-folded text. Overlapping matches keep
// the longest, so "结转下年度继续办理" is not read as "办理".
type keyword struct {
	expr string // compiled in keywordsBuilt
	make func(layout parser.Layout, text string) claim
}

func resultClaim(name string, prefixes ...string) func(parser.Layout, string) claim {
	return func(layout parser.Layout, _ string) claim {
		var rows []parser.RowKey
		for _, k := range parser.Table3ResultKeys(layout) {
			for _, p := range prefixes {
				if string(k) == p || strings.HasPrefix(string(k), p+"_") {
					rows = append(rows, k)
				}
			}
		}
		return claim{kind: kResult, name: name, rows: rows}
	}
}

func simple(k claimKind, name string) func(parser.Layout, string) claim {
	return func(parser.Layout, string) claim { return claim{kind: k, name: name} }
}

// written names a volume claim by the word the report uses: "“受理”的申请".
func written(k claimKind) func(parser.Layout, string) claim {
	return func(_ parser.Layout, text string) claim { return claim{kind: k, name: "“" + text + "”的申请"} }
}

var litGroups = []parser.RowKey{parser.GroupLitDirect, parser.GroupLitAfterReview}

// applicantClaim names table 三 applicant columns.
func applicantClaim(name string, cols ...parser.ColKey) func(parser.Layout, string) claim {
	return func(parser.Layout, string) claim { return claim{kind: kApplicant, name: name, cols: cols} }
}

// legalPersons are the applicant columns of 法人或其他组织.
var legalPersons = []parser.ColKey{parser.ColCorp, parser.ColResearch, parser.ColNGO, parser.ColLegal, parser.ColOtherOrg}

// yearPart is a year written inside a carry-over keyword.
const yearPart = `(?:(?:19|20)\d{2}年度?)`

var keywords = []keyword{
	{`(?:结转|转结|转入|顺延)(?:至|到|入)?(?:下一?年度?|` + yearPart + `)(?:继续)?(?:办理|答复)?|下一?年度继续办理|跨年度?办理|正在办理|仍在办理|尚在办理|办理中`, simple(kCarriedOut, "四、结转下年度继续办理")},
	{`(?:上一?年度?|` + yearPart + `)(?:结转|转结|遗留|未办结)(?:至|到)?(?:今年|本年度?)?|结转上一?年度?|` + yearPart + `?(?:转至|转入|结转至|结转到|转到)(?:今年|本年度?)(?:继续)?(?:办理)?`, simple(kCarriedIn, "二、上年结转")},
	{`(予以|全部)公开(及|和|与|、|以及|或)部分公开`, resultClaim(combinedOpen, "R3_1", "R3_2")},
	{`部分公开(?:[（(]区分处理[^）)]{0,12}[）)])?`, resultClaim("（二）部分公开", "R3_2")},
	{`不予公开`, resultClaim("（三）不予公开", "R3_3")},
	{`予以公开|同意公开|全部公开`, resultClaim("（一）予以公开", "R3_1")},
	{`无法提供`, resultClaim("（四）无法提供", "R3_4")},
	{`不予处理`, resultClaim("（五）不予处理", "R3_5")},
	{`其他处理`, resultClaim("（六）其他处理", "R3_6")},
	{`未经(行政)?复议直接(提起)?(行政)?(诉讼|起诉)`, func(parser.Layout, string) claim {
		return claim{kind: kT4Total, name: "行政诉讼·未经复议直接起诉", groups: []parser.RowKey{parser.GroupLitDirect}}
	}},
	{`(行政)?复议后(提起)?(行政)?(诉讼|起诉)`, func(parser.Layout, string) claim {
		return claim{kind: kT4Total, name: "行政诉讼·复议后起诉", groups: []parser.RowKey{parser.GroupLitAfterReview}}
	}},
	{`行政复议|复议`, func(parser.Layout, string) claim {
		return claim{kind: kT4Total, name: "行政复议", groups: []parser.RowKey{parser.GroupReview}}
	}},
	{`行政诉讼|提起诉讼|被诉|起诉|诉讼`, func(parser.Layout, string) claim {
		return claim{kind: kT4Total, name: "行政诉讼", groups: litGroups}
	}},
	{`(结果)?维持|(判决)?驳回(原告)?(的)?(诉讼请求|起诉)`, simple(kT4Part, string(parser.ColMaintain))},
	{`(结果)?纠正`, simple(kT4Part, string(parser.ColCorrect))},
	{`其他结果`, simple(kT4Part, string(parser.ColOther))},
	{`尚未审结|未审结|正在审理|尚在审理|审理中`, simple(kT4Part, string(parser.ColPending))},
	{`办结|答复|办理完毕|办理完结|完成办理`, written(kAnswered)},
	{`新收|新受理|新接收`, written(kNew)},
	{`收到|受理|接收|接到|收悉`, written(kReceived)},
	{`办理|处理`, written(kHandled)},
	{`法人或其他组织|法人和其他组织|法人及其他组织`, applicantClaim("法人或其他组织", legalPersons...)},
	{`其他组织`, applicantClaim("其他组织", "other_org")},
	{`公民个人|自然人|公民`, applicantClaim("自然人", "natural")},
	{`商业企业|企业`, applicantClaim("商业企业", "corp")},
	{`科研机构`, applicantClaim("科研机构", "research")},
	{`社会公益组织`, applicantClaim("社会公益组织", "ngo")},
	{`法律服务机构`, applicantClaim("法律服务机构", "legal")},
	{`(?:通过)?(?:政府)?(?:门户)?网站|网上|在线|线上|线下|当面|现场|邮寄|信函|传真|电子邮件|电子邮箱|纸质|其他渠道|其他方式`, simple(kChannel, "申请渠道")},
}

var partNames = map[parser.ColKey]string{parser.ColMaintain: "结果维持", parser.ColCorrect: "结果纠正", parser.ColOther: "其他结果", parser.ColPending: "尚未审结"}

// value of a quantity from the tables; ok is false when a cell is not a
// known number. A table 三 row with a blank 总计 is summed from its six
// applicant columns when they are all known.
func (q quantity) value(r *parser.Report) (float64, bool) {
	total := 0.0
	if len(q.cells) == 0 {
		return 0, false
	}
	for _, c := range q.cells {
		t := r.Table(c.table)
		if t == nil {
			return 0, false
		}
		v := t.Cell(c.row, c.col)
		if v.Known() {
			total += v.Num
			continue
		}
		if c.table != parser.Table3 || c.col != "total" {
			return 0, false
		}
		for _, col := range table3Cols[:6] {
			x := t.Cell(c.row, col.Key)
			if !x.Known() {
				return 0, false
			}
			total += x.Num
		}
	}
	return total, true
}

// describe names a quantity and its cells for messages.
func (q quantity) describe(r *parser.Report, v float64) string {
	if len(q.cells) == 1 {
		c := q.cells[0]
		return fmt.Sprintf("%s为 %s", cellName(c.table, c.row, c.col), fmtNum(v))
	}
	tbl := q.cells[0].table
	return fmt.Sprintf("表%s「%s」为 %s", tbl, q.name, fmtNum(v))
}
