// Package pdf reads PDF reports (made by WPS, Word, LibreOffice or a
// browser) into the format-neutral parser.Document.
//
// It uses github.com/ledongthuc/pdf only for the file structure: the
// cross-reference table, object navigation and stream decoding. Content
// streams are interpreted here (text state, fonts with ToUnicode first, CID
// widths, Form XObjects, marked content and ruling lines with the CTM
// applied), because the library's own text extraction is not reliable
// enough for tables. Tables come from ruling lines (stroked lines and thin
// filled rectangles), or, for tables drawn without lines, from the text
// positions (postable.go); a table that runs over a page break is joined
// into one Table. Every call into the library is guarded by recover: a
// malformed file gives a P001, never a crash.
package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"time"

	lib "github.com/ledongthuc/pdf"

	"github.com/reportlint/reportlint/parser"
)

// maxPages bounds the pages read from one file.
const maxPages = 2000

// docReader holds the state of reading one file.
type docReader struct {
	r        *lib.Reader
	fontRefs map[fontKey]*font // by object number
	budget   int64             // bytes that may still be decompressed
	opts     parser.Options
}

// guard runs f and turns a panic into an error.
func guard(what string, f func()) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("%s: %v", what, p)
		}
	}()
	f()
	return nil
}

// Parse reads a PDF report.
func Parse(path string, data []byte, opts parser.Options) (doc *parser.Document, err error) {
	defer func() {
		if p := recover(); p != nil {
			doc, err = nil, parser.Unreadable("PDF 文件结构损坏，无法读取；请用 WPS、Word 或 PDF 阅读器重新导出（另存为）PDF 后再检查", fmt.Errorf("panic: %v", p))
		}
	}()
	d, err := open(data, opts)
	if err != nil {
		return nil, err
	}
	npages := 0
	if gerr := guard("NumPage", func() { npages = d.r.NumPage() }); gerr != nil || npages <= 0 {
		return nil, parser.Unreadable("PDF 文件的页面目录损坏或为空，无法读取；请重新导出 PDF 后再检查", gerr)
	}
	if npages > maxPages {
		return nil, parser.Unreadable(fmt.Sprintf("PDF 有 %d 页，超过上限 %d 页；请确认文件是否为年度报告", npages, maxPages), nil)
	}
	doc = &parser.Document{Path: path, Format: parser.FormatPDF}
	doc.Meta.Pages = npages
	_ = guard("Info", func() { d.meta(&doc.Meta) })
	pages := make([]*pageContent, npages)
	broken := 0
	for i := range npages {
		var pc *pageContent
		var perr error
		gerr := guard("page", func() {
			pc, perr = d.interpretPage(d.r.Page(i + 1))
		})
		if errors.Is(perr, errBudget) {
			return nil, parser.Unreadable("PDF 解压后的数据量超过上限，文件可能异常；请确认文件是否正确，或调高解压上限", perr)
		}
		if gerr != nil || pc == nil {
			broken++
			doc.Problems = append(doc.Problems, parser.Problem{Rule: "P001",
				Message: fmt.Sprintf("第 %d 页内容损坏，已跳过；请重新导出 PDF 后再检查", i+1),
				Loc:     parser.Loc{Page: i + 1, Line: 1}})
			continue
		}
		pages[i] = pc
	}
	if broken == npages {
		return nil, parser.Unreadable("PDF 的所有页面都无法解析，文件可能已损坏；请重新导出 PDF 后再检查", nil)
	}
	total, bad := 0, 0
	var scanned []int
	for i, pc := range pages {
		if pc == nil {
			continue
		}
		n := 0
		for _, g := range pc.glyphs {
			if strings.TrimSpace(g.s) == "" {
				continue
			}
			n++
			if strings.ContainsRune(g.s, '\uFFFD') {
				bad++
			}
		}
		total += n
		if n == 0 && pc.images > 0 {
			scanned = append(scanned, i+1)
		}
	}
	if total > 0 {
		for _, p := range scanned {
			doc.Problems = append(doc.Problems, parser.Problem{Rule: "P002",
				Message: fmt.Sprintf("第 %d 页只有图片、没有文字层（可能是扫描页），该页内容未检查；请对该页做 OCR 文字识别或改用原始文件", p),
				Loc:     parser.Loc{Page: p, Line: 1}})
		}
	}
	if total == 0 {
		return nil, &parser.ReadError{Rule: "P002", Reason: "PDF 没有文字层（可能是扫描件或图片转换的 PDF），无法读取文字；请用 OCR 文字识别转成可检索的 PDF，或改用原始 Word/WPS 文件后再检查"}
	}
	if bad*2 > total {
		return nil, &parser.ReadError{Rule: "P002", Reason: "PDF 的文字无法解码（字体缺少 ToUnicode 映射，复制出来是乱码），无法读取；请用 WPS 或 Word 重新导出 PDF（嵌入字体），或改用原始文件后再检查"}
	}
	buildDocument(doc, pages)
	return doc, nil
}

// open makes a library Reader from the bytes, repairing what other readers
// accept: a %PDF-2.0 header, junk after %%EOF, a wrong startxref, a broken
// cross-reference table.
func open(data []byte, opts parser.Options) (*docReader, error) {
	budget := opts.MaxDecompressed
	if budget <= 0 {
		budget = parser.DefaultOptions().MaxDecompressed
	}
	if !bytes.Contains(data[:min(len(data), 1024)], []byte("%PDF-")) {
		return nil, parser.Unreadable("不是 PDF 文件（缺少 %PDF- 文件头）；请确认下载或导出是否完整", nil)
	}
	encrypted := hasEncrypt(data)
	try := func(b []byte) (*lib.Reader, error) {
		var r *lib.Reader
		var err error
		gerr := guard("NewReader", func() {
			r, err = lib.NewReader(bytes.NewReader(b), int64(len(b)))
			if err == nil {
				// touch the page tree so that a wrong xref shows now
				if r.NumPage() <= 0 {
					err = errors.New("no pages")
				}
			}
		})
		if gerr != nil {
			return nil, gerr
		}
		return r, err
	}
	fixed, _ := fixHead(data)
	r, err := try(fixed)
	if err != nil && !encrypted {
		if b, ok := fixStartxref(fixed); ok {
			if r2, err2 := try(b); err2 == nil {
				r, err = r2, nil
			}
		}
		if err != nil {
			if b, ok := rebuildXref(fixed); ok {
				if r2, err2 := try(b); err2 == nil {
					r, err = r2, nil
				}
			}
		}
	}
	if err != nil {
		if encrypted {
			return nil, parser.Unreadable("PDF 文件已加密（设置了打开密码或不支持的加密方式），无法读取；请用原始文件，或在 PDF 阅读器中取消密码和加密后另存，再检查", err)
		}
		if len(data) < 1024 || !bytes.Contains(data, []byte("obj")) {
			return nil, parser.Unreadable("PDF 文件不完整（可能下载中断或被截断），无法读取；请重新下载或导出后再检查", err)
		}
		return nil, parser.Unreadable("PDF 文件结构损坏，无法读取；请用 WPS、Word 或 PDF 阅读器重新导出（另存为）PDF 后再检查", err)
	}
	return &docReader{r: r, fontRefs: map[fontKey]*font{}, budget: budget, opts: opts}, nil
}

func hasEncrypt(data []byte) bool {
	tail := data[max(0, len(data)-64<<10):]
	return bytes.Contains(tail, []byte("/Encrypt")) || bytes.Contains(data[:min(len(data), 64<<10)], []byte("/Encrypt "))
}

// meta reads the document information dictionary.
func (d *docReader) meta(m *parser.Meta) {
	info := d.r.Trailer().Key("Info")
	if t := strings.TrimSpace(info.Key("Title").Text()); t != "" && !strings.ContainsRune(t, '\uFFFD') {
		m.Title = t
	}
	if t, ok := pdfDate(info.Key("CreationDate").Text()); ok {
		m.Published = t
	}
}

// pdfDate parses "D:20240115093000+08'00'" (the date part is enough).
func pdfDate(s string) (time.Time, bool) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "D:")
	if len(s) < 8 {
		return time.Time{}, false
	}
	t, err := time.Parse("20060102", s[:8])
	if err != nil || t.Year() < 1990 || t.Year() > 2200 {
		return time.Time{}, false
	}
	return t, true
}
