package main

import (
	"os"
	"testing"
)

// TestMain lets the test binary serve as the worker process: the pool
// re-executes os.Executable(), which in tests is this binary.
func TestMain(m *testing.M) {
	if os.Getenv(workerEnv) == "1" && len(os.Args) > 1 && os.Args[1] == "worker" {
		os.Exit(cmdWorker(os.Args[2:]))
	}
	os.Exit(m.Run())
}
