package pdf

import (
	"errors"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	lib "github.com/ledongthuc/pdf"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/unicode/norm"

	"github.com/reportlint/reportlint/internal/readall"
)

// font is what the interpreter needs of a PDF font: how to cut a string into
// codes, the text of each code (ToUnicode first, then the encoding) and its
// advance width in text space units (1/1000 already applied).
type font struct {
	name    string
	twoByte bool // every code is two bytes (Identity-H and other CID CMaps)
	mixed   bool // GBK-EUC style: one byte below 0x81, two bytes otherwise
	gbk     bool // decode codes as GBK/GB18030 when there is no ToUnicode
	ucs2    bool // codes are UCS-2/UTF-16 (UniGB-UCS2-H, UniGB-UTF16-H)
	utf8    bool // codes are UTF-8 (UniGB-UTF8-H)
	gb1     bool // an Adobe-GB1 Unicode CMap: ASCII codes are CIDs 1..95
	vert    bool // vertical writing mode (…-V CMaps)
	// space is the font's own codespace (from an embedded CMap, a
	// predefined CMap or the ToUnicode CMap); nil: the flags above decide
	space   []csRange
	tuSpace []csRange // the ToUnicode CMap's codespace (until finish)
	// predefined: the encoding is a predefined CMap name whose codespace
	// is known (Identity, Uni…, GBK…, EUC…)
	predefined bool
	toUni      map[uint32]string
	cids       []cidRange         // embedded CMap: code to CID (for widths); nil: code = CID
	widths     map[uint32]float64 // composite fonts: /W entries
	sw         []float64          // simple fonts: /Widths from sfc on
	sfc        uint32
	ranges     []wrange // /W ranges "first last w", not expanded
	dw         float64
	simple     lib.TextEncoding // fallback for one-byte fonts without ToUnicode
	cache      [256]string      // decoded one-byte codes ("" = not yet)
	bold       bool
}

// wrange is a range of CID codes with one width.
type wrange struct {
	first, last uint32
	w           float64
}

// glyphCode is one decoded code of a shown string.
type glyphCode struct {
	code   uint32
	s      string
	w      float64
	single bool // a one-byte code (word spacing applies to code 32)
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
			f.setToUnicode(data)
		}
	}
	sub := v.Key("Subtype").Name()
	switch sub {
	case "Type0":
		enc := v.Key("Encoding")
		f.type0(enc.Name())
		if enc.Kind() == lib.Stream {
			if data, err := d.streamBytes(enc); err == nil {
				f.embeddedCMap(data)
			}
		}
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
		f.finish(true)
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
		if len(f.toUni) == 0 {
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

// type0 sets how a composite font cuts its codes from the name of its
// predefined CMap (an embedded CMap stream has no name: embeddedCMap then
// sets the codespace).
func (f *font) type0(enc string) {
	f.twoByte = true
	switch {
	case strings.Contains(enc, "UTF8"):
		f.twoByte, f.utf8 = false, true
		f.space = utf8Space
	case strings.Contains(enc, "UCS2") || strings.Contains(enc, "UTF16"):
		f.ucs2 = true
		f.gb1 = strings.HasPrefix(enc, "UniGB")
		if strings.Contains(enc, "UTF16") {
			f.space = utf16Space
		}
	case strings.Contains(enc, "GBK2K"):
		f.twoByte, f.mixed, f.gbk = false, true, true
		f.space = gb18030Space
	case strings.Contains(enc, "EUC") || strings.Contains(enc, "GBK") || strings.Contains(enc, "GBpc"):
		f.twoByte, f.mixed, f.gbk = false, true, true
		f.space = gbkSpace
	}
	f.vert = strings.HasSuffix(enc, "-V")
	f.predefined = strings.HasPrefix(enc, "Identity") || strings.HasPrefix(enc, "Uni") || f.gbk || strings.Contains(enc, "-H") || strings.Contains(enc, "-V")
}

// decode cuts a shown string into codes with their text and width: by the
// font's codespace ranges when it has them (one, two or mixed byte
// lengths), else one or two bytes by the flags.
func (f *font) decode(raw string, out []glyphCode) []glyphCode {
	for i := 0; i < len(raw); {
		var code uint32
		n := 1
		switch {
		case f.space != nil:
			n = cutCode(f.space, raw[i:])
			code = codeOf(raw[i : i+n])
		case f.twoByte:
			if i+1 < len(raw) {
				code = uint32(raw[i])<<8 | uint32(raw[i+1])
				n = 2
			} else {
				code = uint32(raw[i])
			}
		default:
			code = uint32(raw[i])
		}
		g := glyphCode{code: code, single: n == 1}
		g.w = f.width(f.cid(code, n))
		g.s = f.text(code, raw[i:i+n])
		out = append(out, g)
		i += n
	}
	return out
}

// cid is the CID of a code of n bytes, for the widths: from the embedded
// CMap, the ASCII block of the Adobe-GB1 Unicode CMaps (UniGB-UCS2-H maps
// U+0020..U+007E to CIDs 1..95), else the code itself (Identity).
func (f *font) cid(code uint32, n int) uint32 {
	if f.cids != nil {
		for _, r := range f.cids {
			if r.n == n && code >= r.lo && code <= r.hi {
				return r.cid + code - r.lo
			}
		}
		return 0
	}
	if f.gb1 && code >= 0x20 && code <= 0x7E {
		return code - 0x1F
	}
	return code
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

// text is the Unicode text of one code. The codes of a Unicode CMap
// (UniGB-UCS2-H, UniGB-UTF16-H, UniGB-UTF8-H) are the text itself and win
// over a ToUnicode CMap: Ghostscript writes wrong ToUnicode maps for such
// fonts when it substitutes a non-embedded STSong-Light.
func (f *font) text(code uint32, raw string) string {
	switch {
	case f.ucs2:
		if s := utf16be(raw); s != "" && !strings.ContainsRune(s, '\uFFFD') && !strings.ContainsFunc(s, unicode.IsControl) {
			return foldCompat(s)
		}
	case f.utf8:
		if utf8.ValidString(raw) && !strings.ContainsFunc(raw, unicode.IsControl) {
			return raw
		}
	}
	if s, ok := f.toUni[code]; ok {
		return s
	}
	switch {
	case f.ucs2 || f.utf8:
		return "\uFFFD"
	case f.gbk:
		if len(raw) == 1 {
			return raw
		}
		if b, err := simplifiedchinese.GB18030.NewDecoder().String(raw); err == nil && !strings.ContainsRune(b, '\uFFFD') {
			return b
		}
		return "\uFFFD"
	case f.twoByte || f.space != nil && len(raw) > 1:
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
	data, err := readall.BoundedScratch(rc, 64<<10, limit, &d.scratch)
	if errors.Is(err, readall.ErrTooLarge) {
		d.budget = 0
		return nil, errBudget
	}
	d.budget -= int64(len(data))
	if err != nil && len(data) == 0 {
		return nil, err
	}
	return data, nil
}
