// Package docx reads reports saved as Word documents (.docx, also .docm,
// .dotx and WPS's .docx) with archive/zip and encoding/xml.
//
// The body of word/document.xml becomes parser.Blocks in reading order:
// paragraphs with their automatic numbering rendered into the text ("一、",
// "（一）" from numbering.xml), and tables with gridSpan/vMerge turned into
// ColSpan/RowSpan. document.xml has no useful line numbers, so locations are
// ordinals: Unit "paragraph" with Line = the n-th non-empty body paragraph,
// or Unit "table-row" with TableOrd/RowOrd/ColOrd for table cells.
//
// Every zip entry is read through a byte bound, entry names that climb out
// of the archive are refused, and every failure becomes a P001
// parser.ReadError that says what is wrong and what to do.
package docx

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"path/filepath"
	"strings"
	"unicode/utf16"

	"github.com/reportlint/reportlint/internal/readall"
	"github.com/reportlint/reportlint/parser"
)

// XML namespaces of WordprocessingML (transitional and strict) and of the
// package relationships.
const (
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	nsMC      = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

// maxEntries bounds the number of entries of the archive; a report has a
// few dozen.
const maxEntries = 10000

// maxSmallPart bounds the parts read besides the main document (styles,
// numbering, relationships, properties).
const maxSmallPart = 16 << 20

// oleSignature starts every OLE compound file: Word 97-2003 .doc, WPS .wps,
// and password-protected .docx (an EncryptedPackage inside OLE).
var oleSignature = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// EncryptedReason is the P001 message for a password-protected Word file.
const EncryptedReason = "文件已加密（设置了打开密码），reportlint 无法读取；请在 Word 或 WPS 中取消密码（文件→信息→保护文档→用密码进行加密，清空密码）后另存为 .docx 再检查"

// IsEncryptedOLE reports whether data is an OLE compound file holding an
// encrypted Office package (how Word and WPS store a .docx with a password).
func IsEncryptedOLE(data []byte) bool {
	if !bytes.HasPrefix(data, oleSignature) {
		return false
	}
	return bytes.Contains(data, utf16le("EncryptedPackage")) || bytes.Contains(data, utf16le("EncryptionInfo"))
}

func utf16le(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

// oleError explains why an OLE file cannot be read.
func oleError(p string, data []byte) *parser.ReadError {
	if IsEncryptedOLE(data) {
		return parser.Unreadable(EncryptedReason, nil)
	}
	if strings.EqualFold(filepath.Ext(p), ".wps") {
		return parser.Unreadable("这是 WPS 旧格式（.wps）文件，reportlint 不能读取；请在 WPS 中另存为 .docx 或 PDF 后再检查", nil)
	}
	return parser.Unreadable("这是 Word 97-2003 旧格式（.doc）文件，reportlint 不能读取；请另存为 .docx 或 PDF 后再检查", nil)
}

// errTooBig is returned by a boundedReader past its limit.
var errTooBig = errors.New("解压后的数据超过上限")

// boundedReader fails once more than n bytes have been read.
type boundedReader struct {
	r    io.Reader
	n    int64 // bytes still allowed
	read int64
	over bool
}

func (b *boundedReader) Read(p []byte) (int, error) {
	if b.n <= 0 {
		// Allow one probe byte to tell "exactly at the limit" from "over".
		var one [1]byte
		n, err := b.r.Read(one[:])
		if n > 0 {
			b.over = true
			return 0, errTooBig
		}
		return 0, err
	}
	if int64(len(p)) > b.n {
		p = p[:b.n]
	}
	n, err := b.r.Read(p)
	b.n -= int64(n)
	b.read += int64(n)
	return n, err
}

// pkg is an opened archive with its decompression budget.
type pkg struct {
	files  map[string]*zip.File // by lower-case name
	budget int64                // bytes that may still be inflated, all entries together
	limit  int64                // bytes that one entry may inflate to
}

func bombError(name string, limit int64) *parser.ReadError {
	return parser.Unreadable(fmt.Sprintf("DOCX 中的 %s 解压后超过上限（%d 字节），可能是“压缩炸弹”或异常文件；请确认文件来源，或用 Word/WPS 重新另存后再检查", name, limit), errTooBig)
}

// open opens entry name (case-insensitive) bounded by the per-entry limit
// and the remaining budget. It returns nil, nil when the entry is absent.
func (p *pkg) open(name string, max int64) (*boundedReader, io.Closer, error) {
	f := p.files[strings.ToLower(name)]
	if f == nil {
		return nil, nil, nil
	}
	limit := min(p.limit, p.budget, max)
	if f.UncompressedSize64 > uint64(limit) {
		return nil, nil, bombError(f.Name, min(p.limit, max))
	}
	if f.Flags&0x1 != 0 {
		return nil, nil, parser.Unreadable("DOCX 压缩包中的条目已加密（设置了密码），reportlint 无法读取；请取消密码后另存为 .docx 再检查", nil)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, nil, parser.Unreadable(fmt.Sprintf("无法解压 DOCX 中的 %s（压缩方式不受支持或文件已损坏）；请用 Word 或 WPS 重新另存为 .docx", f.Name), err)
	}
	return &boundedReader{r: rc, n: limit}, rc, nil
}

// readAll reads a whole small entry; nil, nil when absent.
func (p *pkg) readAll(name string, max int64) ([]byte, error) {
	br, c, err := p.open(name, max)
	if err != nil || br == nil {
		return nil, err
	}
	defer c.Close()
	// open checked the entry's stated size against the limit
	data, err := readall.ReadAll(br, int64(p.files[strings.ToLower(name)].UncompressedSize64))
	p.budget -= br.read
	if br.over {
		return nil, bombError(name, min(p.limit, max))
	}
	if err != nil {
		return nil, parser.Unreadable(fmt.Sprintf("DOCX 中的 %s 已损坏（解压失败），请用 Word 或 WPS 重新另存为 .docx", name), err)
	}
	return data, nil
}

// unsafeName reports whether a zip entry name could escape the archive's
// directory if extracted: absolute paths, drive letters, ".." components.
func unsafeName(name string) bool {
	n := strings.ReplaceAll(name, "\\", "/")
	if strings.HasPrefix(n, "/") || (len(n) >= 2 && n[1] == ':') || strings.ContainsRune(n, 0) {
		return true
	}
	for _, part := range strings.Split(n, "/") {
		if part == ".." {
			return true
		}
	}
	return false
}

// ParseContext reads a DOCX report. Failures are P001 *parser.ReadError values.
//
// The context carries the file's deadline; the reader gives up with a P001
// once it is done.
func ParseContext(ctx context.Context, p string, data []byte, opts parser.Options) (*parser.Document, error) {
	if err := ctx.Err(); err != nil {
		return nil, parser.Unreadable("读取超时", err)
	}
	return Parse(p, data, opts)
}

// Parse reads a DOCX report. Failures are P001 *parser.ReadError values.
func Parse(p string, data []byte, opts parser.Options) (*parser.Document, error) {
	if bytes.HasPrefix(data, oleSignature) {
		return nil, oleError(p, data)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return nil, parser.Unreadable("不是有效的 DOCX 文件（ZIP 结构损坏，可能下载不完整）；请重新下载，或用 Word/WPS 重新另存为 .docx", err)
	}
	if len(zr.File) > maxEntries {
		return nil, parser.Unreadable(fmt.Sprintf("DOCX 压缩包有 %d 个条目，超过上限 %d，不像正常的 Word 文档", len(zr.File), maxEntries), nil)
	}
	limit := opts.MaxDecompressed
	if limit <= 0 {
		limit = parser.DefaultOptions().MaxDecompressed
	}
	pk := &pkg{files: map[string]*zip.File{}, budget: limit, limit: limit}
	for _, f := range zr.File {
		if unsafeName(f.Name) {
			return nil, parser.Unreadable(fmt.Sprintf("DOCX 压缩包中有不安全的条目路径 %q（路径穿越），可能是恶意构造的文件，reportlint 不读取；请用 Word 或 WPS 重新另存为 .docx", f.Name), nil)
		}
		key := strings.ToLower(strings.TrimPrefix(strings.ReplaceAll(f.Name, "\\", "/"), "./"))
		if _, dup := pk.files[key]; !dup {
			pk.files[key] = f
		}
	}
	mainPart, rerr := findMainPart(pk)
	if rerr != nil {
		return nil, rerr
	}
	doc := &parser.Document{Path: p, Format: parser.FormatDOCX}
	rels := partRels(pk, mainPart)
	nb := newNumbering()
	maxDepth := opts.MaxDepth
	if maxDepth <= 0 {
		maxDepth = parser.DefaultOptions().MaxDepth
	}
	for _, part := range []struct{ kind, def string }{{"styles", "styles.xml"}, {"numbering", "numbering.xml"}} {
		name := rels[part.kind]
		if name == "" {
			name = path.Join(path.Dir(mainPart), part.def)
		}
		b, err := pk.readAll(name, maxSmallPart)
		if err != nil {
			return nil, err
		}
		if b == nil {
			continue
		}
		if part.kind == "styles" {
			err = nb.parseStyles(bytes.NewReader(b), maxDepth)
		} else {
			err = nb.parseNumbering(bytes.NewReader(b), maxDepth)
		}
		if err != nil {
			doc.Problems = append(doc.Problems, parser.Problem{Kind: parser.ProblemUnreadable,
				Message: fmt.Sprintf("DOCX 中的 %s 不是合法的 XML（%v），自动编号（如“一、”“（一）”）可能无法显示；建议用 Word 或 WPS 重新另存", name, err)})
		}
	}
	if b, err := pk.readAll("docProps/core.xml", 1<<20); err == nil && b != nil {
		doc.Meta.Title = coreTitle(b)
	}
	br, c, err := pk.open(mainPart, limit)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	body, alt, err := readBody(br, int64(pk.files[strings.ToLower(mainPart)].UncompressedSize64), nb, opts, maxDepth)
	if br.over {
		return nil, bombError(mainPart, pk.limit)
	}
	if err != nil {
		var re *parser.ReadError
		if errors.As(err, &re) {
			return nil, re
		}
		if errors.Is(err, zip.ErrChecksum) || errors.Is(err, zip.ErrFormat) {
			return nil, parser.Unreadable(fmt.Sprintf("DOCX 中的 %s 解压后的数据与压缩包记录不符（大小或校验和错误），文件已损坏或被篡改；请重新下载，或用 Word/WPS 重新另存为 .docx", mainPart), err)
		}
		var se *xml.SyntaxError
		if errors.As(err, &se) {
			return nil, parser.Unreadable(fmt.Sprintf("DOCX 正文 %s 不是合法的 XML（第 %d 行：%s），文件已损坏；请用 Word 或 WPS 打开修复后另存为 .docx", mainPart, se.Line, se.Msg), err)
		}
		return nil, parser.Unreadable(fmt.Sprintf("DOCX 正文 %s 已损坏，无法读取；请用 Word 或 WPS 打开修复后另存为 .docx", mainPart), err)
	}
	if rerr := emit(doc, body, opts); rerr != nil {
		return nil, rerr
	}
	if alt > 0 {
		doc.Problems = append(doc.Problems, parser.Problem{Kind: parser.ProblemUnreadable,
			Message: fmt.Sprintf("DOCX 正文中有 %d 处嵌入的外部内容（altChunk，常见于从网页或其他程序生成的文件），reportlint 读不到这部分；请用 Word 或 WPS 打开后另存为 .docx 再检查", alt)})
	}
	return doc, nil
}

// findMainPart locates the main document part through _rels/.rels (the
// officeDocument relationship), falling back to word/document.xml, and
// explains archives that are not Word documents.
func findMainPart(pk *pkg) (string, *parser.ReadError) {
	if b, err := pk.readAll("_rels/.rels", maxSmallPart); err == nil && b != nil {
		for _, r := range parseRels(b) {
			if strings.HasSuffix(r.Type, "/officeDocument") && r.Mode != "External" {
				t := strings.TrimPrefix(r.Target, "/")
				if pk.files[strings.ToLower(t)] != nil {
					return t, nil
				}
			}
		}
	} else if err != nil {
		return "", err.(*parser.ReadError)
	}
	if pk.files["word/document.xml"] != nil {
		return "word/document.xml", nil
	}
	switch {
	case pk.files["xl/workbook.xml"] != nil:
		return "", parser.Unreadable("这是 Excel 工作簿（.xlsx），不是 Word 文档；请把报告另存为 .docx 或 PDF 后再检查", nil)
	case pk.files["ppt/presentation.xml"] != nil:
		return "", parser.Unreadable("这是 PowerPoint 演示文稿（.pptx），不是 Word 文档；请把报告另存为 .docx 或 PDF 后再检查", nil)
	case pk.files["ofd.xml"] != nil:
		return "", parser.Unreadable("这是 OFD 版式文件，reportlint 不能读取；请另存为 PDF 或 .docx 后再检查", nil)
	case pk.files["mimetype"] != nil && pk.files["content.xml"] != nil:
		return "", parser.Unreadable("这是 OpenDocument 文件（.odt），reportlint 不能读取；请另存为 .docx 或 PDF 后再检查", nil)
	}
	return "", parser.Unreadable("DOCX 文件缺少正文 word/document.xml，文件已损坏或不是 Word 文档；请用 Word 或 WPS 重新另存为 .docx", nil)
}

type rel struct {
	Type   string `xml:"Type,attr"`
	Target string `xml:"Target,attr"`
	Mode   string `xml:"TargetMode,attr"`
}

func parseRels(b []byte) []rel {
	var v struct {
		Rels []rel `xml:"Relationship"`
	}
	if err := xml.Unmarshal(b, &v); err != nil {
		return nil
	}
	return v.Rels
}

// partRels maps "styles" and "numbering" to the part names the main part's
// relationships give.
func partRels(pk *pkg, mainPart string) map[string]string {
	out := map[string]string{}
	dir := path.Dir(mainPart)
	b, err := pk.readAll(path.Join(dir, "_rels", path.Base(mainPart)+".rels"), maxSmallPart)
	if err != nil || b == nil {
		return out
	}
	for _, r := range parseRels(b) {
		if r.Mode == "External" {
			continue
		}
		kind := r.Type[strings.LastIndex(r.Type, "/")+1:]
		if kind != "styles" && kind != "numbering" {
			continue
		}
		t := r.Target
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join(dir, t)
		}
		if !unsafeName(t) {
			out[kind] = t
		}
	}
	return out
}

// coreTitle reads dc:title from docProps/core.xml.
func coreTitle(b []byte) string {
	var v struct {
		Title string `xml:"http://purl.org/dc/elements/1.1/ title"`
	}
	if err := xml.Unmarshal(b, &v); err != nil {
		return ""
	}
	return strings.TrimSpace(v.Title)
}
