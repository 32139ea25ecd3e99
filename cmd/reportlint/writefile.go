package main

import (
	"bufio"
	"fmt"
	"io"

	"github.com/reportlint/reportlint/internal/errtext"
)

// writeOutput writes a result to path ("" or "-": stdout) and, for a file,
// says on stderr what was written where. A file is written through
// createAtomic: a failed write leaves the previous file as it was.
func writeOutput(path, what string, stdout, stderr io.Writer, write func(io.Writer) error) error {
	if path == "" || path == "-" {
		return write(stdout)
	}
	f, err := createAtomic(path)
	if err != nil {
		return writeError(what, path, err)
	}
	bw := bufio.NewWriterSize(f, 64<<10)
	err = write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if err != nil {
		f.Abort()
		return writeError(what, path, err)
	}
	if err := f.Commit(); err != nil {
		return writeError(what, path, err)
	}
	fmt.Fprintf(stderr, "reportlint: 已写入%s %s\n", what, path)
	return nil
}

// writeError says that an output could not be written, and why, in
// Chinese. An error a format wrote itself (in Chinese) is kept as it is.
func writeError(what, path string, err error) error {
	return fmt.Errorf("无法写入%s %s（%s）", what, path, errtext.Write(err))
}
