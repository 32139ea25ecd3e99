package pdf

import (
	"math"
	"sort"
)

// This file rebuilds tables from ruling lines: the cells of a table are the
// rectangles of the line grid, and two neighbouring grid cells with no rule
// between them belong to one merged cell (a rowspan or colspan).

// hline and vline are merged ruling lines.
type hline struct{ y, x0, x1 float64 }
type vline struct{ x, y0, y1 float64 }

// region is a cell of a table part: grid rows r0..r1 and columns c0..c1
// (ends exclusive) and the glyphs inside it.
type region struct {
	r0, c0, r1, c1 int
	glyphs         []glyph
	text           string
	page           int
	line           int // line within the page of its first glyph (0 if empty)
	top            float64
}

// tpart is a table (or the part of one on a page) as a grid of regions.
type tpart struct {
	page    int
	xs, ys  []float64 // column and row boundaries
	cells   []*region
	topOpen []bool // per column: no rule on the top edge (continues from above)
	x0, x1  float64
	y0, y1  float64
	// position tables (no rules)
	pos    bool
	weak   bool      // one data row: a table only if it continues one
	vcols  []float64 // centres of the value columns
	at     []*region // region per grid cell (assign)
	lines  [][]glyph // the text lines, for a weak part that stays text
	plines []*pline  // the same as paragraph lines
}

const (
	lineTol    = 2.0 // points: rules closer than this are one rule
	minRuleLen = 3.0
)

// ruledTables finds the tables drawn by the ruling lines of a page.
func ruledTables(segs []seg) []*tpart {
	var hs []hline
	var vs []vline
	for _, s := range segs {
		dx, dy := math.Abs(s.x1-s.x0), math.Abs(s.y1-s.y0)
		switch {
		case dy < 1 && dx >= minRuleLen:
			hs = append(hs, hline{(s.y0 + s.y1) / 2, min(s.x0, s.x1), max(s.x0, s.x1)})
		case dx < 1 && dy >= minRuleLen:
			vs = append(vs, vline{(s.x0 + s.x1) / 2, min(s.y0, s.y1), max(s.y0, s.y1)})
		}
	}
	hs = mergeH(hs)
	vs = mergeV(vs)
	if len(hs) == 0 || len(vs) < 2 {
		return nil
	}
	// Connected components of crossing or touching rules.
	n := len(hs) + len(vs)
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	union := func(a, b int) { parent[find(a)] = find(b) }
	sort.Slice(vs, func(i, j int) bool { return vs[i].x < vs[j].x })
	for i, h := range hs {
		// vertical rules sorted by x: binary search the x range
		lo := sort.Search(len(vs), func(k int) bool { return vs[k].x >= h.x0-lineTol })
		for k := lo; k < len(vs) && vs[k].x <= h.x1+lineTol; k++ {
			v := vs[k]
			if h.y >= v.y0-lineTol && h.y <= v.y1+lineTol {
				union(i, len(hs)+k)
			}
		}
	}
	comps := map[int][]int{}
	var order []int
	for i := 0; i < n; i++ {
		r := find(i)
		if _, ok := comps[r]; !ok {
			order = append(order, r)
		}
		comps[r] = append(comps[r], i)
	}
	var out []*tpart
	for _, r := range order {
		var ch []hline
		var cv []vline
		for _, i := range comps[r] {
			if i < len(hs) {
				ch = append(ch, hs[i])
			} else {
				cv = append(cv, vs[i-len(hs)])
			}
		}
		if t := gridOf(ch, cv); t != nil {
			out = append(out, t)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].y0 < out[j].y0 })
	return out
}

func mergeH(hs []hline) []hline {
	sort.Slice(hs, func(i, j int) bool {
		if math.Abs(hs[i].y-hs[j].y) > 0.5 {
			return hs[i].y < hs[j].y
		}
		return hs[i].x0 < hs[j].x0
	})
	var out []hline
	for _, h := range hs {
		merged := false
		for k := len(out) - 1; k >= 0 && math.Abs(out[k].y-h.y) <= 0.5+lineTol/2; k-- {
			o := &out[k]
			if h.x0 <= o.x1+lineTol && h.x1 >= o.x0-lineTol {
				o.x0, o.x1 = min(o.x0, h.x0), max(o.x1, h.x1)
				merged = true
				break
			}
		}
		if !merged {
			out = append(out, h)
		}
	}
	return out
}

func mergeV(vs []vline) []vline {
	sort.Slice(vs, func(i, j int) bool {
		if math.Abs(vs[i].x-vs[j].x) > 0.5 {
			return vs[i].x < vs[j].x
		}
		return vs[i].y0 < vs[j].y0
	})
	var out []vline
	for _, v := range vs {
		merged := false
		for k := len(out) - 1; k >= 0 && math.Abs(out[k].x-v.x) <= 0.5+lineTol/2; k-- {
			o := &out[k]
			if v.y0 <= o.y1+lineTol && v.y1 >= o.y0-lineTol {
				o.y0, o.y1 = min(o.y0, v.y0), max(o.y1, v.y1)
				merged = true
				break
			}
		}
		if !merged {
			out = append(out, v)
		}
	}
	return out
}

// cluster returns the distinct values of vals, merging those within tol.
func cluster(vals []float64, tol float64) []float64 {
	sort.Float64s(vals)
	var out []float64
	var sum float64
	var cnt int
	for i, v := range vals {
		if i > 0 && v-vals[i-1] > tol {
			out = append(out, sum/float64(cnt))
			sum, cnt = 0, 0
		}
		sum += v
		cnt++
	}
	if cnt > 0 {
		out = append(out, sum/float64(cnt))
	}
	return out
}

func nearest(bs []float64, v float64) int {
	best, bd := 0, math.Inf(1)
	for i, b := range bs {
		if d := math.Abs(b - v); d < bd {
			best, bd = i, d
		}
	}
	return best
}

// gridOf builds the cell grid of one connected set of rules.
func gridOf(hs []hline, vs []vline) *tpart {
	if len(vs) < 2 || len(hs) < 1 {
		return nil
	}
	var xv, yv []float64
	minVY, maxVY := math.Inf(1), math.Inf(-1)
	minHX, maxHX := math.Inf(1), math.Inf(-1)
	for _, v := range vs {
		xv = append(xv, v.x)
		minVY, maxVY = min(minVY, v.y0), max(maxVY, v.y1)
	}
	for _, h := range hs {
		yv = append(yv, h.y)
		minHX, maxHX = min(minHX, h.x0), max(maxHX, h.x1)
	}
	xs := cluster(xv, lineTol)
	ys := cluster(yv, lineTol)
	if minHX < xs[0]-3 {
		xs = append([]float64{minHX}, xs...)
	}
	if maxHX > xs[len(xs)-1]+3 {
		xs = append(xs, maxHX)
	}
	syntheticTop := false
	if minVY < ys[0]-3 {
		ys = append([]float64{minVY}, ys...)
		syntheticTop = true
	}
	if maxVY > ys[len(ys)-1]+3 {
		ys = append(ys, maxVY)
	}
	nr, nc := len(ys)-1, len(xs)-1
	if nr < 1 || nc < 1 || nr*nc > 100_000 {
		return nil
	}
	// rules indexed by boundary
	hAt := make([][]hline, len(ys))
	for _, h := range hs {
		i := nearest(ys, h.y)
		hAt[i] = append(hAt[i], h)
	}
	vAt := make([][]vline, len(xs))
	for _, v := range vs {
		i := nearest(xs, v.x)
		vAt[i] = append(vAt[i], v)
	}
	hasH := func(i int, x float64) bool {
		for _, h := range hAt[i] {
			if x >= h.x0-lineTol && x <= h.x1+lineTol {
				return true
			}
		}
		return false
	}
	hasV := func(i int, y float64) bool {
		for _, v := range vAt[i] {
			if y >= v.y0-lineTol && y <= v.y1+lineTol {
				return true
			}
		}
		return false
	}
	parent := make([]int, nr*nc)
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for r := 0; r < nr; r++ {
		ym := (ys[r] + ys[r+1]) / 2
		for c := 0; c < nc; c++ {
			xm := (xs[c] + xs[c+1]) / 2
			if c+1 < nc && !hasV(c+1, ym) {
				parent[find(r*nc+c)] = find(r*nc + c + 1)
			}
			if r+1 < nr && !hasH(r+1, xm) {
				parent[find(r*nc+c)] = find((r+1)*nc + c)
			}
		}
	}
	t := &tpart{xs: xs, ys: ys, x0: xs[0], x1: xs[nc], y0: ys[0], y1: ys[nr]}
	t.topOpen = make([]bool, nc)
	for c := 0; c < nc; c++ {
		t.topOpen[c] = syntheticTop || !hasH(0, (xs[c]+xs[c+1])/2)
	}
	bounds := map[int]*region{}
	var roots []int
	for r := 0; r < nr; r++ {
		for c := 0; c < nc; c++ {
			k := find(r*nc + c)
			g := bounds[k]
			if g == nil {
				g = &region{r0: r, c0: c, r1: r + 1, c1: c + 1}
				bounds[k] = g
				roots = append(roots, k)
				continue
			}
			g.r0, g.c0 = min(g.r0, r), min(g.c0, c)
			g.r1, g.c1 = max(g.r1, r+1), max(g.c1, c+1)
		}
	}
	for _, k := range roots {
		t.cells = append(t.cells, bounds[k])
	}
	t.cells = tile(t.cells, nr, nc)
	return t
}

// tile makes the regions a tiling of the grid: overlapping regions (from
// non-rectangular merges) are cut to their own top-left cell and holes are
// filled with empty cells.
func tile(cells []*region, nr, nc int) []*region {
	occ := make([]bool, nr*nc)
	var out []*region
	sort.SliceStable(cells, func(i, j int) bool {
		if cells[i].r0 != cells[j].r0 {
			return cells[i].r0 < cells[j].r0
		}
		return cells[i].c0 < cells[j].c0
	})
	for _, g := range cells {
		free := true
		for r := g.r0; r < g.r1 && free; r++ {
			for c := g.c0; c < g.c1; c++ {
				if occ[r*nc+c] {
					free = false
					break
				}
			}
		}
		if !free {
			if occ[g.r0*nc+g.c0] {
				continue
			}
			g.r1, g.c1 = g.r0+1, g.c0+1
		}
		for r := g.r0; r < g.r1; r++ {
			for c := g.c0; c < g.c1; c++ {
				occ[r*nc+c] = true
			}
		}
		out = append(out, g)
	}
	for r := 0; r < nr; r++ {
		for c := 0; c < nc; c++ {
			if !occ[r*nc+c] {
				occ[r*nc+c] = true
				out = append(out, &region{r0: r, c0: c, r1: r + 1, c1: c + 1})
			}
		}
	}
	return out
}

// contains reports whether a point lies inside the part.
func (t *tpart) contains(x, y float64) bool {
	return x >= t.x0-1 && x <= t.x1+1 && y >= t.y0-1 && y <= t.y1+1
}

// assign puts a glyph into the region under its centre.
func (t *tpart) assign(g glyph) bool {
	cx, cy := g.x+g.w/2, g.y-g.size*0.35
	if !t.contains(cx, cy) {
		return false
	}
	c := sort.SearchFloat64s(t.xs, cx) - 1
	r := sort.SearchFloat64s(t.ys, cy) - 1
	c = max(0, min(c, len(t.xs)-2))
	r = max(0, min(r, len(t.ys)-2))
	nc := len(t.xs) - 1
	if t.at == nil {
		// the region over each grid cell, made once
		t.at = make([]*region, (len(t.ys)-1)*nc)
		for _, g2 := range t.cells {
			for y := g2.r0; y < g2.r1; y++ {
				for x := g2.c0; x < g2.c1; x++ {
					if i := y*nc + x; i >= 0 && i < len(t.at) && t.at[i] == nil {
						t.at[i] = g2
					}
				}
			}
		}
	}
	if g2 := t.at[r*nc+c]; g2 != nil {
		g2.glyphs = append(g2.glyphs, g)
		return true
	}
	return false
}
