package pdf

// This file reads CMaps: the ToUnicode CMap of a font (code to text) and
// an embedded encoding CMap of a composite font (code to CID), both with
// their codespace ranges, which say how many bytes each code has. Ghostscript
// (pdfwrite, PDF/A) writes Type0 fonts whose codes are one byte, and
// predefined CMaps such as GBK-EUC-H mix one- and two-byte codes: a font's
// strings are cut by its own codespace, never by a fixed two bytes.

// csRange is one codespace range: codes of n bytes whose every byte lies
// between the matching bytes of lo and hi.
type csRange struct {
	n      int
	lo, hi [4]byte
}

// cidRange maps the n-byte codes lo..hi to the CIDs cid, cid+1, ….
type cidRange struct {
	n      int
	lo, hi uint32
	cid    uint32
}

// Codespaces of predefined CMaps (from their Adobe definitions).
var (
	// GBK-EUC-H, GBpc-EUC-H, GB-EUC-H: ASCII one byte, GBK two bytes
	gbkSpace = []csRange{{1, [4]byte{0x00}, [4]byte{0x80}}, {2, [4]byte{0x81, 0x40}, [4]byte{0xFE, 0xFE}}}
	// GBK2K-H (GB 18030): also four-byte codes
	gb18030Space = []csRange{{1, [4]byte{0x00}, [4]byte{0x80}}, {2, [4]byte{0x81, 0x40}, [4]byte{0xFE, 0xFE}},
		{4, [4]byte{0x81, 0x30, 0x81, 0x30}, [4]byte{0xFE, 0x39, 0xFE, 0x39}}}
	// UniGB-UTF16-H: two bytes, surrogate pairs four
	utf16Space = []csRange{{2, [4]byte{0x00, 0x00}, [4]byte{0xD7, 0xFF}}, {4, [4]byte{0xD8, 0x00, 0xDC, 0x00}, [4]byte{0xDB, 0xFF, 0xDF, 0xFF}},
		{2, [4]byte{0xE0, 0x00}, [4]byte{0xFF, 0xFF}}}
	// UniGB-UTF8-H
	utf8Space = []csRange{{1, [4]byte{0x00}, [4]byte{0x7F}}, {2, [4]byte{0xC2, 0x80}, [4]byte{0xDF, 0xBF}},
		{3, [4]byte{0xE0, 0x80, 0x80}, [4]byte{0xEF, 0xBF, 0xBF}}, {4, [4]byte{0xF0, 0x80, 0x80, 0x80}, [4]byte{0xF4, 0xBF, 0xBF, 0xBF}}}
)

// maxCMapEntries bounds the mappings read from one CMap (a hostile file
// cannot make a font take more memory than this many entries).
const maxCMapEntries = 1 << 17

// cmapData is what a CMap stream says.
type cmapData struct {
	space []csRange
	uni   map[uint32]string
	cids  []cidRange
}

// cutCode is the byte length of the code at the start of s: the shortest
// codespace range that matches it. A code matching no range takes the
// length of the ranges whose first byte matches (the PDF rule for invalid
// codes), else one byte.
func cutCode(space []csRange, s string) int {
	for n := 1; n <= 4 && n <= len(s); n++ {
		for _, r := range space {
			if r.n == n && inRange(r, s) {
				return n
			}
		}
	}
	for _, r := range space {
		if r.n <= len(s) && s[0] >= r.lo[0] && s[0] <= r.hi[0] {
			return r.n
		}
	}
	return 1
}

func inRange(r csRange, s string) bool {
	for i := 0; i < r.n; i++ {
		if s[i] < r.lo[i] || s[i] > r.hi[i] {
			return false
		}
	}
	return true
}

// setToUnicode reads a ToUnicode CMap (its codespace is kept for
// finish).
func (f *font) setToUnicode(data []byte) {
	cm := parseCMap(data)
	f.toUni = cm.uni
	f.tuSpace = cm.space
}

// finish completes a composite font once its encoding is known: a font
// whose encoding CMap is neither predefined nor embedded with a codespace
// cuts its codes by the ToUnicode CMap's codespace when that is not all
// two bytes (two bytes is the default).
func (f *font) finish(composite bool) {
	if composite && f.space == nil && !f.predefined && mixedOrOne(f.tuSpace) {
		f.space = f.tuSpace
		f.twoByte = false
	}
	f.tuSpace = nil
}

// embeddedCMap reads the encoding CMap stream of a composite font: its
// codespace and its code-to-CID mappings.
func (f *font) embeddedCMap(data []byte) {
	cm := parseCMap(data)
	if len(cm.space) > 0 {
		f.space = cm.space
		f.twoByte = false
		for _, r := range cm.space {
			if r.n != 2 {
				continue
			}
			f.twoByte = len(cm.space) == 1 || f.twoByte
		}
	}
	f.cids = cm.cids
}

// mixedOrOne says whether a codespace has ranges of other lengths than two.
func mixedOrOne(space []csRange) bool {
	for _, r := range space {
		if r.n != 2 {
			return true
		}
	}
	return false
}

// parseCMap reads a CMap stream: codespacerange, bfchar/bfrange (to text)
// and cidchar/cidrange (to CIDs). It never panics on malformed input and
// bounds what it keeps.
func parseCMap(data []byte) cmapData {
	cm := cmapData{uni: map[uint32]string{}}
	l := &lexer{b: data}
	var operands []obj
	entries := 0
	for entries < maxCMapEntries {
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
		case "endcodespacerange":
			for i := 0; i+1 < len(operands) && len(cm.space) < 64; i += 2 {
				lo, hi := operands[i], operands[i+1]
				if lo.kind != kStr || hi.kind != kStr || len(lo.s) != len(hi.s) || len(lo.s) < 1 || len(lo.s) > 4 {
					continue
				}
				r := csRange{n: len(lo.s)}
				copy(r.lo[:], lo.s)
				copy(r.hi[:], hi.s)
				cm.space = append(cm.space, r)
			}
		case "endcidchar":
			for i := 0; i+1 < len(operands) && len(cm.cids) < maxCMapEntries; i += 2 {
				src, dst := operands[i], operands[i+1]
				if src.kind != kStr || dst.kind != kNum || len(src.s) < 1 || len(src.s) > 4 {
					continue
				}
				c := codeOf(src.s)
				cm.cids = append(cm.cids, cidRange{n: len(src.s), lo: c, hi: c, cid: uint32(max(dst.num, 0))})
				entries++
			}
		case "endcidrange":
			for i := 0; i+2 < len(operands) && len(cm.cids) < maxCMapEntries; i += 3 {
				lo, hi, dst := operands[i], operands[i+1], operands[i+2]
				if lo.kind != kStr || hi.kind != kStr || dst.kind != kNum || len(lo.s) < 1 || len(lo.s) > 4 {
					continue
				}
				a, b := codeOf(lo.s), codeOf(hi.s)
				if b < a {
					continue
				}
				cm.cids = append(cm.cids, cidRange{n: len(lo.s), lo: a, hi: b, cid: uint32(max(dst.num, 0))})
				entries++
			}
		case "endbfchar":
			for i := 0; i+1 < len(operands); i += 2 {
				src, dst := operands[i], operands[i+1]
				if src.kind != kStr {
					continue
				}
				cm.uni[codeOf(src.s)] = dstText(dst)
				entries++
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
				for c := a; c <= b && entries < maxCMapEntries; c++ {
					k := c - a
					switch dst.kind {
					case kArr:
						if int(k) < len(dst.arr) {
							cm.uni[c] = dstText(dst.arr[k])
						}
					case kStr:
						cm.uni[c] = foldCompat(incText(dst.s, k))
					}
					entries++
				}
			}
		}
		operands = operands[:0]
	}
	return cm
}
