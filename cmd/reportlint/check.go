package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"

	"github.com/reportlint/reportlint/internal/errtext"
	"github.com/reportlint/reportlint/parser"
	"github.com/reportlint/reportlint/parser/load"
	"github.com/reportlint/reportlint/rules"
)

// checked is one file's outcome of check.
type checked struct {
	Path     string
	Format   parser.Format
	Issuer   string
	Year     int
	Kind     string // "government" or "department" ("" when unknown)
	Findings []rules.Finding
	// Previous is the previous-year report the file was compared with.
	Previous string
	// tables holds the canonical tables read from the file (the extract
	// record): what summaries and the data sheet show, decoded only when
	// an output asks for them (Tables). Nil when unreadable.
	tables *tablesRecord
}

// Tables returns the file's extract record, nil when the file was
// unreadable or checked without tables (checkOptions.NoTables).
func (c checked) Tables() *Extract {
	if c.tables == nil {
		return nil
	}
	return c.tables.get()
}

func cmdCheck(args []string, stdout, stderr io.Writer) (int, error) {
	fs := newFlagSet("check")
	var cf commonFlags
	cf.register(fs, formatNames(), "text")
	var kf checkFlags
	kf.register(fs)
	paths, err := parseInterleaved(fs, args, stdout)
	if err != nil {
		return exitUsage, err
	}
	// a --summary whose extension names no summary format is said first:
	// it is the mistake the other complaints (same file as --output, …)
	// follow from
	summaries, err := summaryTargets(kf.summary.values, cf.output)
	if err != nil {
		return exitUsage, err
	}
	format, err := chooseFormat(&cf.format, cf.output, stdout)
	if err != nil {
		return exitUsage, err
	}
	if len(paths) == 0 {
		return exitUsage, usageError{"请给出要检查的文件或目录，例如: reportlint check reports/"}
	}
	conf, err := loadConfig(cf.config, paths)
	if err != nil {
		return exitUsage, err
	}
	if cf.verbose {
		if conf.Path != "" {
			fmt.Fprintf(stderr, "reportlint: 使用配置文件 %s\n", conf.Path)
		} else {
			fmt.Fprintln(stderr, "reportlint: 没有找到配置文件 .reportlint.yaml，使用默认设置")
		}
	}
	var bl *baseline
	if kf.baseline != "" && kf.writeBaseline == "" {
		if bl, err = loadBaseline(kf.baseline); err != nil {
			return exitUsage, err
		}
	}
	var ros *roster
	if kf.roster != "" {
		if ros, err = loadRoster(kf.roster); err != nil {
			return exitUsage, err
		}
		ros.Year = int(kf.year)
	} else if kf.year != 0 {
		return exitUsage, usageError{"选项 --year 只和 --roster 一起使用（选择与名单比对的报告年度）"}
	}
	files, err := discoverReports(paths, stderr, cf.verbose)
	if err != nil {
		return exitUsage, err
	}
	files.list = conf.filter(files.list)
	opts := cf.options()
	cfg := conf.Rules
	var prev *parser.Report
	if cf.previous != "" {
		p, err := load.File(cf.previous, opts)
		if err != nil {
			return exitUsage, usageError{fmt.Sprintf("无法读取 --previous 指定的上一年度报告 %s: %s", cf.previous, previousReason(err))}
		}
		prev = p
	}
	inputs := append(append([]string{}, files.list...), cf.previous, cf.config, kf.baseline, kf.roster)
	targets := []string{cf.output, kf.writeBaseline}
	for _, t := range summaries {
		targets = append(targets, t.path)
	}
	for _, o := range targets {
		in := inputs
		if o == kf.writeBaseline {
			// --baseline B --write-baseline B updates the baseline: it is
			// read before the batch and rewritten atomically after it
			in = append(append([]string{}, files.list...), cf.previous, cf.config, kf.roster)
		}
		if err := checkOutputPath(o, in); err != nil {
			return exitUsage, err
		}
	}
	prog := newProgress(stderr, len(files.list))
	out := checkBatch(context.Background(), files.list, checkOptions{
		Jobs: int(cf.jobs), Opts: opts, Cfg: cfg, Kind: conf.kindFor,
		Previous: prev, PreviousPath: cf.previous, Notes: stderr,
		NoTables: !showsTables(format, summaries),
		Done:     func(int, checked) { prog.done() },
	})
	prog.finish()
	if kf.writeBaseline != "" {
		n, kept, err := writeBaseline(kf.writeBaseline, out, paths)
		if err != nil {
			return exitUsage, err
		}
		msg := fmt.Sprintf("reportlint: 已将 %d 条发现写入基线文件 %s", n, kf.writeBaseline)
		if kept > 0 {
			msg += fmt.Sprintf("（另保留了本次未检查的文件的 %d 条记录）", kept)
		}
		fmt.Fprintln(stderr, msg)
	} else if bl != nil {
		if n, stale := bl.apply(out, paths); n > 0 || stale > 0 {
			fmt.Fprintf(stderr, "reportlint: 基线 %s 中已记录的 %d 条发现未列出", kf.baseline, n)
			if stale > 0 {
				fmt.Fprintf(stderr, "；另有 %d 条已不再出现，可用 --write-baseline 更新基线", stale)
			}
			fmt.Fprintln(stderr)
		}
	}
	env := writeEnv{color: useColor(stdout, cf.noColor) && (cf.output == "" || cf.output == "-"), roster: ros}
	if err := writeOutput(cf.output, "结果", stdout, stderr, func(w io.Writer) error { return format.Write(w, out, env) }); err != nil {
		return exitUsage, err
	}
	env.color = false
	for _, t := range summaries {
		if err := writeOutput(t.path, "汇总", stdout, stderr, func(w io.Writer) error { return t.format.Write(w, out, env) }); err != nil {
			return exitUsage, err
		}
	}
	if ros != nil {
		writeRosterNotes(stderr, ros, out, writesXLSX(format, summaries))
	}
	if files.empty {
		return exitUsage, nil
	}
	if kf.writeBaseline != "" || kf.exitZero {
		return exitOK, nil
	}
	failOn := conf.FailOn
	if kf.failOn.value != "" {
		failOn = kf.failOn.value
	}
	return exitFor(out, failOn), nil
}

// previousReason is why the --previous report could not be read: the
// reader's Chinese reason, without the Go error it wraps.
func previousReason(err error) string {
	var re *parser.ReadError
	if errors.As(err, &re) {
		return re.Reason
	}
	return errtext.Read(err, "读取出错")
}

// summaryTarget is one --summary file and its format.
type summaryTarget struct {
	path   string
	format *outputFormat
}

// summaryTargets checks the --summary files: a known summary extension
// each (checked first, for all of them), no file named twice, none the
// same as --output. The message names the options that named it.
func summaryTargets(files []string, output string) ([]summaryTarget, error) {
	var ts []summaryTarget
	for _, f := range files {
		ft, err := summaryFormat(f)
		if err != nil {
			return nil, err
		}
		ts = append(ts, summaryTarget{path: f, format: ft})
	}
	seen := map[string]bool{}
	for _, f := range files {
		switch c := filepath.Clean(f); {
		case output != "" && output != "-" && c == filepath.Clean(output):
			return nil, usageError{fmt.Sprintf("文件 %s 同时由 --output 和 --summary 指定；两者要写不同的文件", f)}
		case seen[c]:
			return nil, usageError{fmt.Sprintf("文件 %s 由 --summary 指定了两次；每个汇总文件只写一次", f)}
		default:
			seen[c] = true
		}
	}
	return ts, nil
}

// showsTables reports whether an output of the run shows the canonical
// tables (checked.Tables).
func showsTables(format *outputFormat, summaries []summaryTarget) bool {
	if format.Tables {
		return true
	}
	for _, t := range summaries {
		if t.format.Tables {
			return true
		}
	}
	return false
}

// writesXLSX reports whether the run writes a workbook (where the roster's
// 未报送 sheet goes); otherwise the roster's result is said on stderr.
func writesXLSX(format *outputFormat, summaries []summaryTarget) bool {
	if format.Name == "xlsx" {
		return true
	}
	for _, t := range summaries {
		if t.format.Name == "xlsx" {
			return true
		}
	}
	return false
}
