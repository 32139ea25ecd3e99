package main

import (
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
}

func cmdCheck(args []string, stdout, stderr io.Writer) (int, error) {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	var cf commonFlags
	cf.register(fs, "text")
	paths, err := parseInterleaved(fs, args, stderr)
	if err != nil {
		return exitUsage, err
	}
	if err := oneOf(cf.format, "text", "json"); err != nil {
		return exitUsage, err
	}
	if len(paths) == 0 {
		return exitUsage, usageError{"请给出要检查的文件或目录，例如: reportlint check reports/"}
	}
	files, err := discover(paths)
	if err != nil {
		return exitUsage, err
	}
	opts := cf.options()
	cfg := rules.Config{}
	var prev *parser.Report
	if cf.previous != "" {
		p, err := load.File(cf.previous, opts)
		if err != nil {
			return exitUsage, usageError{fmt.Sprintf("无法读取 --previous 指定的上一年度报告 %s: %v", cf.previous, err)}
		}
		prev = p
	}
	results := readAll(files, cf.jobs, opts)
	out := make([]checked, len(results))
	for i, r := range results {
		c := checked{Path: r.Path}
		if r.Err != nil {
			c.Findings = rules.ReadErrorFindings(r.Err, cfg)
		} else {
			c.Format, c.Issuer, c.Year = r.Report.Doc.Format, r.Report.Issuer, r.Report.Year
			c.Findings = rules.Run(r.Report, prev, cfg)
		}
		out[i] = c
	}
	switch cf.format {
	case "json":
		err = writeJSON(stdout, out)
	default:
		err = writeText(stdout, out, useColor(stdout, cf.noColor))
	}
	if err != nil {
		return exitUsage, err
	}
	for _, c := range out {
		for _, f := range c.Findings {
			if f.Severity == rules.Error {
				return exitError, nil
			}
		}
	}
	return exitOK, nil
}
