package main

import (
	"runtime"
	"sync"

	"github.com/reportlint/reportlint/parser"
	"github.com/reportlint/reportlint/parser/load"
)

// fileResult is what reading one file gave.
type fileResult struct {
	Path   string
	Report *parser.Report // nil when the file could not be read
	Err    error          // a *parser.ReadError when Report is nil
}

// readAll reads the files with jobs workers and returns results in the
// order of files. Each file is read and parsed exactly once. done, when
// not nil, is called after each file (from the worker goroutines).
func readAll(files []string, jobs int, opts parser.Options, done func()) []fileResult {
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	jobs = min(jobs, max(len(files), 1))
	out := make([]fileResult, len(files))
	idx := make(chan int)
	var wg sync.WaitGroup
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range idx {
				rep, err := load.File(files[i], opts)
				out[i] = fileResult{Path: files[i], Report: rep, Err: err}
				if done != nil {
					done()
				}
			}
		}()
	}
	for i := range files {
		idx <- i
	}
	close(idx)
	wg.Wait()
	return out
}
