package docx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"unicode/utf8"
)

// scanner is a small XML tokenizer for the WordprocessingML that Word, WPS
// and LibreOffice write: UTF-8, elements with quoted attributes, the five
// predefined entities and character references, comments and the XML
// declaration. It gives the tokens encoding/xml's Decoder gives (names with
// their namespace URL, CharData with CRLF as LF) from a byte slice, without
// the Decoder's per-byte reads. Anything outside that subset (a DOCTYPE,
// CDATA, a processing instruction other than the declaration, an undeclared
// or odd name, a mismatched end tag, a control character) makes it stop
// with errNotSimple, and the caller reads the part with encoding/xml, which
// knows what to say about it.
type scanner struct {
	b     []byte
	pos   int
	open  []openElem // elements not yet closed
	binds []nsBind   // prefix bindings in scope, innermost last
	ended bool       // the root element has closed
	// pending is an EndElement to return next (after a self-closing tag).
	pending *xml.EndElement
	// rawNames holds the current tag's attribute names; names interns
	// element and attribute names.
	rawNames [][]byte
	names    map[string]string
}

// intern returns b as a string, the same string for the same bytes.
func (s *scanner) intern(b []byte) string {
	if v, ok := s.names[string(b)]; ok {
		return v
	}
	if s.names == nil {
		s.names = map[string]string{}
	}
	v := string(b)
	s.names[v] = v
	return v
}

type openElem struct {
	raw   []byte // the name as written, for matching the end tag
	name  xml.Name
	binds int // len(binds) before this element's declarations
}

type nsBind struct{ prefix, url string }

// errNotSimple: the part uses XML the scanner does not read.
var errNotSimple = errors.New("docx: XML outside the scanner's subset")

func newScanner(b []byte) (*scanner, bool) {
	if !utf8.Valid(b) {
		return nil, false
	}
	return &scanner{b: b}, true
}

// Token returns the next token as xml.Decoder.Token does.
func (s *scanner) Token() (xml.Token, error) {
	if s.pending != nil {
		e := *s.pending
		s.pending = nil
		s.closeTop()
		return e, nil
	}
	b := s.b
	if s.pos >= len(b) {
		if len(s.open) > 0 {
			return nil, errNotSimple // unexpected EOF: the Decoder's message
		}
		return nil, io.EOF
	}
	if b[s.pos] != '<' {
		end := bytes.IndexByte(b[s.pos:], '<')
		if end < 0 {
			end = len(b) - s.pos
		}
		text := b[s.pos : s.pos+end]
		if len(s.open) == 0 && !blankXML(text) || bytes.Contains(text, []byte("]]>")) {
			return nil, errNotSimple // text outside the root element
		}
		s.pos += end
		data, ok := unescapeXML(text)
		if !ok {
			return nil, errNotSimple
		}
		return xml.CharData(data), nil
	}
	rest := b[s.pos:]
	switch {
	case bytes.HasPrefix(rest, []byte("<!--")):
		end := bytes.Index(rest[4:], []byte("-->"))
		if end < 0 || bytes.Contains(rest[4:4+end], []byte("--")) {
			return nil, errNotSimple
		}
		c := rest[4 : 4+end]
		if !validChars(c) || bytes.IndexByte(c, '\r') >= 0 {
			return nil, errNotSimple
		}
		s.pos += 4 + end + 3
		return xml.Comment(c), nil
	case bytes.HasPrefix(rest, []byte("<?xml ")) && s.pos == 0:
		end := bytes.Index(rest, []byte("?>"))
		if end < 0 {
			return nil, errNotSimple
		}
		decl := bytes.TrimLeft(rest[6:end], " \t\n")
		if decl == nil {
			decl = []byte{} // as the Decoder gives it
		}
		if !simpleDecl(decl) || bytes.IndexByte(decl, '\r') >= 0 {
			return nil, errNotSimple
		}
		s.pos += end + 2
		return xml.ProcInst{Target: "xml", Inst: decl}, nil
	case len(rest) > 1 && rest[1] == '/':
		return s.endTag(rest)
	case len(rest) > 1 && (rest[1] == '!' || rest[1] == '?'):
		return nil, errNotSimple
	}
	return s.startTag(rest)
}

func (s *scanner) startTag(rest []byte) (xml.Token, error) {
	if s.ended {
		return nil, errNotSimple // a second root element
	}
	i := 1
	raw, n := readXMLName(rest[i:])
	if n == 0 {
		return nil, errNotSimple
	}
	i += n
	mark := len(s.binds)
	var attrs []xml.Attr
	s.rawNames = s.rawNames[:0]
	selfClose := false
	for {
		j := i
		for j < len(rest) && isXMLSpace(rest[j]) {
			j++
		}
		if j >= len(rest) {
			return nil, errNotSimple
		}
		if rest[j] == '>' {
			i = j + 1
			break
		}
		if rest[j] == '/' {
			if j+1 >= len(rest) || rest[j+1] != '>' {
				return nil, errNotSimple
			}
			i, selfClose = j+2, true
			break
		}
		if j == i {
			return nil, errNotSimple // no space before the attribute
		}
		an, n := readXMLName(rest[j:])
		if n == 0 {
			return nil, errNotSimple
		}
		j += n
		if j+1 >= len(rest) || rest[j] != '=' || (rest[j+1] != '"' && rest[j+1] != '\'') {
			return nil, errNotSimple
		}
		q := rest[j+1]
		end := bytes.IndexByte(rest[j+2:], q)
		if end < 0 {
			return nil, errNotSimple
		}
		v := rest[j+2 : j+2+end]
		if bytes.IndexByte(v, '<') >= 0 {
			return nil, errNotSimple
		}
		val, ok := unescapeXML(v)
		if !ok {
			return nil, errNotSimple
		}
		for _, c := range val {
			if c == '\n' || c == '\t' {
				return nil, errNotSimple // the Decoder keeps them; keep it simple
			}
		}
		if attrs == nil {
			attrs = make([]xml.Attr, 0, 4)
		}
		attrs = append(attrs, xml.Attr{Value: string(val)})
		s.rawNames = append(s.rawNames, an)
		i = j + 2 + end + 1
	}
	// Namespace declarations first, as the Decoder does.
	for k, an := range s.rawNames {
		switch {
		case string(an) == "xmlns":
			s.binds = append(s.binds, nsBind{"", attrs[k].Value})
		case bytes.HasPrefix(an, []byte("xmlns:")):
			s.binds = append(s.binds, nsBind{s.intern(an[6:]), attrs[k].Value})
		}
	}
	name, ok := s.resolve(raw, true)
	if !ok {
		s.binds = s.binds[:mark]
		return nil, errNotSimple
	}
	t := xml.StartElement{Name: name, Attr: attrs}
	for k, an := range s.rawNames {
		n, ok := s.resolve(an, false)
		if !ok {
			s.binds = s.binds[:mark]
			return nil, errNotSimple
		}
		attrs[k].Name = n
	}
	s.pos += i
	s.open = append(s.open, openElem{raw: raw, name: name, binds: mark})
	if selfClose {
		s.pending = &xml.EndElement{Name: name}
	}
	return t, nil
}

func (s *scanner) endTag(rest []byte) (xml.Token, error) {
	raw, n := readXMLName(rest[2:])
	if n == 0 {
		return nil, errNotSimple
	}
	i := 2 + n
	for i < len(rest) && isXMLSpace(rest[i]) {
		i++
	}
	if i >= len(rest) || rest[i] != '>' || len(s.open) == 0 || !bytes.Equal(s.open[len(s.open)-1].raw, raw) {
		return nil, errNotSimple
	}
	name := s.open[len(s.open)-1].name
	s.pos += i + 1
	s.closeTop()
	return xml.EndElement{Name: name}, nil
}

func (s *scanner) closeTop() {
	top := s.open[len(s.open)-1]
	s.open = s.open[:len(s.open)-1]
	s.binds = s.binds[:top.binds]
	if len(s.open) == 0 {
		s.ended = true
	}
}

// Skip skips to the end of the element whose start tag was read last, as
// xml.Decoder.Skip does.
func (s *scanner) Skip() error {
	depth := 0
	for {
		tok, err := s.Token()
		if err != nil {
			return err
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			if depth == 0 {
				return nil
			}
			depth--
		}
	}
}

// resolve splits a name at its colon and maps the prefix to its URL as the
// Decoder does: the default namespace applies to element names only, the
// xmlns attributes keep their prefix.
func (s *scanner) resolve(raw []byte, element bool) (xml.Name, bool) {
	prefix, local := "", raw
	if i := bytes.IndexByte(raw, ':'); i >= 0 {
		if i == 0 || i == len(raw)-1 || bytes.IndexByte(raw[i+1:], ':') >= 0 {
			return xml.Name{}, false
		}
		prefix, local = string(raw[:i]), raw[i+1:]
	}
	return s.resolveName(prefix, s.intern(local), element)
}

func (s *scanner) resolveName(prefix, local string, element bool) (xml.Name, bool) {
	switch {
	case prefix == "xmlns":
		return xml.Name{Space: "xmlns", Local: local}, true
	case prefix == "" && local == "xmlns":
		return xml.Name{Local: "xmlns"}, true
	case prefix == "" && !element:
		return xml.Name{Local: local}, true
	case prefix == "xml":
		return xml.Name{Space: "http://www.w3.org/XML/1998/namespace", Local: local}, true
	}
	for k := len(s.binds) - 1; k >= 0; k-- {
		if s.binds[k].prefix == prefix {
			return xml.Name{Space: s.binds[k].url, Local: local}, true
		}
	}
	if prefix == "" {
		return xml.Name{Local: local}, true
	}
	return xml.Name{}, false // an undeclared prefix
}

// readXMLName reads an ASCII XML name; other names are left to the Decoder.
func readXMLName(b []byte) ([]byte, int) {
	n := 0
	for n < len(b) {
		c := b[n]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' || c == ':' ||
			n > 0 && ('0' <= c && c <= '9' || c == '-' || c == '.') {
			n++
			continue
		}
		break
	}
	return b[:n], n
}

func isXMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func blankXML(b []byte) bool {
	for _, c := range b {
		if !isXMLSpace(c) {
			return false
		}
	}
	return true
}

// validChars reports whether b holds only characters XML allows.
func validChars(b []byte) bool {
	for i := 0; i < len(b); {
		c := b[i]
		if c < 0x80 {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == 0xFFFE || r == 0xFFFF {
			return false
		}
		i += size
	}
	return true
}

// unescapeXML turns CRLF and lone CR into LF, as the Decoder does with
// the bytes it reads, then replaces the predefined entities and character
// references. It returns b itself when there is nothing to change.
func unescapeXML(b []byte) ([]byte, bool) {
	if !validChars(b) {
		return nil, false
	}
	if bytes.IndexByte(b, '\r') >= 0 {
		b = bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))
		b = bytes.ReplaceAll(b, []byte("\r"), []byte("\n"))
	}
	amp := bytes.IndexByte(b, '&')
	if amp < 0 {
		return b, true
	}
	out := make([]byte, 0, len(b))
	out = append(out, b[:amp]...)
	for i := amp; i < len(b); {
		if b[i] != '&' {
			out = append(out, b[i])
			i++
			continue
		}
		semi := bytes.IndexByte(b[i:], ';')
		if semi < 2 {
			return nil, false
		}
		ent := string(b[i+1 : i+semi])
		switch ent {
		case "lt":
			out = append(out, '<')
		case "gt":
			out = append(out, '>')
		case "amp":
			out = append(out, '&')
		case "quot":
			out = append(out, '"')
		case "apos":
			out = append(out, '\'')
		default:
			if ent[0] != '#' || len(ent) < 2 {
				return nil, false
			}
			var n uint64
			var err error
			if ent[1] == 'x' {
				n, err = strconv.ParseUint(ent[2:], 16, 32)
			} else {
				n, err = strconv.ParseUint(ent[1:], 10, 32)
			}
			r := rune(n)
			if err != nil || !isXMLChar(r) {
				return nil, false
			}
			out = utf8.AppendRune(out, r)
		}
		i += semi + 1
	}
	return out, true
}

func isXMLChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// simpleDecl accepts the XML declarations Word and WPS write.
func simpleDecl(d []byte) bool {
	if !validChars(d) || bytes.ContainsAny(d, "<>") {
		return false
	}
	// version="1.0" first, or no version at all
	if bytes.Contains(d, []byte("version")) && !bytes.HasPrefix(d, []byte(`version="1.0"`)) && !bytes.HasPrefix(d, []byte(`version='1.0'`)) {
		return false
	}
	if bytes.Count(d, []byte("version")) > 1 || bytes.Count(d, []byte("encoding")) > 1 {
		return false
	}
	i := bytes.Index(d, []byte("encoding="))
	if i < 0 {
		return true
	}
	v := d[i+len("encoding="):]
	if len(v) < 2 {
		return false
	}
	q := v[0]
	end := bytes.IndexByte(v[1:], q)
	if end < 0 {
		return false
	}
	enc := string(bytes.ToLower(v[1 : 1+end]))
	return enc == "utf-8"
}
