package xlsx

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
)

// maxPartBytes bounds what is inflated from one part of a workbook read by
// ReadCells (a zip bomb stops here).
const maxPartBytes = 64 << 20

// ReadCell is one filled cell of a row read by ReadCells.
type ReadCell struct {
	Col  int // 0 for column A
	Text string
}

// maxCol is the last column of a sheet (XFD); cells beyond it are dropped.
const maxCol = 16384

// ReadCells returns the cells of the first sheet of an .xlsx file, row by
// row: rows[i] holds the cells of row i+1 in the order written (nil for an
// empty row). A cell without an r attribute is in the column after the
// previous cell of its row (ECMA-376 §18.3.1.4). It is for short lists
// (a roster of units), not for general reading.
func ReadCells(r io.ReaderAt, size int64) ([][]ReadCell, error) {
	z, err := zip.NewReader(r, size)
	if err != nil {
		return nil, err
	}
	files := map[string]*zip.File{}
	for _, f := range z.File {
		files[f.Name] = f
	}
	sheet, err := firstSheetPath(files)
	if err != nil {
		return nil, err
	}
	var shared []string
	if f := files["xl/sharedStrings.xml"]; f != nil {
		if shared, err = readShared(f); err != nil {
			return nil, fmt.Errorf("sharedStrings.xml: %w", err)
		}
	}
	f := files[sheet]
	if f == nil {
		return nil, fmt.Errorf("工作表 %s 不存在", sheet)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	dec := xml.NewDecoder(io.LimitReader(rc, maxPartBytes))
	var out [][]ReadCell
	type cell struct {
		R  string `xml:"r,attr"`
		T  string `xml:"t,attr"`
		V  string `xml:"v"`
		IS struct {
			T []string `xml:"t"`
			R []struct {
				T string `xml:"t"`
			} `xml:"r"`
		} `xml:"is"`
	}
	row, col := 0, -1
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "row":
			row++
			col = -1
			for _, a := range se.Attr {
				if a.Name.Local == "r" {
					if n, err := strconv.Atoi(a.Value); err == nil && n > 0 && n < 1<<20 {
						row = n
					}
				}
			}
		case "c":
			var c cell
			if err := dec.DecodeElement(&c, &se); err != nil {
				return nil, err
			}
			if n, ok := colIndex(c.R); ok {
				col = n
			} else {
				col++
			}
			if row == 0 {
				row = 1 // a cell outside any row: take it as row 1
			}
			var v string
			switch c.T {
			case "s":
				i, err := strconv.Atoi(strings.TrimSpace(c.V))
				if err != nil || i < 0 || i >= len(shared) {
					return nil, fmt.Errorf("单元格 %s 引用了不存在的共享字符串 %q", c.R, c.V)
				}
				v = shared[i]
			case "inlineStr":
				v = strings.Join(c.IS.T, "")
				for _, r := range c.IS.R {
					v += r.T
				}
			default:
				v = c.V
			}
			if col >= maxCol {
				continue
			}
			for len(out) < row {
				out = append(out, nil)
			}
			out[row-1] = append(out[row-1], ReadCell{Col: col, Text: v})
		}
	}
	return out, nil
}

// colIndex reads the column of a cell reference ("B12" -> 1).
func colIndex(ref string) (int, bool) {
	n, i := 0, 0
	for ; i < len(ref); i++ {
		ch := ref[i]
		if ch >= 'a' && ch <= 'z' {
			ch -= 'a' - 'A'
		}
		if ch < 'A' || ch > 'Z' {
			break
		}
		n = n*26 + int(ch-'A') + 1
		if n > maxCol {
			return maxCol, true
		}
	}
	if i == 0 {
		return 0, false
	}
	return n - 1, true
}

func firstSheetPath(files map[string]*zip.File) (string, error) {
	wbf := files["xl/workbook.xml"]
	if wbf == nil {
		return "", errors.New("缺少 xl/workbook.xml")
	}
	var wb struct {
		Sheets []struct {
			ID string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := decodePart(wbf, &wb); err != nil {
		return "", fmt.Errorf("workbook.xml: %w", err)
	}
	if len(wb.Sheets) == 0 {
		return "", errors.New("工作簿中没有工作表")
	}
	var rels struct {
		Rel []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if f := files["xl/_rels/workbook.xml.rels"]; f != nil {
		if err := decodePart(f, &rels); err != nil {
			return "", fmt.Errorf("workbook.xml.rels: %w", err)
		}
	}
	for _, r := range rels.Rel {
		if r.ID == wb.Sheets[0].ID {
			t := r.Target
			if strings.HasPrefix(t, "/") {
				return strings.TrimPrefix(t, "/"), nil
			}
			return path.Join("xl", t), nil
		}
	}
	return "xl/worksheets/sheet1.xml", nil
}

func decodePart(f *zip.File, v any) error {
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	return xml.NewDecoder(io.LimitReader(rc, maxPartBytes)).Decode(v)
}

func readShared(f *zip.File) ([]string, error) {
	var sst struct {
		SI []struct {
			T string `xml:"t"`
			R []struct {
				T string `xml:"t"`
			} `xml:"r"`
		} `xml:"si"`
	}
	if err := decodePart(f, &sst); err != nil {
		return nil, err
	}
	out := make([]string, len(sst.SI))
	for i, si := range sst.SI {
		s := si.T
		for _, r := range si.R {
			s += r.T
		}
		out[i] = s
	}
	return out, nil
}
