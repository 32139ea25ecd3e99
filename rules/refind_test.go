package rules

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/reportlint/reportlint/parser"
)

// finderPatterns are the regexps the rules search through finders.
func finderPatterns() []*regexp.Regexp {
	var res []*regexp.Regexp
	res = append(res, keywordsBuilt().res...)
	res = append(res, placeholdersBuilt().res...)
	for _, x := range fastRes {
		res = append(res, x.re())
	}
	return res
}

// finderTexts are the texts of the differential tests: every line of the
// text and HTML fixtures (as written and width-folded), the narrative
// corpus, and random texts made of the patterns' own words and runes.
func finderTexts(t *testing.T, res []*regexp.Regexp) []string {
	var texts []string
	for _, dir := range []string{"../fixtures/text", "../fixtures/html"} {
		files, _ := filepath.Glob(dir + "/*")
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				continue
			}
			for _, l := range strings.Split(string(data), "\n") {
				texts = append(texts, l, parser.FoldWidth(l))
			}
		}
	}
	for _, c := range corpus {
		for _, l := range strings.Split(c.prose, "\n") {
			texts = append(texts, l, parser.FoldWidth(l))
		}
	}
	// each distinct line once
	slices.Sort(texts)
	texts = slices.Compact(texts)
	if len(texts) < 1000 {
		t.Fatalf("only %d fixture lines", len(texts))
	}
	// the vocabulary: literal words of every pattern, their runes, digits,
	// brackets, punctuation and bytes that are not UTF-8
	var words []string
	for _, re := range res {
		for _, w := range regexp.MustCompile(`[\p{Han}XxＸｘ×○]+`).FindAllString(re.String(), -1) {
			words = append(words, w)
			for _, r := range w {
				words = append(words, string(r))
			}
		}
	}
	words = append(words, "1", "2", "0", "9", "19", "20", "2024", "2023年", "（", "）", "(", ")", "【", "】", "，", "。", "、", " ",
		"\xe4", "\xe4\xb8", "\x80", "\xff", "\ufffd", "X", "x", "×", "区分处理")
	rng := uint64(7)
	rnd := func(n int) int {
		rng = rng*6364136223846793005 + 1442695040888963407
		return int(rng>>33) % n
	}
	n := randomInputs(2500, 8000, 1500)
	for range n {
		var b strings.Builder
		for range 1 + rnd(40) {
			b.WriteString(words[rnd(len(words))])
		}
		texts = append(texts, b.String())
	}
	return texts
}

// Each finder gives what its regexp gives: FindAllStringIndex (with and
// without a limit), FindStringIndex and MatchString, on every text. The
// regexp's answers all come from its FindAllStringIndex(s, -1) (the first
// n matches, the first match, whether there is one), which the regexp's
// own methods are held to on every seventh text.
func TestFinderIsTheRegexp(t *testing.T) {
	res := finderPatterns()
	texts := finderTexts(t, res)
	fast := 0
	for _, re := range res {
		x := newFastRe(re)
		if x.f != nil {
			fast++
		} else {
			t.Logf("run as a regexp (split for MatchString: %v): %s", x.some != nil, re)
		}
		for i, s := range texts {
			all := re.FindAllStringIndex(s, -1)
			var first []int
			if len(all) > 0 {
				first = all[0]
			}
			if i%7 == 0 {
				sameAsRegexp(t, re, s, all, first)
			}
			for _, n := range []int{-1, 1, 4} {
				want := all
				if n >= 0 && len(want) > n {
					want = want[:n]
				}
				if got := x.FindAllStringIndex(s, n); !sameIndexes(got, want) {
					t.Fatalf("%s on %q (n=%d): %v, regexp %v", re, s, n, got, want)
				}
			}
			if got := x.FindStringIndex(s); !slices.Equal(got, first) {
				t.Fatalf("%s on %q: first %v, regexp %v", re, s, got, first)
			}
			if x.MatchString(s) != (first != nil) {
				t.Fatalf("%s on %q: MatchString differs", re, s)
			}
		}
	}
	if fast < len(res)*3/4 {
		t.Errorf("only %d of %d patterns go through the finder", fast, len(res))
	}
}

// sameAsRegexp fails when the answers TestFinderIsTheRegexp derives from
// re.FindAllStringIndex(s, -1) are not re's own.
func sameAsRegexp(t *testing.T, re *regexp.Regexp, s string, all [][]int, first []int) {
	t.Helper()
	for _, n := range []int{1, 4} {
		want := all
		if len(want) > n {
			want = want[:n]
		}
		if got := re.FindAllStringIndex(s, n); !sameIndexes(got, want) {
			t.Fatalf("%s on %q (n=%d): %v, not the first of %v", re, s, n, got, all)
		}
	}
	if got := re.FindStringIndex(s); !slices.Equal(got, first) {
		t.Fatalf("%s on %q: FindStringIndex %v, FindAllStringIndex %v", re, s, got, all)
	}
	if re.MatchString(s) != (first != nil) {
		t.Fatalf("%s on %q: MatchString is not FindAllStringIndex", re, s)
	}
}

// sameIndexes compares lists of match indexes (nil and empty alike, as
// fmt.Sprint compared them).
func sameIndexes(a, b [][]int) bool {
	return slices.EqualFunc(a, b, func(x, y []int) bool { return slices.Equal(x, y) })
}

// The keyword finder (all keyword patterns in one pass) finds what the
// old reading found: every pattern's FindAllStringIndex, longest match
// kept where they overlap.
func TestFindKeywordsIsTheRegexps(t *testing.T) {
	texts := finderTexts(t, finderPatterns())
	for _, s := range texts {
		got, want := findKeywords(s), findKeywordsRegexp(s)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("on %q:\n%v\nregexps:\n%v", s, got, want)
		}
	}
}

// findKeywordsRegexp is findKeywordsIn as it was: each keyword pattern run
// with FindAllStringIndex.
func findKeywordsRegexp(s string) []kwMatch {
	idx := runeIndex(s)
	var all []kwMatch
	for i, re := range keywordsBuilt().res {
		for _, m := range re.FindAllStringIndex(s, -1) {
			all = append(all, kwMatch{start: int(idx[m[0]]), end: int(idx[m[1]]), kw: i, text: s[m[0]:m[1]]})
		}
	}
	sortKeywords(all)
	return keepLongest(all, int(idx[len(s)]))
}

// Prefix sets: every match of an alternative starts with one of them.
func TestPrefixSets(t *testing.T) {
	for _, c := range []struct{ re, want string }{
		{`不予公开`, "[不予公开]"},
		{`行政复议|复议`, "[行政复议] [复议]"},
		{`(?:通过)?(?:政府)?(?:门户)?网站`, "[通过政府 通过门户 通过网站 政府门户 政府网站 门户网站 网站]"},
		{`(结果)?纠正`, "[结果纠正 纠正]"},
		{`(?:(?:19|20)年度?)?(?:转至|转入)`, "[19年度 19年转 20年度 20年转 转入 转至]"},
		{`x*a`, "regexp"},
		{`^a`, "regexp"},
		{`a+b`, "regexp"},
		{`[^a]b`, "regexp"},
	} {
		alts, pre, ok := splitAlts(regexp.MustCompile(c.re))
		got := "regexp"
		if ok {
			var parts []string
			for i := range alts {
				parts = append(parts, fmt.Sprint(pre[i]))
			}
			got = strings.Join(parts, " ")
		}
		if got != c.want {
			t.Errorf("%s: %s, want %s", c.re, got, c.want)
		}
	}
}

// splitValid cuts valid text where the rune splitting cuts it.
func TestSplitValidIsSplitRunes(t *testing.T) {
	texts := finderTexts(t, finderPatterns())
	texts = append(texts, "", "。", "。。", "a。\n", "\n\n", " 。 ", "甲！乙？丙!丁?戊\n己", "\ufffd。")
	for _, s := range texts {
		if !utf8.ValidString(s) {
			continue
		}
		p := &parser.Paragraph{Text: s}
		got, want := splitValid(nil, p, 0, 0, false), splitRunes(nil, p, 0, 0, false)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("on %q:\n%v\nrunes:\n%v", s, got, want)
		}
	}
}

func TestTopAlternatives(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`a|b`, "[a b]"},
		{`(a|b)c|d`, "[(a|b)c d]"},
		{`[|]|\||x`, `[[|] \| x]`},
		{`[]|]|[^]|]`, "[[]|] [^]|]]"},
		{`(?:a|b)`, "[(?:a|b)]"},
		{`(?i)a|b`, "no"},
		{`[[:alpha:]]|b`, "no"},
		{`(a|b`, "no"},
	} {
		got := "no"
		if parts, ok := topAlternatives(c.in); ok {
			got = fmt.Sprint(parts)
		}
		if got != c.want {
			t.Errorf("%s: %s, want %s", c.in, got, c.want)
		}
	}
}

// language lists a small finite pattern's texts in the order the regexp
// prefers them: anchored at the start of every text made of its texts and
// their pieces, the first listed text the text starts with is the
// regexp's match.
func TestLanguageIsTheRegexp(t *testing.T) {
	srcs := []string{`(结果)?维持`, `(判决)?驳回(原告)?(的)?(诉讼请求|起诉)`, `a|ab`, `(a|ab)(c|bcd)?`, `a??b`, `(?:a|ab)(?:c|b)`, `[a-c]x?`, `(行政)?复议后(提起)?(行政)?(诉讼|起诉)`}
	for _, x := range fastRes {
		if alts, ok := topAlternatives(x.re().String()); ok {
			srcs = append(srcs, alts...)
		}
	}
	for _, re := range keywordsBuilt().res {
		if alts, ok := topAlternatives(re.String()); ok {
			srcs = append(srcs, alts...)
		}
	}
	n := 0
	for _, src := range srcs {
		tr, err := syntax.Parse(src, syntax.Perl)
		if err != nil {
			continue
		}
		lits, ok := language(tr.Simplify())
		if !ok {
			continue
		}
		n++
		re := regexp.MustCompile(`^(?:` + src + `)`)
		var texts []string
		for _, a := range lits {
			for _, b := range lits {
				texts = append(texts, a, a+b, a+"x", b[:len(b)/2]+a)
			}
		}
		for _, s := range texts {
			want := re.FindStringIndex(s)
			var got []int
			for _, l := range lits {
				if strings.HasPrefix(s, l) {
					got = []int{0, len(l)}
					break
				}
			}
			if !slices.Equal(got, want) {
				t.Fatalf("%s on %q: language gives %v, regexp %v (%q)", src, s, got, want, lits)
			}
		}
	}
	if n < 10 {
		t.Fatalf("only %d patterns have a language", n)
	}
}
