package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// writeFileAtomic writes path through a temporary file in the same folder
// and renames it into place, so a failed or interrupted run never leaves a
// half-written file (a truncated .xlsx that Excel refuses) where the last
// good one was. It is the one place outputs are written to disk.
func writeFileAtomic(path string, write func(io.Writer) error) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	name := tmp.Name()
	ok := false
	defer func() {
		if !ok {
			tmp.Close()
			os.Remove(name)
		}
	}()
	bw := bufio.NewWriterSize(tmp, 64<<10)
	if err := write(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	// CreateTemp makes the file 0600; outputs are ordinary files.
	if err := os.Chmod(name, 0o644); err != nil {
		return err
	}
	if err := os.Rename(name, path); err != nil {
		return err
	}
	ok = true
	return nil
}

// writeOutput writes a result to path ("" or "-": stdout) and, for a file,
// says on stderr what was written where.
func writeOutput(path, what string, stdout, stderr io.Writer, write func(io.Writer) error) error {
	if path == "" || path == "-" {
		return write(stdout)
	}
	if err := writeFileAtomic(path, write); err != nil {
		return fmt.Errorf("无法写入%s %s: %w", what, path, err)
	}
	fmt.Fprintf(stderr, "reportlint: 已写入%s %s\n", what, path)
	return nil
}
