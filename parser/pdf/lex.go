package pdf

import (
	"strconv"
)

// This file is a small tokenizer for PDF content streams and CMaps. It works
// on the decoded bytes of a stream, never panics, and bounds the nesting of
// arrays and dictionaries. The library's Interpret is not used for content
// streams because it cannot bound decompression, allocates a Value per token
// and lets runtime errors through.

// objKind is the kind of an operand.
type objKind uint8

const (
	kNull objKind = iota
	kNum
	kName
	kStr
	kArr
	kDict
	kBool
	kRef // an indirect reference "N G R" (only when the lexer reads objects)
)

// obj is one operand of a content-stream operator.
type obj struct {
	kind objKind
	gen  int32 // generation of a kRef (its number is in num)
	num  float64
	s    string // name (without slash) or string bytes
	arr  []obj  // array elements; for a dictionary key, value, key, value…
}

// get is a dictionary entry as written (the first of repeated keys), or
// null.
func (o obj) get(k string) obj {
	if o.kind != kDict {
		return obj{}
	}
	for i := 0; i+1 < len(o.arr); i += 2 {
		if o.arr[i].s == k {
			return o.arr[i+1]
		}
	}
	return obj{}
}

// maxNest bounds array and dictionary nesting in a content stream.
const maxNest = 32

// lexer reads tokens from decoded stream bytes.
type lexer struct {
	b    []byte
	pos  int
	refs bool  // read "N G R" as kRef (file objects, not content streams)
	tmp  []obj // elements of the arrays being read
	// arena, when set (run), holds the elements of the arrays and
	// dictionaries of the operands of one operator; it is reused after
	// the operator is done, so the operands of an operator must not be
	// kept past it
	arena    []obj
	useArena bool
}

// maxArena bounds the elements an operator's operands keep in the arena;
// beyond it arrays are allocated as usual.
const maxArena = 4096

// keep returns a copy of elems that lives at least until the current
// operator is done.
func (l *lexer) keep(elems []obj) []obj {
	if len(elems) == 0 {
		return nil
	}
	if l.useArena && len(l.arena)+len(elems) <= maxArena {
		a := len(l.arena)
		l.arena = append(l.arena, elems...)
		return l.arena[a:len(l.arena):len(l.arena)]
	}
	out := make([]obj, len(elems))
	copy(out, elems)
	return out
}

// value is next, reading "N G R" as one reference when l.refs is set.
func (l *lexer) value(depth int) (obj, string, bool) {
	o, op, ok := l.next(depth)
	if !ok || op != "" || !l.refs || o.kind != kNum {
		return o, op, ok
	}
	// look for " G R" by hand: most numbers are not references, and
	// lexing two tokens ahead for each would read every number three times
	b, i := l.b, l.pos
	for i < len(b) && isSpace(b[i]) {
		i++
	}
	g, digits := 0, 0
	for i < len(b) && b[i] >= '0' && b[i] <= '9' && digits < 6 {
		g = g*10 + int(b[i]-'0')
		i++
		digits++
	}
	if digits == 0 || i >= len(b) || !isSpace(b[i]) {
		return o, op, ok
	}
	for i < len(b) && isSpace(b[i]) {
		i++
	}
	if i < len(b) && b[i] == 'R' && (i+1 == len(b) || isSpace(b[i+1]) || isDelim(b[i+1])) {
		l.pos = i + 1
		return obj{kind: kRef, num: o.num, gen: int32(g)}, "", true
	}
	return o, op, ok
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

// skipSpace skips white space and comments.
func (l *lexer) skipSpace() {
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		if isSpace(c) {
			l.pos++
			continue
		}
		if c == '%' {
			for l.pos < len(l.b) && l.b[l.pos] != '\n' && l.b[l.pos] != '\r' {
				l.pos++
			}
			continue
		}
		return
	}
}

// next returns the next operand, or an operator in op (ok false at the end).
func (l *lexer) next(depth int) (o obj, op string, ok bool) {
	l.skipSpace()
	if l.pos >= len(l.b) {
		return obj{}, "", false
	}
	c := l.b[l.pos]
	switch {
	case c == '/':
		l.pos++
		start := l.pos
		for l.pos < len(l.b) && !isSpace(l.b[l.pos]) && !isDelim(l.b[l.pos]) {
			l.pos++
		}
		return obj{kind: kName, s: unescapeName(l.b[start:l.pos])}, "", true
	case c == '(':
		return obj{kind: kStr, s: l.literal()}, "", true
	case c == '<' && l.pos+1 < len(l.b) && l.b[l.pos+1] == '<':
		l.pos += 2
		// keys and values gather on the element stack; the dictionary is
		// one slice of key, value pairs
		start := len(l.tmp)
		done := func() (obj, string, bool) {
			kvs := l.keep(l.tmp[start:])
			clear(l.tmp[start:])
			l.tmp = l.tmp[:start]
			return obj{kind: kDict, arr: kvs}, "", true
		}
		for {
			l.skipSpace()
			if l.pos >= len(l.b) {
				return done()
			}
			if l.b[l.pos] == '>' {
				l.pos++
				if l.pos < len(l.b) && l.b[l.pos] == '>' {
					l.pos++
				}
				return done()
			}
			k, kop, ok := l.next(depth + 1)
			if !ok {
				return done()
			}
			if kop != "" || k.kind != kName {
				continue
			}
			if depth >= maxNest {
				return done()
			}
			if l.refs && skipKeys[k.s] {
				l.skip()
				continue
			}
			v, vop, ok := l.value(depth + 1)
			if !ok {
				return done()
			}
			if vop == "" {
				l.tmp = append(l.tmp, k, v)
			}
		}
	case c == '<':
		return obj{kind: kStr, s: l.hex()}, "", true
	case c == '[':
		l.pos++
		// elements gather on a stack shared by nested arrays; the array
		// gets one allocation of its exact size
		start := len(l.tmp)
		done := func() (obj, string, bool) {
			arr := l.keep(l.tmp[start:])
			clear(l.tmp[start:])
			l.tmp = l.tmp[:start]
			return obj{kind: kArr, arr: arr}, "", true
		}
		for {
			l.skipSpace()
			if l.pos >= len(l.b) {
				return done()
			}
			if l.b[l.pos] == ']' {
				l.pos++
				return done()
			}
			if depth >= maxNest {
				l.pos++
				continue
			}
			v, vop, ok := l.value(depth + 1)
			if !ok {
				return done()
			}
			if vop == "" {
				l.tmp = append(l.tmp, v)
			}
		}
	case c == ']' || c == '>' || c == ')' || c == '{' || c == '}':
		l.pos++
		return obj{}, string(c), true
	case c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9'):
		start := l.pos
		l.pos++
		for l.pos < len(l.b) {
			d := l.b[l.pos]
			if (d >= '0' && d <= '9') || d == '.' || d == '-' || d == '+' {
				l.pos++
				continue
			}
			break
		}
		return obj{kind: kNum, num: parseNum(l.b[start:l.pos])}, "", true
	}
	start := l.pos
	for l.pos < len(l.b) && !isSpace(l.b[l.pos]) && !isDelim(l.b[l.pos]) {
		l.pos++
	}
	if l.pos == start { // a lone delimiter we do not handle
		l.pos++
		return obj{}, string(c), true
	}
	w := l.b[start:l.pos]
	switch string(w) {
	case "true":
		return obj{kind: kBool, num: 1}, "", true
	case "false":
		return obj{kind: kBool}, "", true
	case "null":
		return obj{}, "", true
	}
	return obj{}, opName(w), true
}

// opName returns the operators of content streams and CMaps without
// allocating a string for each occurrence.
func opName(w []byte) string {
	switch string(w) {
	case "q":
		return "q"
	case "Q":
		return "Q"
	case "cm":
		return "cm"
	case "w":
		return "w"
	case "J":
		return "J"
	case "j":
		return "j"
	case "M":
		return "M"
	case "d":
		return "d"
	case "ri":
		return "ri"
	case "i":
		return "i"
	case "gs":
		return "gs"
	case "m":
		return "m"
	case "l":
		return "l"
	case "c":
		return "c"
	case "v":
		return "v"
	case "y":
		return "y"
	case "h":
		return "h"
	case "re":
		return "re"
	case "S":
		return "S"
	case "s":
		return "s"
	case "f":
		return "f"
	case "F":
		return "F"
	case "f*":
		return "f*"
	case "B":
		return "B"
	case "B*":
		return "B*"
	case "b":
		return "b"
	case "b*":
		return "b*"
	case "n":
		return "n"
	case "W":
		return "W"
	case "W*":
		return "W*"
	case "BT":
		return "BT"
	case "ET":
		return "ET"
	case "Tc":
		return "Tc"
	case "Tw":
		return "Tw"
	case "Tz":
		return "Tz"
	case "TL":
		return "TL"
	case "Tf":
		return "Tf"
	case "Tr":
		return "Tr"
	case "Ts":
		return "Ts"
	case "Td":
		return "Td"
	case "TD":
		return "TD"
	case "Tm":
		return "Tm"
	case "T*":
		return "T*"
	case "Tj":
		return "Tj"
	case "TJ":
		return "TJ"
	case "'":
		return "'"
	case "\"":
		return "\""
	case "d0":
		return "d0"
	case "d1":
		return "d1"
	case "CS":
		return "CS"
	case "cs":
		return "cs"
	case "SC":
		return "SC"
	case "SCN":
		return "SCN"
	case "sc":
		return "sc"
	case "scn":
		return "scn"
	case "G":
		return "G"
	case "g":
		return "g"
	case "RG":
		return "RG"
	case "rg":
		return "rg"
	case "K":
		return "K"
	case "k":
		return "k"
	case "sh":
		return "sh"
	case "BI":
		return "BI"
	case "ID":
		return "ID"
	case "EI":
		return "EI"
	case "Do":
		return "Do"
	case "MP":
		return "MP"
	case "DP":
		return "DP"
	case "BMC":
		return "BMC"
	case "BDC":
		return "BDC"
	case "EMC":
		return "EMC"
	case "BX":
		return "BX"
	case "EX":
		return "EX"
	case "begincmap":
		return "begincmap"
	case "endcmap":
		return "endcmap"
	case "beginbfchar":
		return "beginbfchar"
	case "endbfchar":
		return "endbfchar"
	case "beginbfrange":
		return "beginbfrange"
	case "endbfrange":
		return "endbfrange"
	case "begincodespacerange":
		return "begincodespacerange"
	case "endcodespacerange":
		return "endcodespacerange"
	case "def":
		return "def"
	case "dict":
		return "dict"
	case "begin":
		return "begin"
	case "end":
		return "end"
	case "findresource":
		return "findresource"
	case "defineresource":
		return "defineresource"
	case "pop":
		return "pop"
	case "obj":
		return "obj"
	case "endobj":
		return "endobj"
	case "stream":
		return "stream"
	case "endstream":
		return "endstream"
	case "R":
		return "R"
	case "xref":
		return "xref"
	case "trailer":
		return "trailer"
	case "startxref":
		return "startxref"
	}
	return string(w)
}

// parseNum parses a PDF number leniently ("--5", "3.", ".5", "1.2.3").
func parseNum(b []byte) float64 {
	neg := false
	i := 0
	for i < len(b) && (b[i] == '-' || b[i] == '+') {
		if b[i] == '-' {
			neg = !neg
		}
		i++
	}
	var ip, fp float64
	scale := 1.0
	dot := false
	for ; i < len(b); i++ {
		c := b[i]
		switch {
		case c >= '0' && c <= '9':
			if dot {
				scale /= 10
				fp += float64(c-'0') * scale
			} else {
				ip = ip*10 + float64(c-'0')
			}
		case c == '.' && !dot:
			dot = true
		default:
			i = len(b)
		}
	}
	v := ip + fp
	if neg {
		v = -v
	}
	return v
}

func unescapeName(b []byte) string {
	for i := 0; i < len(b); i++ {
		if b[i] == '#' {
			out := make([]byte, 0, len(b))
			for j := 0; j < len(b); j++ {
				if b[j] == '#' && j+2 < len(b) {
					if v, err := strconv.ParseUint(string(b[j+1:j+3]), 16, 8); err == nil {
						out = append(out, byte(v))
						j += 2
						continue
					}
				}
				out = append(out, b[j])
			}
			return string(out)
		}
	}
	if n, ok := commonNames[string(b)]; ok {
		return n
	}
	return string(b)
}

// commonNames are names returned without allocating a string each time.
var commonNames = func() map[string]string {
	m := map[string]string{}
	for _, n := range []string{"Type", "Subtype", "S", "K", "P", "Pg", "A", "MCID", "MCR", "OBJR", "StructElem",
		"TD", "TR", "TH", "Table", "THead", "TBody", "TFoot", "Span", "NonStruct", "Div", "Sect", "Document", "Part", "Art",
		"H1", "H2", "H3", "Figure", "Artifact", "Lang", "ActualText", "Alt", "ID", "T",
		"RowSpan", "ColSpan", "O", "Layout", "List", "PrintField", "Headers", "Scope", "Placement", "Block", "Inline",
		"Width", "Height", "BBox", "Font", "BaseFont", "ToUnicode", "Widths", "FirstChar", "LastChar", "FontMatrix",
		"FontDescriptor", "Encoding", "Length", "Filter", "FlateDecode", "DecodeParms", "DescendantFonts", "W", "DW",
		"Type0", "Type1", "Type3", "TrueType", "CIDFontType0", "CIDFontType2", "Identity-H", "Identity-V", "Identity",
		"MissingWidth", "CIDSystemInfo", "CIDToGIDMap", "CharProcs", "Differences", "Resources", "XObject", "ExtGState",
		"ProcSet", "PDF", "Text", "ImageB", "ImageC", "Form", "Image", "Matrix", "Contents", "Parent", "Kids", "Count",
		"Page", "Pages", "MediaBox", "CropBox", "Rotate", "StructParents", "Tabs", "Annots", "Properties",
		"WinAnsiEncoding", "StandardEncoding", "MacRomanEncoding", "Flags", "FontName", "FontBBox", "ItalicAngle",
		"Ascent", "Descent", "CapHeight", "StemV", "FontFile", "FontFile2", "FontFile3", "N", "First", "ObjStm",
		"Ordering", "Registry", "Supplement", "Adobe", "Artifact", "Pagination", "Header", "Footer"} {
		m[n] = n
	}
	return m
}()

// skipKeys are dictionary entries never needed from file objects: large
// arrays and trees (Type3 glyph procedures and encodings, the parent tree
// of the structure tree) are skipped without building them.
var skipKeys = map[string]bool{"CharProcs": true, "Differences": true, "ParentTree": true, "IDTree": true,
	"Metadata": true, "FontFile": true, "FontFile2": true, "FontFile3": true, "CIDSet": true, "Headers": true,
	"ActualText": true, "Alt": true, "ClassMap": true}

// skip passes over one value without building it.
func (l *lexer) skip() {
	l.skipSpace()
	if l.pos >= len(l.b) {
		return
	}
	switch c := l.b[l.pos]; {
	case c == '(':
		l.literal()
	case c == '<' && l.pos+1 < len(l.b) && l.b[l.pos+1] == '<', c == '[':
		depth := 0
		for l.pos < len(l.b) {
			c := l.b[l.pos]
			switch {
			case c == '(':
				l.literal()
				continue
			case c == '%':
				l.skipSpace()
				continue
			case c == '[':
				depth++
			case c == ']':
				depth--
			case c == '<' && l.pos+1 < len(l.b) && l.b[l.pos+1] == '<':
				depth++
				l.pos++
			case c == '>' && l.pos+1 < len(l.b) && l.b[l.pos+1] == '>':
				depth--
				l.pos++
			case c == '<':
				for l.pos < len(l.b) && l.b[l.pos] != '>' {
					l.pos++
				}
			}
			l.pos++
			if depth <= 0 {
				return
			}
		}
	default:
		l.value(0)
	}
}

// literal reads a (string) with escapes and balanced parentheses.
func (l *lexer) literal() string {
	l.pos++ // (
	// most strings have no escapes and no nested parentheses
	for i := l.pos; i < len(l.b); i++ {
		c := l.b[i]
		if c == ')' {
			s := string(l.b[l.pos:i])
			l.pos = i + 1
			return s
		}
		if c == '\\' || c == '(' {
			break
		}
	}
	var out []byte
	depth := 1
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		l.pos++
		switch c {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return string(out)
			}
		case '\\':
			if l.pos >= len(l.b) {
				return string(out)
			}
			e := l.b[l.pos]
			l.pos++
			switch e {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\r':
				if l.pos < len(l.b) && l.b[l.pos] == '\n' {
					l.pos++
				}
				continue
			case '\n':
				continue
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for k := 0; k < 2 && l.pos < len(l.b) && l.b[l.pos] >= '0' && l.b[l.pos] <= '7'; k++ {
						v = v*8 + int(l.b[l.pos]-'0')
						l.pos++
					}
					c = byte(v)
				} else {
					c = e
				}
			}
		}
		out = append(out, c)
	}
	return string(out)
}

// hex reads a <hex string>.
func (l *lexer) hex() string {
	l.pos++ // <
	var out []byte
	hi, have := byte(0), false
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		l.pos++
		if c == '>' {
			break
		}
		var v byte
		switch {
		case c >= '0' && c <= '9':
			v = c - '0'
		case c >= 'a' && c <= 'f':
			v = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			v = c - 'A' + 10
		default:
			continue
		}
		if have {
			out = append(out, hi<<4|v)
			have = false
		} else {
			hi, have = v, true
		}
	}
	if have {
		out = append(out, hi<<4)
	}
	return string(out)
}

// skipInlineImage skips the data of an inline image after the ID operator,
// up to and including EI.
func (l *lexer) skipInlineImage() {
	if l.pos < len(l.b) && isSpace(l.b[l.pos]) {
		l.pos++
	}
	for i := l.pos; i+2 < len(l.b); i++ {
		if l.b[i] == 'E' && l.b[i+1] == 'I' && (i == 0 || isSpace(l.b[i-1])) && (i+2 == len(l.b) || isSpace(l.b[i+2]) || isDelim(l.b[i+2])) {
			l.pos = i + 2
			return
		}
	}
	l.pos = len(l.b)
}

// run calls do for every operator with its operands. The operand slice is
// reused between calls.
func (l *lexer) run(do func(op string, args []obj)) {
	var stack []obj
	l.useArena = true
	defer func() { l.useArena = false }()
	for {
		o, op, ok := l.next(0)
		if !ok {
			return
		}
		if op == "" {
			if len(stack) < 64 {
				stack = append(stack, o)
			}
			continue
		}
		if op == "ID" {
			l.skipInlineImage()
		} else {
			do(op, stack)
		}
		// the operator is done: its operands and their arena go
		stack = stack[:0]
		clear(l.arena)
		l.arena = l.arena[:0]
	}
}
