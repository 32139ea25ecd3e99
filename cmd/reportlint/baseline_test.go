package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/reportlint/reportlint/parser"
	"github.com/reportlint/reportlint/rules"
)

func TestIdentityIgnoresPosition(t *testing.T) {
	a := rules.Finding{Rule: "A301", Message: "x", Key: "三/R1/natural", Loc: locLine(10)}
	b := a
	b.Loc = locLine(99)
	b.Message = "another wording"
	assert.Equal(t, fingerprint("A301", "r.html", a), fingerprint("A301", "r.html", b), "Key decides, not line or wording")
	assert.NotEqual(t, fingerprint("A301", "r.html", a), fingerprint("A301", "s.html", a), "the file is part of it")
	assert.NotEqual(t, fingerprint("A301", "r.html", a), fingerprint("A302", "r.html", a), "the rule is part of it")

	// Without a Key the normalised message decides: spacing and width do
	// not count, digits do.
	m1 := rules.Finding{Message: "报告中 称收到申请 １２ 件"}
	m2 := rules.Finding{Message: "报告中称收到申请12件", Loc: locLine(5)}
	m3 := rules.Finding{Message: "报告中称收到申请13件"}
	assert.Equal(t, fingerprint("N501", "r", m1), fingerprint("N501", "r", m2))
	assert.NotEqual(t, fingerprint("N501", "r", m2), fingerprint("N501", "r", m3))
}

func TestBaselineMovedLinesStayQuiet(t *testing.T) {
	configRepo(t, "")
	js, _, _ := runArgs("check", "--format", "json", ".")
	var doc jsonCheck
	require.NoError(t, json.Unmarshal([]byte(js), &doc))
	total := doc.Summary.Error + doc.Summary.Warning + doc.Summary.Info
	_, errOut, code := runArgs("check", "--write-baseline", "../baseline.json", ".")
	require.Equal(t, exitOK, code, "writing a baseline succeeds whatever it records: %s", errOut)
	assert.Contains(t, errOut, "已将 "+strconv.Itoa(total)+" 条发现写入基线文件")
	var b baselineFile
	data, err := os.ReadFile("../baseline.json")
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, &b))
	require.Len(t, b.Findings, total, "one entry per finding")
	a301 := 0
	for _, e := range b.Findings {
		if e.Rule == "A301" {
			a301++
		}
	}
	require.Equal(t, 4, a301, "two A301 findings in each of two copies")
	assert.Equal(t, "reports/archive/old.txt", b.Findings[0].Path, "paths are relative to the baseline file")

	// Unchanged: nothing to report.
	out, _, code := runArgs("check", "--no-color", "--baseline", "../baseline.json", ".")
	assert.Equal(t, exitOK, code, out)
	assert.NotContains(t, out, "A301")

	// Move every line down: the findings are on other lines now, and
	// still baselined.
	src, err := os.ReadFile("broken.txt")
	require.NoError(t, err)
	before, _, _ := runArgs("check", "--no-color", "broken.txt")
	moved := "\n\n\n附：本报告经本机关审定后发布。\n\n" + string(src)
	require.NoError(t, os.WriteFile("broken.txt", []byte(moved), 0o644))
	after, _, _ := runArgs("check", "--no-color", "broken.txt")
	require.NotEqual(t, before, after, "the lines really moved")
	require.Contains(t, after, "A301")
	out, errOut, code = runArgs("check", "--no-color", "--baseline", "../baseline.json", ".")
	assert.Equal(t, exitOK, code, out)
	assert.NotContains(t, out, "A301")
	assert.Contains(t, errOut, strconv.Itoa(total)+" 条发现未列出")

	// A new problem in the same file is reported; the old ones are not.
	bad := strings.Replace(moved, "行政事业性收费\t1.25", "行政事业性收费\t-1.25", 1)
	require.NotEqual(t, moved, bad)
	require.NoError(t, os.WriteFile("broken.txt", []byte(bad), 0o644))
	out, _, code = runArgs("check", "--no-color", "--baseline", "../baseline.json", ".")
	assert.Equal(t, exitError, code, out)
	assert.Contains(t, out, "C203")
	assert.NotContains(t, out, "A301")

	// The same problems in a new file are new.
	require.NoError(t, os.WriteFile("copy.txt", src, 0o644))
	out, _, code = runArgs("check", "--no-color", "--baseline", "../baseline.json", "copy.txt")
	assert.Equal(t, exitError, code)
	assert.Equal(t, 2, strings.Count(out, "A301"))

	// From another directory the same baseline still applies.
	t.Chdir("..")
	out, _, code = runArgs("check", "--no-color", "--baseline", "baseline.json", filepath.Join("reports", "archive"))
	assert.Equal(t, exitOK, code, out)
}

func TestBaselineCountsOccurrences(t *testing.T) {
	dir := t.TempDir()
	f := rules.Finding{Rule: "C201", Severity: rules.Warning, Message: "same", Key: "k"}
	file := filepath.Join(dir, "b.json")
	_, _, err := writeBaseline(file, []checked{{Path: filepath.Join(dir, "r.txt"), Findings: []rules.Finding{f}}}, nil)
	require.NoError(t, err)
	bl, err := loadBaseline(file)
	require.NoError(t, err)
	out := []checked{{Path: filepath.Join(dir, "r.txt"), Findings: []rules.Finding{f, f}}}
	n, stale := bl.apply(out, nil)
	assert.Equal(t, 1, n)
	assert.Equal(t, 0, stale)
	assert.Len(t, out[0].Findings, 1, "one baselined occurrence hides one finding, not two")

	out = []checked{{Path: filepath.Join(dir, "r.txt")}}
	_, stale = bl.apply(out, nil)
	assert.Equal(t, 1, stale, "a fixed finding is counted as stale")
}

func TestBadBaselineExits2(t *testing.T) {
	configRepo(t, "")
	_, errOut, code := runArgs("check", "--baseline", "missing.json", "clean.txt")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, "missing.json")
	require.NoError(t, os.WriteFile("bad.json", []byte(`{"version":1,"findings":[{"fingerprint":1}]}`), 0o644))
	_, errOut, code = runArgs("check", "--baseline", "bad.json", "clean.txt")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, "bad.json")
	require.NoError(t, os.WriteFile("v2.json", []byte(`{"version":2,"tool":"reportlint","findings":[]}`), 0o644))
	_, errOut, code = runArgs("check", "--baseline", "v2.json", "clean.txt")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, "版本")
}

func locLine(n int) parser.Loc { return parser.Loc{Line: n, Column: 1} }
