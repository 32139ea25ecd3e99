package xhtml

import (
	"bytes"
	"math/rand"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// unescapeRef and convertNewlinesRef are the functions as copied from
// golang.org/x/net/html, before their fast paths.
func unescapeRef(b []byte, attribute bool) []byte {
	firstAmp := slices.Index(b, '&')
	if firstAmp == -1 {
		return b
	}
	out := b[:firstAmp]
	src := firstAmp
	reusingB := true
	for src < len(b) {
		if b[src] != '&' {
			out = append(out, b[src])
			src++
			continue
		}
		r1, r2, entityNameLen := unescapeEntity(b[src:], attribute)
		if entityNameLen == 1 && r1 == '&' {
			out = append(out, '&')
			src++
			continue
		}
		replLen := utf8.RuneLen(r1)
		if r2 != 0 {
			replLen += utf8.RuneLen(r2)
		}
		if replLen > entityNameLen {
			if reusingB {
				out = slices.Clone(out)
				reusingB = false
			}
			out = slices.Grow(out, replLen)
		}
		out = utf8.AppendRune(out, r1)
		if r2 != 0 {
			out = utf8.AppendRune(out, r2)
		}
		src += entityNameLen
	}
	return out
}

func convertNewlinesRef(s []byte) []byte {
	for i, c := range s {
		if c != '\r' {
			continue
		}
		src := i + 1
		if src >= len(s) || s[src] != '\n' {
			s[i] = '\n'
			continue
		}
		dst := i
		for src < len(s) {
			if s[src] == '\r' {
				if src+1 < len(s) && s[src+1] == '\n' {
					src++
				}
				s[dst] = '\n'
			} else {
				s[dst] = s[src]
			}
			src++
			dst++
		}
		return s[:dst]
	}
	return s
}

var escapeAlphabet = []string{"a", "甲", "&", "&amp;", "&amp", "&lt;", "&#20;", "&#x4e2d;", "&#0;", "&#x110000;",
	"&notit;", "&not", "&NotEqualTilde;", "&nbsp;", "&nbsp", "&acE;", "=", ";", "#", "x", "\r", "\n", "\r\n", "\x00"}

func checkEscapeHelpers(t *testing.T, s string) {
	t.Helper()
	for _, attr := range []bool{false, true} {
		got := string(unescape([]byte(s), attr))
		want := string(unescapeRef([]byte(s), attr))
		if got != want {
			t.Fatalf("unescape(%q, %v) = %q, want %q", s, attr, got, want)
		}
	}
	if got, want := convertNewlines([]byte(s)), convertNewlinesRef([]byte(s)); !bytes.Equal(got, want) {
		t.Fatalf("convertNewlines(%q) = %q, want %q", s, got, want)
	}
}

func TestEscapeHelpersMatchRef(t *testing.T) {
	rng := rand.New(rand.NewSource(5))
	for i := 0; i < 30000; i++ {
		var b strings.Builder
		for k := rng.Intn(12); k > 0; k-- {
			b.WriteString(escapeAlphabet[rng.Intn(len(escapeAlphabet))])
		}
		checkEscapeHelpers(t, b.String())
	}
}
