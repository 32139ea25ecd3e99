// Package pdf reads PDF reports (made by WPS, Word, LibreOffice or a
// browser) into the format-neutral parser.Document.
//
// It uses github.com/ledongthuc/pdf for the file structure (the
// cross-reference table, repaired when needed) and reads objects, fonts and
// streams itself where it can (objects.go: each object parsed once).
// Content streams are interpreted here (text state, fonts with ToUnicode
// first, CID widths, Form XObjects, marked content and ruling lines with
// the CTM applied), because the library's own text extraction is not
// reliable enough for tables. Tables come, in this order, from the
// structure tree of a tagged PDF (tagged.go: Table/TR/TD with spans, cells
// joined to glyphs by MCID), from ruling lines (ruled.go) or, for tables
// drawn without lines, from the text positions (postable.go); a table that
// runs over a page break is joined into one Table. Every call into the
// library is guarded by recover: a malformed file gives a P001, never a
// crash or a hang.
package pdf

import (
	"bytes"
	"context"
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
	objs     *objects          // direct object reader (nil: library only)
	// pageCycle: the page tree lists a node twice (a /Kids cycle)
	pageCycle bool
	budget    int64 // bytes that may still be decompressed
	glyphs    int   // glyphs kept from all pages so far (maxGlyphsFile)
	opts      parser.Options
	scratch   []byte // readall.BoundedScratch's buffer, reused
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

// Parse reads a PDF report with no deadline; see ParseContext.
func Parse(path string, data []byte, opts parser.Options) (*parser.Document, error) {
	return ParseContext(context.Background(), path, data, opts)
}

// ParseContext reads a PDF report. It stops between pages once ctx is done.
func ParseContext(ctx context.Context, path string, data []byte, opts parser.Options) (doc *parser.Document, err error) {
	defer func() {
		if p := recover(); p != nil {
			doc, err = nil, parser.Unreadable("PDF 文件结构损坏，无法读取；请用 WPS、Word 或 PDF 阅读器重新导出（另存为）PDF 后再检查", fmt.Errorf("panic: %v", p))
		}
	}()
	d, err := open(data, opts)
	if err != nil {
		return nil, err
	}
	var pageVals []lib.Value
	tooMany := false
	if gerr := guard("NumPage", func() { pageVals, tooMany = d.pageList() }); tooMany {
		return nil, parser.Unreadable(fmt.Sprintf("PDF 的页数超过上限 %d 页；请确认文件是否为年度报告", maxPages), nil)
	} else if gerr != nil || len(pageVals) == 0 {
		return nil, parser.Unreadable("PDF 文件的页面目录损坏或为空，无法读取；请重新导出 PDF 后再检查", gerr)
	}
	npages := len(pageVals)
	doc = &parser.Document{Path: path, Format: parser.FormatPDF}
	doc.Meta.Pages = npages
	if d.pageCycle {
		doc.Problems = append(doc.Problems, parser.Problem{Kind: parser.ProblemUnreadable,
			Message: "PDF 的页面目录有循环引用（文件结构损坏），每页只读取了一次，可能缺页；请用 WPS、Word 或 PDF 阅读器重新导出 PDF 后再检查",
			Loc:     parser.Loc{Page: 1, Line: 1}})
	}
	_ = guard("Info", func() { d.meta(&doc.Meta) })
	pages := make([]*pageContent, npages)
	pageIDs := make([]objID, npages)
	broken := 0
	for i := range npages {
		if ctx.Err() != nil {
			// The loader has already reported the timeout; stop working.
			return nil, parser.Unreadable("读取 PDF 超时", nil)
		}
		var pc *pageContent
		var perr error
		gerr := guard("page", func() {
			p := lib.Page{V: pageVals[i]}
			pageIDs[i], _ = selfRef(p.V)
			pc, perr = d.interpretPage(p)
		})
		if errors.Is(perr, errBudget) {
			return nil, parser.Unreadable("PDF 解压后的数据量超过上限，文件可能异常；请确认文件是否正确，或调高解压上限", perr)
		}
		if d.glyphs > maxGlyphsFile {
			return nil, parser.Unreadable(fmt.Sprintf("PDF 中的文字过多（超过 %d 个字符，达到第 %d 页），不像正常的年度报告，文件可能异常；请确认文件是否正确", maxGlyphsFile, i+1), nil)
		}
		if pc != nil && pc.formsCapped {
			doc.Problems = append(doc.Problems, parser.Problem{Kind: parser.ProblemUnreadable,
				Message: fmt.Sprintf("第 %d 页调用表单对象（Form XObject）超过 %d 次，文件结构异常，超出部分未读取；请重新导出 PDF 后再检查", i+1, maxFormsPage),
				Loc:     parser.Loc{Page: i + 1, Line: 1}})
		}
		if gerr != nil || pc == nil {
			broken++
			doc.Problems = append(doc.Problems, parser.Problem{Kind: parser.ProblemUnreadable,
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
			doc.Problems = append(doc.Problems, parser.Problem{Kind: parser.ProblemNoText,
				Message: fmt.Sprintf("第 %d 页只有图片、没有文字层（可能是扫描页），该页内容未检查；请对该页做 OCR 文字识别或改用原始文件", p),
				Loc:     parser.Loc{Page: p, Line: 1}})
		}
	}
	if total == 0 {
		return nil, parser.NoText("PDF 没有文字层（可能是扫描件或图片转换的 PDF），无法读取文字；请用 OCR 文字识别转成可检索的 PDF，或改用原始 Word/WPS 文件后再检查", nil)
	}
	layer := judgeTextLayer(pages)
	if layer.unusable() {
		return nil, parser.NoText("PDF 的文字层无法读取：文字能显示，但复制出来全部或部分是乱码、无意义的符号（常见于经 PostScript 打印机驱动“打印”成的 PDF，字体缺少 ToUnicode 映射），无法检查；请用 Word 或 WPS 打开原始文件，用“另存为 PDF”重新导出，或对 PDF 做 OCR 文字识别后再检查", nil)
	}
	if bad*2 > total {
		return nil, parser.NoText("PDF 的文字无法解码（字体缺少 ToUnicode 映射，复制出来是乱码），无法读取；请用 WPS 或 Word 重新导出 PDF（嵌入字体），或改用原始文件后再检查", nil)
	}
	if layer.partlyGarbled() {
		doc.Problems = append(doc.Problems, parser.Problem{Kind: parser.ProblemNoText,
			Message: fmt.Sprintf("PDF 的文字层有 %d 个字符无法正确解码（从第 %d 页起，复制出来是乱码，字体的 ToUnicode 映射不完整），部分标题和表格可能读错，检查结果不可靠；请用 Word 或 WPS 打开原始文件，用“另存为 PDF”重新导出后再检查", layer.odd, layer.oddPage),
			Loc:     parser.Loc{Page: layer.oddPage, Line: 1}})
	}
	// tables from the structure tree of a tagged PDF; a broken tree is
	// ignored (the ruling lines still give the tables)
	var tts []*tagTable
	if gerr := guard("StructTreeRoot", func() { tts = d.structTables(pageIDs) }); gerr != nil {
		tts = nil
	}
	buildDocument(doc, pages, tts)
	return doc, nil
}

// pageList walks the page tree for the page dictionaries in order. Unlike
// the library's Page(i), which loops for ever on a /Kids cycle, it visits
// every node once and bounds the depth. It reports whether the document
// has more than maxPages pages.
func (d *docReader) pageList() ([]lib.Value, bool) {
	var out []lib.Value
	d.pageCycle = false
	seen := map[objID]bool{}
	nodes := 0
	var walk func(v lib.Value, parent objID, depth int) bool
	walk = func(v lib.Value, parent objID, depth int) bool {
		nodes++
		if depth > 64 || nodes > 4*maxPages+64 {
			return true
		}
		id, ok := selfRef(v)
		if ok && id != parent { // a direct child carries its parent's number
			if seen[id] {
				d.pageCycle = true
				return true
			}
			seen[id] = true
		}
		kids := v.Key("Kids")
		if v.Key("Type").Name() == "Page" || (kids.Kind() != lib.Array && v.Key("Type").Name() != "Pages") {
			out = append(out, v)
			return len(out) <= maxPages
		}
		for i := 0; i < kids.Len(); i++ {
			if k := kids.Index(i); k.Kind() == lib.Dict {
				if !walk(k, id, depth+1) {
					return false
				}
			}
		}
		return true
	}
	ok := walk(d.r.Trailer().Key("Root").Key("Pages"), objID{}, 0)
	return out, !ok
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
	// structural refusals (cycles, counts beyond the file) name their
	// limit; they win over the generic message when no repair helps
	var refused error
	var objs *objects
	try := func(b []byte) (*lib.Reader, error) {
		if err := checkXref(b); err != nil {
			refused = err
			return nil, err
		}
		var r *lib.Reader
		var err error
		gerr := guard("NewReader", func() {
			r, err = lib.NewReader(bytes.NewReader(b), int64(len(b)))
			if err != nil {
				return
			}
			// object streams the library would recurse or loop in
			var spare int64
			objs = newObjects(r, b, &spare)
			if cerr := objs.checkObjStreams(); cerr != nil {
				refused, err = cerr, cerr
				return
			}
			// touch the page tree so that a wrong xref shows now
			if r.NumPage() <= 0 {
				err = errors.New("no pages")
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
		if refused != nil {
			return nil, refused
		}
		if encrypted {
			return nil, parser.Unreadable("PDF 文件已加密（设置了打开密码或不支持的加密方式），无法读取；请用原始文件，或在 PDF 阅读器中取消密码和加密后另存，再检查", err)
		}
		if len(data) < 1024 || !bytes.Contains(data, []byte("obj")) {
			return nil, parser.Unreadable("PDF 文件不完整（可能下载中断或被截断），无法读取；请重新下载或导出后再检查", err)
		}
		return nil, parser.Unreadable("PDF 文件结构损坏，无法读取；请用 WPS、Word 或 PDF 阅读器重新导出（另存为）PDF 后再检查", err)
	}
	d := &docReader{r: r, fontRefs: map[fontKey]*font{}, budget: budget, opts: opts}
	d.objs = objs // made from r and used by the last successful try
	if d.objs != nil {
		d.objs.budget = &d.budget
	}
	return d, nil
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
