package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/width"

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

// writeBaseline records every finding of out in file.
func writeBaseline(file string, out []checked) (int, error) {
	dir, err := baselineDir(file)
	if err != nil {
		return 0, usageError{fmt.Sprintf("基线文件路径 %s 无效: %v", file, err)}
	}
	b := baselineFile{Version: 1, Tool: "reportlint", Findings: []baselineEntry{}}
	for _, c := range out {
		p := relPath(dir, c.Path)
		for _, f := range c.Findings {
			b.Findings = append(b.Findings, baselineEntry{Fingerprint: fingerprint(f.Rule, p, f), Rule: f.Rule, Path: p, Message: f.Message})
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
		return 0, err
	}
	if err := writeFileAtomic(file, buf.Bytes()); err != nil {
		return 0, usageError{fmt.Sprintf("无法写入基线文件 %s: %v", file, err)}
	}
	return len(b.Findings), nil
}

// baseline is a loaded baseline: how many times each fingerprint was seen.
type baseline struct {
	dir    string
	counts map[string]int
}

// loadBaseline reads a baseline written by --write-baseline.
func loadBaseline(file string) (*baseline, error) {
	data, err := readBounded(file, maxBaselineBytes)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, usageError{fmt.Sprintf("--baseline 指定的基线文件不存在: %s（先用 --write-baseline %s 生成）", file, file)}
		}
		return nil, usageError{fmt.Sprintf("无法读取基线文件 %s: %v", file, err)}
	}
	var b baselineFile
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&b); err != nil {
		return nil, usageError{fmt.Sprintf("基线文件 %s 格式不对（应为 reportlint check --write-baseline 生成的 JSON）: %v", file, err)}
	}
	if b.Version != 1 {
		return nil, usageError{fmt.Sprintf("基线文件 %s 的版本 %d 不受支持（应为 1）", file, b.Version)}
	}
	dir, err := baselineDir(file)
	if err != nil {
		return nil, usageError{fmt.Sprintf("基线文件路径 %s 无效: %v", file, err)}
	}
	bl := &baseline{dir: dir, counts: map[string]int{}}
	for _, e := range b.Findings {
		bl.counts[e.Fingerprint]++
	}
	return bl, nil
}

// apply removes from out the findings the baseline records, each entry
// absorbing one occurrence. It returns how many were removed and how many
// baseline entries matched nothing (findings since fixed).
func (bl *baseline) apply(out []checked) (suppressed, stale int) {
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
	for _, v := range left {
		stale += v
	}
	return suppressed, stale
}
