package docx_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/reportlint/reportlint/parser"
	"github.com/reportlint/reportlint/parser/docx"
)

// FuzzParse feeds arbitrary bytes (seeded with the DOCX fixtures and small
// hand-made documents) to Parse: it must never panic, and every failure
// must be a P001 ReadError.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "fixtures", "docx", "*.docx"))
	for _, p := range files {
		if st, err := os.Stat(p); err == nil && st.Size() < 64<<10 {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(b)
			}
		}
	}
	f.Add(mkdocx(f, p("一、总体情况"), map[string]string{"word/numbering.xml": numberingXML, "word/styles.xml": stylesXML}))
	f.Add(mkdocx(f, `<w:tbl><w:tr>`+tc(`<w:vMerge/>`, p("1"))+`</w:tr></w:tbl>`, nil))
	opts := parser.DefaultOptions()
	opts.MaxDecompressed = 8 << 20
	opts.Timeout = 10 * time.Second
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := docx.Parse("fuzz.docx", data, opts)
		if err != nil {
			var re *parser.ReadError
			if !errors.As(err, &re) || re.Kind != parser.ProblemUnreadable || re.Reason == "" {
				t.Fatalf("error is not a P001 ReadError: %v", err)
			}
			return
		}
		for _, b := range doc.Blocks {
			if b.Table != nil {
				_ = b.Table.Grid()
			}
		}
	})
}
