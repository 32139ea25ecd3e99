// Package text reads plain-text reports: text copied out of a Word document
// or a web page, with table rows as tab-separated fields. Consecutive lines
// that contain a tab form one table; every other non-empty line is a
// paragraph. Merged cells of the original table appear as empty or shifted
// fields; recognition (package parser) copes with that.
package text

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/reportlint/reportlint/parser"
	"github.com/reportlint/reportlint/parser/textenc"
)

// Parse reads a text report. data may be UTF-8 (with or without BOM),
// UTF-16 with a BOM, or GB18030/GBK.
func Parse(path string, data []byte, opts parser.Options) (*parser.Document, error) {
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
				return nil, parser.Unreadable(fmt.Sprintf("第 %d 行有 %d 个制表符分隔的单元格，超过一行的上限 %d 个，不像正常的年度报告表格；请确认文件是否正确", n, cells, opts.MaxCells/10), nil)
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
