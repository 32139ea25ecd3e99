package main

import (
	"flag"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// The word after each flag in every command's help fits the flag's type:
// numbers show 数量 (or N), durations 时长, sizes 大小, enumerations their
// values, switches nothing, and only flags that take a file show 文件
// (serve --addr once showed "--addr 文件", --workers "--workers 文件").
func TestHelpPlaceholdersFitTypes(t *testing.T) {
	var sets []*flag.FlagSet
	flagSetMade = func(fs *flag.FlagSet) { sets = append(sets, fs) }
	defer func() { flagSetMade = nil }()
	help := map[string]string{}
	for _, c := range commands {
		before := len(sets)
		out, errOut, code := runArgs(c.Name, "-h")
		if code != exitOK || errOut != "" {
			t.Fatalf("%s -h: exit %d, stderr %q", c.Name, code, errOut)
		}
		help[c.Name] = out
		if c.Name != "help" && c.Name != "explain" && c.Name != "version" && len(sets) == before {
			t.Errorf("%s -h built no FlagSet through newFlagSet; its flags are not checked", c.Name)
		}
	}
	checked := 0
	for _, fs := range sets {
		out := help[fs.Name()]
		fs.VisitAll(func(f *flag.Flag) {
			checked++
			got := placeholder(f)
			want, ok := wantPlaceholder(f)
			if !ok {
				// A string flag: 文件 only when it takes a file.
				if got == "文件" && (!strings.Contains(f.Usage, "文件") || strings.Contains(f.Name, "addr")) {
					t.Errorf("%s --%s shows 文件 but its usage %q does not take a file", fs.Name(), f.Name, f.Usage)
				}
				if got == "" {
					t.Errorf("%s --%s takes a value but shows no placeholder", fs.Name(), f.Name)
				}
			} else if !want.MatchString(got) {
				t.Errorf("%s --%s (%T) shows %q, want %v", fs.Name(), f.Name, f.Value, got, want)
			}
			line := "--" + f.Name
			if got != "" {
				line += " " + got
			}
			if out != "" && !regexp.MustCompile(`(?m)^  `+regexp.QuoteMeta(line)+`$`).MatchString(out) {
				t.Errorf("%s -h has no line %q", fs.Name(), line)
			}
			if strings.Contains(out, "`") {
				t.Errorf("%s -h shows a back-quote", fs.Name())
			}
		})
	}
	if checked < 25 {
		t.Fatalf("only %d flags seen; the hook misses commands", checked)
	}
	if !strings.Contains(help["serve"], "--addr 地址") {
		t.Errorf("serve -h: want --addr 地址:\n%s", help["serve"])
	}
}

// wantPlaceholder is the placeholder a flag's type calls for; ok is false for
// plain strings, whose word depends on what they name.
func wantPlaceholder(f *flag.Flag) (*regexp.Regexp, bool) {
	switch v := f.Value.(type) {
	case *enumFlag:
		return regexp.MustCompile("^" + regexp.QuoteMeta(strings.Join(v.allowed, "|")) + "$"), true
	case *jobsFlag:
		return regexp.MustCompile(`^(N|数量)$`), true
	case *durationFlag:
		return regexp.MustCompile(`^时长$`), true
	case *sizeFlag:
		return regexp.MustCompile(`^大小$`), true
	case *listFlag:
		return nil, false
	}
	if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
		return regexp.MustCompile(`^$`), true
	}
	if g, ok := f.Value.(flag.Getter); ok {
		switch g.Get().(type) {
		case int, int64, uint, uint64:
			return regexp.MustCompile(`^(N|数量)$`), true
		case time.Duration:
			return regexp.MustCompile(`^时长$`), true
		case string:
			return nil, false
		default:
			panic(fmt.Sprintf("flag --%s has type %T: teach placeholder() and this test about it", f.Name, g.Get()))
		}
	}
	return nil, false
}

// "help -h" is a request for help, not a command called -h.
func TestHelpOfHelp(t *testing.T) {
	for _, args := range [][]string{{"help", "-h"}, {"help", "--help"}, {"help", "help"}} {
		out, errOut, code := runArgs(args...)
		if code != exitOK || errOut != "" || !strings.Contains(out, "reportlint check") {
			t.Errorf("%v: exit %d, stderr %q, stdout %q", args, code, errOut, out)
		}
	}
	out, _, _ := runArgs("version", "-h")
	if strings.Contains(out, "version \n") {
		t.Errorf("version -h usage line ends in a space: %q", out)
	}
}

// What a user sees for a missing path: alone, a Chinese sentence naming it
// (exit 2, nothing on stdout, no "PATH:0:0:"); among good files, a P001
// line for it with no fake line and column.
func TestMissingPathText(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "x", "missing.html")
	out, errOut, code := runArgs("check", missing)
	if code != exitUsage || out != "" {
		t.Errorf("only a missing path: exit %d, stdout %q; want 2 and nothing", code, out)
	}
	if !strings.Contains(errOut, missing) || !strings.Contains(errOut, "不存在") || strings.Contains(errOut, ":0:0") {
		t.Errorf("only a missing path: stderr %q should name it in Chinese", errOut)
	}
	out, _, code = runArgs("check", "../../fixtures/text/clean-department-2024.txt", missing)
	if code != exitError {
		t.Errorf("missing among good: exit %d, want 1", code)
	}
	want := missing + ": error P001【错误·"
	if !strings.Contains(out, want) || strings.Contains(out, ":0:0") || strings.Contains(out, missing+":0") {
		t.Errorf("missing among good: want a line starting %q without 0:0, got\n%s", want, out)
	}
}

// A bad value names the flag and what it expects, in words that fit its
// type, for the plain int and string flags of serve too.
func TestBadValuesSayWhatIsExpected(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"serve", "--workers", "abc"}, "选项 --workers 的值 \"abc\" 无效：应为整数"},
		{[]string{"serve", "--workers", "0"}, "选项 --workers 的值 0 无效：应为 1 或更大的整数"},
		{[]string{"serve", "--max-files", "0"}, "选项 --max-files 的值 0 无效"},
		{[]string{"serve", "--queue", "-1"}, "选项 --queue 的值 -1 无效"},
		{[]string{"serve", "--addr"}, "选项 --addr 需要一个值：应为 主机:端口"},
		{[]string{"check", "--output"}, "选项 --output 需要一个值：应为文件路径"},
		{[]string{"check", "--jobs", "0", "x"}, "选项 --jobs 的值 \"0\" 无效：应为 1 或更大的整数"},
	} {
		out, errOut, code := runArgs(c.args...)
		if code != exitUsage || out != "" || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2 and %q", c.args, code, out, errOut, c.want)
		}
	}
}
