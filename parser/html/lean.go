package html

import (
	"strings"
	"unicode/utf8"

	xhtml "github.com/reportlint/reportlint/parser/html/internal/xhtml"
)

// The lean path. A page saved from a government website is mostly site
// furniture: navigation, a sidebar of news links, a footer. Building the
// parse tree, the text map and the walk for all of it costs more than
// everything else the reader does. scanPage reads the page once with the
// tokenizer alone and cuts the content of <body> into its top-level
// elements ("segments"). A segment whose text holds nothing the reader
// looks for outside the report body (no section marker, no "年度报告", no
// date label) is left out; the tree is built for the <head> and the other
// segments only, with source positions mapped back to the page.
//
// This gives the same Document as the full parse only when leaving a
// segment out cannot change how the rest is parsed, so scanPage gives up
// (plan nil) unless every segment is perfectly nested (each end tag closes
// the element opened last), the head holds only what a head holds, <body>
// holds no text of its own, and nothing follows </body>. The body finder
// then says whether its choice depended on the elements around the
// segments (<body>, <html>); if so, the page is parsed again in full.

// leanSeg is one top-level element of the body: its source range, the
// range of its text in the scan's compact text, and how deep it nests.
type leanSeg struct {
	start, end   int
	tStart, tEnd int
	// texts[rFrom:rTo] of the scan are its visible text tokens
	rFrom, rTo int
	depth      int
	keep       bool
}

// leanPlan says which parts of the page the lean parse reads.
type leanPlan struct {
	prefixEnd int // end of the <body> start tag
	segs      []leanSeg
	bodyText  int // length of the body's compact text in the full page
}

// pageScan is what one tokenizer pass over the page found.
type pageScan struct {
	count tagCounter
	plan  *leanPlan
	// stop is the first limit the page broke, in the order the tokens
	// came: nesting deeper than 4*maxDepth (stopDepth; also found after
	// stopTooMany), more than maxTags start tags, or a text node of more
	// than maxText bytes, more than maxCells table cells (stopCells).
	stop int
}

const (
	stopNone = iota
	stopDepth
	stopTooMany
	stopText
	stopCells
)

// voidTags are elements that never stay open in the body (void, or
// ignored there).
var voidTags = map[string]bool{
	"area": true, "base": true, "basefont": true, "bgsound": true, "br": true, "col": true,
	"embed": true, "frame": true, "hr": true, "image": true, "img": true, "input": true,
	"keygen": true, "link": true, "meta": true, "param": true, "source": true, "track": true,
	"wbr": true,
}

// headTags may appear before <body> without implying the body.
var headTags = map[string]bool{
	"html": true, "head": true, "meta": true, "link": true, "title": true, "script": true,
	"style": true, "base": true, "noscript": true,
}

// noLean are tags anywhere in the body that make the parser do something
// the lean path does not model.
var noLean = map[string]bool{
	"html": true, "head": true, "body": true, "frameset": true, "frame": true,
	"template": true, "plaintext": true,
}

// leanWanted are the strings whose presence in a segment's text keeps it:
// what the body finder and the title finder look for. The date labels
// (pubLabels) keep the segments the date after them is in too.
var leanWanted = append([]string{"年度报告"}, markers...)

// scanPage reads the page's tokens (pscan, the Tokenizer's tokens found
// faster), counting tags for the size limits (see tagCounter) and checking
// the limits (see pageScan.stop; maxTags and maxText 0 mean no limit), and,
// when lean is set, plans the lean parse for a tree at most maxDepth deep.
// It gives what scanPageRef (lean_ref_test.go) gives with xhtml's
// Tokenizer, for every page.
func scanPage(src string, lean bool, maxDepth, maxTags, maxCells, maxText int) pageScan {
	var sc pageScan
	p := pscan{s: src}
	const (
		inHead = iota
		inBody
		afterBody
	)
	phase := inHead
	plan := &leanPlan{}
	// The visible text tokens, compacted only once there is a segment to
	// leave out (a Word page is one <div>).
	type textTok struct {
		start, end int
		raw        bool // raw text (xmp, noembed, noframes): no entities
	}
	texts := make([]textTok, 0, len(src)/128)
	type open struct {
		tag                tagInfo
		nameStart, nameEnd int
		invisible          bool
	}
	stack := make([]open, 0, 32)
	foreign := 0 // open svg and math elements
	rawOpen := ""
	var seg *leanSeg
	// The parser drops NUL characters from body text, the tokenizer does
	// not: such pages are read in full.
	lean = lean && strings.IndexByte(src, 0) < 0
	for {
		tt := p.next()
		if tt == xhtml.ErrorToken {
			break
		}
		// Only start tags move the counts the limits look at: after the
		// other tokens they stand as they were, within the limits.
		switch tt {
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
			p.count(&sc.count, tt)
			if sc.count.maxDepth > 4*maxDepth {
				sc.stop = stopDepth
				return sc
			}
			if maxCells > 0 && sc.count.cells > maxCells {
				sc.stop = stopCells
				return sc
			}
			if sc.stop != stopTooMany && maxTags > 0 && sc.count.tags > maxTags {
				sc.stop = stopTooMany
			}
		case xhtml.EndTagToken:
			p.countEnd(&sc.count)
		}
		if sc.stop == stopTooMany {
			continue // counting on: deep nesting later is reported first
		}
		start, end := p.start, p.end
		if maxText > 0 && tt == xhtml.TextToken && end-start > maxText {
			sc.stop = stopText
			return sc
		}
		if !lean {
			continue
		}
		name, flags := p.tag.name, p.tag.flags
		switch phase {
		case inHead:
			switch tt {
			case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
				switch {
				case name == "body":
					phase = inBody
					plan.prefixEnd = end
				case flags&tfHead == 0:
					lean = false
				case tt == xhtml.StartTagToken && flags&tfHeadRaw != 0:
					rawOpen = name
				}
			case xhtml.EndTagToken:
				switch {
				case rawOpen != "" && name == rawOpen:
					rawOpen = ""
				case name != "head":
					lean = false
				}
			case xhtml.TextToken:
				if rawOpen == "" && !blankString(src[start:end]) {
					lean = false
				}
			}
		case inBody:
			switch tt {
			case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
				if flags&tfNoLean != 0 {
					lean = false
					continue
				}
				if len(stack) == 0 {
					plan.segs = append(plan.segs, leanSeg{start: start, rFrom: len(texts)})
					seg = &plan.segs[len(plan.segs)-1]
				}
				if flags&tfVoid != 0 || foreign > 0 && tt == xhtml.SelfClosingTagToken {
					if len(stack) == 0 {
						seg.end, seg.rTo = end, len(texts)
					}
					continue
				}
				inv := len(stack) > 0 && stack[len(stack)-1].invisible || flags&tfSkip != 0 || p.hidden()
				stack = append(stack, open{p.tag, p.nameStart, p.nameEnd, inv})
				seg.depth = max(seg.depth, len(stack))
				if flags&tfForeign != 0 {
					foreign++
				}
			case xhtml.EndTagToken:
				if len(stack) == 0 {
					switch name {
					case "body", "html":
						phase = afterBody
					case "p", "br":
						lean = false // the parser makes an element of these
					}
					continue
				}
				if top := stack[len(stack)-1]; !p.sameName(top.tag, top.nameStart, top.nameEnd) {
					lean = false // not perfectly nested
					continue
				}
				if flags&tfForeign != 0 {
					foreign--
				}
				stack = stack[:len(stack)-1]
				if len(stack) == 0 {
					seg.end, seg.rTo = end, len(texts)
				}
			case xhtml.TextToken:
				if len(stack) == 0 {
					if !blankString(src[start:end]) {
						lean = false
					}
					continue
				}
				if top := stack[len(stack)-1]; !top.invisible {
					texts = append(texts, textTok{start, end, top.tag.flags&tfRawVisible != 0})
				}
			}
		case afterBody:
			switch tt {
			case xhtml.CommentToken:
			case xhtml.TextToken:
				if !blankString(src[start:end]) {
					lean = false
				}
			case xhtml.EndTagToken:
				if name != "html" && name != "body" {
					lean = false
				}
			default:
				lean = false
			}
		}
	}
	if sc.stop != stopNone || !lean || phase == inHead || len(stack) > 0 || len(plan.segs) == 0 {
		return sc
	}
	if len(plan.segs) < 2 {
		return sc // nothing could be left out
	}
	var text strings.Builder
	n := 0
	for _, tk := range texts {
		n += tk.end - tk.start
	}
	text.Grow(n)
	marks := make([]int, 0, 128) // where in text a rune of wantedBloom starts
	for i := range plan.segs {
		sg := &plan.segs[i]
		sg.tStart = text.Len()
		for _, tk := range texts[sg.rFrom:sg.rTo] {
			raw := src[tk.start:tk.end]
			if !tk.raw && strings.IndexByte(raw, '&') >= 0 {
				raw = xhtml.UnescapeString(raw)
			}
			writeCompactRuns(&text, raw, &marks)
		}
		sg.tEnd = text.Len()
	}
	plan.bodyText = text.Len()
	if plan.bodyText == 0 {
		return sc
	}
	// Keep every segment that an occurrence of a wanted string (a date
	// label with the date after it) touches, and those too deep to be
	// sure their tree stays within the depth limit.
	plan.keepMarked(text.String(), marks)
	skipped := false
	for i := range plan.segs {
		s := &plan.segs[i]
		if 3*s.depth+4 > maxDepth {
			s.keep = true
		}
		skipped = skipped || !s.keep
	}
	if !skipped {
		return sc // nothing to leave out: the full parse is as cheap
	}
	sc.plan = plan
	return sc
}

// wantedByRune lists the wanted strings (leanWanted, pubLabels) by their
// first rune, with how far an occurrence reaches.
var wantedByRune = func() map[rune][]wanted {
	m := map[rune][]wanted{}
	add := func(w string, n int) {
		r, size := utf8.DecodeRuneInString(w)
		if size != 3 {
			panic("html: a wanted string must start with a three-byte rune: " + w)
		}
		m[r] = append(m[r], wanted{w, n})
	}
	for _, w := range leanWanted {
		add(w, len(w))
	}
	for _, w := range pubLabels {
		add(w, pubDateLen)
	}
	return m
}()

type wanted struct {
	s     string
	reach int
}

// wantedBloom[r%1024] is set for the first runes in wantedByRune.
var wantedBloom = func() (b [1024]bool) {
	for r := range wantedByRune {
		b[r%1024] = true
	}
	return b
}()

// keepWanted keeps the segments that an occurrence of a wanted string in
// the body's compact text t touches (for a date label, the date after it
// too), in one pass over t. Every wanted string starts with a three-byte
// (CJK) rune, decoded here by hand and filtered before the map lookup.
func (p *leanPlan) keepWanted(t string) {
	for i := 0; i+2 < len(t); i++ {
		c := t[i]
		if c < 0xE0 || c >= 0xF0 {
			continue
		}
		r := rune(c&0x0F)<<12 | rune(t[i+1]&0x3F)<<6 | rune(t[i+2]&0x3F)
		if wantedBloom[r%1024] {
			for _, w := range wantedByRune[r] {
				if strings.HasPrefix(t[i:], w.s) {
					p.keepText(i, i+w.reach)
				}
			}
		}
		i += 2
	}
}

// keepMarked is keepWanted, looking only at the runes of the compact text
// t that start at marks: every rune of t whose wantedBloom entry is set,
// as writeCompactRuns marked them.
func (p *leanPlan) keepMarked(t string, marks []int) {
	for _, i := range marks {
		r := rune(t[i]&0x0F)<<12 | rune(t[i+1]&0x3F)<<6 | rune(t[i+2]&0x3F)
		for _, w := range wantedByRune[r] {
			if strings.HasPrefix(t[i:], w.s) {
				p.keepText(i, i+w.reach)
			}
		}
	}
}

// keepText keeps the segments whose text overlaps [from, to).
func (p *leanPlan) keepText(from, to int) {
	for i := range p.segs {
		s := &p.segs[i]
		if s.tStart < to && from < s.tEnd {
			s.keep = true
		}
	}
}

// source puts the lean parse's input together: the page up to the end of
// the <body> start tag, then the kept segments, with the pieces that map
// its offsets back to the page.
func (p *leanPlan) source(src string) ([]byte, []xhtml.Piece) {
	n := p.prefixEnd
	for _, s := range p.segs {
		if s.keep {
			n += s.end - s.start
		}
	}
	buf := make([]byte, 0, n)
	buf = append(buf, src[:p.prefixEnd]...)
	pieces := []xhtml.Piece{{At: 0, Orig: 0}}
	for _, s := range p.segs {
		if s.keep {
			pieces = append(pieces, xhtml.Piece{At: len(buf), Orig: s.start})
			buf = append(buf, src[s.start:s.end]...)
		}
	}
	return buf, pieces
}

// hiddenAttrs is hidden() for the current tag's attributes.
func hiddenAttrs(z *xhtml.Tokenizer) bool {
	for more := true; more; {
		var k, v []byte
		k, v, more = z.TagAttr()
		switch string(k) {
		case "hidden":
			return true
		case "style":
			if !hasFold(v, "none") && !hasFold(v, "hidden") && !hasFold(v, "hide") {
				continue
			}
			val := string(v)
			if hidden(&xhtml.Node{Type: xhtml.ElementNode, Attr: []xhtml.Attribute{{Key: "style", Val: val}}}) {
				return true
			}
		}
	}
	return false
}

// writeCompactRuns is writeCompact, faster on CJK text: it copies runs of
// bytes that compactText keeps as they are (ASCII other than white space
// and control characters, valid three-byte runes from U+3001 to U+FEFE,
// none of which is white space or folded) in one write. It appends to
// *marks where in b each three-byte rune it writes whose wantedBloom entry
// is set starts (the only places keepWanted can find a wanted string).
func writeCompactRuns(b *strings.Builder, s string, marks *[]int) {
	run := 0 // s[run:i] is copied as it is
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c > ' ' {
				i++
				continue
			}
		} else if c >= 0xE3 && c <= 0xEF && c != 0xED && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			// a valid rune from U+3000 on, not a surrogate (lead byte ED)
			if r := rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F); r > 0x3000 && r < 0xFEFF {
				if wantedBloom[r%1024] {
					*marks = append(*marks, b.Len()+i-run)
				}
				i += 3
				continue
			}
		}
		b.WriteString(s[run:i])
		r, size := utf8.DecodeRuneInString(s[i:])
		if r = compactRune(r); r >= 0 {
			if r >= 0x800 && r < 0x10000 && wantedBloom[r%1024] {
				*marks = append(*marks, b.Len())
			}
			b.WriteRune(r)
		}
		i += size
		run = i
	}
	b.WriteString(s[run:])
}

// blankString reports whether s is only HTML white space.
func blankString(s string) bool {
	return len(strings.TrimLeft(s, " \t\n\r\f")) == 0
}
