package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// cleanFixtureAbs is cleanFixture for tests that change directory.
var cleanFixtureAbs, _ = filepath.Abs(cleanFixture)

// copyClean writes the clean fixture to dir/name and returns the path.
func copyClean(t *testing.T, dir, name string) string {
	t.Helper()
	data, err := os.ReadFile(cleanFixtureAbs)
	require.NoError(t, err)
	p := filepath.Join(dir, name)
	require.NoError(t, os.WriteFile(p, data, 0o644))
	return p
}

// checkedPaths runs check --format json and returns the paths it checked.
func checkedPaths(t *testing.T, args ...string) ([]string, map[string][]string, int) {
	t.Helper()
	out, errOut, code := runArgs(append([]string{"check", "--format", "json"}, args...)...)
	var res struct {
		Files []struct {
			Path     string `json:"path"`
			Findings []struct {
				Rule string `json:"rule"`
			} `json:"findings"`
		} `json:"files"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &res), "stdout %q stderr %q", out, errOut)
	var paths []string
	rules := map[string][]string{}
	for _, f := range res.Files {
		paths = append(paths, f.Path)
		for _, x := range f.Findings {
			rules[f.Path] = append(rules[f.Path], x.Rule)
		}
	}
	return paths, rules, code
}

// withTimeout fails the test when f does not return in time (a walk
// that follows a link loop).
func withTimeout(t *testing.T, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); f() }()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("did not finish: a link loop is followed")
	}
}

// A link to a folder named on the command line, without a trailing
// slash, is walked as the folder; links to folders inside it (loops among
// them) are not followed.
func TestNamedLinkToFolderIsWalked(t *testing.T) {
	base := t.TempDir()
	real := filepath.Join(base, "real")
	require.NoError(t, os.Mkdir(real, 0o755))
	copyClean(t, real, "a-2024.txt")
	copyClean(t, real, "b-2024.txt")
	require.NoError(t, os.Symlink(real, filepath.Join(real, "loop")))
	require.NoError(t, os.Symlink("..", filepath.Join(real, "up")))
	link := filepath.Join(base, "link")
	require.NoError(t, os.Symlink(real, link))
	link2 := filepath.Join(base, "link2") // a link to the link
	require.NoError(t, os.Symlink(link, link2))
	// a named link loop is a path that cannot be read, not a hang
	require.NoError(t, os.Symlink(filepath.Join(base, "y"), filepath.Join(base, "x")))
	require.NoError(t, os.Symlink(filepath.Join(base, "x"), filepath.Join(base, "y")))

	withTimeout(t, func() {
		files, err := discover([]string{link})
		require.NoError(t, err)
		assert.Equal(t, []string{filepath.Join(link, "a-2024.txt"), filepath.Join(link, "b-2024.txt")}, files)
		files, err = discover([]string{link2 + string(filepath.Separator)})
		require.NoError(t, err)
		assert.Equal(t, []string{filepath.Join(link2, "a-2024.txt"), filepath.Join(link2, "b-2024.txt")}, files)

		paths, _, code := checkedPaths(t, link)
		assert.Equal(t, exitOK, code)
		assert.Len(t, paths, 2)
		_, errOut, code := runArgs("check", link)
		assert.Equal(t, exitOK, code, errOut)
		assert.NotContains(t, errOut, "没有找到报告文件")

		paths, rules, code := checkedPaths(t, link, filepath.Join(base, "x"))
		assert.Equal(t, exitError, code)
		assert.Len(t, paths, 3)
		assert.Equal(t, []string{"P001"}, rules[filepath.Join(base, "x")])
	})
}

// A broken link with a report's name inside a walked folder is a P001
// for that path (in the results and the summary), not skipped silently;
// a broken link with another name is not a report.
func TestBrokenLinkInFolderIsP001(t *testing.T) {
	dir := t.TempDir()
	copyClean(t, dir, "a-2024.txt")
	broken := filepath.Join(dir, "jy-2024.pdf")
	require.NoError(t, os.Symlink(filepath.Join(dir, "nonexistent", "x.pdf"), broken))
	require.NoError(t, os.Symlink(filepath.Join(dir, "nonexistent", "notes"), filepath.Join(dir, "notes.xyz")))
	require.NoError(t, os.Symlink(filepath.Join(dir, "nonexistent"), filepath.Join(dir, "gone")))

	paths, rules, code := checkedPaths(t, dir)
	assert.Equal(t, exitError, code)
	assert.Equal(t, []string{filepath.Join(dir, "a-2024.txt"), broken}, paths)
	assert.Equal(t, []string{"P001"}, rules[broken])

	sum := filepath.Join(t.TempDir(), "s.csv")
	_, errOut, code := runArgs("check", "--summary", sum, dir)
	assert.Equal(t, exitError, code, errOut)
	data, err := os.ReadFile(sum)
	require.NoError(t, err)
	assert.Contains(t, string(data), broken+",")
	assert.Contains(t, string(data), "P001")
}

// The same file named twice, spelt differently or through a link, is
// checked once, under its first spelling, in the order first named. Hard
// links are separate names the folder holds and stay separate.
func TestSameFileNamedTwiceCheckedOnce(t *testing.T) {
	base := t.TempDir()
	t.Chdir(base)
	require.NoError(t, os.Mkdir("iss", 0o755))
	copyClean(t, "iss", "a-2024.txt")
	copyClean(t, "iss", "b-2024.txt")
	require.NoError(t, os.Symlink("iss", "isslink"))
	require.NoError(t, os.Symlink(filepath.Join("iss", "a-2024.txt"), "lnk.txt"))
	abs, err := filepath.Abs(filepath.Join("iss", "a-2024.txt"))
	require.NoError(t, err)

	files, err := discover([]string{"iss", "./iss/a-2024.txt", "iss//a-2024.txt", abs, "isslink/b-2024.txt", "lnk.txt", "isslink", "./iss/"})
	require.NoError(t, err)
	assert.Equal(t, []string{"iss/a-2024.txt", "iss/b-2024.txt"}, files)

	files, err = discover([]string{"./iss/b-2024.txt", "iss"})
	require.NoError(t, err)
	assert.Equal(t, []string{"./iss/b-2024.txt", "iss/a-2024.txt"}, files)

	// missing paths are de-duplicated by their spelling too
	files, err = discover([]string{"no/x.txt", "./no/x.txt", "iss/a-2024.txt"})
	require.NoError(t, err)
	assert.Equal(t, []string{"no/x.txt", "iss/a-2024.txt"}, files)

	// the reviewer's case, through the command: one row per file
	sum := filepath.Join(base, "dup.csv")
	_, errOut, code := runArgs("check", "--summary", sum, "iss", "./iss/a-2024.txt")
	assert.Equal(t, exitOK, code, errOut)
	data, err := os.ReadFile(sum)
	require.NoError(t, err)
	assert.Equal(t, 1, strings.Count(string(data), "a-2024.txt,"), string(data))
	assert.NotContains(t, string(data), "./iss")

	require.NoError(t, os.Link(filepath.Join("iss", "a-2024.txt"), filepath.Join("iss", "h-2024.txt")))
	files, err = discover([]string{"iss"})
	require.NoError(t, err)
	assert.Equal(t, []string{"iss/a-2024.txt", "iss/b-2024.txt", "iss/h-2024.txt"}, files)
}

// reportlint's own HTML summary left in the reports folder is not
// checked as a report when the folder is walked (said with --verbose),
// so writing the summary there again is not "overwriting an input"; named
// on the command line it is still checked.
func TestOwnSummaryInFolderSkipped(t *testing.T) {
	dir := t.TempDir()
	copyClean(t, dir, "a-2024.txt")
	copyClean(t, dir, "b-2024.txt")
	html := filepath.Join(dir, "汇总.html")
	xlsx := filepath.Join(dir, "汇总.xlsx")
	for i := range 2 {
		_, errOut, code := runArgs("check", "--summary", html, "--summary", xlsx, dir)
		assert.Equal(t, exitOK, code, "run %d: %s", i+1, errOut)
		assert.NotContains(t, errOut, "就是要读取的文件")
	}
	head, err := os.ReadFile(html)
	require.NoError(t, err)
	assert.Contains(t, string(head[:generatorHead]), generatorMark)

	paths, _, code := checkedPaths(t, dir)
	assert.Equal(t, exitOK, code)
	assert.Equal(t, []string{filepath.Join(dir, "a-2024.txt"), filepath.Join(dir, "b-2024.txt")}, paths)
	_, errOut, _ := runArgs("check", "--verbose", dir)
	assert.Contains(t, errOut, "跳过 "+html)
	_, errOut, _ = runArgs("check", dir)
	assert.NotContains(t, errOut, "跳过")

	// named explicitly, it is checked (it is not an annual report)
	paths, rules, code := checkedPaths(t, html)
	assert.Equal(t, exitError, code)
	assert.Equal(t, []string{html}, paths)
	assert.NotEmpty(t, rules[html])
	// and it is then an input that an output must not overwrite
	_, errOut, code = runArgs("check", "--summary", html, html)
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, "就是要读取的文件")

	// a summary of an older version (before the generator meta) too; an
	// HTML report that merely mentions reportlint later on is checked
	old := strings.Replace(string(head), generatorMark+"\n", "", 1)
	require.NotContains(t, old[:generatorHead], generatorMark)
	require.NoError(t, os.WriteFile(html, []byte(old), 0o644))
	other := filepath.Join(dir, "c-2024.html")
	require.NoError(t, os.WriteFile(other, []byte("<html><head><title>报告</title></head><body>"+strings.Repeat("正文", 2000)+generatorMark+"</body></html>"), 0o644))
	files, err := discover([]string{dir})
	require.NoError(t, err)
	assert.Equal(t, []string{filepath.Join(dir, "a-2024.txt"), filepath.Join(dir, "b-2024.txt"), other}, files)

	// extract walks the same way
	_, errOut, code = runArgs("extract", "--verbose", "--output", html, dir)
	assert.NotContains(t, errOut, "就是要读取的文件")
	_ = code
}

// "--" ends the options wherever it is: everything after it is a path,
// even a name that begins with "-"; options after paths still work.
func TestDashDashAfterPaths(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	copyClean(t, ".", "=1+2.txt")
	copyClean(t, ".", "-3+4.txt")
	copyClean(t, ".", "--verbose")

	paths, _, code := checkedPaths(t, "--", "=1+2.txt", "-3+4.txt")
	assert.Equal(t, exitOK, code)
	assert.Equal(t, []string{"=1+2.txt", "-3+4.txt"}, paths)
	_, errOut, code := runArgs("check", "--", "=1+2.txt", "-3+4.txt")
	assert.Equal(t, exitOK, code, errOut)

	paths, _, code = checkedPaths(t, "=1+2.txt", "--", "-3+4.txt", "--verbose")
	assert.Equal(t, exitOK, code)
	assert.Equal(t, []string{"=1+2.txt", "-3+4.txt", "--verbose"}, paths)

	// options after paths, and before a later "--"
	out, errOut, code := runArgs("check", "=1+2.txt", "--format", "json", "--", "-3+4.txt")
	assert.Equal(t, exitOK, code, errOut)
	assert.True(t, json.Valid([]byte(out)))
	assert.Contains(t, out, `"-3+4.txt"`)

	// without "--", a name beginning with "-" after a path is an option
	_, errOut, code = runArgs("check", "=1+2.txt", "-3+4.txt")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, "没有选项")

	// "--" as the value of an option is that value, not the end of options
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	output := fs.String("output", "", "")
	verbose := fs.Bool("verbose", false, "")
	got, err := parseInterleaved(fs, []string{"a", "--output", "--", "b", "--verbose", "--", "-c", "--verbose"}, io.Discard)
	require.NoError(t, err)
	assert.Equal(t, "--", *output)
	assert.True(t, *verbose)
	assert.Equal(t, []string{"a", "b", "-c", "--verbose"}, got)
	*verbose = false
	got, err = parseInterleaved(fs, []string{"a", "--verbose", "--", "--verbose"}, io.Discard)
	require.NoError(t, err)
	assert.True(t, *verbose)
	assert.Equal(t, []string{"a", "--verbose"}, got)
	got, err = parseInterleaved(fs, []string{"--", "--", "x"}, io.Discard)
	require.NoError(t, err)
	assert.Equal(t, []string{"--", "x"}, got)
	got, err = parseInterleaved(fs, []string{"--output=--", "--", "-"}, io.Discard)
	require.NoError(t, err)
	assert.Equal(t, []string{"-"}, got)
	var buf bytes.Buffer
	_, err = parseInterleaved(fs, []string{"x", "-h"}, &buf)
	assert.ErrorIs(t, err, errHelpShown)
}
