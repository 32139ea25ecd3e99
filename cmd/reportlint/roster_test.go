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
	write := func(name string, data []byte) string { return writeTemp(t, dir, name, data) }
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

const rosterData = "testdata/roster/"

// A folder that keeps last year's reports too (for cross-year pairing):
// the latest year is compared, or the one --year names.
func TestRosterYear(t *testing.T) {
	dir := t.TempDir()
	rp := filepath.Join(dir, "名单.txt")
	require.NoError(t, os.WriteFile(rp, []byte("青川县自然资源局\n青川县水利局\n青川县教育局\n"), 0o644))
	_, errOut, code := runArgs("check", "--roster", rp, rosterData+"yearmix")
	assert.Equal(t, exitOK, code, errOut)
	assert.Contains(t, errOut, "1 个未找到2024年度报告：青川县教育局", "three reports of 2023, two of 2024")

	_, errOut, code = runArgs("check", "--roster", rp, "--year", "2023", rosterData+"yearmix")
	assert.Equal(t, exitOK, code, errOut)
	assert.Contains(t, errOut, "0 个未找到2023年度报告")

	_, errOut, code = runArgs("check", "--roster", rp, "--year", "2022", rosterData+"yearmix")
	assert.Equal(t, exitOK, code, errOut)
	assert.Contains(t, errOut, "3 个未找到2022年度报告")

	_, errOut, code = runArgs("check", "--roster", rp, "--year", "24", rosterData+"yearmix")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, "选项 --year 的值 \"24\" 无效：应为四位数的年份")
	_, errOut, code = runArgs("check", "--year", "2024", rosterData+"yearmix")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, "--year 只和 --roster 一起使用")

	help, _, _ := runArgs("check", "-h")
	assert.Contains(t, help, "--year N")
}

// The unit column: named by a header (after a title row or comments), or
// the first column not all 序号; tab-separated text like CSV; xlsx cells
// without r; an xlsx under another extension.
func TestLoadRosterUnitColumn(t *testing.T) {
	eight := []string{"青川县政府办", "城关街道", "木鱼镇", "房石乡人民政府", "青川县自然资源局", "青川县发展和改革委", "青川县卫生健康委", "青川县教育局"}
	for _, f := range []string{"r3-seq-col2.csv", "x2-seq-col-b.xlsx", "r7c-tab.txt", "x3-title-row.xlsx", "r6-hdr-other.txt", "x4-inline-nor.xlsx", "x1-as.xls"} {
		ro, err := loadRoster(rosterData + f)
		require.NoError(t, err, f)
		assert.Equal(t, eight, ro.Units, f)
	}
	ro, err := loadRoster(rosterData + "r11-comment-then-header.txt")
	require.NoError(t, err)
	assert.Equal(t, []string{"青川县自然资源局"}, ro.Units)

	dir := t.TempDir()
	write := func(name string, data []byte) string { return writeTemp(t, dir, name, data) }
	for name, data := range map[string]string{
		// No header: the first column that is not all numbers.
		"noheader.csv": "1,青川县林业局,张三\n2,青川县水利局,李四\n",
		"noheader.txt": "01\t青川县林业局\n\t青川县水利局\n",
		// A title row, then the header in column C.
		"title.csv": "青川县2024年度应报送单位名单,,\n序号,联系人,报送单位名称\n1,张三,青川县林业局\n2,李四,青川县水利局\n",
		// Header words are never units, wherever they stand.
		"repeated.txt": "单位全称\n青川县林业局\n单位名称\n青川县水利局\n",
	} {
		ro, err := loadRoster(write(name, []byte(data)))
		require.NoError(t, err, name)
		assert.Equal(t, []string{"青川县林业局", "青川县水利局"}, ro.Units, name)
	}
}

// What is not a roster is refused, not listed as units.
func TestLoadRosterRefusesBinary(t *testing.T) {
	_, err := loadRoster(rosterData + "old.xls")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "另存为 .xlsx 或 .csv")
	_, errOut, code := runArgs("check", "--roster", rosterData+"old.xls", cleanFixture)
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, "旧版 Excel 文件（.xls）")

	dir := t.TempDir()
	for name, data := range map[string][]byte{
		"nul.txt":    []byte("青川县林业局\n\x00\x00\x01\x02青川县水利局\n"),
		"bin.csv":    {0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R'},
		"badenc.txt": {0xc7, 0xe0, 0x80, 0xff, 0x80, 0xff, 0xff, 0x0a},
	} {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, data, 0o644))
		_, err := loadRoster(p)
		require.Error(t, err, name)
		assert.Contains(t, err.Error(), "不是文本文件", name)
	}
}

// A roster listing both a government and its office: two units, each
// matched by the report that names it; alone, either stands for both.
func TestRosterGovernmentAndOffice(t *testing.T) {
	ro, err := loadRoster(rosterData + "r8-gov-and-office.txt")
	require.NoError(t, err)
	assert.Equal(t, []string{"青川县人民政府", "青川县人民政府办公室", "青川县教育局"}, ro.Units)
	cv := ro.compare([]checked{{Path: "a.pdf", Issuer: "青川县政府办", Year: 2024}})
	assert.Equal(t, []string{"a.pdf"}, cv.Matched["青川县人民政府办公室"])
	assert.Equal(t, []string{"青川县人民政府", "青川县教育局"}, cv.Missing)
	cv = ro.compare([]checked{{Path: "b.pdf", Issuer: "青川县人民政府", Year: 2024}, {Path: "c.pdf", Issuer: "四川省青川县人民政府办公室", Year: 2024}})
	assert.Equal(t, []string{"b.pdf"}, cv.Matched["青川县人民政府"])
	assert.Equal(t, []string{"c.pdf"}, cv.Matched["青川县人民政府办公室"])
	assert.Equal(t, []string{"青川县教育局"}, cv.Missing)

	alone := &roster{Path: "x", Units: []string{"青川县人民政府"}}
	cv = alone.compare([]checked{{Path: "a.pdf", Issuer: "青川县人民政府办公室", Year: 2024}})
	assert.Empty(t, cv.Missing, "the office's report stands for the government's")
}

// Reports whose issuer or year cannot be read are named, on stderr and in
// the 未报送 sheet, so that a unit shown as missing can be explained.
func TestRosterUnknownReports(t *testing.T) {
	dir := t.TempDir()
	rp := filepath.Join(dir, "名单.txt")
	require.NoError(t, os.WriteFile(rp, []byte("青川县自然资源局\n青川县发展和改革委\n青川县教育局\n"), 0o644))
	noyear := rosterData + "noyear"
	unknown := filepath.Join(noyear, "jy-noyear.txt")
	_, errOut, _ := runArgs("check", "--roster", rp, noyear)
	assert.Contains(t, errOut, "1 个未找到2024年度报告：青川县教育局")
	assert.Contains(t, errOut, unknown+" 的发布机关和年度无法识别，未能与名单 "+rp+" 比对")

	xp := filepath.Join(dir, "汇总.xlsx")
	_, errOut, _ = runArgs("check", "--roster", rp, "--summary", xp, noyear)
	assert.Contains(t, errOut, unknown+" 的发布机关和年度无法识别，未能与名单")
	assert.NotContains(t, errOut, "个未找到", "the workbook has the list")
	x, err := excelize.OpenFile(xp)
	require.NoError(t, err)
	defer x.Close()
	rows, err := x.GetRows(sheetMissing)
	require.NoError(t, err)
	require.Len(t, rows, 3, "%v", rows)
	assert.Equal(t, "青川县教育局", rows[1][0])
	assert.Equal(t, []string{"", "无法识别", "", unknown}, rows[2][:4])
	assert.Contains(t, rows[2][4], "无法识别报告的发布机关和年度，未能与名单比对")
}

// Line ends and separators as other programs write them: CR alone, a
// semicolon-separated CSV (Excel in some locales); a password-protected
// .xlsx is refused as encrypted, not taken for an old .xls.
func TestLoadRosterSeparatorsAndEncryption(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string { return writeTemp(t, dir, name, data) }
	want := []string{"青川县教育局", "青川县林业局", "青川县水利局"}
	for name, data := range map[string]string{
		"cr.txt":    "青川县教育局\r青川县林业局\r青川县水利局\r",
		"cr.csv":    "单位名称\r青川县教育局\r青川县林业局\r青川县水利局",
		"semi.csv":  "序号;单位名称;联系人\n1;青川县教育局;张三\n2;青川县林业局;李四\n3;青川县水利局;王五\n",
		"tab.csv":   "序号\t单位名称\n1\t青川县教育局\n2\t青川县林业局\n3\t青川县水利局\n",
		"comma.csv": "单位名称,备注\n青川县教育局,含下属单位；另报\n青川县林业局,\n青川县水利局,\n",
	} {
		ro, err := loadRoster(write(name, []byte(data)))
		require.NoError(t, err, name)
		assert.Equal(t, want, ro.Units, name)
	}
	enc, err := os.ReadFile(fixturesRoot + "/docx/P001-docx-encrypted.docx")
	require.NoError(t, err)
	_, err = loadRoster(write("locked.xlsx", enc))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "已加密")
}

// A roster listing the government with a province prefix and its office:
// the government's report goes to the government by the strict key (office
// kept apart) and the suffix rule, not to the office by the loose key.
func TestRosterPrefixedGovernmentAndOffice(t *testing.T) {
	ro := &roster{Path: "x", Units: []string{"四川省青川县人民政府", "青川县人民政府办公室"}}
	cv := ro.compare([]checked{{Path: "a.txt", Issuer: "青川县人民政府", Year: 2024}})
	assert.Equal(t, []string{"a.txt"}, cv.Matched["四川省青川县人民政府"])
	assert.Equal(t, []string{"青川县人民政府办公室"}, cv.Missing)
	cv = ro.compare([]checked{{Path: "b.txt", Issuer: "青川县政府办", Year: 2024}})
	assert.Equal(t, []string{"b.txt"}, cv.Matched["青川县人民政府办公室"])
	assert.Equal(t, []string{"四川省青川县人民政府"}, cv.Missing)
}

// Reports of two different issuers that reach one unit only by suffix: the
// match is ambiguous, neither is taken, and the note names them; copies of
// one issuer's report are not ambiguous, nor is a unit named exactly.
func TestRosterAmbiguousSuffix(t *testing.T) {
	ro := &roster{Path: "名单.txt", Units: []string{"木鱼镇人民政府"}}
	two := []checked{
		{Path: "a.txt", Issuer: "甲县木鱼镇人民政府", Year: 2024},
		{Path: "b.txt", Issuer: "乙县木鱼镇人民政府", Year: 2024},
	}
	cv := ro.compare(two)
	assert.Equal(t, []string{"木鱼镇人民政府"}, cv.Missing)
	assert.Empty(t, cv.Matched["木鱼镇人民政府"])
	assert.Len(t, cv.Ambiguous["木鱼镇人民政府"], 2)
	assert.Empty(t, cv.Unlisted)

	var buf strings.Builder
	writeRosterNotes(&buf, ro, two, false)
	assert.Contains(t, buf.String(), "1 个未找到2024年度报告：木鱼镇人民政府")
	assert.Contains(t, buf.String(), "「木鱼镇人民政府」未算作已报送：2 份不同发布机关的报告名称都以它结尾：「甲县木鱼镇人民政府」（a.txt）、「乙县木鱼镇人民政府」（b.txt）")
	buf.Reset()
	writeRosterNotes(&buf, ro, two, true)
	assert.Contains(t, buf.String(), "未算作已报送", "said with a workbook too")

	copies := []checked{
		{Path: "a.txt", Issuer: "甲县木鱼镇人民政府", Year: 2024},
		{Path: "a.pdf", Issuer: "甲县木鱼镇政府", Year: 2024},
	}
	cv = ro.compare(copies)
	assert.Empty(t, cv.Missing, "two formats of one issuer's report")
	assert.Equal(t, []string{"a.txt", "a.pdf"}, cv.Matched["木鱼镇人民政府"])

	cv = ro.compare(append(two, checked{Path: "c.txt", Issuer: "木鱼镇人民政府", Year: 2024}))
	assert.Empty(t, cv.Missing, "the unit named exactly")

	dir := t.TempDir()
	rp := filepath.Join(dir, "名单.txt")
	require.NoError(t, os.WriteFile(rp, []byte("木鱼镇人民政府\n"), 0o644))
	xp := filepath.Join(dir, "汇总.xlsx")
	_, errOut, _ := runArgs("check", "--roster", rp, "--summary", xp, rosterData+"amb2")
	assert.Contains(t, errOut, "「木鱼镇人民政府」未算作已报送")
	x, err := excelize.OpenFile(xp)
	require.NoError(t, err)
	defer x.Close()
	rows, err := x.GetRows(sheetMissing)
	require.NoError(t, err)
	require.Len(t, rows, 2, "%v", rows)
	assert.Equal(t, []string{"木鱼镇人民政府", "未报送", "2024"}, rows[1][:3])
	assert.Contains(t, rows[1][3], filepath.Join(rosterData, "amb2", "a.txt"))
	assert.Contains(t, rows[1][4], "2 份不同发布机关的报告名称都以它结尾：「甲县木鱼镇人民政府」")
}

// A file that could not be read at all is listed as 无法读取 with its
// reason, not as a report whose issuer and year could not be read.
func TestRosterUnreadableFile(t *testing.T) {
	dir := t.TempDir()
	rp := filepath.Join(dir, "名单.txt")
	require.NoError(t, os.WriteFile(rp, []byte("青川县自然资源局\n"), 0o644))
	gone := filepath.Join(dir, "--year")
	_, errOut, _ := runArgs("check", "--roster", rp, "--", cleanFixture, gone)
	assert.Contains(t, errOut, gone+" 无法读取（无法打开文件（文件不存在）），未能与名单 "+rp+" 比对")
	assert.NotContains(t, errOut, "发布机关和年度无法识别")

	xp := filepath.Join(dir, "汇总.xlsx")
	_, _, _ = runArgs("check", "--roster", rp, "--summary", xp, "--", cleanFixture, gone)
	x, err := excelize.OpenFile(xp)
	require.NoError(t, err)
	defer x.Close()
	rows, err := x.GetRows(sheetMissing)
	require.NoError(t, err)
	var row []string
	for _, r := range rows {
		if len(r) > 3 && r[3] == gone {
			row = r
		}
	}
	require.NotNil(t, row, "%v", rows)
	assert.Equal(t, "无法读取", row[1])
	assert.Contains(t, row[4], "文件无法读取（无法打开文件（文件不存在））")
}

// --year naming a year no report of the run is of: said, with the years
// the run holds.
func TestRosterYearNotInRun(t *testing.T) {
	dir := t.TempDir()
	rp := filepath.Join(dir, "名单.txt")
	require.NoError(t, os.WriteFile(rp, []byte("青川县自然资源局\n青川县水利局\n青川县教育局\n"), 0o644))
	_, errOut, _ := runArgs("check", "--roster", rp, "--year", "2030", rosterData+"yearmix")
	assert.Contains(t, errOut, "3 个未找到2030年度报告")
	assert.Contains(t, errOut, "本次检查的报告中没有2030年度的（只有 2023、2024 年度的）")
	assert.Contains(t, errOut, "--year 选择")
	_, errOut, _ = runArgs("check", "--roster", rp, "--year", "2022", "--summary", filepath.Join(dir, "s.xlsx"), rosterData+"yearmix")
	assert.Contains(t, errOut, "没有2022年度的", "said with a workbook too")
	_, errOut, _ = runArgs("check", "--roster", rp, "--year", "2023", rosterData+"yearmix")
	assert.NotContains(t, errOut, "本次检查的报告中没有")
	_, errOut, _ = runArgs("check", "--roster", rp, rosterData+"yearmix")
	assert.NotContains(t, errOut, "本次检查的报告中没有")
}

// A header row with no unit-column word (所属地区, 联系人, 电话) is a header
// still, judged by the whole row; the unit column is then the first whose
// cells look like unit names. A first row holding a unit name is data.
func TestLoadRosterLabelHeader(t *testing.T) {
	ro, err := loadRoster(rosterData + "r10-nounitcol.csv")
	require.NoError(t, err)
	assert.Equal(t, []string{"青川县"}, ro.Units, "所属地区 is a header, not a unit")

	dir := t.TempDir()
	write := func(name string, data []byte) string { return writeTemp(t, dir, name, data) }
	two := []string{"青川县林业局", "木鱼镇人民政府"}
	for name, data := range map[string]string{
		"region.csv":    "所属地区,报送机关,联系人,电话\n青川县,青川县林业局,张三,0839-1\n青川县,木鱼镇人民政府,李四,0839-2\n",
		"code.csv":      "序号,区划代码,所属地区,联系电话,备注\n1,510822,青川县,0839-1,青川县林业局\n2,510822,青川县,0839-2,木鱼镇人民政府\n",
		"title.csv":     "2024年度名单,,\n地区,联系人,类别\n青川县林业局,张三,县直\n木鱼镇人民政府,李四,乡镇\n",
		"tabbed.txt":    "层级\t所属地区\t联系人\n县级\t青川县林业局\t张三\n乡镇\t木鱼镇人民政府\t李四\n",
		"firstunit.csv": "青川县林业局,联系电话\n木鱼镇人民政府,备注\n",
	} {
		ro, err := loadRoster(write(name, []byte(data)))
		require.NoError(t, err, name)
		assert.Equal(t, two, ro.Units, name)
	}
	// A unit named like a region stays a unit.
	ro, err = loadRoster(write("diqu.txt", []byte("阿里地区\n那曲地区\n")))
	require.NoError(t, err)
	assert.Equal(t, []string{"阿里地区", "那曲地区"}, ro.Units)
}

// writeTemp writes data to dir/name and returns the path.
func writeTemp(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	require.NoError(t, os.WriteFile(p, data, 0o644))
	return p
}
