package rules

import "unicode/utf8"

// runeAt decodes the rune at byte p of s (p < len(s)) as a range loop over
// s does: an invalid byte is (utf8.RuneError, 1). ASCII and the three-byte
// runes of Chinese text (lead bytes E1–EC, EE–EF, whose continuation bytes
// are any of 80–BF) are decoded in line; anything else by the utf8 package.
func runeAt(s string, p int) (rune, int) {
	c := s[p]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	if p+2 < len(s) {
		c1, c2 := s[p+1], s[p+2]
		if c-0xE1 <= 0xEF-0xE1 && c != 0xED && c1&0xC0 == 0x80 && c2&0xC0 == 0x80 {
			return rune(c&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F), 3
		}
	}
	return runeAtSlow(s, p)
}

// runeAtSlow is runeAt's utf8 package call, kept out of line.
//
//go:noinline
func runeAtSlow(s string, p int) (rune, int) {
	return utf8.DecodeRuneInString(s[p:])
}

// bloom4k is a bitmap of runes by their low 12 bits: a rune whose bit is
// clear is none of the runes added. Chinese runes spread over it far more
// than over their low byte.
type bloom4k [64]uint64

func (b *bloom4k) add(r rune)      { b[(r>>6)&63] |= 1 << (r & 63) }
func (b *bloom4k) has(r rune) bool { return b[(r>>6)&63]&(1<<(r&63)) != 0 }
