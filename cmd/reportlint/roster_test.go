package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/reportlint/reportlint/internal/xlsx"
)

// Names as offices write them: the roster's form and the report's meet.
func TestUnitKeyVariants(t *testing.T) {
	same := [][2]string{
		{"青川县人民政府办公室", "青川县政府办"},
		{"青川县人民政府办公室", "青川县人民政府"},
		{"青川县人民政府", "青川县政府"},
		{"青川县政府办公室", "青川县 人民政府 办公室"},
		{"城关街道办事处", "城关街道"},
		{"城关街道办事处", "城关街道办"},
		{"四川省人民政府办公厅", "四川省政府办公厅"},
		{"青川县卫生健康委员会", "青川县卫生健康委"},
		{"青川县自然资源局", "青川县自然资源局"},
		{"青川县自然资源局", "青川县自然资源局 "},
		{"青川县自然资源局", "（青川县自然资源局）"},
		{"青川县发展和改革局", "青川县发展和改革局"},
		{"乔庄镇人民政府", "乔庄镇政府"},
		{"ＡＢＣ县人民政府", "ABC县政府"},
		{"城关镇人民政府", "城关镇"},
		{"青川县人民政府办公室", "青川县"},
		{"1. 青川县林业局", "青川县林业局"},
		{"12、青川县林业局", "青川县林业局"},
		{"(3)青川县林业局", "青川县林业局"},
		{"０１　青川县林业局", "青川县林业局"},
		{"青川县林业局（已撤并）", "青川县林业局"},
		{"青川县林业局(含下属单位)", "青川县林业局"},
	}
	for _, p := range same {
		assert.Equal(t, unitKey(p[0]), unitKey(p[1]), "%s ~ %s", p[0], p[1])
	}
	differ := [][2]string{
		{"青川县人民政府", "剑阁县人民政府"},
		{"青川县自然资源局", "青川县林业局"},
		{"城关街道办事处", "城关镇人民政府"},
		{"青川县教育局", "青川县教育和体育局"},
		{"青川县人民政府", "青川县人大常委会"},
		{"青川县", "青川县林业局"},
		{"12345热线办公室", "热线办公室"},
	}
	for _, p := range differ {
		assert.NotEqual(t, unitKey(p[0]), unitKey(p[1]), "%s ≁ %s", p[0], p[1])
	}
	// "办" alone is not cut to nothing.
	assert.NotEmpty(t, unitKey("政府办"))
}

func TestRosterCompare(t *testing.T) {
	ro := &roster{Path: "名单.txt", Units: []string{"青川县人民政府办公室", "城关街道办事处", "青川县自然资源局", "青川县林业局", "汝州市人民政府"}}
	out := []checked{
		{Path: "a.pdf", Issuer: "青川县政府办", Year: 2024},
		{Path: "b.html", Issuer: "城关街道", Year: 2024},
		{Path: "c.docx", Issuer: "青川县自然资源局", Year: 2023}, // last year's: does not count
		{Path: "d.txt", Issuer: "青川县水利局", Year: 2024},    // not on the roster
		{Path: "e.pdf", Issuer: "河南省汝州市人民政府", Year: 2024},
		{Path: "f.pdf"}, // unreadable: no issuer
		{Path: "g.pdf", Issuer: "政府", Year: 2024}, // too short for a suffix match
	}
	cv := ro.compare(out)
	assert.Equal(t, 2024, cv.Year)
	assert.Equal(t, []string{"青川县自然资源局", "青川县林业局"}, cv.Missing)
	var unlisted []string
	for _, c := range cv.Unlisted {
		unlisted = append(unlisted, c.Path)
	}
	assert.Equal(t, []string{"d.txt", "g.pdf"}, unlisted)
	assert.Equal(t, []string{"e.pdf"}, cv.Matched["汝州市人民政府"])
}

func TestLoadRosterFormats(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, data, 0o644))
		return p
	}
	want := []string{"青川县人民政府办公室", "城关街道办事处", "青川县自然资源局"}
	txt := write("名单.txt", []byte("\ufeff# 2024 年应报送单位\n青川县人民政府办公室\r\n\r\n城关街道办事处\n青川县自然资源局\n青川县政府办\n"))
	ro, err := loadRoster(txt)
	require.NoError(t, err)
	assert.Equal(t, want, ro.Units, "comments, blank lines, CRLF, BOM and a duplicate in short form")

	csvp := write("名单.csv", []byte("单位名称,联系人\n青川县人民政府办公室,张三\n\"城关街道办事处\",李四\n青川县自然资源局,\n"))
	ro, err = loadRoster(csvp)
	require.NoError(t, err)
	assert.Equal(t, want, ro.Units, "first column, header skipped")

	// An XLSX written by excelize (as Excel would), and one by our writer.
	x := excelize.NewFile()
	require.NoError(t, x.SetCellValue("Sheet1", "A1", "单位"))
	for i, u := range want {
		require.NoError(t, x.SetCellValue("Sheet1", "A"+string(rune('2'+i)), u))
		require.NoError(t, x.SetCellValue("Sheet1", "B"+string(rune('2'+i)), i))
	}
	xp := filepath.Join(dir, "名单.xlsx")
	require.NoError(t, x.SaveAs(xp))
	ro, err = loadRoster(xp)
	require.NoError(t, err)
	assert.Equal(t, want, ro.Units)

	wb := xlsx.New()
	s := wb.AddSheet("名单")
	for _, u := range want {
		s.Row(xlsx.Text(u), xlsx.Number(1))
	}
	var buf strings.Builder
	require.NoError(t, wb.Write(&buf))
	ro, err = loadRoster(write("own.xlsx", []byte(buf.String())))
	require.NoError(t, err)
	assert.Equal(t, want, ro.Units)

	_, err = loadRoster(write("bad.xlsx", []byte("not a zip")))
	assert.ErrorContains(t, err, "不是可读的 Excel")
	_, err = loadRoster(write("empty.txt", []byte("\n# nothing\n")))
	assert.ErrorContains(t, err, "没有任何单位")
	_, err = loadRoster(filepath.Join(dir, "missing.txt"))
	assert.ErrorContains(t, err, "missing.txt")

	// GB18030 text as Notepad on Chinese Windows saves it.
	gb := []byte{0xc7, 0xe0, 0xb4, 0xa8, 0xcf, 0xd8, 0xc1, 0xd6, 0xd2, 0xb5, 0xbe, 0xd6, '\n'} // 青川县林业局
	ro, err = loadRoster(write("gb.txt", gb))
	require.NoError(t, err)
	assert.Equal(t, []string{"青川县林业局"}, ro.Units)
}

func TestRosterInRun(t *testing.T) {
	dir := t.TempDir()
	rp := filepath.Join(dir, "名单.txt")
	require.NoError(t, os.WriteFile(rp, []byte("青川县自然资源局\n青川县林业局\n"), 0o644))
	_, errOut, code := runArgs("check", "--roster", rp, cleanFixture)
	assert.Equal(t, exitOK, code)
	assert.Contains(t, errOut, "1 个未找到2024年度报告：青川县林业局")

	xp := filepath.Join(dir, "汇总.xlsx")
	_, _, code = runArgs("check", "--roster", rp, "--summary", xp, cleanFixture, fixturesRoot+"/text/A301-table3-balance.txt")
	assert.Equal(t, exitError, code)
	x, err := excelize.OpenFile(xp)
	require.NoError(t, err)
	defer x.Close()
	rows, err := x.GetRows(sheetMissing)
	require.NoError(t, err)
	require.Len(t, rows, 2, "%v", rows)
	assert.Equal(t, []string{"青川县林业局", "未报送", "2024"}, rows[1][:3])
}
