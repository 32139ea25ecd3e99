package rules

import (
	"strings"
	"unicode/utf8"
)

// foldWidth is parser.FoldWidth (TestFoldWidthIsParsers): full-width ASCII
// forms (U+FF01–U+FF5E) to half-width, the ideographic space to a space.
// The forms are found by their bytes (EF BC 81–BF, EF BD 80–9E, E3 80 80:
// a lead byte is never part of another rune, so a byte match is a rune);
// ASCII is copied without decoding. As strings.Map does in FoldWidth, a
// text that changes has its bytes that are not UTF-8 written as U+FFFD.
func foldWidth(s string) string {
	i := firstWide(s)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			b.WriteByte(c)
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			b.WriteByte(byte(r - 0xFEE0))
		case r == 0x3000:
			b.WriteByte(' ')
		case r == utf8.RuneError && w == 1:
			b.WriteString("\uFFFD")
		default:
			b.WriteString(s[i : i+w])
		}
		i += w
	}
	return b.String()
}

// firstWide returns the byte offset of the first rune of s that
// foldWidth changes, or -1; the bytes before it are valid UTF-8 or not,
// as they come (strings.Map copies them as they are up to its first
// change only when they are valid, so an invalid byte before the first
// wide form makes the offset that of the invalid byte).
func firstWide(s string) int {
	wide := -1
	for i := 0; i+2 < len(s); i++ {
		switch s[i] {
		case 0xEF:
			if s[i+1] == 0xBC && s[i+2] >= 0x81 && s[i+2] <= 0xBF || s[i+1] == 0xBD && s[i+2] >= 0x80 && s[i+2] <= 0x9E {
				wide = i
			}
		case 0xE3:
			if s[i+1] == 0x80 && s[i+2] == 0x80 {
				wide = i
			}
		}
		if wide >= 0 {
			break
		}
	}
	if wide < 0 {
		return -1
	}
	// strings.Map writes U+FFFD for an invalid byte before the first form
	if bad := firstInvalid(s[:wide]); bad >= 0 {
		return bad
	}
	return wide
}

// firstInvalid is the offset of the first byte of s that is not UTF-8, or -1.
func firstInvalid(s string) int {
	if utf8.ValidString(s) {
		return -1
	}
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && w == 1 {
			return i
		}
		i += w
	}
	return -1
}
