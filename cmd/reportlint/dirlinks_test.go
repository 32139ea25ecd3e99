package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Links to folders inside a walked folder are not followed; --verbose says
// each one, and a folder with no report but such links says so anyway.
func TestDirLinksSkippedAreSaid(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "target")
	require.NoError(t, os.Mkdir(target, 0o755))
	data, err := os.ReadFile(cleanFixture)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(target, "a.txt"), data, 0o644))
	walked := filepath.Join(dir, "fd2")
	require.NoError(t, os.Mkdir(walked, 0o755))
	if err := os.Symlink("../target", filepath.Join(walked, "lk")); err != nil {
		t.Skipf("no symlinks here: %v", err)
	}
	require.NoError(t, os.Symlink(target, filepath.Join(walked, "abs")))
	lk, abs := filepath.Join(walked, "lk"), filepath.Join(walked, "abs")

	var stderr bytes.Buffer
	rf, err := discoverReports([]string{walked}, &stderr, true)
	assert.Error(t, err) // nothing to check
	assert.True(t, rf.empty)
	out := stderr.String()
	assert.Contains(t, out, "跳过 "+lk+"：这是指向目录的链接，目录中的链接不跟随；要检查它请直接写出该路径")
	assert.Contains(t, out, "跳过 "+abs+"：这是指向目录的链接")
	assert.Contains(t, out, "目录 "+walked+" 中没有找到报告文件")
	assert.Contains(t, out, "其中有 2 个指向目录的链接（"+abs+"、"+lk+"）")

	// without --verbose: no 跳过 lines, but the empty-folder message names the links
	stderr.Reset()
	_, _ = discoverReports([]string{walked}, &stderr, false)
	out = stderr.String()
	assert.NotContains(t, out, "跳过")
	assert.Contains(t, out, "其中有 2 个指向目录的链接（"+abs+"、"+lk+"）")

	// a folder with a report and a link: the report is checked, the link
	// said only with --verbose
	require.NoError(t, os.WriteFile(filepath.Join(walked, "b.txt"), data, 0o644))
	stderr.Reset()
	rf, err = discoverReports([]string{walked}, &stderr, false)
	require.NoError(t, err)
	assert.Equal(t, []string{filepath.Join(walked, "b.txt")}, rf.list)
	assert.Empty(t, stderr.String())
	stderr.Reset()
	_, err = discoverReports([]string{walked}, &stderr, true)
	require.NoError(t, err)
	assert.Contains(t, stderr.String(), "跳过 "+lk+"：")

	// a plain empty folder keeps its old message
	empty := filepath.Join(dir, "empty")
	require.NoError(t, os.Mkdir(empty, 0o755))
	stderr.Reset()
	_, _ = discoverReports([]string{empty}, &stderr, true)
	assert.Contains(t, stderr.String(), "；请检查路径是否正确")
	assert.NotContains(t, stderr.String(), "链接")
}
