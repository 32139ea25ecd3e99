package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/parser/load"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"
)

type hookDef struct {
	ID       string   `yaml:"id"`
	Name     string   `yaml:"name"`
	Entry    string   `yaml:"entry"`
	Language string   `yaml:"language"`
	Files    string   `yaml:"files"`
	Types    []string `yaml:"types"`
}

func readHook(t *testing.T) hookDef {
	t.Helper()
	data, err := os.ReadFile("../../.pre-commit-hooks.yaml")
	require.NoError(t, err)
	var hooks []hookDef
	require.NoError(t, yaml.Unmarshal(data, &hooks))
	require.Len(t, hooks, 1)
	return hooks[0]
}

// The hook definition picks the report files and nothing else, and its
// command blocks a broken report and lets a correct one through.
func TestPreCommitHookCommand(t *testing.T) {
	h := readHook(t)
	assert.Equal(t, "reportlint", h.ID)
	assert.Equal(t, "golang", h.Language)
	// pre-commit's files pattern is a Python regular expression; this one
	// uses only syntax Go's regexp shares.
	files := regexp.MustCompile(h.Files)
	for _, f := range []string{"a.html", "b/c.htm", "2024 年报.PDF", "d.docx", "e.txt", "F.HTML"} {
		assert.True(t, files.MatchString(f), f)
	}
	for _, f := range []string{"a.md", "b.doc", "c.html.bak", "d.pdfx", ".pre-commit-config.yaml"} {
		assert.False(t, files.MatchString(f), f)
	}
	// every extension the input-format registry reads, in any case
	for _, ext := range load.ReadExtensions() {
		assert.True(t, files.MatchString("r"+ext), ext)
		assert.True(t, files.MatchString("R"+strings.ToUpper(ext)), ext)
	}
	// ...and none of the formats it only refuses (.doc, .wps): a report
	// repository may keep old Word drafts, and a hook must not block them.
	for _, f := range load.Formats {
		if f.Read == nil {
			for _, ext := range f.Exts {
				assert.False(t, files.MatchString("r"+ext), "refused format %s", ext)
			}
		}
	}
	args := strings.Fields(h.Entry)
	require.Equal(t, "reportlint", args[0], "entry runs the installed reportlint")
	require.Equal(t, "check", args[1])

	// pre-commit appends the staged file names to the entry.
	broken := filepath.Join(fixturesRoot, "text", "A301-table3-balance.txt")
	out, _, code := runArgs(append(args[1:], broken)...)
	assert.Equal(t, exitError, code, "a broken report blocks the commit:\n%s", out)
	out, _, code = runArgs(append(args[1:], cleanFixture)...)
	assert.Equal(t, exitOK, code, "a correct report goes through:\n%s", out)
	out, _, code = runArgs(append(args[1:], "--fail-on", "warning", cleanFixture, broken)...)
	assert.Equal(t, exitError, code, out)
}

// TestPreCommitRealRun drives the pre-commit tool in a scratch repository
// against the committed HEAD of this checkout. The first run builds
// reportlint with go install (tens of seconds), so it runs only when
// REPORTLINT_TEST_PRECOMMIT=1.
func TestPreCommitRealRun(t *testing.T) {
	if os.Getenv("REPORTLINT_TEST_PRECOMMIT") != "1" {
		t.Skip("set REPORTLINT_TEST_PRECOMMIT=1 to run pre-commit for real (slow: it go-installs reportlint)")
	}
	for _, tool := range []string{"git", "pre-commit", "go"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed", tool)
		}
	}
	repoRoot, err := filepath.Abs("../..")
	require.NoError(t, err)
	head, err := exec.Command("git", "-C", repoRoot, "rev-parse", "HEAD").Output()
	if err != nil {
		t.Skip("not a git checkout")
	}
	dir := t.TempDir()
	gitc := func(args ...string) (string, error) {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "PRE_COMMIT_HOME="+filepath.Join(dir, ".cache-pre-commit"),
			"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.org", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.org")
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	must := func(args ...string) {
		out, err := gitc(args...)
		require.NoError(t, err, "git %v: %s", args, out)
	}
	must("init", "-q", ".")
	cfg := "repos:\n  - repo: " + repoRoot + "\n    rev: " + strings.TrimSpace(string(head)) + "\n    hooks:\n      - id: reportlint\n"
	require.NoError(t, os.WriteFile(filepath.Join(dir, ".pre-commit-config.yaml"), []byte(cfg), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, ".gitignore"), []byte(".cache-pre-commit/\n"), 0o644))
	must("add", ".pre-commit-config.yaml", ".gitignore")
	must("commit", "-qm", "init")
	inst := exec.Command("pre-commit", "install")
	inst.Dir = dir
	instOut, err := inst.CombinedOutput()
	require.NoError(t, err, "%s", instOut)

	copyFile := func(src, dst string) {
		data, err := os.ReadFile(src)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(dir, dst), data, 0o644))
	}
	copyFile(filepath.Join(fixturesRoot, "text", "A301-table3-balance.txt"), "broken.txt")
	must("add", "broken.txt")
	out, err := gitc("commit", "-m", "broken report")
	require.Error(t, err, "the hook let a broken report through:\n%s", out)
	assert.Contains(t, out, "A301")
	must("rm", "-q", "--cached", "broken.txt")

	copyFile(cleanFixture, "clean.txt")
	must("add", "clean.txt")
	out, err = gitc("commit", "-m", "clean report")
	require.NoError(t, err, "the hook blocked a correct report:\n%s", out)
}

// manifestKeys are the keys pre-commit accepts in a hook of
// .pre-commit-hooks.yaml (pre_commit.clientlib.MANIFEST_HOOK_DICT), and the
// languages a hook may use.
var (
	manifestKeys = map[string]bool{
		"id": true, "name": true, "entry": true, "language": true, "alias": true, "files": true, "exclude": true,
		"types": true, "types_or": true, "exclude_types": true, "additional_dependencies": true, "args": true,
		"always_run": true, "fail_fast": true, "pass_filenames": true, "description": true, "language_version": true,
		"log_file": true, "minimum_pre_commit_version": true, "require_serial": true, "stages": true, "verbose": true,
	}
	manifestRequired  = []string{"id", "name", "entry", "language"}
	manifestLanguages = map[string]bool{"conda": true, "coursier": true, "dart": true, "docker": true, "docker_image": true,
		"dotnet": true, "fail": true, "golang": true, "haskell": true, "lua": true, "node": true, "perl": true, "pygrep": true,
		"python": true, "r": true, "ruby": true, "rust": true, "script": true, "swift": true, "system": true}
	// fileTypes are identify tags a hook's types may name (the ones a
	// report hook could use).
	fileTypes = map[string]bool{"file": true, "text": true, "binary": true, "html": true, "pdf": true, "plain-text": true}
)

// The manifest follows pre-commit's schema: only known keys, the required
// ones present, a known language, a files pattern that compiles, known
// types. With the pre-commit tool installed, it validates it too.
func TestPreCommitManifestSchema(t *testing.T) {
	data, err := os.ReadFile("../../.pre-commit-hooks.yaml")
	require.NoError(t, err)
	var hooks []map[string]any
	require.NoError(t, yaml.Unmarshal(data, &hooks), "the manifest is a YAML list of hooks")
	require.NotEmpty(t, hooks)
	for _, h := range hooks {
		for k := range h {
			assert.True(t, manifestKeys[k], "unknown key %q in hook %v", k, h["id"])
		}
		for _, k := range manifestRequired {
			v, ok := h[k].(string)
			assert.True(t, ok && v != "", "hook %v: %q is required and must be a string", h["id"], k)
		}
		assert.True(t, manifestLanguages[h["language"].(string)], "language %v", h["language"])
		if f, ok := h["files"]; ok {
			_, err := regexp.Compile(f.(string))
			assert.NoError(t, err)
		}
		if ts, ok := h["types"]; ok {
			for _, x := range ts.([]any) {
				assert.True(t, fileTypes[x.(string)], "type %v", x)
			}
		}
	}
	pc, err := exec.LookPath("pre-commit")
	if err != nil {
		t.Log("pre-commit is not installed: schema checked by this test only")
		return
	}
	out, err := exec.Command(pc, "validate-manifest", "../../.pre-commit-hooks.yaml").CombinedOutput()
	assert.NoError(t, err, "pre-commit validate-manifest: %s", out)
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	require.NoError(t, os.WriteFile(bad, []byte("- id: x\n  name: x\n  entry: x\n  language: cobol\n"), 0o644))
	assert.Error(t, exec.Command(pc, "validate-manifest", bad).Run(), "the tool really validates")
}
