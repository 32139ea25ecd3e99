package rules

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/reportlint/reportlint/parser"
)

// splitValidRef is splitValid as it was: one pass over the bytes,
// counting runes and cutting after each ending.
func splitValidRef(out []sentence, p *parser.Paragraph, i, sec int, multi bool) []sentence {
	text := p.Text
	start, startRune, n := 0, 0, 0
	emit := func(end, endRune int) {
		if t := text[start:end]; strings.TrimSpace(t) != "" {
			out = append(out, sentence{Text: t, Para: p, ParaIdx: i, Offset: startRune, Section: sec, multiLine: multi})
		}
		start, startRune = end, endRune
	}
	// valid UTF-8: a rune is a byte that is no continuation byte, and a
	// lead byte starts the three bytes of 。(E3 80 82), ！(EF BC 81) or
	// ？(EF BC 9F) only as that rune
	for j := 0; j < len(text); j++ {
		c := text[j]
		if c&0xC0 != 0x80 {
			n++
		}
		switch c {
		case '!', '?', '\n':
			emit(j+1, n)
		case 0xE3, 0xEF:
			if j+2 < len(text) && (c == 0xE3 && text[j+1] == 0x80 && text[j+2] == 0x82 ||
				c == 0xEF && text[j+1] == 0xBC && (text[j+2] == 0x81 || text[j+2] == 0x9F)) {
				emit(j+3, n)
				j += 2
			}
		}
	}
	emit(len(text), n)
	return out
}

func sameSplit(t *testing.T, s string) {
	t.Helper()
	if !utf8.ValidString(s) {
		return
	}
	p := &parser.Paragraph{Text: s}
	if got, want := splitValid(nil, p, 0, 0, false), splitValidRef(nil, p, 0, 0, false); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("on %q:\n%v\nbyte pass:\n%v", s, got, want)
	}
	if got, want := runesOfValid(s), utf8.RuneCountInString(s); got != want {
		t.Fatalf("runesOfValid(%q) = %d, want %d", s, got, want)
	}
}

// splitValid cuts (and counts) as the byte pass it replaced did: on the
// finder texts and random texts of endings, spaces and runes of every
// length.
func TestSplitValidIsByteSplit(t *testing.T) {
	texts := finderTexts(t, finderPatterns())
	texts = append(texts, "", "。", "。。", "a。\n", "\n\n", " 。 ", "甲！乙？丙!丁?戊\n己", "\ufffd。", "！？!?\n。")
	words := []string{"。", "！", "？", "!", "?", "\n", " ", "a", "中", "é", "𝄞", "\u3001", "\uff0c", "\uff1f\uff01", "\ufffd", "\u3000"}
	rng := uint64(5)
	rnd := func(n int) int {
		rng = rng*6364136223846793005 + 1442695040888963407
		return int(rng>>33) % n
	}
	for range randomInputs(20000, 200000, 2000) {
		var b strings.Builder
		for range rnd(30) {
			b.WriteString(words[rnd(len(words))])
		}
		texts = append(texts, b.String())
	}
	for _, s := range texts {
		sameSplit(t, s)
	}
}

func FuzzSplitValidIsByteSplit(f *testing.F) {
	for _, s := range []string{"收到申请。结转！办结？a!b?c\nd", "。。", "\u3002\uff01\uff1f", "ｘ。", "𝄞é。中"} {
		f.Add(s)
	}
	f.Fuzz(sameSplit)
}
