package html

import (
	"math/rand"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

// utf8Samples are byte strings at the edges of UTF-8: overlongs,
// surrogates, the last rune, cut runes, ASCII runs of every length.
var utf8Samples = []string{
	"", "a", "abcdefgh", "abcdefghi", "年度报告", "年度报告abcdefgh年", "\xe0\xa0\x80", "\xe0\x9f\xbf",
	"\xed\x9f\xbf", "\xed\xa0\x80", "\xef\xbf\xbf", "\xef\xbf", "\xe4\xb8", "\xe4", "\xe4\xb8a", "\xe4a\x80",
	"\xf0\x90\x80\x80", "\xf4\x8f\xbf\xbf", "\xf4\x90\x80\x80", "\xc2\x80", "\xc1\xbf", "\x80", "\xff",
	"abcdefg\xe4\xb8\xad", "abcdefgh\xe4\xb8", "\xee\x80\x80", "\xec\xbf\xbf",
}

func TestValidUTF8IsUTF8Valid(t *testing.T) {
	in := append([]string{}, utf8Samples...)
	files, _ := filepath.Glob("../../fixtures/html/*.html")
	if len(files) == 0 {
		t.Fatal("no HTML fixtures")
	}
	for _, f := range files {
		if data, err := os.ReadFile(f); err == nil {
			in = append(in, string(data))
		}
	}
	for _, s := range in {
		for cut := 0; cut <= 3 && cut <= len(s); cut++ {
			b := []byte(s[:len(s)-cut])
			if got, want := validUTF8(b), utf8.Valid(b); got != want {
				t.Errorf("%.40q (cut %d): %v, utf8.Valid %v", s, cut, got, want)
			}
		}
	}
	// random strings of the bytes that matter
	alphabet := []byte{'a', '<', 0x80, 0x9f, 0xa0, 0xbf, 0xc0, 0xc2, 0xdf, 0xe0, 0xe1, 0xe4, 0xec, 0xed, 0xee, 0xef, 0xf0, 0xf4, 0xf5, 0xff}
	rng := rand.New(rand.NewSource(1))
	for n := 0; n < 200_000; n++ {
		b := make([]byte, rng.Intn(24))
		for i := range b {
			b[i] = alphabet[rng.Intn(len(alphabet))]
		}
		if got, want := validUTF8(b), utf8.Valid(b); got != want {
			t.Fatalf("%q: %v, utf8.Valid %v", b, got, want)
		}
	}
}

func TestUnbalancedFormattingRandom(t *testing.T) {
	parts := []string{"<", "</", "b", "B", "i", "font", "a", "s", "span", "strong", "strike", "u", "tt", ">", " ", "/", "\t", "x", "1", "<<", "</b>", "<b>", "\n", "nobr", "code", "em"}
	rng := rand.New(rand.NewSource(2))
	for n := 0; n < 100_000; n++ {
		var b []byte
		for k := rng.Intn(12); k > 0; k-- {
			b = append(b, parts[rng.Intn(len(parts))]...)
		}
		s := string(b)
		if got, want := unbalancedFormatting(s), unbalancedFormattingRef(s); got != want {
			t.Fatalf("%q: %d, byte by byte %d", s, got, want)
		}
	}
}

func BenchmarkValidUTF8(b *testing.B) {
	data := chromePage(b)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		validUTF8(data)
	}
}

func BenchmarkUTF8Valid(b *testing.B) {
	data := chromePage(b)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		utf8.Valid(data)
	}
}

func BenchmarkUnbalancedFormatting(b *testing.B) {
	src := string(chromePage(b))
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		unbalancedFormatting(src)
	}
}

func BenchmarkUnbalancedFormattingRef(b *testing.B) {
	src := string(chromePage(b))
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		unbalancedFormattingRef(src)
	}
}

// Longer random strings of pieces at the edges of the word steps: ASCII
// runs of every length up to 17, three-byte runes with every kind of lead
// (E0 and ED among them), cut runes, stray continuation bytes.
func TestValidUTF8Pieces(t *testing.T) {
	pieces := []string{"a", "ab", "abcdefg", "abcdefgh", "abcdefghijklmnopq", "<td>", "年", "度", "\xe0\xa0\x80", "\xe0\x9f\xbf",
		"\xed\x9f\xbf", "\xed\xa0\x80", "\xef\xbf\xbf", "\xee\x80\x80", "\xec\xbf\xbf", "\xe1\x80\x80", "\xe4\xb8", "\xe4", "\x80", "\xbf",
		"\xc2\x80", "\xc1\xbf", "\xdf\xbf", "\xf0\x90\x80\x80", "\xf4\x8f\xbf\xbf", "\xf4\x90\x80\x80", "\xff", "\xe4\xb8\xe4", "\xe4\x3f\x80"}
	rng := rand.New(rand.NewSource(3))
	for n := 0; n < 300_000; n++ {
		var b []byte
		for k := rng.Intn(24); k > 0; k-- {
			b = append(b, pieces[rng.Intn(len(pieces))]...)
		}
		want := utf8.Valid(b)
		if got := validUTF8(b); got != want {
			t.Fatalf("%q: validUTF8 %v, utf8.Valid %v", b, got, want)
		}
		if got := validUTF8Ref(b); got != want {
			t.Fatalf("%q: validUTF8Ref %v, utf8.Valid %v", b, got, want)
		}
	}
}

func BenchmarkValidUTF8Ref(b *testing.B) {
	data := chromePage(b)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		validUTF8Ref(data)
	}
}
