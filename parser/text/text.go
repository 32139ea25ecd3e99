// Package text reads plain-text reports: text copied out of a Word document
// or a web page, with table rows as tab-separated fields, and text copied
// out of a PDF viewer (`pdftotext -layout`, or a cell per line), whose tables
// are rebuilt from the format (layout.go). In tab-separated text,
// consecutive lines that contain a tab form one table; every other
// non-empty line is a paragraph. Merged cells of the original table appear
// as empty or shifted fields; recognition (package parser) copes with that.
package text

import (
	"bytes"
	"context"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/reportlint/reportlint/parser"
	"github.com/reportlint/reportlint/parser/textenc"
)

// ParseContext reads a text report. data may be UTF-8 (with or without BOM),
// UTF-16 with a BOM, or GB18030/GBK.
//
// The context carries the file's deadline; the reader gives up with a P001
// once it is done.
func ParseContext(ctx context.Context, path string, data []byte, opts parser.Options) (*parser.Document, error) {
	if err := ctx.Err(); err != nil {
		return nil, parser.Unreadable("读取超时", err)
	}
	return Parse(path, data, opts)
}

// Parse reads a text report. data may be UTF-8 (with or without BOM),
// UTF-16 with a BOM, or GB18030/GBK.
func Parse(path string, data []byte, opts parser.Options) (*parser.Document, error) {
	// A line of millions of tabs is refused before the file is decoded
	// (the decoded copy doubles the memory of a 40 MB file: 97 -> 57 MB
	// peak RSS for the whole check).
	if n, cells := tabFlood(data, opts.MaxCells/10); n > 0 {
		return nil, tooManyCells(n, cells, opts.MaxCells/10)
	}
	s, err := textenc.Decode(data)
	if err != nil {
		return nil, parser.Unreadable("无法识别文本文件的字符编码，请另存为 UTF-8 编码后重试", err)
	}
	doc := &parser.Document{Path: path, Format: parser.FormatText}
	var tbl *parser.Table
	flush := func() {
		if tbl != nil {
			doc.Blocks = append(doc.Blocks, parser.Block{Table: tbl})
			tbl = nil
		}
	}
	// Lines are cut one at a time: a slice of all lines would take 16
	// bytes per line, 1 GB for a 64 MB file of empty lines.
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	if !strings.Contains(s, "\t") && strings.Count(s, "\n") < maxLayoutLines {
		// No tab at all: text copied out of a PDF viewer, whose tables
		// are aligned with spaces or have a cell per line.
		if ldoc, err := parseLayoutDoc(path, s, opts); ldoc != nil || err != nil {
			return ldoc, err
		}
	}
	ord, n := 0, 0
	for rest, more := s, true; more; {
		var line string
		line, rest, more = strings.Cut(rest, "\n")
		n++
		if opts.MaxBlocks > 0 && len(doc.Blocks) > opts.MaxBlocks {
			return nil, parser.Unreadable(fmt.Sprintf("文件内容过多（超过 %d 个段落和表格），不像单份年度报告；请确认文件是否正确", opts.MaxBlocks), nil)
		}
		if strings.Contains(line, "\t") {
			if tbl == nil {
				ord++
				tbl = &parser.Table{Ord: ord, Loc: parser.Loc{Line: n, Column: 1}}
			}
			// count before splitting: a line of 50 million tabs would make
			// 50 million cells before any table limit is reached
			if cells := strings.Count(line, "\t") + 1; opts.MaxCells > 0 && cells > opts.MaxCells/10 {
				return nil, tooManyCells(n, cells, opts.MaxCells/10)
			}
			row := parser.Row{Loc: parser.Loc{Line: n, Column: 1}}
			col := 1
			for _, f := range strings.Split(line, "\t") {
				row.Cells = append(row.Cells, parser.Cell{
					Text: strings.TrimSpace(f),
					Loc:  parser.Loc{Line: n, Column: col + leadingSpace(f)},
				})
				col += utf8.RuneCountInString(f) + 1
			}
			tbl.Rows = append(tbl.Rows, row)
			if len(tbl.Rows)*len(row.Cells) > opts.MaxCells && opts.MaxCells > 0 {
				return nil, parser.Unreadable("表格过大（单元格数超过上限），请检查文件是否为正常的年度报告", nil)
			}
			continue
		}
		if strings.TrimSpace(line) == "" {
			// A blank line ends a paragraph but not a table: tables copied
			// out of Word keep their rows together.
			if next, _, _ := strings.Cut(rest, "\n"); tbl != nil && more && strings.Contains(next, "\t") {
				continue
			}
			flush()
			continue
		}
		flush()
		doc.Blocks = append(doc.Blocks, parser.Block{Para: &parser.Paragraph{
			Text: strings.TrimSpace(line),
			Loc:  parser.Loc{Line: n, Column: 1 + leadingSpace(line)},
		}})
	}
	flush()
	return doc, nil
}

// maxLayoutLines bounds the files read as PDF-viewer text: that reader
// keeps all lines at once (16 bytes each); a longer file is read line by
// line as tab-separated text.
const maxLayoutLines = 200_000

// pageNumberRe is a page number line as PDF text carries it: "- 3 -",
// "—3—", "第 3 页", "3/12". A bare number is kept: at the foot of a page it
// is as likely a table figure.
var pageNumberRe = regexp.MustCompile(`^\s*([-—－–]\s*[0-9]{1,3}\s*[-—－–]|第\s*[0-9]{1,3}\s*页(\s*[，,]?\s*共\s*[0-9]{1,3}\s*页)?|[0-9]{1,3}\s*/\s*[0-9]{1,3})\s*$`)

// parseLayoutDoc reads text without tabs. It returns nil (and no error)
// when the text has no table it can rebuild.
func parseLayoutDoc(path, s string, opts parser.Options) (*parser.Document, error) {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if !strings.Contains(l, "\f") {
			continue
		}
		lines[i] = strings.ReplaceAll(l, "\f", "")
		// The page number printed at the foot of the page before the break
		// and at the head of the next.
		for _, k := range []int{prevText(lines, i), i} {
			if k >= 0 && pageNumberRe.MatchString(lines[k]) {
				lines[k] = ""
			}
		}
	}
	tables, used, lost := parseLayout(lines)
	if len(tables) == 0 && len(lost) == 0 {
		return nil, nil
	}
	doc := &parser.Document{Path: path, Format: parser.FormatText, LostTables: lost}
	first := make([]int, len(tables))
	for k, t := range tables {
		t.Ord = k + 1
		first[k] = firstLine(t)
		cells := 0
		for _, r := range t.Rows {
			cells += len(r.Cells)
		}
		if opts.MaxCells > 0 && cells > opts.MaxCells {
			return nil, parser.Unreadable("表格过大（单元格数超过上限），请检查文件是否为正常的年度报告", nil)
		}
	}
	next := 0
	for i, l := range lines {
		for next < len(tables) && first[next] <= i+1 {
			doc.Blocks = append(doc.Blocks, parser.Block{Table: tables[next]})
			next++
		}
		if used[i] || strings.TrimSpace(l) == "" {
			continue
		}
		doc.Blocks = append(doc.Blocks, parser.Block{Para: &parser.Paragraph{
			Text: strings.TrimSpace(l),
			Loc:  parser.Loc{Line: i + 1, Column: 1 + leadingSpace(l)},
		}})
		if opts.MaxBlocks > 0 && len(doc.Blocks) > opts.MaxBlocks {
			return nil, parser.Unreadable(fmt.Sprintf("文件内容过多（超过 %d 个段落和表格），不像单份年度报告；请确认文件是否正确", opts.MaxBlocks), nil)
		}
	}
	for ; next < len(tables); next++ {
		doc.Blocks = append(doc.Blocks, parser.Block{Table: tables[next]})
	}
	return doc, nil
}

// prevText is the index of the last non-blank line before i, or -1.
func prevText(lines []string, i int) int {
	for k := i - 1; k >= 0; k-- {
		if strings.TrimSpace(lines[k]) != "" {
			return k
		}
	}
	return -1
}

// firstLine is the first source line a table's cells come from.
func firstLine(t *parser.Table) int {
	first := 0
	for _, r := range t.Rows {
		for _, c := range append([]parser.Cell{{Loc: r.Loc}}, r.Cells...) {
			if c.Loc.Line > 0 && (first == 0 || c.Loc.Line < first) {
				first = c.Loc.Line
			}
		}
	}
	return first
}

func leadingSpace(s string) int {
	return utf8.RuneCountInString(s) - utf8.RuneCountInString(strings.TrimLeft(s, " \u3000\u00a0"))
}

// LooksLikeText reports whether data is plausibly a text document (no NUL
// bytes in its head, or a UTF-16 BOM).
func LooksLikeText(data []byte) bool {
	head := data[:min(len(data), 4096)]
	if bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}) {
		return true
	}
	return !bytes.Contains(head, []byte{0})
}

func tooManyCells(line, cells, max int) error {
	return parser.Unreadable(fmt.Sprintf("第 %d 行有 %d 个制表符分隔的单元格，超过一行的上限 %d 个，不像正常的年度报告表格；请确认文件是否正确", line, cells, max), nil)
}

// tabFlood finds the first line of data (undecoded UTF-8 or GB18030, where
// a tab, CR and LF are the same single bytes) with more than max tabs plus
// one cells, and returns its number and cell count (0, 0 when none, when
// max <= 0, or for UTF-16, which Parse decodes first). Lines end at LF, CR
// LF or a lone CR, as in Parse.
func tabFlood(data []byte, max int) (line, cells int) {
	if max <= 0 || bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return 0, 0
	}
	n, tabs := 1, 0
	for i, c := range data {
		switch c {
		case '\t':
			tabs++
			continue
		case '\r':
			if i+1 < len(data) && data[i+1] == '\n' {
				continue // counted at the LF
			}
		case '\n':
		default:
			continue
		}
		if tabs+1 > max {
			return n, tabs + 1
		}
		n, tabs = n+1, 0
	}
	if tabs+1 > max {
		return n, tabs + 1
	}
	return 0, 0
}
