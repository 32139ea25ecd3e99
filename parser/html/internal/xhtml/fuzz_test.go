package xhtml

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// tokens lists every token of z as its type, raw bytes and Token().
func tokens(z *Tokenizer) []string {
	var out []string
	for {
		tt := z.Next()
		if tt == ErrorToken {
			return append(out, "error "+z.Err().Error())
		}
		raw := string(z.Raw())
		tok := z.Token()
		out = append(out, tt.String()+"|"+raw+"|"+tok.String())
	}
}

// checkSameTokens requires the in-memory tokenizer, which skips through
// text, raw text and quoted attribute values with skipTo, to give the
// tokens of the reader-backed tokenizer, which reads byte by byte.
func checkSameTokens(t *testing.T, name string, src []byte) {
	t.Helper()
	want := tokens(NewTokenizer(bytes.NewReader(src)))
	got := tokens(NewTokenizerBytes(src, 0))
	if len(got) != len(want) {
		t.Fatalf("%s: %d tokens in memory, %d from a reader", name, len(got), len(want))
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("%s: token %d in memory %q, from a reader %q", name, i, got[i], want[i])
		}
	}
}

var skipSeeds = []string{
	"", "<", "a<", "<<a>", "x < y <b>z</b>", "<p title='a>b' class=\"c<d\">t</p>",
	"<a href=\"unterminated", "<a href='x", "<script>if (a<b) {}</script>",
	"<script><!-- <script> x </script> --></script>", "<script>a</scr", "<script>",
	"<style>p{}</style", "<textarea>&amp;<b></textarea>", "<title>a</title >",
	"<xmp></xmp>", "<!-- c --><!DOCTYPE html><?xml?>", "</>", "</ x>", "<a b=c d = \"e\">",
	"text only", "<plaintext><a>", "<iframe><p></iframe>", "\x00<a>\x00</a>",
	"<p>一、总体情况</p><td>1</td>",
}

func TestSkipToSameTokens(t *testing.T) {
	for i, s := range skipSeeds {
		checkSameTokens(t, "seed "+string(rune('0'+i)), []byte(s))
	}
	files, _ := filepath.Glob("../../../../fixtures/html/*.html")
	if len(files) == 0 {
		t.Fatal("no HTML fixtures found")
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		checkSameTokens(t, f, src)
	}
}

func FuzzSkipToSameTokens(f *testing.F) {
	for _, s := range skipSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		checkSameTokens(t, "fuzz", src)
	})
}

func FuzzTokenizerMatchesStock(f *testing.F) {
	for _, s := range append(append([]string{}, skipSeeds...), attrSeeds...) {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		checkMatchesStock(t, "fuzz", src)
	})
}

func FuzzEscapeHelpersMatchRef(f *testing.F) {
	for _, s := range escapeAlphabet {
		f.Add(s + "x" + s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkEscapeHelpers(t, s)
	})
}

func FuzzStringCopySameTokens(f *testing.F) {
	for _, s := range append(append([]string{}, skipSeeds...), strCopyAlphabet...) {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		checkStringCopy(t, "fuzz", src)
	})
}
