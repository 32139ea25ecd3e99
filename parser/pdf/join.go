package pdf

import (
	"strings"
	"unicode"
)

// This file joins the part of a table on a new page to the table above it.
// join runs these stages in order, each with its own test (join_test.go):
//
//  1. skipRepeatedHeader: drop the header rows that Word (重复标题行),
//     LibreOffice ("repeat heading"), iText or ReportLab (repeatRows) draw
//     again at the top of the page;
//  2. mergeColumns: one set of column boundaries for both parts;
//  3. openColumns: which merged columns have no rule on the part's top edge;
//  4. splitRowOffset: whether the part's first row is the rest of a row cut
//     by the break (then it is the table's last row, not a new one);
//  5. appendCells: the part's cells below the table, a cell continuing the
//     one above (a group cell over the break, a label cut in two) merged;
//  6. extendLeftColumns and appendRowBounds: group cells left of a narrower
//     part go on down, and the row boundaries are added.

const (
	// colMergeTol (points): column boundaries of the two parts closer than
	// this are one boundary.
	colMergeTol = lineTol * 1.5
	// pageYOffset (points) is added per page to the row boundaries of a
	// joined part, so that they sort after the rows of earlier pages (only
	// their order counts).
	pageYOffset = 10000.0
	// maxHeaderRows is the most grid rows a repeated header takes (table
	// 三's header is three rows; a producer may cut it into more).
	maxHeaderRows = 6
	// minHeaderRunes is the least text a repeated header must have to be
	// taken for one (a lone short cell could repeat by chance).
	minHeaderRunes = 4
)

// join appends part b below the table.
func (t *tableAcc) join(b *tpart) {
	b.skipRepeatedHeader(t.tpart)
	if len(b.ys) < 2 {
		return // the part was the header alone
	}
	xs := t.mergeColumns(b)
	open := openColumns(xs, b)
	nr := len(t.ys) - 1
	offset := t.splitRowOffset(b)
	t.appendCells(b, offset, open)
	t.extendLeftColumns(b, xs, nr, offset)
	t.appendRowBounds(b, offset)
	t.xs = xs
	t.x0, t.x1 = xs[0], xs[len(xs)-1]
	t.cells = tile(t.cells, len(t.ys)-1, len(t.xs)-1)
}

// cellKey is a cell's text without spaces (a header laid out again wraps
// its labels elsewhere).
func cellKey(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// headerTexts are the texts of the table's header: the cells of its rows
// before the first row with a figure (at most maxHeaderRows rows), with
// their counts.
func headerTexts(t *tpart) map[string]int {
	nt := len(t.ys) - 1
	end := min(maxHeaderRows, nt)
	for _, r := range t.cells {
		if r.r0 < end && isNumber(cellKey(r.text)) {
			end = r.r0
		}
	}
	texts := map[string]int{}
	for _, r := range t.cells {
		if r.r0 < end {
			if s := cellKey(r.text); s != "" {
				texts[s]++
			}
		}
	}
	return texts
}

// repeatedHeaderRows is the largest number of leading grid rows of b that
// repeat the header of the table t: every cell of those rows holds a
// header text of t (each as often as t has it), no figure, and does not
// reach below them. Producers repeat all header rows or the first ones
// (repeatRows=2 of three), at other row heights, with labels wrapped
// elsewhere; texts are compared, not geometry.
func repeatedHeaderRows(t, b *tpart) int {
	// cheap test first: a cell of b's first row must be a header text
	first := ""
	for _, r := range b.cells {
		if r.r0 == 0 && r.text != "" {
			first = r.text
			break
		}
	}
	if first == "" || isNumber(first) {
		return 0
	}
	head := headerTexts(t)
	if head[cellKey(first)] == 0 {
		return 0
	}
	left := make(map[string]int, len(head))
	nb := len(b.ys) - 1
	for k := min(maxHeaderRows, nb); k >= 1; k-- { // the whole header, not its first row
		clear(left)
		for s, n := range head {
			left[s] = n
		}
		if headerRowsMatch(b, k, left) {
			return k
		}
	}
	return 0
}

// headerRowsMatch says whether rows 0..k-1 of b hold only header texts;
// left counts the header texts still unused (it is used up).
func headerRowsMatch(b *tpart, k int, left map[string]int) bool {
	runes := 0
	for _, r := range b.cells {
		if r.r0 >= k {
			continue
		}
		s := cellKey(r.text)
		if r.r1 > k && s != "" {
			return false
		}
		if s == "" {
			continue
		}
		if left[s] == 0 {
			return false
		}
		left[s]--
		runes += len([]rune(s))
	}
	return runes >= minHeaderRunes
}

// skipRepeatedHeader drops the rows at the top of part b that repeat the
// header of the table t above. The rows below the header keep their
// top-rule openness: the header's bottom rule closes every column, so a
// group cell continues only when it has no text of its own.
func (b *tpart) skipRepeatedHeader(t *tpart) {
	k := repeatedHeaderRows(t, b)
	if k == 0 {
		return
	}
	kept := b.cells[:0]
	for _, r := range b.cells {
		if r.r0 < k {
			continue
		}
		r.r0 -= k
		r.r1 -= k
		kept = append(kept, r)
	}
	b.cells = kept
	b.ys = b.ys[k:]
	for c := range b.topOpen {
		b.topOpen[c] = false
	}
	b.at = nil
}

// mergeColumns is one sorted set of column boundaries for the table and
// part b; both parts' cells are renumbered onto it.
func (t *tableAcc) mergeColumns(b *tpart) []float64 {
	xs := cluster(append(append([]float64(nil), t.xs...), b.xs...), colMergeTol)
	remap := func(p *tpart) {
		for _, r := range p.cells {
			r.c0, r.c1 = nearest(xs, p.xs[r.c0]), nearest(xs, p.xs[r.c1])
			if r.c1 <= r.c0 {
				r.c1 = r.c0 + 1
			}
		}
	}
	remap(t.tpart)
	remap(b)
	return xs
}

// openColumns says, per merged column, whether part b has no rule on its
// top edge there.
func openColumns(xs []float64, b *tpart) []bool {
	open := make([]bool, len(xs)-1)
	for c := range open {
		xm := (xs[c] + xs[c+1]) / 2
		for bc := 0; bc+1 < len(b.xs) && bc < len(b.topOpen); bc++ {
			if xm >= b.xs[bc] && xm < b.xs[bc+1] {
				open[c] = b.topOpen[bc]
			}
		}
	}
	return open
}

// above is the cell of the table's last row (ending at row nr) over
// merged columns c0..c1, or nil.
func (t *tableAcc) above(nr, c0, c1 int) *region {
	for _, r := range t.cells {
		if r.r1 == nr && r.c0 == c0 && r.c1 == c1 {
			return r
		}
	}
	return nil
}

// splitRowOffset is the row of the table where part b's first row goes:
// the table's last row when b starts with the rest of a row split over
// the break, else the row after it. A row is split when no cell of b's
// first row repeats a filled cell above it with a number or a new
// enumerated label: the texts are fragments of one row. (Rules are not
// trusted here: some producers draw no rule at the top of a page, some
// draw one always.)
func (t *tableAcc) splitRowOffset(b *tpart) int {
	nr := len(t.ys) - 1
	n := 0
	for _, r := range b.cells {
		if r.r0 != 0 {
			continue
		}
		n++
		if r.text == "" {
			continue
		}
		a := t.above(nr, r.c0, r.c1)
		if a == nil {
			return nr
		}
		if a.text != "" && (isNumber(a.text) || isNumber(r.text) || enumRE.MatchString(r.text)) {
			return nr
		}
	}
	if n == 0 {
		return nr
	}
	return nr - 1
}

// continuesAbove says whether cell r of part b's first row continues the
// cell a above it rather than starting a new one (a is over the same
// columns). headers: neither the table's last row nor b's first row holds
// a figure (a header row cut by the break, such as table 四's 结果|维持
// split over two pages).
func continuesAbove(a, r *region, rowSplit, open, headers bool) bool {
	spans := a.r1-a.r0 > 1 || r.r1-r.r0 > 1
	label := a.text != "" && !isNumber(a.text) && !isNumber(r.text) && !enumRE.MatchString(r.text)
	switch {
	case rowSplit:
		return true
	case headers && a.text != "" && r.text == "":
		return true // the empty rest of a header cell cut by the break
	case headers && label && r.text != "":
		// a header cell cut by the break: the same columns, no figure in
		// either row (producers draw a rule above its rest or not)
		return true
	case spans && open:
		return true
	case r.text == "" && spans:
		return true // a group cell whose text sits on the previous page
	case spans && label:
		return true // a group label cut in two by the break
	}
	return false
}

// rowHasFigure says whether a cell covering grid row r holds a number.
func rowHasFigure(cells []*region, r int) bool {
	for _, c := range cells {
		if c.r0 <= r && r < c.r1 && isNumber(c.text) {
			return true
		}
	}
	return false
}

// appendCells puts part b's cells below the table from row offset on; a
// first-row cell that continues the cell above is merged into it.
func (t *tableAcc) appendCells(b *tpart, offset int, open []bool) {
	nr := len(t.ys) - 1
	isOpen := func(r *region) bool {
		for c := r.c0; c < r.c1 && c < len(open); c++ {
			if !open[c] {
				return false
			}
		}
		return true
	}
	headers := !rowHasFigure(t.cells, nr-1) && !rowHasFigure(b.cells, 0)
	var extra []*region
	for _, r := range b.cells {
		var a *region
		if r.r0 == 0 {
			a = t.above(nr, r.c0, r.c1)
		}
		if a != nil && continuesAbove(a, r, offset == nr-1, isOpen(r), headers) {
			a.r1 = offset + r.r1
			if r.text != "" {
				if a.text != "" && needSpace(lastRune(a.text), firstRune(r.text)) {
					a.text += " "
				}
				a.text += r.text
				if a.text == r.text {
					a.page, a.line = r.page, r.line
				}
			}
			continue
		}
		r.r0 += offset
		r.r1 += offset
		extra = append(extra, r)
	}
	t.cells = append(t.cells, extra...)
}

// extendLeftColumns: in the columns left of part b, the cells above that
// reach the break (row nr) go on down beside it (a group label spanning
// rows over the break).
func (t *tableAcc) extendLeftColumns(b *tpart, xs []float64, nr, offset int) {
	last := offset + len(b.ys) - 1
	for c := 0; c+1 < len(xs) && xs[c+1] <= b.x0+colMergeTol; c++ {
		for _, a := range t.cells {
			if a.r1 == nr && a.c0 <= c && c < a.c1 && a.r1 < last {
				a.r1 = last
			}
		}
	}
}

// appendRowBounds adds part b's row boundaries below the table's (the
// first one is dropped when b's first row continues the table's last).
func (t *tableAcc) appendRowBounds(b *tpart, offset int) {
	nr := len(t.ys) - 1
	ys := append([]float64(nil), t.ys...)
	for i := 1; i < len(b.ys); i++ {
		if i == 1 && offset == nr-1 {
			continue
		}
		ys = append(ys, b.ys[i]+pageYOffset*float64(b.page))
	}
	t.ys = ys
}
