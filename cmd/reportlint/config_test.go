package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/reportlint/reportlint/rules"
)

// The commented example in the README is this file; it must parse.
func TestConfigExample(t *testing.T) {
	data, err := os.ReadFile("testdata/config/example.reportlint.yaml")
	require.NoError(t, err)
	cfg, err := parseConfig("example.reportlint.yaml", data)
	require.NoError(t, err)
	assert.Equal(t, "error", cfg.FailOn)
	assert.True(t, cfg.Rules.Disabled["S103"])
	assert.Equal(t, rules.Error, cfg.Rules.Severity["C201"])
	assert.Equal(t, rules.Info, cfg.Rules.Severity["S106"], "a rule may be named instead of its ID")
	assert.Equal(t, []string{"archive/**", "*.draft.html", "README.txt"}, cfg.Ignore)
	assert.Equal(t, []kindPattern{{"government/**", "government"}, {"departments/**", "department"}}, cfg.Kinds)
}

func TestConfigEmpty(t *testing.T) {
	for _, s := range []string{"", "# only a comment\n", "---\n"} {
		cfg, err := parseConfig("c.yaml", []byte(s))
		require.NoError(t, err, "%q", s)
		assert.Empty(t, cfg.Rules.Disabled)
		assert.Empty(t, cfg.FailOn)
	}
}

func TestConfigErrorsNameTheLine(t *testing.T) {
	for _, tc := range []struct {
		yaml string
		line int
		want string
	}{
		{"fail-on: error\nrulez:\n  S103: off\n", 2, `未知的键 "rulez"`},
		{"rules:\n  S103: off\n  C201: fatal\n", 3, `"fatal" 无效`},
		{"rules:\n  Z999: off\n", 2, `未知的规则 "Z999"`},
		{"rules:\n  S103: [off]\n", 2, "规则 S103 的设置"},
		{"rules: off\n", 1, "rules 应当是"},
		{"fail-on: fatal\n", 1, `fail-on 的取值 "fatal" 无效`},
		{"ignore:\n  - ok/**\n  - \"[\"\n", 3, `路径模式 "[" 无效`},
		{"ignore:\n  - {a: b}\n", 2, "ignore 中的每一项"},
		{"kind:\n  - path: gov/**\n    kind: county\n", 3, `报告类型 "county" 无效`},
		{"kind:\n  - path: gov/**\n    knd: government\n", 3, `未知的键 "knd"`},
		{"kind:\n  - kind: government\n", 2, "缺少 path"},
		{"kind: government\n", 1, "kind 应当是列表"},
		{"fail-on: error\nfail-on: warning\n", 2, "重复"},
		{"- a\n- b\n", 1, "顶层应当是"},
	} {
		_, err := parseConfig("repo/.reportlint.yaml", []byte(tc.yaml))
		require.Error(t, err, "%q", tc.yaml)
		assert.Contains(t, err.Error(), "配置文件 repo/.reportlint.yaml 第"+strconv.Itoa(tc.line)+"行", "%q", tc.yaml)
		assert.Contains(t, err.Error(), tc.want, "%q", tc.yaml)
	}
	_, err := parseConfig("c.yaml", []byte("rules:\n  S103: off\n bad indent: [\n"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "配置文件 c.yaml 第2行: 不是有效的 YAML", "a YAML syntax error keeps the parser's line")
}

func TestMatchGlob(t *testing.T) {
	for _, tc := range []struct {
		pat, rel string
		want     bool
	}{
		{"archive/**", "archive/2019/a.html", true},
		{"archive/**", "archive", true},
		{"archive/**", "x/archive/a.html", false},
		{"archive", "x/archive/a.html", true},
		{"archive/", "archive/a.pdf", true},
		{"*.draft.html", "a/b/c.draft.html", true},
		{"*.draft.html", "a/b/c.html", false},
		{"README.txt", "docs/README.txt", true},
		{"departments/**/*.pdf", "departments/a/b/x.pdf", true},
		{"departments/**/*.pdf", "departments/x.pdf", true},
		{"departments/**/*.pdf", "departments/x.docx", false},
		{"./gov/*.html", "gov/a.html", true},
		{"gov/*.html", "gov/sub/a.html", false},
		{"**", "anything/at/all.txt", true},
		{"gov/**", "", false},
	} {
		assert.Equal(t, tc.want, matchGlob(tc.pat, tc.rel), "%s vs %s", tc.pat, tc.rel)
	}
}

func TestKindFor(t *testing.T) {
	dir := t.TempDir()
	cfg := &fileConfig{Dir: dir, Kinds: []kindPattern{{"gov/**", "government"}, {"**", "department"}}}
	assert.Equal(t, "government", cfg.kindFor(filepath.Join(dir, "gov", "2024.pdf")))
	assert.Equal(t, "department", cfg.kindFor(filepath.Join(dir, "other", "2024.pdf")))
	assert.Equal(t, "", cfg.kindFor("-"))
	assert.Equal(t, "", cfg.kindFor(filepath.Join(filepath.Dir(dir), "outside.pdf")), "outside the config's directory")
}

// configRepo makes a scratch report repository: the A301 fixture (one
// table3-balance error pair) under reports/, a clean report, and a
// .reportlint.yaml with the given text. It changes into reports/.
func configRepo(t *testing.T, yaml string) (root string) {
	t.Helper()
	broken, err := os.ReadFile(filepath.Join(fixturesRoot, "text", "A301-table3-balance.txt"))
	require.NoError(t, err)
	clean, err := os.ReadFile(cleanFixture)
	require.NoError(t, err)
	root = t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(root, "reports", "archive"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(root, "reports", "broken.txt"), broken, 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(root, "reports", "archive", "old.txt"), broken, 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(root, "reports", "clean.txt"), clean, 0o644))
	if yaml != "" {
		require.NoError(t, os.WriteFile(filepath.Join(root, configName), []byte(yaml), 0o644))
	}
	t.Chdir(filepath.Join(root, "reports"))
	return root
}

func TestConfigFoundWalkingUp(t *testing.T) {
	configRepo(t, "rules:\n  A301: off\nignore:\n  - reports/archive/**\n")
	out, _, code := runArgs("check", "--no-color", ".")
	assert.Equal(t, exitOK, code, out)
	assert.NotContains(t, out, "A301")
	assert.Contains(t, out, "检查了 2 个文件", "archive/ is ignored")
}

func TestConfigSeverityAndFailOn(t *testing.T) {
	configRepo(t, "rules:\n  A301: warning\n")
	out, _, code := runArgs("check", "--no-color", "broken.txt")
	assert.Equal(t, exitOK, code, "A301 lowered to warning: no error")
	assert.Contains(t, out, "warning A301")
	_, _, code = runArgs("check", "--fail-on", "warning", "broken.txt")
	assert.Equal(t, exitError, code, "--fail-on warning")
	_, _, code = runArgs("check", "--fail-on", "warning", "clean.txt")
	assert.Equal(t, exitOK, code)
	_, errOut, code := runArgs("check", "--fail-on", "fatal", "clean.txt")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, "--fail-on")
}

func TestConfigFailOnInFile(t *testing.T) {
	configRepo(t, "fail-on: warning\nrules:\n  A301: warning\n")
	_, _, code := runArgs("check", "broken.txt")
	assert.Equal(t, exitError, code)
	_, _, code = runArgs("check", "--fail-on", "error", "broken.txt")
	assert.Equal(t, exitOK, code, "the flag overrides the file")
}

func TestBadConfigExits2(t *testing.T) {
	root := configRepo(t, "rules:\n  A301: off\nignored:\n  - x\n")
	out, errOut, code := runArgs("check", "clean.txt")
	assert.Equal(t, exitUsage, code)
	assert.Empty(t, out)
	assert.Contains(t, errOut, filepath.Join(root, configName)+" 第3行")
	assert.Contains(t, errOut, `未知的键 "ignored"`)

	_, errOut, code = runArgs("check", "--config", "no-such.yaml", "clean.txt")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, "no-such.yaml")

	require.NoError(t, os.WriteFile("other.yaml", []byte("rules:\n  A301: off\n"), 0o644))
	_, _, code = runArgs("check", "--config", "other.yaml", "broken.txt")
	assert.Equal(t, exitOK, code, "--config replaces the file found by walking up")
}

// The configuration's kind decides the deadline rule M602: a department
// report published on 15 February is late (31 January), a government's is
// not (31 March).
func TestConfigKindReachesDeadlineRule(t *testing.T) {
	if rules.Lookup("M602") == nil {
		t.Skip("rule M602 is not registered in this build")
	}
	clean, err := os.ReadFile(cleanFixture)
	require.NoError(t, err)
	late := strings.Replace(string(clean), "2025年1月20日", "2025年2月15日", 1)
	require.NotEqual(t, string(clean), late, "the fixture's date line moved; update this test")
	root := t.TempDir()
	for _, d := range []string{"gov", "dept"} {
		require.NoError(t, os.MkdirAll(filepath.Join(root, d), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(root, d, "2024.txt"), []byte(late), 0o644))
	}
	require.NoError(t, os.WriteFile(filepath.Join(root, configName),
		[]byte("kind:\n  - path: gov/**\n    kind: 政府\n  - path: dept/**\n    kind: department\n"), 0o644))
	t.Chdir(root)
	out, _, _ := runArgs("check", "--no-color", "gov/2024.txt")
	assert.NotContains(t, out, "M602", "a government report is due 31 March")
	out, _, _ = runArgs("check", "--no-color", "dept/2024.txt")
	assert.Contains(t, out, "M602", "a department report is due 31 January")
}
