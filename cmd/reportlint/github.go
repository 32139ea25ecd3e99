package main

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/reportlint/reportlint/rules"
)

// GitHub Actions workflow commands (check --format github): one line per
// finding, "::error file=F,line=L,col=C,title=ID::message", with ::warning
// for warnings and ::notice for info, then the usual summary line as plain
// log output.

// githubCommand maps a severity to its workflow command.
func githubCommand(s rules.Severity) string {
	switch s {
	case rules.Error:
		return "error"
	case rules.Warning:
		return "warning"
	}
	return "notice"
}

// escapeData escapes a workflow command's message as @actions/core does.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a workflow command's property value.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// writeGitHub prints the findings as GitHub Actions annotations. File paths
// are relative to the working directory (the checkout root in Actions).
// Lines are given only for text and HTML, where they are lines of the file;
// PDF and DOCX positions go into the message ("[第3页第12行] …").
func writeGitHub(w io.Writer, out []checked) error {
	cwd, err := os.Getwd()
	if err != nil {
		return fmt.Errorf("无法确定当前目录: %w", err)
	}
	for _, c := range out {
		file := ""
		if c.Path != "-" {
			file = relPath(cwd, c.Path)
		}
		for _, f := range c.Findings {
			var props []string
			if file != "" {
				props = append(props, "file="+escapeProperty(file))
				if line, col, ok := f.Loc.FilePos(); ok {
					props = append(props, "line="+strconv.Itoa(line))
					if col > 0 {
						props = append(props, "col="+strconv.Itoa(col))
					}
				}
			}
			props = append(props, "title="+escapeProperty(f.Rule))
			msg := f.Message
			if _, _, ok := f.Loc.FilePos(); !ok && f.Where() != "" {
				msg = "[" + f.Where() + "] " + msg
			}
			if c.Path == "-" {
				msg = "(标准输入) " + msg
			}
			if _, err := fmt.Fprintf(w, "::%s %s::%s\n", githubCommand(f.Severity), strings.Join(props, ","), escapeData(msg)); err != nil {
				return err
			}
		}
	}
	n := count(out)
	_, err = fmt.Fprintf(w, "检查了 %d 个文件：%d 个错误，%d 个警告，%d 个提示\n", len(out), n.errors, n.warnings, n.infos)
	return err
}
