package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var versionLine = regexp.MustCompile(`^reportlint (\(devel\)|v\d+\.\d+\.\d+\S*)( \(commit ([0-9a-f]{12})(, modified)?\))?\n$`)

func TestVersionInProcess(t *testing.T) {
	out, _, code := runArgs("version")
	assert.Equal(t, exitOK, code)
	assert.Regexp(t, versionLine, out)
	out2, _, _ := runArgs("--version")
	assert.Equal(t, out, out2)
}

// A binary built from the checkout carries the commit it was built from.
func TestVersionBuiltBinaryHasCommit(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command; skipped with -short")
	}
	git, err := exec.LookPath("git")
	if err != nil {
		t.Skip("git is not installed")
	}
	head, err := exec.Command(git, "rev-parse", "HEAD").Output()
	if err != nil {
		t.Skip("not a git checkout: no commit to stamp")
	}
	bin := buildReportlint(t)
	if info, err := exec.Command("go", "version", "-m", bin).Output(); err == nil && !strings.Contains(string(info), "vcs.revision=") {
		t.Skip("go build stamped no VCS information here (a git worktree): nothing to compare")
	}
	out, err := exec.Command(bin, "version").Output()
	require.NoError(t, err)
	m := versionLine.FindStringSubmatch(string(out))
	require.NotNil(t, m, "version output %q", out)
	assert.Equal(t, strings.TrimSpace(string(head))[:12], m[3], "the commit comes from build info")
}

// buildReportlint builds the command into a temporary directory.
func buildReportlint(t *testing.T) string {
	t.Helper()
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("the go command is not available")
	}
	bin := filepath.Join(t.TempDir(), "reportlint")
	cmd := exec.Command(goBin, "build", "-o", bin, ".")
	cmd.Env = append(os.Environ(), "GOFLAGS=-buildvcs=true")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "go build: %s", out)
	return bin
}
