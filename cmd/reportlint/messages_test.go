package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A single-value option given twice is refused, naming the option;
// repeatable options and boolean flags may repeat, and options still mix
// with paths.
func TestSingleValueOptionTwice(t *testing.T) {
	dir := t.TempDir()
	r1 := filepath.Join(dir, "r1.txt")
	r2 := filepath.Join(dir, "r2.txt")
	require.NoError(t, os.WriteFile(r1, []byte("某某局\n"), 0o644))
	require.NoError(t, os.WriteFile(r2, []byte("另一局\n"), 0o644))
	for _, c := range []struct {
		args []string
		opt  string
	}{
		{[]string{"check", "--roster", r1, "--roster", r2, cleanFixture}, "--roster"},
		{[]string{"check", "--roster", r1, "--year", "2023", cleanFixture, "--year=2024"}, "--year"},
		{[]string{"check", "--output", filepath.Join(dir, "a.json"), cleanFixture, "-output", filepath.Join(dir, "b.json")}, "--output"},
		{[]string{"check", "--format", "json", "--format", "json", cleanFixture}, "--format"},
		{[]string{"check", "--previous", cleanFixture, "--previous", cleanFixture, cleanFixture}, "--previous"},
		{[]string{"check", "--jobs", "2", "--jobs", "3", cleanFixture}, "--jobs"},
		{[]string{"check", "--fail-on", "error", "--fail-on", "warning", cleanFixture}, "--fail-on"},
		{[]string{"check", "--baseline", r1, "--baseline", r2, cleanFixture}, "--baseline"},
		{[]string{"check", "--timeout", "1s", "--timeout", "2s", cleanFixture}, "--timeout"},
		{[]string{"extract", "--format", "json", cleanFixture, "--format", "csv"}, "--format"},
		{[]string{"extract", "--max-size", "1MB", "--max-size", "2MB", cleanFixture}, "--max-size"},
		{[]string{"extract", "--config", r1, "--config", r2, cleanFixture}, "--config"},
	} {
		out, errOut, code := runArgs(c.args...)
		assert.Equal(t, exitUsage, code, "%v", c.args)
		assert.Empty(t, out, "%v", c.args)
		assert.Contains(t, errOut, "选项 "+c.opt+" 只能指定一次", "%v", c.args)
	}
	// repeatable and boolean options, mixed with paths, still work
	s1, s2 := filepath.Join(dir, "s.csv"), filepath.Join(dir, "s.html")
	_, errOut, code := runArgs("check", "--verbose", cleanFixture, "--summary", s1, "--verbose", "--summary", s2, "--no-color", "--no-color", "--exit-zero", "--exit-zero")
	assert.Equal(t, exitOK, code, errOut)
	assert.NotContains(t, errOut, "只能指定一次")
	assert.FileExists(t, s1)
	assert.FileExists(t, s2)
	// the help still shows the flags' own placeholders after a parse
	out, _, code := runArgs("check", "--jobs", "2", "-h")
	assert.Equal(t, exitOK, code)
	assert.Contains(t, out, "--jobs N")
}

// The duplicate-file message names the options actually used, and a
// --summary with no summary extension is said before anything else.
func TestSummaryConflictWording(t *testing.T) {
	dir := t.TempDir()
	d := filepath.Join(dir, "d.xlsx")
	_, errOut, code := runArgs("check", "--summary", d, "--summary", d, cleanFixture)
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, "由 --summary 指定了两次")
	assert.NotContains(t, errOut, "--output")

	c := filepath.Join(dir, "c.csv")
	_, errOut, code = runArgs("check", "--output", c, "--summary", c, cleanFixture)
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, "同时由 --output 和 --summary 指定")

	b := filepath.Join(dir, "b.json")
	for _, args := range [][]string{
		{"check", "--format", "json", "--output", b, "--summary", b, cleanFixture},
		{"check", "--format", "json", "--output", filepath.Join(dir, "b.xlsx"), "--summary", b, cleanFixture},
		{"check", "--summary", d, "--summary", d, "--summary", b, cleanFixture},
	} {
		_, errOut, code = runArgs(args...)
		assert.Equal(t, exitUsage, code, "%v", args)
		assert.Contains(t, errOut, "--summary "+b+"：无法从扩展名判断汇总格式", "%v", args)
		assert.NotContains(t, errOut, "两次", "%v", args)
	}
}

// File errors are said in Chinese, without the Go error text.
func TestFileErrorsInChinese(t *testing.T) {
	dir := t.TempDir()
	csvAsXLSX := filepath.Join(dir, "名单.xlsx")
	require.NoError(t, os.WriteFile(csvAsXLSX, []byte("序号,单位名称\n1,某某局\n"), 0o644))
	missing := filepath.Join(dir, "nonexist.txt")
	badBaseline := filepath.Join(dir, "bl.json")
	require.NoError(t, os.WriteFile(badBaseline, []byte("{not json"), 0o644))
	unknownField := filepath.Join(dir, "bl2.json")
	require.NoError(t, os.WriteFile(unknownField, []byte(`{"version":1,"extra":2}`), 0o644))
	cfg := filepath.Join(dir, "c.yaml")
	require.NoError(t, os.WriteFile(cfg, []byte("ignore:\n  - \"[abc\"\n"), 0o644))
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"check", "--roster", csvAsXLSX, cleanFixture}, "不是可读的 Excel 文件（.xlsx）：不是有效的 xlsx（zip）文件"},
		{[]string{"check", "--roster", missing, cleanFixture}, "无法读取 --roster 指定的名单 " + missing + "（文件不存在）"},
		{[]string{"check", "--roster", dir, cleanFixture}, "无法读取 --roster 指定的名单 " + dir + "（是目录，不是文件）"},
		{[]string{"check", "--previous", missing, cleanFixture}, "无法读取 --previous 指定的上一年度报告 " + missing + ": 无法打开文件（文件不存在）"},
		{[]string{"check", "--summary", filepath.Join(dir, "nodir", "e.csv"), cleanFixture}, "（目录不存在）"},
		{[]string{"check", "--output", filepath.Join(dir, "nodir", "e.json"), cleanFixture}, "（目录不存在）"},
		{[]string{"check", "--write-baseline", filepath.Join(dir, "nodir", "b.json"), cleanFixture}, "（目录不存在）"},
		{[]string{"check", "--baseline", badBaseline, cleanFixture}, "格式不对（不是有效的 JSON；"},
		{[]string{"check", "--baseline", unknownField, cleanFixture}, "格式不对（含有未知的字段 \"extra\"；"},
		{[]string{"check", "--baseline", dir, cleanFixture}, "无法读取基线文件 " + dir + "（是目录，不是文件）"},
		{[]string{"check", "--config", cfg, cleanFixture}, "路径模式 \"[abc\" 无效：写法不对"},
	} {
		_, errOut, code := runArgs(c.args...)
		assert.Equal(t, exitUsage, code, "%v", c.args)
		assert.Contains(t, errOut, c.want, "%v", c.args)
		for _, en := range []string{"no such file", "zip:", "open ", "stat ", "invalid character", "json:", "syntax error"} {
			assert.NotContains(t, errOut, en, "%v", c.args)
		}
		assert.Equal(t, 1, strings.Count(errOut, "\n"), "one line: %q", errOut)
	}
}
