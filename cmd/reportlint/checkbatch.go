package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sync"

	"github.com/reportlint/reportlint/parser"
	"github.com/reportlint/reportlint/rules"
)

// checkOptions say how checkBatch checks files.
type checkOptions struct {
	// Jobs is the number of worker processes (0: one per core).
	Jobs int
	// Isolate checks a single file in a worker too (by default a single
	// file is checked in this process, which is faster).
	Isolate bool
	// Share, when not zero, is how many workers share the memory budget
	// (default Jobs).
	Share int
	Opts  parser.Options
	Cfg   rules.Config
	// Kind gives the report kind configured for a path ("" for none); nil
	// for none.
	Kind func(path string) string
	// Previous is an explicit previous-year report (--previous) for every
	// file, read from PreviousPath; nil: reports of the batch are paired
	// by issuer and year.
	Previous     *parser.Report
	PreviousPath string
	// NoTables: the results leave out the tables (Tables is nil), which
	// then cost neither the workers nor this process anything: for outputs
	// that do not show them.
	NoTables bool
	// Notes receives the pairing notes (nil: dropped).
	Notes io.Writer
	// Done, when set, is called as each file's first result is known (in
	// any order, from several goroutines); cross-year findings of
	// automatically paired files may still change it.
	Done func(i int, c checked)
}

// checkBatch checks files and returns their results in the order of files.
// Each file is read and checked in a worker process (or, for one file, in
// this process), and only its findings, identity and canonical tables come
// back, so memory stays flat in the number of files. Reports of the batch
// of the same issuer and consecutive years are paired for the cross-year
// rules: the files that have a previous year are checked once more with it.
// This is the entry point for every command that checks files (check,
// serve).
func checkBatch(ctx context.Context, files []string, o checkOptions) []checked {
	kind := o.Kind
	if kind == nil {
		kind = func(string) string { return "" }
	}
	r := newRunner(len(files), batchOptions{Jobs: o.Jobs, Isolate: o.Isolate, Share: o.Share})
	defer r.close()
	if o.Previous != nil {
		r.prevs.put(o.PreviousPath, o.Previous)
	}
	mk := func(path, prev string) job {
		return job{Path: path, Previous: prev, Kind: kind(path), Check: true, NoTables: o.NoTables, Cfg: o.Cfg, Opts: o.Opts}
	}
	js := make([]job, len(files))
	for i, f := range files {
		js[i] = mk(f, "")
		if o.Previous != nil && f != o.PreviousPath {
			js[i].Previous = o.PreviousPath
		}
	}
	out := make([]checked, len(files))
	ids := make([]fileResult, len(files)) // identity for pairing
	r.run(ctx, js, func(i int, a answer) {
		res := a.result()
		out[i] = checkedOf(res, !o.NoTables)
		if res.Report != nil {
			res.Report.Tables = nil
		}
		res.Findings = nil
		ids[i] = res
		if o.Done != nil {
			o.Done(i, out[i])
		}
	})
	pairs := pairReports(ids, o.Previous, o.PreviousPath)
	if o.Notes != nil {
		for _, note := range pairs.Notes {
			fmt.Fprintln(o.Notes, note)
		}
	}
	if o.Previous != nil {
		for i := range out {
			out[i].Previous = pairs.PrevPath[i]
		}
		return out
	}
	var again []job
	var at []int
	for i, p := range pairs.PrevPath {
		if p != "" && out[i].tables != nil {
			j := mk(files[i], p)
			j.NoTables = true // only the findings of the second check are kept
			again = append(again, j)
			at = append(at, i)
		}
	}
	r.run(ctx, again, func(k int, a answer) {
		i := at[k]
		out[i].Findings = a.Findings
		if a.Failed == nil {
			out[i].Previous = again[k].Previous
		}
	})
	return out
}

// checkedOf is the check result of one file, with its tables or not.
func checkedOf(r fileResult, withTables bool) checked {
	c := checked{Path: r.Path, Findings: r.Findings}
	if r.Report != nil {
		c.Format, c.Issuer, c.Year, c.Kind = r.Report.Doc.Format, r.Report.Issuer, r.Report.Year, string(r.Report.Kind)
		c.tables = &tablesRecord{raw: r.extract, res: r, omitted: !withTables}
		if r.Report.Tables != nil {
			// the record is built from the tables, which the caller drops
			c.tables.get()
		}
	}
	return c
}

// tablesRecord is a file's extract record as a worker sent it (JSON),
// decoded when first asked for: text and JSON output never need it, and
// decoding every file's record took a third of the parent's time in a batch.
type tablesRecord struct {
	once sync.Once
	raw  []byte
	// res is what the record is built from when raw is missing or does not
	// decode.
	res fileResult
	// omitted: the batch was checked without tables; get gives nil
	omitted bool
	e       *Extract
}

// get decodes the record (once).
func (t *tablesRecord) get() *Extract {
	if t.omitted {
		return nil
	}
	t.once.Do(func() {
		var e Extract
		if t.raw == nil || json.Unmarshal(t.raw, &e) != nil {
			e = extractOf(t.res)
		}
		t.e, t.raw, t.res = &e, nil, fileResult{}
	})
	return t.e
}
