package pdf

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/parser"
)

// dumpDoc renders a Document for golden comparisons and debugging.
func dumpDoc(doc *parser.Document) string {
	var b strings.Builder
	for _, p := range doc.Problems {
		fmt.Fprintf(&b, "problem %s %s %s\n", p.Kind, p.Loc, p.Message)
	}
	for _, bl := range doc.Blocks {
		if bl.Para != nil {
			fmt.Fprintf(&b, "[%s] %s\n", bl.Para.Loc, bl.Para.Text)
			continue
		}
		if bl.Image != nil {
			fmt.Fprintf(&b, "[%s] image %q %.0fx%.0f\n", bl.Image.Loc, bl.Image.Src, bl.Image.Width, bl.Image.Height)
			continue
		}
		t := bl.Table
		fmt.Fprintf(&b, "table %d (%s) %d rows\n", t.Ord, t.Loc, len(t.Rows))
		for ri, r := range t.Rows {
			fmt.Fprintf(&b, "  r%d [%s]", ri, r.Loc)
			for _, c := range r.Cells {
				span := ""
				if c.RowSpan > 1 || c.ColSpan > 1 {
					span = fmt.Sprintf("[%dx%d]", c.RowSpan, c.ColSpan)
				}
				fmt.Fprintf(&b, " | %s%s", span, c.Text)
			}
			b.WriteString("\n")
		}
	}
	return b.String()
}

func TestDump(t *testing.T) {
	path := os.Getenv("PDFDUMP")
	if path == "" {
		t.Skip("set PDFDUMP=file.pdf to print what the reader gives")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Parse(path, data, parser.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	fmt.Print(dumpDoc(doc))
}
