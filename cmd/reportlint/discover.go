package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// reportExts are the extensions a directory walk picks up. Old binary
// formats are included so that they get a P001 finding rather than being
// silently skipped.
var reportExts = map[string]bool{
	".html": true, ".htm": true, ".shtml": true, ".xhtml": true, ".mht": false,
	".pdf": true, ".docx": true, ".txt": true, ".doc": true, ".wps": true,
}

// discover expands the command-line paths into the list of files to check,
// in a stable order. A path that does not exist is a usage error (exit 2).
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
		if err != nil {
			return nil, usageError{fmt.Sprintf("路径不存在或无法访问: %s", p)}
		}
		if !st.IsDir() {
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
			ext := strings.ToLower(filepath.Ext(name))
			if reportExts[ext] || (ext == "" && sniffable(path)) {
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
	head = bytes.ToLower(head[:n])
	return bytes.HasPrefix(head, []byte("%pdf-")) || bytes.HasPrefix(head, []byte("pk\x03\x04")) ||
		bytes.Contains(head, []byte("<html")) || bytes.Contains(head, []byte("<!doctype html"))
}
