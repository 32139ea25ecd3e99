package html

import (
	"math/rand"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	xhtml "github.com/reportlint/reportlint/parser/html/internal/xhtml"
)

// Reference copies of the text helpers as they were before their fast
// paths; the tests below hold the fast ones to them.

func isSpaceRef(r rune) bool {
	return unicode.IsSpace(r) || r == '\u00a0' || r == '\u3000' || r == '\u200b' || r == '\ufeff'
}

func isWideRef(r rune) bool {
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

func normTextRef(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	pending, lineBreak := false, false
	var last rune = -1
	for _, r := range s {
		if r == '\u200b' || r == '\ufeff' || r == '\u00ad' {
			continue
		}
		if isSpaceRef(r) {
			pending = true
			lineBreak = lineBreak || r == '\n' || r == '\r'
			continue
		}
		if pending && last >= 0 {
			drop := isWideRef(last) && isWideRef(r) || lineBreak && (isWideRef(last) || isWideRef(r))
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

func joinPiecesRef(pieces []string) string {
	var b strings.Builder
	var last rune = -1
	for _, p := range pieces {
		p = normTextRef(p)
		if p == "" {
			continue
		}
		first, _ := utf8.DecodeRuneInString(p)
		if last >= 0 && !(isWideRef(last) && isWideRef(first)) {
			b.WriteByte(' ')
		}
		b.WriteString(p)
		last, _ = utf8.DecodeLastRuneInString(p)
	}
	return b.String()
}

func compactRuneRef(r rune) rune {
	if isSpaceRef(r) || r == '\u00ad' {
		return -1
	}
	if r >= 0xFF01 && r <= 0xFF5E {
		return r - 0xFEE0
	}
	return r
}

func compactTextRef(s string) string { return strings.Map(compactRuneRef, s) }

func writeCompactRef(b *strings.Builder, s string) bool {
	n := b.Len()
	for _, r := range s {
		if r < utf8.RuneSelf && r > ' ' {
			b.WriteByte(byte(r))
			continue
		}
		if r = compactRuneRef(r); r >= 0 {
			b.WriteRune(r)
		}
	}
	return b.Len() > n
}

func TestRuneClassesMatchRef(t *testing.T) {
	for r := rune(-1); r <= unicode.MaxRune+1; r++ {
		if isSpace(r) != isSpaceRef(r) || isWide(r) != isWideRef(r) || compactRune(r) != compactRuneRef(r) {
			t.Fatalf("rune %U: isSpace %v isWide %v compactRune %v, want %v %v %v", r,
				isSpace(r), isWide(r), compactRune(r), isSpaceRef(r), isWideRef(r), compactRuneRef(r))
		}
	}
}

// textAlphabet has what makes the text helpers branch: ASCII, controls,
// every kind of white space, CJK, full-width forms, zero-width characters,
// the soft hyphen, invalid and truncated UTF-8, and U+FFFD itself.
var textAlphabet = []string{"a", "Z", "1", " ", "\t", "\n", "\r", "\v", "\x00", "\x01", "\x1f", "\x7f",
	"\u0085", "\u00a0", "\u1680", "\u2003", "\u2028", "\u3000", "\u200b", "\ufeff", "\u00ad",
	"甲", "乙", "，", "。", "Ａ", "１", "～", "·", "—", "“", "”", "…", "é", "\u2e80", "\U00020000",
	"\xff", "\x80", "\xe4\xb8", "\ufffd", "&nbsp;",
	"、", "《", "\u3001", "\u3fff", "\u4000", "\ucfff", "\ud000", "\xe3\x80", "\xe3\x80\x7f", "\xe3\xc0\x80", "\xed\xa0\x80"}

func randText(rng *rand.Rand) string {
	var b strings.Builder
	for k := rng.Intn(24); k > 0; k-- {
		b.WriteString(textAlphabet[rng.Intn(len(textAlphabet))])
	}
	return b.String()
}

func checkTextHelpers(t *testing.T, s string, pieces []string) {
	t.Helper()
	if got, want := normText(s), normTextRef(s); got != want {
		t.Fatalf("normText(%q) = %q, want %q", s, got, want)
	}
	if got, want := compactText(s), compactTextRef(s); got != want {
		t.Fatalf("compactText(%q) = %q, want %q", s, got, want)
	}
	if got, want := compactLen(s), len(compactTextRef(s)); got != want {
		t.Fatalf("compactLen(%q) = %d, want %d", s, got, want)
	}
	if got, want := hasShown(s), strings.TrimFunc(s, isSpaceRef) != ""; got != want {
		t.Fatalf("hasShown(%q) = %v, want %v", s, got, want)
	}
	var b, bRef strings.Builder
	b.WriteString("x")
	bRef.WriteString("x")
	if got, want := writeCompact(&b, s), writeCompactRef(&bRef, s); got != want || b.String() != bRef.String() {
		t.Fatalf("writeCompact(%q) = %v %q, want %v %q", s, got, b.String(), want, bRef.String())
	}
	if got, want := joinPieces(pieces), joinPiecesRef(pieces); got != want {
		t.Fatalf("joinPieces(%q) = %q, want %q", pieces, got, want)
	}
}

func TestTextHelpersMatchRef(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	for i := 0; i < 20000; i++ {
		pieces := make([]string, rng.Intn(5))
		for k := range pieces {
			pieces[k] = randText(rng)
		}
		checkTextHelpers(t, randText(rng), pieces)
	}
}

func TestTagTablesMatchMaps(t *testing.T) {
	names := []string{"", "P", "Div", "divx", "h7", "tablex"}
	for _, m := range []map[string]bool{skipTags, blockTags, chromeTags, chromeNames, notNesting, voidTags, headTags, noLean} {
		for k := range m {
			names = append(names, k, k+"x", strings.ToUpper(k), k[:len(k)-1])
		}
	}
	for _, n := range names {
		if isSkipTag(n) != skipTags[n] || isBlockTag(n) != blockTags[n] || isChromeTag(n) != chromeTags[n] {
			t.Errorf("%q: switch tables %v %v %v, maps %v %v %v", n, isSkipTag(n), isBlockTag(n), isChromeTag(n),
				skipTags[n], blockTags[n], chromeTags[n])
		}
	}
}

// styleHidesRef is what hidden did with a style value before styleHides
// and styleFolded (commit 4d0956e).
func styleHidesRef(v string) bool {
	if !hasFold(v, "none") && !hasFold(v, "hidden") && !hasFold(v, "hide") {
		return false
	}
	return styleFoldedRef(v)
}

// styleFoldedRef is styleFolded as it was written before: folding by
// allocation.
func styleFoldedRef(v string) bool {
	s := strings.ToLower(strings.Join(strings.Fields(v), ""))
	return strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden") || strings.Contains(s, "mso-hide:all")
}

// FuzzStyleHides holds styleHides, styleFolded and hidden to the
// allocating versions they replaced.
func FuzzStyleHides(f *testing.F) {
	for _, v := range []string{"display:none", "DİSPLAY : NONE", "font-family:宋体;mso-hide:all", "visibility:\u00a0hidden", "\u212a", "border:none;mso-border-alt:none"} {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, v string) {
		want := styleHidesRef(v)
		if got := styleHides(v); got != want {
			t.Fatalf("styleHides(%q) = %v, want %v", v, got, want)
		}
		if got := hidden(&xhtml.Node{Type: xhtml.ElementNode, Attr: []xhtml.Attribute{{Key: "style", Val: v}}}); got != want {
			t.Fatalf("hidden(style=%q) = %v, want %v", v, got, want)
		}
		if got, want := styleFolded(v), styleFoldedRef(v); got != want {
			t.Fatalf("styleFolded(%q) = %v, want %v", v, got, want)
		}
	})
}
