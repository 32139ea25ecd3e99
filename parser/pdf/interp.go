package pdf

import (
	"errors"
	"math"

	lib "github.com/ledongthuc/pdf"
)

// glyph is one shown character in page space (points, origin top left, y
// growing downwards). Y is the baseline.
type glyph struct {
	x, y, w, size float64
	s             string
	mcid          int  // marked-content id, -1 when none
	artifact      bool // inside /Artifact marked content
	bold          bool
}

// seg is a straight ruling line in page space.
type seg struct{ x0, y0, x1, y1 float64 }

// mat is an affine matrix [a b c d e f]; points transform as p × M.
type mat [6]float64

var identity = mat{1, 0, 0, 1, 0, 0}

func (m mat) mul(n mat) mat {
	return mat{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func (m mat) apply(x, y float64) (float64, float64) {
	return x*m[0] + y*m[2] + m[4], x*m[1] + y*m[3] + m[5]
}

var errBudget = errors.New("解压数据超过上限")

// Limits of one page's content, against hostile files.
const (
	maxGlyphsPage = 200_000
	maxSegsPage   = 100_000
	maxFormDepth  = 8
	// maxFormsPage bounds the Form XObjects run for one page (a form that
	// draws the next ten times, eight deep, would otherwise run 10^8).
	maxFormsPage = 2000
	// maxGlyphsFile bounds the glyphs of all pages (pages can share one
	// content stream: 400 pages of 200,000 glyphs from a tiny file).
	maxGlyphsFile = 1_000_000
	// thinRule is the largest thickness of a filled rectangle read as a
	// ruling line.
	thinRule = 2.5
)

type gstate struct {
	ctm                     mat
	font                    *font
	tfs, tc, tw, th, tl, ts float64
}

// pageContent is what the interpreter collects from one page.
type pageContent struct {
	glyphs []glyph
	segs   []seg
	width  float64
	height float64
	images int // images drawn (XObject or inline)
	forms  int // Form XObjects run
	// formsCapped: more forms than maxFormsPage were asked for
	formsCapped bool
	pics        []picture
}

// picture is an image drawn on a page: its bounding box in page space
// (top-left origin, points) and its XObject name ("" for an inline image).
type picture struct {
	x0, y0, x1, y1 float64
	name           string
}

// maxPicturesPage bounds the pictures kept per page (a page tiled with
// thousands of small images keeps the first ones).
const maxPicturesPage = 256

// addPicture records the image drawn now: the unit square under the CTM.
func (in *interp) addPicture(name string) {
	in.out.images++
	if len(in.out.pics) >= maxPicturesPage {
		return
	}
	full := in.gs.ctm.mul(in.flip)
	p := picture{x0: math.Inf(1), y0: math.Inf(1), x1: math.Inf(-1), y1: math.Inf(-1), name: name}
	for _, c := range [4][2]float64{{0, 0}, {1, 0}, {0, 1}, {1, 1}} {
		x, y := full.apply(c[0], c[1])
		p.x0, p.x1 = min(p.x0, x), max(p.x1, x)
		p.y0, p.y1 = min(p.y0, y), max(p.y1, y)
	}
	if !math.IsNaN(p.x0+p.x1+p.y0+p.y1) && !math.IsInf(p.x0+p.x1+p.y0+p.y1, 0) {
		in.out.pics = append(in.out.pics, p)
	}
}

type interp struct {
	d     *docReader
	out   *pageContent
	flip  mat // page space → top-left origin
	gs    gstate
	stack []gstate
	tm    mat
	tlm   mat
	// marked content: MCID per level (-1 none), artifact per level
	mc  []int
	art []bool
	// subpath bookkeeping
	sub      []seg
	startX   float64
	startY   float64
	curX     float64
	curY     float64
	curved   bool
	subpaths [][]seg
	codes    []glyphCode
	depth    int
	haveFD   bool      // fontDict is set
	fontDict lib.Value // the /Font resources of the current stream
}

// interpretPage runs the page's content streams.
func (d *docReader) interpretPage(p lib.Page) (*pageContent, error) {
	box := inherited(p.V, "CropBox")
	if box.Len() < 4 {
		box = inherited(p.V, "MediaBox")
	}
	x0, y0, x1, y1 := 0.0, 0.0, 595.0, 842.0
	if box.Len() >= 4 {
		x0, y0, x1, y1 = box.Index(0).Float64(), box.Index(1).Float64(), box.Index(2).Float64(), box.Index(3).Float64()
		if x1 < x0 {
			x0, x1 = x1, x0
		}
		if y1 < y0 {
			y0, y1 = y1, y0
		}
	}
	out := &pageContent{width: x1 - x0, height: y1 - y0}
	flip := mat{1, 0, 0, -1, -x0, y1}
	switch int(inherited(p.V, "Rotate").Int64()) % 360 {
	case 90, -270:
		flip = mat{0, 1, 1, 0, -y0, -x0}
		out.width, out.height = out.height, out.width
	case 180, -180:
		flip = mat{-1, 0, 0, 1, x1, -y0}
	case 270, -90:
		flip = mat{0, -1, -1, 0, y1, x1}
		out.width, out.height = out.height, out.width
	}
	in := &interp{d: d, out: out, flip: flip}
	in.gs = gstate{ctm: identity, th: 1}
	res := inherited(p.V, "Resources")
	var data []byte
	id, direct := selfRef(p.V)
	if direct {
		data, direct = d.objs.pageContents(id)
	}
	if !direct {
		var err error
		if data, err = d.libContents(p.V.Key("Contents")); err != nil {
			return nil, err
		}
	}
	// Text-heavy pages show a glyph for every 10-30 bytes of content;
	// sizing the slice once saves its regrowths (a guess too large for a
	// drawing is capped).
	out.glyphs = make([]glyph, 0, min(len(data)/24, 1<<14))
	in.run(data, res)
	return out, nil
}

// libContents decodes a page's content streams through the library.
func (d *docReader) libContents(contents lib.Value) ([]byte, error) {
	var data []byte
	switch contents.Kind() {
	case lib.Array:
		for i := 0; i < contents.Len() && i < 10000; i++ {
			b, err := d.streamBytes(contents.Index(i))
			if err != nil {
				if errors.Is(err, errBudget) {
					return nil, err
				}
				continue
			}
			data = append(data, b...)
			data = append(data, '\n')
		}
	case lib.Stream:
		return d.streamBytes(contents)
	}
	return data, nil
}

func (in *interp) curMCID() (int, bool) {
	id, art := -1, false
	for i := len(in.mc) - 1; i >= 0; i-- {
		if id < 0 && in.mc[i] >= 0 {
			id = in.mc[i]
		}
		if in.art[i] {
			art = true
		}
	}
	return id, art
}

func num(args []obj, i int) float64 {
	if i < len(args) && args[i].kind == kNum {
		return args[i].num
	}
	return 0
}

// show places the glyphs of one shown string.
func (in *interp) show(raw string) {
	g := &in.gs
	if g.font == nil {
		return
	}
	in.codes = g.font.decode(raw, in.codes[:0])
	mcid, art := in.curMCID()
	full := g.ctm.mul(in.flip)
	for _, c := range in.codes {
		trm := mat{g.tfs * g.th, 0, 0, g.tfs, 0, g.ts}.mul(in.tm).mul(full)
		x, y := trm[4], trm[5]
		size := math.Hypot(trm[2], trm[3])
		w := c.w * math.Hypot(trm[0], trm[1])
		if g.font.vert {
			w = size
			x -= w / 2
			y += size * 0.88
		}
		if len(in.out.glyphs) < maxGlyphsPage && c.s != "" {
			in.d.glyphs++
			in.out.glyphs = append(in.out.glyphs, glyph{x: x, y: y, w: w, size: size, s: c.s, mcid: mcid, artifact: art, bold: g.font.bold})
		}
		if g.font.vert {
			// vertical writing: the default displacement is one em down
			in.tm = mat{1, 0, 0, 1, 0, -(g.tfs + g.tc)}.mul(in.tm)
			continue
		}
		tx := c.w*g.tfs + g.tc
		if c.code == 32 && c.single {
			tx += g.tw
		}
		in.tm = mat{1, 0, 0, 1, tx * g.th, 0}.mul(in.tm)
	}
}

func (in *interp) addSeg(x0, y0, x1, y1 float64) {
	in.sub = append(in.sub, seg{x0, y0, x1, y1})
}

func (in *interp) closeSub() {
	if len(in.sub) > 0 {
		in.subpaths = append(in.subpaths, in.sub)
		in.sub = nil
	}
}

func (in *interp) endPath(stroke, fill bool) {
	in.closeSub()
	if len(in.out.segs) < maxSegsPage {
		for _, sp := range in.subpaths {
			if stroke {
				for _, s := range sp {
					if s.x0 == s.x1 || s.y0 == s.y1 || math.Abs(s.x0-s.x1) < 0.5 || math.Abs(s.y0-s.y1) < 0.5 {
						in.out.segs = append(in.out.segs, s)
					}
				}
			}
			if fill && !stroke {
				x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
				for _, s := range sp {
					x0, y0 = min(x0, s.x0, s.x1), min(y0, s.y0, s.y1)
					x1, y1 = max(x1, s.x0, s.x1), max(y1, s.y0, s.y1)
				}
				w, h := x1-x0, y1-y0
				switch {
				case h <= thinRule && w > h*2:
					in.out.segs = append(in.out.segs, seg{x0, (y0 + y1) / 2, x1, (y0 + y1) / 2})
				case w <= thinRule && h > w*2:
					in.out.segs = append(in.out.segs, seg{(x0 + x1) / 2, y0, (x0 + x1) / 2, y1})
				}
			}
		}
	}
	in.subpaths = in.subpaths[:0]
	in.curved = false
}

// pt maps a user-space point to page space.
func (in *interp) pt(x, y float64) (float64, float64) {
	return in.gs.ctm.mul(in.flip).apply(x, y)
}

func (in *interp) run(data []byte, res lib.Value) {
	l := &lexer{b: data}
	fonts := map[string]*font{}
	saved, savedFD := in.haveFD, in.fontDict
	in.haveFD = false
	l.run(func(op string, a []obj) { in.op(op, a, res, fonts) })
	in.haveFD, in.fontDict = saved, savedFD
}

func (in *interp) op(op string, a []obj, res lib.Value, fonts map[string]*font) {
	g := &in.gs
	switch op {
	case "q":
		if len(in.stack) < 256 {
			in.stack = append(in.stack, *g)
		}
	case "Q":
		if n := len(in.stack); n > 0 {
			*g = in.stack[n-1]
			in.stack = in.stack[:n-1]
		}
	case "cm":
		if len(a) >= 6 {
			g.ctm = mat{num(a, 0), num(a, 1), num(a, 2), num(a, 3), num(a, 4), num(a, 5)}.mul(g.ctm)
		}
	case "BT":
		in.tm, in.tlm = identity, identity
	case "Tf":
		if len(a) >= 2 && a[0].kind == kName {
			g.tfs = num(a, 1)
			g.font = in.fontByName(res, a[0].s, fonts)
		}
	case "Tc":
		g.tc = num(a, 0)
	case "Tw":
		g.tw = num(a, 0)
	case "Tz":
		g.th = num(a, 0) / 100
	case "TL":
		g.tl = num(a, 0)
	case "Ts":
		g.ts = num(a, 0)
	case "Td":
		in.tlm = mat{1, 0, 0, 1, num(a, 0), num(a, 1)}.mul(in.tlm)
		in.tm = in.tlm
	case "TD":
		g.tl = -num(a, 1)
		in.tlm = mat{1, 0, 0, 1, num(a, 0), num(a, 1)}.mul(in.tlm)
		in.tm = in.tlm
	case "Tm":
		if len(a) >= 6 {
			in.tlm = mat{num(a, 0), num(a, 1), num(a, 2), num(a, 3), num(a, 4), num(a, 5)}
			in.tm = in.tlm
		}
	case "T*":
		in.tlm = mat{1, 0, 0, 1, 0, -g.tl}.mul(in.tlm)
		in.tm = in.tlm
	case "Tj":
		if len(a) >= 1 && a[len(a)-1].kind == kStr {
			in.show(a[len(a)-1].s)
		}
	case "'":
		in.tlm = mat{1, 0, 0, 1, 0, -g.tl}.mul(in.tlm)
		in.tm = in.tlm
		if len(a) >= 1 && a[len(a)-1].kind == kStr {
			in.show(a[len(a)-1].s)
		}
	case "\"":
		if len(a) >= 3 {
			g.tw, g.tc = num(a, 0), num(a, 1)
			in.tlm = mat{1, 0, 0, 1, 0, -g.tl}.mul(in.tlm)
			in.tm = in.tlm
			if a[2].kind == kStr {
				in.show(a[2].s)
			}
		}
	case "TJ":
		if len(a) >= 1 && a[len(a)-1].kind == kArr {
			for _, x := range a[len(a)-1].arr {
				switch x.kind {
				case kStr:
					in.show(x.s)
				case kNum:
					if g.font != nil && g.font.vert {
						in.tm = mat{1, 0, 0, 1, 0, -x.num / 1000 * g.tfs}.mul(in.tm)
					} else {
						in.tm = mat{1, 0, 0, 1, -x.num / 1000 * g.tfs * g.th, 0}.mul(in.tm)
					}
				}
			}
		}
	case "m":
		in.closeSub()
		in.startX, in.startY = in.pt(num(a, 0), num(a, 1))
		in.curX, in.curY = in.startX, in.startY
	case "l":
		x, y := in.pt(num(a, 0), num(a, 1))
		in.addSeg(in.curX, in.curY, x, y)
		in.curX, in.curY = x, y
	case "c", "v", "y":
		if len(a) >= 2 {
			x, y := in.pt(num(a, len(a)-2), num(a, len(a)-1))
			in.curX, in.curY = x, y
			in.curved = true
		}
	case "h":
		if in.curX != in.startX || in.curY != in.startY {
			in.addSeg(in.curX, in.curY, in.startX, in.startY)
		}
		in.curX, in.curY = in.startX, in.startY
	case "re":
		in.closeSub()
		x, y, w, h := num(a, 0), num(a, 1), num(a, 2), num(a, 3)
		ax, ay := in.pt(x, y)
		bx, by := in.pt(x+w, y)
		cx, cy := in.pt(x+w, y+h)
		dx, dy := in.pt(x, y+h)
		in.addSeg(ax, ay, bx, by)
		in.addSeg(bx, by, cx, cy)
		in.addSeg(cx, cy, dx, dy)
		in.addSeg(dx, dy, ax, ay)
		in.closeSub()
		in.startX, in.startY, in.curX, in.curY = ax, ay, ax, ay
	case "S", "s":
		in.endPath(true, false)
	case "f", "F", "f*":
		in.endPath(false, true)
	case "B", "B*", "b", "b*":
		in.endPath(true, false)
	case "n":
		in.closeSub()
		in.subpaths = in.subpaths[:0]
		in.sub = nil
	case "BMC":
		in.mc = append(in.mc, -1)
		in.art = append(in.art, len(a) > 0 && a[0].s == "Artifact")
	case "BDC":
		id := -1
		art := len(a) > 0 && a[0].kind == kName && a[0].s == "Artifact"
		if len(a) >= 2 {
			p := a[1]
			switch p.kind {
			case kDict:
				if v := p.get("MCID"); v.kind == kNum {
					id = int(v.num)
				}
			case kName:
				pv := res.Key("Properties").Key(p.s)
				if x := pv.Key("MCID"); x.Kind() == lib.Integer {
					id = int(x.Int64())
				}
			}
		}
		if len(in.mc) < 1000 {
			in.mc = append(in.mc, id)
			in.art = append(in.art, art)
		}
	case "EMC":
		if n := len(in.mc); n > 0 {
			in.mc, in.art = in.mc[:n-1], in.art[:n-1]
		}
	case "BI":
		in.addPicture("")
	case "Do":
		if len(a) >= 1 && a[0].kind == kName {
			in.doXObject(res, a[0].s)
		}
	}
}

// doXObject runs a Form XObject with its own matrix and resources.
func (in *interp) doXObject(res lib.Value, name string) {
	if in.depth >= maxFormDepth || in.d.glyphs > maxGlyphsFile {
		return
	}
	if in.out.forms >= maxFormsPage {
		in.out.formsCapped = true
		return
	}
	in.out.forms++
	x := res.Key("XObject").Key(name)
	if x.Kind() != lib.Stream {
		return
	}
	if sub := x.Key("Subtype").Name(); sub != "Form" {
		if sub == "Image" {
			in.addPicture(name)
		}
		return
	}
	data, err := in.d.streamBytes(x)
	if err != nil {
		return
	}
	saved := in.gs
	savedStack := len(in.stack)
	savedTM, savedTLM := in.tm, in.tlm
	if m := x.Key("Matrix"); m.Len() == 6 {
		in.gs.ctm = mat{m.Index(0).Float64(), m.Index(1).Float64(), m.Index(2).Float64(), m.Index(3).Float64(), m.Index(4).Float64(), m.Index(5).Float64()}.mul(in.gs.ctm)
	}
	fres := x.Key("Resources")
	if fres.Kind() != lib.Dict {
		fres = res
	}
	in.depth++
	in.run(data, fres)
	in.depth--
	in.gs = saved
	if len(in.stack) > savedStack {
		in.stack = in.stack[:savedStack]
	}
	in.tm, in.tlm = savedTM, savedTLM
}

// fontByName finds a font of the resources. Fonts are cached per content
// stream by name and per document by object number, so a font used on many
// pages is read once.
func (in *interp) fontByName(res lib.Value, name string, local map[string]*font) *font {
	if f, ok := local[name]; ok {
		return f
	}
	if !in.haveFD {
		in.fontDict = res.Key("Font")
		in.haveFD = true
	}
	fd := in.fontDict
	key := fontKey{name: name}
	if id, ok := childRef(fd, name); ok {
		key = fontKey{id: id} // "/F1 5 0 R": the same font on every page
	} else if id, ok := selfRef(fd); ok {
		key.id = id // a font written inside its resource dictionary
	} else {
		key.id = objID{}
	}
	if f, ok := in.d.fontRefs[key]; ok && key.id.id != 0 {
		local[name] = f
		return f
	}
	var f *font
	if id, ok := childRef(fd, name); ok && in.d.objs != nil {
		if fo, ok := in.d.objs.get(id.id); ok {
			f, _ = in.d.loadFontRaw(fo)
		}
	}
	if f == nil {
		if fv := fd.Key(name); fv.Kind() == lib.Dict {
			f = in.d.loadFont(fv)
		}
	}
	local[name] = f
	if key.id.id != 0 {
		in.d.fontRefs[key] = f
	}
	return f
}

// fontKey identifies a font dictionary in a document: its object number,
// or the object holding it and its resource name.
type fontKey struct {
	id   objID
	name string
}

// inherited looks a page attribute up the page tree (bounded).
func inherited(v lib.Value, key string) lib.Value {
	for i := 0; i < 64 && !v.IsNull(); i++ {
		if r := v.Key(key); !r.IsNull() {
			return r
		}
		v = v.Key("Parent")
	}
	return lib.Value{}
}
