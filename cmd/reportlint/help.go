package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
)

// command is one subcommand: what the top-level help lists and what
// "reportlint NAME -h" prints around the flags of its FlagSet. A new
// command (serve, say) adds one entry to commands and builds its FlagSet
// with newFlagSet(NAME); parseInterleaved then prints its help.
type command struct {
	Name     string
	Args     string // after "reportlint NAME", e.g. "[选项] 路径..."
	Summary  string // one line for the top-level list
	Detail   string // a paragraph under the usage line (optional)
	Examples []string
	Run      func(args []string, stdout, stderr io.Writer) (int, error)
}

// commands lists every subcommand in the order the help shows them.
var commands []*command

func init() {
	commands = append(commands,
		&command{Name: "check", Args: "[选项] 路径...", Summary: "检查报告；路径可以是文件、目录（递归查找报告文件）或 -（标准输入）",
			Detail: "发现问题时退出码为 1（--exit-zero 时为 0），命令本身无法运行（选项错误、配置文件错误、没有找到任何报告文件）时为 2。",
			Examples: []string{
				"reportlint check reports/                              # 检查目录下的全部报告",
				"reportlint check --summary 汇总.xlsx --summary 汇总.html reports/   # 终端显示问题，同时写 Excel 和网页汇总",
				"reportlint check --baseline .reportlint-baseline.json --fail-on warning reports/",
			},
			Run: cmdCheck},
		&command{Name: "extract", Args: "[选项] 路径...", Summary: "输出从报告中读出的表二、表三、表四",
			Detail: "json 为每个文件一个对象（多个文件时为数组）；csv 为每个单元格一行，带 UTF-8 BOM、机关、年度和中文行列名称。\n" +
				"有文件无法读取时退出码为 1（stderr 上说明原因），命令本身无法运行时为 2。",
			Examples: []string{
				"reportlint extract 2024年报.pdf",
				"reportlint extract --format csv --output 数据.csv reports/",
			},
			Run: cmdExtract},
		&command{Name: "rules", Args: "[选项]", Summary: "列出全部规则：ID、名称、级别、说明",
			Examples: []string{"reportlint rules", "reportlint rules --format json"},
			Run:      func(args []string, stdout, _ io.Writer) (int, error) { return exitOK, cmdRules(args, stdout) }},
		&command{Name: "explain", Args: "规则ID", Summary: "说明一条规则：为什么、如何修正、示例",
			Examples: []string{"reportlint explain A301", "reportlint explain table3-balance"},
			Run:      func(args []string, stdout, _ io.Writer) (int, error) { return exitOK, cmdExplain(args, stdout) }},
		&command{Name: "version", Summary: "显示版本和构建所用的提交",
			Examples: []string{"reportlint version"},
			Run:      func(args []string, stdout, _ io.Writer) (int, error) { return exitOK, cmdVersion(args, stdout) }},
		&command{Name: "help", Args: "[命令]", Summary: "显示帮助；help check 显示 check 的选项",
			Examples: []string{"reportlint help check"},
			Run:      cmdHelp},
	)
}

// registerCommand adds a command (from its own file's init, e.g. serve):
// it is listed in the top-level help, run by name, and its help printed
// from the FlagSet it builds with newFlagSet(c.Name) and parseInterleaved.
func registerCommand(c *command) {
	for i, o := range commands {
		if o.Name == "help" { // help stays last
			commands = append(commands[:i], append([]*command{c}, commands[i:]...)...)
			return
		}
	}
	commands = append(commands, c)
}

// lookupCommand returns the command called name, or nil.
func lookupCommand(name string) *command {
	for _, c := range commands {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// newFlagSet makes the FlagSet of a command: errors are returned, not
// printed, and -h prints the command's help (see parseInterleaved).
func newFlagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	if flagSetMade != nil {
		flagSetMade(fs)
	}
	return fs
}

// flagSetMade, when set (tests), sees every FlagSet a command builds, so a
// test can check the help of every flag of every command.
var flagSetMade func(*flag.FlagSet)

func printUsage(w io.Writer) {
	fmt.Fprint(w, "reportlint — 政府信息公开工作年度报告检查工具（国办公开办函〔2021〕30号格式）\n\n用法:\n")
	width := 0
	for _, c := range commands {
		width = max(width, displayWidth(c.Name+" "+c.Args))
	}
	for _, c := range commands {
		s := c.Name + " " + c.Args
		fmt.Fprintf(w, "  reportlint %s%s   %s\n", s, strings.Repeat(" ", width-displayWidth(s)), c.Summary)
	}
	fmt.Fprint(w, `
运行 "reportlint 命令 -h" 查看该命令的选项，例如 reportlint check -h。
check 的退出码：0 没有错误级别的问题；1 有（文件无法读取也算）；2 命令本身无法运行（选项错误、给出的路径都不存在等）。

示例:
  reportlint check reports/
  reportlint check --format json --output 结果.json reports/
  reportlint explain A301
  reportlint serve --open   # 在浏览器中自查报告
`)
}

// printCommandHelp prints "reportlint NAME -h": usage, the flags with their
// values, defaults and allowed values, then examples.
func printCommandHelp(w io.Writer, fs *flag.FlagSet) {
	c := lookupCommand(fs.Name())
	if c == nil {
		c = &command{Name: fs.Name()}
	}
	fmt.Fprintf(w, "用法: %s\n\n", strings.TrimSpace("reportlint "+c.Name+" "+c.Args))
	if c.Summary != "" {
		fmt.Fprintln(w, c.Summary+"。")
	}
	if c.Detail != "" {
		fmt.Fprintln(w, c.Detail)
	}
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	if n > 0 {
		fmt.Fprint(w, "\n选项:\n")
		fs.VisitAll(func(f *flag.Flag) {
			head := "  --" + f.Name
			if p := placeholder(f); p != "" {
				head += " " + p
			}
			fmt.Fprintln(w, head)
			line := "        " + usageText(f)
			if e, ok := f.Value.(*enumFlag); ok {
				line += "。可用：" + strings.Join(e.allowed, "、")
			}
			if d := f.DefValue; d != "" && d != "false" && !strings.Contains(f.Usage, "默认") {
				line += "（默认：" + d + "）"
			}
			fmt.Fprintln(w, line)
		})
	}
	if len(c.Examples) > 0 {
		fmt.Fprint(w, "\n示例:\n")
		for _, e := range c.Examples {
			fmt.Fprintln(w, "  "+e)
		}
	}
}

// cmdHelp prints the top-level help, or a command's help with "help NAME".
func cmdHelp(args []string, stdout, _ io.Writer) (int, error) {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "-help" {
		printUsage(stdout)
		return exitOK, nil
	}
	c := lookupCommand(args[0])
	if c == nil {
		return exitUsage, usageError{fmt.Sprintf("没有命令 %q；运行 reportlint help 查看全部命令", args[0])}
	}
	return c.Run([]string{"-h"}, stdout, io.Discard)
}

// displayWidth counts a CJK character as two columns, for aligned help.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x1100 {
			n += 2
		} else {
			n++
		}
	}
	return n
}
