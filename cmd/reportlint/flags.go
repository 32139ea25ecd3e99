package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/reportlint/reportlint/parser"
)

// commonFlags are the flags check and extract share.
type commonFlags struct {
	format   enumFlag
	config   string
	previous string
	jobs     jobsFlag
	noColor  bool
	maxSize  sizeFlag
	timeout  durationFlag
	output   string
	verbose  bool
}

func (c *commonFlags) register(fs *flag.FlagSet, formats []string, defFormat string) {
	c.format = enumFlag{value: defFormat, allowed: formats}
	fs.Var(&c.format, "format", "输出格式")
	fs.StringVar(&c.config, "config", "", "配置文件（默认：从第一个要检查的路径所在目录向上查找 .reportlint.yaml，找不到再从当前目录向上查找）")
	if fs.Name() == "check" {
		fs.StringVar(&c.previous, "previous", "", "同一机关上一年度的报告文件，用于跨年度核对（不给时，目录中同一机关相邻年度的报告自动配对）")
	}
	fs.Var(&c.jobs, "jobs", "同时读取的文件数，至少为 1（默认：CPU 核数）")
	fs.BoolVar(&c.noColor, "no-color", false, "不使用颜色（只在终端上使用颜色；设置了 NO_COLOR 时也不用）")
	c.maxSize = sizeFlag(parser.DefaultOptions().MaxBytes)
	fs.Var(&c.maxSize, "max-size", "单个文件的大小上限，可带单位：KB、MB、GB（1MB = 1024KB）；更大的文件得到 P001")
	c.timeout = durationFlag(parser.DefaultOptions().Timeout)
	fs.Var(&c.timeout, "timeout", "单个文件的处理时间上限，例如 30s、2m；超时的文件得到 P001")
	fs.StringVar(&c.output, "output", "", "把结果写入该文件而不是标准输出；文件扩展名须与格式一致")
	fs.BoolVar(&c.verbose, "verbose", false, "在标准错误上说明使用了哪个配置文件等细节")
}

func (c *commonFlags) options() parser.Options {
	o := parser.DefaultOptions()
	o.MaxBytes = int64(c.maxSize)
	o.Timeout = time.Duration(c.timeout)
	return o
}

// errHelpShown is returned by parseInterleaved after the help text was
// printed: the command exits 0.
var errHelpShown = errors.New("help printed")

// parseInterleaved parses flags that may come before or after the paths
// ("check dir --format json"). "--" ends flag parsing. -h/--help print the
// command's help to stdout and return errHelpShown. Errors name the flag
// and what it expects, in Chinese.
func parseInterleaved(fs *flag.FlagSet, args []string, stdout io.Writer) ([]string, error) {
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	var repeated *onceValue
	restore := func() {}
	if onceCommands[fs.Name()] {
		restore = guardRepeats(fs, &repeated)
	}
	defer restore()
	var paths []string
	for {
		if err := fs.Parse(args); err != nil {
			restore() // the help and flagError look at the flags' own values
			if err == flag.ErrHelp {
				printCommandHelp(stdout, fs)
				return nil, errHelpShown
			}
			if repeated != nil {
				return nil, usageError{fmt.Sprintf("选项 --%s 只能指定一次（给了 %q 和 %q）；要用哪个值就只写哪一次", repeated.name, repeated.first, repeated.second)}
			}
			return nil, usageError{flagError(fs, err)}
		}
		rest := fs.Args()
		if endedByDashes(fs, args, rest) {
			// fs.Parse stopped at a "--" and dropped it: everything
			// after it is a path, even what looks like a flag
			paths = append(paths, rest...)
			break
		}
		if len(rest) == 0 {
			break
		}
		paths = append(paths, rest[0])
		args = rest[1:]
	}
	return paths, nil
}

// onceCommands are the commands whose single-value options may be given
// only once: a second --roster or --year would otherwise silently win.
// Boolean flags and repeatable ones (listFlag: --summary) may repeat.
var onceCommands = map[string]bool{"check": true, "extract": true}

// onceValue wraps a single-value flag while parseInterleaved runs: its
// second Set fails and records which flag it was (in *seen).
type onceValue struct {
	flag.Value
	name          string
	first, second string
	set           bool
	seen          **onceValue
}

func (o *onceValue) Set(s string) error {
	if o.set {
		o.second = s
		*o.seen = o
		return errors.New("given twice")
	}
	o.set, o.first = true, s
	return o.Value.Set(s)
}

// guardRepeats wraps every single-value flag of fs in a onceValue that
// reports into *seen, and returns the function that puts the original
// values back (the help and the commands type-assert them).
func guardRepeats(fs *flag.FlagSet, seen **onceValue) func() {
	var wrapped []*flag.Flag
	fs.VisitAll(func(f *flag.Flag) {
		if _, ok := f.Value.(*listFlag); ok {
			return
		}
		if isBoolFlag(f.Value) {
			return
		}
		f.Value = &onceValue{Value: f.Value, name: f.Name, seen: seen}
		wrapped = append(wrapped, f)
	})
	return func() {
		for _, f := range wrapped {
			if o, ok := f.Value.(*onceValue); ok {
				f.Value = o.Value
			}
		}
	}
}

// endedByDashes reports whether fs.Parse(args), leaving rest, stopped
// at a "--" (which the flag package consumes) rather than at a path. The
// argument just before rest is then "--", and not as the value of a flag
// ("--output --").
func endedByDashes(fs *flag.FlagSet, args, rest []string) bool {
	i := len(args) - len(rest) - 1 // the last argument Parse consumed
	if i < 0 || args[i] != "--" {
		return false
	}
	return i == 0 || !takesValue(fs, args[i-1])
}

// takesValue reports whether arg is a flag that takes the argument after
// it as its value ("--output", but not "--output=x" or "--verbose").
func takesValue(fs *flag.FlagSet, arg string) bool {
	name, ok := strings.CutPrefix(arg, "-")
	if !ok || name == "" || name == "-" {
		return false
	}
	name = strings.TrimPrefix(name, "-")
	if strings.Contains(name, "=") {
		return false
	}
	f := fs.Lookup(name)
	return f != nil && !isBoolFlag(f.Value)
}

// isBoolFlag reports whether a flag takes no value (--verbose).
func isBoolFlag(v flag.Value) bool {
	b, ok := v.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

var (
	reUndefined = regexp.MustCompile(`^flag provided but not defined: -+(.*)$`)
	reNeedsArg  = regexp.MustCompile(`^flag needs an argument: -+(.*)$`)
	reBadValue  = regexp.MustCompile(`^invalid (?:boolean )?value "(.*)" for flag -+([^:]*): (.*)$`)
)

// flagError turns the flag package's English error into Chinese that names
// the flag and what it expects.
func flagError(fs *flag.FlagSet, err error) string {
	s := err.Error()
	hint := fmt.Sprintf("运行 reportlint %s -h 查看全部选项", fs.Name())
	if m := reUndefined.FindStringSubmatch(s); m != nil {
		return fmt.Sprintf("%s 没有选项 --%s；%s", fs.Name(), m[1], hint)
	}
	if m := reNeedsArg.FindStringSubmatch(s); m != nil {
		return fmt.Sprintf("选项 --%s 需要一个值：%s", m[1], expects(fs.Lookup(m[1])))
	}
	if m := reBadValue.FindStringSubmatch(s); m != nil {
		f := fs.Lookup(m[2])
		return fmt.Sprintf("选项 --%s 的值 %q 无效：%s", m[2], m[1], expects(f))
	}
	return s + "；" + hint
}

// expects says in words what a flag's value must be.
func expects(f *flag.Flag) string {
	if f == nil {
		return "见 -h"
	}
	if d, ok := f.Value.(describer); ok {
		return d.expects()
	}
	if isBoolFlag(f.Value) {
		return "true 或 false（也可以只写 --" + f.Name + "）"
	}
	switch p := placeholder(f); p {
	case "数量":
		return "应为整数，例如 4"
	case "地址":
		return "应为 主机:端口，例如 127.0.0.1:8080"
	case "文件":
		return "应为文件路径"
	default:
		return "应为" + p
	}
}

// describer is a flag value that says what it accepts (for errors and help).
type describer interface {
	expects() string
	placeholder() string
}

// placeholder is the word shown after a flag in the help ("--timeout 时长"):
// the flag type's own word, a `back-quoted` word in the usage (as in
// flag.UnquoteUsage: "监听`地址`"), then one from the value's type. Plain
// string flags are file names unless their usage names another word.
func placeholder(f *flag.Flag) string {
	if d, ok := f.Value.(describer); ok {
		return d.placeholder()
	}
	if isBoolFlag(f.Value) {
		return ""
	}
	if l, ok := f.Value.(*listFlag); ok {
		return l.meta
	}
	if i := strings.Index(f.Usage, "`"); i >= 0 {
		if j := strings.Index(f.Usage[i+1:], "`"); j > 0 {
			return f.Usage[i+1 : i+1+j]
		}
	}
	if g, ok := f.Value.(flag.Getter); ok {
		switch g.Get().(type) {
		case int, int64, uint, uint64:
			return "数量"
		case float64:
			return "数值"
		case time.Duration:
			return "时长"
		}
	}
	return "文件"
}

// usageText is a flag's usage as the help prints it: back-quotes marking
// the placeholder word are dropped.
func usageText(f *flag.Flag) string { return strings.ReplaceAll(f.Usage, "`", "") }

// enumFlag accepts one of a fixed list of values.
type enumFlag struct {
	value   string
	allowed []string
	set     bool
}

func (e *enumFlag) String() string { return e.value }
func (e *enumFlag) Set(s string) error {
	for _, a := range e.allowed {
		if s == a {
			e.value, e.set = s, true
			return nil
		}
	}
	return errors.New("not allowed")
}
func (e *enumFlag) expects() string     { return "可用的值：" + strings.Join(e.allowed, "、") }
func (e *enumFlag) placeholder() string { return strings.Join(e.allowed, "|") }

// jobsFlag is a number of parallel jobs: 1 or more (0 means "as many as cores"
// only as the default).
type jobsFlag int

func (j *jobsFlag) String() string {
	if *j == 0 {
		return ""
	}
	return strconv.Itoa(int(*j))
}
func (j *jobsFlag) Set(s string) error {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 1 {
		return errors.New("not a positive integer")
	}
	*j = jobsFlag(n)
	return nil
}
func (j *jobsFlag) expects() string     { return "应为 1 或更大的整数" }
func (j *jobsFlag) placeholder() string { return "N" }

// yearFlag is a report year (--year): four digits.
type yearFlag int

func (y *yearFlag) String() string {
	if *y == 0 {
		return ""
	}
	return strconv.Itoa(int(*y))
}
func (y *yearFlag) Set(s string) error {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 1990 || n > 2999 {
		return errors.New("not a year")
	}
	*y = yearFlag(n)
	return nil
}
func (y *yearFlag) expects() string     { return "应为四位数的年份，例如 2024" }
func (y *yearFlag) placeholder() string { return "N" }

// durationFlag is a time.Duration written like 30s, 2m or 1m30s.
type durationFlag time.Duration

func (d *durationFlag) String() string {
	v := time.Duration(*d)
	if v > 0 && v%time.Second == 0 {
		return fmt.Sprintf("%ds", v/time.Second)
	}
	return v.String()
}
func (d *durationFlag) Set(s string) error {
	v, err := time.ParseDuration(strings.TrimSpace(s))
	if err != nil || v <= 0 {
		return errors.New("not a duration")
	}
	*d = durationFlag(v)
	return nil
}
func (d *durationFlag) expects() string {
	return "应为正的时长，带单位，例如 30s（30 秒）、2m（2 分钟）、1m30s"
}
func (d *durationFlag) placeholder() string { return "时长" }

// sizeFlag is a number of bytes, written with or without a unit (10MB,
// 512KB, 1GB, 1048576). KB/MB/GB are binary multiples, as in file managers.
type sizeFlag int64

var sizeUnits = []struct {
	suffix string
	mult   int64
}{
	{"kib", 1 << 10}, {"mib", 1 << 20}, {"gib", 1 << 30},
	{"kb", 1 << 10}, {"mb", 1 << 20}, {"gb", 1 << 30},
	{"k", 1 << 10}, {"m", 1 << 20}, {"g", 1 << 30}, {"b", 1},
}

func (z *sizeFlag) String() string { return formatSize(int64(*z)) }
func (z *sizeFlag) Set(s string) error {
	n, err := parseSize(s)
	if err != nil {
		return err
	}
	*z = sizeFlag(n)
	return nil
}
func (z *sizeFlag) expects() string {
	return "应为正的大小，可带单位 KB、MB、GB，例如 10MB、512KB、1GB（不带单位时为字节数）"
}
func (z *sizeFlag) placeholder() string { return "大小" }

func parseSize(s string) (int64, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range sizeUnits {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.mult
			break
		}
	}
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || v <= 0 || v*float64(mult) > float64(1<<50) {
		return 0, errors.New("not a size")
	}
	return int64(v * float64(mult)), nil
}

func formatSize(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%dGB", n>>30)
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%dMB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%dKB", n>>10)
	}
	return strconv.FormatInt(n, 10)
}

// listFlag collects every occurrence of a repeatable flag.
type listFlag struct {
	values []string
	meta   string
}

func (l *listFlag) String() string { return strings.Join(l.values, ",") }
func (l *listFlag) Set(s string) error {
	l.values = append(l.values, s)
	return nil
}

// checkFlags are the flags only check has.
type checkFlags struct {
	failOn        enumFlag
	exitZero      bool
	baseline      string
	writeBaseline string
	summary       listFlag
	roster        string
	year          yearFlag
}

func (c *checkFlags) register(fs *flag.FlagSet) {
	c.failOn = enumFlag{value: "", allowed: []string{"error", "warning", "info"}}
	fs.Var(&c.failOn, "fail-on", "以什么级别的发现为失败（退出码 1）；覆盖配置文件的 fail-on（默认：error）")
	fs.BoolVar(&c.exitZero, "exit-zero", false, "照常报告，但发现问题时退出码仍为 0（首次在 CI 中使用时）")
	fs.StringVar(&c.baseline, "baseline", "", "基线文件：只报告其中没有记录的发现")
	fs.StringVar(&c.writeBaseline, "write-baseline", "", "把本次检查的文件的发现写入基线文件（其他文件的记录保留；退出码为 0）")
	c.summary = listFlag{meta: "文件"}
	fs.Var(&c.summary, "summary", "另外写一份汇总文件，格式由扩展名决定："+summaryExtHelp()+"；可重复")
	fs.StringVar(&c.roster, "roster", "", "应报送单位名单（文本文件每行一个，或 CSV/XLSX 中表头为“单位名称”等的一列，没有表头时取第一个不全是序号的列）：汇总中列出未报送的单位和名单外的报告")
	fs.Var(&c.year, "year", "与 --roster 名单比对的报告年度，例如 2024（默认：本次检查中最近的报告年度）")
}
