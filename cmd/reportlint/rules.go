package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/reportlint/reportlint/rules"
)

func cmdRules(args []string, w io.Writer) error {
	args, err := parseInterleaved(newFlagSet("rules"), args, w)
	if err != nil {
		return err
	}
	if len(args) > 0 {
		return usageError{"rules 不接受参数"}
	}
	for _, r := range rules.All() {
		fmt.Fprintf(w, "%s  %-26s %-8s %s\n", r.ID, r.Name, r.Severity, r.Summary)
	}
	return nil
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
	fmt.Fprintf(w, "%s %s（默认级别：%s）\n\n%s\n\n%s\n\n示例：\n%s\n", r.ID, r.Name, r.Severity, r.Summary, r.Doc, indent(r.Example))
	return nil
}

func indent(s string) string {
	lines := strings.Split(s, "\n")
	for i := range lines {
		lines[i] = "  " + lines[i]
	}
	return strings.Join(lines, "\n")
}
