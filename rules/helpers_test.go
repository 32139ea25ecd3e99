package rules

import (
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/reportlint/reportlint/parser"
	"github.com/reportlint/reportlint/parser/load"
)

// cleanText is the consistent text report most rule tests start from.
const cleanText = "../fixtures/text/clean-department-2024.txt"

// readEdited reads the fixture at path with old replaced by new (once) and
// recognises it. The replacement must change the file, so that a fixture
// edit cannot silently turn a test into one that checks nothing.
func readEdited(t *testing.T, path, old, new string) *parser.Report {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	src := string(data)
	if old != "" {
		src = strings.Replace(src, old, new, 1)
		require.NotEqual(t, string(data), src, "%q not found in %s", old, path)
	}
	rep, err := load.Bytes(path, []byte(src), parser.DefaultOptions())
	require.NoError(t, err)
	return rep
}

// countRules runs every rule and counts the findings per rule ID.
func countRules(rep, prev *parser.Report) map[string]int {
	got := map[string]int{}
	for _, f := range Run(rep, prev, Config{}) {
		got[f.Rule]++
	}
	return got
}

// long asks the differential tests for many more random inputs (go test
// ./rules -long); the fuzz targets go further.
var long = flag.Bool("long", false, "run the differential tests on many more random inputs")

// randomInputs is how many random inputs a differential test generates:
// n normally, the larger longN with -long, and the smaller shortN under
// -short or the race detector (which slows the tests ten-fold).
func randomInputs(n, longN, shortN int) int {
	switch {
	case *long:
		return longN
	case testing.Short() || raceEnabled:
		return shortN
	}
	return n
}
