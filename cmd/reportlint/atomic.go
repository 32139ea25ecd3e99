package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/reportlint/reportlint/internal/errtext"
)

// Every file reportlint writes (--output, --write-baseline, summaries) is
// written to a temporary file in the same folder and renamed over the
// target once complete, so an interrupted or failing write leaves the old
// file as it was; and no output may be one of the files being checked.

// atomicFile is a file being written; Commit puts it in place.
type atomicFile struct {
	*os.File
	target string
	done   bool
}

// createAtomic starts writing path. Nothing at path changes until Commit.
func createAtomic(path string) (*atomicFile, error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return nil, err
	}
	return &atomicFile{File: f, target: path}, nil
}

// Commit closes the temporary file and renames it to the target. The
// target keeps the permissions of the file it replaces (0644 when new).
func (a *atomicFile) Commit() error {
	if a.done {
		return nil
	}
	a.done = true
	mode := os.FileMode(0o644)
	if st, err := os.Stat(a.target); err == nil {
		mode = st.Mode().Perm()
	}
	err := a.File.Sync()
	if cerr := a.File.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(a.File.Name(), mode)
	}
	if err == nil {
		err = os.Rename(a.File.Name(), a.target)
	}
	if err != nil {
		_ = os.Remove(a.File.Name())
	}
	return err
}

// Abort drops what was written; the target is left as it was.
func (a *atomicFile) Abort() {
	if a.done {
		return
	}
	a.done = true
	_ = a.File.Close()
	_ = os.Remove(a.File.Name())
}

// writeFileAtomic writes data to path through a temporary file.
func writeFileAtomic(path string, data []byte) error {
	f, err := createAtomic(path)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Abort()
		return err
	}
	return f.Commit()
}

// finishOutput completes an output opened with openOutput: it is put in
// place when writing succeeded (werr nil) and dropped otherwise.
func finishOutput(dest io.Writer, closeDest func() error, werr error) error {
	if a, ok := dest.(*atomicFile); ok && werr != nil {
		a.Abort()
		return werr
	}
	if cerr := closeDest(); werr == nil {
		werr = cerr
	}
	return werr
}

// checkOutputPath refuses an output path that is one of the inputs (also
// through a link, a ./ form or a hard link) and reports an output that
// cannot be written, before any file is checked. "" and "-" (stdout) pass.
func checkOutputPath(out string, inputs []string) error {
	if out == "" || out == "-" {
		return nil
	}
	absOut, _ := filepath.Abs(out)
	realOut := absOut
	if r, err := filepath.EvalSymlinks(out); err == nil {
		realOut, _ = filepath.Abs(r)
	}
	st, statErr := os.Stat(out)
	if statErr == nil && st.IsDir() {
		return usageError{fmt.Sprintf("输出路径 %s 是一个目录，请给出文件名", out)}
	}
	for _, in := range inputs {
		if in == "" || in == "-" {
			continue
		}
		same := false
		if a, err := filepath.Abs(in); err == nil && (a == absOut || a == realOut) {
			same = true
		} else if r, err := filepath.EvalSymlinks(in); err == nil {
			if a, _ := filepath.Abs(r); a == realOut {
				same = true
			}
		}
		if !same && statErr == nil {
			if ist, err := os.Stat(in); err == nil && os.SameFile(st, ist) {
				same = true
			}
		}
		if same {
			return usageError{fmt.Sprintf("输出文件 %s 就是要读取的文件 %s，写入会覆盖它；请换一个输出文件名", out, in)}
		}
	}
	// can a file be created beside it?
	probe, err := createAtomic(out)
	if err != nil {
		return usageError{fmt.Sprintf("无法写入输出文件 %s（%s）；请检查目录是否存在、是否有写权限", out, errtext.Write(err))}
	}
	probe.Abort()
	if statErr == nil {
		if f, err := os.OpenFile(out, os.O_WRONLY, 0); err != nil {
			if errors.Is(err, os.ErrPermission) {
				return usageError{fmt.Sprintf("无法写入输出文件 %s（没有写权限）", out)}
			}
		} else {
			_ = f.Close()
		}
	}
	return nil
}
