package hostile

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/parser/load"
)

// hcase is one hostile input and what reading it must give.
type hcase struct {
	// name is the file name; it decides the extension the loader sees.
	name string
	gen  func(t testing.TB) []byte
	// want are the rule IDs of the findings, sorted; nil means the clean
	// report's findings (none).
	want []string
	// reason must occur in the P001/P002 message (when want has one).
	reason string
}

func fixed(b []byte) func(testing.TB) []byte { return func(testing.TB) []byte { return b } }

var p001 = []string{"P001"}

// cases lists the hostile inputs. Large inputs are generated when asked for.
func cases() []hcase {
	var cs []hcase
	for _, ext := range load.Extensions() {
		cs = append(cs, hcase{name: "empty" + ext, gen: fixed(nil), want: p001, reason: "文件为空"})
	}
	cs = append(cs, hcase{name: "blank.txt", gen: fixed([]byte(" \r\n\t\u3000\n")), want: p001, reason: "文件为空"})
	for i, ext := range []string{".txt", ".html", ".pdf", ".docx", ".doc"} {
		reason := "无法识别的文件类型"
		if ext == ".pdf" || ext == ".docx" {
			reason = "内容不是"
		}
		cs = append(cs, hcase{name: "random" + ext, gen: fixed(randomBytes(uint64(i+1), 4096)), want: p001, reason: reason})
	}
	cs = append(cs,
		hcase{name: "image.pdf", gen: fixed(append([]byte{0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, randomBytes(9, 512)...)), want: p001, reason: "图片"},
		hcase{name: "old-word.doc", gen: fixed(append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 2048)...)), want: p001, reason: "旧格式"},
	)

	// Text in every encoding a government site serves, with no declaration.
	cs = append(cs,
		hcase{name: "utf16le.txt", gen: func(t testing.TB) []byte { return utf16Of(cleanText(t), false) }},
		hcase{name: "utf16be.txt", gen: func(t testing.TB) []byte { return utf16Of(cleanText(t), true) }},
		hcase{name: "gb18030.txt", gen: func(t testing.TB) []byte { return gb18030Of(t, cleanText(t)+"\n附：䶮𠀀\n") }},
		hcase{name: "crlf-bom.txt", gen: func(t testing.TB) []byte {
			return append([]byte{0xEF, 0xBB, 0xBF}, strings.ReplaceAll(cleanText(t), "\n", "\r\n")...)
		}},
		hcase{name: "青川县 自然资源局 2024年 报告.txt", gen: func(t testing.TB) []byte { return []byte(cleanText(t)) }},
		hcase{name: "gbk-no-meta.html", gen: func(t testing.TB) []byte { return gb18030Of(t, toHTML(cleanText(t), "", "")) }},
		hcase{name: "gbk-meta.html", gen: func(t testing.TB) []byte { return gb18030Of(t, toHTML(cleanText(t), "gb2312", "")) }},
		hcase{name: "utf16-html.htm", gen: func(t testing.TB) []byte { return utf16Of(toHTML(cleanText(t), "", ""), false) }},
	)

	// Wrong extensions: the content decides.
	cs = append(cs,
		hcase{name: "html-as.pdf", gen: func(t testing.TB) []byte { return []byte(toHTML(cleanText(t), "utf-8", "")) }},
		hcase{name: "pdf-as.docx", gen: func(t testing.TB) []byte { return reportPDF(cleanText(t), pdfOpts{compress: true}) }},
		hcase{name: "docx-as.pdf", gen: func(t testing.TB) []byte { return zipOf(t, docxParts([]byte(docxBody(cleanText(t))))) }},
		hcase{name: "html-as.txt", gen: func(t testing.TB) []byte { return []byte(toHTML(cleanText(t), "", "")) }},
		hcase{name: "error-page.pdf", want: p001, reason: "找不到年度报告的内容", gen: fixed([]byte(
			"<!DOCTYPE html><html><head><meta charset=utf-8><title>404 Not Found</title></head><body><h1>404 Not Found</h1><p>您访问的页面不存在或已被删除。</p><hr><center>nginx</center></body></html>\n"))},
	)

	// HTML limits.
	cs = append(cs,
		hcase{name: "deep-100000.html", want: p001, reason: "嵌套", gen: func(testing.TB) []byte {
			return []byte("<html><body>" + strings.Repeat("<div>", 100_000) + "深" + strings.Repeat("</div>", 100_000) + "</body></html>")
		}},
		hcase{name: "deep-tables.html", want: p001, reason: "嵌套", gen: func(testing.TB) []byte {
			return []byte("<html><body>" + strings.Repeat("<table><tr><td>", 20_000) + "x</body></html>")
		}},
		hcase{name: "huge-colspan-cell.html", gen: func(t testing.TB) []byte {
			return []byte(toHTML(cleanText(t), "utf-8", `<table><tr><td colspan="2147483648" rowspan="99999999999">注</td><td colspan=-5>x</td></tr></table>`))
		}},
		hcase{name: "huge-colspan-table.html", want: p001, reason: "表格过大", gen: func(t testing.TB) []byte {
			row := "<tr>" + strings.Repeat(`<td colspan=99999 rowspan=99999>1</td>`, 10) + "</tr>\n"
			return []byte(toHTML(cleanText(t), "utf-8", "<table>"+strings.Repeat(row, 300)+"</table>"))
		}},
	)

	// Documents too big to recognise: every reader bounds one table, the
	// loader bounds paragraphs and tables per document.
	cs = append(cs,
		hcase{name: "many-paragraphs.txt", want: p001, reason: "内容过多", gen: func(testing.TB) []byte {
			return []byte(strings.Repeat("第一段。\n", 100_001))
		}},
		hcase{name: "many-blocks-64MB.txt", want: p001, reason: "内容过多", gen: func(testing.TB) []byte {
			return []byte(strings.Repeat("x\n\t\n", (64<<20-1)/4))
		}},
		hcase{name: "many-paragraphs.html", want: p001, reason: "内容过多", gen: func(testing.TB) []byte {
			return []byte("<html><body>" + strings.Repeat("<p>x</p>\n", 100_001) + "</body></html>")
		}},
		hcase{name: "many-elements.html", want: p001, reason: "内容过多", gen: func(testing.TB) []byte {
			return []byte("<html><body><p>" + strings.Repeat("<br>", 2_000_001) + "</p></body></html>")
		}},
		hcase{name: "many-wide-tables.html", want: p001, reason: "表格过多", gen: func(t testing.TB) []byte {
			tbl := "<table><tr>" + strings.Repeat("<td colspan=1000>1</td>", 199) + "</tr></table>\n"
			return []byte(toHTML(cleanText(t), "utf-8", strings.Repeat(tbl, 100)))
		}},
	)

	// DOCX.
	cs = append(cs,
		hcase{name: "truncated.docx", want: p001, reason: "ZIP", gen: func(t testing.TB) []byte {
			b := zipOf(t, docxParts([]byte(docxBody(cleanText(t)))))
			return b[:len(b)/2]
		}},
		hcase{name: "zip-bomb.docx", want: p001, reason: "解压", gen: func(t testing.TB) []byte { return docxBomb(t, 1<<30, false) }},
		hcase{name: "zip-bomb-lying-header.docx", want: p001, reason: "解压", gen: func(t testing.TB) []byte { return docxBomb(t, 1<<30, true) }},
		hcase{name: "path-traversal.docx", want: p001, reason: "路径穿越", gen: func(t testing.TB) []byte {
			es := docxParts([]byte(docxBody(cleanText(t))))
			es = append(es, docxEntry{"../../../../tmp/reportlint-evil.xml", []byte("<x/>")}, docxEntry{"/etc/evil.xml", []byte("<x/>")})
			return zipOf(t, es)
		}},
		hcase{name: "huge-gridspan.docx", gen: func(t testing.TB) []byte {
			body := docxBody(cleanText(t))
			extra := `<w:tbl>` + strings.Repeat(`<w:tr><w:tc><w:tcPr><w:gridSpan w:val="2147483647"/><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>注</w:t></w:r></w:p></w:tc></w:tr>`, 3) + `</w:tbl>`
			body = strings.Replace(body, `</w:body>`, extra+`</w:body>`, 1)
			return zipOf(t, docxParts([]byte(body)))
		}},
		hcase{name: "many-paragraphs.docx", want: p001, reason: "内容过多", gen: func(t testing.TB) []byte {
			body := strings.Replace(docxBody(cleanText(t)), `</w:body>`, strings.Repeat(`<w:p><w:r><w:t>x</w:t></w:r></w:p>`, 200_000)+`</w:body>`, 1)
			return zipOf(t, docxParts([]byte(body)))
		}},
		hcase{name: "not-a-docx.docx", want: p001, gen: func(t testing.TB) []byte {
			return zipOf(t, []docxEntry{{"readme.txt", []byte("hello")}})
		}},
	)

	// PDF.
	clean := func(t testing.TB) []byte { return reportPDF(cleanText(t), pdfOpts{compress: true}) }
	cs = append(cs,
		hcase{name: "clean.pdf", gen: clean},
		hcase{name: "truncated-head.pdf", want: p001, reason: "PDF", gen: func(t testing.TB) []byte { return clean(t)[:400] }},
		hcase{name: "truncated-half.pdf", want: p001, reason: "PDF", gen: func(t testing.TB) []byte { b := clean(t); return b[:len(b)/2] }},
		hcase{name: "no-eof.pdf", gen: func(t testing.TB) []byte {
			b := clean(t)
			return append(b[:bytes.LastIndex(b, []byte("%%EOF"))], make([]byte, 300)...)
		}},
		hcase{name: "broken-xref.pdf", gen: func(t testing.TB) []byte {
			b := clean(t)
			i := bytes.LastIndex(b, []byte("\nxref\n"))
			tail := bytes.ReplaceAll(b[i:], []byte(" 00000 n "), []byte("9 00000 n "))
			return append(b[:i:i], tail...)
		}},
		hcase{name: "wrong-startxref.pdf", gen: func(t testing.TB) []byte {
			b := clean(t)
			i := bytes.LastIndex(b, []byte("startxref\n"))
			return append(b[:i:i], []byte("startxref\n17\n%%EOF\n")...)
		}},
		hcase{name: "encrypted.pdf", want: p001, reason: "加密", gen: func(t testing.TB) []byte {
			return reportPDF(cleanText(t), pdfOpts{compress: true, trailer: "/Encrypt << /Filter /Standard /V 2 /R 3 /Length 128 /P -1340 " +
				"/O <" + strings.Repeat("7A", 32) + "> /U <" + strings.Repeat("3C", 32) + "> >> /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>]"})
		}},
		hcase{name: "image-only.pdf", want: []string{"P002"}, reason: "OCR", gen: func(testing.TB) []byte { return imagePDF() }},
		hcase{name: "bad-operators.pdf", gen: func(t testing.TB) []byte {
			return reportPDF(cleanText(t), pdfOpts{compress: true, content: func(c []byte) []byte {
				junk := "Q Q Q ET ET 1 Td /F1 Tf 5 TJ (x) 1 2 Tm ] >> } { /Nope Do /Nope2 gs 1 0 0 RG BI /W 1 ID \x00\x01 EI BDC EMC EMC 'x' \" unknownop 1e999 2 re n\n" +
					"q BT /F1 6 Tf 0 0 Td (abc) 0 Tc ET 1 2 3 Tz Q\n"
				return append([]byte(junk), c...)
			}})
		}},
		hcase{name: "parent-loop.pdf", gen: func(t testing.TB) []byte { return parentLoopPDF(cleanText(t)) }},
		hcase{name: "kids-cycle.pdf", want: p001, reason: "PDF", gen: func(t testing.TB) []byte { return kidsCyclePDF(cleanText(t)) }},
		hcase{name: "form-recursion.pdf", gen: func(t testing.TB) []byte { return formLoopPDF(cleanText(t)) }},
		hcase{name: "self-reference.pdf", want: p001, reason: "PDF", gen: func(t testing.TB) []byte { return selfRefPDF() }},
		hcase{name: "deep-arrays.pdf", want: p001, reason: "PDF", gen: func(testing.TB) []byte { return deepPDF(100_000) }},
		hcase{name: "deep-dicts.pdf", want: p001, reason: "PDF", gen: func(testing.TB) []byte { return deepContent(100_000, "<< /A ", " >>") }},
		hcase{name: "ruled-grid-2000.pdf", want: p001, reason: "找不到年度报告的内容", gen: func(testing.TB) []byte { return gridBombPDF(2000) }},
		hcase{name: "flate-bomb.pdf", want: p001, reason: "解压", gen: func(t testing.TB) []byte { return flateBombPDF(cleanText(t)) }},
	)
	cs = append(cs, xrefCases()...)
	return cs
}

// imagePDF is a scan: one page that only paints an image.
func imagePDF() []byte {
	p := newPDF()
	catalog, pages := p.reserve(), p.reserve()
	img := p.addStream("/Type /XObject /Subtype /Image /Width 16 /Height 16 /ColorSpace /DeviceGray /BitsPerComponent 8", bytes.Repeat([]byte{0x80}, 256), true)
	cs := p.addStream("", []byte("q 595 0 0 842 0 0 cm /Im1 Do Q\n"), true)
	page := p.add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 %d 0 R >> >> /Contents %d 0 R >>", pages, img, cs))
	p.set(pages, fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R] /Count 1 >>", page))
	p.set(catalog, fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pages))
	return p.bytes(catalog, "")
}

// textPage adds the report as one page's content and font; it returns the
// content and font object numbers and the page size.
func textPage(p *pdfDoc, s string) (cs, font int, w, h float64) {
	content, runes, w, h := pdfLayout(s)
	font = p.pdfFont(runes)
	cs = p.addStream("", content, true)
	return cs, font, w, h
}

// parentLoopPDF has a page tree whose /Parent links form a loop, and the
// page inherits nothing, so an inherited-attribute lookup walks the loop.
func parentLoopPDF(s string) []byte {
	p := newPDF()
	catalog, pages, mid := p.reserve(), p.reserve(), p.reserve()
	cs, font, w, h := textPage(p, s)
	page := p.add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>", mid, font, cs))
	p.set(mid, fmt.Sprintf("<< /Type /Pages /Parent %d 0 R /Kids [%d 0 R] /Count 1 >>", pages, page))
	p.set(pages, fmt.Sprintf("<< /Type /Pages /Parent %d 0 R /Kids [%d 0 R] /Count 1 /MediaBoxX [0 0 %.0f %.0f] >>", mid, mid, w, h))
	p.set(catalog, fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pages))
	return p.bytes(catalog, "")
}

// kidsCyclePDF has a /Pages node that lists itself among its kids.
func kidsCyclePDF(s string) []byte {
	p := newPDF()
	catalog, pages := p.reserve(), p.reserve()
	cs, font, w, h := textPage(p, s)
	page := p.add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %.0f %.0f] /Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>", pages, w, h, font, cs))
	p.set(pages, fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R %d 0 R] /Count 3 >>", pages, page))
	p.set(catalog, fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pages))
	return p.bytes(catalog, "")
}

// formLoopPDF draws the report, then a Form XObject that draws itself.
func formLoopPDF(s string) []byte {
	p := newPDF()
	catalog, pages, form := p.reserve(), p.reserve(), p.reserve()
	content, runes, w, h := pdfLayout(s)
	font := p.pdfFont(runes)
	cs := p.addStream("", append(content, "\n/Fx Do\n"...), true)
	var fb bytes.Buffer
	fmt.Fprintf(&fb, "<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /Fx %d 0 R >> >> /Length 7 >>\nstream\n/Fx Do\n\nendstream", form)
	p.objs[form-1] = fb.Bytes()
	page := p.add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %.0f %.0f] /Resources << /Font << /F1 %d 0 R >> /XObject << /Fx %d 0 R >> >> /Contents %d 0 R >>", pages, w, h, font, form, cs))
	p.set(pages, fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R] /Count 1 >>", page))
	p.set(catalog, fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pages))
	return p.bytes(catalog, "")
}

// selfRefPDF has objects that are references to each other, and nothing
// else: the page tree root resolves to itself.
func selfRefPDF() []byte {
	p := newPDF()
	catalog := p.reserve()
	a := p.reserve()
	b := p.reserve()
	p.set(a, fmt.Sprintf("%d 0 R", b))
	p.set(b, fmt.Sprintf("%d 0 R", a))
	p.set(catalog, fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", a))
	return p.bytes(catalog, "")
}

// flateBombPDF's page content inflates to the report's text followed by
// 1 GiB of spaces.
func flateBombPDF(s string) []byte {
	p := newPDF()
	catalog, pages := p.reserve(), p.reserve()
	content, runes, w, h := pdfLayout(s)
	font := p.pdfFont(runes)
	cs := p.addRawStream("/Filter /FlateDecode", zlibBomb(content, ' ', 1<<30, nil))
	page := p.add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %.0f %.0f] /Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>", pages, w, h, font, cs))
	p.set(pages, fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R] /Count 1 >>", page))
	p.set(catalog, fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pages))
	return p.bytes(catalog, "")
}
