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
}

// proc is one worker process.
type proc struct {
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	enc    *gob.Encoder
	dec    *gob.Decoder
	stderr *tailBuffer
	exited chan struct{}
}

// newPool makes a pool of at most n workers (started when first needed),
// each capped at memMB.
func newPool(n int, memMB int64) (*pool, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("找不到 reportlint 程序本身，无法启动检查进程: %w", err)
	}
	p := &pool{exe: exe, memMB: memMB, grace: 2 * time.Second, idle: make(chan *proc, n), all: map[*proc]bool{}}
	for range n {
		p.idle <- nil // a slot; the process starts with its first job
	}
	return p, nil
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
			return failedAnswer(j, "无法启动检查进程（"+err.Error()+"），该文件未检查"), false
		}
	}
	if err := w.enc.Encode(&j); err != nil {
		p.kill(w)
		return failedAnswer(j, causeCrash), false
	}
	got := make(chan answer, 1)
	lost := make(chan error, 1)
	go func() {
		var a answer
		if err := w.dec.Decode(&a); err != nil {
			lost <- err
			return
		}
		got <- a
	}()
	limit := j.Opts.Timeout
	if j.Previous != "" {
		limit *= 2 // two files are read
	}
	var deadline <-chan time.Time
	if limit > 0 {
		t := time.NewTimer(limit + p.grace)
		defer t.Stop()
		deadline = t.C
	}
	tick := time.NewTicker(25 * time.Millisecond)
	defer tick.Stop()
	var lastRSS int64
	for {
		select {
		case a := <-got:
			if a.Abandoned > 0 {
				// a reader is still spinning on an earlier file: free the core
				p.kill(w)
			} else {
				keep = w
			}
			return a, false
		case <-lost:
			p.kill(w)
			if lastRSS > p.memMB<<20/2 {
				// it died growing: the hard cap (RLIMIT_DATA) stopped it
				return failedAnswer(j, fmt.Sprintf(causeMemory, p.memMB)), used
			}
			return failedAnswer(j, p.crashCause(w)), false
		case <-deadline:
			p.kill(w)
			return failedAnswer(j, fmt.Sprintf(causeTimeout, j.Opts.Timeout)), false
		case <-ctx.Done():
			p.kill(w)
			return failedAnswer(j, "检查已取消"), false
		case <-tick.C:
			rss := processRSS(w.cmd.Process.Pid)
			lastRSS = max(lastRSS, rss)
			if rss > p.memMB<<20 {
				p.kill(w)
				return failedAnswer(j, fmt.Sprintf(causeMemory, p.memMB)), used
			}
		}
	}
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
