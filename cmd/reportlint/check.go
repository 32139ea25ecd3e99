package main

import (
	"context"
	"flag"
	"fmt"
	"io"

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
	Findings []rules.Finding
	// Previous is the previous-year report the file was compared with.
	Previous string
	// Tables holds the canonical tables read from the file (the extract
	// record): what summaries and the data sheet show. Nil when unreadable.
	Tables *Extract
}

func cmdCheck(args []string, stdout, stderr io.Writer) (int, error) {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	var cf commonFlags
	cf.register(fs, "text")
	var kf checkFlags
	kf.register(fs)
	paths, err := parseInterleaved(fs, args, stderr)
	if err != nil {
		return exitUsage, err
	}
	if err := oneOf(cf.format, "text", "json", "sarif", "github", "csv", "html", "xlsx"); err != nil {
		return exitUsage, err
	}
	if cf.format == "xlsx" && cf.output == "" {
		return exitUsage, usageError{"--format xlsx 需要用 --output 指定要写入的 .xlsx 文件"}
	}
	if kf.failOn != "" && kf.failOn != "error" && kf.failOn != "warning" {
		return exitUsage, usageError{fmt.Sprintf("--fail-on 的取值 %q 无效，可用: error, warning", kf.failOn)}
	}
	conf, err := loadConfig(cf.config)
	if err != nil {
		return exitUsage, err
	}
	var bl *baseline
	if kf.baseline != "" && kf.writeBaseline == "" {
		if bl, err = loadBaseline(kf.baseline); err != nil {
			return exitUsage, err
		}
	}
	if len(paths) == 0 {
		return exitUsage, usageError{"请给出要检查的文件或目录，例如: reportlint check reports/"}
	}
	files, err := discoverReports(paths, stderr)
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
			return exitUsage, usageError{fmt.Sprintf("无法读取 --previous 指定的上一年度报告 %s: %v", cf.previous, err)}
		}
		prev = p
	}
	inputs := append(append([]string{}, files.list...), cf.previous, cf.config, kf.baseline)
	for _, o := range []string{cf.output, kf.writeBaseline} {
		if err := checkOutputPath(o, inputs); err != nil {
			return exitUsage, err
		}
	}
	out := checkBatch(context.Background(), files.list, checkOptions{
		Jobs: cf.jobs, Opts: opts, Cfg: cfg, Kind: conf.kindFor,
		Previous: prev, PreviousPath: cf.previous, Notes: stderr,
	})
	if kf.writeBaseline != "" {
		n, err := writeBaseline(kf.writeBaseline, out)
		if err != nil {
			return exitUsage, err
		}
		fmt.Fprintf(stderr, "reportlint: 已将 %d 条发现写入基线文件 %s\n", n, kf.writeBaseline)
	} else if bl != nil {
		if n, stale := bl.apply(out); n > 0 || stale > 0 {
			fmt.Fprintf(stderr, "reportlint: 基线 %s 中已记录的 %d 条发现未列出", kf.baseline, n)
			if stale > 0 {
				fmt.Fprintf(stderr, "；另有 %d 条已不再出现，可用 --write-baseline 更新基线", stale)
			}
			fmt.Fprintln(stderr)
		}
	}
	dest, closeDest, err := openOutput(cf.output, stdout)
	if err != nil {
		return exitUsage, err
	}
	switch cf.format {
	case "csv":
		err = writeCSV(dest, out)
	case "html":
		err = writeHTML(dest, out)
	case "xlsx":
		err = writeXLSX(dest, out)
	case "json":
		err = writeJSON(dest, out)
	case "sarif":
		err = writeSARIF(dest, out)
	case "github":
		err = writeGitHub(dest, out)
	default:
		err = writeText(dest, out, useColor(dest, cf.noColor))
	}
	err = finishOutput(dest, closeDest, err)
	if err != nil {
		return exitUsage, err
	}
	if files.empty {
		return exitUsage, nil
	}
	if kf.writeBaseline != "" {
		return exitOK, nil
	}
	failOn := conf.FailOn
	if kf.failOn != "" {
		failOn = kf.failOn
	}
	return exitFor(out, failOn), nil
}
