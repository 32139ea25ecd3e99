package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/reportlint/reportlint/parser"
	"github.com/reportlint/reportlint/rules"
)

func TestCSVSummary(t *testing.T) {
	out, _, code := runArgs("check", "--format", "csv", cleanFixture, fixturesRoot+"/text/A304-table4-total.txt", fixturesRoot+"/text/P001-empty.txt")
	assert.Equal(t, exitError, code)
	require.True(t, strings.HasPrefix(out, "\ufeff"), "BOM for Excel")
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\ufeff"))).ReadAll()
	require.NoError(t, err)
	assert.Equal(t, findingColumns, rows[0])
	assert.Equal(t, "未发现问题", rows[1][len(rows[1])-1], "a file without findings still has its row")
	var a304, p001 []string
	for _, r := range rows[2:] {
		switch r[4] {
		case "A304":
			a304 = r
		case "P001":
			p001 = r
		}
	}
	require.NotNil(t, a304)
	assert.Equal(t, []string{"错误", "A304"}, a304[3:5])
	assert.Equal(t, "70", a304[7])
	require.NotNil(t, p001)
	assert.True(t, strings.HasSuffix(p001[0], "P001-empty.txt"))
}

func TestHTMLSummary(t *testing.T) {
	dir := t.TempDir()
	evil := filepath.Join(dir, "<img src=x onerror=alert(1)>.txt")
	data, err := os.ReadFile(fixturesRoot + "/text/A304-table4-total.txt")
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(evil, data, 0o644))
	out, _, _ := runArgs("check", "--format", "html", evil, cleanFixture)
	assert.Contains(t, out, "<!DOCTYPE html>")
	assert.Contains(t, out, "共检查 2 个文件：1 个通过，1 个有问题，0 个无法读取")
	assert.Contains(t, out, "表四「行政复议」组：总计为 4")
	assert.NotContains(t, out, "<img src=x", "file names are escaped")
	assert.Contains(t, out, "&lt;img src=x")
}

func TestXLSXSummary(t *testing.T) {
	// A binary format is refused only on a terminal; a test's stdout is a buffer.
	_, stderr, code := runArgs("check", "--format", "xlsx", "--output", filepath.Join(t.TempDir(), "a.csv"), cleanFixture)
	assert.Equal(t, exitUsage, code, "format and extension disagree")
	assert.Contains(t, stderr, "扩展名")
	path := filepath.Join(t.TempDir(), "汇总.xlsx")
	_, stderr, code = runArgs("check", "--format", "xlsx", "--output", path, cleanFixture, fixturesRoot+"/text/C201-cell-blank.txt")
	assert.Equal(t, exitOK, code)
	assert.Contains(t, stderr, "已写入结果 "+path)
	x, err := excelize.OpenFile(path)
	require.NoError(t, err)
	defer x.Close()
	assert.Equal(t, []string{"汇总", "问题清单", "数据", "规则统计"}, x.GetSheetList())
	sum, err := x.GetRows("汇总")
	require.NoError(t, err)
	require.Len(t, sum, 4, "header, two files, totals")
	assert.Equal(t, []string{"部门", "text", "通过", "0", "0", "0"}, sum[1][3:9])
	assert.Equal(t, []string{"部门", "text", "有警告", "0", "2", "0"}, sum[2][3:9])
	assert.Contains(t, sum[2][9], "C201")
	assert.Equal(t, "合计", sum[3][0])
	f, _ := x.GetCellFormula("汇总", "H4")
	assert.Equal(t, "SUM(H2:H3)", f)
	list, err := x.GetRows("问题清单")
	require.NoError(t, err)
	require.Len(t, list, 3)
	assert.Equal(t, "C201", list[1][4])
	assert.Contains(t, list[1][6], "表二「第二十条第（六）项行政强制」行「本年处理决定数量」列", "place in words")
	rs, err := x.GetRows("规则统计")
	require.NoError(t, err)
	require.Len(t, rs, 3)
	assert.Equal(t, []string{"C201"}, rs[1][:1])
	assert.Equal(t, "2", rs[1][4], "two warnings")
}

// The 数据 sheet holds the figures extract gives, as numbers, blank where
// extract has null, with a totals row of SUM formulas.
func TestXLSXDataEqualsExtract(t *testing.T) {
	files := []string{cleanFixture, fixturesRoot + "/text/C201-cell-blank.txt", fixturesRoot + "/text/A301-table3-balance.txt",
		fixturesRoot + "/text/S105-outdated-format.txt"} // the last in the 2019 layout
	path := filepath.Join(t.TempDir(), "汇总.xlsx")
	_, stderr, _ := runArgs(append([]string{"check", "--summary", path}, files...)...)
	require.Contains(t, stderr, "已写入汇总 "+path)
	js, _, _ := runArgs(append([]string{"extract"}, files...)...)
	var ex []Extract
	require.NoError(t, json.Unmarshal([]byte(js), &ex))
	x, err := excelize.OpenFile(path)
	require.NoError(t, err)
	defer x.Close()
	rows, err := x.GetRows("数据")
	require.NoError(t, err)
	require.Len(t, rows, len(files)+2)
	cols := dataColumns()
	require.Equal(t, len(cols)+4, len(rows[0]), "every canonical figure, the 2019 rows included")
	require.Equal(t, "表三 （六）其他处理 自然人", rows[0][len(rows[0])-7], "the 2019 rows last")
	require.Contains(t, rows[0], "表三 （六）其他处理 自然人")
	require.Equal(t, "表三 一、本年新收政府信息公开申请数量 自然人", rows[0][4+indexOfCol(cols, "三", "R1", "natural")])
	blanks, numbers := 0, 0
	for i, e := range ex {
		assert.Equal(t, e.Path, rows[i+1][0])
		for j, dc := range cols {
			ref, _ := excelize.CoordinatesToCellName(5+j, i+2)
			got, _ := x.GetCellValue("数据", ref)
			typ, _ := x.GetCellType("数据", ref)
			want := dc.figure(&e)
			if want == nil {
				assert.Equal(t, "", got, "%s %s: blank in extract, blank in the sheet", e.Path, dc.Header)
				blanks++
				continue
			}
			numbers++
			assert.Equal(t, excelize.CellTypeUnset, typ, "a number cell")
			assert.Equal(t, strconv.FormatFloat(*want, 'f', -1, 64), got, "%s %s", e.Path, dc.Header)
		}
	}
	assert.Positive(t, blanks, "the C201 fixture has a blank cell")
	assert.Greater(t, numbers, 100)
	last := len(files) + 2
	ref, _ := excelize.CoordinatesToCellName(5, last)
	f, _ := x.GetCellFormula("数据", ref)
	assert.Equal(t, fmt.Sprintf("SUM(E2:E%d)", last-1), f)
}

func indexOfCol(cols []dataColumn, table, row, col string) int {
	for i, c := range cols {
		if string(c.Table) == table && string(c.Row) == row && string(c.Col) == col {
			return i
		}
	}
	return -1
}

func TestOutputFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out.json")
	stdout, _, code := runArgs("check", "--format", "json", "--output", path, cleanFixture)
	assert.Equal(t, exitOK, code)
	assert.Empty(t, stdout)
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.True(t, bytes.Contains(b, []byte(`"version": 1`)))
}

// The workbook reportlint writes opens in LibreOffice, and its 数据 sheet,
// read back by LibreOffice, gives extract's figures and the totals.
func TestXLSXOpensInLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice (soffice) is not installed")
	}
	if testing.Short() {
		t.Skip("starts LibreOffice; skipped with -short")
	}
	dir := t.TempDir()
	book := filepath.Join(dir, "汇总.xlsx")
	files := []string{cleanFixture, fixturesRoot + "/text/C201-cell-blank.txt"}
	_, _, _ = runArgs(append([]string{"check", "--summary", book}, files...)...)
	// Filter options: comma, quote, UTF-8, from row 1, …, sheet 3 (数据).
	cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,3", "--outdir", dir, book)
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "soffice: %s", out)
	matches, _ := filepath.Glob(filepath.Join(dir, "*数据*.csv"))
	if len(matches) == 0 {
		matches, _ = filepath.Glob(filepath.Join(dir, "*.csv"))
	}
	require.NotEmpty(t, matches, "LibreOffice wrote no CSV: %s", out)
	f, err := os.Open(matches[0])
	require.NoError(t, err)
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	require.Len(t, rows, len(files)+2, "header, one row per report, totals")
	require.Equal(t, "文件", rows[0][0])
	js, _, _ := runArgs(append([]string{"extract"}, files...)...)
	var ex []Extract
	require.NoError(t, json.Unmarshal([]byte(js), &ex))
	cols := dataColumns()
	for j, dc := range cols {
		sum := 0.0
		for i, e := range ex {
			got := rows[i+1][4+j]
			if v := dc.figure(&e); v != nil {
				assert.Equal(t, strconv.FormatFloat(*v, 'f', -1, 64), got, "%s %s", e.Path, dc.Header)
				sum += *v
			} else {
				assert.Equal(t, "", got, "%s %s blank", e.Path, dc.Header)
			}
		}
		total, err := strconv.ParseFloat(rows[len(rows)-1][4+j], 64)
		require.NoError(t, err, dc.Header)
		assert.InDelta(t, sum, total, 1e-9, "合计 of %s", dc.Header)
	}
}

// 问题清单 gives 应为/实为 only where the wrong cell is known: the A301
// balance may be broken by either side, so its relation is named instead;
// a total against the sum of its parts (A302) keeps its figures.
func TestXLSXFindingsNameTheRelation(t *testing.T) {
	path := filepath.Join(t.TempDir(), "汇总.xlsx")
	runArgs("check", "--summary", path, fixturesRoot+"/text/A301-table3-balance.txt", fixturesRoot+"/text/A302-table3-results-total.txt")
	x, err := excelize.OpenFile(path)
	require.NoError(t, err)
	defer x.Close()
	rows, err := x.GetRows("问题清单")
	require.NoError(t, err)
	require.Equal(t, []string{"应为", "实为", "关系", "说明"}, rows[0][7:11])
	seen := map[string]bool{}
	for _, r := range rows[1:] {
		r = append(r, make([]string, 12)...)
		switch r[4] {
		case "A301":
			assert.Equal(t, []string{"", ""}, r[7:9], "A301 names no expected figure: %v", r)
			assert.Equal(t, "一、本年新收 + 二、上年结转 = （七）总计 + 四、结转下年度继续办理", r[9])
		case "A302":
			assert.NotEmpty(t, r[7], "A302 keeps 应为: %v", r)
			assert.NotEmpty(t, r[8], "A302 keeps 实为: %v", r)
			assert.Empty(t, r[9])
		}
		seen[r[4]] = true
	}
	require.True(t, seen["A301"] && seen["A302"], "both rules fire: %v", seen)
}

// The 数据 sheet has the same columns whatever the run holds, so that the
// workbooks of several runs line up.
func TestXLSXDataColumnsFixed(t *testing.T) {
	var heads [][]string
	for _, files := range [][]string{{cleanFixture}, {cleanFixture, fixturesRoot + "/text/S105-outdated-format.txt"}} {
		path := filepath.Join(t.TempDir(), "汇总.xlsx")
		runArgs(append([]string{"check", "--summary", path}, files...)...)
		x, err := excelize.OpenFile(path)
		require.NoError(t, err)
		rows, err := x.GetRows("数据")
		x.Close()
		require.NoError(t, err)
		heads = append(heads, rows[0])
	}
	require.Equal(t, heads[0], heads[1])
}

// A DOCX cell's place names its table once.
func TestPlaceInWordsDOCXTableOnce(t *testing.T) {
	f := rules.Finding{Loc: parser.Loc{Unit: parser.UnitTableRow, Table: parser.Table3, RowOrd: 4, Cell: 2}, Table: parser.Table3, Row: parser.R1, Col: parser.ColNatural}
	got := placeInWords(f)
	require.Equal(t, 1, strings.Count(got, "表三"), got)
	require.Contains(t, got, "「自然人」列")
	f = rules.Finding{Loc: parser.Loc{Unit: parser.UnitTableRow, Table: parser.Table4, RowOrd: 4, Cell: 1}, Table: parser.Table4}
	require.Equal(t, 1, strings.Count(placeInWords(f), "表四"), placeInWords(f))
}

// A 合计 row with nothing above it holds 0, not a SUM of its own cell (a
// circular reference): a clean run has no rule to count, a run of
// unreadable files no figure.
func TestXLSXTotalsWithoutRows(t *testing.T) {
	path := filepath.Join(t.TempDir(), "汇总.xlsx")
	runArgs("check", "--summary", path, fixturesRoot+"/text/P001-empty.txt")
	x, err := excelize.OpenFile(path)
	require.NoError(t, err)
	defer x.Close()
	for _, sheet := range []string{"数据", "规则统计"} {
		rows, err := x.GetRows(sheet)
		require.NoError(t, err)
		last := len(rows)
		require.Equal(t, "合计", rows[last-1][0], sheet)
		for col := 2; col <= len(rows[0]); col++ {
			ref, _ := excelize.CoordinatesToCellName(col, last)
			f, _ := x.GetCellFormula(sheet, ref)
			if f == "" {
				continue
			}
			from, _ := excelize.CoordinatesToCellName(col, 2)
			require.NotContains(t, f, ref, "%s %s: %s refers to itself", sheet, ref, f)
			require.Contains(t, f, from)
		}
	}
	path = filepath.Join(t.TempDir(), "clean.xlsx")
	runArgs("check", "--summary", path, cleanFixture)
	x2, err := excelize.OpenFile(path)
	require.NoError(t, err)
	defer x2.Close()
	rows, err := x2.GetRows("规则统计")
	require.NoError(t, err)
	require.Len(t, rows, 2, "header and 合计")
	f, _ := x2.GetCellFormula("规则统计", "D2")
	require.Empty(t, f, "no SUM over nothing")
	v, _ := x2.GetCellValue("规则统计", "D2")
	require.Equal(t, "0", v)
}
