package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/reportlint/reportlint/parser"
)

// commonFlags are the flags check and extract share.
type commonFlags struct {
	format   string
	config   string
	previous string
	jobs     int
	noColor  bool
	maxSize  int64
	timeout  time.Duration
	output   string
}

func (c *commonFlags) register(fs *flag.FlagSet, defFormat string) {
	fs.StringVar(&c.format, "format", defFormat, "输出格式")
	fs.StringVar(&c.config, "config", "", "配置文件（默认从当前目录向上查找 .reportlint.yaml）")
	fs.StringVar(&c.previous, "previous", "", "同一机关上一年度的报告，用于跨年度核对")
	fs.IntVar(&c.jobs, "jobs", 0, "并行检查的文件数（默认为 CPU 核数）")
	fs.BoolVar(&c.noColor, "no-color", false, "不使用颜色")
	fs.Int64Var(&c.maxSize, "max-size", parser.DefaultOptions().MaxBytes, "单个文件的大小上限（字节）")
	fs.DurationVar(&c.timeout, "timeout", parser.DefaultOptions().Timeout, "单个文件的读取时间上限")
	fs.StringVar(&c.output, "output", "", "把结果写入该文件（默认写到标准输出；xlsx 格式必须指定）")
}

func (c *commonFlags) options() parser.Options {
	o := parser.DefaultOptions()
	o.MaxBytes = c.maxSize
	o.Timeout = c.timeout
	return o
}

// parseInterleaved parses flags that may come before or after the paths
// ("check dir --format json"). "--" ends flag parsing.
func parseInterleaved(fs *flag.FlagSet, args []string, stderr io.Writer) ([]string, error) {
	fs.SetOutput(stderr)
	var paths []string
	for {
		if err := fs.Parse(args); err != nil {
			if err == flag.ErrHelp {
				return nil, usageError{"（以上为可用选项）"}
			}
			return nil, usageError{err.Error()}
		}
		rest := fs.Args()
		if len(rest) == 0 {
			break
		}
		if rest[0] == "--" {
			paths = append(paths, rest[1:]...)
			break
		}
		paths = append(paths, rest[0])
		args = rest[1:]
	}
	return paths, nil
}

func oneOf(v string, allowed ...string) error {
	for _, a := range allowed {
		if v == a {
			return nil
		}
	}
	return usageError{fmt.Sprintf("--format 的取值 %q 无效，可用: %s", v, strings.Join(allowed, ", "))}
}

// checkFlags are the flags only check has.
type checkFlags struct {
	failOn        string
	baseline      string
	writeBaseline string
}

func (c *checkFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&c.failOn, "fail-on", "", "以什么级别的发现为失败（退出码 1）: error（默认）或 warning；覆盖配置文件的 fail-on")
	fs.StringVar(&c.baseline, "baseline", "", "基线文件：只报告其中没有记录的发现")
	fs.StringVar(&c.writeBaseline, "write-baseline", "", "把本次的全部发现写入基线文件（退出码为 0）")
}
