package main

import (
	"flag"
	"fmt"
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/reportlint/reportlint/parser"
	"github.com/reportlint/reportlint/parser/load"
	"github.com/reportlint/reportlint/rules"
)

// The user documentation under docs/ that is generated from the code: the
// rules from the registry, the canonical keys from the canonical tables.
// Regenerate with: go test ./cmd/reportlint -run TestDocs -update
var generatedDocs = map[string]func() string{
	"../../docs/rules.md": rulesDoc,
	"../../docs/keys.md":  keysDoc,
}

func TestDocsAgreeWithTheCode(t *testing.T) {
	for path, gen := range generatedDocs {
		want := gen()
		if *update {
			require.NoError(t, os.WriteFile(path, []byte(want), 0o644))
			continue
		}
		got, err := os.ReadFile(path)
		require.NoError(t, err)
		assert.Equal(t, want, string(got), "%s is out of date: go test ./cmd/reportlint -run TestDocs -update", path)
	}
}

const generatedNote = "<!-- 本文件由 `go test ./cmd/reportlint -run TestDocs -update` 生成，请勿手工修改。 -->\n\n"

func rulesDoc() string {
	var b strings.Builder
	b.WriteString(generatedNote)
	b.WriteString("# 规则\n\nreportlint 的全部规则。`reportlint rules` 列出同样的内容，`reportlint explain ID` 显示一条规则的说明。\n" +
		"级别可以在 `.reportlint.yaml` 的 `rules:` 中修改或关闭（见 [README](../README.md#configuration-reportlintyaml)）。\n\n")
	b.WriteString("| ID | 规则 | 名称 | 默认级别 | 说明 |\n|---|---|---|---|---|\n")
	for _, r := range rules.All() {
		fmt.Fprintf(&b, "| [%s](#%s) | %s | `%s` | %s | %s |\n", r.ID, strings.ToLower(r.ID), r.Title, r.Name, severityNames[r.Severity], mdCell(r.Summary))
	}
	for _, r := range rules.All() {
		fmt.Fprintf(&b, "\n## %s\n\n%s（`%s`），默认级别：%s（`%s`）\n\n%s\n\n%s\n", r.ID, r.Title, r.Name, severityNames[r.Severity], r.Severity, r.Summary, strings.TrimSpace(r.Doc))
		if ex := strings.TrimSpace(r.Example); ex != "" {
			fmt.Fprintf(&b, "\n示例：\n\n```\n%s\n```\n", ex)
		}
	}
	return b.String()
}

func mdCell(s string) string { return strings.ReplaceAll(s, "|", "\\|") }

func keysDoc() string {
	var b strings.Builder
	b.WriteString(generatedNote)
	b.WriteString("# 表二、表三、表四的键\n\n" +
		"`extract --format json` 和 `check --format json` 中的 `table`、`row`、`col` 用下面的键表示单元格；" +
		"`extract --format csv` 把键和中文名称并排列出。表三每一行、表四每一组在 JSON 中是按下列列顺序排列的数组；" +
		"空白或占位符（/、-、无）的单元格是 `null`，不是 0。\n")
	table := func(id parser.TableID) {
		fmt.Fprintf(&b, "\n## %s\n\n", parser.TableName(id))
		defs := parser.RowDefs(id)
		if id != parser.Table2 {
			b.WriteString("列（数组顺序）：\n\n| 序号 | 列键 | 列 |\n|---|---|---|\n")
			for i, c := range defs[0].Cols {
				fmt.Fprintf(&b, "| %d | `%s` | %s |\n", i, c.Key, c.Label)
			}
			b.WriteString("\n")
		}
		b.WriteString("| 行键 | 行 | ")
		if id == parser.Table2 {
			b.WriteString("列键：列 | ")
		}
		b.WriteString("格式版本 |\n|---|---|---|")
		if id == parser.Table2 {
			b.WriteString("---|")
		}
		b.WriteString("\n")
		for _, d := range defs {
			layout := "2019、2021"
			if d.Layout != "" {
				layout = string(d.Layout)
			}
			fmt.Fprintf(&b, "| `%s` | %s | ", d.Key, mdCell(d.FullLabel()))
			if id == parser.Table2 {
				var cs []string
				for _, c := range d.Cols {
					cs = append(cs, fmt.Sprintf("`%s`：%s", c.Key, c.Label))
				}
				b.WriteString(strings.Join(cs, "；") + " | ")
			}
			b.WriteString(layout + " |\n")
		}
	}
	for _, id := range parser.TableIDs() {
		table(id)
	}
	return b.String()
}

// Every field of the JSON outputs is documented in docs/output.md.
func TestOutputDocNamesEveryJSONField(t *testing.T) {
	doc, err := os.ReadFile("../../docs/output.md")
	require.NoError(t, err)
	for _, v := range []any{jsonCheck{}, jsonFile{}, jsonFinding{}, jsonLocation{}, jsonSummary{}, Extract{}, baselineFile{}, baselineEntry{}} {
		rt := reflect.TypeOf(v)
		for i := range rt.NumField() {
			name := strings.Split(rt.Field(i).Tag.Get("json"), ",")[0]
			if name == "" || name == "-" {
				continue
			}
			assert.Contains(t, string(doc), "`"+name+"`", "docs/output.md documents %s.%s", rt.Name(), name)
		}
	}
	csvDoc := string(doc)[strings.Index(string(doc), "### 问题表格"):]
	for _, c := range findingColumns {
		assert.Contains(t, csvDoc[:strings.Index(csvDoc, "### Excel")], c, "check CSV column %s", c)
	}
	for _, c := range extractCSVColumns {
		assert.Contains(t, string(doc), c, "extract CSV column %s", c)
	}
	for _, s := range []string{sheetSummary, sheetFindings, sheetData, sheetRules, sheetMissing} {
		assert.Contains(t, string(doc), s)
	}
	for _, f := range outputFormats {
		assert.Contains(t, string(doc), "`"+f.Name+"`", "output format %s", f.Name)
	}
}

// The README names every flag of check and extract, pins pre-commit to a
// commit (the repository has no tags), and never points outside the
// repository.
func TestReadmeMatchesTheBinary(t *testing.T) {
	data, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	readme := string(data)
	fs := newFlagSet("check")
	var cf commonFlags
	cf.register(fs, formatNames(), "text")
	var kf checkFlags
	kf.register(fs)
	fs.VisitAll(func(f *flag.Flag) {
		assert.Contains(t, readme, "`--"+f.Name, "README documents --%s", f.Name)
	})
	for _, f := range outputFormats {
		assert.Contains(t, readme, "`"+f.Name+"`", "README names output format %s", f.Name)
	}
	revs := regexp.MustCompile(`(?m)^\s*rev:\s*(\S+)`).FindAllStringSubmatch(readme, -1)
	require.NotEmpty(t, revs, "the pre-commit example has a rev")
	for _, m := range revs {
		assert.Regexp(t, `^[0-9a-f]{40}$`, m[1], "pre-commit rev is a full commit hash, not a tag that does not exist")
	}
	assert.NotContains(t, readme, "../shared")
	assert.NotContains(t, readme, "shared/spec")
	assert.Contains(t, readme, "exits with code 1\non purpose")

	// The commands block lists every command.
	for _, c := range commands {
		assert.Regexp(t, `(?m)^reportlint `+c.Name+` `, readme, "README's commands block lists %s", c.Name)
	}
	// The rules table has a row for every rule of the registry.
	for _, r := range rules.All() {
		assert.Regexp(t, `(?m)^\| `+r.ID+` \| `+regexp.QuoteMeta(r.Name)+` \| `, readme, "README's rules table lists %s", r.ID)
	}
	// The serve table names every flag of serve.
	var serveFS *flag.FlagSet
	flagSetMade = func(fs *flag.FlagSet) { serveFS = fs }
	runArgs("serve", "-h")
	flagSetMade = nil
	require.NotNil(t, serveFS)
	serveFS.VisitAll(func(f *flag.Flag) {
		assert.Contains(t, readme, "`--"+f.Name, "README documents serve --%s", f.Name)
	})
	// The pre-commit section names every extension the hook passes on.
	i := strings.Index(readme, "### pre-commit")
	require.True(t, i >= 0, "README has a pre-commit section")
	pc := readme[i:]
	pc = pc[:strings.Index(pc[4:], "\n### ")+4]
	for _, ext := range load.ReadExtensions() {
		assert.Contains(t, pc, "`"+ext+"`", "README's pre-commit section names %s", ext)
	}
	// The paragraph on directory walks names every extension discovered.
	j := strings.Index(readme, "Directories are walked recursively")
	require.True(t, j >= 0, "README says which files a directory walk picks up")
	walk := readme[j : j+strings.Index(readme[j:], "\n\n")]
	for _, ext := range load.Extensions() {
		assert.Contains(t, walk, ext, "README's directory-walk paragraph names %s", ext)
	}
	// The commented configuration example is the one TestConfigExample parses.
	example, err := os.ReadFile("testdata/config/example.reportlint.yaml")
	require.NoError(t, err)
	assert.Contains(t, readme, "```yaml\n"+string(example)+"```", "README's .reportlint.yaml example is testdata/config/example.reportlint.yaml")
}

// The first screen of the README shows what the sample command prints,
// line for line, and the run exits 1 as the README says.
func TestReadmeSampleRun(t *testing.T) {
	data, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	m := regexp.MustCompile("(?s)```\n\\$ go run \\./cmd/reportlint (check [^\n]+)\n(.*?)```").FindSubmatch(data)
	require.NotNil(t, m, "README opens with a sample run")
	t.Chdir("../..")
	out, errOut, code := runArgs(strings.Fields(string(m[1]))...)
	assert.Equal(t, exitError, code, "the sample exits 1 on purpose")
	assert.Equal(t, string(m[2]), out+errOut, "README's sample output is what the binary prints")
}
