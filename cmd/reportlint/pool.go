package main

import (
	"context"
	"encoding/gob"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"
)

// A pool runs jobs in worker processes: the reportlint binary re-executed
// as the hidden "worker" subcommand, one per --jobs, each living for many
// files. A file whose check crashes its worker, takes more memory than the
// cap or more time than --timeout costs only that worker: the parent kills
// it, gives the file a P001 naming the cause and starts a new worker for
// the next file. Nothing a file does can end the batch.

// workerEnv marks a process started as a worker (the test binary, which
// has its own main, looks at it in TestMain).
const workerEnv = "REPORTLINT_WORKER"

// The workers of a batch share a memory budget: each worker's cap is
// workerBudgetMB / jobs, but never below minWorkerMemMB. Real reports need
// 15-25 MB of RSS each (the real PDFs, DOCX and the largest fixtures, one
// file checked alone); a file that needs more than the cap is hostile or
// broken. With --jobs 2 a worker may use 150 MB: a 60 MB text file (under
// the 64 MB --max-size) needs 133 MB to be read and refused, so less would
// turn its specific P001 into a memory one. The QA folder of 1,997 files
// with 37 hostile ones peaked at 167 MB for parent and workers together.
const (
	workerBudgetMB = 300
	minWorkerMemMB = 96
)

// workerMemMB is the memory cap of each of jobs workers (MB);
// REPORTLINT_WORKER_MEM_MB overrides it.
func workerMemMB(jobs int) int64 {
	if v, err := strconv.ParseInt(os.Getenv("REPORTLINT_WORKER_MEM_MB"), 10, 64); err == nil && v > 0 {
		return v
	}
	return max(minWorkerMemMB, int64(workerBudgetMB/max(1, jobs)))
}

// pool is a set of worker processes.
type pool struct {
	exe   string
	memMB int64
	// grace is added to a job's --timeout before the parent kills the
	// worker: the worker's own deadline should answer first.
	grace time.Duration
	idle  chan *proc
	mu    sync.Mutex
	all   map[*proc]bool
	// busy counts the workers checking a file; wake tells the watcher a
	// first one started, done that the pool is closed.
	busy int
	wake chan struct{}
	done chan struct{}
}

// proc is one worker process.
type proc struct {
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	enc    *gob.Encoder
	dec    *gob.Decoder
	stderr *tailBuffer
	exited chan struct{}

	// the job being checked, as the watcher sees it (guarded by mu)
	mu       sync.Mutex
	busy     bool
	deadline time.Time // zero: none
	rss      int64     // the highest RSS seen during the job
	stopped  string    // why the watcher or a cancel killed it ("" none)
}

// Why a worker was stopped during a job.
const (
	stopTimeout = "timeout"
	stopMemory  = "memory"
	stopCancel  = "cancel"
)

// watchEvery is how often the RSS and deadline of busy workers are looked
// at.
const watchEvery = 25 * time.Millisecond

// newPool makes a pool of at most n workers (started when first needed),
// each capped at memMB.
func newPool(n int, memMB int64) (*pool, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("找不到 reportlint 程序本身，无法启动检查进程: %w", err)
	}
	p := &pool{exe: exe, memMB: memMB, grace: 2 * time.Second, idle: make(chan *proc, n), all: map[*proc]bool{},
		wake: make(chan struct{}, 1), done: make(chan struct{})}
	for range n {
		p.idle <- nil // a slot; the process starts with its first job
	}
	go p.watch()
	return p, nil
}

// watch is the pool's one watcher: while any worker checks a file, every
// watchEvery it kills a worker past its file's deadline or above the
// memory cap. (A goroutine and a ticker per file cost the parent more
// than the files' answers.)
func (p *pool) watch() {
	t := time.NewTicker(watchEvery)
	defer t.Stop()
	for {
		p.mu.Lock()
		idle := p.busy == 0
		p.mu.Unlock()
		if idle {
			select {
			case <-p.wake:
				t.Reset(watchEvery)
				continue
			case <-p.done:
				return
			}
		}
		select {
		case <-t.C:
		case <-p.done:
			return
		}
		p.mu.Lock()
		ws := make([]*proc, 0, len(p.all))
		for w := range p.all {
			ws = append(ws, w)
		}
		p.mu.Unlock()
		now := time.Now()
		for _, w := range ws {
			w.check(now, p.memMB<<20)
		}
	}
}

// check kills the worker if its job is past the deadline or its RSS above
// limit bytes.
func (w *proc) check(now time.Time, limit int64) {
	w.mu.Lock()
	busy, deadline := w.busy && w.stopped == "", w.deadline
	w.mu.Unlock()
	if !busy {
		return
	}
	if !deadline.IsZero() && now.After(deadline) {
		w.halt(stopTimeout)
		return
	}
	rss := processRSS(w.cmd.Process.Pid)
	w.mu.Lock()
	w.rss = max(w.rss, rss)
	w.mu.Unlock()
	if rss > limit {
		w.halt(stopMemory)
	}
}

// halt kills the worker for the job it is checking, saying why (the first
// reason given wins); the job's try sees the pipe close.
func (w *proc) halt(why string) {
	w.mu.Lock()
	if !w.busy || w.stopped != "" {
		w.mu.Unlock()
		return
	}
	w.stopped = why
	w.mu.Unlock()
	_ = w.cmd.Process.Kill()
}

// begin marks the worker busy with a job that must end by deadline (zero:
// none).
func (p *pool) begin(w *proc, deadline time.Time) {
	w.mu.Lock()
	w.busy, w.deadline, w.rss, w.stopped = true, deadline, 0, ""
	w.mu.Unlock()
	p.mu.Lock()
	p.busy++
	first := p.busy == 1
	p.mu.Unlock()
	if first {
		select {
		case p.wake <- struct{}{}:
		default:
		}
	}
}

// end marks the worker's job over and returns why it was stopped ("" not)
// and the highest RSS seen.
func (p *pool) end(w *proc) (stopped string, rss int64) {
	w.mu.Lock()
	w.busy = false
	stopped, rss = w.stopped, w.rss
	w.mu.Unlock()
	p.mu.Lock()
	p.busy--
	p.mu.Unlock()
	return stopped, rss
}

func (p *pool) start() (*proc, error) {
	cmd := exec.Command(p.exe, "worker", "--mem", strconv.FormatInt(p.memMB, 10))
	cmd.Env = append(os.Environ(), workerEnv+"=1")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	tb := &tailBuffer{max: 8 << 10}
	cmd.Stderr = tb
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("无法启动检查进程: %w", err)
	}
	w := &proc{cmd: cmd, stdin: stdin, enc: gob.NewEncoder(stdin), dec: gob.NewDecoder(stdout), stderr: tb, exited: make(chan struct{})}
	go func() { _ = cmd.Wait(); close(w.exited) }()
	p.mu.Lock()
	p.all[w] = true
	p.mu.Unlock()
	return w, nil
}

// kill ends a worker and waits for it.
func (p *pool) kill(w *proc) {
	_ = w.cmd.Process.Kill()
	<-w.exited
	p.mu.Lock()
	delete(p.all, w)
	p.mu.Unlock()
}

// close ends every worker.
func (p *pool) close() {
	close(p.done)
	p.mu.Lock()
	ws := make([]*proc, 0, len(p.all))
	for w := range p.all {
		ws = append(ws, w)
	}
	p.mu.Unlock()
	for _, w := range ws {
		_ = w.stdin.Close()
		select {
		case <-w.exited:
		case <-time.After(2 * time.Second):
		}
		p.kill(w)
	}
}

// do runs one job in a worker and returns its answer; a worker that fails
// is killed and the answer is a P001 naming the cause.
func (p *pool) do(ctx context.Context, j job) answer {
	a, retry := p.try(ctx, j, false)
	if retry {
		// the worker had checked other files: what it still held may be
		// theirs, so the file gets a fresh worker before it is blamed
		a, _ = p.try(ctx, j, true)
	}
	return a
}

// try runs one job in a worker (a new one when fresh); retry reports a
// worker killed for memory after it had checked other files.
func (p *pool) try(ctx context.Context, j job, fresh bool) (_ answer, retry bool) {
	w := <-p.idle
	var keep *proc
	defer func() { p.idle <- keep }()
	if fresh && w != nil {
		p.kill(w)
		w = nil
	}
	used := w != nil
	if w == nil {
		var err error
		if w, err = p.start(); err != nil {
			return failedAnswer(j, "无法启动检查进程（"+execReason(err)+"），该文件未检查"), false
		}
	}
	limit := j.Opts.Timeout
	if j.Previous != "" {
		limit *= 2 // two files are read
	}
	var deadline time.Time
	if limit > 0 {
		deadline = time.Now().Add(limit + p.grace)
	}
	p.begin(w, deadline)
	stopCtx := context.AfterFunc(ctx, func() { w.halt(stopCancel) })
	var a answer
	err := w.enc.Encode(&j)
	sent := err == nil
	if sent {
		err = w.dec.Decode(&a)
	}
	stopCtx()
	stopped, lastRSS := p.end(w)
	switch {
	case err == nil && stopped == "":
		if a.Abandoned > 0 {
			// a reader is still spinning on an earlier file: free the core
			p.kill(w)
		} else {
			keep = w
		}
		return a, false
	case err == nil:
		// it answered as it was stopped: the answer stands
		p.kill(w)
		return a, false
	}
	p.kill(w)
	switch stopped {
	case stopTimeout:
		return failedAnswer(j, fmt.Sprintf(causeTimeout, j.Opts.Timeout)), false
	case stopMemory:
		return failedAnswer(j, fmt.Sprintf(causeMemory, p.memMB)), used
	case stopCancel:
		return failedAnswer(j, "检查已取消"), false
	}
	if !sent {
		return failedAnswer(j, causeCrash), false
	}
	if lastRSS > p.memMB<<20/2 {
		// it died growing: the hard cap (RLIMIT_DATA) stopped it
		return failedAnswer(j, fmt.Sprintf(causeMemory, p.memMB)), used
	}
	return failedAnswer(j, p.crashCause(w)), false
}

// crashCause tells from a dead worker's last words why it died.
func (p *pool) crashCause(w *proc) string {
	select {
	case <-w.exited:
	case <-time.After(time.Second):
	}
	msg := w.stderr.String()
	if strings.Contains(msg, "out of memory") || strings.Contains(msg, "cannot allocate memory") ||
		strings.Contains(msg, "cannot map pages") || strings.Contains(msg, "errno=12") {
		return fmt.Sprintf(causeMemory, p.memMB)
	}
	return causeCrash
}

// tailBuffer keeps the last max bytes written to it.
type tailBuffer struct {
	mu  sync.Mutex
	max int
	b   []byte
}

func (t *tailBuffer) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.b = append(t.b, p...)
	if len(t.b) > t.max {
		t.b = append(t.b[:0], t.b[len(t.b)-t.max:]...)
	}
	return len(p), nil
}

func (t *tailBuffer) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return string(t.b)
}

// batchOptions say how a batch runs.
type batchOptions struct {
	// Jobs is the number of workers (0: one per core).
	Jobs int
	// Isolate runs every file in a worker process even for a single file.
	Isolate bool
	// Share is how many workers share the memory budget (see workerMemMB);
	// 0: Jobs. serve gives its number of concurrent requests, each of
	// which has a worker of its own.
	Share int
}

// runner runs jobs: in worker processes, or in this process.
type runner struct {
	pool  *pool
	prevs *prevCache
	jobs  int
}

// newRunner decides where n files are checked: one file (or stdin) in this
// process, which is faster; several in workers. REPORTLINT_ISOLATE=1
// isolates also a single file, =0 never isolates.
func newRunner(n int, o batchOptions) *runner {
	jobs := o.Jobs
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	jobs = max(1, min(jobs, n))
	r := &runner{prevs: &prevCache{}, jobs: jobs}
	isolate := n > 1 || o.Isolate
	switch os.Getenv("REPORTLINT_ISOLATE") {
	case "1":
		isolate = true
	case "0":
		isolate = false
	}
	if isolate {
		share := jobs
		if o.Share > 0 {
			share = o.Share
		}
		if p, err := newPool(jobs, workerMemMB(share)); err == nil {
			r.pool = p
		}
	}
	return r
}

// run answers the jobs, calling done(i, answer) as each finishes (from
// several goroutines, in any order).
func (r *runner) run(ctx context.Context, jobs []job, done func(int, answer)) {
	if r.pool == nil {
		for i, j := range jobs {
			done(i, process(j, r.prevs))
		}
		return
	}
	idx := make(chan int)
	var wg sync.WaitGroup
	for range r.jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range idx {
				j := jobs[i]
				if j.Path == "-" {
					done(i, process(j, &prevCache{}))
					continue
				}
				done(i, r.pool.do(ctx, j))
			}
		}()
	}
	for i := range jobs {
		idx <- i
	}
	close(idx)
	wg.Wait()
}

// close ends the workers.
func (r *runner) close() {
	if r.pool != nil {
		r.pool.close()
	}
}
