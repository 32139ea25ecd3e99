package pdf

import (
	"io"
	"strings"
	"unicode/utf16"

	lib "github.com/ledongthuc/pdf"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/unicode/norm"
)

// font is what the interpreter needs of a PDF font: how to cut a string into
// codes, the text of each code (ToUnicode first, then the encoding) and its
// advance width in text space units (1/1000 already applied).
type font struct {
	name    string
	twoByte bool // every code is two bytes (Identity-H and other CID CMaps)
	mixed   bool // GBK-EUC style: one byte below 0x81, two bytes otherwise
	gbk     bool // decode codes as GBK when there is no ToUnicode
	ucs2    bool // codes are UCS-2/UTF-16 (UniGB-UCS2-H, UniGB-UTF16-H)
	vert    bool // vertical writing mode (…-V CMaps)
	toUni   map[uint32]string
	widths  map[uint32]float64 // composite fonts: /W entries
	sw      []float64          // simple fonts: /Widths from sfc on
	sfc     uint32
	ranges  []wrange // /W ranges "first last w", not expanded
	dw      float64
	simple  lib.TextEncoding // fallback for one-byte fonts without ToUnicode
	cache   [256]string      // decoded one-byte codes ("" = not yet)
	bold    bool
}

// wrange is a range of CID codes with one width.
type wrange struct {
	first, last uint32
	w           float64
}

// glyphCode is one decoded code of a shown string.
type glyphCode struct {
	code uint32
	s    string
	w    float64
}

// loadFont reads a font dictionary. It may panic on malformed input; callers
// recover.
func (d *docReader) loadFont(v lib.Value) *font {
	f := &font{widths: map[uint32]float64{}}
	base := v.Key("BaseFont").Name()
	f.name = base
	f.bold = boldName(base)
	if tu := v.Key("ToUnicode"); tu.Kind() == lib.Stream {
		if data, err := d.streamBytes(tu); err == nil {
			f.toUni = parseToUnicode(data)
		}
	}
	sub := v.Key("Subtype").Name()
	switch sub {
	case "Type0":
		f.type0(v.Key("Encoding").Name())
		desc := v.Key("DescendantFonts").Index(0)
		f.dw = 1.0
		if x := desc.Key("DW"); x.Kind() == lib.Integer || x.Kind() == lib.Real {
			f.dw = x.Float64() / 1000
		}
		w := desc.Key("W")
		n := w.Len()
		count := 0
		for i := 0; i < n && count < 70000; {
			first := w.Index(i).Int64()
			next := w.Index(i + 1)
			if next.Kind() == lib.Array {
				for k := 0; k < next.Len() && count < 70000; k++ {
					f.widths[uint32(first)+uint32(k)] = next.Index(k).Float64() / 1000
					count++
				}
				i += 2
				continue
			}
			last := next.Int64()
			if last >= first && first >= 0 && len(f.ranges) < 70000 {
				f.ranges = append(f.ranges, wrange{uint32(first), uint32(last), w.Index(i+2).Float64() / 1000})
			}
			count++
			i += 3
		}
	default:
		scale := 1.0 / 1000
		if sub == "Type3" {
			if m := v.Key("FontMatrix"); m.Len() > 0 {
				scale = m.Index(0).Float64()
			}
		}
		fc := v.Key("FirstChar").Int64()
		ws := v.Key("Widths")
		f.sfc = uint32(max(fc, 0))
		for i := 0; i < ws.Len() && i < 256; i++ {
			f.sw = append(f.sw, ws.Index(i).Float64()*scale)
		}
		f.dw = 0.5
		if desc := v.Key("FontDescriptor"); desc.Kind() == lib.Dict {
			if mw := desc.Key("MissingWidth").Float64(); mw > 0 {
				f.dw = mw * scale
			}
		}
		if f.toUni == nil || len(f.toUni) == 0 {
			lf := &lib.Font{V: v}
			f.simple = lf.Encoder()
		}
	}
	return f
}

// boldName says whether a font name is a bold face.
func boldName(base string) bool {
	lb := strings.ToLower(base)
	return strings.Contains(lb, "bold") || strings.Contains(base, "黑体") || strings.Contains(lb, "hei")
}

// type0 sets how a composite font cuts its codes from its CMap name.
func (f *font) type0(enc string) {
	f.twoByte = true
	switch {
	case strings.Contains(enc, "UCS2") || strings.Contains(enc, "UTF16"):
		f.ucs2 = true
	case strings.Contains(enc, "EUC") || strings.Contains(enc, "GBK") || strings.Contains(enc, "GBpc"):
		f.twoByte, f.mixed, f.gbk = false, true, true
	}
	f.vert = strings.HasSuffix(enc, "-V")
}

// decode cuts a shown string into codes with their text and width.
func (f *font) decode(raw string, out []glyphCode) []glyphCode {
	for i := 0; i < len(raw); {
		var code uint32
		n := 1
		switch {
		case f.twoByte:
			if i+1 < len(raw) {
				code = uint32(raw[i])<<8 | uint32(raw[i+1])
				n = 2
			} else {
				code = uint32(raw[i])
			}
		case f.mixed:
			if raw[i] >= 0x81 && i+1 < len(raw) {
				code = uint32(raw[i])<<8 | uint32(raw[i+1])
				n = 2
			} else {
				code = uint32(raw[i])
			}
		default:
			code = uint32(raw[i])
		}
		g := glyphCode{code: code}
		g.w = f.width(code)
		g.s = f.text(code, raw[i:i+n])
		out = append(out, g)
		i += n
	}
	return out
}

// width is the advance of a code (text space units).
func (f *font) width(code uint32) float64 {
	if code >= f.sfc && code-f.sfc < uint32(len(f.sw)) {
		return f.sw[code-f.sfc]
	}
	if w, ok := f.widths[code]; ok {
		return w
	}
	for _, r := range f.ranges {
		if code >= r.first && code <= r.last {
			return r.w
		}
	}
	return f.dw
}

// text is the Unicode text of one code.
func (f *font) text(code uint32, raw string) string {
	if s, ok := f.toUni[code]; ok {
		return s
	}
	switch {
	case f.ucs2:
		return string(utf16.Decode([]uint16{uint16(code)}))
	case f.gbk:
		if len(raw) == 1 {
			return raw
		}
		if b, err := simplifiedchinese.GBK.NewDecoder().String(raw); err == nil {
			return b
		}
		return "\uFFFD"
	case f.twoByte:
		return "\uFFFD"
	}
	if code < 256 {
		if s := f.cache[code]; s != "" {
			return s
		}
		s := "\uFFFD"
		if f.simple != nil {
			s = safeDecode(f.simple, raw)
		} else if code >= 32 && code < 127 {
			s = raw
		}
		f.cache[code] = s
		return s
	}
	return "\uFFFD"
}

func safeDecode(e lib.TextEncoding, raw string) (s string) {
	defer func() {
		if recover() != nil {
			s = "\uFFFD"
		}
	}()
	return e.Decode(raw)
}

// parseToUnicode reads the bfchar and bfrange mappings of a ToUnicode CMap.
func parseToUnicode(data []byte) map[uint32]string {
	m := map[uint32]string{}
	l := &lexer{b: data}
	var operands []obj
	const maxEntries = 1 << 17
	for len(m) < maxEntries {
		o, op, ok := l.next(0)
		if !ok {
			break
		}
		if op == "" {
			if len(operands) < 512*3 {
				operands = append(operands, o)
			}
			continue
		}
		switch op {
		case "endbfchar":
			for i := 0; i+1 < len(operands); i += 2 {
				src, dst := operands[i], operands[i+1]
				if src.kind != kStr {
					continue
				}
				m[codeOf(src.s)] = dstText(dst)
			}
		case "endbfrange":
			for i := 0; i+2 < len(operands); i += 3 {
				lo, hi, dst := operands[i], operands[i+1], operands[i+2]
				if lo.kind != kStr || hi.kind != kStr {
					continue
				}
				a, b := codeOf(lo.s), codeOf(hi.s)
				if b < a || b-a > 0xFFFF {
					continue
				}
				for c := a; c <= b && len(m) < maxEntries; c++ {
					k := c - a
					switch dst.kind {
					case kArr:
						if int(k) < len(dst.arr) {
							m[c] = dstText(dst.arr[k])
						}
					case kStr:
						m[c] = foldCompat(incText(dst.s, k))
					}
				}
			}
		}
		operands = operands[:0]
	}
	return m
}

func codeOf(s string) uint32 {
	var c uint32
	for i := 0; i < len(s) && i < 4; i++ {
		c = c<<8 | uint32(s[i])
	}
	return c
}

// dstText decodes a bfchar destination (UTF-16BE).
func dstText(o obj) string {
	if o.kind == kName {
		return o.s
	}
	if o.kind != kStr {
		return ""
	}
	return foldCompat(utf16be(o.s))
}

// radicalSupp maps CJK Radicals Supplement characters to the ideographs
// they stand for (NFKC leaves most of them alone).
var radicalSupp = map[rune]rune{0x2E8C: '小', 0x2E8D: '小', 0x2E95: '彐', 0x2E9D: '月', 0x2E9F: '母', 0x2EA0: '民', 0x2EA7: '牛', 0x2EA9: '王', 0x2EAB: '目', 0x2EAC: '示', 0x2EAE: '竹', 0x2EB3: '网', 0x2EB7: '羊', 0x2EBB: '聿', 0x2EBE: '艹', 0x2EC4: '西', 0x2EC5: '见', 0x2EC6: '角', 0x2EC8: '讠', 0x2EC9: '贝', 0x2ECA: '足', 0x2ECB: '车', 0x2ECF: '阝', 0x2ED0: '钅', 0x2ED1: '長', 0x2ED3: '长', 0x2ED4: '门', 0x2ED6: '阝', 0x2ED7: '雨', 0x2ED8: '青', 0x2EDA: '页', 0x2EDB: '风', 0x2EDC: '飞', 0x2EDD: '食', 0x2EE0: '饣', 0x2EE2: '马', 0x2EE3: '骨', 0x2EE4: '鬼', 0x2EE5: '鱼', 0x2EE8: '麦', 0x2EE9: '黄', 0x2EEB: '齐', 0x2EEC: '齐', 0x2EEE: '齿', 0x2EEF: '龙', 0x2EF0: '龙', 0x2EF2: '龟'}

// foldCompat maps Kangxi radicals and CJK compatibility ideographs, which
// some producers (Chromium with Noto CJK) put in ToUnicode, to the unified
// ideographs people type: "⾏" (U+2F8F) becomes "行".
func foldCompat(s string) string {
	for _, r := range s {
		if (r >= 0x2E80 && r <= 0x2FDF) || (r >= 0xF900 && r <= 0xFAFF) {
			var b strings.Builder
			for _, r := range s {
				if u, ok := radicalSupp[r]; ok {
					b.WriteRune(u)
				} else if (r >= 0x2E80 && r <= 0x2FDF) || (r >= 0xF900 && r <= 0xFAFF) {
					b.WriteString(norm.NFKC.String(string(r)))
				} else {
					b.WriteRune(r)
				}
			}
			return b.String()
		}
	}
	return s
}

func utf16be(s string) string {
	if len(s) == 1 {
		return string(rune(s[0]))
	}
	u := make([]uint16, 0, len(s)/2)
	for i := 0; i+1 < len(s); i += 2 {
		u = append(u, uint16(s[i])<<8|uint16(s[i+1]))
	}
	return string(utf16.Decode(u))
}

// incText adds k to the last UTF-16 unit of a bfrange destination.
func incText(s string, k uint32) string {
	if len(s) < 2 {
		return string(rune(uint32(codeOf(s)) + k))
	}
	b := []byte(s)
	last := uint32(b[len(b)-2])<<8 | uint32(b[len(b)-1])
	last += k
	b[len(b)-2], b[len(b)-1] = byte(last>>8), byte(last)
	return utf16be(string(b))
}

// streamBytes decodes a stream with the total decompression bounded.
func (d *docReader) streamBytes(v lib.Value) ([]byte, error) {
	rc := v.Reader()
	defer rc.Close()
	limit := d.budget
	if limit <= 0 {
		return nil, errBudget
	}
	data, err := io.ReadAll(io.LimitReader(rc, limit+1))
	if int64(len(data)) > limit {
		d.budget = 0
		return nil, errBudget
	}
	d.budget -= int64(len(data))
	if err != nil && len(data) == 0 {
		return nil, err
	}
	return data, nil
}
