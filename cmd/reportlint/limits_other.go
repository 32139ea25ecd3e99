//go:build !linux

package main

// limitMemory has no hard cap outside Linux; the worker's soft memory
// limit (debug.SetMemoryLimit) and the deadline still apply.
func limitMemory(int64) {}

// processRSS is unknown outside Linux.
func processRSS(int) int64 { return 0 }
