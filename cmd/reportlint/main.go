// Command reportlint checks Chinese government information-disclosure annual
// reports (政府信息公开工作年度报告) against the format of 国办公开办函〔2021〕30号.
//
//	reportlint check   [flags] PATH...   lint; PATH is a file, a directory (recursed), or - for stdin
//	reportlint extract [flags] PATH...   print the canonical tables read from each report
//	reportlint rules                     list every rule
//	reportlint explain ID                explain one rule
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
)

// Exit codes of rules.md §3.
const (
	exitOK    = 0
	exitError = 1
	exitUsage = 2
)

// usageError makes the command exit with code 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const usage = `reportlint — 政府信息公开工作年度报告检查工具

用法:
  reportlint check   [选项] 路径...   检查报告；路径可以是文件、目录（递归）或 -（标准输入）
  reportlint extract [选项] 路径...   输出从报告中读出的表二、表三、表四
  reportlint rules                    列出全部规则
  reportlint explain 规则ID           说明一条规则：为什么、如何修正、示例

运行 "reportlint check -h" 查看选项。
`

// run executes the command line and returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	var err error
	code := exitOK
	switch args[0] {
	case "check":
		code, err = cmdCheck(args[1:], stdout, stderr)
	case "extract":
		code, err = cmdExtract(args[1:], stdout, stderr)
	case "rules":
		err = cmdRules(args[1:], stdout)
	case "explain":
		err = cmdExplain(args[1:], stdout)
	case "worker": // hidden: one isolated checking process of a batch (pool.go)
		return cmdWorker(args[1:])
	case "version", "--version":
		err = cmdVersion(stdout)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
	default:
		err = usageError{fmt.Sprintf("未知的子命令 %q", args[0])}
	}
	if err != nil {
		fmt.Fprintln(stderr, "reportlint:", err)
		var ue usageError
		if errors.As(err, &ue) {
			return exitUsage
		}
		return exitUsage
	}
	return code
}
