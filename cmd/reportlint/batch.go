package main

import (
	"context"

	"github.com/reportlint/reportlint/parser"
	"github.com/reportlint/reportlint/rules"
)

// fileResult is what reading one file gave, as the command keeps it.
type fileResult struct {
	Path string
	// Report is the slim report (identity and canonical tables; no
	// document), nil when the file could not be read.
	Report *parser.Report
	Err    error // a *parser.ReadError when Report is nil
	// Findings are the file's findings when the job ran the rules.
	Findings []rules.Finding
	// extract is the JSON of the Extract record when the worker sent it
	// instead of the tables.
	extract []byte
}

// readAll reads the files (without running the rules) and returns results
// in the order of files. Each file is read exactly once, in a worker
// process when there are several. done, when not nil, is called after
// each file (possibly from several goroutines).
func readAll(files []string, jobs int, opts parser.Options, done func()) []fileResult {
	return readFiles(files, batchOptions{Jobs: jobs}, opts, done)
}

// readFiles is readAll with the batch options given.
func readFiles(files []string, bo batchOptions, opts parser.Options, done func()) []fileResult {
	out := make([]fileResult, len(files))
	js := make([]job, len(files))
	for i, f := range files {
		js[i] = job{Path: f, Opts: opts}
	}
	r := newRunner(len(files), bo)
	defer r.close()
	r.run(context.Background(), js, func(i int, a answer) {
		out[i] = a.result()
		if done != nil {
			done()
		}
	})
	return out
}
