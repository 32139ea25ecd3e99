package main

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/reportlint/reportlint/parser"
	"github.com/reportlint/reportlint/rules"
)

// annotation is the documented workflow command syntax
// (https://docs.github.com/actions/reference/workflow-commands-for-github-actions):
// ::error file={name},line={line},col={col},title={title}::{message}
// Property values may not hold a raw ',' ':' '%' or newline; the message may
// not hold a raw '%' or newline.
var annotation = regexp.MustCompile(`^::(error|warning|notice)` +
	`(?: (?:file=[^,:%\r\n]*(?:%(?:25|0D|0A|3A|2C)[^,:%\r\n]*)*` +
	`(?:,line=[1-9]\d*(?:,col=[1-9]\d*)?)?,)?title=[^,:%\r\n]+)` +
	`::(?:[^%\r\n]|%25|%0D|%0A)*$`)

var summaryLine = regexp.MustCompile(`^检查了 \d+ 个文件：\d+ 个错误，\d+ 个警告，\d+ 个提示$`)

func checkAnnotations(t *testing.T, out string) []string {
	t.Helper()
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	require.NotEmpty(t, lines)
	require.Regexp(t, summaryLine, lines[len(lines)-1])
	for _, l := range lines[:len(lines)-1] {
		require.Regexp(t, annotation, l)
	}
	return lines[:len(lines)-1]
}

func TestGitHubFixtures(t *testing.T) {
	args := append([]string{"check", "--format", "github"}, fixtureFiles(t)...)
	out, _, code := runArgs(args...)
	require.Contains(t, []int{exitOK, exitError}, code)
	lines := checkAnnotations(t, out)
	require.NotEmpty(t, lines, "the fixtures have findings")
	var n counts
	for _, l := range lines {
		switch {
		case strings.HasPrefix(l, "::error "):
			n.errors++
		case strings.HasPrefix(l, "::warning "):
			n.warnings++
		case strings.HasPrefix(l, "::notice "):
			n.infos++
		}
	}
	// One annotation per finding, severity for severity, as the summary
	// line counts them.
	summary := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	want := "检查了 " + strconv.Itoa(len(fixtureFiles(t))) + " 个文件：" + strconv.Itoa(n.errors) + " 个错误，" +
		strconv.Itoa(n.warnings) + " 个警告，" + strconv.Itoa(n.infos) + " 个提示"
	require.Equal(t, want, summary[len(summary)-1])
}

func TestGitHubEscapingAndPositions(t *testing.T) {
	out := []checked{
		{Path: "dir,a:b%/报告.html", Findings: []rules.Finding{
			{Rule: "A301", Severity: rules.Error, Message: "第一行\n第二行 100% 完成", Loc: parser.Loc{Line: 7, Column: 3}},
			{Rule: "S103", Severity: rules.Info, Message: "变体", Loc: parser.Loc{Line: 2}},
		}},
		{Path: "b.pdf", Findings: []rules.Finding{
			{Rule: "C201", Severity: rules.Warning, Message: "空白", Loc: parser.Loc{Page: 3, Line: 12}},
		}},
		{Path: "c.docx", Findings: []rules.Finding{
			{Rule: "C201", Severity: rules.Warning, Message: "空白", Loc: parser.Loc{Unit: "table-row", Line: 5, TableOrd: 2, RowOrd: 5, ColOrd: 3, Cell: 2}},
			{Rule: "S101", Severity: rules.Error, Message: "缺少"},
		}},
		{Path: "-", Findings: []rules.Finding{{Rule: "P001", Severity: rules.Error, Message: "读不了"}}},
	}
	var buf bytes.Buffer
	require.NoError(t, writeGitHub(&buf, out))
	lines := checkAnnotations(t, buf.String())
	require.Equal(t, []string{
		"::error file=dir%2Ca%3Ab%25/报告.html,line=7,col=3,title=A301::第一行%0A第二行 100%25 完成",
		"::notice file=dir%2Ca%3Ab%25/报告.html,line=2,title=S103::变体",
		"::warning file=b.pdf,title=C201::[第3页第12行] 空白",
		"::warning file=c.docx,title=C201::[第2个表格 第5行 第2格] 空白",
		"::error file=c.docx,title=S101::缺少",
		"::error title=P001::(标准输入) 读不了",
	}, lines)
}
