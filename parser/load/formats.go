package load

import (
	"archive/zip"
	"bytes"
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"github.com/reportlint/reportlint/parser"
	"github.com/reportlint/reportlint/parser/docx"
	"github.com/reportlint/reportlint/parser/html"
	"github.com/reportlint/reportlint/parser/pdf"
	"github.com/reportlint/reportlint/parser/text"
)

// InputFormat is one kind of input file reportlint knows: the formats it
// reads and the ones it recognises only to refuse with a clear message.
// Directory discovery, content sniffing, the pre-commit file pattern and
// the test suites all derive from Formats; adding a reader means adding a
// row here.
type InputFormat struct {
	// Format is the document format a reader produces ("" for formats
	// that are refused).
	Format parser.Format
	// Name is the format's name for people.
	Name string
	// Exts are the file extensions (lower case, with the dot).
	Exts []string
	// Read reads the format; nil for a refused format.
	Read Reader
	// Refusal is the P001 message for a refused format.
	Refusal string
	// Sniff tells from the content (and, where the content cannot tell,
	// the lower-case extension ext) whether a file is of this format. A
	// non-empty refuse is the P001 reason for a file that is of this kind
	// but cannot be read (an encrypted Word file, a ZIP that holds no Word
	// document, a refused format).
	Sniff func(ext string, data []byte) (match bool, refuse string)
}

const (
	refuseDoc = "这是 Word 97-2003 旧格式（.doc）或其他 OLE 文件，reportlint 不能读取；请另存为 .docx 或 PDF 后再检查"
	refuseWPS = "这是 WPS 旧格式（.wps）文件，reportlint 不能读取；请在 WPS 中另存为 .docx 或 PDF 后再检查"
)

// Formats is the registry of input formats, in sniffing precedence: Sniff
// asks each row's Sniff in this order and takes the first match.
var Formats = []InputFormat{
	{Format: parser.FormatPDF, Name: "PDF", Exts: []string{".pdf"}, Read: pdf.ParseContext, Sniff: sniffPDF},
	{Format: parser.FormatDOCX, Name: "DOCX", Exts: []string{".docx"}, Read: docx.ParseContext, Sniff: sniffDOCX},
	{Name: "Word 97-2003", Exts: []string{".doc"}, Refusal: refuseDoc, Sniff: sniffOLE(false, refuseDoc)},
	{Name: "WPS", Exts: []string{".wps"}, Refusal: refuseWPS, Sniff: sniffOLE(true, refuseWPS)},
	{Name: "RTF", Refusal: "这是 RTF 文件，reportlint 不能读取；请另存为 .docx 或 PDF 后再检查", Sniff: sniffPrefix("{\\rtf")},
	{Name: "图片或压缩包", Refusal: "这是图片或压缩包，不是年度报告文档；图片需先做文字识别（OCR），压缩包需先解压",
		Sniff: sniffPrefix("\x89PNG", "\xff\xd8\xff", "GIF8", "\x1f\x8b", "Rar!", "7z\xbc\xaf")},
	{Format: parser.FormatHTML, Name: "HTML", Exts: []string{".html", ".htm", ".shtml", ".xhtml"}, Read: html.ParseContext, Sniff: sniffHTML},
	{Format: parser.FormatText, Name: "文本", Exts: []string{".txt"}, Read: text.ParseContext, Sniff: sniffText},
}

// readers maps formats to their readers.
var readers = func() map[parser.Format]Reader {
	m := map[parser.Format]Reader{}
	for _, f := range Formats {
		if f.Read != nil {
			m[f.Format] = f.Read
		}
	}
	return m
}()

// extFormat maps an extension to the format it names.
var extFormat = func() map[string]parser.Format {
	m := map[string]parser.Format{}
	for _, f := range Formats {
		for _, e := range f.Exts {
			if f.Format != "" {
				m[e] = f.Format
			}
		}
	}
	return m
}()

// Extensions lists the extensions a directory walk picks up, sorted: the
// formats read and the refused ones (which get a P001 rather than being
// skipped silently).
func Extensions() []string {
	var out []string
	for _, f := range Formats {
		out = append(out, f.Exts...)
	}
	sort.Strings(out)
	return out
}

// ReadExtensions lists the extensions of the formats that are read.
func ReadExtensions() []string {
	var out []string
	for _, f := range Formats {
		if f.Read != nil {
			out = append(out, f.Exts...)
		}
	}
	sort.Strings(out)
	return out
}

// IsReportName reports whether a file name has one of Extensions.
func IsReportName(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	for _, f := range Formats {
		for _, e := range f.Exts {
			if e == ext {
				return true
			}
		}
	}
	return false
}

// LooksLikeReport reports whether the head of a file without an extension
// is a format that is read (PDF, ZIP, HTML markup).
func LooksLikeReport(head []byte) bool {
	h := bytes.ToLower(head)
	return bytes.HasPrefix(h, []byte("%pdf-")) || bytes.HasPrefix(h, []byte("pk\x03\x04")) ||
		bytes.Contains(h, []byte("<html")) || bytes.Contains(h, []byte("<!doctype html"))
}

// zipKind tells what a ZIP archive holds from its directory (no entry is
// inflated): "" for a Word document, otherwise the P001 reason. A ZIP that
// cannot be opened is left to the DOCX reader, which explains the damage.
func zipKind(data []byte) string {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return ""
	}
	has := map[string]bool{}
	var mimetype string
	for i, f := range zr.File {
		if i > 10_000 {
			break
		}
		name := strings.ToLower(strings.TrimPrefix(f.Name, "/"))
		has[name] = true
		if strings.HasPrefix(name, "word/") {
			has["word/"] = true
		}
		if name == "mimetype" && f.UncompressedSize64 < 256 {
			if rc, err := f.Open(); err == nil {
				var b [256]byte
				n, _ := rc.Read(b[:])
				mimetype = strings.TrimSpace(string(b[:n]))
				rc.Close()
			}
		}
	}
	if has["word/document.xml"] && has["[content_types].xml"] {
		return ""
	}
	what := ""
	switch {
	case has["xl/workbook.xml"]:
		what = "Excel 工作簿（.xlsx）"
	case has["ppt/presentation.xml"]:
		what = "PowerPoint 演示文稿（.pptx）"
	case strings.Contains(mimetype, "opendocument.text"):
		what = "OpenDocument 文本（.odt）"
	case strings.Contains(mimetype, "opendocument"):
		what = "OpenDocument 文件"
	case strings.Contains(mimetype, "epub"):
		what = "EPUB 电子书"
	case has["word/"] || has["[content_types].xml"]:
		// a Word document with a part missing: the reader names the part
		return ""
	default:
		what = "ZIP 压缩包"
	}
	return "这是" + what + "，不是 Word（.docx）文档，reportlint 不能读取；请把年度报告另存为 .docx、PDF 或 HTML 后再检查" + zipHint(what)
}

func zipHint(what string) string {
	if what == "ZIP 压缩包" {
		return "（如是打包的多份报告，请先解压）"
	}
	return ""
}

// sniffPDF: a PDF header in the first KB (some files have junk before it).
func sniffPDF(_ string, data []byte) (bool, string) {
	return bytes.Contains(data[:min(len(data), 1024)], []byte("%PDF-")), ""
}

// sniffDOCX: a ZIP, which is a DOCX only when it holds a Word document.
func sniffDOCX(_ string, data []byte) (bool, string) {
	if !bytes.HasPrefix(data, []byte("PK\x03\x04")) && !bytes.HasPrefix(data, []byte("PK\x05\x06")) {
		return false, ""
	}
	return true, zipKind(data)
}

// oleMagic starts every OLE compound file (.doc, .wps, encrypted .docx).
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// sniffOLE matches OLE files: WPS ones by their extension (.wps, .et) when
// wps is set, all others otherwise. A .docx with an opening password is
// stored as OLE too and gets its own reason.
func sniffOLE(wps bool, refuse string) func(string, []byte) (bool, string) {
	return func(ext string, data []byte) (bool, string) {
		if !bytes.HasPrefix(data, oleMagic) || (ext == ".wps" || ext == ".et") != wps {
			return false, ""
		}
		if docx.IsEncryptedOLE(data) {
			return true, docx.EncryptedReason
		}
		return true, refuse
	}
}

// sniffPrefix matches content that starts with one of the signatures.
func sniffPrefix(sigs ...string) func(string, []byte) (bool, string) {
	return func(_ string, data []byte) (bool, string) {
		for _, sig := range sigs {
			if bytes.HasPrefix(data, []byte(sig)) {
				return true, ""
			}
		}
		return false, ""
	}
}

func sniffHTML(_ string, data []byte) (bool, string) { return looksHTML(data), "" }

// sniffText is asked last: a file named .pdf or .docx that nothing above
// matched is a broken download, not text.
func sniffText(ext string, data []byte) (bool, string) {
	if ext == ".pdf" || ext == ".docx" {
		what := "PDF"
		if ext == ".docx" {
			what = "DOCX"
		}
		return true, fmt.Sprintf("扩展名是 %s，但内容不是 %s 文件（可能是下载不完整或保存了错误页面）；请重新下载或导出", ext, what)
	}
	return text.LooksLikeText(data), ""
}
