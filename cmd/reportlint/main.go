// Command reportlint checks Chinese government information-disclosure annual
// reports (政府信息公开工作年度报告) against the format of 国办公开办函〔2021〕30号.
//
//	reportlint check   [flags] PATH...   lint; PATH is a file, a directory (recursed), or - for stdin
//	reportlint extract [flags] PATH...   print the canonical tables read from each report
//	reportlint rules                     list every rule
//	reportlint explain ID                explain one rule
//	reportlint version                   version and commit
//	reportlint help [COMMAND]            help, in Chinese, on stdout
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

// runNoArgs is what "reportlint" without arguments does: print the help to
// stdout. (On Windows a double-click starts it this way; the self-check
// page of "serve" is meant to take over here.)
var runNoArgs = func(stdout, stderr io.Writer) int {
	printUsage(stdout)
	return exitOK
}

// run executes the command line and returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		return runNoArgs(stdout, stderr)
	}
	var err error
	code := exitOK
	switch name := args[0]; name {
	case "-h", "--help", "-help":
		printUsage(stdout)
	case "--version", "-version":
		err = cmdVersion(nil, stdout)
	case "worker": // hidden: one isolated checking process of a batch (pool.go)
		return cmdWorker(args[1:])
	default:
		c := lookupCommand(name)
		if c == nil {
			err = usageError{fmt.Sprintf("未知的命令 %q；运行 reportlint help 查看全部命令", name)}
			break
		}
		code, err = c.Run(args[1:], stdout, stderr)
	}
	if errors.Is(err, errHelpShown) {
		return exitOK
	}
	if err != nil {
		fmt.Fprintln(stderr, "reportlint:", err)
		return exitUsage
	}
	return code
}
