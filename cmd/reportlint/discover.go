package main

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/reportlint/reportlint/parser/load"
)

// reportFiles are the files a command line names.
type reportFiles struct {
	list []string
	// empty: a directory named on the command line holds no report file.
	empty bool
}

// discoverReports expands the command-line paths into the files to check.
// A path that does not exist stays in the list (it becomes a P001 finding
// for that path and the rest is checked), unless no path exists at all. A
// directory without a report file is said on stderr and sets empty (the
// command then exits 2, so a run pointed at the wrong folder fails); when
// nothing at all is left to check, that is a usage error.
func discoverReports(paths []string, stderr io.Writer) (reportFiles, error) {
	var rf reportFiles
	missing := 0
	seen := map[string]bool{}
	for _, p := range paths {
		if p != "-" {
			if _, err := os.Stat(p); err != nil {
				missing++
			}
		}
		fs, err := discover([]string{p})
		if err != nil {
			return rf, err
		}
		if st, err := os.Stat(p); err == nil && st.IsDir() && len(fs) == 0 {
			rf.empty = true
			fmt.Fprintf(stderr, "reportlint: 目录 %s 中没有找到报告文件（%s）；请检查路径是否正确\n", p, strings.Join(reportExtList(), " "))
		}
		for _, f := range fs {
			if !seen[f] {
				seen[f] = true
				rf.list = append(rf.list, f)
			}
		}
	}
	files := rf.list
	switch {
	case len(paths) > 0 && missing == len(paths):
		return rf, usageError{fmt.Sprintf("路径不存在或无法访问：%s；请检查路径是否正确（没有检查任何文件）", strings.Join(paths, "、"))}
	case len(files) == missing && !slices.Contains(paths, "-"):
		if missing > 0 {
			return rf, usageError{fmt.Sprintf("没有找到可检查的报告文件（%d 个路径不存在，目录中也没有报告文件）", missing)}
		}
		if rf.empty {
			// each empty folder has been named on stderr already
			return rf, usageError{"没有检查任何文件"}
		}
		return rf, usageError{"没有找到可检查的报告文件；请检查路径是否正确"}
	}
	return rf, nil
}

// reportExtList is the sorted list of the extensions a directory walk
// picks up (from the input-format registry; old binary formats are
// included so that they get a P001 rather than being skipped silently).
func reportExtList() []string { return load.Extensions() }

// discover expands the command-line paths into the list of files to check,
// in a stable order. A path that does not exist is kept as it is: reading
// it gives the P001 that names it.
func discover(paths []string) ([]string, error) {
	var files []string
	seen := map[string]bool{}
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			files = append(files, p)
		}
	}
	for _, p := range paths {
		if p == "-" {
			add(p)
			continue
		}
		st, err := os.Stat(p)
		if err != nil || !st.IsDir() {
			add(p)
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				// An unreadable subdirectory: report it as a file that
				// cannot be read instead of stopping the batch.
				found = append(found, path)
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			name := d.Name()
			if d.IsDir() {
				if path != p && (strings.HasPrefix(name, ".") || name == "node_modules") {
					return fs.SkipDir
				}
				return nil
			}
			if strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$") {
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 {
				// A link to a file is checked; a link to a directory is not
				// followed, so that link loops cannot hang the walk.
				st, err := os.Stat(path)
				if err != nil || !st.Mode().IsRegular() {
					return nil
				}
			} else if !d.Type().IsRegular() {
				return nil
			}
			if load.IsReportName(name) || (filepath.Ext(name) == "" && sniffable(path)) {
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("遍历目录 %s: %w", p, err)
		}
		sort.Strings(found)
		for _, f := range found {
			add(f)
		}
	}
	return files, nil
}

// sniffable reports whether a file without an extension looks like a
// report (PDF, DOCX or HTML) by its first bytes.
func sniffable(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 512)
	n, _ := f.Read(head)
	return load.LooksLikeReport(head[:n])
}
