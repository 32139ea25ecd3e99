//go:build linux

package main

import (
	"os"
	"strconv"
	"strings"
	"syscall"
)

// limitMemory caps the data segment of this (worker) process at twice the
// worker's memory cap, and at least 1 GB: the data segment counts address
// space the runtime reserved and never unmaps, so a worker that once read
// a large file keeps it; at 256-300 MB such workers died on the next small
// file. The parent's RSS watch is the real cap; this is the hard stop for
// an allocation too fast for the parent to see (the runtime then dies with
// "out of memory", which the parent reports as a memory failure).
func limitMemory(bytes int64) {
	lim := uint64(max(2*bytes, 1<<30))
	var cur syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_DATA, &cur); err == nil && cur.Max < lim {
		lim = cur.Max
	}
	_ = syscall.Setrlimit(syscall.RLIMIT_DATA, &syscall.Rlimit{Cur: lim, Max: lim})
}

// processRSS is the resident memory of process pid in bytes (0 if unknown).
func processRSS(pid int) int64 {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/statm")
	if err != nil {
		return 0
	}
	f := strings.Fields(string(b))
	if len(f) < 2 {
		return 0
	}
	pages, err := strconv.ParseInt(f[1], 10, 64)
	if err != nil {
		return 0
	}
	return pages * int64(os.Getpagesize())
}
