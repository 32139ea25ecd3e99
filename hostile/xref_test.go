package hostile

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"strings"
	"testing"
)

// Hostile cross-reference data, object streams, form fan-out and floods
// (issue 10): each is a few KB that, unchecked, makes the PDF library
// allocate tens of GB, loop for ever or overflow the stack.

// body writes the header and objects and returns the bytes and offsets.
func (p *pdfDoc) body() ([]byte, []int) {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%%PDF-%s\n%%\xe2\xe3\xcf\xd3\n", p.version)
	offs := make([]int, len(p.objs))
	for i, o := range p.objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n", i+1)
		b.Write(o)
		b.WriteString("\nendobj\n")
	}
	return b.Bytes(), offs
}

// reportDoc is the clean report as a one-page PDF; it returns the document
// and its catalog.
func reportDoc(t testing.TB) (*pdfDoc, int) {
	p := newPDF()
	catalog, pages := p.reserve(), p.reserve()
	cs, font, w, h := textPage(p, cleanText(t))
	page := p.add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %.0f %.0f] /Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>", pages, w, h, font, cs))
	p.set(pages, fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R] /Count 1 >>", page))
	p.set(catalog, fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pages))
	return p, catalog
}

// xrefTable writes a classic table for offs at the end of b, with trailer
// entries extra, and returns its offset.
func xrefTable(b *bytes.Buffer, offs []int, root int, subsection, extra string) int {
	at := b.Len()
	if subsection == "" {
		subsection = fmt.Sprintf("0 %d", len(offs)+1)
	}
	fmt.Fprintf(b, "xref\n%s\n0000000000 65535 f \n", subsection)
	for _, o := range offs {
		fmt.Fprintf(b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(b, "trailer\n<< /Size %d /Root %d 0 R %s >>\n", len(offs)+1, root, extra)
	return at
}

func finish(b *bytes.Buffer, startxref int) []byte {
	fmt.Fprintf(b, "startxref\n%d\n%%%%EOF\n", startxref)
	return b.Bytes()
}

// tablePDF is the report with its table and trailer as given; prevAt,
// when set, makes the trailer's /Prev point at an offset computed from the
// table's own.
func tablePDF(t testing.TB, subsection string, extra func(self int) string) []byte {
	p, root := reportDoc(t)
	data, offs := p.body()
	b := bytes.NewBuffer(data)
	at := b.Len()
	x := xrefTable(b, offs, root, subsection, extra(at))
	return finish(b, x)
}

// xrefStreamEntries encodes type-1 entries for offs with widths 1 4 2.
func xrefStreamEntries(offs []int) []byte {
	var raw []byte
	raw = append(raw, 0, 0, 0, 0, 0, 0xff, 0xff)
	for _, o := range offs {
		raw = append(raw, 1, byte(o>>24), byte(o>>16), byte(o>>8), byte(o), 0, 0)
	}
	return raw
}

func deflate(b []byte) []byte {
	var out bytes.Buffer
	zw := zlib.NewWriter(&out)
	zw.Write(b)
	zw.Close()
	return out.Bytes()
}

// streamPDF is the report with an XRef stream whose dictionary is dict
// (Size, W and Filter are added unless dict has them); self is the
// stream's own offset, for /Prev loops.
func streamPDF(t testing.TB, dict func(self int) string) []byte {
	p, root := reportDoc(t)
	data, offs := p.body()
	b := bytes.NewBuffer(data)
	id := len(offs) + 1
	entries := deflate(xrefStreamEntries(append(offs, b.Len())))
	at := b.Len()
	d := dict(at)
	if !strings.Contains(d, "/Size") {
		d += fmt.Sprintf(" /Size %d", id+1)
	}
	if !strings.Contains(d, "/W") {
		d += " /W [1 4 2]"
	}
	fmt.Fprintf(b, "%d 0 obj\n<< /Type /XRef /Root %d 0 R /Filter /FlateDecode %s /Length %d >>\nstream\n", id, root, d, len(entries))
	b.Write(entries)
	b.WriteString("\nendstream\nendobj\n")
	return finish(b, at)
}

// objStmPDF puts the catalog into object stream objects; stmDict adds to
// the stream's dictionary, and inStream says which object stream the
// xref says holds the object stream itself (0: none).
func objStmPDF(t testing.TB, stmDict string, selfContained, lost bool) []byte {
	p, root := reportDoc(t)
	catalog := string(p.objs[root-1])
	p.objs[root-1] = []byte("null") // the real catalog is in the stream
	data, offs := p.body()
	b := bytes.NewBuffer(data)
	sid := len(offs) + 1
	head := fmt.Sprintf("%d 0 ", root)
	if lost {
		// the stream does not hold the object the xref says it does, so
		// a reader searches all of /N and then the /Extends chain
		head = "999 0 "
	}
	content := head + catalog
	if !strings.Contains(stmDict, "/N ") {
		stmDict += " /N 1"
	}
	fmt.Fprintf(b, "%d 0 obj\n<< /Type /ObjStm /First %d %s /Length %d >>\nstream\n%s\nendstream\nendobj\n", sid, len(head), stmDict, len(content), content)
	// xref: root in stream sid; sid at its offset, or in itself
	at := b.Len()
	fmt.Fprintf(b, "xref\n0 %d\n0000000000 65535 f \n", sid+1)
	for i, o := range offs {
		if i+1 == root {
			// a table cannot say "in stream"; use an xref stream instead
			_ = o
		}
		fmt.Fprintf(b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(b, "%010d 00000 n \n", len(data))
	fmt.Fprintf(b, "trailer\n<< /Size %d /Root %d 0 R >>\n", sid+1, root)
	_ = at
	// the same, as an xref stream that puts root into the object stream
	raw := []byte{0, 0, 0, 0, 0, 0xff, 0xff}
	for i, o := range offs {
		if i+1 == root {
			raw = append(raw, 2, 0, 0, byte(sid>>8), byte(sid), 0, 0)
			continue
		}
		raw = append(raw, 1, byte(o>>24), byte(o>>16), byte(o>>8), byte(o), 0, 0)
	}
	if selfContained {
		raw = append(raw, 2, 0, 0, byte(sid>>8), byte(sid), 0, 0)
	} else {
		raw = append(raw, 1, byte(len(data)>>24), byte(len(data)>>16), byte(len(data)>>8), byte(len(data)), 0, 0)
	}
	xs := b.Len()
	xid := sid + 1
	raw = append(raw, 1, byte(xs>>24), byte(xs>>16), byte(xs>>8), byte(xs), 0, 0)
	enc := deflate(raw)
	fmt.Fprintf(b, "%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 2] /Root %d 0 R /Filter /FlateDecode /Length %d >>\nstream\n", xid, xid+1, root, len(enc))
	b.Write(enc)
	b.WriteString("\nendstream\nendobj\n")
	return finish(b, xs)
}

// fanOutPDF draws the report, then a form that draws the next one ten
// times, eight levels deep: 10^8 form runs if nothing bounds the total.
func fanOutPDF(t testing.TB) []byte {
	p := newPDF()
	catalog, pages := p.reserve(), p.reserve()
	content, runes, w, h := pdfLayout(cleanText(t))
	font := p.pdfFont(runes)
	forms := make([]int, 9)
	for i := range forms {
		forms[i] = p.reserve()
	}
	for i, f := range forms {
		body := "BT /F1 1 Tf (x) Tj ET\n"
		res := ""
		if i+1 < len(forms) {
			body = strings.Repeat("/Fx Do\n", 10)
			res = fmt.Sprintf("/XObject << /Fx %d 0 R >>", forms[i+1])
		}
		p.objs[f-1] = []byte(fmt.Sprintf("<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << %s /Font << /F1 %d 0 R >> >> /Length %d >>\nstream\n%s\nendstream", res, font, len(body), body))
	}
	cs := p.addStream("", append(content, "\n/Fx Do\n"...), true)
	page := p.add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %.0f %.0f] /Resources << /Font << /F1 %d 0 R >> /XObject << /Fx %d 0 R >> >> /Contents %d 0 R >>", pages, w, h, font, forms[0], cs))
	p.set(pages, fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R] /Count 1 >>", page))
	p.set(catalog, fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pages))
	return p.bytes(catalog, "")
}

// glyphFloodPDF has 400 pages that share one content stream of 200,000
// glyphs: 80 million glyphs from a file of a few hundred KB.
func glyphFloodPDF() []byte {
	p := newPDF()
	catalog, pages := p.reserve(), p.reserve()
	font := p.pdfFont(map[rune]bool{'一': true})
	cs := p.addStream("", []byte("BT /F1 6 Tf 10 10 Td "+strings.Repeat("<4E00> Tj ", 200_000)+"ET\n"), true)
	var kids []string
	for range 400 {
		kids = append(kids, fmt.Sprintf("%d 0 R", p.add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>", pages, font, cs))))
	}
	p.set(pages, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(kids)))
	p.set(catalog, fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pages))
	return p.bytes(catalog, "")
}

// xrefCases are the cross-reference, object-stream and flood cases.
func xrefCases() []hcase {
	refused := func(name, reason string, gen func(testing.TB) []byte) hcase {
		return hcase{name: name, want: p001, reason: reason, gen: gen}
	}
	// a table the library would size from a number in the file is not
	// handed to it; the table rebuilt from the objects reads the report
	repaired := func(name string, gen func(testing.TB) []byte) hcase {
		return hcase{name: name, gen: gen}
	}
	none := func(int) string { return "" }
	return []hcase{
		// /Prev loops are repaired by rebuilding the table (as qpdf does)
		{name: "xref-prev-self.pdf", gen: func(t testing.TB) []byte {
			return tablePDF(t, "", func(self int) string { return fmt.Sprintf("/Prev %d", self) })
		}},
		{name: "xref-prev-two-hops.pdf", gen: func(t testing.TB) []byte {
			p, root := reportDoc(t)
			data, offs := p.body()
			b := bytes.NewBuffer(data)
			first := b.Len()
			// the first table's /Prev points at the second, written after it
			var tail bytes.Buffer
			xrefTable(&tail, offs, root, "", "/Prev 0000000000")
			second := first + tail.Len()
			xrefTable(b, offs, root, "", fmt.Sprintf("/Prev %010d", second))
			xrefTable(b, offs, root, "", fmt.Sprintf("/Prev %010d", first))
			return finish(b, second)
		}},
		{name: "xref-stream-prev-self.pdf", gen: func(t testing.TB) []byte {
			return streamPDF(t, func(self int) string { return fmt.Sprintf("/Prev %d", self) })
		}},
		{name: "xref-xrefstm-loop.pdf", gen: func(t testing.TB) []byte {
			return tablePDF(t, "", func(self int) string { return fmt.Sprintf("/XRefStm %d", self) })
		}},
		repaired("xref-huge-subsection.pdf", func(t testing.TB) []byte {
			return tablePDF(t, "0 800000000", none)
		}),
		repaired("xref-huge-start.pdf", func(t testing.TB) []byte {
			return tablePDF(t, "900000000 9", none)
		}),
		repaired("xref-huge-size.pdf", func(t testing.TB) []byte {
			return streamPDF(t, func(int) string { return "/Size 900000000" })
		}),
		repaired("xref-huge-w.pdf", func(t testing.TB) []byte {
			return streamPDF(t, func(int) string { return "/W [1 2000000000 2]" })
		}),
		repaired("xref-huge-index.pdf", func(t testing.TB) []byte {
			return streamPDF(t, func(int) string { return "/Index [0 1 900000000 4000000]" })
		}),
		refused("xref-huge-columns.pdf", "/Columns", func(t testing.TB) []byte {
			return streamPDF(t, func(int) string { return "/DecodeParms << /Predictor 12 /Columns 40000000000 >>" })
		}),
		refused("objstm-contains-itself.pdf", "包含自身", func(t testing.TB) []byte { return objStmPDF(t, "", true, false) }),
		refused("objstm-extends-itself.pdf", "/Extends", func(t testing.TB) []byte {
			// the stream is object Size-2 of objStmPDF: the catalog's index + stream count
			p, _ := reportDoc(t)
			sid := len(p.objs) + 1
			return objStmPDF(t, fmt.Sprintf("/Extends %d 0 R", sid), false, true)
		}),
		refused("objstm-huge-n.pdf", "/N", func(t testing.TB) []byte { return objStmPDF(t, "/N 900000000", false, true) }),
		{name: "objstm-ok.pdf", gen: func(t testing.TB) []byte { return objStmPDF(t, "", false, false) }},
		refused("form-fan-out.pdf", "Form XObject", fanOutPDF),
		refused("glyph-flood.pdf", "字符", func(testing.TB) []byte { return glyphFloodPDF() }),
		// a ZIP is a DOCX only when it holds word/document.xml
		refused("workbook.docx", "Excel", func(t testing.TB) []byte {
			return zipOf(t, []docxEntry{{"[Content_Types].xml", []byte("<Types/>")}, {"xl/workbook.xml", []byte("<workbook/>")}})
		}),
		refused("writer.docx", "OpenDocument", func(t testing.TB) []byte {
			return zipOf(t, []docxEntry{{"mimetype", []byte("application/vnd.oasis.opendocument.text")}, {"content.xml", []byte("<office:document-content/>")}})
		}),
		refused("book.docx", "EPUB", func(t testing.TB) []byte {
			return zipOf(t, []docxEntry{{"mimetype", []byte("application/epub+zip")}, {"OEBPS/content.opf", []byte("<package/>")}})
		}),
		refused("reports.docx", "解压", func(t testing.TB) []byte {
			return zipOf(t, []docxEntry{{"a.pdf", []byte("%PDF-1.7")}, {"b.docx", []byte("PK")}})
		}),
		refused("tabs-50MB.txt", "制表符", func(t testing.TB) []byte {
			return []byte(cleanText(t) + strings.Repeat("\t", 50<<20) + "\n")
		}),
		refused("one-line-60MB.txt", "没有换行", func(t testing.TB) []byte {
			return []byte(cleanText(t) + strings.Repeat("本机关公开信息，", 60<<20/24) + "\n")
		}),
		refused("one-text-node-50MB.html", "一段文字", func(testing.TB) []byte {
			return []byte("<html><body><p>" + strings.Repeat("公开", 50<<20/6) + "</p></body></html>")
		}),
		// 15 MB of <td>1</td>: 1.5 million cells, about 1 GB of parse tree
		// if built; refused by the tokenizer's count before parsing
		refused("html-million-cells.html", "单元格上限", func(testing.TB) []byte {
			row := "<tr>" + strings.Repeat("<td>1</td>", 1000) + "</tr>\n"
			return []byte("<html><body><h1>2023年政府信息公开工作年度报告</h1><table>" + strings.Repeat(row, 1500) + "</table></body></html>")
		}),
		// upper-case tags, attributes, <th> and <td/>: counted the same
		refused("html-many-th-cells.html", "单元格上限", func(testing.TB) []byte {
			row := "<TR>" + strings.Repeat(`<TH class="c">1</TH><Td>2</Td><td/>`, 500) + "</TR>\n"
			return []byte("<html><body><table>" + strings.Repeat(row, 60) + "</table></body></html>")
		}),
		// many elements that are not cells: the element limit
		refused("html-many-spans.html", "内容过多", func(testing.TB) []byte {
			return []byte("<html><body><p>" + strings.Repeat("<span>1</span>", 60_000) + "</p></body></html>")
		}),
		refused("html-clone-bomb.html", "未闭合的格式标签", func(testing.TB) []byte {
			var b strings.Builder
			b.WriteString("<html><body><p>")
			for i := range 250 {
				fmt.Fprintf(&b, "<b id=%d>", i)
			}
			b.WriteString("</p>" + strings.Repeat("<p>x", 50_000) + "</body></html>")
			return []byte(b.String())
		}),
	}
}
