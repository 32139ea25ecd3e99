package html

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	xhtml "github.com/reportlint/reportlint/parser/html/internal/xhtml"

	"github.com/reportlint/reportlint/parser"
)

// walker turns the body's element tree into paragraphs and tables in
// document order.
type walker struct {
	ix   *srcIndex
	doc  *parser.Document
	opts parser.Options
	// buf collects the inline text of the paragraph being built (from
	// begin on; nothing else writes to it); bufPos is where its first
	// non-space character is (-1 while none).
	buf    arena
	bufPos int
	ord    int
	// cellBuf collects a cell's text; cuts and pieces are cellText's
	// scratch slices.
	cellBuf arena
	cuts    []int
	pieces  []string
	// out holds the texts of paragraphs and cells; paras the Paragraphs
	// not yet used.
	out   arena
	paras []parser.Paragraph
}

func (w *walker) flush() {
	raw := w.buf.text()
	w.out.begin(len(raw))
	normTo(&w.out.b, raw)
	if t := w.out.text(); t != "" {
		loc := w.ix.loc(w.bufPos)
		w.doc.Blocks = append(w.doc.Blocks, parser.Block{Para: w.paragraph(t, loc)})
	}
	w.buf.begin(256)
	w.bufPos = -1
}

// paragraph is a new Paragraph, cut from the walker's slab of them.
func (w *walker) paragraph(text string, loc parser.Loc) *parser.Paragraph {
	if len(w.paras) == 0 {
		w.paras = make([]parser.Paragraph, 32)
	}
	p := &w.paras[0]
	w.paras = w.paras[1:]
	p.Text, p.Loc = text, loc
	return p
}

// walk emits the content of n.
func (w *walker) walk(n *xhtml.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.node(c)
	}
}

// node emits one node.
func (w *walker) node(c *xhtml.Node) {
	switch c.Type {
	case xhtml.TextNode:
		if w.bufPos < 0 && hasShown(c.Data) {
			w.bufPos = w.ix.textPos(c)
		}
		w.buf.b.WriteString(c.Data)
	case xhtml.ElementNode:
		switch {
		case skipped(c) || isChromeTag(c.Data) || isChromeBlock(c):
		case c.Data == "br":
			w.flush()
		case c.Data == "img":
			w.flush()
			w.image(c)
		case c.Data == "table":
			w.flush()
			w.table(c)
		case isBlockTag(c.Data):
			w.flush()
			w.walk(c)
			w.flush()
		default:
			w.walk(c)
		}
	}
}

// image emits a picture of the body as an Image block: recognition tells a
// statutory table published as a picture from a missing one.
func (w *walker) image(n *xhtml.Node) {
	img := &parser.Image{Loc: w.ix.loc(srcPos(n))}
	for _, a := range n.Attr {
		switch a.Key {
		case "alt":
			img.Alt = normText(a.Val)
		case "title":
			if img.Alt == "" {
				img.Alt = normText(a.Val)
			}
		case "src":
			img.Src = strings.TrimSpace(a.Val)
		case "width":
			img.Width = cssPixels(a.Val)
		case "height":
			img.Height = cssPixels(a.Val)
		case "style":
			for _, decl := range strings.Split(a.Val, ";") {
				k, v, _ := strings.Cut(decl, ":")
				switch strings.TrimSpace(strings.ToLower(k)) {
				case "width":
					img.Width = cssPixels(v)
				case "height":
					img.Height = cssPixels(v)
				}
			}
		}
	}
	w.doc.Blocks = append(w.doc.Blocks, parser.Block{Image: img})
}

// cssPixels reads a width or height given in pixels ("600", "600px");
// percentages and other units are unknown (0).
func cssPixels(s string) float64 {
	s = strings.TrimSuffix(strings.TrimSpace(strings.ToLower(s)), "px")
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || f < 0 {
		return 0
	}
	return f
}

// chromeNames are class and id names of page furniture.
var chromeNames = map[string]bool{
	"nav": true, "navbar": true, "menu": true, "footer": true, "breadcrumb": true,
	"crumb": true, "crumbs": true, "share": true, "bdsharebuttonbox": true, "sidebar": true,
	"pagination": true, "pager": true, "copyright": true, "position": true, "location": true,
}

// isChromeBlock reports whether an element inside the body is navigation or
// a share bar by its class or id.
func isChromeBlock(n *xhtml.Node) bool {
	for _, a := range n.Attr {
		if a.Key != "class" && a.Key != "id" {
			continue
		}
		for _, tok := range strings.Fields(strings.ToLower(a.Val)) {
			if chromeNames[tok] {
				return true
			}
		}
	}
	return false
}

// rows lists a table's own rows (not those of nested tables), through
// thead, tbody and tfoot.
func rows(t *xhtml.Node) []*xhtml.Node {
	var out []*xhtml.Node
	if n := countRows(t); n > 0 {
		out = make([]*xhtml.Node, 0, n)
	}
	for c := t.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != xhtml.ElementNode || hidden(c) {
			continue
		}
		switch c.Data {
		case "tr":
			out = append(out, c)
		case "thead", "tbody", "tfoot":
			for r := c.FirstChild; r != nil; r = r.NextSibling {
				if r.Type == xhtml.ElementNode && r.Data == "tr" && !hidden(r) {
					out = append(out, r)
				}
			}
		}
	}
	return out
}

// countRows is an upper bound on len(rows(t)), to size it: the rows
// before the hidden check.
func countRows(t *xhtml.Node) int {
	n := 0
	for c := t.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != xhtml.ElementNode {
			continue
		}
		switch c.Data {
		case "tr":
			n++
		case "thead", "tbody", "tfoot":
			for r := c.FirstChild; r != nil; r = r.NextSibling {
				if r.Type == xhtml.ElementNode && r.Data == "tr" {
					n++
				}
			}
		}
	}
	return n
}

// countCells is how many cells (<td>, <th>, hidden or not) tr has.
func countCells(tr *xhtml.Node) int {
	n := 0
	for c := tr.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == xhtml.ElementNode && (c.Data == "td" || c.Data == "th") {
			n++
		}
	}
	return n
}

// appendCells appends tr's visible cells (<td>, <th>) to out.
func appendCells(out []*xhtml.Node, tr *xhtml.Node) []*xhtml.Node {
	for c := tr.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == xhtml.ElementNode && (c.Data == "td" || c.Data == "th") && !hidden(c) {
			out = append(out, c)
		}
	}
	return out
}

// maxCellRunes is the longest text a data cell is taken to hold; a cell
// with more is prose, so its table is a layout table.
const maxCellRunes = 150

// cellInfo is a cell's text, where the text starts, whether all of the
// text is link text (or at least half of it), and whether the cell holds a
// visible table (hasDescendant(td, "table")).
type cellInfo struct {
	text     string
	pos      int
	onlyLk   bool
	mostlyLk bool
	hasTable bool
}

// cellWalk is the state of cellText's walk over a cell.
type cellWalk struct {
	w *walker
	b *strings.Builder
	// at is where the cell's text starts in b; cuts are where block
	// boundaries cut it into pieces (offsets from at).
	at                int
	cuts              []int
	pos               int
	linkText, allText int
	hasTable          bool
}

// cellText reads a cell: its text (the pieces between block boundaries
// joined by joinPiecesTo), where it starts, how much of it is link text and
// whether the cell holds a table.
func (w *walker) cellText(td *xhtml.Node) cellInfo {
	// The cell's text goes into one buffer (the walker's, reused).
	w.cellBuf.begin(256)
	cw := cellWalk{w: w, b: &w.cellBuf.b, cuts: w.cuts[:0], pos: -1}
	cw.at = cw.b.Len()
	cw.visit(td, false)
	text := w.cellBuf.text()
	w.cuts = cw.cuts
	pos := cw.pos
	if pos < 0 {
		pos = srcPos(td)
	}
	return cellInfo{text: joinCutsTo(&w.out, text, cw.cuts), pos: pos, onlyLk: cw.allText > 0 && cw.linkText == cw.allText,
		mostlyLk: cw.allText > 0 && cw.linkText*2 >= cw.allText, hasTable: cw.hasTable}
}

func (cw *cellWalk) visit(n *xhtml.Node, inLink bool) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case xhtml.TextNode:
			if shown, k := shownLen(c.Data); shown {
				if cw.pos < 0 {
					cw.pos = cw.w.ix.textPos(c)
				}
				cw.allText += k
				if inLink {
					cw.linkText += k
				}
			}
			cw.b.WriteString(c.Data)
		case xhtml.ElementNode:
			if skipped(c) {
				continue
			}
			if c.Data == "table" {
				cw.hasTable = true
			}
			block := isBlockTag(c.Data) || c.Data == "br"
			if block {
				cw.cuts = append(cw.cuts, cw.b.Len()-cw.at)
			}
			cw.visit(c, inLink || c.Data == "a")
			if block {
				cw.cuts = append(cw.cuts, cw.b.Len()-cw.at)
			}
		}
	}
}

// chromePhrases mark site furniture: breadcrumbs, font-size switches,
// copyright and registration lines.
var chromePhrases = []string{"版权所有", "网站标识码", "ICP备", "备案号", "主办单位", "主办：", "当前位置", "您的位置", "字号：", "字体：", "【打印", "【关闭"}

// chromeCell reports whether a cell of a layout table is site furniture:
// mostly links, or a short line with a copyright or navigation phrase.
func chromeCell(ci cellInfo) bool {
	if ci.mostlyLk {
		return true
	}
	if utf8.RuneCountInString(ci.text) > maxCellRunes {
		return false
	}
	for _, p := range chromePhrases {
		if strings.Contains(ci.text, p) {
			return true
		}
	}
	return false
}

// table emits a data table, or flattens a layout table into its content.
func (w *walker) table(t *xhtml.Node) {
	trs := rows(t)
	if len(trs) == 0 {
		// A <table> with no rows: whatever text it holds (foster-parented
		// text is already outside it) is emitted as paragraphs.
		w.walk(t)
		w.flush()
		return
	}
	// The cells and their texts of all rows go into one slice each;
	// row i's are [ends[i-1], ends[i]).
	n := 0
	for _, tr := range trs {
		n += countCells(tr)
	}
	nodes := make([]*xhtml.Node, 0, n)
	flat := make([]cellInfo, 0, n)
	ends := make([]int, 0, len(trs))
	layout := false
	nCells, nLinks, nonEmpty := 0, 0, 0
	for _, tr := range trs {
		nodes = appendCells(nodes, tr)
		for _, td := range nodes[len(flat):] {
			ci := w.cellText(td)
			if ci.hasTable || len(ci.text) > maxCellRunes && utf8.RuneCountInString(ci.text) > maxCellRunes {
				layout = true
			}
			if ci.text != "" {
				nonEmpty++
			}
			if ci.onlyLk {
				nLinks++
			}
			flat = append(flat, ci)
			nCells++
		}
		ends = append(ends, len(flat))
	}
	infos := make([][]cellInfo, len(trs))
	tds := make([][]*xhtml.Node, len(trs))
	for i, end := range ends {
		from := 0
		if i > 0 {
			from = ends[i-1]
		}
		infos[i], tds[i] = flat[from:end:end], nodes[from:end:end]
	}
	if nCells == 1 {
		layout = true // a one-cell box around content
	}
	if layout {
		for i, cs := range tds {
			for j, td := range cs {
				if chromeCell(infos[i][j]) {
					continue
				}
				w.flush()
				w.walk(td)
				w.flush()
			}
		}
		return
	}
	if nonEmpty > 0 && nLinks == nonEmpty {
		return // a navigation table: every cell is a link
	}
	w.ord++
	tbl := &parser.Table{Ord: w.ord, Loc: w.ix.loc(srcPos(t)), Rows: make([]parser.Row, 0, len(trs))}
	// Every row's cells are cut from one slice (capacity capped: appending
	// to a row never reaches the next one's).
	cellSlab := make([]parser.Cell, nCells)
	for i, tr := range trs {
		if len(tds[i]) == 0 {
			continue
		}
		if attrVal(tr, "height") == "0" && allEmpty(infos[i]) {
			continue // Word's hidden row that fixes column widths
		}
		n := len(tds[i])
		row := parser.Row{Cells: cellSlab[:n:n]}
		cellSlab = cellSlab[n:]
		// The row's tag comes before its cells: asked for first, the
		// locations come in source order (srcIndex.loc counts on from
		// the last one).
		p := srcPos(tr)
		if p >= 0 {
			row.Loc = w.ix.loc(p)
		}
		for j, td := range tds[i] {
			ci := &infos[i][j]
			c := &row.Cells[j]
			c.Text, c.Loc = ci.text, w.ix.loc(ci.pos)
			c.RowSpan, c.ColSpan = span(attrVal(td, "rowspan")), span(attrVal(td, "colspan"))
		}
		if p < 0 {
			row.Loc = row.Cells[0].Loc
		}
		tbl.Rows = append(tbl.Rows, row)
	}
	if len(tbl.Rows) == 0 {
		w.ord--
		return
	}
	if n := gridSize(tbl); w.opts.MaxCells > 0 && n > w.opts.MaxCells {
		w.ord--
		w.doc.Problems = append(w.doc.Problems, parser.Problem{
			Kind:    parser.ProblemUnreadable,
			Message: fmt.Sprintf("表格过大（展开合并单元格后约 %d 个单元格，超过上限 %d），已跳过该表格；请检查页面是否为正常的年度报告", n, w.opts.MaxCells),
			Loc:     tbl.Loc,
		})
		return
	}
	w.doc.Blocks = append(w.doc.Blocks, parser.Block{Table: tbl})
}

func allEmpty(cs []cellInfo) bool {
	for _, c := range cs {
		if c.text != "" {
			return false
		}
	}
	return true
}

func attrVal(n *xhtml.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return strings.TrimSpace(a.Val)
		}
	}
	return ""
}

// maxSpan matches the clamp of parser.Table.Grid.
const maxSpan = 1000

// span reads a rowspan or colspan as browsers do: leading digits, at least
// 1, at most maxSpan.
func span(v string) int {
	n := 0
	for _, c := range v {
		if c < '0' || c > '9' {
			break
		}
		n = n*10 + int(c-'0')
		if n > maxSpan {
			return maxSpan
		}
	}
	return max(n, 1)
}

// gridSize is an upper bound on the cells Table.Grid will make: the number
// of rows times the widest row, where a row's width is at most the column
// spans of all cells that cover it.
func gridSize(t *parser.Table) int {
	nr := len(t.Rows)
	cover := make([]int, nr+1)
	for r, row := range t.Rows {
		for _, c := range row.Cells {
			rs := min(max(c.RowSpan, 1), maxSpan, nr-r)
			cs := min(max(c.ColSpan, 1), maxSpan)
			cover[r] += cs
			cover[r+rs] -= cs
		}
	}
	width, run := 0, 0
	for r := 0; r < nr; r++ {
		run += cover[r]
		width = max(width, run)
	}
	return nr * width
}
