package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/reportlint/reportlint/rules"
)

// cmdRules lists every rule: `rules` as text for people (ID, name,
// severity, Chinese title, summary), `rules --format json` for programs.
func cmdRules(args []string, w io.Writer) error {
	fs := newFlagSet("rules")
	format := enumFlag{value: "text", allowed: []string{"text", "json"}}
	fs.Var(&format, "format", "输出格式：text 供人阅读，json 供程序读取")
	args, err := parseInterleaved(fs, args, w)
	if err != nil {
		return err
	}
	if len(args) > 0 {
		return usageError{"rules 不接受参数"}
	}
	switch format.value {
	case "text":
		for _, r := range rules.All() {
			if _, err := fmt.Fprintf(w, "%s  %-26s %-8s 【%s】%s\n", r.ID, r.Name, r.Severity, r.Title, r.Summary); err != nil {
				return err
			}
		}
		return nil
	case "json":
		return writeRulesJSON(w)
	}
	return usageError{fmt.Sprintf("--format 的取值 %q 无效：应为 text 或 json", format.value)}
}

// jsonRule is one rule in `rules --format json`.
type jsonRule struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Title    string `json:"title"`
	Severity string `json:"severity"`
	Summary  string `json:"summary"`
	Doc      string `json:"doc"`
	Example  string `json:"example"`
}

func writeRulesJSON(w io.Writer) error {
	doc := struct {
		Version int        `json:"version"`
		Rules   []jsonRule `json:"rules"`
	}{Version: 1}
	for _, r := range rules.All() {
		doc.Rules = append(doc.Rules, jsonRule{ID: r.ID, Name: r.Name, Title: r.Title, Severity: string(r.Severity),
			Summary: r.Summary, Doc: r.Doc, Example: r.Example})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

func cmdExplain(args []string, w io.Writer) error {
	args, err := parseInterleaved(newFlagSet("explain"), args, w)
	if err != nil {
		return err
	}
	if len(args) != 1 {
		return usageError{"用法: reportlint explain 规则ID（例如 A301）"}
	}
	r := rules.Lookup(strings.ToUpper(strings.TrimSpace(args[0])))
	if r == nil {
		for _, c := range rules.All() {
			if c.Name == args[0] {
				r = c
			}
		}
	}
	if r == nil {
		return usageError{fmt.Sprintf("没有规则 %q；运行 reportlint rules 查看全部规则", args[0])}
	}
	fmt.Fprintf(w, "%s %s %s（默认级别：%s）\n\n%s\n\n%s\n\n示例：\n%s\n", r.ID, r.Title, r.Name, r.Severity, r.Summary, r.Doc, indent(r.Example))
	return nil
}

func indent(s string) string {
	lines := strings.Split(s, "\n")
	for i := range lines {
		lines[i] = "  " + lines[i]
	}
	return strings.Join(lines, "\n")
}
