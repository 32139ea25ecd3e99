package pdf

import (
	"math"
	"sort"
	"strings"

	"github.com/reportlint/reportlint/parser/zhtext"
)

// This file finds tables drawn without any ruling lines, from the text
// positions alone:
//
//   - a line is cut into chunks at wide gaps; an anchor line has number
//     chunks after a wide gap (a data row);
//   - a table is a run of anchor lines with the lines between them, the
//     header lines above the first and label fragments below the last; a
//     section heading or a full body line ends it;
//   - value columns are the clusters of the numbers' centres; label columns
//     are cut where many lines of the label area have a gap;
//   - rows: every anchor is one row, and the label lines around it are
//     given to the anchors so that each label block is centred on its
//     numbers (cells are centred vertically) and a new enumerated label
//     ("2.", "（三）") starts a new row; a line that reaches into the value
//     area without numbers (a caption or header inside the table) is a row
//     of its own; everything above the first anchor is one header row;
//   - group labels in the narrow columns on the left (a rowspan cell whose
//     text wraps character by character) are joined into one cell that
//     starts at the row of its first line.
//
// Body text never has number chunks after wide gaps, so it stays text; a
// single data row is a table only when it continues a table of the
// previous page.

// pchunk is a run of glyphs of one line without a wide gap.
type pchunk struct {
	gs     []glyph
	x0, x1 float64
	text   string
	num    bool
}

// tline is a text line considered for a position table.
type tline struct {
	gs     []glyph
	y      float64
	size   float64
	x0, x1 float64
	chunks []pchunk
	nums   int // number chunks after the first wide gap
	text   string
}

const (
	chunkGap = 0.45 // em: a gap at least this wide separates chunks
)

// headingRE matches a section heading that ends a table: "三、收到和处理…".
var headingRE = zhtext.HeadingNumRe

func makeTLine(gs []glyph) *tline {
	l := &tline{gs: gs, y: baseline(gs), x0: gs[0].x, x1: gs[len(gs)-1].x + gs[len(gs)-1].w}
	for _, g := range gs {
		l.size = max(l.size, g.size)
	}
	start := 0
	for i := 1; i <= len(gs); i++ {
		if i < len(gs) {
			p := gs[i-1]
			if gs[i].x-(p.x+p.w) < chunkGap*max(p.size, gs[i].size) {
				continue
			}
		}
		c := pchunk{gs: gs[start:i], x0: gs[start].x, x1: gs[i-1].x + gs[i-1].w}
		c.text = strings.TrimSpace(lineText(c.gs))
		c.num = isNumber(c.text)
		if c.text != "" {
			l.chunks = append(l.chunks, c)
		}
		start = i
	}
	for i, c := range l.chunks {
		if i > 0 && c.num {
			l.nums++
		}
	}
	if len(l.chunks) > 0 && l.chunks[0].num && len(l.chunks) > 1 {
		l.nums++ // a row of numbers only (table 四)
	}
	l.text = strings.TrimSpace(lineText(gs))
	return l
}

// subGap is the narrowest gap (em) at which a chunk may be split again:
// cells drawn close together leave less than chunkGap between their texts.
const subGap = 0.2

// resplit splits the line's chunks at gaps of at least subGap em where cut
// says the text on the right is a cell of its own (last: the right piece
// ends the chunk), and recounts the numbers.
func (l *tline) resplit(cut func(left, right pchunk, last bool) bool) {
	var out []pchunk
	changed := false
	for _, c := range l.chunks {
		// glyph indexes where narrow gaps begin a piece
		cuts := []int{0}
		for i := 1; i < len(c.gs); i++ {
			p := c.gs[i-1]
			if c.gs[i].x-(p.x+p.w) >= subGap*max(p.size, c.gs[i].size) {
				cuts = append(cuts, i)
			}
		}
		if len(cuts) == 1 {
			out = append(out, c)
			continue
		}
		cuts = append(cuts, len(c.gs))
		start := 0 // first glyph of the current piece
		for k := 1; k+1 < len(cuts); k++ {
			left, right := newChunk(c.gs[start:cuts[k]]), newChunk(c.gs[cuts[k]:cuts[k+1]])
			if left.text != "" && right.text != "" && cut(left, right, k+2 == len(cuts)) {
				out = append(out, left)
				start = cuts[k]
				changed = true
			}
		}
		out = append(out, newChunk(c.gs[start:]))
	}
	if !changed {
		return
	}
	l.chunks = out
	l.nums = 0
	for i, c := range l.chunks {
		if i > 0 && c.num {
			l.nums++
		}
	}
	if len(l.chunks) > 0 && l.chunks[0].num && len(l.chunks) > 1 {
		l.nums++
	}
}

// newChunk makes a chunk of glyphs.
func newChunk(gs []glyph) pchunk {
	c := pchunk{gs: gs, x0: gs[0].x, x1: gs[len(gs)-1].x + gs[len(gs)-1].w}
	c.text = strings.TrimSpace(lineText(c.gs))
	c.num = isNumber(c.text)
	return c
}

// anchor reports whether the line is a data row: numbers after a wide gap.
func (l *tline) anchor() bool { return l.nums >= 1 }

// posPart is a table part found from text positions.
type posPart struct {
	lines []*tline
	first int // index of the first anchor in lines
	weak  bool
	atTop bool // the part starts the page's text
}

// posTables finds the position tables among a page's text lines (sorted by
// baseline). It returns the table parts and the lines left for paragraphs.
func posTables(lines [][]glyph, left, right float64) (parts []*tpart, rest [][]glyph) {
	tls := make([]*tline, len(lines))
	for i, l := range lines {
		tls[i] = makeTLine(l)
	}
	width := right - left
	breaker := func(l *tline) bool {
		if l.anchor() {
			return false
		}
		if len(l.chunks) <= 1 && headingRE.MatchString(l.text) {
			return true
		}
		// a body line: one chunk over most of the text width
		return len(l.chunks) <= 1 && width > 100 && l.x1-l.x0 > 0.6*width
	}
	used := make([]bool, len(tls))
	i := 0
	for i < len(tls) {
		if !tls[i].anchor() {
			i++
			continue
		}
		// a run of anchors with no breaker and no wide gap between them
		first, last := i, i
		for k := i + 1; k < len(tls); k++ {
			l := tls[k]
			if breaker(l) || l.y-tls[k-1].y > 4*max(l.size, tls[k-1].size) {
				break
			}
			if l.anchor() {
				last = k
			}
		}
		// header lines above, fragments below
		top := first
		for top > 0 && !used[top-1] && !breaker(tls[top-1]) && tls[top].y-tls[top-1].y < 3.2*tls[top].size {
			top--
		}
		end := last
		for end+1 < len(tls) && !breaker(tls[end+1]) && tls[end+1].y-tls[end].y < 3.2*tls[end].size && len(tls[end+1].chunks) <= 2 {
			end++
		}
		i = end + 1
		anchors, numsMax := 0, 0
		for _, l := range tls[first : last+1] {
			if l.anchor() {
				anchors++
				numsMax = max(numsMax, l.nums)
			}
		}
		pp := &posPart{lines: tls[top : end+1], first: first - top}
		switch {
		case anchors >= 2 && numsMax >= 2, numsMax >= 3:
		case top == 0:
			pp.weak = true // may continue a table of the previous page
		default:
			continue
		}
		pp.atTop = top == 0
		t := pp.build()
		if t == nil {
			continue
		}
		for k := top; k <= end; k++ {
			used[k] = true
		}
		t.lines = lines[top : end+1]
		parts = append(parts, t)
	}
	for k, l := range lines {
		if !used[k] {
			rest = append(rest, l)
		}
	}
	return parts, rest
}

// build makes the grid of a position table part. Its stages, each a
// method with its own table test (postable_test.go):
//
//  1. extent: the part's font size and horizontal extent;
//  2. splitGluedCells: a number or enumerated label glued to the label
//     before it is a cell of its own;
//  3. valueColumns: the centres of the value (number) columns and where
//     the value area starts;
//  4. trimHeader: an enumerated label above the first data row starts the
//     body, it is no header;
//  5. columns: the label column separators and the column boundaries;
//  6. classify: each chunk goes to the header, a group column or a body
//     line;
//  7. rowBands: body lines grouped into rows around their data lines;
//  8. bandCells and groupCells: the regions of each row and the group
//     labels spanning rows;
//  9. rowBounds: the row boundaries.
func (pp *posPart) build() *tpart {
	size, x0, x1 := pp.extent()
	pp.splitGluedCells()
	vcols, valueLeft := pp.valueColumns(size)
	if vcols == nil {
		return nil
	}
	pp.trimHeader(valueLeft)
	g := pp.columns(x0, x1, valueLeft, vcols, size)
	t := &tpart{xs: g.xs, x0: g.xs[0], x1: g.xs[len(g.xs)-1], pos: true, weak: pp.weak, vcols: vcols}
	t.topOpen = make([]bool, len(g.xs)-1)
	header, groups, body := pp.classify(g)
	bands := rowBands(header, body, size)
	if len(bands) == 0 {
		return nil
	}
	t.cells = bandCells(bands)
	t.cells = append(t.cells, groupCells(groups, bands, t.cells, len(g.xs)-1, size)...)
	t.ys = rowBounds(bands, size)
	t.y0, t.y1 = t.ys[0], t.ys[len(bands)]
	t.cells = tile(t.cells, len(bands), len(g.xs)-1)
	return t
}

const (
	// valueGap (in font sizes): the value area starts this far before the
	// first number column's widest number.
	valueGap = 0.25
	// valueColTol (in font sizes): number centres closer than this are one
	// value column.
	valueColTol = 0.9
	// edgeSlack (in font sizes): how far a chunk may reach over a column
	// boundary and still be in the column (centred text, wide glyphs).
	edgeSlack = 0.2
	// sepSlack (in font sizes): a chunk ending this close before a label
	// separator and the next starting this close after it are two cells.
	sepSlack = 0.1
	// groupGap (in font sizes): fragments of a group column further apart
	// than this are two group labels.
	groupGap = 3.0
	// rowTopPad and rowBottomPad (in font sizes): the row boundaries above
	// the first and below the last baseline of a row.
	rowTopPad    = 1.0
	rowBottomPad = 0.3
)

// extent is the largest font size of the part and its left and right edge.
func (pp *posPart) extent() (size, x0, x1 float64) {
	x0, x1 = math.Inf(1), math.Inf(-1)
	for _, l := range pp.lines {
		size = max(size, l.size)
		x0, x1 = min(x0, l.x0), max(x1, l.x1)
	}
	return size, x0, x1
}

// splitGluedCells: cells drawn close together: a number or an enumerated
// label glued to the label before it by a narrow gap is a cell of its own.
func (pp *posPart) splitGluedCells() {
	for _, l := range pp.lines[pp.first:] {
		l.resplit(func(left, right pchunk, last bool) bool {
			if left.num {
				return false
			}
			return right.num && last || startRE.MatchString(right.text)
		})
	}
}

// valueColumns are the centres of the number columns of the data lines and
// the left edge of the value area; nil when the part has no numbers.
func (pp *posPart) valueColumns(size float64) (vcols []float64, valueLeft float64) {
	var centres []float64
	valueLeft = math.Inf(1)
	for _, l := range pp.lines[pp.first:] {
		if !l.anchor() {
			continue
		}
		for i, c := range l.chunks {
			if c.num && (i > 0 || l.chunks[0].num) {
				centres = append(centres, (c.x0+c.x1)/2)
				valueLeft = min(valueLeft, c.x0)
			}
		}
	}
	if len(centres) == 0 {
		return nil, 0
	}
	return cluster(centres, valueColTol*size), valueLeft - valueGap*size
}

// trimHeader: an enumerated label above the first data row is no header:
// it starts a row (its numbers are beside a later line) or ends one split
// over the page break.
func (pp *posPart) trimHeader(valueLeft float64) {
	for li := 0; li < pp.first; li++ {
		l := pp.lines[li]
		if len(l.chunks) > 0 && startRE.MatchString(l.chunks[0].text) && l.x1 <= valueLeft {
			pp.first = li
			return
		}
	}
}

// posGrid is the column layout of a position table part.
type posGrid struct {
	xs   []float64 // column boundaries
	nlab int       // label columns (the last one is the item column); 0: none
	size float64
}

// colOf is the column under x.
func (g posGrid) colOf(x float64) int {
	c := sort.SearchFloat64s(g.xs, x) - 1
	return max(0, min(c, len(g.xs)-2))
}

// columns finds the label column separators (splitting a fragment of a
// narrow group cell glued to the item label beside it) and makes the
// column boundaries: label columns, then one column per value column.
func (pp *posPart) columns(x0, x1, valueLeft float64, vcols []float64, size float64) posGrid {
	seps := labelSeps(pp.lines[pp.first:], x0, valueLeft, size)
	sort.Float64s(seps)
	for _, l := range pp.lines[pp.first:] {
		l.resplit(func(left, right pchunk, _ bool) bool {
			for _, s := range seps {
				if left.x1 <= s+sepSlack*size && right.x0 >= s-sepSlack*size {
					return true
				}
			}
			return false
		})
	}
	xs := []float64{x0 - 1}
	xs = append(xs, seps...)
	if valueLeft > x0+size {
		xs = append(xs, valueLeft)
	}
	for k := 0; k+1 < len(vcols); k++ {
		xs = append(xs, (vcols[k]+vcols[k+1])/2)
	}
	xs = append(xs, max(x1+1, vcols[len(vcols)-1]+size))
	nlab := len(seps) + 1
	if valueLeft <= x0+size {
		nlab = 0
	}
	return posGrid{xs: xs, nlab: nlab, size: size}
}

// rchunk is a chunk placed on the columns c0..c1 (inclusive).
type rchunk struct {
	c      pchunk
	c0, c1 int
	y      float64
}

// rline is a body line of a position table part.
type rline struct {
	y      float64
	chunks []rchunk
	anchor bool
	start  bool // begins with an enumerated label
	inVal  bool // reaches into the value area
}

// band is one row: its lines and their baseline range.
type band struct {
	lines []*rline
	y0    float64
	y1    float64
}

// classify splits the chunks: those of the header lines, group fragments
// (inside one group column) per group column, and body lines of row
// chunks (item column, spanning labels, values).
func (pp *posPart) classify(g posGrid) (header []rchunk, groups [][]rchunk, body []*rline) {
	if g.nlab > 1 {
		groups = make([][]rchunk, g.nlab-1)
	}
	for li, l := range pp.lines {
		rl := &rline{y: l.y, anchor: l.anchor()}
		for _, c := range l.chunks {
			rc := rchunk{c: c, c0: g.colOf(c.x0 + edgeSlack*g.size), c1: g.colOf(c.x1 - edgeSlack*g.size), y: l.y}
			if rc.c1 < rc.c0 {
				rc.c1 = rc.c0
			}
			if li < pp.first {
				header = append(header, rc)
				continue
			}
			if rc.c0 == rc.c1 && rc.c0 < g.nlab-1 && !c.num {
				groups[rc.c0] = append(groups[rc.c0], rc)
				continue
			}
			if len(rl.chunks) == 0 && rc.c0 < max(g.nlab, 1) && startRE.MatchString(c.text) {
				rl.start = true
			}
			if rc.c1 >= g.nlab && !c.num {
				rl.inVal = true
			}
			rl.chunks = append(rl.chunks, rc)
		}
		if li >= pp.first && len(rl.chunks) > 0 {
			body = append(body, rl)
		}
	}
	return header, groups, body
}

// rowBands groups the lines into rows, sorted top down: the header is one
// row; a line without figures that reaches into the value area is a row
// of its own; the lines between are given to their data lines
// (assignRows), and an enumerated label after the last data line starts a
// row whose numbers are on the next page.
func rowBands(header []rchunk, body []*rline, size float64) []*band {
	var bands []*band
	if len(header) > 0 {
		b := &band{y0: math.Inf(1), y1: math.Inf(-1)}
		for _, h := range header {
			b.y0, b.y1 = min(b.y0, h.y), max(b.y1, h.y)
		}
		b.lines = []*rline{{chunks: header}}
		bands = append(bands, b)
	}
	var seg []*rline
	flush := func() {
		bands = append(bands, segmentBands(seg, size)...)
		seg = seg[:0]
	}
	for _, rl := range body {
		if !rl.anchor && rl.inVal {
			flush()
			bands = append(bands, &band{lines: []*rline{rl}, y0: rl.y, y1: rl.y})
			continue
		}
		seg = append(seg, rl)
	}
	flush()
	sort.SliceStable(bands, func(i, j int) bool { return bands[i].y0 < bands[j].y0 })
	return bands
}

// segmentBands makes the rows of a run of body lines: each data line one
// row with the label lines around it; an enumerated label after the last
// data line starts a row of its own (its figures are on the next page).
func segmentBands(seg []*rline, size float64) []*band {
	var tail []*rline
	last := -1
	for i, rl := range seg {
		if rl.anchor {
			last = i
		}
	}
	for i := last + 1; i < len(seg) && last >= 0; i++ {
		if seg[i].start {
			tail = append(tail, seg[i:]...)
			seg = seg[:i]
			break
		}
	}
	var bands []*band
	for _, blk := range assignRows(len(seg), func(i int) (float64, bool, bool) {
		return seg[i].y, seg[i].anchor, seg[i].start
	}, size) {
		b := &band{y0: math.Inf(1), y1: math.Inf(-1)}
		for _, i := range blk {
			b.lines = append(b.lines, seg[i])
			b.y0, b.y1 = min(b.y0, seg[i].y), max(b.y1, seg[i].y)
		}
		bands = append(bands, b)
	}
	if len(tail) > 0 {
		bands = append(bands, &band{y0: tail[0].y, y1: tail[len(tail)-1].y, lines: tail})
	}
	return bands
}

// bandCells makes the regions of each row: chunks whose column ranges
// overlap (or touch) are one cell, and cells that grew into each other
// are merged.
func bandCells(bands []*band) []*region {
	var out []*region
	for bi, b := range bands {
		var cells []*region
		for _, rl := range b.lines {
			for _, rc := range rl.chunks {
				var hit *region
				for _, r := range cells {
					if rc.c0 < r.c1 && rc.c1+1 > r.c0 {
						hit = r
						break
					}
				}
				if hit == nil {
					hit = &region{r0: bi, r1: bi + 1, c0: rc.c0, c1: rc.c1 + 1}
					cells = append(cells, hit)
				}
				hit.c0, hit.c1 = min(hit.c0, rc.c0), max(hit.c1, rc.c1+1)
				hit.glyphs = append(hit.glyphs, rc.c.gs...)
			}
		}
		for merged := true; merged; {
			merged = false
			for i := 0; i < len(cells) && !merged; i++ {
				for j := i + 1; j < len(cells); j++ {
					a, c := cells[i], cells[j]
					if a.c0 < c.c1 && c.c0 < a.c1 {
						a.c0, a.c1 = min(a.c0, c.c0), max(a.c1, c.c1)
						a.glyphs = append(a.glyphs, c.glyphs...)
						cells = append(cells[:j], cells[j+1:]...)
						merged = true
						break
					}
				}
			}
		}
		out = append(out, cells...)
	}
	return out
}

// bandOf is the row nearest to baseline y.
func bandOf(bands []*band, y float64) int {
	best, bd := 0, math.Inf(1)
	for i, b := range bands {
		d := 0.0
		switch {
		case y < b.y0:
			d = b.y0 - y
		case y > b.y1:
			d = y - b.y1
		}
		if d < bd-0.01 {
			best, bd = i, d
		}
	}
	return best
}

// groupCells joins the fragments of each group column into group labels
// (a new block after a gap or at a group enumerator) spanning the rows of
// their fragments that no row cell (cells, on nc columns) takes already;
// a label with no free row joins the cell there. It returns the new
// regions.
func groupCells(groups [][]rchunk, bands []*band, cells []*region, nc int, size float64) []*region {
	occ := make([]*region, len(bands)*nc)
	for _, r := range cells {
		for y := r.r0; y < r.r1; y++ {
			for x := r.c0; x < r.c1; x++ {
				occ[y*nc+x] = r
			}
		}
	}
	var out []*region
	for col, frs := range groups {
		sort.SliceStable(frs, func(i, j int) bool { return frs[i].y < frs[j].y })
		var blk []rchunk
		emit := func() {
			if len(blk) == 0 {
				return
			}
			r0, r1 := bandOf(bands, blk[0].y), bandOf(bands, blk[len(blk)-1].y)+1
			if r1 <= r0 {
				r1 = r0 + 1
			}
			for r0 < r1 && occ[r0*nc+col] != nil {
				r0++
			}
			var g *region
			if r0 == r1 {
				g = occ[bandOf(bands, blk[0].y)*nc+col] // nowhere free: join that cell
			} else {
				end := r0
				for end < r1 && occ[end*nc+col] == nil {
					end++
				}
				g = &region{r0: r0, r1: end, c0: col, c1: col + 1}
				for r := r0; r < end; r++ {
					occ[r*nc+col] = g
				}
				out = append(out, g)
			}
			for _, f := range blk {
				g.glyphs = append(g.glyphs, f.c.gs...)
			}
			blk = nil
		}
		for _, f := range frs {
			if len(blk) > 0 {
				prev := blk[len(blk)-1]
				if f.y-prev.y > groupGap*size || groupStartRE.MatchString(f.c.text) {
					emit()
				}
			}
			blk = append(blk, f)
		}
		emit()
	}
	return out
}

// rowBounds are the row boundaries: a font size above each row's first
// baseline, and below the last row.
func rowBounds(bands []*band, size float64) []float64 {
	ys := make([]float64, len(bands)+1)
	for i, b := range bands {
		ys[i] = b.y0 - rowTopPad*size
	}
	ys[len(bands)] = bands[len(bands)-1].y1 + rowBottomPad*size
	return ys
}

// startRE matches the start of an enumerated row label.
var startRE = zhtext.EnumeratorRe

// groupStartRE matches the first fragment of a wrapped group label.
var groupStartRE = zhtext.GroupStartRe

// assignRows gives n label lines (sorted by y) to the anchors among them:
// every anchor line is one row, and the other lines join one row each, so
// that the rows' lines are contiguous, each row's lines are centred on its
// anchor and an enumerated label starts a row. Lines before the first
// anchor go to it. It returns the rows as lists of line indexes.
func assignRows(n int, at func(int) (y float64, anchor, start bool), size float64) [][]int {
	var anchors []int
	for i := range n {
		if _, a, _ := at(i); a {
			anchors = append(anchors, i)
		}
	}
	if n == 0 {
		return nil
	}
	if len(anchors) == 0 {
		// no numbers: each line a row
		var out [][]int
		for i := range n {
			out = append(out, []int{i})
		}
		return out
	}
	m := len(anchors)
	penalty := 3 * size
	cost := func(j, s, e int) float64 { // lines s..e-1 for anchor j
		a := anchors[j]
		if a < s || a >= e {
			return math.Inf(1)
		}
		ys, _, _ := at(s)
		ye, _, _ := at(e - 1)
		ya, _, _ := at(a)
		c := math.Abs((ys+ye)/2 - ya)
		for k := s + 1; k < e; k++ {
			if _, anc, st := at(k); st && !anc {
				c += penalty
			}
		}
		if _, _, st := at(s); !st && s > 0 {
			c += penalty / 3
		}
		return c
	}
	inf := math.Inf(1)
	f := make([][]float64, m+1)
	from := make([][]int, m+1)
	for j := range f {
		f[j] = make([]float64, n+1)
		from[j] = make([]int, n+1)
		for i := range f[j] {
			f[j][i] = inf
		}
	}
	f[0][0] = 0
	for j := 1; j <= m; j++ {
		for e := 1; e <= n; e++ {
			for s := 0; s < e; s++ {
				if f[j-1][s] == inf {
					continue
				}
				if v := f[j-1][s] + cost(j-1, s, e); v < f[j][e] {
					f[j][e], from[j][e] = v, s
				}
			}
		}
	}
	if f[m][n] == inf {
		var out [][]int
		for i := range n {
			out = append(out, []int{i})
		}
		return out
	}
	out := make([][]int, m)
	e := n
	for j := m; j >= 1; j-- {
		s := from[j][e]
		for k := s; k < e; k++ {
			out[j-1] = append(out[j-1], k)
		}
		e = s
	}
	return out
}

// labelSeps finds the boundaries of the label columns between x0 and
// valueLeft: x positions where many lines with several label chunks have a
// gap and few have ink (a label spanning columns crosses them).
func labelSeps(lines []*tline, x0, valueLeft, size float64) []float64 {
	const step = 0.5
	n := int((valueLeft - x0) / step)
	if n <= 2 || n > 20000 {
		return nil
	}
	gap := make([]int, n)
	ink := make([]int, n)
	idx := func(x float64) int { return max(0, min(n, int((x-x0)/step))) }
	for _, l := range lines {
		var lab []pchunk
		for _, c := range l.chunks {
			if !c.num && c.x1 <= valueLeft+0.5*size {
				lab = append(lab, c)
			}
		}
		if len(lab) < 2 {
			continue
		}
		for i, c := range lab {
			for k := idx(c.x0); k < idx(c.x1); k++ {
				ink[k]++
			}
			if i > 0 {
				for k := idx(lab[i-1].x1); k < idx(c.x0); k++ {
					gap[k]++
				}
			}
		}
	}
	var seps []float64
	margin := idx(x0 + 0.5*size)
	// a separator: a gap in two lines where at most half as many have ink,
	// or a gap of at least 1 em in one line where none has ink
	cand := func(k int) bool { return gap[k] >= 2 && gap[k] >= 2*ink[k] || gap[k] >= 1 && ink[k] == 0 }
	wide := int(size / step)
	for k := margin; k < n-margin; {
		if !cand(k) {
			k++
			continue
		}
		// a run of candidate positions: take the middle of the best ones
		best, bs, be := -1<<30, k, k
		j := k
		strong := false
		for ; j < n-margin && cand(j); j++ {
			if gap[j] >= 2 {
				strong = true
			}
			s := gap[j] - ink[j]
			if s > best {
				best, bs, be = s, j, j
			} else if s == best && be == j-1 {
				be = j
			}
		}
		if strong || j-k >= wide {
			seps = append(seps, x0+float64(bs+be+1)/2*step)
		}
		k = j
	}
	return append(seps, edgeSeps(lines, x0, valueLeft, size, seps)...)
}

// edgeSeps finds label column boundaries that labelSeps misses when a
// narrow group column has its wrapped fragments on lines of their own: a
// left edge where at least three label chunks start (the cells of the
// column on its right), with at least two chunks that end before it and
// start after the previous boundary (the column on its left), and fewer
// chunks crossing it (labels spanning both columns). Centred labels of one
// column start together too, but nothing of their own column lies wholly
// left of them.
func edgeSeps(lines []*tline, x0, valueLeft, size float64, seps []float64) []float64 {
	var lab []pchunk
	for _, l := range lines {
		for _, c := range l.chunks {
			if !c.num && c.x1 <= valueLeft+0.5*size {
				lab = append(lab, c)
			}
		}
	}
	var edges []float64
	for _, c := range lab {
		edges = append(edges, c.x0)
	}
	sort.Float64s(edges)
	var out []float64
	for i := 0; i < len(edges); {
		j := i
		for j < len(edges) && edges[j]-edges[i] <= 0.5 {
			j++
		}
		e, starts := edges[i], j-i
		i = j
		if starts < 3 || e < x0+size {
			continue
		}
		prev := x0
		near := false
		for _, s := range append(seps, out...) {
			if s <= e {
				prev = max(prev, s)
			}
			if math.Abs(s-e) < 1.5*size {
				near = true
			}
		}
		if near {
			continue
		}
		before, crossing := 0, 0
		end := math.Inf(-1)
		for _, c := range lab {
			switch {
			case c.x0 > prev && c.x1 <= e-subGap*size:
				before++
				end = max(end, c.x1)
			case c.x0 < e-0.5 && c.x1 > e+0.5:
				crossing++
			}
		}
		if before >= 2 && crossing < starts+before {
			out = append(out, (end+e)/2)
		}
	}
	return out
}
