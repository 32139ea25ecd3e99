package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/reportlint/reportlint/internal/errtext"
	"github.com/reportlint/reportlint/rules"
)

// configName is the configuration file that check looks for in the working
// directory and its parents when --config is not given.
const configName = ".reportlint.yaml"

// maxConfigBytes bounds the configuration file; a real one is a few lines.
const maxConfigBytes = 1 << 20

// fileConfig is a parsed .reportlint.yaml.
//
//	fail-on: warning          # error (default) or warning
//	rules:
//	  S103: off               # off/on, or a severity: error, warning, info
//	  C201: error
//	ignore:                   # globs relative to the configuration file
//	  - "archive/**"
//	kind:                     # report kind by path, for the deadline rule M602
//	  - path: "departments/**"
//	    kind: department      # department (部门) or government (政府)
type fileConfig struct {
	// Path is the configuration file ("" when none was found).
	Path string
	// Dir is the directory the globs are relative to (the file's directory,
	// or the working directory when there is no file).
	Dir    string
	Rules  rules.Config
	Ignore []string
	Kinds  []kindPattern
	// FailOn is "error", "warning" or "info"; "" means the default (error).
	FailOn string
}

// kindPattern sets the report kind of the files a glob matches.
type kindPattern struct {
	Pattern string
	Kind    string // "department" or "government"
}

// configError is a problem in a configuration file, with its line.
type configError struct {
	file string
	line int
	msg  string
}

func (e *configError) Error() string {
	if e.line > 0 {
		return fmt.Sprintf("配置文件 %s 第%d行: %s", e.file, e.line, e.msg)
	}
	return fmt.Sprintf("配置文件 %s: %s", e.file, e.msg)
}

// loadConfig reads the configuration given with --config, or else the
// first .reportlint.yaml found walking up from the folder of the first
// checked path (as golangci-lint does), or else walking up from the working
// directory. No file is not an error: the defaults apply. Every error is a
// usage error (exit 2).
func loadConfig(explicit string, paths []string) (*fileConfig, error) {
	cwd, err := os.Getwd()
	if err != nil {
		return nil, usageError{fmt.Sprintf("无法确定当前目录（%s）", errtext.Read(err, "当前目录可能已被删除"))}
	}
	p := explicit
	if p == "" {
		p = discoverConfig(paths, cwd)
		if p == "" {
			return &fileConfig{Dir: cwd}, nil
		}
	}
	data, err := readBounded(p, maxConfigBytes)
	if err != nil {
		if explicit != "" && errors.Is(err, fs.ErrNotExist) {
			return nil, usageError{fmt.Sprintf("--config 指定的配置文件不存在: %s", p)}
		}
		return nil, usageError{fmt.Sprintf("无法读取配置文件 %s（%s）", p, errtext.Read(err, "读取出错"))}
	}
	cfg, err := parseConfig(p, data)
	if err != nil {
		return nil, usageError{err.Error()}
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		return nil, usageError{fmt.Sprintf("无法确定配置文件 %s 所在的目录（%s）", p, errtext.Read(err, "当前目录可能已被删除"))}
	}
	cfg.Dir = filepath.Dir(abs)
	return cfg, nil
}

// discoverConfig finds the configuration for a run over paths: walking up
// from the first path that exists (its own folder for a directory, the
// folder holding it for a file), then from the working directory.
func discoverConfig(paths []string, cwd string) string {
	for _, p := range paths {
		if p == "-" {
			continue
		}
		st, err := os.Stat(p)
		if err != nil {
			continue
		}
		dir := p
		if !st.IsDir() {
			dir = filepath.Dir(p)
		}
		if abs, err := filepath.Abs(dir); err == nil {
			if c := findConfig(abs); c != "" {
				return c
			}
		}
		break
	}
	return findConfig(cwd)
}

// findConfig walks up from dir and returns the first .reportlint.yaml.
func findConfig(dir string) string {
	for {
		p := filepath.Join(dir, configName)
		if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

func readBounded(p string, limit int64) ([]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if st.IsDir() {
		return nil, fmt.Errorf("是目录，不是文件")
	}
	if st.Size() > limit {
		return nil, fmt.Errorf("文件过大（%d 字节，上限 %d）", st.Size(), limit)
	}
	return os.ReadFile(p)
}

var yamlLine = regexp.MustCompile(`^line (\d+): `)

var configKeys = []string{"fail-on", "rules", "ignore", "kind"}

// parseConfig parses the YAML of a configuration file. name is used in
// error messages, which give the line of the offending key or value.
func parseConfig(name string, data []byte) (*fileConfig, error) {
	cfg := &fileConfig{Path: name, Rules: rules.Config{Disabled: map[string]bool{}, Severity: map[string]rules.Severity{}}}
	bad := func(n *yaml.Node, format string, args ...any) error {
		line := 0
		if n != nil {
			line = n.Line
		}
		return &configError{file: name, line: line, msg: fmt.Sprintf(format, args...)}
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		// yaml.v3 errors say "yaml: line N: ...".
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		line := 0
		if m := yamlLine.FindStringSubmatch(msg); m != nil {
			line, _ = strconv.Atoi(m[1])
			msg = msg[len(m[0]):]
		}
		return nil, &configError{file: name, line: line, msg: "不是有效的 YAML: " + msg}
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return cfg, nil // empty file: defaults
	}
	root := doc.Content[0]
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return cfg, nil
	}
	if root.Kind != yaml.MappingNode {
		return nil, bad(root, "顶层应当是“键: 值”的映射（可用的键: %s）", strings.Join(configKeys, ", "))
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if seen[k.Value] {
			return nil, bad(k, "键 %q 重复出现", k.Value)
		}
		seen[k.Value] = true
		var err error
		switch k.Value {
		case "fail-on":
			if v.Kind != yaml.ScalarNode || (v.Value != "error" && v.Value != "warning" && v.Value != "info") {
				return nil, bad(v, "fail-on 的取值 %q 无效，可用: error, warning, info", nodeText(v))
			}
			cfg.FailOn = v.Value
		case "rules":
			err = parseRulesSection(cfg, v, bad)
		case "ignore":
			cfg.Ignore, err = parseGlobList(v, "ignore", bad)
		case "kind":
			err = parseKinds(cfg, v, bad)
		default:
			return nil, bad(k, "未知的键 %q（可用的键: %s）", k.Value, strings.Join(configKeys, ", "))
		}
		if err != nil {
			return nil, err
		}
	}
	return cfg, nil
}

type badFunc func(n *yaml.Node, format string, args ...any) error

// nodeText renders a node for an error message.
func nodeText(n *yaml.Node) string {
	switch n.Kind {
	case yaml.ScalarNode:
		return n.Value
	case yaml.MappingNode:
		return "（映射）"
	case yaml.SequenceNode:
		return "（列表）"
	}
	return "（空）"
}

func parseRulesSection(cfg *fileConfig, v *yaml.Node, bad badFunc) error {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		return nil
	}
	if v.Kind != yaml.MappingNode {
		return bad(v, "rules 应当是“规则ID: 设置”的映射，例如 S103: off")
	}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		r := lookupRule(k.Value)
		if r == nil {
			return bad(k, "未知的规则 %q（运行 reportlint rules 查看全部规则）", k.Value)
		}
		if val.Kind != yaml.ScalarNode {
			return bad(val, "规则 %s 的设置应为 off、on、error、warning 或 info", r.ID)
		}
		switch s := strings.ToLower(val.Value); s {
		case "off", "false", "disable", "disabled":
			cfg.Rules.Disabled[r.ID] = true
		case "on", "true", "enable", "enabled":
			delete(cfg.Rules.Disabled, r.ID)
		default:
			sev, ok := rules.ParseSeverity(s)
			if !ok {
				return bad(val, "规则 %s 的设置 %q 无效，可用: off, on, error, warning, info", r.ID, val.Value)
			}
			delete(cfg.Rules.Disabled, r.ID)
			cfg.Rules.Severity[r.ID] = sev
		}
	}
	return nil
}

// lookupRule finds a rule by ID ("A301", case-insensitive) or name
// ("table3-balance").
func lookupRule(s string) *rules.Rule {
	if r := rules.Lookup(strings.ToUpper(s)); r != nil {
		return r
	}
	for _, r := range rules.All() {
		if r.Name == s {
			return r
		}
	}
	return nil
}

func parseGlobList(v *yaml.Node, key string, bad badFunc) ([]string, error) {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		return nil, nil
	}
	var items []*yaml.Node
	switch v.Kind {
	case yaml.ScalarNode:
		items = []*yaml.Node{v}
	case yaml.SequenceNode:
		items = v.Content
	default:
		return nil, bad(v, "%s 应当是路径模式的列表，例如 - \"archive/**\"", key)
	}
	var out []string
	for _, it := range items {
		if it.Kind != yaml.ScalarNode || it.Value == "" {
			return nil, bad(it, "%s 中的每一项应当是一个路径模式（字符串）", key)
		}
		if err := checkGlob(it.Value); err != nil {
			return nil, bad(it, "路径模式 %q 无效：%s", it.Value, errtext.Read(err, "写法不对"))
		}
		out = append(out, it.Value)
	}
	return out, nil
}

var kindAliases = map[string]string{
	"department": "department", "部门": "department",
	"government": "government", "政府": "government",
}

func parseKinds(cfg *fileConfig, v *yaml.Node, bad badFunc) error {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		return nil
	}
	if v.Kind != yaml.SequenceNode {
		return bad(v, "kind 应当是列表，每项为 {path: 路径模式, kind: department 或 government}")
	}
	for _, it := range v.Content {
		if it.Kind != yaml.MappingNode {
			return bad(it, "kind 的每一项应为 {path: 路径模式, kind: department 或 government}")
		}
		var kp kindPattern
		var pathNode, kindNode *yaml.Node
		for i := 0; i+1 < len(it.Content); i += 2 {
			k, val := it.Content[i], it.Content[i+1]
			switch k.Value {
			case "path":
				pathNode = val
			case "kind":
				kindNode = val
			default:
				return bad(k, "kind 项中未知的键 %q（可用的键: path, kind）", k.Value)
			}
		}
		if pathNode == nil || pathNode.Kind != yaml.ScalarNode || pathNode.Value == "" {
			return bad(it, "kind 项缺少 path（路径模式）")
		}
		if err := checkGlob(pathNode.Value); err != nil {
			return bad(pathNode, "路径模式 %q 无效：%s", pathNode.Value, errtext.Read(err, "写法不对"))
		}
		if kindNode == nil {
			return bad(it, "kind 项缺少 kind（department 或 government）")
		}
		k, ok := kindAliases[strings.ToLower(kindNode.Value)]
		if kindNode.Kind != yaml.ScalarNode || !ok {
			return bad(kindNode, "报告类型 %q 无效，可用: department（部门）, government（政府）", nodeText(kindNode))
		}
		kp.Pattern, kp.Kind = pathNode.Value, k
		cfg.Kinds = append(cfg.Kinds, kp)
	}
	return nil
}

// checkGlob reports a malformed pattern.
func checkGlob(p string) error {
	for _, seg := range strings.Split(strings.Trim(filepath.ToSlash(p), "/"), "/") {
		if seg == "**" {
			continue
		}
		if _, err := path.Match(seg, ""); err != nil {
			return err
		}
	}
	return nil
}

// relTo returns file relative to dir with forward slashes, or "" when the
// file is stdin or outside dir.
func relTo(dir, file string) string {
	if file == "-" {
		return ""
	}
	abs, err := filepath.Abs(file)
	if err != nil {
		return ""
	}
	rel, err := filepath.Rel(dir, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return ""
	}
	return filepath.ToSlash(rel)
}

// matchGlob matches a slash path against a pattern. "**" matches any number
// of directories; other segments use path.Match. A pattern without "/"
// matches a file or directory name at any depth (like .gitignore), and a
// pattern that matches a directory matches everything under it.
func matchGlob(pattern, rel string) bool {
	pattern = strings.Trim(filepath.ToSlash(pattern), "/")
	pattern = strings.TrimPrefix(pattern, "./")
	if pattern == "" || rel == "" {
		return false
	}
	ps := strings.Split(pattern, "/")
	if len(ps) == 1 && ps[0] != "**" {
		ps = []string{"**", ps[0]}
	}
	ss := strings.Split(rel, "/")
	// A match of any leading part of the path (a directory) counts.
	for n := 1; n <= len(ss); n++ {
		if matchSegs(ps, ss[:n]) {
			return true
		}
	}
	return false
}

func matchSegs(ps, ss []string) bool {
	for len(ps) > 0 {
		if ps[0] == "**" {
			for i := 0; i <= len(ss); i++ {
				if matchSegs(ps[1:], ss[i:]) {
					return true
				}
			}
			return false
		}
		if len(ss) == 0 {
			return false
		}
		if ok, _ := path.Match(ps[0], ss[0]); !ok {
			return false
		}
		ps, ss = ps[1:], ss[1:]
	}
	return len(ss) == 0
}

// ignored reports whether the configuration's ignore patterns cover file.
func (c *fileConfig) ignored(file string) bool {
	rel := relTo(c.Dir, file)
	for _, p := range c.Ignore {
		if matchGlob(p, rel) {
			return true
		}
	}
	return false
}

// kindFor returns the report kind the first matching kind pattern gives
// file, or "".
func (c *fileConfig) kindFor(file string) string {
	rel := relTo(c.Dir, file)
	for _, k := range c.Kinds {
		if matchGlob(k.Pattern, rel) {
			return k.Kind
		}
	}
	return ""
}

// filter drops the files the configuration ignores, keeping order.
func (c *fileConfig) filter(files []string) []string {
	if len(c.Ignore) == 0 {
		return files
	}
	out := files[:0:0]
	for _, f := range files {
		if !c.ignored(f) {
			out = append(out, f)
		}
	}
	return out
}
