package main

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
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
	_, stderr, code := runArgs("check", "--format", "xlsx", cleanFixture)
	assert.Equal(t, exitUsage, code, "xlsx needs --output")
	assert.Contains(t, stderr, "--output")
	path := filepath.Join(t.TempDir(), "汇总.xlsx")
	_, _, code = runArgs("check", "--format", "xlsx", "--output", path, cleanFixture, fixturesRoot+"/text/C201-cell-blank.txt")
	assert.Equal(t, exitOK, code)
	x, err := excelize.OpenFile(path)
	require.NoError(t, err)
	defer x.Close()
	sum, err := x.GetRows("汇总")
	require.NoError(t, err)
	require.Len(t, sum, 3)
	assert.Equal(t, []string{"通过", "0", "0", "0"}, sum[1][4:])
	assert.Equal(t, []string{"有警告", "0", "2", "0"}, sum[2][4:])
	list, err := x.GetRows("问题清单")
	require.NoError(t, err)
	require.Len(t, list, 3)
	assert.Equal(t, "C201", list[1][4])
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
