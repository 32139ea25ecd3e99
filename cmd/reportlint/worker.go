package main

import (
	"context"
	"encoding/gob"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"runtime/metrics"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/reportlint/reportlint/parser"
	"github.com/reportlint/reportlint/parser/load"
	"github.com/reportlint/reportlint/rules"
)

// This file is what one file's check is, wherever it runs: in a worker
// process (the hidden "worker" subcommand, fed jobs over stdin and
// answering on stdout) or, for a single file, in the command's own
// process. A job reads the file, recognises it and runs the rules; the
// answer is small: the findings, the file's identity and its canonical
// tables, never the document.

// job asks for one file to be read (and checked).
type job struct {
	Path string
	// Previous is a previous-year report to run the cross-year rules
	// against ("" for none).
	Previous string
	// Kind is the report kind the configuration gives the file ("" none).
	Kind string
	// Check: run the rules; otherwise the file is only read (extract).
	Check bool
	// NoTables: a check job's answer leaves out the extract record (no
	// output of the batch shows the tables).
	NoTables bool
	Cfg      rules.Config
	Opts     parser.Options
}

// answer is what one job gave.
type answer struct {
	Path string
	// Failed is the reading failure (P001/P002), or nil.
	Failed *failure
	// Report is the slim report: identity, and for extract jobs the
	// canonical tables with each cell's text and place.
	Report *wireReport
	// Extract is the JSON of the file's Extract record (check jobs): the
	// canonical figures, smaller to send than the tables.
	Extract []byte
	// Findings are the rules' findings (check), or the failure's.
	Findings []rules.Finding
	// Abandoned counts readers still running in the worker after their
	// file timed out: the parent replaces such a worker.
	Abandoned int
}

// failure is a parser.ReadError as it crosses the pipe.
type failure struct {
	Kind        parser.ProblemKind
	Reason, Err string
}

func (f *failure) readError() *parser.ReadError {
	re := &parser.ReadError{Kind: f.Kind, Reason: f.Reason}
	if f.Err != "" {
		re.Err = errors.New(f.Err)
	}
	return re
}

func failureOf(err error) *failure {
	var re *parser.ReadError
	if errors.As(err, &re) {
		f := &failure{Kind: re.Kind, Reason: re.Reason}
		if re.Err != nil {
			f.Err = re.Err.Error()
		}
		return f
	}
	return &failure{Kind: parser.ProblemUnreadable, Reason: err.Error()}
}

// result turns an answer into the parent's fileResult (slim report).
func (a answer) result() fileResult {
	r := fileResult{Path: a.Path, Findings: a.Findings, extract: a.Extract}
	if a.Failed != nil {
		r.Err = a.Failed.readError()
	} else if a.Report != nil {
		r.Report = a.Report.report()
	}
	return r
}

// failedAnswer is the answer for a file whose check could not finish.
func failedAnswer(j job, reason string) answer {
	f := &failure{Kind: parser.ProblemUnreadable, Reason: reason}
	a := answer{Path: j.Path, Failed: f}
	if j.Check {
		a.Findings = rules.ReadErrorFindings(f.readError(), j.Cfg)
	}
	return a
}

// Causes named in the P001 of a file whose check was stopped.
const (
	causeTimeout = "处理超时（超过 %s），文件可能过大或结构异常，检查已停止；请拆分文件、重新导出，或用 --timeout 调高上限"
	causeMemory  = "检查时内存超过上限（%d MB），文件可能过大或结构异常，检查已停止；请重新导出文件后再检查"
	causeCrash   = "文件结构异常导致解析器崩溃，检查已停止；请用办公软件重新另存（导出）该文件后再检查，或向 reportlint 报告此问题"
)

// prevCache keeps the previous-year report a process read last (an
// explicit --previous is the same for every file; automatic pairs differ,
// and keeping them all would make memory grow with the batch).
type prevCache struct {
	path string
	rep  *parser.Report
	ok   bool
}

func (c *prevCache) put(path string, rep *parser.Report) { c.path, c.rep, c.ok = path, rep, true }

func (c *prevCache) get(path string, opts parser.Options) *parser.Report {
	if c.ok && c.path == path {
		return c.rep
	}
	rep, err := load.File(path, opts)
	if err != nil {
		rep = nil
	}
	c.put(path, rep)
	return rep
}

// prepareRules builds the rules' regexps, gates and finders on a goroutine
// of their own when the process checks its first file, so that on a
// second core they are ready by the time the file has been read
// (rules.Prepare; a process that checks nothing never builds them).
var prepareRules = sync.OnceFunc(func() { go rules.Prepare() })

// process runs one job in this process: reading under the loader's
// deadline, then the rules under what is left of it. A panic becomes a
// P001 for the file.
func process(j job, prevs *prevCache) answer {
	return processWith(j, prevs, nil)
}

// processWith is process; in a worker (w not nil) the reader and the rules
// run on the calling goroutine, and w answers for a file whose deadline
// passes while they still run.
func processWith(j job, prevs *prevCache, w *session) (a answer) {
	a.Path = j.Path
	defer func() {
		if p := recover(); p != nil {
			a = failedAnswer(j, fmt.Sprintf("检查该文件时出现内部错误（%v），文件可能已损坏；请重新另存后再检查，或向 reportlint 报告此问题", p))
		}
	}()
	start := time.Now()
	if j.Check {
		prepareRules()
	}
	testHook(j.Path)
	var rep *parser.Report
	var err error
	if w != nil {
		rep, err = load.FileInline(j.Path, j.Opts, load.Inline{OnTimeout: w.timeoutFunc(func(err error) answer { return readFailed(j, err) })})
	} else {
		rep, err = load.File(j.Path, j.Opts)
	}
	if err != nil {
		return readFailed(j, err)
	}
	if j.Kind != "" {
		rep.Kind = parser.Kind(j.Kind)
	}
	if j.Check {
		var prev *parser.Report
		if j.Previous != "" {
			prev = prevs.get(j.Previous, j.Opts)
		}
		left := time.Until(start.Add(j.Opts.Timeout))
		var fs []rules.Finding
		var ok bool
		if w != nil {
			fs, ok = w.runRules(rep, prev, j, left)
		} else {
			fs, ok = runRules(rep, prev, j, left)
		}
		if !ok {
			return failedAnswer(j, fmt.Sprintf(causeTimeout, j.Opts.Timeout))
		}
		a.Findings = fs
		if !j.NoTables {
			e := extractOf(fileResult{Path: j.Path, Report: rep})
			a.Extract, _ = json.Marshal(&e)
		}
		rep = &parser.Report{Doc: rep.Doc, Title: rep.Title, Issuer: rep.Issuer, Kind: rep.Kind, Layout: rep.Layout, Year: rep.Year}
	}
	a.Report = slim(rep)
	return a
}

// readFailed is the answer for a file that could not be read.
func readFailed(j job, err error) answer {
	a := answer{Path: j.Path, Failed: failureOf(err)}
	if j.Check {
		a.Findings = rules.ReadErrorFindings(err, j.Cfg)
	}
	return a
}

// runRules runs the rules with a deadline: past it, the file is reported
// as timed out (ok false). In a worker the parent kills the process soon
// after; in-process the command ends with the result.
func runRules(rep, prev *parser.Report, j job, left time.Duration) ([]rules.Finding, bool) {
	if j.Opts.Timeout <= 0 {
		return rules.Run(rep, prev, j.Cfg), true
	}
	ctx, cancel := context.WithTimeout(context.Background(), max(left, 0))
	defer cancel()
	type res struct {
		fs  []rules.Finding
		err any
	}
	ch := make(chan res, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				ch <- res{err: p}
			}
		}()
		ch <- res{fs: rules.Run(rep, prev, j.Cfg)}
	}()
	select {
	case r := <-ch:
		if r.err != nil {
			panic(r.err)
		}
		return r.fs, true
	case <-ctx.Done():
		return nil, false
	}
}

// session is a worker process's side of the pipe. Each job runs on the
// worker's main goroutine; a timer per job answers for the file if its
// deadline passes first (as the in-process loader and runRules do by
// abandoning their goroutine), and marks the answer Abandoned so that the
// parent replaces this process, whose main goroutine is still busy.
type session struct {
	enc *gob.Encoder
	mu  sync.Mutex
	seq uint64 // the job being checked
	// open: the job seq has not been answered yet
	open bool
	err  error // the first failure to write an answer
}

// begin starts the next job.
func (s *session) begin() {
	s.mu.Lock()
	s.seq++
	s.open = true
	s.mu.Unlock()
}

// answer sends the answer of job seq unless it has been answered already,
// and reports whether it sent it.
func (s *session) answer(seq uint64, a *answer) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if seq != s.seq || !s.open {
		return false
	}
	s.open = false
	if err := s.enc.Encode(a); err != nil && s.err == nil {
		s.err = err
	}
	return true
}

// timeoutFunc returns the function that answers for the current job, with
// the answer made of the timeout error, when its deadline passes.
func (s *session) timeoutFunc(mk func(error) answer) func(error) {
	s.mu.Lock()
	seq := s.seq
	s.mu.Unlock()
	return func(err error) {
		a := mk(err)
		a.Abandoned = max(1, load.Abandoned())
		s.answer(seq, &a)
	}
}

// runRules is runRules on the calling goroutine: past the deadline a timer
// answers the file's P001 and the result is dropped.
func (s *session) runRules(rep, prev *parser.Report, j job, left time.Duration) ([]rules.Finding, bool) {
	if j.Opts.Timeout <= 0 {
		return rules.Run(rep, prev, j.Cfg), true
	}
	timedOut := s.timeoutFunc(func(error) answer { return failedAnswer(j, fmt.Sprintf(causeTimeout, j.Opts.Timeout)) })
	if left <= 0 {
		// the reading took the whole time (runRules' context is done
		// before its goroutine can answer)
		timedOut(nil)
		return nil, false
	}
	t := time.AfterFunc(left, func() { timedOut(nil) })
	fs := rules.Run(rep, prev, j.Cfg)
	if !t.Stop() {
		return nil, false
	}
	return fs, true
}

// testHookEnv enables test-only failures in the worker: a file whose name
// contains "__crash__", "__loop__" or "__oom__" makes it crash, spin or
// allocate without bound. Only the worker subcommand sets workerTest.
const testHookEnv = "REPORTLINT_TEST_WORKER_FAULTS"

var workerTest bool

func testHook(path string) {
	if !workerTest {
		return
	}
	base := filepath.Base(path)
	switch {
	case strings.Contains(base, "__crash__"):
		var m map[string]int
		go func() { m["x"] = 1 }() // unrecovered panic: the process dies
		time.Sleep(time.Minute)
	case strings.Contains(base, "__loop__"):
		//lint:ignore SA5002 deliberate: the test hook of a worker that loops forever
		for {
		}
	case strings.Contains(base, "__oom__"):
		var keep [][]byte
		for {
			b := make([]byte, 16<<20)
			for i := range b {
				b[i] = 1
			}
			keep = append(keep, b) //lint:ignore SA4010 deliberate: memory kept until the worker is killed
		}
	}
}

// cmdWorker is the hidden "worker" subcommand: it reads gob-encoded jobs
// from stdin and writes one answer per job to stdout, until stdin closes.
func cmdWorker(args []string) int {
	memMB := int64(0)
	for i := 0; i+1 < len(args); i++ {
		if args[i] == "--mem" {
			memMB, _ = strconv.ParseInt(args[i+1], 10, 64)
		}
	}
	if memMB > 0 {
		debug.SetMemoryLimit(memMB << 20 * 3 / 4)
		limitMemory(memMB << 20)
	}
	workerTest = os.Getenv(testHookEnv) == "1"
	dec := gob.NewDecoder(os.Stdin)
	s := &session{enc: gob.NewEncoder(os.Stdout)}
	prevs := &prevCache{}
	freeAbove := max(minFreeBytes, uint64(memMB)<<20/4)
	for {
		var j job
		if err := dec.Decode(&j); err != nil {
			if err == io.EOF {
				return exitOK
			}
			fmt.Fprintln(os.Stderr, "reportlint worker:", err)
			return exitUsage
		}
		s.begin()
		a := processWith(j, prevs, s)
		a.Abandoned = load.Abandoned()
		// a large file leaves a large heap: give it back before answering
		// (the parent sends the next file as soon as it has the answer, and
		// watches this process's RSS while it is checked: a heap still
		// held from this file would be charged to the next one), so a long
		// batch's workers stay small and each file has the whole cap
		if heapHeld() > freeAbove {
			debug.FreeOSMemory()
		}
		if !s.answer(s.seq, &a) {
			// a timer answered for the file: the parent ends this process
			return exitOK
		}
		if s.err != nil {
			fmt.Fprintln(os.Stderr, "reportlint worker:", s.err)
			return exitUsage
		}
	}
}

// minFreeBytes is the least heap a worker keeps between files without
// returning it to the OS; the threshold is a quarter of the worker's cap
// when that is more.
const minFreeBytes = 24 << 20

// heapSamples are the runtime/metrics classes of the heap a process holds
// (MemStats' HeapSys - HeapReleased), read without stopping the world.
var heapSamples = []metrics.Sample{
	{Name: "/memory/classes/heap/objects:bytes"},
	{Name: "/memory/classes/heap/unused:bytes"},
	{Name: "/memory/classes/heap/free:bytes"},
}

// heapHeld is the heap this process holds from the OS (in use or free but
// not yet returned).
func heapHeld() uint64 {
	metrics.Read(heapSamples)
	var n uint64
	for _, s := range heapSamples {
		if s.Value.Kind() == metrics.KindUint64 {
			n += s.Value.Uint64()
		}
	}
	return n
}

// wireReport is the part of a parser.Report the parent keeps: identity
// and canonical tables. (gob cannot send the nil cells of a row, so rows
// travel with a presence mask.)
type wireReport struct {
	Path, Format, Title, Issuer string
	Kind                        parser.Kind
	Layout                      parser.Layout
	Year                        int
	Tables                      []wireTable
}

type wireTable struct {
	ID    parser.TableID
	Loc   parser.Loc
	Order []parser.RowKey
	Rows  []wireRow
}

type wireRow struct {
	Key     parser.RowKey
	Label   string
	Loc     parser.Loc
	Def     parser.RowDef
	Cells   []parser.Value
	Present []bool
}

// slim keeps what output and pairing need of a report.
func slim(rep *parser.Report) *wireReport {
	w := &wireReport{Title: rep.Title, Issuer: rep.Issuer, Kind: rep.Kind, Layout: rep.Layout, Year: rep.Year}
	if rep.Doc != nil {
		w.Path, w.Format = rep.Doc.Path, string(rep.Doc.Format)
	}
	for _, id := range parser.TableIDs() {
		t := rep.Table(id)
		if t == nil {
			continue
		}
		wt := wireTable{ID: t.ID, Loc: t.Loc, Order: t.Order}
		keys := append([]parser.RowKey(nil), t.Order...)
		inOrder := map[parser.RowKey]bool{}
		for _, k := range keys {
			inOrder[k] = true
		}
		var rest []parser.RowKey
		for k := range t.Rows {
			if !inOrder[k] {
				rest = append(rest, k)
			}
		}
		slices.Sort(rest)
		for _, key := range append(keys, rest...) {
			r := t.Rows[key]
			if r == nil {
				continue
			}
			wr := wireRow{Key: r.Key, Label: r.Label, Loc: r.Loc, Def: r.Def,
				Cells: make([]parser.Value, len(r.Cells)), Present: make([]bool, len(r.Cells))}
			for i, v := range r.Cells {
				if v != nil {
					wr.Cells[i], wr.Present[i] = *v, true
				}
			}
			wt.Rows = append(wt.Rows, wr)
		}
		w.Tables = append(w.Tables, wt)
	}
	return w
}

// report rebuilds the slim parser.Report.
func (w *wireReport) report() *parser.Report {
	rep := &parser.Report{Doc: &parser.Document{Path: w.Path, Format: parser.Format(w.Format)},
		Title: w.Title, Issuer: w.Issuer, Kind: w.Kind, Layout: w.Layout, Year: w.Year}
	for _, wt := range w.Tables {
		t := &parser.CanonTable{ID: wt.ID, Loc: wt.Loc, Order: wt.Order, Rows: map[parser.RowKey]*parser.CanonRow{}}
		for _, wr := range wt.Rows {
			r := &parser.CanonRow{Key: wr.Key, Label: wr.Label, Loc: wr.Loc, Def: wr.Def, Cells: make([]*parser.Value, len(wr.Cells))}
			for i := range wr.Cells {
				if i < len(wr.Present) && wr.Present[i] {
					v := wr.Cells[i]
					r.Cells[i] = &v
				}
			}
			t.Rows[wr.Key] = r
		}
		if rep.Tables == nil {
			rep.Tables = map[parser.TableID]*parser.CanonTable{}
		}
		rep.Tables[wt.ID] = t
	}
	return rep
}
