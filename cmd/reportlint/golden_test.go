package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/reportlint/reportlint/rules"
)

var update = flag.Bool("update", false, "rewrite the golden files of the fixtures")

const fixturesRoot = "../../fixtures"

// fixtureFiles lists every report fixture (what `check fixtures/` checks).
func fixtureFiles(t *testing.T) []string {
	t.Helper()
	found, err := discover([]string{fixturesRoot})
	require.NoError(t, err)
	var files []string
	for _, f := range found {
		// pairs are checked together, by TestPairGolden
		if !strings.HasPrefix(f, pairsRoot+"/") {
			files = append(files, f)
		}
	}
	require.NotEmpty(t, files, "no fixtures found under %s", fixturesRoot)
	return files
}

// pairsRoot holds cross-year fixtures: each directory NAME/ holds two
// reports of one issuer (consecutive years), checked as one directory run
// and compared with NAME.findings.
const pairsRoot = fixturesRoot + "/pairs"

// pairDirs lists the pair fixture directories.
func pairDirs(t *testing.T) []string {
	t.Helper()
	entries, err := os.ReadDir(pairsRoot)
	if os.IsNotExist(err) {
		return nil
	}
	require.NoError(t, err)
	var dirs []string
	for _, e := range entries {
		if e.IsDir() {
			dirs = append(dirs, filepath.Join(pairsRoot, e.Name()))
		}
	}
	return dirs
}

// TestPairGolden checks each pair directory as one run (reports are paired
// automatically) against NAME.findings, which holds the pairing notes the
// run prints to stderr followed by the findings.
func TestPairGolden(t *testing.T) {
	for _, dir := range pairDirs(t) {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			var out, errb bytes.Buffer
			code := run([]string{"check", "--no-color", "--jobs", "1", dir}, &out, &errb)
			require.Contains(t, []int{exitOK, exitError}, code)
			got := strings.ReplaceAll(errb.String()+out.String(), fixturesRoot+"/", "")
			compareGolden(t, dir+".findings", got)
			require.Contains(t, got, "跨年度对照", "the two reports of %s were not paired", dir)
		})
	}
}

// runCLI runs the command in-process and returns stdout with the fixture
// root made relative, so goldens do not depend on where tests run.
func runCLI(t *testing.T, args ...string) (string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	s := strings.ReplaceAll(out.String(), fixturesRoot+"/", "")
	return s, code
}

func compareGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "missing golden file; run go test ./cmd/reportlint -run TestGolden -update and review it")
	require.Equal(t, string(want), got, "output differs from %s (regenerate with -update and review the diff)", path)
}

// TestGolden checks every fixture's findings and extracted tables against
// the golden files beside it.
func TestGolden(t *testing.T) {
	for _, f := range fixtureFiles(t) {
		rel := strings.TrimPrefix(f, fixturesRoot+"/")
		t.Run(rel, func(t *testing.T) {
			findings, code := runCLI(t, "check", "--no-color", "--jobs", "1", f)
			require.Contains(t, []int{exitOK, exitError}, code)
			compareGolden(t, f+".findings", findings)
			extract, _ := runCLI(t, "extract", "--jobs", "1", f)
			compareGolden(t, f+".extract.json", extract)
		})
	}
}

// findingLine matches a finding line of the text output (not the indented
// related-location lines): "PLACE: severity ID【…】".
var findingLine = regexp.MustCompile(`^\S.*: (error|warning|info) ([A-Z]\d{3})【`)

// goldenRules reads which rules a fixture's golden findings contain.
func goldenRules(t *testing.T, fixture string) map[string]int {
	t.Helper()
	b, err := os.ReadFile(fixture + ".findings")
	if err != nil {
		return nil
	}
	out := map[string]int{}
	for _, line := range strings.Split(string(b), "\n") {
		if m := findingLine.FindStringSubmatch(line); m != nil {
			out[m[2]]++
		}
	}
	return out
}

// TestRuleFixtures enforces the fixture standard: every rule has a fixture
// named after it (ID-*.ext) in which it fires, and the clean-* fixtures
// have no finding at all, so every rule is also seen staying quiet.
func TestRuleFixtures(t *testing.T) {
	files := fixtureFiles(t)
	fires := map[string][]string{}
	// A fixture file or a pair directory: clean-* has no finding, ID-* has
	// its rule's.
	classify := func(what, path string) {
		base := filepath.Base(path)
		got := goldenRules(t, path)
		if strings.HasPrefix(base, "clean-") {
			require.Empty(t, got, "clean %s %s has findings", what, path)
			return
		}
		id := strings.SplitN(base, "-", 2)[0]
		if rules.Lookup(id) != nil {
			require.NotZero(t, got[id], "%s %s is named after %s but %s does not fire in its golden findings", what, path, id, id)
			fires[id] = append(fires[id], path)
		}
	}
	for _, f := range files {
		classify("fixture", f)
	}
	for _, dir := range pairDirs(t) {
		classify("pair", dir)
	}
	var missing []string
	for _, r := range rules.All() {
		// P003 reports a defect of reportlint itself (a rule that
		// panicked); no sound report can make it fire, so
		// rules.TestRulePanicBecomesFinding shows it instead.
		if r.ID == rules.InternalErrorID {
			continue
		}
		if len(fires[r.ID]) == 0 {
			missing = append(missing, r.ID)
		}
	}
	sort.Strings(missing)
	require.Empty(t, missing, "rules without a fixture named after them that makes them fire")
	clean := 0
	for _, f := range files {
		if strings.HasPrefix(filepath.Base(f), "clean-") {
			clean++
		}
	}
	require.GreaterOrEqual(t, clean, 2, "want clean fixtures where every rule stays quiet")
}
