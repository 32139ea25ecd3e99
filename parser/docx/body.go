package docx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/reportlint/reportlint/internal/readall"
	"github.com/reportlint/reportlint/parser"
)

// The body is first read into a small tree (paragraphs, tables of rows of
// cells holding paragraphs and nested tables), then emitted as Blocks, so
// that layout tables can be recognised as a whole.

type node struct {
	para *para
	tbl  *tbl
	img  *parser.Image
}

type para struct {
	text    strings.Builder
	style   string
	numID   string
	hasNum  bool
	ilvl    int
	hasIlvl bool
}

type tbl struct {
	rows     []*trow
	gridCols int
	cells    int
}

type trow struct {
	gridBefore, gridAfter int
	cells                 []*tcell
}

type tcell struct {
	gridSpan int
	vMerge   string // "", "restart" or "continue"
	hMerge   string
	nodes    []node
}

// sdtFrame is an open w:sdt content control.
type sdtFrame struct {
	placeholder bool // w:showingPlcHdr: the content is the grey prompt text
	inContent   bool
}

// bodyReader is the state of the streaming pass over document.xml.
type bodyReader struct {
	nb    *numbering
	opts  parser.Options
	stack []string // local names of the open WordprocessingML elements
	// tables and their open row and cell.
	tables []*tbl
	body   []node
	p      *para
	// run state
	inRun     bool
	runHidden bool
	sdts      []sdtFrame
	maxCells  int
	// altChunks counts w:altChunk: content imported from another file
	// (HTML, MHT, RTF) that Word merges only when it opens the document.
	altChunks int
}

// scanXML turns the scanner on (tests compare with it off).
var scanXML = true

// tokens is what readBody reads from: an xml.Decoder or a scanner.
type tokens interface {
	Token() (xml.Token, error)
	Skip() error
}

// readBody reads document.xml into the body tree. sizeHint is the part's
// stated size. The part is read whole and tokenized by the scanner; parts
// the scanner does not read, and parts whose reading failed, are read by
// encoding/xml as a stream would have been.
func readBody(r io.Reader, sizeHint int64, nb *numbering, opts parser.Options, maxDepth int) ([]node, int, error) {
	data, rerr := readall.ReadAll(r, sizeHint)
	if rerr == nil && scanXML {
		if sc, ok := newScanner(data); ok {
			saved := nb.saveCounters()
			body, alt, err := readBodyFrom(sc, nb, opts, maxDepth)
			if !errors.Is(err, errNotSimple) {
				return body, alt, err
			}
			nb.restoreCounters(saved)
		}
	}
	// The Decoder sees the same bytes, then the same read error, at the
	// same point as when it read the part as a stream.
	var src io.Reader = bytes.NewReader(data)
	if rerr != nil {
		rp := &replay{data: src, err: rerr}
		if br, ok := r.(*boundedReader); ok && br.over {
			br.over = false
			rp.atErr = func() { br.over = true }
		}
		src = rp
	}
	dec := xml.NewDecoder(src)
	dec.Strict = true
	return readBodyFrom(dec, nb, opts, maxDepth)
}

// replay reads data, then returns err (calling atErr first).
type replay struct {
	data  io.Reader
	err   error
	atErr func()
}

func (r *replay) Read(p []byte) (int, error) {
	n, err := r.data.Read(p)
	if err == io.EOF {
		if r.atErr != nil {
			r.atErr()
			r.atErr = nil
		}
		return n, r.err
	}
	return n, err
}

// readBodyFrom reads the body tree from a token source.
func readBodyFrom(dec tokens, nb *numbering, opts parser.Options, maxDepth int) ([]node, int, error) {
	br := &bodyReader{nb: nb, opts: opts, maxCells: opts.MaxCells}
	if br.maxCells <= 0 {
		br.maxCells = parser.DefaultOptions().MaxCells
	}
	sawBody := false
	depth := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, 0, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if br.opts.MaxBlocks > 0 && len(br.body) > br.opts.MaxBlocks {
				return nil, 0, parser.Unreadable(fmt.Sprintf("文件内容过多（超过 %d 个段落和表格），不像单份年度报告；请确认文件是否正确", br.opts.MaxBlocks), nil)
			}
			if depth > maxDepth {
				return nil, 0, parser.Unreadable(fmt.Sprintf("DOCX 正文的 XML 嵌套超过 %d 层，不像正常的 Word 文档", maxDepth), nil)
			}
			if t.Name.Space == nsMC && t.Name.Local == "Fallback" {
				// mc:AlternateContent repeats its content for old readers.
				if err := dec.Skip(); err != nil {
					return nil, 0, err
				}
				depth--
				continue
			}
			if !isW(t.Name) {
				br.stack = append(br.stack, "")
				continue
			}
			if t.Name.Local == "drawing" || t.Name.Local == "pict" {
				// A picture is kept (a table pasted as a picture is S110);
				// a text box is not read (its text is in the fallback).
				img, err := readPicture(dec)
				if err != nil {
					return nil, 0, err
				}
				if img != nil {
					br.add(node{img: img})
				}
				depth--
				continue
			}
			if skipSubtree(t.Name.Local) {
				if err := dec.Skip(); err != nil {
					return nil, 0, err
				}
				depth--
				continue
			}
			if t.Name.Local == "body" {
				sawBody = true
			}
			if err := br.start(t); err != nil {
				return nil, 0, err
			}
			br.stack = append(br.stack, t.Name.Local)
		case xml.EndElement:
			depth--
			if len(br.stack) == 0 {
				continue
			}
			local := br.stack[len(br.stack)-1]
			br.stack = br.stack[:len(br.stack)-1]
			if local != "" {
				br.end(local)
			}
		case xml.CharData:
			if br.parent(0) == "t" && br.parent(1) == "r" && br.visible() {
				if br.p != nil {
					br.p.text.Write(t)
				}
			}
		}
	}
	if !sawBody {
		return nil, 0, parser.Unreadable("DOCX 正文 word/document.xml 中没有 w:body，文件已损坏或不是 Word 文档；请用 Word 或 WPS 重新另存为 .docx", nil)
	}
	return br.body, br.altChunks, nil
}

// emuPerPoint converts DrawingML extents (EMU) to points.
const emuPerPoint = 12700

// readPicture consumes a w:drawing or w:pict element and returns the
// picture it shows, with its alternative text (wp:docPr descr or title,
// VML alt or o:title) and size; nil for a text box or shape without an
// image.
func readPicture(dec tokens) (*parser.Image, error) {
	img := &parser.Image{}
	isPicture := false
	for depth := 1; depth > 0; {
		tok, err := dec.Token()
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			attr := func(name string) string {
				for _, a := range t.Attr {
					if a.Name.Local == name {
						return strings.TrimSpace(a.Value)
					}
				}
				return ""
			}
			switch t.Name.Local {
			case "docPr":
				img.Alt = attr("descr")
				if img.Alt == "" {
					img.Alt = attr("title")
				}
				img.Src = attr("name")
			case "extent":
				if cx, err := strconv.ParseFloat(attr("cx"), 64); err == nil && cx > 0 {
					img.Width = cx / emuPerPoint
				}
				if cy, err := strconv.ParseFloat(attr("cy"), 64); err == nil && cy > 0 {
					img.Height = cy / emuPerPoint
				}
			case "blip", "imagedata":
				isPicture = true
				if img.Alt == "" {
					img.Alt = attr("title")
				}
			case "shape":
				if img.Alt == "" {
					img.Alt = attr("alt")
				}
			}
		case xml.EndElement:
			depth--
		}
	}
	if !isPicture {
		return nil, nil
	}
	return img, nil
}

// skipSubtree lists elements whose content is not what a reader sees:
// drawings and text boxes (repeated in fallbacks), deleted and moved-away
// text, field codes, and the old properties of tracked formatting changes.
func skipSubtree(local string) bool {
	switch local {
	case "drawing", "pict", "object", "del", "moveFrom", "instrText", "delText", "delInstrText",
		"footnoteReference", "endnoteReference", "commentReference", "sectPr", "rt":
		return true
	}
	return strings.HasSuffix(local, "Change") // pPrChange, rPrChange, tblPrChange, tcPrChange...
}

// parent returns the local name i levels above the current element (0 is
// the current element itself).
func (br *bodyReader) parent(i int) string {
	if i >= len(br.stack) {
		return ""
	}
	return br.stack[len(br.stack)-1-i]
}

// visible reports whether run text at this point is shown: not hidden
// (w:vanish) and not the prompt text of an unfilled content control.
func (br *bodyReader) visible() bool {
	if br.runHidden {
		return false
	}
	for _, s := range br.sdts {
		if s.placeholder && s.inContent {
			return false
		}
	}
	return true
}

func (br *bodyReader) write(s string) {
	if br.p != nil && br.inRun && br.visible() {
		br.p.text.WriteString(s)
	}
}

func (br *bodyReader) curCell() *tcell {
	if len(br.tables) == 0 {
		return nil
	}
	t := br.tables[len(br.tables)-1]
	if len(t.rows) == 0 {
		return nil
	}
	r := t.rows[len(t.rows)-1]
	if len(r.cells) == 0 {
		return nil
	}
	return r.cells[len(r.cells)-1]
}

// add puts a finished paragraph or table into its container.
func (br *bodyReader) add(n node) {
	if len(br.tables) > 0 {
		if c := br.curCell(); c != nil {
			c.nodes = append(c.nodes, n)
		}
		// Content outside any cell (invalid) is dropped.
		return
	}
	br.body = append(br.body, n)
}

func (br *bodyReader) start(t xml.StartElement) error {
	val, _ := wattr(t, "val")
	up := br.parent(0) // the element this one is in
	switch t.Name.Local {
	case "p":
		if br.p != nil {
			// A paragraph inside a paragraph (text box content that was
			// not skipped): keep reading into the outer one.
			return nil
		}
		br.p = &para{}
	case "pStyle":
		if br.p != nil && up == "pPr" {
			br.p.style = val
		}
	case "numId":
		if br.p != nil && up == "numPr" && br.parent(1) == "pPr" {
			br.p.numID, br.p.hasNum = val, true
		}
	case "ilvl":
		if br.p != nil && up == "numPr" && br.parent(1) == "pPr" {
			br.p.ilvl, br.p.hasIlvl = atoiDef(val, 0), true
		}
	case "r":
		br.inRun, br.runHidden = true, false
	case "vanish", "specVanish":
		if br.inRun && up == "rPr" && br.parent(1) == "r" && onOff(t) {
			br.runHidden = true
		}
	case "tab", "ptab":
		if up == "r" {
			br.write("\t")
		}
	case "br", "cr":
		if up == "r" {
			if typ, _ := wattr(t, "type"); typ == "" || typ == "textWrapping" {
				br.write("\n")
			}
		}
	case "noBreakHyphen":
		if up == "r" {
			br.write("-")
		}
	case "softHyphen":
		// An optional hyphen is invisible unless it ends a line: "12<softHyphen/>34" reads 1234.
	case "sym":
		if up == "r" {
			if ch, ok := wattr(t, "char"); ok {
				if n, err := strconv.ParseUint(ch, 16, 32); err == nil && n >= 0x20 && (n < 0xF000 || n > 0xF0FF) && n <= 0x10FFFF {
					br.write(string(rune(n)))
				}
			}
		}
	case "altChunk":
		br.altChunks++
	case "sdt":
		br.sdts = append(br.sdts, sdtFrame{})
	case "showingPlcHdr":
		if up == "sdtPr" && len(br.sdts) > 0 && onOff(t) {
			br.sdts[len(br.sdts)-1].placeholder = true
		}
	case "sdtContent":
		if len(br.sdts) > 0 {
			br.sdts[len(br.sdts)-1].inContent = true
		}
	case "tbl":
		if br.p != nil {
			return nil // a table inside a paragraph is not valid; ignore its structure
		}
		br.tables = append(br.tables, &tbl{})
	case "gridCol":
		if len(br.tables) > 0 && up == "tblGrid" {
			br.tables[len(br.tables)-1].gridCols++
		}
	case "tr":
		if len(br.tables) > 0 && br.p == nil {
			br.tables[len(br.tables)-1].rows = append(br.tables[len(br.tables)-1].rows, &trow{})
		}
	case "gridBefore", "gridAfter":
		if len(br.tables) > 0 && up == "trPr" {
			tb := br.tables[len(br.tables)-1]
			if len(tb.rows) > 0 {
				n := min(max(atoiDef(val, 0), 0), 1000)
				if t.Name.Local == "gridBefore" {
					tb.rows[len(tb.rows)-1].gridBefore = n
				} else {
					tb.rows[len(tb.rows)-1].gridAfter = n
				}
			}
		}
	case "tc":
		if len(br.tables) > 0 && br.p == nil {
			tb := br.tables[len(br.tables)-1]
			if len(tb.rows) == 0 {
				tb.rows = append(tb.rows, &trow{}) // a cell outside a row: repair
			}
			tb.cells++
			if tb.cells > br.maxCells {
				return parser.Unreadable(fmt.Sprintf("DOCX 中的表格超过 %d 个单元格，不像正常的年度报告；请检查文件", br.maxCells), nil)
			}
			r := tb.rows[len(tb.rows)-1]
			r.cells = append(r.cells, &tcell{gridSpan: 1})
		}
	case "gridSpan":
		if c := br.curCell(); c != nil && up == "tcPr" {
			c.gridSpan = min(max(atoiDef(val, 1), 1), 1000)
		}
	case "vMerge", "hMerge":
		if c := br.curCell(); c != nil && up == "tcPr" {
			// Word writes a bare <w:vMerge/> for the continuation.
			v := val
			if v == "" {
				v = "continue"
			}
			if t.Name.Local == "vMerge" {
				c.vMerge = v
			} else {
				c.hMerge = v
			}
		}
	}
	return nil
}

func (br *bodyReader) end(local string) {
	switch local {
	case "p":
		if br.p == nil {
			return
		}
		// Only the outermost paragraph ends here.
		for _, s := range br.stack {
			if s == "p" {
				return
			}
		}
		p := br.p
		br.p = nil
		if lbl := br.numLabel(p); lbl != "" {
			rest := p.text.String()
			p.text.Reset()
			p.text.WriteString(lbl)
			p.text.WriteString(rest)
		}
		br.add(node{para: p})
	case "r":
		br.inRun, br.runHidden = false, false
	case "sdt":
		if len(br.sdts) > 0 {
			br.sdts = br.sdts[:len(br.sdts)-1]
		}
	case "sdtContent":
		if len(br.sdts) > 0 {
			br.sdts[len(br.sdts)-1].inContent = false
		}
	case "tbl":
		if len(br.tables) == 0 || br.p != nil {
			return
		}
		t := br.tables[len(br.tables)-1]
		br.tables = br.tables[:len(br.tables)-1]
		br.add(node{tbl: t})
	}
}

// numLabel renders a paragraph's automatic number, from its own numPr or
// its style's.
func (br *bodyReader) numLabel(p *para) string {
	numID, ilvl := p.numID, p.ilvl
	if !p.hasNum {
		sn, sl, ok := br.nb.styleNum(p.style)
		if !ok && p.style == "" {
			sn, sl, ok = br.nb.styleNum(br.nb.defaultPStyle)
		}
		if !ok {
			return ""
		}
		numID = sn
		if !p.hasIlvl {
			ilvl = sl
			// A level bound to this paragraph style (w:lvl/w:pStyle).
			if _, abs := br.nb.resolveAbstract(numID); abs != nil && p.style != "" {
				for i, l := range abs.levels {
					if abs.defined[i] && l.pStyle == p.style {
						ilvl = i
						break
					}
				}
			}
		}
	}
	return br.nb.label(numID, ilvl)
}
