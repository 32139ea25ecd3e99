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
