package text

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/parser"
)

// FuzzParse feeds arbitrary bytes to the text reader: it must return a
// document or a P001 ReadError, never panic, and every location it gives
// must be a real line of the input.
func FuzzParse(f *testing.F) {
	paths, _ := filepath.Glob("../../fixtures/text/*.txt")
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil && len(b) < 64<<10 {
			f.Add(b)
		}
	}
	f.Add([]byte("\xff\xfe1\x00\t\x002\x00\n\x00"))               // UTF-16LE
	f.Add([]byte("\xfe\xff\x00a\x00\t"))                          // UTF-16BE
	f.Add([]byte("\xd2\xbb\xa1\xa2\t1\r\n\x81\x30\x81\x30\t2\r")) // GB18030 with a 4-byte character
	f.Add([]byte("\xef\xbb\xbf\t\t\t\n\n\t"))
	opts := parser.DefaultOptions()
	opts.MaxCells = 10_000
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Parse("fuzz.txt", data, opts)
		if err != nil {
			var re *parser.ReadError
			if !errors.As(err, &re) || re.Kind != parser.ProblemUnreadable || re.Reason == "" {
				t.Fatalf("error is not a P001 ReadError with a reason: %v", err)
			}
			return
		}
		lines := strings.Count(string(data), "\n") + strings.Count(string(data), "\r") + 1
		check := func(what string, l parser.Loc) {
			if l.Line < 1 || l.Line > lines || l.Column < 1 {
				t.Fatalf("%s at %v outside the %d-line input", what, l, lines)
			}
		}
		for _, b := range doc.Blocks {
			switch {
			case b.Para != nil:
				check("paragraph", b.Para.Loc)
			case b.Table != nil:
				check("table", b.Table.Loc)
				for _, r := range b.Table.Rows {
					for _, c := range r.Cells {
						check("cell", c.Loc)
					}
				}
			default:
				t.Fatal("empty block")
			}
		}
		parser.Recognize(doc)
	})
}
