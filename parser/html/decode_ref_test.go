package html

import (
	"encoding/binary"
	"math/bits"
	"unicode/utf8"
)

// validUTF8Ref is validUTF8 as it was before the sixteen-byte ASCII step
// and the two-rune step: utf8.Valid, eight ASCII bytes at a time. Kept to
// hold the faster one to (with utf8.Valid itself).
func validUTF8Ref(b []byte) bool {
	const hi = 0x8080808080808080
	for len(b) >= 8 {
		w := binary.LittleEndian.Uint64(b) & hi
		if w == 0 {
			b = b[8:]
			continue
		}
		b = b[bits.TrailingZeros64(w)>>3:] // b[0] is not ASCII
		for len(b) >= 3 && b[0] >= 0xE1 && b[0] <= 0xEF && b[0] != 0xED && b[1]&0xC0 == 0x80 && b[2]&0xC0 == 0x80 {
			b = b[3:]
		}
		if len(b) > 0 && b[0] >= utf8.RuneSelf {
			r, size := utf8.DecodeRune(b)
			if r == utf8.RuneError && size == 1 {
				return false
			}
			b = b[size:]
		}
	}
	return utf8.Valid(b)
}
