package main

import (
	"runtime"
	"testing"
)

// TestHeapHeldIsMemStatsFigure: the runtime/metrics figure the worker
// frees memory by is MemStats' HeapSys - HeapReleased (read a moment
// apart, so within a little).
func TestHeapHeldIsMemStatsFigure(t *testing.T) {
	keep := make([][]byte, 0, 64)
	for range 64 {
		keep = append(keep, make([]byte, 64<<10))
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	got := heapHeld()
	want := ms.HeapSys - ms.HeapReleased
	diff := int64(got) - int64(want)
	if diff < -(2<<20) || diff > 2<<20 {
		t.Fatalf("heapHeld() = %d, MemStats HeapSys-HeapReleased = %d", got, want)
	}
	runtime.KeepAlive(keep)
}
