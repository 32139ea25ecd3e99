package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/width"

	"github.com/reportlint/reportlint/internal/errtext"
	"github.com/reportlint/reportlint/rules"
)

// maxBaselineBytes bounds a baseline file (about 200 bytes per finding).
const maxBaselineBytes = 64 << 20

// identity is what identifies a finding independently of where it sits:
// the key the rule gave it (table/row/column, section, note) or, for rules
// that give none, its message normalised (spacing and full/half width
// folded, digits kept). The line is never part of it, so a finding does not
// come back when unrelated lines are inserted above it.
func identity(f rules.Finding) string {
	if f.Key != "" {
		return "key:" + f.Key
	}
	return "msg:" + normaliseMessage(f.Message)
}

func normaliseMessage(s string) string {
	s = width.Fold.String(s)
	var b strings.Builder
	for _, r := range s {
		if unicode.IsSpace(r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// fingerprint hashes rule, file path (slash-separated, relative) and
// identity into a short hex string.
func fingerprint(rule, path string, f rules.Finding) string {
	h := sha256.New()
	h.Write([]byte(rule))
	h.Write([]byte{0})
	h.Write([]byte(path))
	h.Write([]byte{0})
	h.Write([]byte(identity(f)))
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// relPath gives file relative to dir with forward slashes ("../x" allowed),
// or the absolute slash path when no relative path exists; "-" stays "-".
func relPath(dir, file string) string {
	if file == "-" {
		return "-"
	}
	abs, err := filepath.Abs(file)
	if err != nil {
		return filepath.ToSlash(file)
	}
	rel, err := filepath.Rel(dir, abs)
	if err != nil {
		return filepath.ToSlash(abs)
	}
	return filepath.ToSlash(rel)
}

// baselineFile is the JSON a baseline is stored in. One entry per finding;
// the same fingerprint appears as often as the finding occurs.
type baselineFile struct {
	Version  int             `json:"version"`
	Tool     string          `json:"tool"`
	Findings []baselineEntry `json:"findings"`
}

type baselineEntry struct {
	Fingerprint string `json:"fingerprint"`
	Rule        string `json:"rule"`
	Path        string `json:"path"`
	// Message is for people reading the file; matching ignores it.
	Message string `json:"message"`
}

// baselineDir is the directory paths in a baseline are relative to: the
// baseline file's own, so the file works from any working directory.
func baselineDir(file string) (string, error) {
	abs, err := filepath.Abs(file)
	if err != nil {
		return "", err
	}
	return filepath.Dir(abs), nil
}

// baselineScope says which baseline entries a run speaks for: those of the
// files it checked, and those of files that no longer exist under a folder
// it walked (the report was deleted or renamed). Entries of other files are
// kept as they are, so a pre-commit run over the staged files neither
// reports the rest as gone nor drops them with --write-baseline.
type baselineScope struct {
	dir     string          // the baseline file's folder
	checked map[string]bool // paths relative to dir
	walked  []string        // folders given on the command line, relative to dir
}

func newBaselineScope(dir string, out []checked, paths []string) baselineScope {
	sc := baselineScope{dir: dir, checked: map[string]bool{}}
	for _, c := range out {
		sc.checked[relPath(dir, c.Path)] = true
	}
	for _, p := range paths {
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			sc.walked = append(sc.walked, relPath(dir, p))
		}
	}
	return sc
}

// covers reports whether the entry for path (relative to the baseline's
// folder) is about a file of this run.
func (sc baselineScope) covers(path string) bool {
	if sc.checked[path] {
		return true
	}
	if _, err := os.Stat(filepath.Join(sc.dir, filepath.FromSlash(path))); err == nil {
		return false
	}
	for _, w := range sc.walked {
		if w == "." || path == w || strings.HasPrefix(path, strings.TrimSuffix(w, "/")+"/") {
			return true
		}
	}
	return false
}

// writeBaseline records the findings of out in file. Entries already in
// file for files this run did not check are kept. It returns how many
// entries it wrote for the checked files and how many it kept.
func writeBaseline(file string, out []checked, paths []string) (written, kept int, err error) {
	dir, err := baselineDir(file)
	if err != nil {
		return 0, 0, usageError{fmt.Sprintf("基线文件路径 %s 无效（%s）", file, errtext.Read(err, "无法确定其所在目录"))}
	}
	b := baselineFile{Version: 1, Tool: "reportlint", Findings: []baselineEntry{}}
	sc := newBaselineScope(dir, out, paths)
	if old, err := readBaselineFile(file); err == nil {
		for _, e := range old.Findings {
			if !sc.covers(e.Path) {
				b.Findings = append(b.Findings, e)
				kept++
			}
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return 0, 0, err
	}
	for _, c := range out {
		p := relPath(dir, c.Path)
		for _, f := range c.Findings {
			b.Findings = append(b.Findings, baselineEntry{Fingerprint: fingerprint(f.Rule, p, f), Rule: f.Rule, Path: p, Message: f.Message})
			written++
		}
	}
	sort.SliceStable(b.Findings, func(i, j int) bool {
		x, y := b.Findings[i], b.Findings[j]
		if x.Path != y.Path {
			return x.Path < y.Path
		}
		if x.Rule != y.Rule {
			return x.Rule < y.Rule
		}
		return x.Fingerprint < y.Fingerprint
	})
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(b); err != nil {
		return 0, 0, err
	}
	if err := writeFileAtomic(file, buf.Bytes()); err != nil {
		return 0, 0, usageError{fmt.Sprintf("无法写入基线文件 %s（%s）", file, errtext.Write(err))}
	}
	return written, kept, nil
}

// baseline is a loaded baseline: how many times each fingerprint was seen,
// and the file each fingerprint is about.
type baseline struct {
	dir    string
	counts map[string]int
	paths  map[string]string
}

// readBaselineFile reads and decodes a baseline; a missing file is an
// fs.ErrNotExist error, anything else a usage error that names the file.
func readBaselineFile(file string) (*baselineFile, error) {
	data, err := readBounded(file, maxBaselineBytes)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		return nil, usageError{fmt.Sprintf("无法读取基线文件 %s（%s）", file, errtext.Read(err, "读取出错"))}
	}
	var b baselineFile
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&b); err != nil {
		return nil, usageError{fmt.Sprintf("基线文件 %s 格式不对（%s；应为 reportlint check --write-baseline 生成的 JSON）", file, errtext.JSON(err))}
	}
	if b.Version != 1 {
		return nil, usageError{fmt.Sprintf("基线文件 %s 的版本 %d 不受支持（应为 1）", file, b.Version)}
	}
	return &b, nil
}

// loadBaseline reads a baseline written by --write-baseline.
func loadBaseline(file string) (*baseline, error) {
	b, err := readBaselineFile(file)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, usageError{fmt.Sprintf("--baseline 指定的基线文件不存在: %s（先用 --write-baseline %s 生成）", file, file)}
		}
		return nil, err
	}
	dir, err := baselineDir(file)
	if err != nil {
		return nil, usageError{fmt.Sprintf("基线文件路径 %s 无效（%s）", file, errtext.Read(err, "无法确定其所在目录"))}
	}
	bl := &baseline{dir: dir, counts: map[string]int{}, paths: map[string]string{}}
	for _, e := range b.Findings {
		bl.counts[e.Fingerprint]++
		bl.paths[e.Fingerprint] = e.Path
	}
	return bl, nil
}

// apply removes from out the findings the baseline records, each entry
// absorbing one occurrence. It returns how many were removed and how many
// entries about the files of this run (see baselineScope) matched nothing:
// findings since fixed. Entries of files the run did not check are not
// counted.
func (bl *baseline) apply(out []checked, paths []string) (suppressed, stale int) {
	left := make(map[string]int, len(bl.counts))
	for k, v := range bl.counts {
		left[k] = v
	}
	for i := range out {
		p := relPath(bl.dir, out[i].Path)
		kept := out[i].Findings[:0:0]
		for _, f := range out[i].Findings {
			fp := fingerprint(f.Rule, p, f)
			if left[fp] > 0 {
				left[fp]--
				suppressed++
				continue
			}
			kept = append(kept, f)
		}
		out[i].Findings = kept
	}
	sc := newBaselineScope(bl.dir, out, paths)
	for fp, v := range left {
		if v > 0 && sc.covers(bl.paths[fp]) {
			stale += v
		}
	}
	return suppressed, stale
}
