package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func runArgs(args ...string) (stdout, stderr string, code int) {
	var o, e bytes.Buffer
	code = run(args, &o, &e)
	return o.String(), e.String(), code
}

const cleanFixture = fixturesRoot + "/text/clean-department-2024.txt"

func TestExitCodes(t *testing.T) {
	_, _, code := runArgs("check", cleanFixture)
	assert.Equal(t, exitOK, code, "clean report")
	_, _, code = runArgs("check", fixturesRoot+"/text/A304-table4-total.txt")
	assert.Equal(t, exitError, code, "report with an error finding")
	_, _, code = runArgs("check", fixturesRoot+"/text/S103-heading-variant.txt")
	assert.Equal(t, exitOK, code, "info findings only")
	_, stderr, code := runArgs("check", "does/not/exist.html")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "路径不存在")
	_, _, code = runArgs("check", "--format", "yaml", cleanFixture)
	assert.Equal(t, exitUsage, code, "bad format value")
	_, _, code = runArgs("check", "--no-such-flag", cleanFixture)
	assert.Equal(t, exitUsage, code, "unknown flag")
	_, _, code = runArgs("frobnicate")
	assert.Equal(t, exitUsage, code, "unknown command")
	_, _, code = runArgs("check")
	assert.Equal(t, exitUsage, code, "no paths")
}

func TestBatchGoesOnAfterUnreadableFile(t *testing.T) {
	dir := t.TempDir()
	clean, err := os.ReadFile(cleanFixture)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "a-broken.pdf"), []byte("<html>not a pdf"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "b-empty.txt"), nil, 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "c-good.txt"), clean, 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "notes.md"), []byte("ignored"), 0o644))
	out, _, code := runArgs("check", "--format", "json", dir)
	assert.Equal(t, exitError, code)
	var doc jsonCheck
	require.NoError(t, json.Unmarshal([]byte(out), &doc))
	require.Len(t, doc.Files, 3, "every report file is listed, in order")
	assert.True(t, strings.HasSuffix(doc.Files[0].Path, "a-broken.pdf"))
	assert.Equal(t, "P001", doc.Files[0].Findings[0].Rule)
	assert.Equal(t, "P001", doc.Files[1].Findings[0].Rule)
	assert.Empty(t, doc.Files[2].Findings)
	assert.Equal(t, 2024, doc.Files[2].Year)
	assert.Equal(t, 3, doc.Summary.Files)
	assert.Equal(t, 2, doc.Summary.Error)
}

func TestParallelOutputIsStable(t *testing.T) {
	one, _, _ := runArgs("check", "--no-color", "--jobs", "1", fixturesRoot)
	many, _, _ := runArgs("check", "--no-color", "--jobs", "8", fixturesRoot)
	assert.Equal(t, one, many)
}

func TestStdin(t *testing.T) {
	data, err := os.ReadFile(cleanFixture)
	require.NoError(t, err)
	r, w, err := os.Pipe()
	require.NoError(t, err)
	go func() { w.Write(data); w.Close() }()
	old := os.Stdin
	os.Stdin = r
	defer func() { os.Stdin = old }()
	out, _, code := runArgs("check", "--format", "json", "-")
	assert.Equal(t, exitOK, code)
	assert.Contains(t, out, `"path": "-"`)
	assert.Contains(t, out, `"year": 2024`)
}

func TestTextOutputShape(t *testing.T) {
	out, _, _ := runArgs("check", "--no-color", fixturesRoot+"/text/A304-table4-total.txt")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, lines, 6, "the finding, its four operands, the summary")
	assert.Regexp(t, `^\S+A304-table4-total\.txt:70:9: error A304【错误·表四各组总计】表四「行政复议」组：总计为 4`, lines[0])
	assert.Regexp(t, `^  \S+A304-table4-total\.txt:70:1: 相关：表四「行政复议」行「结果维持」列：1$`, lines[1])
	assert.Equal(t, "检查了 1 个文件：1 个错误，0 个警告，0 个提示", lines[5])
	assert.NotContains(t, out, "\x1b[", "no colour when not on a terminal")
}

func TestNoColorEnv(t *testing.T) {
	t.Setenv("NO_COLOR", "1")
	assert.False(t, useColor(os.Stdout, false))
	assert.False(t, useColor(&bytes.Buffer{}, false))
}

func TestRulesAndExplain(t *testing.T) {
	out, _, code := runArgs("rules")
	assert.Equal(t, exitOK, code)
	for _, id := range []string{"P001", "P002", "S101", "S108", "C201", "C205", "A301", "A304", "F401", "F402"} {
		assert.Contains(t, out, id)
	}
	out, _, code = runArgs("explain", "a301")
	assert.Equal(t, exitOK, code)
	assert.Contains(t, out, "勾稽关系")
	assert.Contains(t, out, "示例")
	_, _, code = runArgs("explain", "Z999")
	assert.Equal(t, exitUsage, code)
}

func TestExtractContract(t *testing.T) {
	out, _, code := runArgs("extract", "--format", "json", cleanFixture)
	assert.Equal(t, exitOK, code)
	var e map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &e))
	assert.EqualValues(t, 1, e["version"])
	assert.Equal(t, "2021", e["layout"])
	t3 := e["table3"].(map[string]any)
	assert.Equal(t, []any{25.0, 3.0, 0.0, 0.0, 1.0, 0.0, 29.0}, t3["R1"])
	t2 := e["table2"].(map[string]any)
	assert.Equal(t, 1.25, t2["fees"].(map[string]any)["amount"])
	csvOut, _, _ := runArgs("extract", "--format", "csv", cleanFixture)
	assert.True(t, strings.HasPrefix(csvOut, "\ufeff文件,机关,年度,表,行键,行,列键,列,数值"), "BOM and Chinese header")
	assert.Contains(t, csvOut, "clean-department-2024.txt,青川县自然资源局,2024,三,R1,一、本年新收政府信息公开申请数量,natural,自然人,25,25,number")
	// a blank cell is null, not 0
	blank, _, _ := runArgs("extract", fixturesRoot+"/text/C201-cell-blank.txt")
	require.NoError(t, json.Unmarshal([]byte(blank), &e))
	assert.Nil(t, e["table2"].(map[string]any)["coercion"].(map[string]any)["decisions"])
}

func TestDirectoryWalkFollowsFileLinksOnly(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile(cleanFixture)
	require.NoError(t, err)
	real := filepath.Join(t.TempDir(), "real.txt")
	require.NoError(t, os.WriteFile(real, data, 0o644))
	require.NoError(t, os.Symlink(real, filepath.Join(dir, "link.txt")))
	require.NoError(t, os.Symlink(dir, filepath.Join(dir, "loop"))) // a link loop
	files, err := discover([]string{dir})
	require.NoError(t, err)
	require.Len(t, files, 1)
	assert.True(t, strings.HasSuffix(files[0], "link.txt"))
}
