package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/reportlint/reportlint/parser"
	"github.com/reportlint/reportlint/rules"
)

// A301 on a text report names its four cells: the finding and three related
// locations, in text, JSON (`related`) and SARIF (`relatedLocations`).
func TestRelatedLocationsInEveryFormat(t *testing.T) {
	f := fixturesRoot + "/text/A301-table3-balance.txt"
	text, _, _ := runArgs("check", "--no-color", f)
	lines := strings.Split(text, "\n")
	require.Regexp(t, `A301-table3-balance\.txt:39:19: error A301【错误·表三收支平衡】表三「自然人」列`, lines[0])
	require.Equal(t, "  "+f+":40:19: 相关：表三「二、上年结转政府信息公开申请数量」行「自然人」列：2", lines[1])
	require.Equal(t, "  "+f+":62:8: 相关：表三「（七）总计」行「自然人」列：24", lines[2])
	require.Equal(t, "  "+f+":63:14: 相关：表三「四、结转下年度继续办理」行「自然人」列：3", lines[3])

	js, _, _ := runArgs("check", "--format", "json", f)
	var doc struct {
		Files []struct {
			Findings []struct {
				Rule    string
				Related []struct {
					Label           string
					Line, Column    int
					Table, Row, Col string
					Path            string
				}
			}
		}
	}
	require.NoError(t, json.Unmarshal([]byte(js), &doc))
	a301 := doc.Files[0].Findings[0]
	require.Equal(t, "A301", a301.Rule)
	require.Len(t, a301.Related, 3)
	require.Equal(t, 40, a301.Related[0].Line)
	require.Equal(t, 19, a301.Related[0].Column)
	require.Equal(t, "R2", a301.Related[0].Row)
	require.Equal(t, "natural", a301.Related[0].Col)
	require.Equal(t, "三", a301.Related[0].Table)
	require.Contains(t, a301.Related[0].Label, "二、上年结转")
	require.Empty(t, a301.Related[0].Path, "same file: no path")

	sarif, _, _ := runArgs("check", "--format", "sarif", f)
	m := validateSARIF(t, sarifSchema(t), []byte(sarif))
	res := m["runs"].([]any)[0].(map[string]any)["results"].([]any)[0].(map[string]any)
	rel := res["relatedLocations"].([]any)
	require.Len(t, rel, 3)
	r0 := rel[0].(map[string]any)
	require.Equal(t, float64(1), r0["id"])
	require.Contains(t, r0["message"].(map[string]any)["text"], "二、上年结转")
	region := r0["physicalLocation"].(map[string]any)["region"].(map[string]any)
	require.Equal(t, float64(40), region["startLine"])
}

// X701's related location is last year's cell, in the other file.
func TestRelatedLocationInPreviousReport(t *testing.T) {
	dir := fixturesRoot + "/pairs/X701-carryover-mismatch/"
	js, _, _ := runArgs("check", "--format", "json", "--previous", dir+"report-2023.txt", dir+"report-2024.txt")
	var doc struct {
		Files []struct {
			Findings []struct {
				Rule    string
				Related []struct {
					Label string
					Line  int
					Path  string
				}
			}
		}
	}
	require.NoError(t, json.Unmarshal([]byte(js), &doc), js)
	var found bool
	for _, f := range doc.Files[0].Findings {
		if f.Rule != "X701" {
			continue
		}
		found = true
		require.Len(t, f.Related, 1)
		require.Equal(t, dir+"report-2023.txt", f.Related[0].Path)
		require.Equal(t, 63, f.Related[0].Line)
		require.Contains(t, f.Related[0].Label, "上一年度表三「四、结转下年度继续办理」")
	}
	require.True(t, found)
}

// Text positions: PATH:LINE:COL only for file positions; PDF and DOCX in
// words with no line number; nothing when nothing is known.
func TestTextPlaces(t *testing.T) {
	pdf := rules.Finding{Rule: "A304", Severity: rules.Error, Message: "m", Loc: parser.Loc{Page: 4, Line: 20}}
	docx := rules.Finding{Rule: "A301", Severity: rules.Error, Message: "m", Table: parser.Table3, Row: parser.R1, Col: parser.ColNatural,
		Loc: parser.Loc{Unit: parser.UnitTableRow, Line: 5, TableOrd: 2, RowOrd: 5, ColOrd: 4, Cell: 2, Table: parser.Table3}}
	docxCell := rules.Finding{Rule: "S108", Severity: rules.Info, Message: "m",
		Loc: parser.Loc{Unit: parser.UnitTableRow, Line: 7, TableOrd: 2, RowOrd: 7, ColOrd: 9, Cell: 3}}
	para := rules.Finding{Rule: "F401", Severity: rules.Error, Message: "m", Loc: parser.Loc{Unit: parser.UnitParagraph, Line: 12}}
	html := rules.Finding{Rule: "S103", Severity: rules.Info, Message: "m", Loc: parser.Loc{Line: 9}}
	none := rules.Finding{Rule: "P001", Severity: rules.Error, Message: "m"}
	var buf bytes.Buffer
	require.NoError(t, writeText(&buf, []checked{
		{Path: "报告.pdf", Findings: []rules.Finding{pdf}},
		{Path: "a.docx", Findings: []rules.Finding{docx, docxCell, para}},
		{Path: "b.html", Findings: []rules.Finding{html, none}},
	}, false))
	require.Equal(t, []string{
		"报告.pdf: 第4页第20行: error A304【错误·表四各组总计】m",
		"a.docx: 表三 第5行「自然人」列: error A301【错误·表三收支平衡】m",
		"a.docx: 第2个表格 第7行 第3格: info S108【提示·表格多出行列】m",
		"a.docx: 第12段: error F401【错误·缺少收费说明】m",
		"b.html:9: info S103【提示·部分标题用了变体】m",
		"b.html: error P001【错误·文件无法读取】m",
		"检查了 3 个文件：4 个错误，0 个警告，2 个提示",
	}, strings.Split(strings.TrimSpace(buf.String()), "\n"))
}
