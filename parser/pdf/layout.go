package pdf

import (
	"cmp"
	"math"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/reportlint/reportlint/parser"
	"github.com/reportlint/reportlint/parser/zhtext"
)

// pline is one text line of a page outside tables.
type pline struct {
	page         int
	no           int // line number within the page
	glyphs       []glyph
	x0, x1, base float64
	size         float64
	text         string
	bold         bool
	firstW       float64 // width of the first word (what could not fit above)
}

// pitem is a paragraph line or a table part of a page, in reading order.
type pitem struct {
	top    float64
	line   *pline
	table  *tpart
	tagged *parser.Table // a table from the structure tree
	image  *parser.Image // a large picture
}

// pageLayout is one page after layout.
type pageLayout struct {
	n      int
	items  []pitem
	bases  []float64 // baselines of all text lines of the page (for line numbers)
	width  float64
	height float64
	left   float64 // left margin of body text
	right  float64 // right edge of full body lines
	pitch  float64 // usual distance between the baselines of body lines
}

// lineOf is the 1-based line number of the text line nearest to baseline y.
func (p *pageLayout) lineOf(y float64) int {
	if len(p.bases) == 0 {
		return 1
	}
	i := sort.SearchFloat64s(p.bases, y)
	switch {
	case i >= len(p.bases):
		return len(p.bases)
	case i > 0 && y-p.bases[i-1] < p.bases[i]-y:
		return i
	}
	return i + 1
}

// lineBelow is the first line whose baseline lies below y.
func (p *pageLayout) lineBelow(y float64) int {
	i := sort.SearchFloat64s(p.bases, y)
	return max(1, min(i+1, len(p.bases)))
}

// isCJK reports whether r is a Chinese character or full-width punctuation,
// which are written without spaces between them.
func isCJK(r rune) bool {
	return r >= 0x2E80 || unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF) || r == '“' || r == '”' || r == '‘' || r == '’' || r == '—' || r == '…' || r == '·'
}

func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}

func lastRune(s string) rune {
	var l rune
	for _, r := range s {
		l = r
	}
	return l
}

// needSpace says whether a gap between two runs of text is a word space:
// only between two non-CJK characters.
func needSpace(a, b rune) bool {
	if a == 0 || b == 0 || unicode.IsSpace(a) || unicode.IsSpace(b) {
		return false
	}
	return !isCJK(a) && !isCJK(b)
}

// lineText joins the glyphs of one line (sorted by x).
func lineText(gs []glyph) string {
	var b strings.Builder
	var prev *glyph
	for i := range gs {
		g := &gs[i]
		if prev != nil {
			gap := g.x - (prev.x + prev.w)
			if gap > 0.25*max(g.size, prev.size) && needSpace(lastRune(prev.s), firstRune(g.s)) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(g.s)
		prev = g
	}
	return b.String()
}

// dedupe drops glyphs drawn twice at (almost) the same place, which some
// producers do for bold text. gs must be sorted by x within a line.
func dedupe(gs []glyph) []glyph {
	out := gs[:0]
	for _, g := range gs {
		if n := len(out); n > 0 {
			p := out[n-1]
			if p.s == g.s && math.Abs(p.x-g.x) < 0.3*g.size && math.Abs(p.y-g.y) < 0.3*g.size {
				continue
			}
		}
		out = append(out, g)
	}
	return out
}

// groupLines clusters glyphs into lines by baseline and sorts each by x.
func groupLines(gs []glyph) [][]glyph {
	if len(gs) == 0 {
		return nil
	}
	slices.SortStableFunc(gs, func(a, b glyph) int { return cmp.Compare(a.y, b.y) })
	var lines [][]glyph
	start := 0
	for i := 1; i <= len(gs); i++ {
		if i == len(gs) || gs[i].y-gs[start].y > 0.45*max(gs[start].size, 1) {
			l := gs[start:i]
			slices.SortStableFunc(l, func(a, b glyph) int { return cmp.Compare(a.x, b.x) })
			lines = append(lines, dedupe(l))
			start = i
		}
	}
	return lines
}

// cellText joins the lines of a cell: no separator where the text is
// Chinese (wrapped labels), a space between Latin words or numbers.
func cellText(gs []glyph) string {
	var b strings.Builder
	for _, l := range groupLines(gs) {
		t := strings.TrimSpace(lineText(l))
		if t == "" {
			continue
		}
		if b.Len() > 0 {
			prev := b.String()
			if needSpace(lastRune(prev), firstRune(t)) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(t)
	}
	return b.String()
}

func baseline(ls []glyph) float64 {
	s := 0.0
	for _, g := range ls {
		s += g.y
	}
	return s / float64(len(ls))
}

// pageNumRE matches header and footer page numbers: "-1-", "— 2 —",
// "第3页", "第 3 页 共 5 页", "3/5", "3".
var pageNumRE = regexp.MustCompile(`^[-－—–\s]*(第\s*)?[0-9０-９]{1,4}(\s*页)?(\s*[/／]\s*[0-9]{1,4}|\s*共\s*[0-9]{1,4}\s*页)?[-－—–\s]*$|^[-－—–\s]*[ivxlcIVXLC]{1,6}[-－—–\s]*$`)

// layoutPage turns a page's glyphs and rules into lines and table parts.
func layoutPage(n int, pc *pageContent, skip map[int]bool, bases []float64) *pageLayout {
	pl := &pageLayout{n: n, width: pc.width, height: pc.height, bases: bases}
	all := visibleGlyphs(pc)
	if pl.bases == nil {
		pl.bases = pageBases(pc)
	}
	flow := make([]glyph, 0, len(all)) // sized once: most glyphs are flow text
	var parts []*tpart
	for _, t := range ruledTables(pc.segs) {
		if len(t.xs) < 3 || len(t.ys) < 2 {
			continue // a frame or a box around text, not a table
		}
		parts = append(parts, t)
	}
	if len(skip) > 0 {
		// glyphs of tagged tables: the rules around them are no second table
		kept := parts[:0]
		for _, t := range parts {
			tagged := false
			for _, g := range all {
				if g.mcid >= 0 && skip[g.mcid] && t.contains(g.x+g.w/2, g.y-g.size*0.35) {
					tagged = true
					break
				}
			}
			if !tagged {
				kept = append(kept, t)
			}
		}
		parts = kept
	}
next:
	for _, g := range all {
		if g.artifact || (g.mcid >= 0 && skip[g.mcid]) {
			continue
		}
		for _, t := range parts {
			if t.assign(g) {
				continue next
			}
		}
		flow = append(flow, g)
	}
	for _, t := range parts {
		pl.addPart(t)
	}
	// text lines; page numbers in the top and bottom margins dropped
	var glines [][]glyph
	for _, l := range groupLines(flow) {
		text := strings.TrimSpace(lineText(l))
		if text == "" {
			continue
		}
		b := baseline(l)
		inMargin := b < pc.height*0.1 || b > pc.height*0.88
		if inMargin && pageNumRE.MatchString(text) {
			continue
		}
		glines = append(glines, l)
	}
	// tables drawn without rules
	if hasAnchor(glines) {
		left, right := math.Inf(1), math.Inf(-1)
		for _, l := range glines {
			if len(l) >= 8 {
				left, right = min(left, l[0].x), max(right, l[len(l)-1].x+l[len(l)-1].w)
			}
		}
		var pparts []*tpart
		pparts, glines = posTables(glines, left, right)
		for _, t := range pparts {
			for _, l := range t.lines {
				t.plines = append(t.plines, pl.makeLine(n, l))
			}
			pl.addPart(t)
		}
	}
	var lines []*pline
	for _, l := range glines {
		lines = append(lines, pl.makeLine(n, l))
	}
	pl.left, pl.right = margins(lines)
	pl.pitch = pitch(lines)
	for _, l := range lines {
		pl.items = append(pl.items, pitem{top: l.base - l.size, line: l})
	}
	for _, im := range largePictures(pc) {
		pl.items = append(pl.items, pitem{top: im.y0, image: &parser.Image{Src: im.name,
			Width: im.x1 - im.x0, Height: im.y1 - im.y0, Loc: parser.Loc{Page: n, Line: pl.lineBelow(im.y0)}}})
	}
	sort.SliceStable(pl.items, func(i, j int) bool { return pl.items[i].top < pl.items[j].top })
	return pl
}

const (
	// minPictureShare: a picture covering more than this share of the
	// page area is reported as an Image block (a table or a page pasted
	// as a picture); smaller ones are logos, seals and signatures.
	minPictureShare = 0.25
	// wide pictures: at least this share of the page width and this many
	// points high (a table row band pasted as a picture)
	minWideShare  = 0.6
	minWideHeight = 60.0
)

// largePictures are the pictures of a page big enough to hold a table,
// clipped to the page, in reading order.
func largePictures(pc *pageContent) []picture {
	var out []picture
	area := pc.width * pc.height
	for _, p := range pc.pics {
		p.x0, p.x1 = max(p.x0, 0), min(p.x1, pc.width)
		p.y0, p.y1 = max(p.y0, 0), min(p.y1, pc.height)
		w, h := p.x1-p.x0, p.y1-p.y0
		if w <= 0 || h <= 0 {
			continue
		}
		if w*h > minPictureShare*area || (w >= minWideShare*pc.width && h >= minWideHeight) {
			out = append(out, p)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].y0 < out[j].y0 })
	return out
}

// visibleGlyphs are the glyphs of a page that show something.
func visibleGlyphs(pc *pageContent) []glyph {
	all := make([]glyph, 0, len(pc.glyphs)) // sized once, not grown
	for _, g := range pc.glyphs {
		if strings.TrimSpace(g.s) == "" || g.size <= 0 {
			continue
		}
		all = append(all, g)
	}
	return all
}

// pageBases are the baselines of every text line of a page, tables
// included (line numbers count them all). Lines are grouped as groupLines
// does, from the glyphs' baselines and sizes alone.
func pageBases(pc *pageContent) []float64 {
	type ys struct{ y, size float64 }
	v := make([]ys, 0, len(pc.glyphs))
	for _, g := range pc.glyphs {
		if g.size > 0 && strings.TrimSpace(g.s) != "" {
			v = append(v, ys{g.y, g.size})
		}
	}
	slices.SortStableFunc(v, func(a, b ys) int { return cmp.Compare(a.y, b.y) })
	var bases []float64
	start := 0
	sum := 0.0
	for i := 0; i <= len(v); i++ {
		if i == len(v) || v[i].y-v[start].y > 0.45*max(v[start].size, 1) {
			if i > start {
				bases = append(bases, sum/float64(i-start))
			}
			if i == len(v) {
				break
			}
			start, sum = i, 0
		}
		sum += v[i].y
	}
	return bases
}

// addPart fills in the texts and places of a table part's cells and adds it
// to the page's items.
func (pl *pageLayout) addPart(t *tpart) {
	n := pl.n
	t.page = n
	empty := true
	for _, r := range t.cells {
		if len(r.glyphs) > 0 {
			empty = false
			break
		}
	}
	if empty {
		// a grid without any text: a decoration, or the empty rest of a
		// table drawn at the top of the next page (LibreOffice, tagged)
		return
	}
	for _, r := range t.cells {
		r.page = n
		r.text = cellText(r.glyphs)
		r.top = t.ys[r.r0]
		if len(r.glyphs) > 0 {
			r.line = pl.lineOf(r.glyphs[0].y)
		} else {
			r.line = pl.lineBelow(t.ys[r.r0])
		}
	}
	pl.items = append(pl.items, pitem{top: t.y0, table: t})
}

// makeLine makes a paragraph line of glyphs sorted by x.
func (pl *pageLayout) makeLine(n int, l []glyph) *pline {
	text := strings.TrimSpace(lineText(l))
	b := baseline(l)
	size := 0.0
	bold := 0
	for _, g := range l {
		size = max(size, g.size)
		if g.bold {
			bold++
		}
	}
	last := l[len(l)-1]
	return &pline{page: n, no: pl.lineOf(b), glyphs: l, x0: l[0].x, x1: last.x + last.w, base: b, size: size, text: text,
		bold: bold*2 > len(l), firstW: firstWord(l)}
}

// hasAnchor reports whether some line could be a data row of a table
// without rules (a quick test before the full search).
func hasAnchor(lines [][]glyph) bool {
	for _, l := range lines {
		for i := 1; i < len(l); i++ {
			p := l[i-1]
			if l[i].x-(p.x+p.w) >= chunkGap*max(p.size, l[i].size) && l[i].s >= "0" && l[i].s <= "9" {
				return true
			}
		}
	}
	return false
}

// firstWord is the width of a line's first word: a run of Latin letters
// and digits, or one CJK character (plus a closing punctuation mark, which
// may not start a line).
func firstWord(l []glyph) float64 {
	if len(l) == 0 {
		return 0
	}
	end := l[0].x + l[0].w
	for i := 1; i < len(l); i++ {
		a, b := lastRune(l[i-1].s), firstRune(l[i].s)
		if needSpace(a, b) && l[i].x-end < 0.25*l[i].size || strings.ContainsRune("，。、；：？！）》”’", b) {
			end = l[i].x + l[i].w
			continue
		}
		break
	}
	return end - l[0].x
}

// pitch is the most common baseline distance between consecutive lines.
func pitch(lines []*pline) float64 {
	count := map[int]int{}
	best, bestN := 0, 0
	for i := 1; i < len(lines); i++ {
		a, b := lines[i-1], lines[i]
		d := b.base - a.base
		if math.Abs(a.size-b.size) > 0.6 || d <= 0 || d > 3*b.size {
			continue
		}
		k := int(math.Round(d * 2))
		count[k]++
		if count[k] > bestN || (count[k] == bestN && k < best) {
			best, bestN = k, count[k]
		}
	}
	return float64(best) / 2
}

// margins estimates the left edge of body text and the right edge of full
// lines.
func margins(lines []*pline) (left, right float64) {
	var xs0, xs1 []float64
	for _, l := range lines {
		if len(l.glyphs) >= 8 {
			xs0 = append(xs0, l.x0)
			xs1 = append(xs1, l.x1)
		}
	}
	if len(xs0) == 0 {
		for _, l := range lines {
			xs0 = append(xs0, l.x0)
			xs1 = append(xs1, l.x1)
		}
	}
	if len(xs0) == 0 {
		return 0, 0
	}
	sort.Float64s(xs0)
	sort.Float64s(xs1)
	return xs0[0], xs1[len(xs1)-1]
}

// buildDocument lays out every page and writes the blocks in reading order:
// wrapped lines joined into paragraphs, table parts over page breaks joined.
func buildDocument(doc *parser.Document, pages []*pageContent, tts []*tagTable) {
	var tagged []*taggedTable
	var used map[int]map[int]bool
	bases := map[int][]float64{}
	if len(tts) > 0 {
		stubs := map[int]*pageLayout{}
		for i, pc := range pages {
			if pc != nil {
				bases[i+1] = pageBases(pc)
				stubs[i+1] = &pageLayout{n: i + 1, bases: bases[i+1]}
			}
		}
		tagged, used = buildTagged(tts, pages, stubs)
	}
	var layouts []*pageLayout
	byPage := map[int]*pageLayout{}
	for i, pc := range pages {
		if pc == nil {
			continue
		}
		pl := layoutPage(i+1, pc, used[i+1], bases[i+1])
		layouts = append(layouts, pl)
		byPage[i+1] = pl
	}
	for _, t := range tagged {
		if pl := byPage[t.page]; pl != nil {
			pl.items = append(pl.items, pitem{top: t.top, tagged: t.table})
			sort.SliceStable(pl.items, func(i, j int) bool { return pl.items[i].top < pl.items[j].top })
		}
	}
	var blocks []any // *paraAcc or *tableAcc
	var para *paraAcc
	var lastTable *tableAcc
	for pi, pl := range layouts {
		addLine := func(l *pline) {
			if lastTable != nil && lastTable.page == pl.n {
				lastTable.lastOnPage = false
			}
			if para != nil && para.continues(l, pl, layouts, pi) {
				para.add(l, pl)
				return
			}
			para = &paraAcc{}
			para.add(l, pl)
			blocks = append(blocks, para)
		}
		for ii, it := range pl.items {
			if it.image != nil {
				para = nil
				if lastTable != nil && lastTable.page == pl.n {
					lastTable.lastOnPage = false
				}
				blocks = append(blocks, it.image)
				continue
			}
			if it.tagged != nil {
				para, lastTable = nil, nil
				blocks = append(blocks, it.tagged)
				continue
			}
			if it.table == nil {
				addLine(it.line)
				continue
			}
			first := ii == 0
			joins := first && lastTable != nil && lastTable.lastOnPage && lastTable.page == pl.n-1 && lastTable.canJoin(it.table)
			if it.table.weak && !joins {
				// one data row that continues no table: text after all
				for _, l := range it.table.plines {
					addLine(l)
				}
				continue
			}
			para = nil
			if joins {
				lastTable.join(it.table)
			} else {
				lastTable = &tableAcc{tpart: it.table}
				blocks = append(blocks, lastTable)
			}
			lastTable.page = pl.n
			lastTable.lastOnPage = ii == len(pl.items)-1
		}
		if lastTable != nil && lastTable.page != pl.n {
			lastTable.lastOnPage = false
		}
	}
	ord := 0
	for _, b := range blocks {
		switch b := b.(type) {
		case *paraAcc:
			doc.Blocks = append(doc.Blocks, parser.Block{Para: &parser.Paragraph{Text: b.text.String(), Loc: b.loc}})
		case *parser.Image:
			doc.Blocks = append(doc.Blocks, parser.Block{Image: b})
		case *parser.Table:
			ord++
			b.Ord = ord
			doc.Blocks = append(doc.Blocks, parser.Block{Table: b})
		case *tableAcc:
			ord++
			t := b.toTable()
			t.Ord = ord
			doc.Blocks = append(doc.Blocks, parser.Block{Table: t})
		}
	}
}

// paraAcc accumulates the lines of one paragraph.
type paraAcc struct {
	text  strings.Builder
	loc   parser.Loc
	last  *pline
	lastL *pageLayout
}

func (p *paraAcc) add(l *pline, pl *pageLayout) {
	if p.last == nil {
		p.loc = parser.Loc{Page: l.page, Line: l.no}
	} else if needSpace(lastRune(p.text.String()), firstRune(l.text)) {
		p.text.WriteByte(' ')
	}
	p.text.WriteString(l.text)
	p.last, p.lastL = l, pl
}

// continues says whether line l (on layout pl) carries on the paragraph:
// the previous line was full to the right margin, l is not indented, the
// same size, and close below (or first on the next page).
func (p *paraAcc) continues(l *pline, pl *pageLayout, layouts []*pageLayout, pi int) bool {
	prev := p.last
	if math.Abs(prev.size-l.size) > 0.6 || prev.bold != l.bold {
		return false
	}
	pp := p.lastL
	if pp.right-pp.left < 100 {
		return false
	}
	// a new enumerated item after a finished sentence starts a paragraph
	if enumRE.MatchString(l.text) && strings.ContainsRune("。！？；：", lastRune(prev.text)) {
		return false
	}
	// full: the next line's first word would not have fitted
	if prev.x1+l.firstW+1.2*prev.size < pp.right {
		return false
	}
	if l.x0 > pl.left+0.8*l.size || math.Abs(prev.x0-pp.left) > 3*prev.size {
		return false
	}
	if l.page == prev.page {
		gap := l.base - prev.base
		if pl.pitch > 0 {
			return gap > 0 && gap < pl.pitch+0.25*l.size
		}
		return gap > 0 && gap < 2.2*l.size
	}
	return l.page == prev.page+1
}

// tableAcc accumulates the parts of one table over pages.
type tableAcc struct {
	*tpart
	page       int
	lastOnPage bool
}

// canJoin says whether part b (first on its page) continues the table: the
// outer left and right edges line up.
// The part may lack leading columns whose cells span down from the previous
// page without a rule drawn beside them there (Chromium), so its left edge
// may also line up with an inner column boundary.
func (t *tableAcc) canJoin(b *tpart) bool {
	if t.pos != b.pos {
		return false
	}
	if t.pos {
		return t.snap(b)
	}
	if math.Abs(t.x1-b.x1) >= 4 {
		return false
	}
	if math.Abs(t.x0-b.x0) < 4 {
		return true
	}
	if b.x0 < t.x0 {
		return false
	}
	for _, x := range t.xs[1 : len(t.xs)-1] {
		if math.Abs(x-b.x0) < 4 {
			return true
		}
	}
	return false
}

// snap puts a position part onto the columns of the table when its value
// columns line up with the table's: each cell goes to the table's columns
// under its own columns' centres.
func (t *tableAcc) snap(b *tpart) bool {
	if len(b.vcols) > len(t.vcols) || len(b.xs) < 2 {
		return false
	}
	for _, v := range b.vcols {
		k := nearest(t.vcols, v)
		if math.Abs(t.vcols[k]-v) > 6 {
			return false
		}
	}
	col := func(x float64) int {
		c := sort.SearchFloat64s(t.xs, x) - 1
		return max(0, min(c, len(t.xs)-2))
	}
	for _, r := range b.cells {
		c0 := col((b.xs[r.c0] + b.xs[r.c0+1]) / 2)
		c1 := col((b.xs[r.c1-1]+b.xs[r.c1])/2) + 1
		r.c0, r.c1 = c0, max(c1, c0+1)
	}
	b.xs = append([]float64(nil), t.xs...)
	b.x0, b.x1 = t.x0, t.x1
	b.topOpen = make([]bool, len(t.xs)-1)
	b.cells = tile(b.cells, len(b.ys)-1, len(b.xs)-1)
	return true
}

// enumRE matches the start of an enumerated label: "（一）", "一、", "1.",
// "2、", "(3)".
var enumRE = zhtext.EnumeratorRe

// numRE matches a cell that holds a number.
var numRE = regexp.MustCompile(`^[-+−]?[0-9０-９][0-9０-９,，.．]*%?$`)

func isNumber(s string) bool { return numRE.MatchString(strings.TrimSpace(s)) }

// toTable converts the regions into rows of cells with spans.
func (t *tpart) toTable() *parser.Table {
	nr := len(t.ys) - 1
	rows := make([][]*region, nr)
	for _, r := range t.cells {
		if r.r0 >= 0 && r.r0 < nr {
			rows[r.r0] = append(rows[r.r0], r)
		}
	}
	tbl := &parser.Table{}
	for ri, rs := range rows {
		sort.Slice(rs, func(i, j int) bool { return rs[i].c0 < rs[j].c0 })
		row := parser.Row{}
		for _, r := range rs {
			loc := parser.Loc{Page: r.page, Line: r.line}
			row.Cells = append(row.Cells, parser.Cell{Text: r.text, Loc: loc, RowSpan: r.r1 - r.r0, ColSpan: r.c1 - r.c0})
			if row.Loc.IsZero() && r.text != "" && r.r1-r.r0 == 1 {
				row.Loc = loc
			}
		}
		for _, c := range row.Cells {
			if row.Loc.IsZero() && c.Text != "" {
				row.Loc = c.Loc
			}
		}
		if row.Loc.IsZero() && len(row.Cells) > 0 {
			row.Loc = row.Cells[0].Loc
		}
		if row.Loc.IsZero() && ri > 0 {
			row.Loc = tbl.Rows[ri-1].Loc
		}
		tbl.Rows = append(tbl.Rows, row)
	}
	for _, r := range tbl.Rows {
		if !r.Loc.IsZero() {
			tbl.Loc = r.Loc
			break
		}
	}
	return tbl
}
