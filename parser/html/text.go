package html

import (
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
			if !hasFold(a.Val, "none") && !hasFold(a.Val, "hidden") && !hasFold(a.Val, "hide") {
				continue // the common case, decided without allocating
			}
			s := strings.ToLower(strings.Join(strings.Fields(a.Val), ""))
			if strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden") || strings.Contains(s, "mso-hide:all") {
				return true
			}
		}
	}
	return false
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
	return n.Type == xhtml.ElementNode && (skipTags[n.Data] || hidden(n))
}

func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u00a0' || r == '\u3000' || r == '\u200b' || r == '\ufeff'
}

// isWide reports whether r is a CJK character or full-width punctuation:
// white space between two of them is a source line break, not a word gap.
func isWide(r rune) bool {
	switch {
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
	pending, lineBreak := false, false
	var last rune = -1
	for _, r := range s {
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
	}
	return b.String()
}

// joinPieces joins text pieces that block boundaries separated (a Word cell
// holds one <p> per line): nothing between CJK characters, a space otherwise.
func joinPieces(pieces []string) string {
	var b strings.Builder
	var last rune = -1
	for _, p := range pieces {
		p = normText(p)
		if p == "" {
			continue
		}
		first, _ := utf8.DecodeRuneInString(p)
		if last >= 0 && !(isWide(last) && isWide(first)) {
			b.WriteByte(' ')
		}
		b.WriteString(p)
		last, _ = utf8.DecodeLastRuneInString(p)
	}
	return b.String()
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

// writeCompact appends compactText(s) to b and reports whether it wrote
// anything, without making the intermediate string.
func writeCompact(b *strings.Builder, s string) bool {
	n := b.Len()
	for _, r := range s {
		if r < utf8.RuneSelf && r > ' ' {
			b.WriteByte(byte(r)) // ASCII, not space: kept as is
			continue
		}
		if r = compactRune(r); r >= 0 {
			b.WriteRune(r)
		}
	}
	return b.Len() > n
}
