package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/reportlint/reportlint/parser"
)

func TestExtractFigures(t *testing.T) {
	type fig struct {
		value   float64
		unit    string
		approx  bool
		percent bool
	}
	cases := []struct {
		in   string
		want []fig
	}{
		{"全年共收到政府信息公开申请29件，上年结转2件。", []fig{{29, "件", false, false}, {2, "件", false, false}}},
		{"收到申请２９件", []fig{{29, "件", false, false}}},
		{"收到申请 18 件，答复满意率 100%", []fig{{18, "件", false, false}, {100, "%", false, true}}},
		{"办结十二件，部分公开两件，无法提供一百零五件", []fig{{12, "件", false, false}, {2, "件", false, false}, {105, "件", false, false}}},
		{"主动公开信息5500余条", []fig{{5500, "条", true, false}}},
		{"共二十余件", []fig{{20, "件", true, false}}},
		{"近30件，约40件，超过50件，60件以上，70多件", []fig{{30, "件", true, false}, {40, "件", true, false}, {50, "件", true, false}, {60, "件", true, false}, {70, "件", true, false}}},
		{"浏览量达1.2万次", []fig{{12000, "次", false, false}}},
		{"收费1.25万元", []fig{{1.25, "万元", false, false}}},
		{"占33.9%，占百分之三十", []fig{{33.9, "%", false, true}, {30, "%", false, true}}},
		{"统计期限自2024年1月1日起至2024年12月31日止", nil},
		{"第一件事，国办公开办函〔2021〕30号", []fig{}},
		{"一是加强管理", nil},
		{"1,312件", []fig{{1312, "件", false, false}}},
	}
	for _, c := range cases {
		got := extractFigures(c.in)
		var g []fig
		for _, f := range got {
			g = append(g, fig{f.Value, f.Unit, f.Approx, f.Percent})
		}
		if len(c.want) == 0 {
			require.Empty(t, g, c.in)
			continue
		}
		require.Equal(t, c.want, g, c.in)
	}
}

// reportWith builds a report from prose and a table 三/四 given as totals.
func reportWith(prose string, t3 map[string]float64, t4 map[string]float64) *parser.Report {
	doc := &parser.Document{Format: parser.FormatText}
	r := &parser.Report{Doc: doc, Year: 2024, Tables: map[parser.TableID]*parser.CanonTable{}}
	for i, line := range strings.Split(prose, "\n") {
		r.Paragraphs = append(r.Paragraphs, &parser.Paragraph{Text: line, Loc: parser.Loc{Line: i + 1, Column: 1}})
	}
	mk := func(id parser.TableID, defs []parser.RowDef, vals map[string]float64, cols []parser.ColumnDef, col parser.ColKey) {
		ct := &parser.CanonTable{ID: id, Rows: map[parser.RowKey]*parser.CanonRow{}}
		for _, d := range defs {
			if d.Layout == "2019" {
				continue
			}
			row := &parser.CanonRow{Key: d.Key, Def: d}
			row.Def.Cols = cols
			for _, c := range cols {
				v := &parser.Value{Kind: parser.Number}
				if c.Key == col {
					v.Num = vals[string(d.Key)]
				} else {
					v.Kind = parser.Blank
				}
				row.Cells = append(row.Cells, v)
			}
			ct.Rows[d.Key] = row
		}
		r.Tables[id] = ct
	}
	if t3 != nil {
		mk(parser.Table3, parser.Table3Rows(), t3, parser.Table3Cols(), "total")
	}
	if t4 != nil {
		defs := parser.Table4Rows()
		// each group's cells by "group.col" keys
		ct := &parser.CanonTable{ID: parser.Table4, Rows: map[parser.RowKey]*parser.CanonRow{}}
		for _, d := range defs {
			row := &parser.CanonRow{Key: d.Key, Def: d}
			for _, c := range parser.Table4Cols() {
				row.Cells = append(row.Cells, &parser.Value{Kind: parser.Number, Num: t4[string(d.Key)+"."+string(c.Key)]})
			}
			ct.Rows[d.Key] = row
		}
		r.Tables[parser.Table4] = ct
	}
	return r
}

// base table: R1 29, R2 2, results 11+4+1+9+2+1 = 28, R4 3.
var baseT3 = map[string]float64{"R1": 29, "R2": 2, "R3_1": 11, "R3_2": 4, "R3_3_4": 1, "R3_4_1": 8, "R3_4_2": 1,
	"R3_5_1": 1, "R3_5_2": 1, "R3_6_1": 1, "R3_7": 28, "R4": 3}
var baseT4 = map[string]float64{"review.maintain": 1, "review.correct": 1, "review.pending": 1, "review.total": 3,
	"lit_direct.maintain": 1, "lit_direct.total": 1}

func runRule(t *testing.T, id string, r *parser.Report) []Finding {
	t.Helper()
	rule := Lookup(id)
	require.NotNil(t, rule)
	var out []Finding
	rule.Check(&Pass{Report: r, rule: rule, out: &out})
	return out
}

func TestNarrativeStatements(t *testing.T) {
	cases := []struct {
		prose string
		rule  string
		fires int
	}{
		// consistent statements stay quiet
		{"全年共收到政府信息公开申请29件，上年结转2件，办结28件，结转下年度继续办理3件。", "N501", 0},
		{"全年共受理政府信息公开申请31件（含上年结转2件），办结28件，结转下年度继续办理3件。", "N501", 0},
		{"共受理信息公开申请31件，均按时答复。", "N501", 0}, // 受理 = 新收 + 结转
		{"共受理信息公开申请29件，均按时答复，答复满意率100%。", "N501", 0},
		{"办理结果：予以公开11件，部分公开4件，不予公开1件，无法提供9件，不予处理2件，其他处理1件。共收到申请29件。", "N501", 0},
		{"收到申请29件，其中予以公开及部分公开15件，占53.6%。", "N501", 0},
		{"收到申请二十九件，上年结转两件。", "N501", 0},
		{"收到申请近30件。", "N501", 0},                  // approximate
		{"主动公开政府信息5500余条，收到申请29件。", "N501", 0},    // 条 and approximate
		{"收到申请29件，较上年增加5件。", "N501", 0},           // a change, not a count
		{"收到申请29件，其中网上申请20件。", "N501", 0},         // a channel
		{"因本机关不掌握相关信息无法提供8件。收到申请29件。", "N501", 0}, // a sub-reason
		{"因政府信息公开工作被申请行政复议3件，被提起行政诉讼1件。", "N501", 0},
		{"被申请行政复议3件，其中维持1件，纠正1件，尚未审结1件。", "N501", 0},
		{"因不服答复引起行政复议3件，1件结果维持，1件结果纠正。", "N501", 0},
		{"全年办理人大代表建议12件。收到申请29件。", "N501", 0},
		// contradictions
		{"全年共收到政府信息公开申请29件，上年结转2件，办结28件，结转下年度继续办理4件。", "N501", 1},
		{"共受理信息公开申请33件（含上年结转2件）。", "N501", 1},
		{"收到申请29件，其中无法提供265件。", "N501", 1},
		{"收到申请29件，予以公开及部分公开16件。", "N501", 1},
		{"收到申请二十九件，上年结转三件。", "N501", 1},
		{"因政府信息公开工作被申请行政复议3件，被提起行政诉讼2件。", "N501", 1},
		{"被申请行政复议3件，其中维持2件。", "N501", 1},
		{"政府信息公开工作被申请行政复议3件，均获维持。", "N501", 1},
		{"未发生因政府信息公开引起的行政复议和行政诉讼。收到申请29件。", "N501", 2},
		{"本年度共办理政府信息公开申请31件，其中新收29件，上年结转2件。", "N501", 0},
		{"本年度共办理政府信息公开申请31件，其中新收28件，上年结转2件。", "N501", 1},
		{"共受理包括上年结转在内的申请31件，延期答复2件。", "N501", 0},
		{"共受理包括上年结转在内的申请33件。", "N501", 1},
		{"收到申请29件，已办结25件，正在办理3件。", "N501", 1}, // 办结 25 ≠ 28; 正在办理 3 = R4
		{"收到申请29件，另有3件结转下年度办理。", "N501", 0},
		{"收到申请29件，另有4件结转下年度办理。", "N501", 1},
		{"被申请行政复议案件3件。", "N501", 0},
		{"未出现因政府信息公开被申请行政复议被纠错的情况。", "N501", 0},
		{"本年度未收到政府信息公开申请。", "N501", 1},
		{"因政府信息公开引起的行政复议和行政诉讼均为0件。", "N501", 2},
		{"行政复议和行政诉讼均为0件。", "N501", 0}, // no sign that these are about 信息公开
		{"全年新收政府信息公开申请29件，加上上年结转2件，共31件。", "N501", 0},
		// percentages
		{"收到申请29件，予以公开11件，占39.3%。", "N502", 0}, // 11/28
		{"收到申请29件，予以公开11件，占37.9%。", "N502", 0}, // 11/29
		{"收到申请29件，予以公开11件（39%）。", "N502", 0},   // rounded to whole percent
		{"收到申请29件，予以公开11件，占45.0%。", "N502", 1},
		{"收到申请29件，答复满意率100%，同比增长20%。", "N502", 0},
		// stated sums
		{"全年共收到政府信息公开申请29件，上年结转2件，办结28件，结转下年度继续办理3件。", "N503", 0},
		{"全年共受理申请31件（含上年结转2件），办结28件，结转下年度继续办理3件。", "N503", 0},
		{"全年共受理申请31件，上年结转2件，办结28件，结转下年度继续办理3件。", "N503", 0}, // 受理 含结转
		{"全年共收到政府信息公开申请29件，上年结转2件，办结28件，结转下年度继续办理4件。", "N503", 1},
		{"申请办结28件，其中予以公开11件，部分公开4件，无法提供20件。", "N503", 1},
		{"申请办结28件，其中予以公开11件，部分公开4件。", "N503", 0},
		{"被申请行政复议3件，其中维持2件，纠正1件，尚未审结1件。", "N503", 1},
	}
	for _, c := range cases {
		r := reportWith("（二）依申请公开。"+c.prose, baseT3, baseT4)
		got := runRule(t, c.rule, r)
		var msgs []string
		for _, f := range got {
			msgs = append(msgs, f.Message)
		}
		require.Len(t, got, c.fires, "%s on %q: %s", c.rule, c.prose, fmt.Sprint(msgs))
	}
}
