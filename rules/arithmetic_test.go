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
// increased by one; ok is false when the cell's text is not written there
// in one piece (digits split by markup, or separators).
func alterCell(src string, loc parser.Loc, raw string) (string, bool) {
	lines := strings.Split(src, "\n")
	if loc.Line < 1 || loc.Line > len(lines) {
		return "", false
	}
	line := []rune(lines[loc.Line-1])
	start := loc.Column - 1
	n, err := strconv.Atoi(raw)
	if err != nil || start < 0 || start > len(line) || !strings.HasPrefix(string(line[start:]), raw) {
		return "", false
	}
	line = append(line[:start:start], append([]rune(strconv.Itoa(n+1)), line[start+len([]rune(raw)):]...)...)
	lines[loc.Line-1] = string(line)
	return strings.Join(lines, "\n"), true
}

// TestAnyAlteredNumberIsCaught changes every number of tables 三 and 四 of
// consistent reports (text and HTML), one at a time, and requires an A30x
// finding that names the changed cell's row or column, located on the line
// of the total it points at.
func TestAnyAlteredNumberIsCaught(t *testing.T) {
	for _, path := range []string{cleanText, "../fixtures/html/clean-word-export.html", "../fixtures/html/clean-site-chrome.html"} {
		t.Run(path, func(t *testing.T) {
			data, err := os.ReadFile(path)
			require.NoError(t, err)
			rep, err := load.Bytes(path, data, parser.DefaultOptions())
			require.NoError(t, err)
			require.Empty(t, Run(rep, nil, Config{}), "the base fixture must be clean")
			tried, skipped := 0, 0
			for _, id := range []parser.TableID{parser.Table3, parser.Table4} {
				tbl := rep.Table(id)
				require.NotNil(t, tbl)
				for _, key := range tbl.Order {
					row := tbl.Rows[key]
					for i, v := range row.Cells {
						name := fmt.Sprintf("%s/%s/%s", id, key, row.Def.Cols[i].Key)
						altered, ok := alterCell(string(data), v.Loc, v.Raw)
						if !ok {
							skipped++
							continue
						}
						rep2, err := load.Bytes(path, []byte(altered), parser.DefaultOptions())
						require.NoError(t, err, name)
						// A finding must name the changed cell's row or
						// column and sit on the line of the cell it names.
						found := false
						col := row.Def.Cols[i].Key
						for _, f := range Run(rep2, nil, Config{}) {
							if !strings.HasPrefix(f.Rule, "A30") || (f.Row != key && f.Col != col) {
								continue
							}
							named := rep2.Table(f.Table).Cell(f.Row, f.Col)
							require.NotNil(t, named, "%s names a cell that does not exist", f.Rule)
							if f.Loc.Line == named.Loc.Line && f.Loc.Line > 0 {
								found = true
							}
						}
						assert.True(t, found, "changing %s (line %d) gave no A30x finding at its row or column", name, v.Loc.Line)
						tried++
					}
				}
			}
			t.Logf("%d cells altered, %d written in pieces (split digits, separators) not altered", tried, skipped)
			assert.GreaterOrEqual(t, tried, 25*7+15-5)
		})
	}
}
