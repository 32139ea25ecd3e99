package main

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/reportlint/reportlint/internal/errtext"
	"github.com/reportlint/reportlint/parser"
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
// nothing at all is left to check, that is a usage error. With verbose,
// the files a directory walk leaves out on purpose (reportlint's own HTML
// summaries) are said on stderr.
func discoverReports(paths []string, stderr io.Writer, verbose bool) (reportFiles, error) {
	var rf reportFiles
	missing := 0
	set := newFileSet()
	var dirLinks []string // the links to folders the walk of one path left
	skipped := func(path, why string) {
		if why == skipDirLink {
			dirLinks = append(dirLinks, path)
		}
		if verbose {
			fmt.Fprintf(stderr, "reportlint: 跳过 %s：%s\n", path, why)
		}
	}
	for _, p := range paths {
		var st os.FileInfo
		if p != "-" {
			var err error
			if st, err = os.Stat(p); err != nil {
				missing++
			}
		}
		dirLinks = nil
		fs, err := expand(p, skipped)
		if err != nil {
			return rf, err
		}
		if st != nil && st.IsDir() && len(fs) == 0 {
			rf.empty = true
			msg := fmt.Sprintf("reportlint: 目录 %s 中没有找到报告文件（%s）", p, strings.Join(reportExtList(), " "))
			if len(dirLinks) > 0 {
				msg += fmt.Sprintf("；其中有 %d 个指向目录的链接（%s），目录中的链接不跟随，要检查它们请直接写出这些路径", len(dirLinks), listSome(dirLinks, 5))
			} else {
				msg += "；请检查路径是否正确"
			}
			fmt.Fprintln(stderr, msg)
		}
		for _, f := range fs {
			set.add(f)
		}
	}
	rf.list = set.files
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

// skipDirLink is why the walk leaves out a link to a folder.
const skipDirLink = "这是指向目录的链接，目录中的链接不跟随；要检查它请直接写出该路径"

// listSome joins the first n items with 、, saying how many more there are.
func listSome(items []string, n int) string {
	if len(items) <= n {
		return strings.Join(items, "、")
	}
	return strings.Join(items[:n], "、") + fmt.Sprintf(" 等 %d 个", len(items))
}

// fileSet is the list of files to check without repeats, in the order
// they were first named. A file is a repeat when its path is the same
// after filepath.Clean ("./a.txt" and "a.txt"), or when it is the same
// file (os.SameFile) at the same place once links are resolved (a link
// to it, a path through a linked folder, an absolute path). Hard links
// are separate names a folder holds (a folder of copies made with ln),
// so they stay separate files.
type fileSet struct {
	files []string
	paths map[string]bool
	// bySize holds the files that exist, by size (os.SameFile compares
	// only files of the same size).
	bySize map[int64][]*seenFile
}

type seenFile struct {
	path string
	info os.FileInfo
	// real is the path once links are resolved, made absolute: computed
	// when another path of the same file comes ("" until then; "-" when
	// it cannot be resolved).
	real string
}

func newFileSet() *fileSet {
	return &fileSet{paths: map[string]bool{}, bySize: map[int64][]*seenFile{}}
}

func (s *fileSet) add(p string) {
	key := p
	if p != "-" {
		key = filepath.Clean(p)
	}
	if s.paths[key] {
		return
	}
	s.paths[key] = true
	if p != "-" {
		if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
			nf := &seenFile{path: p, info: st}
			for _, o := range s.bySize[st.Size()] {
				if os.SameFile(o.info, st) && o.realPath() == nf.realPath() && nf.real != "-" {
					return
				}
			}
			s.bySize[st.Size()] = append(s.bySize[st.Size()], nf)
		}
	}
	s.files = append(s.files, p)
}

// realPath is the file's place once links are resolved ("-" when that
// fails), computed once.
func (f *seenFile) realPath() string {
	if f.real == "" {
		f.real = "-"
		if r, err := filepath.EvalSymlinks(f.path); err == nil {
			if a, err := filepath.Abs(r); err == nil {
				f.real = a
			}
		}
	}
	return f.real
}

// reportExtList is the sorted list of the extensions a directory walk
// picks up (from the input-format registry; old binary formats are
// included so that they get a P001 rather than being skipped silently).
func reportExtList() []string { return load.Extensions() }

// discover expands the command-line paths into the list of files to check,
// in a stable order, each file once (see fileSet). A path that does not
// exist is kept as it is: reading it gives the P001 that names it.
func discover(paths []string) ([]string, error) {
	set := newFileSet()
	for _, p := range paths {
		fs, err := expand(p, nil)
		if err != nil {
			return nil, err
		}
		for _, f := range fs {
			set.add(f)
		}
	}
	return set.files, nil
}

// expand is the files one command-line path stands for: a directory (or
// a link to one) is walked, in sorted order; anything else is itself.
// skipped, when not nil, is told of the files the walk leaves out on
// purpose, and of the links to folders it does not follow (skipDirLink).
func expand(p string, skipped func(path, why string)) ([]string, error) {
	if p == "-" {
		return []string{p}, nil
	}
	st, err := os.Stat(p)
	if err != nil || !st.IsDir() {
		return []string{p}, nil
	}
	root := p
	if lst, err := os.Lstat(p); err == nil && lst.Mode()&fs.ModeSymlink != 0 {
		// A link to a folder named on the command line is walked as the
		// folder: WalkDir does not follow a link at its root, but does
		// with a separator after it. The paths found keep the link's name.
		root = p + string(filepath.Separator)
	}
	var found []string
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
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
			if path != root && (strings.HasPrefix(name, ".") || name == "node_modules") {
				return fs.SkipDir
			}
			return nil
		}
		if strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$") {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			// A link to a file is checked; a link to a directory is not
			// followed, so that link loops cannot hang the walk. A broken
			// link with a report's name is kept: reading it gives the P001
			// that names it, as for a missing path on the command line.
			st, err := os.Stat(path)
			if err != nil {
				if load.IsReportName(name) {
					found = append(found, path)
				}
				return nil
			}
			if st.IsDir() && skipped != nil {
				skipped(path, skipDirLink)
			}
			if !st.Mode().IsRegular() {
				return nil
			}
		} else if !d.Type().IsRegular() {
			return nil
		}
		if load.IsReportName(name) || (filepath.Ext(name) == "" && sniffable(path)) {
			if isHTMLName(name) && writtenByReportlint(path) {
				// a summary of an earlier run left beside the reports
				if skipped != nil {
					skipped(path, "这是 reportlint 生成的汇总页，不是报告（直接在命令行上给出时才检查它）")
				}
				return nil
			}
			found = append(found, path)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("无法遍历目录 %s（%s）", p, errtext.Read(err, "读取出错"))
	}
	sort.Strings(found)
	return found, nil
}

// isHTMLName reports whether a file name found in a walk may be an HTML
// page: an HTML extension, or none (the content was sniffed).
func isHTMLName(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	if ext == "" {
		return true
	}
	for _, f := range load.Formats {
		if f.Format == parser.FormatHTML && slices.Contains(f.Exts, ext) {
			return true
		}
	}
	return false
}

// generatorMark is the meta element the HTML summary carries
// (webui/report.tmpl); a walk skips pages that have it in their head.
const generatorMark = `<meta name="generator" content="reportlint">`

// legacyMark is how the summaries of versions before generatorMark begin
// their style sheet (the first line of webui/report.css).
const legacyMark = `<style>/* reportlint results: shared by the batch summary page`

// generatorHead is how much of a file writtenByReportlint reads.
const generatorHead = 4096

// writtenByReportlint reports whether an HTML file is a page reportlint
// wrote: its first few KB hold generatorMark (or legacyMark).
func writtenByReportlint(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, generatorHead)
	n, _ := io.ReadFull(f, head)
	return bytes.Contains(head[:n], []byte(generatorMark)) || bytes.Contains(head[:n], []byte(legacyMark))
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
