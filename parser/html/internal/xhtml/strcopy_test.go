package xhtml

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// exactTokens lists every token of z with its Data and attributes quoted
// (Token.String escapes them, which could hide a difference).
func exactTokens(z *Tokenizer) []string {
	var out []string
	for {
		tt := z.Next()
		if tt == ErrorToken {
			return append(out, "error "+z.Err().Error())
		}
		tok := z.Token()
		out = append(out, fmt.Sprintf("%v %q %v %q", tt, tok.Data, tok.DataAtom, tok.Attr))
	}
}

// checkStringCopy requires a tokenizer sharing one string copy of its
// input (useStringCopy) to give the tokens of one that copies each string.
func checkStringCopy(t *testing.T, name string, src []byte) {
	t.Helper()
	want := exactTokens(NewTokenizerBytes([]byte(string(src)), 0))
	z := NewTokenizerBytes([]byte(string(src)), 0)
	z.useStringCopy()
	got := exactTokens(z)
	sameList(t, name, "string copy", got, want)
}

// strCopyAlphabet are pieces random pages are made of: what makes Text or
// TagAttr change their bytes (newlines, NUL, character references) in text,
// raw text, comments, attribute values and end tags.
var strCopyAlphabet = []string{
	"<p>", "</p>", "<a href=\"x\r\ny\">", "<b class='&amp;c'>", "<i id=a\x00b>", "</b x=y>",
	"text", "\r\n", "\r", "\x00", "&lt;", "&#0", "&nGt;", "&amp", "<!-- c\r\n\x00 -->",
	"<script>a\r\n&lt;</script>", "<textarea>&amp;\r</textarea>", "<title>t&lt;\r\n</title>",
	"<!DOCTYPE html>", "<br/>", "<td rowspan=2 colspan=\"3\">", "一、", " ", "<",
}

func TestStringCopySameTokens(t *testing.T) {
	for i, s := range append(append([]string{}, skipSeeds...), attrSeeds...) {
		checkStringCopy(t, fmt.Sprintf("seed %d", i), []byte(s))
	}
	files, _ := filepath.Glob("../../../../fixtures/html/*.html")
	more, _ := filepath.Glob("../../testdata/*.html")
	for _, f := range append(files, more...) {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		checkStringCopy(t, f, src)
	}
	rng := rand.New(rand.NewSource(7))
	for i := 0; i < 3000; i++ {
		var b strings.Builder
		for n := rng.Intn(40); n > 0; n-- {
			b.WriteString(strCopyAlphabet[rng.Intn(len(strCopyAlphabet))])
		}
		if i%10 == 0 {
			b.WriteString(manyAttrs(rng))
		}
		checkStringCopy(t, fmt.Sprintf("random %d %q", i, b.String()), []byte(b.String()))
	}
}
