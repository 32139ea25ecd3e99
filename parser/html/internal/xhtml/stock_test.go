package xhtml

import (
	"bytes"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"

	stock "golang.org/x/net/html"
)

// The tokenizer's fast paths (readByte inlined, attribute keys compared in
// place, Attr presized) must give golang.org/x/net/html's tokens exactly.
// These tests compare the in-memory and the reader-backed tokenizers with
// the stock one, through Token and through TagName, TagAttr and Text.

// stockTokens lists the stock tokenizer's tokens as tokens does.
func stockTokens(z *stock.Tokenizer) []string {
	var out []string
	for {
		tt := z.Next()
		if tt == stock.ErrorToken {
			return append(out, "error "+z.Err().Error())
		}
		raw := string(z.Raw())
		tok := z.Token()
		out = append(out, tt.String()+"|"+raw+"|"+tok.String()+"|"+fmt.Sprint(tok.Attr))
	}
}

// ourTokens lists our tokenizer's tokens in stockTokens' form.
func ourTokens(z *Tokenizer) []string {
	var out []string
	for {
		tt := z.Next()
		if tt == ErrorToken {
			return append(out, "error "+z.Err().Error())
		}
		raw := string(z.Raw())
		tok := z.Token()
		if len(tok.Attr) != cap(tok.Attr) {
			out = append(out, "Attr not presized")
		}
		out = append(out, tt.String()+"|"+raw+"|"+tok.String()+"|"+fmt.Sprint(tok.Attr))
	}
}

// stockParts lists the tokens through the lower-level calls.
func stockParts(z *stock.Tokenizer) []string {
	var out []string
	for {
		tt := z.Next()
		if tt == stock.ErrorToken {
			return append(out, "error "+z.Err().Error())
		}
		s := tt.String() + "|" + string(z.Raw())
		switch tt {
		case stock.TextToken, stock.CommentToken, stock.DoctypeToken:
			s += "|" + string(z.Text())
		default:
			name, more := z.TagName()
			s += "|" + string(name)
			for more {
				var k, v []byte
				k, v, more = z.TagAttr()
				s += "|" + string(k) + "=" + string(v)
			}
		}
		out = append(out, s)
	}
}

func ourParts(z *Tokenizer) []string {
	var out []string
	for {
		tt := z.Next()
		if tt == ErrorToken {
			return append(out, "error "+z.Err().Error())
		}
		s := tt.String() + "|" + string(z.Raw())
		switch tt {
		case TextToken, CommentToken, DoctypeToken:
			s += "|" + string(z.Text())
		default:
			name, more := z.TagName()
			s += "|" + string(name)
			for more {
				var k, v []byte
				k, v, more = z.TagAttr()
				s += "|" + string(k) + "=" + string(v)
			}
		}
		out = append(out, s)
	}
}

func sameList(t *testing.T, name, what string, got, want []string) {
	t.Helper()
	for i := 0; i < len(got) && i < len(want); i++ {
		if got[i] != want[i] {
			t.Fatalf("%s: %s token %d %q, stock %q", name, what, i, got[i], want[i])
		}
	}
	if len(got) != len(want) {
		t.Fatalf("%s: %s %d tokens, stock %d", name, what, len(got), len(want))
	}
}

func checkMatchesStock(t *testing.T, name string, src []byte) {
	t.Helper()
	want := stockTokens(stock.NewTokenizer(bytes.NewReader(src)))
	sameList(t, name, "in memory", ourTokens(NewTokenizerBytes(bytes.Clone(src), 0)), want)
	sameList(t, name, "from a reader", ourTokens(NewTokenizer(bytes.NewReader(src))), want)
	sameList(t, name, "byte by byte", ourTokens(NewTokenizer(iotest.OneByteReader(bytes.NewReader(src)))), want)
	limited := NewTokenizerBytes(bytes.Clone(src), 0)
	limited.SetMaxBuf(len(src) + 1) // readByte's slow path on every byte
	sameList(t, name, "limited", ourTokens(limited), want)
	wantParts := stockParts(stock.NewTokenizer(bytes.NewReader(src)))
	sameList(t, name, "parts in memory", ourParts(NewTokenizerBytes(bytes.Clone(src), 0)), wantParts)
	sameList(t, name, "parts from a reader", ourParts(NewTokenizer(bytes.NewReader(src))), wantParts)
}

// attrSeeds exercise the duplicate-attribute rule: the first of two keys
// equal but for ASCII case wins, past attrScanMax attributes too.
var attrSeeds = []string{
	`<a href=1 HREF=2 Href="3">x</a>`, `<p id=a id=b class=c CLASS=d>`,
	`<img src="a" src='b' alt=c ALT=d title=e/>`, "<a \x00=1 \x00=2 b\x00=3 B\x00=4>",
	`<a =x ==y a= b =c>`, `<a k="unterminated`, `<input type=hidden TYPE=text>`,
	`<td rowspan=2 ROWSPAN=3 colspan=1>`, `<br/ a=/>`, `<p a=/>`,
	`<div ÄB=1 äb=2 Äb=3>`,
}

func manyAttrs(rng *rand.Rand) string {
	var b strings.Builder
	b.WriteString("<div")
	keys := []string{"a", "A", "id", "ID", "Id", "class", "k1", "K1", "k2", "k3", "k4", "k5", "k6", "k7", "k8", "k9", "x\x00", "X\x00"}
	for n := rng.Intn(40); n > 0; n-- {
		fmt.Fprintf(&b, " %s=%d", keys[rng.Intn(len(keys))], rng.Intn(100))
	}
	b.WriteString(">t</div>")
	return b.String()
}

func TestTokenizerMatchesStock(t *testing.T) {
	for i, s := range append(append([]string{}, skipSeeds...), attrSeeds...) {
		checkMatchesStock(t, fmt.Sprintf("seed %d", i), []byte(s))
	}
	rng := rand.New(rand.NewSource(3))
	for i := 0; i < 500; i++ {
		checkMatchesStock(t, fmt.Sprintf("attrs %d", i), []byte(manyAttrs(rng)))
	}
	files, _ := filepath.Glob("../../../../fixtures/html/*.html")
	more, _ := filepath.Glob("/tmp/rb/html/r00[0-4]*.html")
	if len(files) == 0 {
		t.Fatal("no HTML fixtures found")
	}
	for _, f := range append(files, more...) {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		checkMatchesStock(t, f, src)
	}
}
