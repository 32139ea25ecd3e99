package rules

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// runesByRange is what runeAt is held to: the (offset, rune) pairs of a
// range loop over s.
func runesByRange(s string) (offs []int, rs []rune) {
	for p, r := range s {
		offs = append(offs, p)
		rs = append(rs, r)
	}
	return offs, rs
}

func runesByRuneAt(s string) (offs []int, rs []rune) {
	for p, w := 0, 0; p < len(s); p += w {
		var r rune
		r, w = runeAt(s, p)
		offs = append(offs, p)
		rs = append(rs, r)
	}
	return offs, rs
}

func sameRuneWalk(t *testing.T, s string) {
	t.Helper()
	o1, r1 := runesByRange(s)
	o2, r2 := runesByRuneAt(s)
	if len(o1) != len(o2) {
		t.Fatalf("%q: %d runes by range, %d by runeAt", s, len(o1), len(o2))
	}
	for i := range o1 {
		if o1[i] != o2[i] || r1[i] != r2[i] {
			t.Fatalf("%q: rune %d at %d %U by range, at %d %U by runeAt", s, i, o1[i], r1[i], o2[i], r2[i])
		}
	}
}

// runeAt walks a text as a range loop does: every lead byte, with every
// continuation pair and cut, every boundary rune (surrogates, the ends of
// the two- three- and four-byte forms, overlong forms) and random bytes.
func TestRuneAtIsRange(t *testing.T) {
	var texts []string
	for c := 0; c < 256; c++ {
		for _, tail := range []string{"", "\x80", "\xbf", "\x80\x80", "\xbf\xbf", "\xa0\x80", "\x9f\xbf", "\x80\x80\x80", "\x7f", "\xc0\x80", "a"} {
			texts = append(texts, string([]byte{byte(c)})+tail, "x"+string([]byte{byte(c)})+tail+"中")
		}
	}
	for _, r := range []rune{0, 0x7f, 0x80, 0x7ff, 0x800, 0xfff, 0x1000, 0xcfff, 0xd000, 0xd7ff, 0xe000, 0xfffd, 0xfffe, 0xffff, 0x10000, 0x10ffff, '中', '。', '１'} {
		texts = append(texts, string(r), string(r)+string(r), "a"+string(r)+"b")
	}
	texts = append(texts, "\xed\xa0\x80", "\xed\xbf\xbf", "\xe0\x80\x80", "\xe0\x9f\xbf", "\xf4\x90\x80\x80", "\xf0\x80\x80\x80", "收到申请29件，予以公开11件")
	rng := uint64(11)
	rnd := func(n int) int {
		rng = rng*6364136223846793005 + 1442695040888963407
		return int(rng>>33) % n
	}
	alphabet := []string{"\x80", "\xbf", "\xe4", "\xe0", "\xed", "\xef", "\xf0", "\xc3", "\xff", "中", "a", "\xa0", "\x9f"}
	for range randomInputs(20000, 200000, 2000) {
		var b strings.Builder
		for range rnd(12) {
			b.WriteString(alphabet[rnd(len(alphabet))])
		}
		texts = append(texts, b.String())
	}
	for _, s := range texts {
		sameRuneWalk(t, s)
	}
	// every rune
	var b strings.Builder
	for r := rune(0); r <= utf8.MaxRune; r++ {
		b.WriteRune(r)
	}
	sameRuneWalk(t, b.String())
}

func FuzzRuneAt(f *testing.F) {
	for _, s := range []string{"", "中", "\xe4\xb8", "\xed\xa0\x80", "\xef\xbf\xbd", "a\xffb"} {
		f.Add(s)
	}
	f.Fuzz(sameRuneWalk)
}

// bloom4k holds every rune added (it may hold others).
func TestBloom4kHoldsItsRunes(t *testing.T) {
	var b bloom4k
	rs := []rune{0, 'a', '中', utf8.RuneError, 0x10ffff, 0x1000, 0xfff}
	for _, r := range rs {
		b.add(r)
	}
	for _, r := range rs {
		if !b.has(r) {
			t.Fatalf("%U added but not held", r)
		}
	}
	if b.has('b') {
		t.Fatal("'b' held")
	}
}

// numeralRunes are exactly the runes zhtext.IsNumeralRune accepts, and
// numeralBloom holds them all.
func TestNumeralRunesAreIsNumeralRune(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune+1; r++ {
		if got, want := strings.ContainsRune(numeralRunes, r), isCNNumeralRune(r); got != want {
			t.Fatalf("%U: in numeralRunes %v, IsNumeralRune %v", r, got, want)
		}
		if isCNNumeralRune(r) && !numeralBloom.has(r) {
			t.Fatalf("%U not in numeralBloom", r)
		}
	}
}
