package html

import (
	"math/rand"
	"testing"
)

// lowerWord is lowerByte on each byte of an ASCII word.
func TestLowerWord(t *testing.T) {
	rng := rand.New(rand.NewSource(4))
	for n := 0; n < 200_000; n++ {
		var w, want uint64
		for k := 0; k < 8; k++ {
			c := byte(rng.Intn(128))
			if n < 128 {
				c = byte(n) // every byte, in every place
			}
			w |= uint64(c) << (8 * k)
			want |= uint64(lowerByte[c]) << (8 * k)
		}
		if got := lowerWord(w); got != want {
			t.Fatalf("lowerWord(%#x) = %#x, want %#x", w, got, want)
		}
	}
}

// readTag classifies the name as lookupTag does (the packing it replaced
// did), for names of every length up to 20 of letters, digits, bytes not
// ASCII and odd ASCII, with the input ending anywhere after the name.
func TestReadTagName(t *testing.T) {
	alphabet := "aAbBdDiIvVpPsStTzZ1-_:\x80\xe4\xff@[`{"
	var names []string
	for name := range tagNameSet() {
		names = append(names, name)
	}
	rng := rand.New(rand.NewSource(5))
	for n := 0; n < 100_000; n++ {
		var name []byte
		if n%3 == 0 {
			name = []byte(names[rng.Intn(len(names))])
			for k := range name {
				if rng.Intn(2) == 0 && name[k] >= 'a' && name[k] <= 'z' {
					name[k] -= 'a' - 'A'
				}
			}
		} else {
			name = []byte{"abcdefghijklmnopqrstuvwxyzABCZ"[rng.Intn(30)]}
			for k := rng.Intn(20); k > 0; k-- {
				name = append(name, alphabet[rng.Intn(len(alphabet))])
			}
		}
		tail := []string{">", " >", "/>", " a=b>", ">0123456789", "\t"}[rng.Intn(6)]
		src := "<" + string(name) + tail
		p := pscan{s: src}
		ok := p.readTag(1, true)
		if want := len(tail) > 1 || tail != "\t"; ok != want {
			t.Fatalf("%q: readTag %v", src, ok)
		}
		if !ok {
			continue
		}
		if got := src[p.nameStart:p.nameEnd]; got != string(name) {
			t.Fatalf("%q: name %q", src, got)
		}
		if want := lookupTag(string(name)); p.tag != want {
			t.Fatalf("%q: tag %+v, lookupTag %+v", src, p.tag, want)
		}
	}
}

// tagNameSet is the names in tagTable.
func tagNameSet() map[string]bool {
	m := map[string]bool{}
	for _, e := range tagTable {
		if e.n > 0 {
			m[e.info.name] = true
		}
	}
	return m
}

// FuzzReadTagName: readTag's word-at-a-time classification of the name is
// lookupTag's (the byte-by-byte packing it replaced), for any bytes.
func FuzzReadTagName(f *testing.F) {
	for _, s := range []string{"a>", "DIV class=x>", "td\t>", "scrIPT>", "x\xe4\xb8\xad>", "blockquote>", "abcdefghijklmnopq>", "h1/>", "p"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, rest string) {
		src := "<" + rest
		p := pscan{s: src}
		if !p.readTag(1, true) {
			return
		}
		if want := lookupTag(src[p.nameStart:p.nameEnd]); p.tag != want {
			t.Fatalf("%q: tag %+v, lookupTag %+v", src, p.tag, want)
		}
	})
}
