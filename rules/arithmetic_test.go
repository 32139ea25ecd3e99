package rules

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/reportlint/reportlint/parser"
	"github.com/reportlint/reportlint/parser/load"
)

// alterCell returns src with the number at loc (1-based line, rune column)
// increased by one.
func alterCell(t *testing.T, src string, loc parser.Loc, raw string) string {
	t.Helper()
	lines := strings.Split(src, "\n")
	line := []rune(lines[loc.Line-1])
	start := loc.Column - 1
	require.True(t, strings.HasPrefix(string(line[start:]), raw), "cell %q not at %d:%d", raw, loc.Line, loc.Column)
	n, err := strconv.Atoi(raw)
	require.NoError(t, err)
	line = append(line[:start:start], append([]rune(strconv.Itoa(n+1)), line[start+len([]rune(raw)):]...)...)
	lines[loc.Line-1] = string(line)
	return strings.Join(lines, "\n")
}

// TestAnyAlteredNumberIsCaught changes every number of tables 三 and 四 of
// a consistent report, one at a time, and requires an A30x finding on the
// line of the changed cell.
func TestAnyAlteredNumberIsCaught(t *testing.T) {
	const path = "../fixtures/text/clean-department-2024.txt"
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	rep, err := load.Bytes(path, data, parser.DefaultOptions())
	require.NoError(t, err)
	require.Empty(t, Run(rep, nil, Config{}), "the base fixture must be clean")
	tried := 0
	for _, id := range []string{parser.Table3, parser.Table4} {
		tbl := rep.Table(id)
		require.NotNil(t, tbl)
		for _, key := range tbl.Order {
			row := tbl.Rows[key]
			for i, v := range row.Cells {
				name := fmt.Sprintf("%s/%s/%s", id, key, row.Def.Cols[i].Key)
				altered := alterCell(t, string(data), v.Loc, v.Raw)
				rep2, err := load.Bytes(path, []byte(altered), parser.DefaultOptions())
				require.NoError(t, err, name)
				found := false
				for _, f := range Run(rep2, nil, Config{}) {
					if strings.HasPrefix(f.Rule, "A30") && f.Loc.Line == v.Loc.Line {
						found = true
					}
				}
				assert.True(t, found, "changing %s (line %d) gave no A30x finding on its line", name, v.Loc.Line)
				tried++
			}
		}
	}
	assert.Equal(t, 25*7+15, tried)
}

// TestBlankIsNotJudged: a blank cell gives C201 and no arithmetic finding,
// although reading it as 0 would break two relations.
func TestBlankIsNotJudged(t *testing.T) {
	const path = "../fixtures/text/clean-department-2024.txt"
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	src := strings.Replace(string(data), "（一）予以公开\t10\t1", "（一）予以公开\t\t1", 1)
	rep, err := load.Bytes(path, []byte(src), parser.DefaultOptions())
	require.NoError(t, err)
	got := map[string]int{}
	for _, f := range Run(rep, nil, Config{}) {
		got[f.Rule]++
	}
	assert.Equal(t, map[string]int{"C201": 1}, got)
}
