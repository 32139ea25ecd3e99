package text

import (
	"strings"
	"testing"

	"github.com/reportlint/reportlint/parser"
)

// TestTabFloodBeforeDecoding: a line of too many tabs is refused with the
// same line number and count the line-by-line reader would give, for LF,
// CR LF and lone CR line ends, and a file within the limit is read.
func TestTabFloodBeforeDecoding(t *testing.T) {
	opts := parser.DefaultOptions()
	max := opts.MaxCells / 10
	for _, eol := range []string{"\n", "\r\n", "\r"} {
		data := "标题" + eol + "a\tb" + eol + strings.Repeat("\t", max) + eol + "x"
		if n, cells := tabFlood([]byte(data), max); n != 3 || cells != max+1 {
			t.Errorf("eol %q: line %d, %d cells; want 3, %d", eol, n, cells, max+1)
		}
		_, err := Parse("f.txt", []byte(data), opts)
		if err == nil || !strings.Contains(err.Error(), "第 3 行有 20001 个制表符") {
			t.Errorf("eol %q: %v", eol, err)
		}
		ok := "标题" + eol + strings.Repeat("\t", max-1) + eol
		if n, _ := tabFlood([]byte(ok), max); n != 0 {
			t.Errorf("eol %q: %d tabs refused (limit %d cells)", eol, max-1, max)
		}
	}
	if n, _ := tabFlood([]byte(strings.Repeat("\t", max+5)), max); n != 1 {
		t.Errorf("a last line without a line end: line %d", n)
	}
}
