package load

import (
	"archive/zip"
	"bytes"
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
}

// Formats is the registry of input formats, in sniffing precedence.
var Formats = []InputFormat{
	{Format: parser.FormatPDF, Name: "PDF", Exts: []string{".pdf"}, Read: pdf.Parse},
	{Format: parser.FormatDOCX, Name: "DOCX", Exts: []string{".docx"}, Read: docx.Parse},
	{Format: parser.FormatHTML, Name: "HTML", Exts: []string{".html", ".htm", ".shtml", ".xhtml"}, Read: html.Parse},
	{Format: parser.FormatText, Name: "文本", Exts: []string{".txt"}, Read: text.Parse},
	{Name: "Word 97-2003", Exts: []string{".doc"}, Refusal: "这是 Word 97-2003 旧格式（.doc）或其他 OLE 文件，reportlint 不能读取；请另存为 .docx 或 PDF 后再检查"},
	{Name: "WPS", Exts: []string{".wps"}, Refusal: "这是 WPS 旧格式（.wps）文件，reportlint 不能读取；请在 WPS 中另存为 .docx 或 PDF 后再检查"},
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
