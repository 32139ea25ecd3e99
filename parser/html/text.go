package html

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	xhtml "github.com/reportlint/reportlint/parser/html/internal/xhtml"
)

// skipTags are elements whose content is never report text.
var skipTags = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true, "head": true,
	"title": true, "textarea": true, "select": true, "option": true, "button": true,
	"iframe": true, "object": true, "embed": true, "svg": true, "math": true,
	"input": true, "map": true, "canvas": true, "audio": true, "video": true,
	"xml": true, // Word's <xml> data islands
}

// chromeTags are page furniture: dropped inside the report body.
var chromeTags = map[string]bool{"nav": true, "aside": true, "footer": true}

// blockTags start and end a paragraph.
var blockTags = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "center": true,
	"dd": true, "details": true, "dialog": true, "dir": true, "div": true, "dl": true,
	"dt": true, "fieldset": true, "figcaption": true, "figure": true, "footer": true,
	"form": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"header": true, "hgroup": true, "hr": true, "li": true, "main": true, "menu": true,
	"nav": true, "ol": true, "p": true, "pre": true, "section": true, "summary": true,
	"ul": true, "td": true, "th": true, "tr": true, "tbody": true, "thead": true,
	"tfoot": true, "caption": true, "body": true, "html": true, "legend": true,
	"listing": true, "xmp": true, "plaintext": true, "table": true,
}

// hidden reports whether an element is not shown (display:none,
// visibility:hidden, the hidden attribute, Word's mso-hide:all).
func hidden(n *xhtml.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "style":
			if styleHides(a.Val) {
				return true
			}
		}
	}
	return false
}

// styleFolded is what hidden looks for in a style value: whether
// strings.ToLower(strings.Join(strings.Fields(v), "")) contains
// "display:none", "visibility:hidden" or "mso-hide:all", found without
// allocating for values up to 512 bytes. The folded text is built with
// every rune that is not ASCII after unicode.ToLower as one byte 0x80:
// what is looked for is ASCII, so such a rune only has to stop a match
// (İ lower-cases to i, the Kelvin sign to k).
func styleFolded(v string) bool {
	var arr [512]byte
	b := arr[:0]
	for _, r := range v {
		if r < utf8.RuneSelf {
			c := byte(r)
			if asciiSpace(c) {
				continue
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			continue
		}
		if unicode.IsSpace(r) {
			continue
		}
		if l := unicode.ToLower(r); l < utf8.RuneSelf {
			b = append(b, byte(l))
		} else {
			b = append(b, 0x80)
		}
	}
	return bytes.Contains(b, []byte("display:none")) || bytes.Contains(b, []byte("visibility:hidden")) || bytes.Contains(b, []byte("mso-hide:all"))
}

// hasFold reports whether s contains the lower-case ASCII word sub,
// ignoring ASCII case.
func hasFold[T string | []byte](s T, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		j := 0
		for j < len(sub) && s[i+j]|0x20 == sub[j] {
			j++
		}
		if j == len(sub) {
			return true
		}
	}
	return false
}

// skipped reports whether an element and its content are left out entirely.
func skipped(n *xhtml.Node) bool {
	return n.Type == xhtml.ElementNode && (isSkipTag(n.Data) || len(n.Attr) > 0 && hidden(n))
}

func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || '\t' <= r && r <= '\r' // unicode.IsSpace on ASCII
	}
	if r > '\u3000' { // no Unicode white space above U+3000
		return r == '\ufeff'
	}
	return unicode.IsSpace(r) || r == '\u00a0' || r == '\u3000' || r == '\u200b' || r == '\ufeff'
}

// isWide reports whether r is a CJK character or full-width punctuation:
// white space between two of them is a source line break, not a word gap.
func isWide(r rune) bool {
	if r < 0x2E80 { // below the first Han character and CJK punctuation
		switch r {
		case '“', '”', '‘', '’', '—', '…', '·':
			return true
		}
		return false
	}
	switch {
	case r >= 0x4E00 && r <= 0x9FFF: // CJK Unified Ideographs, all Han
		return true
	case unicode.Is(unicode.Han, r):
		return true
	case r >= 0x3000 && r <= 0x303F, r >= 0xFF00 && r <= 0xFFEF, r >= 0xFE30 && r <= 0xFE4F:
		return true
	case r == '“' || r == '”' || r == '‘' || r == '’' || r == '—' || r == '…' || r == '·':
		return true
	}
	return false
}

// normText collapses white space (including &nbsp; and the ideographic
// space) to single spaces and trims. A source line break next to a CJK
// character is dropped (Word and CMS editors wrap lines inside Chinese
// text), as is a space between two CJK characters.
func normText(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	normTo(&b, s)
	return b.String()
}

// normTo appends normText(s) to b.
func normTo(b *strings.Builder, s string) {
	pending, lineBreak := false, false
	var last rune = -1
	for i, size := 0, 0; i < len(s); i += size {
		r := rune(s[i])
		size = 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if r == '\u200b' || r == '\ufeff' || r == '\u00ad' {
			continue
		}
		if isSpace(r) {
			pending = true
			lineBreak = lineBreak || r == '\n' || r == '\r'
			continue
		}
		if pending && last >= 0 {
			drop := isWide(last) && isWide(r) || lineBreak && (isWide(last) || isWide(r))
			if !drop {
				b.WriteByte(' ')
			}
		}
		pending, lineBreak = false, false
		b.WriteRune(r)
		last = r
		// The runes that follow r up to the next white space are written
		// as they are: copy the run that is quick to tell.
		if j := keptRun(s, i+size); j > i+size {
			b.WriteString(s[i+size : j])
			last, _ = utf8.DecodeLastRuneInString(s[i+size : j])
			size = j - i
		}
	}
}

// firstShown is the first rune normText(s) keeps: not white space, not a
// zero-width or soft-hyphen character. ok is false when normText(s) is "".
func firstShown(s string) (_ rune, ok bool) {
	for _, r := range s {
		if r == '\u200b' || r == '\ufeff' || r == '\u00ad' || isSpace(r) {
			continue
		}
		return r, true
	}
	return 0, false
}

// joinPieces joins text pieces that block boundaries separated (a Word cell
// holds one <p> per line): nothing between CJK characters, a space otherwise.
func joinPieces(pieces []string) string {
	var a arena
	return joinPiecesTo(&a, pieces)
}

// joinPiecesTo is joinPieces, the result cut from a.
func joinPiecesTo(a *arena, pieces []string) string {
	var last rune = -1
	for k, p := range pieces {
		first, ok := firstShown(p)
		if !ok {
			continue
		}
		if last < 0 {
			// Room for the rest: enough unless normTo replaces invalid bytes.
			n := len(pieces) - k
			for _, q := range pieces[k:] {
				n += len(q)
			}
			a.begin(n)
		}
		if last >= 0 && !(isWide(last) && isWide(first)) {
			a.b.WriteByte(' ')
		}
		normTo(&a.b, p)
		last, _ = utf8.DecodeLastRuneInString(a.text())
	}
	if last < 0 {
		return ""
	}
	return a.text()
}

// joinCutsTo is joinPiecesTo(a, pieces) for the pieces of text that cuts
// (nondecreasing offsets into it) cut it into: text[:cuts[0]],
// text[cuts[0]:cuts[1]], ..., text[cuts[len(cuts)-1]:].
func joinCutsTo(a *arena, text string, cuts []int) string {
	var last rune = -1
	from := 0
	for k := 0; k <= len(cuts); k++ {
		to := len(text)
		if k < len(cuts) {
			to = cuts[k]
		}
		p := text[from:to]
		pieceFrom := from
		from = to
		first, ok := firstShown(p)
		if !ok {
			continue
		}
		if last < 0 {
			// Room for the rest: enough unless normTo replaces invalid
			// bytes (as joinPiecesTo: a byte per piece left, and their
			// text).
			a.begin(len(cuts) + 1 - k + len(text) - pieceFrom)
		}
		if last >= 0 && !(isWide(last) && isWide(first)) {
			a.b.WriteByte(' ')
		}
		normTo(&a.b, p)
		last, _ = utf8.DecodeLastRuneInString(a.text())
	}
	if last < 0 {
		return ""
	}
	return a.text()
}

// shownLen is hasShown(s) and compactLen(s), in one pass: runs that
// keptRun tells are shown and kept as they are.
func shownLen(s string) (shown bool, n int) {
	for i := 0; i < len(s); {
		if j := keptRun(s, i); j > i {
			shown = true
			n += j - i
			i = j
			continue
		}
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if !isSpace(r) {
			shown = true
		}
		if m := compactRune(r); m >= 0 {
			n += utf8.RuneLen(m)
		}
		i += size
	}
	return shown, n
}

// compactText is s without any white space, with full-width ASCII folded.
func compactText(s string) string {
	return strings.Map(compactRune, s)
}

// compactRune maps a rune as compactText does: -1 drops it.
func compactRune(r rune) rune {
	if isSpace(r) || r == '\u00ad' {
		return -1
	}
	if r >= 0xFF01 && r <= 0xFF5E {
		return r - 0xFEE0
	}
	return r
}

// keptRun returns the end of the run of s from i that compactText keeps
// as it is and that is quick to tell: printable ASCII and well-formed
// three-byte runes from U+3001 to U+CFFF (CJK punctuation and ideographs,
// kana, Yi, Hangul), none of which is white space, dropped or a full-width
// form.
func keptRun(s string, i int) int {
	for i < len(s) {
		switch c := s[i]; {
		case c > ' ' && c < utf8.RuneSelf:
			i++
		case c >= 0xE4 && c <= 0xEC && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80:
			i += 3
		case c == 0xE3 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 && (s[i+1] != 0x80 || s[i+2] != 0x80):
			i += 3 // U+3001 to U+3FFF: CJK punctuation (、。《》), kana; U+3000 is white space
		default:
			return i
		}
	}
	return i
}

// compactLen is len(compactText(s)), without making the string.
func compactLen(s string) int {
	n := 0
	for _, r := range s {
		if r < utf8.RuneSelf && r > ' ' {
			n++
			continue
		}
		if r = compactRune(r); r >= 0 {
			n += utf8.RuneLen(r)
		}
	}
	return n
}

// hasShown reports whether s holds a rune that is not white space (isSpace):
// strings.TrimFunc(s, isSpace) != "".
func hasShown(s string) bool {
	for _, r := range s {
		if !isSpace(r) {
			return true
		}
	}
	return false
}

// writeCompact appends compactText(s) to b and reports whether it wrote
// anything, without making the intermediate string. Runs of printable
// ASCII and runes kept as they are are copied from s.
func writeCompact(b *strings.Builder, s string) bool {
	n := b.Len()
	for i := 0; i < len(s); {
		if j := keptRun(s, i); j > i {
			b.WriteString(s[i:j])
			i = j
			continue
		}
		if s[i] < utf8.RuneSelf {
			if r := compactRune(rune(s[i])); r >= 0 {
				b.WriteByte(byte(r))
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch m := compactRune(r); {
		case m < 0:
		case m == r && r != utf8.RuneError:
			b.WriteString(s[i : i+size])
		default:
			b.WriteRune(m) // folded, or an invalid byte as U+FFFD
		}
		i += size
	}
	return b.Len() > n
}

// isSkipTag is skipTags[name] as a switch (a map lookup for every element
// costs more).
func isSkipTag(name string) bool {
	switch name {
	case "script", "style", "noscript", "template", "head",
		"title", "textarea", "select", "option", "button",
		"iframe", "object", "embed", "svg", "math",
		"input", "map", "canvas", "audio", "video",
		"xml":
		return true
	}
	return false
}

// isBlockTag is blockTags[name] as a switch.
func isBlockTag(name string) bool {
	switch name {
	case "address", "article", "aside", "blockquote", "center",
		"dd", "details", "dialog", "dir", "div", "dl",
		"dt", "fieldset", "figcaption", "figure", "footer",
		"form", "h1", "h2", "h3", "h4", "h5", "h6",
		"header", "hgroup", "hr", "li", "main", "menu",
		"nav", "ol", "p", "pre", "section", "summary",
		"ul", "td", "th", "tr", "tbody", "thead",
		"tfoot", "caption", "body", "html", "legend",
		"listing", "xmp", "plaintext", "table":
		return true
	}
	return false
}

// isChromeTag is chromeTags[name] as a switch.
func isChromeTag(name string) bool {
	return name == "nav" || name == "aside" || name == "footer"
}
