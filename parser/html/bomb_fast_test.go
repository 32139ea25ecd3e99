package html

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// unbalancedFormattingRef is unbalancedFormatting byte by byte, as it was
// written first: the fast one must agree with it.
func unbalancedFormattingRef(low string) int {
	n := 0
	for i := 0; i+2 < len(low); i++ {
		if low[i] != '<' {
			continue
		}
		j, end := i+1, false
		if low[j] == '/' {
			j, end = j+1, true
		}
		k := j
		for k < len(low) && k-j < 7 && (low[k]|0x20 >= 'a' && low[k]|0x20 <= 'z') {
			k++
		}
		if k == j || k >= len(low) {
			continue
		}
		if c := low[k]; c != '>' && c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '/' {
			continue
		}
		if formatting[strings.ToLower(low[j:k])] {
			if end {
				n--
			} else {
				n++
			}
		}
	}
	return n
}

func TestUnbalancedFormattingFast(t *testing.T) {
	in := []string{"", "<", "<b", "<b>", "<b></b>", "x<B>", "<<b>", "<b><i>x</i", "</", "<a", "<a ", "</a>", "<strong>", "<STRIKE/>"}
	files, _ := filepath.Glob("../../fixtures/html/*.html")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err == nil {
			in = append(in, string(data))
		}
	}
	if len(files) == 0 {
		t.Fatal("no HTML fixtures")
	}
	for _, s := range in {
		for cut := 0; cut <= 3 && cut <= len(s); cut++ {
			if got, want := unbalancedFormatting(s[:len(s)-cut]), unbalancedFormattingRef(s[:len(s)-cut]); got != want {
				t.Errorf("%.40q (cut %d): %d, byte by byte %d", s, cut, got, want)
			}
		}
	}
}

func TestIsFormatting(t *testing.T) {
	for name := range formatting {
		if !isFormatting(name) || !isFormatting(strings.ToUpper(name)) {
			t.Errorf("%s is not formatting", name)
		}
	}
	for _, name := range []string{"div", "p", "span", "td", "bb", "strongs", "fon", "A1"} {
		if isFormatting(name) {
			t.Errorf("%s is formatting", name)
		}
	}
}

// The switch names the same elements as the notNesting table.
func TestIsNotNestingIsTheTable(t *testing.T) {
	for name := range notNesting {
		if !isNotNesting(name) {
			t.Errorf("%s is missing from isNotNesting", name)
		}
	}
	for _, name := range []string{"div", "span", "table", "ul", "ol", "b", "script", "style", "section", "iframe", "svg", "h7", ""} {
		if isNotNesting(name) != notNesting[name] {
			t.Errorf("%s: isNotNesting %v, table %v", name, isNotNesting(name), notNesting[name])
		}
	}
}

// unbalancedFormattingPrev is unbalancedFormatting as it was before
// fmtNameAt: a first-letter filter, the letters, then isFormatting. Kept
// to hold the faster one to, with unbalancedFormattingRef.
func unbalancedFormattingPrev(src string) int {
	n := 0
	for i := 0; i+2 < len(src); i++ {
		d := strings.IndexByte(src[i:], '<')
		if d < 0 {
			break
		}
		if i += d; i+2 >= len(src) {
			break
		}
		j, end := i+1, false
		if src[j] == '/' {
			j, end = j+1, true
		}
		if !fmtFirst[src[j]] {
			continue
		}
		k := j + 1
		for k < len(src) && k-j < 7 && (src[k]|0x20 >= 'a' && src[k]|0x20 <= 'z') {
			k++
		}
		if k >= len(src) {
			continue
		}
		if c := src[k]; c != '>' && c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '/' {
			continue
		}
		if isFormatting(src[j:k]) {
			if end {
				n--
			} else {
				n++
			}
		}
	}
	return n
}

// isFormatting is formatting[strings.ToLower(name)] for an ASCII name of
// at most 7 letters, without a map.
func isFormatting(name string) bool {
	var buf [7]byte
	if len(name) > len(buf) {
		return formatting[strings.ToLower(name)]
	}
	for i := 0; i < len(name); i++ {
		buf[i] = name[i] | 0x20
	}
	switch string(buf[:len(name)]) {
	case "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u":
		return true
	}
	return false
}

// fmtFirst[c] is set for the letters (either case) a formatting tag name
// starts with: a b c e f i n s t u.
var fmtFirst = func() (t [256]bool) {
	for _, c := range "abcefinstu" {
		t[c], t[c-0x20] = true, true
	}
	return t
}()

// fmtEnd holds the bytes unbalancedFormattingRef takes to end a name.
func TestFmtEnd(t *testing.T) {
	for c := 0; c < 256; c++ {
		want := c == '>' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '/'
		if fmtEnd[c] != want {
			t.Errorf("fmtEnd[%q] = %v", byte(c), fmtEnd[c])
		}
	}
}

// Every name of formatting and its near misses, in every case mix, before
// every byte, cut at every length: the three counts agree.
func TestUnbalancedFormattingNames(t *testing.T) {
	var names []string
	for name := range formatting {
		names = append(names, name, name+"x", name[:len(name)-1], "x"+name)
	}
	names = append(names, "bi", "bigg", "smal", "stron", "striker", "stro", "sm", "nob", "cod", "fon", "e", "t", "ttt", "ig", "q", "z", "span", "td", "img")
	for _, name := range names {
		for mask := 0; mask < 1<<len(name) && mask < 64; mask++ {
			b := []byte(name)
			for k := range b {
				if mask>>k&1 != 0 && b[k] >= 'a' && b[k] <= 'z' {
					b[k] -= 'a' - 'A'
				}
			}
			for _, pre := range []string{"<", "</", "x<", "<<", "</ "} {
				for c := 0; c < 256; c++ {
					s := pre + string(b) + string([]byte{byte(c)})
					for cut := 0; cut <= 2; cut++ {
						u := s[:len(s)-cut]
						got, ref, prev := unbalancedFormatting(u), unbalancedFormattingRef(u), unbalancedFormattingPrev(u)
						if got != ref || prev != ref {
							t.Fatalf("%q: %d, byte by byte %d, before %d", u, got, ref, prev)
						}
					}
				}
			}
		}
	}
}

func BenchmarkUnbalancedFormattingPrev(b *testing.B) {
	src := string(chromePage(b))
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		unbalancedFormattingPrev(src)
	}
}

// fmtStart holds the first letters of formatting's names.
func TestFmtStart(t *testing.T) {
	for c := 0; c < 256; c++ {
		want := false
		for name := range formatting {
			want = want || name[0] == byte(c) || name[0]-('a'-'A') == byte(c)
		}
		if fmtStart[c] != want {
			t.Errorf("fmtStart[%q] = %v", byte(c), fmtStart[c])
		}
	}
}
