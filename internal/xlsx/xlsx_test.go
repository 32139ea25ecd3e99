package xlsx

import (
	"archive/zip"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
)

func sample() *Workbook {
	wb := New()
	s := wb.AddSheet("数据")
	s.Header("机关", "件数", "金额")
	s.Widths(30, 8, 10)
	s.Row(Text("甲县人民政府办公室"), Number(12), Number(1.25))
	s.Row(Text(" 乙 & <丙> \x01"), Blank(), Number(0))
	s.Row(Text("007"), Number(3), Blank())
	s.Row(Text("合计").Bold(), Formula("SUM(B2:B4)", 15).Bold(), Formula("SUM(C2:C4)", 1.25).Bold())
	wb.AddSheet("规则统计/二").Header("规则")
	return wb
}

func TestReadBackWithExcelize(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, sample().Write(&buf))
	x, err := excelize.OpenReader(&buf)
	require.NoError(t, err)
	defer x.Close()
	assert.Equal(t, []string{"数据", "规则统计_二"}, x.GetSheetList())

	v, _ := x.GetCellValue("数据", "A2")
	assert.Equal(t, "甲县人民政府办公室", v)
	typ, _ := x.GetCellType("数据", "B2")
	assert.Equal(t, excelize.CellTypeUnset, typ, "a number is stored as a number (no t attribute)")
	v, _ = x.GetCellValue("数据", "C2")
	assert.Equal(t, "1.25", v)
	v, _ = x.GetCellValue("数据", "A3")
	assert.Equal(t, " 乙 & <丙> \uFFFD", v, "markup escaped, spaces kept, a control character replaced")
	v, _ = x.GetCellValue("数据", "B3")
	assert.Equal(t, "", v, "blank stays blank")
	v, _ = x.GetCellValue("数据", "C3")
	assert.Equal(t, "0", v, "zero is a number, not blank")
	v, _ = x.GetCellValue("数据", "A4")
	assert.Equal(t, "007", v, "text that looks like a number stays text")
	f, _ := x.GetCellFormula("数据", "B5")
	assert.Equal(t, "SUM(B2:B4)", f)
	v, _ = x.GetCellValue("数据", "B5")
	assert.Equal(t, "15", v, "the cached value is there before recalculation")

	panes, err := x.GetPanes("数据")
	require.NoError(t, err)
	assert.True(t, panes.Freeze)
	assert.Equal(t, 1, panes.YSplit)
	w, _ := x.GetColWidth("数据", "A")
	assert.Equal(t, 30.0, w)
	st, _ := x.GetCellStyle("数据", "A1")
	style, err := x.GetStyle(st)
	require.NoError(t, err)
	require.NotNil(t, style.Font)
	assert.True(t, style.Font.Bold, "header is bold")
	st, _ = x.GetCellStyle("数据", "B5")
	style, _ = x.GetStyle(st)
	assert.True(t, style.Font.Bold, "totals row is bold")
	dn := x.GetDefinedName()
	require.NotEmpty(t, dn)
	assert.Equal(t, "_xlnm._FilterDatabase", dn[0].Name)
	assert.Equal(t, "'数据'!$A$1:$C$5", dn[0].RefersTo)
}

func TestColName(t *testing.T) {
	for i, want := range map[int]string{0: "A", 25: "Z", 26: "AA", 51: "AZ", 52: "BA", 701: "ZZ", 702: "AAA"} {
		assert.Equal(t, want, ColName(i), i)
	}
}

func TestLongTextIsCut(t *testing.T) {
	wb := New()
	wb.AddSheet("x").Row(Text(strings.Repeat("长", MaxCellChars+10)))
	var buf bytes.Buffer
	require.NoError(t, wb.Write(&buf))
	x, err := excelize.OpenReader(&buf)
	require.NoError(t, err)
	v, _ := x.GetCellValue("x", "A1")
	assert.Equal(t, MaxCellChars, len([]rune(v)))
	assert.True(t, strings.HasSuffix(v, "…"))
}

// The workbook opens in LibreOffice: converted to CSV, the first sheet has
// the values and the formula's result.
func TestOpensInLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice (soffice) is not installed")
	}
	if testing.Short() {
		t.Skip("starts LibreOffice; skipped with -short")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "book.xlsx")
	var buf bytes.Buffer
	require.NoError(t, sample().Write(&buf))
	require.NoError(t, os.WriteFile(in, buf.Bytes(), 0o644))
	cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", dir, in)
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "soffice: %s", out)
	csv, err := os.ReadFile(filepath.Join(dir, "book.csv"))
	require.NoError(t, err, "soffice wrote no CSV: %s", out)
	lines := strings.Split(strings.TrimSpace(strings.ReplaceAll(string(csv), "\r\n", "\n")), "\n")
	require.Len(t, lines, 5, "%s", csv)
	assert.Equal(t, "机关,件数,金额", lines[0])
	assert.Equal(t, "甲县人民政府办公室,12,1.25", lines[1])
	assert.Equal(t, "合计,15,1.25", lines[4])
}

// Hostile or odd workbooks given as a roster: errors, not panics.
func TestReadCellsHostile(t *testing.T) {
	mk := func(parts map[string]string) []byte {
		var buf bytes.Buffer
		z := zip.NewWriter(&buf)
		for name, body := range parts {
			w, _ := z.Create(name)
			w.Write([]byte(body))
		}
		z.Close()
		return buf.Bytes()
	}
	wb := `<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="a" sheetId="1" r:id="rId1"/></sheets></workbook>`
	rels := `<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>`
	cases := map[string]map[string]string{
		"no workbook":          {"x.xml": "<a/>"},
		"no sheets":            {"xl/workbook.xml": `<workbook><sheets/></workbook>`},
		"shared string absent": {"xl/workbook.xml": wb, "xl/_rels/workbook.xml.rels": rels, "xl/worksheets/sheet1.xml": `<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>99</v></c></row></sheetData></worksheet>`},
		"broken xml":           {"xl/workbook.xml": wb, "xl/_rels/workbook.xml.rels": rels, "xl/worksheets/sheet1.xml": `<worksheet><sheetData><row`},
		"sheet missing":        {"xl/workbook.xml": wb, "xl/_rels/workbook.xml.rels": rels},
	}
	for name, parts := range cases {
		data := mk(parts)
		_, err := ReadCells(bytes.NewReader(data), int64(len(data)))
		assert.Error(t, err, name)
	}
	// Inline strings, rows with gaps.
	data := mk(map[string]string{"xl/workbook.xml": wb, "xl/_rels/workbook.xml.rels": rels,
		"xl/worksheets/sheet1.xml": `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>甲</t></is></c><c r="B1" t="inlineStr"><is><t>x</t></is></c></row><row r="3"><c r="A3"><v>12</v></c></row></sheetData></worksheet>`})
	got, err := ReadCells(bytes.NewReader(data), int64(len(data)))
	require.NoError(t, err)
	assert.Equal(t, [][]ReadCell{{{0, "甲"}, {1, "x"}}, nil, {{0, "12"}}}, got)
}

// Cells without r (as some generators write them) are placed by position:
// each in the column after the previous cell of its row.
func TestReadCellsWithoutRef(t *testing.T) {
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	for name, body := range map[string]string{
		"xl/workbook.xml":            `<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="a" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>`,
		"xl/worksheets/sheet1.xml": `<worksheet><sheetData>` +
			`<row r="1"><c t="inlineStr"><is><t>单位名称</t></is></c><c t="inlineStr"><is><t>备注</t></is></c></row>` +
			`<row r="2"><c t="inlineStr"><is><t>甲</t></is></c><c t="inlineStr"><is><t>x</t></is></c></row>` +
			`<row r="3"><c r="C3"><v>1</v></c><c><v>2</v></c></row>` +
			`<row><c t="inlineStr"><is><t>乙</t></is></c></row>` +
			`</sheetData></worksheet>`,
	} {
		w, _ := z.Create(name)
		w.Write([]byte(body))
	}
	require.NoError(t, z.Close())
	data := buf.Bytes()
	rows, err := ReadCells(bytes.NewReader(data), int64(len(data)))
	require.NoError(t, err)
	require.Len(t, rows, 4)
	assert.Equal(t, []ReadCell{{0, "单位名称"}, {1, "备注"}}, rows[0])
	assert.Equal(t, []ReadCell{{0, "甲"}, {1, "x"}}, rows[1])
	assert.Equal(t, []ReadCell{{2, "1"}, {3, "2"}}, rows[2])
	assert.Equal(t, []ReadCell{{0, "乙"}}, rows[3])
	c, ok := colIndex("AB7")
	assert.True(t, ok)
	assert.Equal(t, 27, c)
}
