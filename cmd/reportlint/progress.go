package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"
)

// progress shows files done/total, rate and time left on stderr while a
// batch runs, redrawn in place on one line. It is on only when stderr is a
// terminal and CI is not set, so pipes, log files and CI logs see nothing.
type progress struct {
	w     io.Writer
	total int
	start time.Time
	now   func() time.Time

	mu    sync.Mutex
	n     int
	last  time.Time
	drawn bool
}

// progressMinFiles: a batch smaller than this finishes before a progress
// line would help.
const progressMinFiles = 20

// progressEvery is how often the line is redrawn.
const progressEvery = 200 * time.Millisecond

func newProgress(stderr io.Writer, total int) *progress {
	if total < progressMinFiles || os.Getenv("CI") != "" || !isTerminal(stderr) {
		return nil
	}
	now := time.Now()
	// The first line is drawn after progressEvery, with a rate worth reading.
	return &progress{w: stderr, total: total, start: now, last: now, now: time.Now}
}

// done counts one file; safe for concurrent use, and a no-op on nil.
func (p *progress) done() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.n++
	t := p.now()
	if t.Sub(p.last) < progressEvery && p.n < p.total {
		return
	}
	p.last = t
	fmt.Fprintf(p.w, "\r%s\x1b[K", p.line(t))
	p.drawn = true
}

// line is the text of the progress line at time t.
func (p *progress) line(t time.Time) string {
	el := t.Sub(p.start).Seconds()
	s := fmt.Sprintf("已检查 %d/%d 个文件", p.n, p.total)
	if el > 0 && p.n > 0 {
		rate := float64(p.n) / el
		s += fmt.Sprintf("，每秒 %.0f 个", rate)
		if left := p.total - p.n; left > 0 {
			s += "，预计还需 " + (time.Duration(float64(left) / rate * float64(time.Second))).Round(time.Second).String()
		}
	}
	return s
}

// finish clears the progress line.
func (p *progress) finish() {
	if p == nil || !p.drawn {
		return
	}
	fmt.Fprint(p.w, "\r\x1b[K")
}
