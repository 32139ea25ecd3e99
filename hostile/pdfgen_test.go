package hostile

import (
	"fmt"
	"strings"
)

// deepPDF nests n arrays in a page dictionary.
func deepPDF(n int) []byte {
	p := newPDF()
	catalog, pages := p.reserve(), p.reserve()
	page := p.add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Deep %s1%s >>", pages, strings.Repeat("[", n), strings.Repeat("]", n)))
	p.set(pages, fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R] /Count 1 >>", page))
	p.set(catalog, fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pages))
	return p.bytes(catalog, "")
}

// deepContent nests n open/close pairs in the catalog and the page content.
func deepContent(n int, open, close string) []byte {
	p := newPDF()
	catalog, pages := p.reserve(), p.reserve()
	cs := p.addStream("", []byte("BT "+strings.Repeat(open, n)+"1"+strings.Repeat(close, n)+" TJ ET"), true)
	page := p.add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R >>", pages, cs))
	p.set(pages, fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R] /Count 1 >>", page))
	p.set(catalog, fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R /Deep %s1%s >>", pages, strings.Repeat(open, n), strings.Repeat(close, n)))
	return p.bytes(catalog, "")
}

// gridBombPDF rules an n x n grid of 1 pt cells, with one glyph in it.
func gridBombPDF(n int) []byte {
	var c strings.Builder
	c.WriteString("0.5 w\n")
	for i := 0; i <= n; i++ {
		fmt.Fprintf(&c, "0 %d m %d %d l S\n", i, n, i)
		fmt.Fprintf(&c, "%d 0 m %d %d l S\n", i, i, n)
	}
	c.WriteString("BT /F1 6 Tf 1 1 Td <4E00> Tj ET\n")
	p := newPDF()
	catalog, pages := p.reserve(), p.reserve()
	font := p.pdfFont(map[rune]bool{'一': true})
	cs := p.addStream("", []byte(c.String()), true)
	page := p.add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] /Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>", pages, n, n, font, cs))
	p.set(pages, fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R] /Count 1 >>", page))
	p.set(catalog, fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pages))
	return p.bytes(catalog, "")
}
