package pdf_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/reportlint/reportlint/parser"
	"github.com/reportlint/reportlint/parser/pdf"
)

// seedPDF writes a small uncompressed PDF: a Type0 font with a ToUnicode
// CMap, a page with lines of text, a ruled 2x2 table and extra objects,
// so that mutations reach the lexer, the xref, fonts and the interpreter.
func seedPDF(extraContent, extraPage string) []byte {
	lines := []string{"某县2024年政府信息公开工作年度报告", "一、总体情况", "二、主动公开政府信息情况"}
	var cs strings.Builder
	runes := map[rune]bool{}
	y := 800
	for _, l := range lines {
		var h strings.Builder
		for _, u := range utf16.Encode([]rune(l)) {
			fmt.Fprintf(&h, "%04X", u)
			runes[rune(u)] = true
		}
		fmt.Fprintf(&cs, "BT /F1 10 Tf 50 %d Td <%s> Tj ET\n", y, h.String())
		y -= 20
	}
	cs.WriteString("q 0.5 w 50 700 m 250 700 l S 50 680 m 250 680 l S 50 660 m 250 660 l S 50 700 m 50 660 l S 150 700 m 150 660 l S 250 700 m 250 660 l S Q\n")
	cs.WriteString("BT /F1 8 Tf 60 685 Td [<0031> -200 <0032>] TJ 100 0 Td (3) Tj T* (4) ' ET\n")
	cs.WriteString(extraContent)
	var cm strings.Builder
	cm.WriteString("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n1 begincodespacerange <0000> <FFFF> endcodespacerange\n")
	fmt.Fprintf(&cm, "%d beginbfchar\n", len(runes)+2)
	for r := range runes {
		fmt.Fprintf(&cm, "<%04X> <%04X>\n", r, r)
	}
	cm.WriteString("<0031> <0031>\n<0032> <0032>\nendbfchar\n1 beginbfrange <0030> <0039> <0030> endbfrange\nendcmap end end\n")
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R " + extraPage + ">>",
		"<< /Type /Font /Subtype /Type0 /BaseFont /F /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", cs.Len(), cs.String()),
		"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /F /DW 1000 /W [49 [500 500] 52 60 600] >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", cm.Len(), cm.String()),
		"<< /Title (t) /CreationDate (D:20250115093000+08'00') >>",
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R /Info 8 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

// FuzzParse feeds arbitrary bytes to the PDF reader: it must give a
// document or a P001/P002 ReadError, in bounded time. A panic that reached
// Parse's last-resort recover (outside the per-call guards) is a failure.
func FuzzParse(f *testing.F) {
	paths, _ := filepath.Glob("../../fixtures/pdf/*.pdf")
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil && len(b) <= 64<<10 {
			f.Add(b)
		}
	}
	f.Add(seedPDF("", ""))
	f.Add(seedPDF("Q Q 1 Td /F9 Tf (x) Tj BI /W 1 ID xx EI /X Do\n", "/Rotate 90 "))
	f.Add(seedPDF("", "/Parent 3 0 R /Resources 3 0 R "))
	opts := parser.DefaultOptions()
	opts.MaxDecompressed = 8 << 20
	const limit = 10 * time.Second
	f.Fuzz(func(t *testing.T, data []byte) {
		o := opts
		ctx, cancel := context.WithTimeout(context.Background(), limit)
		defer cancel()
		type res struct {
			doc *parser.Document
			err error
		}
		ch := make(chan res, 1)
		go func() {
			doc, err := pdf.ParseContext(ctx, "fuzz.pdf", data, o)
			ch <- res{doc, err}
		}()
		var r res
		select {
		case r = <-ch:
		case <-time.After(limit):
			t.Fatalf("Parse did not return within %v", limit)
		}
		if r.err != nil {
			var re *parser.ReadError
			if !errors.As(r.err, &re) || (re.Kind != parser.ProblemUnreadable && re.Kind != parser.ProblemNoText) || re.Reason == "" {
				t.Fatalf("error is not a P001/P002 ReadError: %v", r.err)
			}
			if re.Err != nil && strings.HasPrefix(re.Err.Error(), "panic:") {
				t.Fatalf("unguarded panic: %v", re.Err)
			}
			return
		}
		for _, b := range r.doc.Blocks {
			if b.Table != nil {
				_ = b.Table.Grid()
			}
		}
		parser.Recognize(r.doc)
	})
}
