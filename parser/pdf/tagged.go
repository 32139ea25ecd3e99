package pdf

import (
	"sort"
	"strings"

	"github.com/reportlint/reportlint/parser"
)

// This file reads tables from the structure tree of a tagged PDF
// (Chromium; LibreOffice and Word with tagging on): StructTreeRoot →
// Table → TR (also under THead/TBody/TFoot) → TD/TH with /RowSpan and
// /ColSpan in their attribute dictionaries. The cells' marked-content ids
// (MCIDs, with the page from /Pg) name the glyphs that belong to each cell.
// This gives the exact grid, also across page breaks. When the tree is
// missing, or a table in it does not lead to the text on the pages, the
// ruling lines are used instead.

// Limits of the structure tree walk, against hostile files.
const (
	maxStructNodes = 50_000
	maxStructDepth = 64
	maxTagRows     = 5000
	maxTagCols     = 200
	maxTagSpan     = 1000
)

// mcRef is a marked-content sequence: page index (0-based) and MCID.
type mcRef struct{ page, mcid int }

// tagCell is a TD or TH of a tagged table.
type tagCell struct {
	rs, cs int
	refs   []mcRef
}

// tagTable is a tagged table: rows of cells as the tree lists them.
type tagTable struct {
	rows [][]*tagCell
}

// structWalker walks the structure tree with bounds and cycle checks.
type structWalker struct {
	o       *objects
	roles   obj
	pages   map[uint32]int
	seen    map[uint32]bool
	nodes   int
	tables  []*tagTable
	overrun bool
}

// structTables reads the tables of the structure tree; nil when there is
// none (or the file's objects cannot be read directly). pageIDs are the
// object numbers of the pages in order.
func (d *docReader) structTables(pageIDs []objID) []*tagTable {
	if d.objs == nil {
		return nil
	}
	rid, ok := childRef(d.r.Trailer(), "Root")
	if !ok {
		return nil
	}
	o := d.objs
	cat, _ := o.get(rid.id)
	root := o.key(cat, "StructTreeRoot")
	if root.kind != kDict {
		return nil
	}
	w := &structWalker{o: o, roles: o.key(root, "RoleMap"), pages: map[uint32]int{}, seen: map[uint32]bool{}}
	for i, id := range pageIDs {
		if id.id != 0 {
			w.pages[id.id] = i
		}
	}
	w.find(root, -1, 0)
	if w.overrun {
		return nil
	}
	return w.tables
}

// role maps a structure type through the RoleMap to a standard one.
func (w *structWalker) role(s string) string {
	for i := 0; i < 8; i++ {
		switch s {
		case "Table", "TR", "TD", "TH", "THead", "TBody", "TFoot":
			return s
		}
		m := w.o.key(w.roles, s)
		if m.kind != kName || m.s == s {
			return s
		}
		s = m.s
	}
	return s
}

// visit counts a node and reports whether to go into it.
func (w *structWalker) visit(depth int) bool {
	w.nodes++
	if w.nodes > maxStructNodes || depth > maxStructDepth {
		w.overrun = true
		return false
	}
	return true
}

// kids lists the children of a node's /K (one object or an array), as
// written: references are resolved by the caller.
func (w *structWalker) kids(v obj) []obj {
	k := w.o.key(v, "K")
	switch k.kind {
	case kArr:
		return k.arr
	case kNull:
		return nil
	}
	return []obj{v.get("K")}
}

// elem resolves a child to a dictionary, once per object.
func (w *structWalker) elem(k obj) (obj, bool) {
	if k.kind == kRef {
		id := uint32(k.num)
		if w.seen[id] {
			return obj{}, false
		}
		w.seen[id] = true
		k = w.o.deref(k)
	}
	return k, k.kind == kDict
}

// pageOf is the page index of a node's /Pg, or pg when it has none.
func (w *structWalker) pageOf(v obj, pg int) int {
	if r := v.get("Pg"); r.kind == kRef {
		if i, ok := w.pages[uint32(r.num)]; ok {
			return i
		}
	}
	return pg
}

func (w *structWalker) typ(v obj) string { return w.o.key(v, "Type").s }

// find walks down to the tables.
func (w *structWalker) find(v obj, pg, depth int) {
	if !w.visit(depth) {
		return
	}
	for _, k := range w.kids(v) {
		e, ok := w.elem(k)
		if !ok || w.typ(e) == "MCR" || w.typ(e) == "OBJR" {
			continue
		}
		epg := w.pageOf(e, pg)
		if w.role(w.o.key(e, "S").s) == "Table" {
			t := &tagTable{}
			w.rows(e, epg, depth+1, t)
			if len(t.rows) > 0 {
				w.tables = append(w.tables, t)
			}
		} else {
			w.find(e, epg, depth+1)
		}
		if w.overrun {
			return
		}
	}
}

// rows collects the TR rows of a table (also inside THead/TBody/TFoot).
func (w *structWalker) rows(v obj, pg, depth int, t *tagTable) {
	if !w.visit(depth) {
		return
	}
	for _, k := range w.kids(v) {
		e, ok := w.elem(k)
		if !ok {
			continue
		}
		epg := w.pageOf(e, pg)
		switch w.role(w.o.key(e, "S").s) {
		case "THead", "TBody", "TFoot":
			w.rows(e, epg, depth+1, t)
		case "TR":
			if len(t.rows) >= maxTagRows {
				w.overrun = true
				return
			}
			var row []*tagCell
			for _, ck := range w.kids(e) {
				c, ok := w.elem(ck)
				if !ok {
					continue
				}
				switch w.role(w.o.key(c, "S").s) {
				case "TD", "TH":
				default:
					continue
				}
				if len(row) >= maxTagCols {
					break
				}
				cell := &tagCell{rs: 1, cs: 1}
				if a := c.get("A"); a.kind != kRef || w.o.mayContain(uint32(a.num), []byte("Span")) {
					w.spans(w.o.deref(a), cell)
				}
				w.mcids(c, w.pageOf(c, epg), depth+2, &cell.refs)
				row = append(row, cell)
			}
			t.rows = append(t.rows, row)
		}
		if w.overrun {
			return
		}
	}
}

// spans reads /RowSpan and /ColSpan from an attribute object or array.
func (w *structWalker) spans(a obj, c *tagCell) {
	read := func(d obj) {
		if x := w.o.key(d, "RowSpan"); x.kind == kNum {
			c.rs = int(max(1, min(x.num, maxTagSpan)))
		}
		if x := w.o.key(d, "ColSpan"); x.kind == kNum {
			c.cs = int(max(1, min(x.num, maxTagSpan)))
		}
	}
	switch a.kind {
	case kDict:
		read(a)
	case kArr:
		for i, x := range a.arr {
			if i >= 64 {
				break
			}
			if d := w.o.deref(x); d.kind == kDict {
				read(d)
			}
		}
	}
}

// mcids collects the marked content under a node in order.
func (w *structWalker) mcids(v obj, pg, depth int, out *[]mcRef) {
	if !w.visit(depth) {
		return
	}
	for _, k := range w.kids(v) {
		if k.kind == kNum {
			if pg >= 0 && len(*out) < 100_000 {
				*out = append(*out, mcRef{pg, int(k.num)})
			}
			continue
		}
		e, ok := w.elem(k)
		if !ok {
			continue
		}
		switch w.typ(e) {
		case "MCR":
			if id := w.o.key(e, "MCID"); id.kind == kNum {
				if p := w.pageOf(e, pg); p >= 0 {
					*out = append(*out, mcRef{p, int(id.num)})
				}
			}
		case "OBJR":
		default:
			w.mcids(e, w.pageOf(e, pg), depth+1, out)
		}
		if w.overrun {
			return
		}
	}
}

// taggedTable is a tagged table placed on the pages.
type taggedTable struct {
	table   *parser.Table
	page    int     // 1-based page of its first glyph
	top     float64 // top of its first glyph on that page
	ncells  int
	nfilled int
}

// buildTagged turns the tagged tables into parser tables with the glyphs of
// their cells. It returns the tables that lead to text, and per page the
// MCIDs they took.
func buildTagged(tts []*tagTable, pages []*pageContent, layouts map[int]*pageLayout) ([]*taggedTable, map[int]map[int]bool) {
	// glyphs per page and MCID
	byMC := make([]map[int][]int, len(pages))
	index := func(p int) map[int][]int {
		if byMC[p] == nil {
			byMC[p] = map[int][]int{}
			if pc := pages[p]; pc != nil {
				for i, g := range pc.glyphs {
					if g.mcid >= 0 && !g.artifact && strings.TrimSpace(g.s) != "" && g.size > 0 {
						byMC[p][g.mcid] = append(byMC[p][g.mcid], i)
					}
				}
			}
		}
		return byMC[p]
	}
	var out []*taggedTable
	used := map[int]map[int]bool{}
	for _, tt := range tts {
		// place the cells on the grid (HTML table rules)
		var occ [][]bool
		take := func(r, c int) bool {
			for len(occ) <= r {
				occ = append(occ, nil)
			}
			for len(occ[r]) <= c {
				occ[r] = append(occ[r], false)
			}
			if occ[r][c] {
				return false
			}
			occ[r][c] = true
			return true
		}
		free := func(r, c int) bool { return r >= len(occ) || c >= len(occ[r]) || !occ[r][c] }
		var cells []*region
		type placement struct {
			reg *region
			tc  *tagCell
		}
		var placements []placement
		ncols := 0
		res := &taggedTable{page: 0}
		// the width of the table: its first row (LibreOffice repeats the
		// cells of a row split over a page break in the same TR; the
		// repeated cells continue the first ones)
		width := 0
		for _, tc := range tt.rows[0] {
			width += tc.cs
		}
		for r, row := range tt.rows {
			c := 0
			var placed []*tagCell
			for k, tc := range row {
				for !free(r, c) {
					c++
				}
				if c >= width && width > 0 && len(placed) > 0 && len(placed) < len(row) {
					p := placed[(k-len(placed))%len(placed)]
					p.refs = append(p.refs, tc.refs...)
					continue
				}
				placed = append(placed, tc)
				rs, cs := tc.rs, tc.cs
				if r+rs > len(tt.rows) {
					rs = max(1, len(tt.rows)-r)
				}
				if c+cs > maxTagCols {
					cs = max(1, maxTagCols-c)
				}
				for y := r; y < r+rs; y++ {
					for x := c; x < c+cs; x++ {
						take(y, x)
					}
				}
				reg := &region{r0: r, c0: c, r1: r + rs, c1: c + cs}
				placements = append(placements, placement{reg, tc})
				c += cs
				ncols = max(ncols, c)
			}
		}
		for _, pm := range placements {
			reg, tc := pm.reg, pm.tc
			res.ncells++
			// the cell's glyphs, page by page
			var texts []string
			lastPage := -1
			var pg []glyph
			flush := func() {
				if len(pg) > 0 {
					texts = append(texts, cellText(pg))
				}
				pg = nil
			}
			for _, ref := range tc.refs {
				if ref.page < 0 || ref.page >= len(pages) || pages[ref.page] == nil {
					continue
				}
				if ref.page != lastPage {
					flush()
					lastPage = ref.page
				}
				for _, gi := range index(ref.page)[ref.mcid] {
					g := pages[ref.page].glyphs[gi]
					pg = append(pg, g)
					if reg.page == 0 {
						reg.page = ref.page + 1
						if l := layouts[ref.page+1]; l != nil {
							reg.line = l.lineOf(g.y)
						}
					}
					if res.page == 0 || ref.page+1 < res.page || ref.page+1 == res.page && g.y-g.size < res.top {
						res.page, res.top = ref.page+1, g.y-g.size
					}
				}
			}
			flush()
			texts = dropRepeatedHeader(texts)
			for _, t := range texts {
				if reg.text != "" && needSpace(lastRune(reg.text), firstRune(t)) {
					reg.text += " "
				}
				reg.text += t
			}
			if reg.text != "" {
				res.nfilled++
			}
			cells = append(cells, reg)
		}
		nr := len(tt.rows)
		if nr < 2 || ncols < 2 || res.page == 0 || res.nfilled*3 < res.ncells {
			continue // not a table of text: leave it to the rules
		}
		for _, tc := range tt.rows {
			for _, c := range tc {
				for _, ref := range c.refs {
					if used[ref.page+1] == nil {
						used[ref.page+1] = map[int]bool{}
					}
					used[ref.page+1][ref.mcid] = true
				}
			}
		}
		tp := &tpart{ys: make([]float64, nr+1), xs: make([]float64, ncols+1)}
		tp.cells = tile(cells, nr, ncols)
		for _, r := range tp.cells {
			if r.page == 0 { // an empty cell: where the row is
				for _, o := range tp.cells {
					if o.r0 == r.r0 && o.page > 0 {
						r.page, r.line = o.page, o.line
						break
					}
				}
			}
		}
		res.table = tp.toTable()
		out = append(out, res)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].page != out[j].page {
			return out[i].page < out[j].page
		}
		return out[i].top < out[j].top
	})
	return out, used
}

// dropRepeatedHeader keeps one copy of a cell's text when every page it
// appears on shows the same text: a header row repeated at the top of each
// page (Chromium tags the repeated <thead> rows with the same structure
// elements). A cell split over a page break has different fragments.
func dropRepeatedHeader(texts []string) []string {
	if len(texts) < 2 {
		return texts
	}
	first := strings.Join(strings.Fields(texts[0]), "")
	for _, t := range texts[1:] {
		if strings.Join(strings.Fields(t), "") != first {
			return texts
		}
	}
	return texts[:1]
}
