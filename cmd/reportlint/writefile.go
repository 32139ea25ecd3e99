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

// checkOutputPath refuses, before any file is read, an output path that
// cannot be written: a folder, or a file in a folder that does not exist.
func checkOutputPath(flagName, path string) error {
	if path == "" || path == "-" {
		return nil
	}
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return usageError{fmt.Sprintf("%s %s 是一个目录；请给出文件名，例如 %s", flagName, path, filepath.Join(path, "汇总.xlsx"))}
	}
	dir := filepath.Dir(path)
	st, err := os.Stat(dir)
	if err != nil {
		return usageError{fmt.Sprintf("%s %s：目录 %s 不存在", flagName, path, dir)}
	}
	if !st.IsDir() {
		return usageError{fmt.Sprintf("%s %s：%s 不是目录", flagName, path, dir)}
	}
	return nil
}

// refuseInputs refuses output paths that are among the files to read: a
// --summary reports/a.html must not replace the report it summarises.
func refuseInputs(files []string, outputs ...string) error {
	var outs []os.FileInfo
	var names []string
	for _, o := range outputs {
		if o == "" || o == "-" {
			continue
		}
		if st, err := os.Stat(o); err == nil {
			outs, names = append(outs, st), append(names, o)
		}
	}
	if len(outs) == 0 {
		return nil
	}
	for _, f := range files {
		st, err := os.Stat(f)
		if err != nil {
			continue
		}
		for i, o := range outs {
			if os.SameFile(st, o) {
				return usageError{fmt.Sprintf("输出文件 %s 是要检查的报告 %s；请换一个文件名，以免覆盖报告", names[i], f)}
			}
		}
	}
	return nil
}
