package xhtml

import (
	"bytes"
	"math/rand"
	"slices"
	"strings"
	"testing"

	a "golang.org/x/net/html/atom"
)

// tagNames are names of elements and attributes (and a few that are
// neither) the lookup helpers are tested on.
var tagNames = []string{
	"a", "abbr", "address", "annotation-xml", "applet", "area", "article", "aside", "audio", "b", "base", "basefont",
	"bdi", "bdo", "bgsound", "big", "blink", "blockquote", "body", "br", "button", "canvas", "caption", "center",
	"cite", "code", "col", "colgroup", "data", "datalist", "dd", "del", "desc", "details", "dfn", "dialog", "dir",
	"div", "dl", "dt", "em", "embed", "fieldset", "figcaption", "figure", "font", "footer", "foreignobject",
	"foreignObject", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup",
	"hr", "html", "i", "iframe", "image", "img", "input", "ins", "kbd", "keygen", "label", "legend", "li", "link",
	"listing", "main", "malignmark", "map", "mark", "marquee", "math", "menu", "meta", "meter", "mglyph", "mi",
	"mn", "mo", "ms", "mtext", "nav", "nobr", "noembed", "noframes", "noscript", "object", "ol", "optgroup",
	"option", "output", "p", "param", "picture", "plaintext", "pre", "progress", "q", "rb", "rp", "rt", "rtc",
	"ruby", "s", "samp", "script", "search", "section", "select", "slot", "small", "source", "span", "strike",
	"strong", "style", "sub", "summary", "sup", "svg", "table", "tbody", "td", "template", "textarea", "tfoot",
	"th", "thead", "time", "title", "tr", "track", "tt", "u", "ul", "var", "video", "wbr", "xmp",
	"href", "class", "id", "style", "src", "alt", "title", "type", "name", "content", "colspan", "rowspan",
	"width", "height", "border", "cellspacing", "cellpadding", "align", "valign", "target", "rel", "lang",
	"charset", "http-equiv", "hidden", "value", "size", "color", "face", "bgcolor", "onclick", "xmlns",
	"", "x", "td\x00", "custom-tag", "tdx", "TD", "abcdefgh", "abcdefghi", "\x00", "t\x00d", "foreignobjectx",
}

func TestIsScopeStop(t *testing.T) {
	for _, ns := range []string{"", "math", "svg", "xlink", "x"} {
		for _, name := range tagNames {
			at := a.Lookup([]byte(name))
			if got, want := isScopeStop(ns, at), slices.Contains(defaultScopeStopTags[ns], at); got != want {
				t.Errorf("isScopeStop(%q, %v) = %v, want %v", ns, at, got, want)
			}
		}
	}
}

// plainRef is plain as it was: three scans of the span.
func plainRef(b []byte) bool {
	return bytes.IndexByte(b, '&') < 0 && bytes.IndexByte(b, '\r') < 0 && bytes.IndexByte(b, 0) < 0
}

// checkPlain asks plain about spans of src, mostly in order, sometimes
// going back, and holds it to plainRef.
func checkPlain(t *testing.T, src []byte, rng *rand.Rand) {
	t.Helper()
	z := NewTokenizerBytes(src, 0)
	if rng.Intn(2) == 0 {
		z.useStringCopy()
	}
	at := 0
	for n := 0; n < 50 && len(src) > 0; n++ {
		if rng.Intn(8) == 0 {
			at = rng.Intn(len(src))
		}
		end := at + rng.Intn(len(src)-at+1)
		sp := span{at, end}
		if got, want := z.plain(sp), plainRef(src[at:end]); got != want {
			t.Fatalf("%q: plain(%v) = %v, want %v", src, sp, got, want)
		}
		at = end
		if at >= len(src) {
			at = 0
		}
	}
}

func TestPlainMatchesRef(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	alpha := []string{"a", "&", "\r", "\x00", "一", "<", " "}
	for i := 0; i < 3000; i++ {
		var b []byte
		for n := rng.Intn(40); n > 0; n-- {
			b = append(b, alpha[rng.Intn(len(alpha))]...)
		}
		checkPlain(t, b, rng)
	}
}

func FuzzPlainMatchesRef(f *testing.F) {
	f.Add([]byte("a&b\rc\x00d"), int64(1))
	f.Fuzz(func(t *testing.T, src []byte, seed int64) {
		checkPlain(t, src, rand.New(rand.NewSource(seed)))
	})
}

// checkPacked holds packLower and packedLookup to lower and atom.Lookup.
func checkPacked(t *testing.T, name string) {
	t.Helper()
	b := []byte(name)
	x, upper, ok := packLower(b)
	if string(b) != name {
		t.Fatalf("packLower changed %q", name)
	}
	low := lower([]byte(name))
	if wantOK := len(b) > 0 && len(b) <= 8 && bytes.IndexByte(b, 0) < 0; ok != wantOK {
		t.Fatalf("packLower(%q) ok %v", name, ok)
	}
	if !ok {
		return
	}
	if upper != (string(low) != name) {
		t.Fatalf("packLower(%q) upper %v", name, upper)
	}
	if got, want := packedLookup(x, low), a.Lookup(low); got != want {
		t.Fatalf("packedLookup(%q) = %v, want %v", name, got, want)
	}
}

func TestPackedLookup(t *testing.T) {
	for _, n := range append(append([]string{}, tagNames...), commonNames...) {
		checkPacked(t, n)
		checkPacked(t, strings.ToUpper(n))
		for i := 0; i < len(n); i++ {
			checkPacked(t, n[:i])
			checkPacked(t, n[:i]+"x"+n[i:])
		}
	}
}

func FuzzPackedLookup(f *testing.F) {
	for _, n := range tagNames {
		f.Add(n)
	}
	f.Fuzz(checkPacked)
}

func checkTextHelpers(t *testing.T, s string) {
	t.Helper()
	if got, want := removeNUL(s), strings.Replace(s, "\x00", "", -1); got != want {
		t.Fatalf("removeNUL(%q) = %q, want %q", s, got, want)
	}
	if got, want := allWhitespace(s), strings.Trim(s, whitespace) == ""; got != want {
		t.Fatalf("allWhitespace(%q) = %v, want %v", s, got, want)
	}
}

func TestTextHelpersMatchRef(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	alpha := []string{" ", "\t", "\r", "\n", "\f", "\v", "\x00", "a", "一", "\u00a0", "\u3000"}
	for i := 0; i < 5000; i++ {
		var b strings.Builder
		for n := rng.Intn(12); n > 0; n-- {
			b.WriteString(alpha[rng.Intn(len(alpha))])
		}
		checkTextHelpers(t, b.String())
	}
}

func FuzzTextHelpersMatchRef(f *testing.F) {
	f.Add(" \t\x00a")
	f.Fuzz(checkTextHelpers)
}
