package xhtml

import "golang.org/x/net/html/atom"

// reportlint: a faster atom.Lookup for the tag and attribute names pages
// are made of. A name of up to 8 bytes is packed into a uint64 (its bytes,
// lower-cased, little-endian) while it is checked for NUL and lower-cased;
// packedAtoms maps the packed forms of commonNames to their atoms. Names
// not there (and longer ones) go to atom.Lookup.

// commonNames are the names packedAtoms knows: elements and attributes.
var commonNames = []string{
	"a", "abbr", "address", "applet", "area", "article", "aside", "audio", "b", "base", "basefont",
	"bdi", "bdo", "bgsound", "big", "blink", "body", "br", "button", "canvas", "caption", "center",
	"cite", "code", "col", "colgroup", "data", "datalist", "dd", "del", "desc", "details", "dfn", "dialog", "dir",
	"div", "dl", "dt", "em", "embed", "fieldset", "figure", "font", "footer",
	"form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup",
	"hr", "html", "i", "iframe", "image", "img", "input", "ins", "kbd", "keygen", "label", "legend", "li", "link",
	"listing", "main", "map", "mark", "marquee", "math", "menu", "meta", "meter", "mglyph", "mi",
	"mn", "mo", "ms", "mtext", "nav", "nobr", "noembed", "noframes", "noscript", "object", "ol", "optgroup",
	"option", "output", "p", "param", "picture", "pre", "progress", "q", "rb", "rp", "rt", "rtc",
	"ruby", "s", "samp", "script", "search", "section", "select", "slot", "small", "source", "span", "strike",
	"strong", "style", "sub", "summary", "sup", "svg", "table", "tbody", "td", "template", "textarea", "tfoot",
	"th", "thead", "time", "title", "tr", "track", "tt", "u", "ul", "var", "video", "wbr", "xmp",
	"href", "class", "id", "src", "alt", "type", "name", "content", "colspan", "rowspan",
	"width", "height", "border", "align", "valign", "target", "rel", "lang", "dir",
	"charset", "hidden", "value", "size", "color", "face", "bgcolor", "onclick", "xmlns", "for",
	"action", "method", "nowrap", "scope", "headers", "media", "async", "defer", "role", "tabindex",
	"checked", "selected", "disabled", "readonly", "start", "reversed", "span", "start", "cols", "rows",
}

// packedEntry is a slot of packedAtoms; n == 0 marks a free slot.
type packedEntry struct {
	key  uint64
	n    uint8
	atom atom.Atom
}

const packedBits = 9

var packedAtoms [1 << packedBits]packedEntry

func init() {
	for _, s := range commonNames {
		b := []byte(s)
		x, _, ok := packLower(b)
		a := atom.Lookup(b)
		if !ok || a == 0 {
			continue
		}
		for h := packedHash(x, len(b)); ; h = (h + 1) & (len(packedAtoms) - 1) {
			e := &packedAtoms[h]
			if e.n == 0 {
				*e = packedEntry{x, uint8(len(b)), a}
				break
			}
			if e.key == x && int(e.n) == len(b) {
				break
			}
		}
	}
}

func packedHash(x uint64, n int) int {
	return int(((x ^ uint64(n)) * 0x9E3779B97F4A7C15) >> (64 - packedBits))
}

// packLower packs b, lower-cased, into x, and reports whether b has
// upper-case letters; ok is false when b is empty, longer than 8 bytes or
// has a NUL. b itself is left as it is.
func packLower(b []byte) (x uint64, upper, ok bool) {
	if len(b) == 0 || len(b) > 8 {
		return 0, false, false
	}
	for i, c := range b {
		if c == 0 {
			return 0, false, false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
			upper = true
		}
		x |= uint64(c) << (8 * uint(i))
	}
	return x, upper, true
}

// packedLookup is atom.Lookup of the name of n bytes packed into x.
func packedLookup(x uint64, name []byte) atom.Atom {
	for h := packedHash(x, len(name)); ; h = (h + 1) & (len(packedAtoms) - 1) {
		e := &packedAtoms[h]
		if e.n == 0 {
			return atom.Lookup(name)
		}
		if e.key == x && int(e.n) == len(name) {
			return e.atom
		}
	}
}
