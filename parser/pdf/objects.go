package pdf

import (
	"bytes"
	"compress/zlib"
	"errors"
	"io"
	"reflect"

	lib "github.com/ledongthuc/pdf"

	"github.com/reportlint/reportlint/internal/readall"
)

// This file reads file objects directly from the bytes, with the offsets of
// the library's cross-reference table, and keeps each parsed object. The
// library parses an object again on every access and its parser is slow;
// fonts (Chromium writes a Type3 font with a 256-name /Differences for every
// few glyphs) and the structure tree (one object per element) are read
// through this layer instead. Encrypted files and anything unexpected fall
// back to the library.

// xrefEntry is where an object is: at an offset, or in an object stream.
type xrefEntry struct {
	offset   int64
	inStream bool
	stream   uint32
}

// objects is the direct object reader of one file.
type objects struct {
	data    []byte
	xref    []xrefEntry
	cache   map[uint32]obj
	ostm    map[uint32]map[uint32]obj // parsed object streams
	budget  *int64
	parses  int
	zr      io.ReadCloser // zlib reader, reset for each stream
	lx      lexer         // reused: its element stack stays allocated
	scratch []byte        // readall.BoundedScratch's buffer, reused
}

// lexAt points the shared lexer at data[pos:].
func (o *objects) lexAt(data []byte, pos int) *lexer {
	o.lx.b, o.lx.pos, o.lx.refs = data, pos, true
	return &o.lx
}

// maxObjParses bounds the objects read directly from one file.
const maxObjParses = 500_000

// newObjects reads the library's cross-reference table (unexported) by
// reflection. It returns nil when that is not possible.
func newObjects(r *lib.Reader, data []byte, budget *int64) (o *objects) {
	defer func() {
		if recover() != nil {
			o = nil
		}
	}()
	rv := reflect.ValueOf(r).Elem()
	if k := rv.FieldByName("key"); !k.IsValid() || k.Len() > 0 {
		return nil // encrypted: strings and streams need the library
	}
	xr := rv.FieldByName("xref")
	if !xr.IsValid() || xr.Kind() != reflect.Slice {
		return nil
	}
	o = &objects{data: data, cache: map[uint32]obj{}, ostm: map[uint32]map[uint32]obj{}, budget: budget}
	o.xref = make([]xrefEntry, xr.Len())
	if len(o.xref) == 0 {
		return o
	}
	// the fields' indices are looked up once, not for every entry
	et := xr.Type().Elem()
	off, ok1 := et.FieldByName("offset")
	ins, ok2 := et.FieldByName("inStream")
	stm, ok3 := et.FieldByName("stream")
	if !ok1 || !ok2 || !ok3 {
		panic("xref entry fields")
	}
	for i := range o.xref {
		e := xr.Index(i)
		o.xref[i] = xrefEntry{offset: e.FieldByIndex(off.Index).Int(), inStream: e.FieldByIndex(ins.Index).Bool(),
			stream: uint32(e.FieldByIndex(stm.Index).Field(0).Uint())}
	}
	return o
}

// get returns object id, parsed once.
func (o *objects) get(id uint32) (obj, bool) {
	if o == nil || id == 0 || int(id) >= len(o.xref) {
		return obj{}, false
	}
	if v, ok := o.cache[id]; ok {
		return v, v.kind != kNull
	}
	o.parses++
	if o.parses > maxObjParses {
		return obj{}, false
	}
	o.cache[id] = obj{} // a reference cycle reads as null
	e := o.xref[id]
	var v obj
	var ok bool
	if e.inStream {
		v, ok = o.fromStream(e.stream, id)
	} else {
		v, ok = o.at(e.offset, id)
	}
	if ok {
		o.cache[id] = v
	}
	return v, ok
}

// at parses "id gen obj VALUE [stream]" at an offset.
func (o *objects) at(off int64, id uint32) (obj, bool) {
	if off <= 0 || off >= int64(len(o.data)) {
		return obj{}, false
	}
	l := o.lexAt(o.data, int(off))
	n, _, ok1 := l.next(0)
	_, _, ok2 := l.next(0)
	_, op, ok3 := l.next(0)
	if !ok1 || !ok2 || !ok3 || n.kind != kNum || uint32(n.num) != id || op != "obj" {
		return obj{}, false
	}
	v, vop, ok := l.value(0)
	if !ok || vop != "" {
		return obj{}, false
	}
	if v.kind == kDict {
		save := l.pos
		if _, op, ok := l.next(0); ok && op == "stream" {
			p := l.pos
			if p < len(o.data) && o.data[p] == '\r' {
				p++
			}
			if p < len(o.data) && o.data[p] == '\n' {
				p++
			}
			v.num = float64(p) // stream data offset
		} else {
			l.pos = save
		}
	}
	return v, true
}

// fromStream finds object id in object stream sid.
func (o *objects) fromStream(sid, id uint32) (obj, bool) {
	objs, ok := o.ostm[sid]
	if !ok {
		o.ostm[sid] = nil
		s, ok := o.get(sid)
		if !ok || s.kind != kDict {
			return obj{}, false
		}
		data, err := o.stream(s)
		if err != nil {
			return obj{}, false
		}
		n := int(o.deref(s.get("N")).num)
		first := int(o.deref(s.get("First")).num)
		if n <= 0 || n > 1_000_000 || first <= 0 || first > len(data) {
			return obj{}, false
		}
		hl := &lexer{b: data[:first]}
		objs = map[uint32]obj{}
		for i := 0; i < n; i++ {
			a, _, ok1 := hl.next(0)
			b, _, ok2 := hl.next(0)
			if !ok1 || !ok2 || a.kind != kNum || b.kind != kNum {
				break
			}
			off := first + int(b.num)
			if off < first || off >= len(data) {
				continue
			}
			l := o.lexAt(data, off)
			if v, op, ok := l.value(0); ok && op == "" {
				objs[uint32(a.num)] = v
			}
		}
		o.ostm[sid] = objs
	}
	v, ok := objs[id]
	return v, ok
}

// mayContain reports whether the bytes of object id can contain word: false
// only when the object is written at an offset and its text up to endobj
// does not have it (a quick test that spares parsing it).
func (o *objects) mayContain(id uint32, word []byte) bool {
	if o == nil || id == 0 || int(id) >= len(o.xref) || o.xref[id].inStream {
		return true
	}
	if _, ok := o.cache[id]; ok {
		return true
	}
	off := o.xref[id].offset
	if off <= 0 || off >= int64(len(o.data)) {
		return true
	}
	b := o.data[off:min(int64(len(o.data)), off+4096)]
	end := bytes.Index(b, []byte("endobj"))
	if end < 0 {
		return true
	}
	return bytes.Contains(b[:end], word)
}

// deref resolves a reference (other values are returned as they are).
func (o *objects) deref(v obj) obj {
	for i := 0; i < 8 && v.kind == kRef; i++ {
		r, ok := o.get(uint32(v.num))
		if !ok {
			return obj{}
		}
		v = r
	}
	return v
}

// key is a dictionary entry, resolved.
func (o *objects) key(d obj, k string) obj {
	if d.kind != kDict {
		return obj{}
	}
	return o.deref(d.get(k))
}

var errStream = errors.New("stream not readable directly")

// stream decodes a stream object: no filter or FlateDecode without
// predictor; anything else is errStream (the library reads it then).
func (o *objects) stream(s obj) ([]byte, error) {
	start := int(s.num)
	if s.kind != kDict || start <= 0 || start >= len(o.data) {
		return nil, errStream
	}
	n := int(o.key(s, "Length").num)
	if n < 0 || start+n > len(o.data) {
		return nil, errStream
	}
	raw := o.data[start : start+n]
	f := o.key(s, "Filter")
	if f.kind == kArr && len(f.arr) == 1 {
		f = o.deref(f.arr[0])
	}
	if p := o.key(s, "DecodeParms"); p.kind != kNull {
		if pr := o.key(p, "Predictor"); pr.kind == kNum && pr.num > 1 {
			return nil, errStream
		}
	}
	switch {
	case f.kind == kNull:
		return o.spend(append([]byte(nil), raw...))
	case f.kind == kName && (f.s == "FlateDecode" || f.s == "Fl"):
		// one decompressor for the file (its tables are large to make)
		if o.zr == nil {
			zr, err := zlib.NewReader(bytes.NewReader(raw))
			if err != nil {
				return nil, errStream
			}
			o.zr = zr
		} else if err := o.zr.(zlib.Resetter).Reset(bytes.NewReader(raw), nil); err != nil {
			return nil, errStream
		}
		limit := *o.budget
		// content streams inflate to a few times their size; a bomb is
		// refused holding at most the budget
		data, err := readall.BoundedScratch(o.zr, 4*int64(len(raw)), limit, &o.scratch)
		if errors.Is(err, readall.ErrTooLarge) {
			*o.budget = 0
			return nil, errBudget
		}
		if err != nil && len(data) == 0 {
			return nil, errStream
		}
		*o.budget -= int64(len(data))
		return data, nil
	}
	return nil, errStream
}

// pageContents decodes the content streams of a page directly; false when
// one of them needs the library.
func (o *objects) pageContents(page objID) ([]byte, bool) {
	if o == nil {
		return nil, false
	}
	p, ok := o.get(page.id)
	if !ok || p.kind != kDict {
		return nil, false
	}
	c := p.get("Contents")
	var list []obj
	switch d := o.deref(c); d.kind {
	case kArr:
		list = d.arr
	case kDict:
		list = []obj{c}
	case kNull:
		return nil, true
	default:
		return nil, false
	}
	var data []byte
	for i, x := range list {
		if i >= 10000 {
			break
		}
		b, err := o.stream(o.deref(x))
		if err != nil {
			return nil, false
		}
		if len(list) == 1 {
			return b, true
		}
		data = append(data, b...)
		data = append(data, '\n')
	}
	return data, true
}

func (o *objects) spend(b []byte) ([]byte, error) {
	if int64(len(b)) > *o.budget {
		*o.budget = 0
		return nil, errBudget
	}
	*o.budget -= int64(len(b))
	return b, nil
}

// loadFontRaw reads a font dictionary from the direct object reader. It
// returns false for what it does not handle (a simple font without
// ToUnicode needs the library's encodings); the caller then uses loadFont.
func (d *docReader) loadFontRaw(v obj) (*font, bool) {
	o := d.objs
	if v.kind != kDict {
		return nil, false
	}
	sub := o.key(v, "Subtype").s
	tu := o.key(v, "ToUnicode")
	if sub != "Type0" && tu.kind != kDict {
		return nil, false
	}
	f := &font{}
	if sub == "Type0" {
		f.widths = map[uint32]float64{}
	}
	f.name = o.key(v, "BaseFont").s
	f.bold = boldName(f.name)
	if tu.kind == kDict {
		data, err := o.stream(tu)
		if err != nil {
			return nil, false
		}
		f.setToUnicode(data)
	}
	if sub == "Type0" {
		encObj := o.key(v, "Encoding")
		f.type0(encObj.s)
		if encObj.kind == kDict { // an embedded CMap stream (Ghostscript)
			if data, err := o.stream(encObj); err == nil {
				f.embeddedCMap(data)
			}
		}
		df := o.key(v, "DescendantFonts")
		var desc obj
		if df.kind == kArr && len(df.arr) > 0 {
			desc = o.deref(df.arr[0])
		}
		f.dw = 1.0
		if x := o.key(desc, "DW"); x.kind == kNum {
			f.dw = x.num / 1000
		}
		w := o.key(desc, "W")
		count := 0
		for i := 0; i < len(w.arr) && count < 70000; {
			first := o.deref(w.arr[i]).num
			if i+1 >= len(w.arr) {
				break
			}
			next := o.deref(w.arr[i+1])
			if next.kind == kArr {
				for k := 0; k < len(next.arr) && count < 70000; k++ {
					f.widths[uint32(first)+uint32(k)] = o.deref(next.arr[k]).num / 1000
					count++
				}
				i += 2
				continue
			}
			last := next.num
			if i+2 < len(w.arr) && last >= first && first >= 0 && len(f.ranges) < 70000 {
				f.ranges = append(f.ranges, wrange{uint32(first), uint32(last), o.deref(w.arr[i+2]).num / 1000})
			}
			count++
			i += 3
		}
		f.finish(true)
		return f, true
	}
	if len(f.toUni) == 0 {
		return nil, false
	}
	scale := 1.0 / 1000
	if sub == "Type3" {
		if m := o.key(v, "FontMatrix"); m.kind == kArr && len(m.arr) > 0 {
			scale = o.deref(m.arr[0]).num
		}
	}
	fc := o.key(v, "FirstChar").num
	ws := o.key(v, "Widths")
	f.sfc = uint32(max(fc, 0))
	f.sw = make([]float64, 0, min(len(ws.arr), 256))
	for i := 0; i < len(ws.arr) && i < 256; i++ {
		f.sw = append(f.sw, o.deref(ws.arr[i]).num*scale)
	}
	f.dw = 0.5
	if mw := o.key(o.key(v, "FontDescriptor"), "MissingWidth").num; mw > 0 {
		f.dw = mw * scale
	}
	return f, true
}
