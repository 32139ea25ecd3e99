package html

import (
	"strings"
	"unicode/utf8"

	xhtml "github.com/reportlint/reportlint/parser/html/internal/xhtml"
)

// The page scan's tokenizer. scanPage needs, for every token of the page,
// its type and source range, and for tags the name (and, for a few start
// tags, whether the attributes hide the element). xhtml's Tokenizer gives
// all that but does much more per tag (a name copy, every attribute's key
// and value, a map to drop repeated attributes), which made the scan half
// of the reader's time on a page of site chrome. pscan finds exactly the
// tokens the Tokenizer finds over the whole page, with the same offsets,
// reading the bytes as the Tokenizer's states do (data, tag, attribute
// names and quoted or unquoted values, comments with their "--!>" and
// "<!-->" quirks, bogus comments, doctypes, raw text and RCDATA up to the
// matching end tag, script data with its escapes), and looks at attribute
// values only where scanPage needs them. The one case it does not decide
// itself, a tag whose self-closing slash may be part of an unquoted value
// of a repeated attribute (or a style value with a character reference),
// it hands to the Tokenizer, on that tag alone.

// pscan reads the tokens of s one after another (next).
type pscan struct {
	s   string
	pos int // where the next token starts
	// raw is the lower-cased name of the element whose raw text (or
	// RCDATA) comes next, "" for none.
	raw string

	// the current token
	start, end int
	// tags: the name's range in s, and what the name is
	nameStart, nameEnd int
	tag                tagInfo
	// start tags: whether an attribute is named hidden, where the value
	// of the first attribute named style is (styleAt -1: none), and
	// whether the tag ends in an unquoted value ending in '/' (<a b=c/>)
	hasHidden         bool
	styleAt, styleEnd int
	slashInValue      bool
}

// tagInfo is what scanPage knows about a tag name: its lower-cased name
// (for the names it tests, "" for others) and their classes.
type tagInfo struct {
	name  string
	flags tagFlags
}

type tagFlags uint16

const (
	tfVoid       tagFlags = 1 << iota // voidTags
	tfHead                            // headTags
	tfNoLean                          // noLean
	tfSkip                            // skipTags
	tfNotNesting                      // notNesting
	tfCell                            // td, th
	tfForeign                         // svg, math
	tfRawText                         // the tokenizer reads raw text (or RCDATA) after it
	tfHeadRaw                         // script, style, title, noscript: text in the head
	tfRawVisible                      // xmp, noembed, noframes: visible raw text
	tfASCII                           // the name is ASCII (set by lookupTag)
)

// The classes of bytes in tags, by the byte (a table is faster than the
// comparisons).
const (
	ccSpace    = 1 << iota // white space: ' ', '\n', '\r', '\t', '\f'
	ccEndName              // ends a tag name: white space, '/', '>'
	ccEndAttr              // ends an attribute name: also '='
	ccEndValue             // ends an unquoted value: white space, '>'
)

var byteClass = func() (t [256]uint8) {
	for _, c := range " \n\r\t\f" {
		t[c] = ccSpace | ccEndName | ccEndAttr | ccEndValue
	}
	t['/'] = ccEndName | ccEndAttr
	t['>'] = ccEndName | ccEndAttr | ccEndValue
	t['='] = ccEndAttr
	return t
}()

// lowerByte[c] is c with A-Z lower-cased.
var lowerByte = func() (t [256]byte) {
	for c := range t {
		t[c] = byte(c)
		if 'A' <= c && c <= 'Z' {
			t[c] += 'a' - 'A'
		}
	}
	return t
}()

func isTagSpace(c byte) bool {
	return byteClass[c]&ccSpace != 0
}

func isLetter(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// skipSpace returns the index of the first byte at or after i that is not
// white space (len(s) if none).
func skipSpace(s string, i int) int {
	for i < len(s) && isTagSpace(s[i]) {
		i++
	}
	return i
}

// next reads the next token, as xhtml's Tokenizer.Next does; it returns
// xhtml.ErrorToken at the end of the input (or of a tag the input cuts
// short, where the Tokenizer stops too).
func (p *pscan) next() xhtml.TokenType {
	s := p.s
	p.start = p.pos
	if p.pos >= len(s) {
		return xhtml.ErrorToken
	}
	if p.raw != "" {
		var e int
		switch p.raw {
		case "plaintext":
			e = len(s)
		case "script":
			e = scriptEnd(s, p.pos)
		default:
			e = rawEnd(s, p.pos, p.raw)
		}
		p.raw = ""
		if e > p.pos {
			p.end, p.pos = e, e
			return xhtml.TextToken
		}
	}
	i := p.pos
	for {
		j := 0 // most tokens start with '<' (a tag after a tag): no call
		if s[i] != '<' {
			j = strings.IndexByte(s[i:], '<')
		}
		if j < 0 || i+j+1 >= len(s) {
			// text up to the end ("<" as the last byte included)
			p.end, p.pos = len(s), len(s)
			return xhtml.TextToken
		}
		i += j
		if c := s[i+1]; isLetter(c) || c == '/' || c == '!' || c == '?' {
			break
		}
		i++ // the byte after '<' may start a tag: read it again
	}
	if i > p.start {
		p.end, p.pos = i, i
		return xhtml.TextToken
	}
	switch c := s[i+1]; {
	case isLetter(c):
		// a start tag
		if !p.readTag(i+1, true) {
			return p.cut()
		}
		p.pos = p.end
		if p.tag.flags&tfRawText != 0 {
			p.raw = p.tag.name // also after <script/>: the Tokenizer ignores the slash there
		}
		if s[p.end-2] != '/' {
			return xhtml.StartTagToken
		}
		return p.slashedStartTag()
	case c == '/':
		if i+2 >= len(s) {
			p.end, p.pos = len(s), len(s)
			return xhtml.TextToken // "</" at the end is text
		}
		switch c := s[i+2]; {
		case c == '>':
			return p.token(i+3, xhtml.CommentToken) // "</>"
		case isLetter(c):
			if !p.readTag(i+2, false) {
				return p.cut()
			}
			p.pos = p.end
			return xhtml.EndTagToken
		}
		return p.token(closeAngle(s, i+2), xhtml.CommentToken)
	case c == '?':
		return p.token(closeAngle(s, i+1), xhtml.CommentToken)
	}
	return p.markup(i + 2)
}

// token ends the current token at e.
func (p *pscan) token(e int, tt xhtml.TokenType) xhtml.TokenType {
	p.end, p.pos = e, e
	return tt
}

// cut ends the scan: the input ends inside a tag, which the Tokenizer
// reports as an error.
func (p *pscan) cut() xhtml.TokenType {
	p.pos = len(p.s)
	return xhtml.ErrorToken
}

// closeAngle returns the index after the first '>' at or after i, or
// len(s): the end of a bogus comment.
func closeAngle(s string, i int) int {
	if j := strings.IndexByte(s[i:], '>'); j >= 0 {
		return i + j + 1
	}
	return len(s)
}

// markup reads a token starting with "<!" (i is after it): a comment, a
// doctype or a bogus comment (xhtml's readMarkupDeclaration; CDATA is not
// allowed, the scan's tokenizer never allowed it).
func (p *pscan) markup(i int) xhtml.TokenType {
	s := p.s
	if i+1 >= len(s) {
		return p.token(len(s), xhtml.CommentToken)
	}
	if s[i] == '-' && s[i+1] == '-' {
		return p.token(commentEnd(s, i+2), xhtml.CommentToken)
	}
	const doctype = "DOCTYPE"
	for k := 0; k < len(doctype); k++ {
		if i+k >= len(s) {
			// a prefix of DOCTYPE up to the end: a bogus comment
			return p.token(len(s), xhtml.CommentToken)
		}
		if c := s[i+k]; c != doctype[k] && c != doctype[k]+('a'-'A') {
			return p.token(closeAngle(s, i), xhtml.CommentToken)
		}
	}
	j := skipSpace(s, i+len(doctype))
	if j >= len(s) {
		return p.token(len(s), xhtml.DoctypeToken)
	}
	return p.token(closeAngle(s, j), xhtml.DoctypeToken)
}

// commentEnd returns the end of a comment whose "<!--" ends at i (xhtml's
// readComment): after "-->", "--!>", a ">" right after "<!--" or "<!---",
// or the end of the input.
func commentEnd(s string, i int) int {
	dashes, beginning := 0, true
	for i < len(s) {
		if dashes == 0 && !beginning {
			// only a dash can start the end
			j := strings.IndexByte(s[i:], '-')
			if j < 0 {
				return len(s)
			}
			i += j
		}
		c := s[i]
		i++
		switch c {
		case '-':
			dashes++
			continue
		case '>':
			if dashes >= 2 || beginning {
				return i
			}
		case '!':
			if dashes >= 2 {
				if i >= len(s) {
					return len(s)
				}
				c = s[i]
				i++
				if c == '>' {
					return i
				}
				if c == '-' {
					dashes, beginning = 1, false
					continue
				}
			}
		}
		dashes, beginning = 0, false
	}
	return len(s)
}

// slashedStartTag is the type of a start tag next has read whose last
// byte before the '>' is a '/': a self-closing tag, unless the slash is
// the last byte of the value of the tag's last kept attribute (the last
// attribute when its name did not come before it).
func (p *pscan) slashedStartTag() xhtml.TokenType {
	if p.slashInValue {
		tt, _ := p.reference()
		return tt
	}
	return xhtml.SelfClosingTagToken
}

// readTag reads a tag whose name starts at i, as xhtml's readTag does:
// the name, then attributes (a name, then maybe '=' and a quoted or
// unquoted value) up to the '>' that ends the tag. For a start tag it
// notes the attributes scanPage may look at (hidden, style). It reports
// false when the input ends first.
func (p *pscan) readTag(i int, start bool) bool {
	s := p.s
	// The name, packed as lookupTag packs it: a name of at most eight
	// bytes with eight bytes of input from its start in one word.
	p.nameStart = i
	for i < len(s) && byteClass[s[i]]&ccEndName == 0 {
		i++
	}
	if i >= len(s) {
		return false
	}
	p.nameEnd = i
	if n := i - p.nameStart; n <= 8 && p.nameStart+8 <= len(s) {
		w := load64(s, p.nameStart) & (^uint64(0) >> (64 - 8*n))
		p.tag = lookupPacked(lowerWord(w), 0, n, w&0x8080808080808080 == 0)
	} else {
		p.tag = lookupTag(s[p.nameStart:i])
	}
	p.hasHidden, p.styleAt, p.slashInValue = false, -1, false
	for i = skipSpace(s, i); ; i = skipSpace(s, i) {
		if i >= len(s) {
			return false
		}
		if s[i] == '>' {
			p.end = i + 1
			return true
		}
		// The name: a '/' ends it (even as its first byte), so do white
		// space, '>' and a '=' that is not its first byte.
		ks := i
		if s[i] != '/' {
			i++
			for i < len(s) && byteClass[s[i]]&ccEndAttr == 0 {
				i++
			}
		}
		ke := i
		vs, ve := ke, ke
		gt := false // an unquoted value ended by the tag's '>'
		if i = skipSpace(s, i); i >= len(s) {
			return false
		}
		switch s[i] {
		case '/':
			i++
		case '=':
			if i = skipSpace(s, i+1); i >= len(s) {
				return false
			}
			switch q := s[i]; q {
			case '>':
			case '"', '\'':
				j := strings.IndexByte(s[i+1:], q)
				if j < 0 {
					return false
				}
				vs, ve = i+1, i+1+j
				i = ve + 1
			default:
				vs = i
				for i < len(s) && byteClass[s[i]]&ccEndValue == 0 {
					i++
				}
				if i >= len(s) {
					return false
				}
				ve = i
				if gt = s[i] == '>'; !gt {
					i++
				}
			}
		}
		p.slashInValue = gt && s[ve-1] == '/'
		// only hidden and style matter (noteAttr): pass the others
		// here, without a call
		if n := ke - ks; start && (n == len("hidden") && s[ks]|0x20 == 'h' || n == len("style") && s[ks]|0x20 == 's') {
			p.noteAttr(s[ks:ke], vs, ve)
		}
	}
}

// noteAttr notes an attribute named hidden, and the value of the first
// one named style (the Tokenizer keeps the first of attributes with the
// same name).
func (p *pscan) noteAttr(key string, vs, ve int) {
	switch len(key) {
	case len("hidden"):
		if foldIs(key, "hidden") {
			p.hasHidden = true
		}
	case len("style"):
		if p.styleAt < 0 && foldIs(key, "style") {
			p.styleAt, p.styleEnd = vs, ve
		}
	}
}

// foldIs reports whether s is the lower-case ASCII word w, ignoring the
// case of A-Z.
func foldIs(s, w string) bool {
	if len(s) != len(w) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != w[i] {
			return false
		}
	}
	return true
}

// equalFold reports whether a and b are equal once A-Z are lower-cased
// (as the Tokenizer lower-cases tag names).
func equalFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		c, d := a[i], b[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if 'A' <= d && d <= 'Z' {
			d += 'a' - 'A'
		}
		if c != d {
			return false
		}
	}
	return true
}

// hidden reports whether the current start tag's attributes hide its
// element (hiddenAttrs).
func (p *pscan) hidden() bool {
	if p.hasHidden {
		return true
	}
	if p.styleAt < 0 {
		return false
	}
	v := p.s[p.styleAt:p.styleEnd]
	if strings.IndexByte(v, '&') >= 0 {
		// character references: the Tokenizer unescapes them
		_, h := p.reference()
		return h
	}
	// The Tokenizer turns "\r\n" and "\r" into "\n": the same to hidden.
	return styleHides(v)
}

// styleHides is hidden for an element whose only attribute is style=v,
// without allocating (Word gives most paragraphs and cells a style, many
// with "none" in it). hidden searches strings.ToLower(strings.Join(
// strings.Fields(v), "")) for "display:none", "visibility:hidden" and
// "mso-hide:all", once mayHide(v) has let it: every such match has one of
// v's colons in it, so styleHides looks at the words either side of each
// colon, lower-casing A-Z and skipping ASCII white space. A byte that is
// not ASCII next to a colon (Unicode white space is skipped too, and İ
// lower-cases to i) leaves it to styleFolded.
func styleHides(v string) bool {
	for i := 0; ; i++ {
		j := strings.IndexByte(v[i:], ':')
		if j < 0 {
			return false
		}
		i += j
		switch colonMatch(v, i) {
		case wordNo:
			continue
		case wordYes:
			return mayHide(v)
		default:
			return mayHide(v) && styleFolded(v)
		}
	}
}

// The answers of colonMatch and wordBefore/wordAfter.
const (
	wordNo = iota
	wordYes
	wordUnsure // a byte that is not ASCII came first
)

// colonMatch tells whether the colon at v[i] is in "display:none",
// "visibility:hidden" or "mso-hide:all" once v is folded as hidden folds it.
func colonMatch(v string, i int) int {
	before, after := v[:i], v[i+1:]
	k := 0
	for k < len(after) && asciiSpace(after[k]) {
		k++
	}
	if k == len(after) {
		return wordNo
	}
	var pairs [][2]string
	switch c := after[k]; c | 0x20 {
	case 'n':
		pairs = stylePairs[0:1]
	case 'h':
		pairs = stylePairs[1:2]
	case 'a':
		pairs = stylePairs[2:3]
	default:
		if c < utf8.RuneSelf {
			return wordNo
		}
		pairs = stylePairs[:]
	}
	unsure := false
	for _, w := range pairs {
		b := wordBefore(before, w[0])
		if b == wordNo {
			continue
		}
		a := wordAfter(after, w[1])
		if a == wordNo {
			continue
		}
		if a == wordYes && b == wordYes {
			return wordYes
		}
		unsure = true
	}
	if unsure {
		return wordUnsure
	}
	return wordNo
}

// stylePairs are the words either side of the colon of what hidden looks
// for in a style.
var stylePairs = [...][2]string{{"display", "none"}, {"visibility", "hidden"}, {"mso-hide", "all"}}

// wordBefore tells whether the lower-case ASCII w ends s, skipping ASCII
// white space and lower-casing A-Z.
func wordBefore(s, w string) int {
	j := len(w) - 1
	for i := len(s) - 1; i >= 0 && j >= 0; i-- {
		switch r := foldAgainst(s[i], w[j]); r {
		case foldSkip:
		case foldSame:
			j--
		default:
			return r
		}
	}
	if j < 0 {
		return wordYes
	}
	return wordNo
}

// wordAfter tells whether s starts with the lower-case ASCII w, skipping
// ASCII white space and lower-casing A-Z.
func wordAfter(s, w string) int {
	j := 0
	for i := 0; i < len(s) && j < len(w); i++ {
		switch r := foldAgainst(s[i], w[j]); r {
		case foldSkip:
		case foldSame:
			j++
		default:
			return r
		}
	}
	if j == len(w) {
		return wordYes
	}
	return wordNo
}

// What foldAgainst tells of a byte besides wordNo and wordUnsure.
const (
	foldSkip = -1 - iota // ASCII white space
	foldSame             // the byte wanted, once A-Z are lower-cased
)

// foldAgainst compares the byte c of a style with the lower-case ASCII
// byte want as hidden's folding would.
func foldAgainst(c, want byte) int {
	switch {
	case asciiSpace(c):
		return foldSkip
	case c >= utf8.RuneSelf:
		return wordUnsure
	case c == want || 'A' <= c && c <= 'Z' && c+'a'-'A' == want:
		return foldSame
	}
	return wordNo
}

// asciiSpace reports whether c is ASCII white space as strings.Fields
// sees it.
func asciiSpace(c byte) bool {
	return c == ' ' || '\t' <= c && c <= '\r'
}

// mayHide is hasFold(v, "none") || hasFold(v, "hidden") || hasFold(v,
// "hide"), in one pass.
func mayHide(v string) bool {
	for i := 0; i+4 <= len(v); i++ {
		switch v[i] | 0x20 {
		case 'n':
			if v[i+1]|0x20 == 'o' && v[i+2]|0x20 == 'n' && v[i+3]|0x20 == 'e' {
				return true
			}
		case 'h':
			if v[i+1]|0x20 != 'i' || v[i+2]|0x20 != 'd' {
				continue
			}
			if v[i+3]|0x20 == 'e' || i+6 <= len(v) && v[i+3]|0x20 == 'd' && v[i+4]|0x20 == 'e' && v[i+5]|0x20 == 'n' {
				return true
			}
		}
	}
	return false
}

// reference reads the current tag with xhtml's Tokenizer (alone: a tag
// reads the same without what comes before and after it) and returns its
// type and whether its attributes hide the element.
func (p *pscan) reference() (xhtml.TokenType, bool) {
	z := xhtml.NewTokenizerBytes([]byte(p.s[p.start:p.end]), 0)
	tt := z.Next()
	return tt, (tt == xhtml.StartTagToken || tt == xhtml.SelfClosingTagToken) && hiddenAttrs(z)
}

// sameName reports whether the current tag has the name of the element
// the tag at [start, end) of s opened, whose name was info.
func (p *pscan) sameName(info tagInfo, start, end int) bool {
	if info.name != "" || p.tag.name != "" {
		return info.name == p.tag.name
	}
	return equalFold(p.s[start:end], p.s[p.nameStart:p.nameEnd])
}

// count counts the current token as tagCounter.add does.
func (p *pscan) count(c *tagCounter, tt xhtml.TokenType) {
	switch tt {
	case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
		c.tags++
		if p.tag.flags&tfCell != 0 {
			c.cells++
		}
		if tt != xhtml.StartTagToken {
			return
		}
		nest := p.tag.flags&tfNotNesting == 0
		if p.tag.flags&tfASCII == 0 {
			nest = nests([]byte(p.s[p.nameStart:p.nameEnd]))
		}
		if nest {
			c.depth++
			c.maxDepth = max(c.maxDepth, c.depth)
		}
	case xhtml.EndTagToken:
		p.countEnd(c)
	}
}

// countEnd is count for an end tag (small enough to inline).
func (p *pscan) countEnd(c *tagCounter) {
	if c.depth > 0 && p.tag.flags&tfNotNesting == 0 {
		c.depth--
	}
}

// endTagAt matches the end tag of a raw text element named tag at s[i:],
// just after "</", as xhtml's readRawEndTag does: tag (A-Z or a-z), then
// white space, '/' or '>'. It returns -1 when it is there, else the index
// to read on from (len(s) at the end of the input).
func endTagAt(s string, i int, tag string) int {
	for k := 0; k < len(tag); k++ {
		if i >= len(s) {
			return len(s)
		}
		if c := s[i]; c != tag[k] && c != tag[k]-('a'-'A') {
			return i
		}
		i++
	}
	if i >= len(s) {
		return len(s)
	}
	if endsTagName(s[i]) {
		return -1
	}
	return i
}

// rawEnd returns the end of the raw text (or RCDATA) of an element named
// tag that starts at i: the '<' of its end tag, or len(s).
func rawEnd(s string, i int, tag string) int {
	for {
		j := strings.IndexByte(s[i:], '<')
		if j < 0 {
			return len(s)
		}
		i += j + 1
		if i >= len(s) {
			return len(s)
		}
		if s[i] != '/' {
			continue
		}
		k := endTagAt(s, i+1, tag)
		if k < 0 {
			return i - 1
		}
		i = k
	}
}

// scriptEnd returns the end of script data that starts at i: the '<' of
// the </script> that ends it, or len(s). It follows xhtml's readScript
// state for state ("<!--" escapes, "<script" inside them escaping the end
// tag twice).
func scriptEnd(s string, i int) int {
	const script = "script"
	n := len(s)
	var c byte

scriptData:
	if j := strings.IndexByte(s[i:], '<'); j < 0 {
		return n
	} else {
		i += j + 1
	}
	// scriptDataLessThanSign
	if i >= n {
		return n
	}
	c, i = s[i], i+1
	switch c {
	case '/':
		// scriptDataEndTagOpen
		k := endTagAt(s, i, script)
		if k < 0 {
			return i - 2
		}
		i = k
		goto scriptData
	case '!':
		goto scriptDataEscapeStart
	}
	i--
	goto scriptData

scriptDataEscapeStart:
	if i >= n {
		return n
	}
	if c, i = s[i], i+1; c == '-' {
		goto scriptDataEscapeStartDash
	}
	i--
	goto scriptData

scriptDataEscapeStartDash:
	if i >= n {
		return n
	}
	if c, i = s[i], i+1; c == '-' {
		goto scriptDataEscapedDashDash
	}
	i--
	goto scriptData

scriptDataEscaped:
	for i < n && s[i] != '-' && s[i] != '<' {
		i++
	}
	if i >= n {
		return n
	}
	c, i = s[i], i+1
	switch c {
	case '-':
		goto scriptDataEscapedDash
	case '<':
		goto scriptDataEscapedLessThanSign
	}
	goto scriptDataEscaped

scriptDataEscapedDash:
	if i >= n {
		return n
	}
	c, i = s[i], i+1
	switch c {
	case '-':
		goto scriptDataEscapedDashDash
	case '<':
		goto scriptDataEscapedLessThanSign
	}
	goto scriptDataEscaped

scriptDataEscapedDashDash:
	if i >= n {
		return n
	}
	c, i = s[i], i+1
	switch c {
	case '-':
		goto scriptDataEscapedDashDash
	case '<':
		goto scriptDataEscapedLessThanSign
	case '>':
		goto scriptData
	}
	goto scriptDataEscaped

scriptDataEscapedLessThanSign:
	if i >= n {
		return n
	}
	c, i = s[i], i+1
	if c == '/' {
		// scriptDataEscapedEndTagOpen
		k := endTagAt(s, i, script)
		if k < 0 {
			return i - 2
		}
		i = k
		goto scriptDataEscaped
	}
	if isLetter(c) {
		goto scriptDataDoubleEscapeStart
	}
	i--
	goto scriptData

scriptDataDoubleEscapeStart:
	i--
	for k := 0; k < len(script); k++ {
		if i >= n {
			return n
		}
		if c, i = s[i], i+1; c != script[k] && c != script[k]-('a'-'A') {
			i--
			goto scriptDataEscaped
		}
	}
	if i >= n {
		return n
	}
	c, i = s[i], i+1
	switch c {
	case ' ', '\n', '\r', '\t', '\f', '/', '>':
		goto scriptDataDoubleEscaped
	}
	i--
	goto scriptDataEscaped

scriptDataDoubleEscaped:
	for i < n && s[i] != '-' && s[i] != '<' {
		i++
	}
	if i >= n {
		return n
	}
	c, i = s[i], i+1
	switch c {
	case '-':
		goto scriptDataDoubleEscapedDash
	case '<':
		goto scriptDataDoubleEscapedLessThanSign
	}
	goto scriptDataDoubleEscaped

scriptDataDoubleEscapedDash:
	if i >= n {
		return n
	}
	c, i = s[i], i+1
	switch c {
	case '-':
		goto scriptDataDoubleEscapedDashDash
	case '<':
		goto scriptDataDoubleEscapedLessThanSign
	}
	goto scriptDataDoubleEscaped

scriptDataDoubleEscapedDashDash:
	if i >= n {
		return n
	}
	c, i = s[i], i+1
	switch c {
	case '-':
		goto scriptDataDoubleEscapedDashDash
	case '<':
		goto scriptDataDoubleEscapedLessThanSign
	case '>':
		goto scriptData
	}
	goto scriptDataDoubleEscaped

scriptDataDoubleEscapedLessThanSign:
	if i >= n {
		return n
	}
	if c, i = s[i], i+1; c != '/' {
		i--
		goto scriptDataDoubleEscaped
	}
	// scriptDataDoubleEscapeEnd
	if k := endTagAt(s, i, script); k < 0 {
		i += len("script") + 1 // past "script" and the byte after it
		goto scriptDataEscaped
	} else {
		i = k
	}
	goto scriptDataDoubleEscaped
}

// maxTagName is the length of the longest name in tagTable.
const maxTagName = 16

// tagSlot is an entry of tagTable: a lower-cased name packed into two
// words (lo holds its first 8 bytes, hi the next), its length, and what
// it is.
type tagSlot struct {
	lo, hi uint64
	n      int
	info   tagInfo
}

// tagTable holds the tag names scanPage tests, by a hash of the name (open
// addressing, half empty): a map lookup for every tag of a page costs more.
var tagTable = func() (t [256]tagSlot) {
	flags := map[string]tagFlags{}
	set := func(f tagFlags, names ...string) {
		for _, n := range names {
			flags[n] |= f
		}
	}
	keys := func(m map[string]bool) []string {
		var ks []string
		for k := range m {
			ks = append(ks, k)
		}
		return ks
	}
	set(tfVoid, keys(voidTags)...)
	set(tfHead, keys(headTags)...)
	set(tfNoLean, keys(noLean)...)
	set(tfSkip, keys(skipTags)...)
	set(tfNotNesting, keys(notNesting)...)
	set(tfCell, "td", "th")
	set(tfForeign, "svg", "math")
	set(tfRawText, "iframe", "noembed", "noframes", "noscript", "plaintext", "script", "style", "textarea", "title", "xmp")
	set(tfHeadRaw, "script", "style", "title", "noscript")
	set(tfRawVisible, "xmp", "noembed", "noframes")
	set(0, "body", "html", "head", "p", "br")
	if 2*len(flags) > len(t) {
		panic("html: tagTable too small")
	}
	for name, f := range flags {
		lo, hi, ok := packName(name)
		if !ok || len(name) > maxTagName || name == "" {
			panic("html: tag name not for tagTable: " + name)
		}
		for k := tagHash(lo, hi, len(name)); ; k++ {
			if e := &t[k%uint64(len(t))]; e.n == 0 {
				*e = tagSlot{lo, hi, len(name), tagInfo{name, f | tfASCII}}
				break
			}
		}
	}
	return t
}()

// load64 is the eight bytes of s from i as a little-endian word.
func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// lowerWord lower-cases A-Z in the bytes of w that are ASCII (the others
// come out changed, but lookupPacked looks at no name that is not ASCII).
// For a byte b < 0x80, b+0x3F has its high bit set when b >= 'A' and
// b+0x25 when b > 'Z', with no carry into the next byte.
func lowerWord(w uint64) uint64 {
	const ge, gt, highs = 0x3F3F3F3F3F3F3F3F, 0x2525252525252525, 0x8080808080808080
	upper := (w + ge) &^ (w + gt) & highs
	return w | upper>>2
}

// packName packs the first 16 bytes of a name, A-Z lower-cased, into two
// words; ok is false for a name that is not ASCII.
func packName(name string) (lo, hi uint64, ok bool) {
	for i := 0; i < len(name); i++ {
		c := name[i]
		if c >= utf8.RuneSelf {
			return 0, 0, false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		switch {
		case i < 8:
			lo |= uint64(c) << (8 * i)
		case i < 16:
			hi |= uint64(c) << (8 * (i - 8))
		}
	}
	return lo, hi, true
}

func tagHash(lo, hi uint64, n int) uint64 {
	return (lo*0x9E3779B97F4A7C15 ^ hi*0xC2B2AE3D27D4EB4F ^ uint64(n)) >> 56
}

// lookupTag classifies a tag name as the Tokenizer gives it (A-Z
// lower-cased). A name of other bytes than ASCII is none of tagTable's;
// its flags lack tfASCII.
func lookupTag(name string) tagInfo {
	lo, hi, ok := packName(name)
	return lookupPacked(lo, hi, len(name), ok)
}

// lookupPacked is lookupTag for a name of n bytes packed by packName.
func lookupPacked(lo, hi uint64, n int, ascii bool) tagInfo {
	if !ascii {
		return tagInfo{}
	}
	if n > maxTagName {
		return tagInfo{flags: tfASCII}
	}
	for k := tagHash(lo, hi, n); ; k++ {
		e := &tagTable[k%uint64(len(tagTable))]
		if e.n == 0 {
			return tagInfo{flags: tfASCII}
		}
		if e.lo == lo && e.hi == hi && e.n == n {
			return e.info
		}
	}
}
