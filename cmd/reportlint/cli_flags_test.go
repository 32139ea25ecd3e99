package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every way of asking for help prints Chinese usage with -- flags to
// stdout and exits 0; nothing goes to stderr.
func TestHelpOnStdout(t *testing.T) {
	for _, args := range [][]string{
		{"-h"}, {"--help"}, {"help"}, {"serve", "-h"}, // no arguments starts the self-check page (TestServeNoArguments)
		{"check", "-h"}, {"check", "--help"}, {"help", "check"},
		{"extract", "-h"}, {"rules", "-h"}, {"explain", "-h"}, {"version", "-h"},
		{"check", "reports/", "-h"},
	} {
		out, errOut, code := runArgs(args...)
		assert.Equal(t, exitOK, code, "%v", args)
		assert.Empty(t, errOut, "%v", args)
		assert.Contains(t, out, "用法", "%v", args)
		assert.NotContains(t, out, "Usage of", "%v", args)
		assert.NotRegexp(t, `(?m)^\s+-[a-z]`, out, "%v: flags are written with --", args)
	}
	top, _, _ := runArgs("help")
	for _, c := range commands {
		assert.Contains(t, top, "reportlint "+c.Name, "the top-level help lists %s", c.Name)
	}
	assert.Contains(t, top, "reportlint version")

	check, _, _ := runArgs("check", "-h")
	for _, want := range []string{
		"--format text|json|sarif|github|csv|html|xlsx", "可用：text、json", "--fail-on error|warning|info",
		"--exit-zero", "--summary 文件", "--roster 文件", "--baseline", "--write-baseline", "--jobs N",
		"--max-size 大小", "默认：64MB", "--timeout 时长", "默认：60s", "示例",
	} {
		assert.Contains(t, check, want)
	}
	extract, _, _ := runArgs("extract", "-h")
	assert.Contains(t, extract, "--format json|csv")
	assert.NotContains(t, extract, "--baseline", "extract has no baseline")
}

// Every flag of check and extract has a Chinese description and shows up
// in the help (a new flag without help text fails here).
func TestEveryFlagHasHelp(t *testing.T) {
	for _, name := range []string{"check", "extract"} {
		fs := newFlagSet(name)
		var cf commonFlags
		cf.register(fs, formatNames(), "text")
		if name == "check" {
			var kf checkFlags
			kf.register(fs)
		}
		out, _, _ := runArgs(name, "-h")
		fs.VisitAll(func(f *flag.Flag) {
			assert.NotEmpty(t, f.Usage, f.Name)
			assert.Contains(t, out, "--"+f.Name, "%s -h lists --%s", name, f.Name)
		})
	}
}

func TestBadFlagsNameWhatTheyExpect(t *testing.T) {
	cases := []struct {
		args []string
		want []string
	}{
		{[]string{"check", "--jobs", "0", cleanFixture}, []string{"--jobs", "1 或更大的整数"}},
		{[]string{"check", "--jobs", "-3", cleanFixture}, []string{"--jobs"}},
		{[]string{"check", "--jobs", "x", cleanFixture}, []string{"--jobs"}},
		{[]string{"check", "--timeout", "30", cleanFixture}, []string{"--timeout", "30s"}},
		{[]string{"check", "--timeout", "-1s", cleanFixture}, []string{"--timeout"}},
		{[]string{"check", "--max-size", "lots", cleanFixture}, []string{"--max-size", "10MB"}},
		{[]string{"check", "--format", "yaml", cleanFixture}, []string{"--format", "text、json"}},
		{[]string{"check", "--fail-on", "fatal", cleanFixture}, []string{"--fail-on", "error、warning、info"}},
		{[]string{"check", "--no-such-flag", cleanFixture}, []string{"--no-such-flag", "check -h"}},
		{[]string{"check", cleanFixture, "--output"}, []string{"--output", "需要一个值"}},
		{[]string{"extract", "--format", "xlsx", cleanFixture}, []string{"--format", "json、csv"}},
		{[]string{"check", "--summary", "a.pdf", cleanFixture}, []string{"--summary", ".xlsx"}},
		{[]string{"check", "--format", "json", "--output", "out.csv", cleanFixture}, []string{"--format json", "out.csv"}},
		{[]string{"frobnicate"}, []string{"frobnicate", "reportlint help"}},
	}
	for _, c := range cases {
		out, errOut, code := runArgs(c.args...)
		assert.Equal(t, exitUsage, code, "%v", c.args)
		assert.Empty(t, out, "%v", c.args)
		for _, w := range c.want {
			assert.Contains(t, errOut, w, "%v", c.args)
		}
		assert.NotContains(t, errOut, "invalid value", "%v: no English flag error", c.args)
	}
}

func TestSizeFlag(t *testing.T) {
	for in, want := range map[string]int64{"10MB": 10 << 20, "10mb": 10 << 20, "512KB": 512 << 10, "1GB": 1 << 30,
		"1048576": 1 << 20, "1.5MB": 3 << 19, "64MiB": 64 << 20, "10 MB": 10 << 20, "2m": 2 << 20} {
		n, err := parseSize(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, n, in)
	}
	for _, in := range []string{"", "0", "-1MB", "MB", "10XB", "1e30GB"} {
		_, err := parseSize(in)
		assert.Error(t, err, in)
	}
	assert.Equal(t, "64MB", formatSize(64<<20))
	// The limit is applied: a file over --max-size is a P001 finding.
	out, _, code := runArgs("check", "--format", "json", "--max-size", "1KB", cleanFixture)
	assert.Equal(t, exitError, code)
	assert.Contains(t, out, "P001")
}

func TestExitZero(t *testing.T) {
	broken := fixturesRoot + "/text/A301-table3-balance.txt"
	out, _, code := runArgs("check", "--no-color", "--exit-zero", broken)
	assert.Equal(t, exitOK, code)
	assert.Contains(t, out, "A301", "findings are still reported")
	_, _, code = runArgs("check", "--exit-zero", "--fail-on", "warning", broken)
	assert.Equal(t, exitOK, code)
	_, _, code = runArgs("check", "--exit-zero", "--format", "nope", broken)
	assert.Equal(t, exitUsage, code, "usage errors still exit 2")
}

func TestFailOnInfo(t *testing.T) {
	_, _, code := runArgs("check", fixturesRoot+"/text/S103-heading-variant.txt")
	assert.Equal(t, exitOK, code)
	_, _, code = runArgs("check", "--fail-on", "info", fixturesRoot+"/text/S103-heading-variant.txt")
	assert.Equal(t, exitError, code)
}

// --summary files are written beside the normal output, each says so on
// stderr, and the format follows the extension.
func TestSummaryBesideOutput(t *testing.T) {
	dir := t.TempDir()
	x, h, c := filepath.Join(dir, "汇总.xlsx"), filepath.Join(dir, "汇总.html"), filepath.Join(dir, "汇总.CSV")
	broken := fixturesRoot + "/text/A301-table3-balance.txt"
	out, errOut, code := runArgs("check", "--no-color", "--summary", x, "--summary", h, "--summary", c, broken, cleanFixture)
	assert.Equal(t, exitError, code)
	assert.Contains(t, out, "A301", "the findings still go to the terminal")
	for _, p := range []string{x, h, c} {
		assert.Contains(t, errOut, "已写入汇总 "+p)
	}
	data, err := os.ReadFile(x)
	require.NoError(t, err)
	assert.True(t, bytes.HasPrefix(data, []byte("PK\x03\x04")), "xlsx is a zip")
	data, err = os.ReadFile(h)
	require.NoError(t, err)
	assert.Contains(t, string(data), "<html")
	data, err = os.ReadFile(c)
	require.NoError(t, err)
	assert.True(t, bytes.HasPrefix(data, []byte("\ufeff")))
	entries, _ := os.ReadDir(dir)
	assert.Len(t, entries, 3, "no temporary files left behind")

	// The same file twice is refused before anything runs.
	_, errOut, code = runArgs("check", "--summary", x, "--output", x, cleanFixture)
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, "同时由 --output 和 --summary 指定")

	// --format from --output's extension when --format is not given.
	j := filepath.Join(dir, "r.json")
	_, errOut, code = runArgs("check", "--output", j, cleanFixture)
	assert.Equal(t, exitOK, code)
	assert.Contains(t, errOut, "已写入结果 "+j)
	data, _ = os.ReadFile(j)
	var doc jsonCheck
	require.NoError(t, json.Unmarshal(data, &doc), "written as JSON because of .json")
}

// Progress is drawn only on a terminal and never with CI set.
func TestProgress(t *testing.T) {
	var buf bytes.Buffer
	assert.Nil(t, newProgress(&buf, 1000), "a buffer is not a terminal")
	p := &progress{w: &buf, total: 100, start: time.Unix(0, 0)}
	now := time.Unix(10, 0)
	p.now = func() time.Time { return now }
	for range 50 {
		p.done()
	}
	assert.Equal(t, "已检查 50/100 个文件，每秒 5 个，预计还需 10s", p.line(now))
	assert.Contains(t, buf.String(), "\r已检查 1/100")
	p.finish()
	assert.True(t, strings.HasSuffix(buf.String(), "\r\x1b[K"), "the line is cleared")
	var nilp *progress
	nilp.done()
	nilp.finish()
	t.Setenv("CI", "true")
	assert.Nil(t, newProgress(os.Stderr, 1000))
}

// The configuration is found from the checked path, then from the working
// directory; --verbose says which one was used.
func TestConfigFromCheckedPath(t *testing.T) {
	root := configRepo(t, "rules:\n  A301: off\n")
	t.Chdir(t.TempDir()) // somewhere else entirely
	reports := filepath.Join(root, "reports")
	out, errOut, code := runArgs("check", "--no-color", "--verbose", reports)
	assert.Equal(t, exitOK, code, out)
	assert.NotContains(t, out, "A301")
	assert.Contains(t, errOut, "使用配置文件 "+filepath.Join(root, configName))
	// A file as the first path: its folder upward.
	out, _, code = runArgs("check", "--no-color", filepath.Join(reports, "broken.txt"))
	assert.Equal(t, exitOK, code, out)
	// A missing first path is skipped for discovery.
	_, errOut, _ = runArgs("check", "--verbose", filepath.Join(root, "nope.txt"), filepath.Join(reports, "broken.txt"))
	assert.Contains(t, errOut, "使用配置文件 "+filepath.Join(root, configName))
	// No config anywhere: --verbose says so.
	other := t.TempDir()
	_, errOut, _ = runArgs("check", "--verbose", "--exit-zero", other+"/../"+filepath.Base(other))
	assert.Contains(t, errOut, "没有找到配置文件")
}

// A baseline over all files survives a run over some of them: the others'
// entries are neither reported as gone nor dropped by --write-baseline.
func TestBaselinePartialRun(t *testing.T) {
	root := configRepo(t, "")
	t.Chdir(root)
	_, errOut, code := runArgs("check", "--write-baseline", ".reportlint-baseline.json", "reports")
	require.Equal(t, exitOK, code, errOut)
	full, err := os.ReadFile(".reportlint-baseline.json")
	require.NoError(t, err)
	var b baselineFile
	require.NoError(t, json.Unmarshal(full, &b))
	byPath := map[string]int{}
	for _, e := range b.Findings {
		byPath[e.Path]++
	}
	require.Positive(t, byPath["reports/broken.txt"])
	require.Positive(t, byPath["reports/archive/old.txt"])

	// pre-commit passes only the staged file: nothing is stale.
	out, errOut, code := runArgs("check", "--no-color", "--baseline", ".reportlint-baseline.json", "reports/clean.txt")
	assert.Equal(t, exitOK, code, out)
	assert.NotContains(t, errOut, "不再出现", "entries of files not checked are not gone")

	// From a subfolder, relative to the baseline file.
	t.Chdir(filepath.Join(root, "reports"))
	out, errOut, code = runArgs("check", "--no-color", "--baseline", "../.reportlint-baseline.json", "broken.txt")
	assert.Equal(t, exitOK, code, out)
	assert.NotContains(t, errOut, "不再出现")
	t.Chdir(root)

	// Rewriting over one file keeps the others.
	_, errOut, code = runArgs("check", "--write-baseline", ".reportlint-baseline.json", "reports/clean.txt")
	require.Equal(t, exitOK, code)
	assert.Contains(t, errOut, "另保留了本次未检查的文件的")
	again, err := os.ReadFile(".reportlint-baseline.json")
	require.NoError(t, err)
	assert.Equal(t, string(full), string(again), "nothing lost")

	// Fixing broken.txt and checking it: its entries are gone and counted.
	clean, _ := os.ReadFile("reports/clean.txt")
	require.NoError(t, os.WriteFile("reports/broken.txt", clean, 0o644))
	_, errOut, _ = runArgs("check", "--baseline", ".reportlint-baseline.json", "reports/broken.txt")
	assert.Contains(t, errOut, "不再出现")
	_, _, code = runArgs("check", "--write-baseline", ".reportlint-baseline.json", "reports/broken.txt")
	require.Equal(t, exitOK, code)
	data, _ := os.ReadFile(".reportlint-baseline.json")
	b = baselineFile{}
	require.NoError(t, json.Unmarshal(data, &b))
	for _, e := range b.Findings {
		assert.NotEqual(t, "reports/broken.txt", e.Path, "fixed file's entries dropped")
	}
	assert.Contains(t, string(data), "reports/archive/old.txt", "the other file's entries kept")

	// A deleted report under a walked folder: its entries are gone.
	require.NoError(t, os.Remove("reports/archive/old.txt"))
	_, errOut, _ = runArgs("check", "--baseline", ".reportlint-baseline.json", "reports")
	assert.Contains(t, errOut, "不再出现")
}

// Text from the checked files never becomes a spreadsheet formula.
func TestCSVInjection(t *testing.T) {
	row := csvSafe([]string{"=HYPERLINK(\"http://x\")", "@SUM(A1)", "+cmd", "-2+3", "-1.25", "+5", "12", "", "\tx", "青川县"})
	assert.Equal(t, []string{"'=HYPERLINK(\"http://x\")", "'@SUM(A1)", "'+cmd", "'-2+3", "-1.25", "+5", "12", "", "'\tx", "青川县"}, row)
	dir := t.TempDir()
	src, err := os.ReadFile(cleanFixture)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "=1+1.txt"), src, 0o644))
	t.Chdir(dir)
	out, _, _ := runArgs("check", "--format", "csv", "=1+1.txt")
	assert.Contains(t, out, "\n'=1+1.txt,")
}

// An output file that is one of the reports is refused before anything is
// written.
func TestOutputIsNotAnInput(t *testing.T) {
	dir := t.TempDir()
	src, err := os.ReadFile(cleanFixture)
	require.NoError(t, err)
	p := filepath.Join(dir, "a.html")
	require.NoError(t, os.WriteFile(p, src, 0o644))
	_, errOut, code := runArgs("check", "--summary", p, dir)
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, "写入会覆盖它")
	after, _ := os.ReadFile(p)
	assert.Equal(t, src, after)
	_, errOut, code = runArgs("check", "--output", dir, dir)
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, "是一个目录")
	_, errOut, code = runArgs("check", "--summary", filepath.Join(dir, "no", "x.xlsx"), dir)
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, "无法写入输出文件")
	// .sarif.json is SARIF, not JSON.
	s := filepath.Join(dir, "r.sarif.json")
	_, errOut, code = runArgs("check", "--format", "sarif", "--output", s, p)
	assert.Equal(t, exitOK, code, errOut)
}

// A command added from its own file (as serve is) gets the same help: it
// is listed at the top level and "NAME -h" prints its flags to stdout.
func TestRegisteredCommandHelp(t *testing.T) {
	saved := append([]*command{}, commands...)
	defer func() { commands = saved }()
	registerCommand(&command{Name: "demo", Args: "[选项]", Summary: "示范命令", Examples: []string{"reportlint demo --port 8080"},
		Run: func(args []string, stdout, stderr io.Writer) (int, error) {
			fs := newFlagSet("demo")
			fs.Int("port", 8080, "监听的端口")
			if _, err := parseInterleaved(fs, args, stdout); err != nil {
				return exitUsage, err
			}
			return exitOK, nil
		}})
	top, _, _ := runArgs("help")
	assert.Contains(t, top, "reportlint demo")
	assert.Less(t, strings.Index(top, "reportlint demo"), strings.Index(top, "reportlint help"), "help stays last")
	out, errOut, code := runArgs("demo", "-h")
	assert.Equal(t, exitOK, code)
	assert.Empty(t, errOut)
	assert.Contains(t, out, "--port")
	assert.Contains(t, out, "默认：8080")
	assert.Contains(t, out, "reportlint demo --port 8080")
	_, errOut, code = runArgs("demo", "--port", "x")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, "--port")
}
