package rules

import (
	"math"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// A finder finds the matches of several regexps in one pass over a text,
// exactly as each regexp's FindAllStringIndex would. Each regexp is split
// into its top-level alternatives; each alternative has a small set of
// literal prefixes that every match of it starts with. The pass looks at
// each rune once: where a prefix of an alternative starts, the
// alternative is tried there, a literal by comparison, anything else by
// its own regexp anchored at that position (on a window as long as its
// longest match). At a position, a regexp's alternatives are tried in
// order and the first that matches wins, which is the regexp package's
// leftmost-first rule; a regexp's matches do not overlap.
//
// A regexp the finder cannot split (one that can match the empty text,
// has no bounded longest match, uses anchors or word boundaries, or has no
// small prefix set) is run as a regexp: the result is the same.
type finder struct {
	pats  []fpat
	byRun map[rune][]fcand // candidates by first rune, in (pattern, alternative) order
	bloom bloom4k          // first runes
	slow  []int            // patterns run as regexps
}

type fpat struct {
	re   *regexp.Regexp
	alts []falt
	fast bool
}

// falt is one alternative of a regexp.
type falt struct {
	lit    string      // the alternative is this literal ("" when not)
	lits   []string    // else its finite language in the regexp's order of preference, when small
	re     *lazyRegexp // else: the alternative anchored, ^(?:alt), compiled when first tried
	maxLen int         // the longest match in bytes
}

// fcand is an alternative that may start with a given rune.
type fcand struct {
	pat, alt int
	prefixes []string // the alternative's prefixes that start with the rune
}

// fmatch is a match of pattern pat at bytes [start,end).
type fmatch struct {
	pat, start, end int
}

// maxPrefixes bounds the prefix set of an alternative.
const maxPrefixes = 64

// maxPrefixRunes is the longest prefix computed.
const maxPrefixRunes = 4

// patternKit searches a list of patterns: their regexps and gates (same
// order; a text without any rune a pattern needs is not searched for it),
// the gates as one set, and a finder that searches every pattern in one
// pass.
type patternKit struct {
	res    []*regexp.Regexp
	gates  []gate
	set    *gateSet
	finder *finder
}

// newPatternKit compiles srcs and builds their kit.
func newPatternKit(srcs []string) patternKit {
	k := patternKit{res: make([]*regexp.Regexp, len(srcs))}
	for i, src := range srcs {
		k.res[i] = regexp.MustCompile(src)
	}
	k.gates = gatedAll(k.res)
	k.set = newGateSet(k.gates)
	k.finder = newFinder(k.res)
	return k
}

func newFinder(res []*regexp.Regexp) *finder {
	f := &finder{byRun: map[rune][]fcand{}}
	for i, re := range res {
		p := fpat{re: re}
		var pre [][]string
		p.alts, pre, p.fast = splitAlts(re)
		f.pats = append(f.pats, p)
		if !p.fast {
			f.slow = append(f.slow, i)
			continue
		}
		for j, ps := range pre {
			byFirst := map[rune][]string{}
			var order []rune
			for _, s := range ps {
				r, _ := utf8.DecodeRuneInString(s)
				if _, ok := byFirst[r]; !ok {
					order = append(order, r)
				}
				byFirst[r] = append(byFirst[r], s)
			}
			for _, r := range order {
				f.byRun[r] = append(f.byRun[r], fcand{pat: i, alt: j, prefixes: byFirst[r]})
				f.bloom.add(r)
			}
		}
	}
	return f
}

// splitAlts splits re into its top-level alternatives with their prefix
// sets; ok is false when re must run as a regexp.
func splitAlts(re *regexp.Regexp) (alts []falt, pre [][]string, ok bool) {
	srcs, ok := topAlternatives(re.String())
	if !ok {
		return nil, nil, false
	}
	for _, src := range srcs {
		a, ps, ok := altOf(src)
		if !ok {
			return nil, nil, false
		}
		alts = append(alts, a)
		pre = append(pre, ps)
	}
	return alts, pre, true
}

// altOf reads one alternative (its source).
func altOf(src string) (falt, []string, bool) {
	t, err := syntax.Parse(src, syntax.Perl)
	if err != nil || hasAssertion(t) {
		return falt{}, nil, false
	}
	t = t.Simplify()
	maxLen, bounded := maxBytes(t)
	if !bounded {
		return falt{}, nil, false
	}
	ps, ok := prefixSet(t)
	if !ok {
		return falt{}, nil, false
	}
	a := falt{maxLen: maxLen}
	if t.Op == syntax.OpLiteral && t.Flags&syntax.FoldCase == 0 {
		a.lit = string(t.Rune)
	} else if lits, ok := language(t); ok {
		a.lits = lits
	} else {
		// compiled when the finder first tries the alternative: most are
		// never tried in a given report (their prefixes are not there).
		// src parses, so the anchored regexp compiles.
		a.re = &lazyRegexp{expr: `^(?:` + src + `)`}
	}
	return a, ps, true
}

// maxLanguage bounds the texts language lists.
const maxLanguage = 64

// language lists the texts t matches, when they are few, in the order a
// backtracking leftmost-first match tries them: alternatives in order,
// the sub-expression of a greedy ? before the empty text (after it when
// non-greedy), concatenations in the order of their first part, then the
// next. Anchored at a position with nothing after it, the regexp matches
// the first of them the text there starts with (the texts of a class are
// single runes, of which at most one starts the text). ok is false for
// case folding, repetition, anything else, or more than maxLanguage texts.
func language(t *syntax.Regexp) ([]string, bool) {
	switch t.Op {
	case syntax.OpEmptyMatch:
		return []string{""}, true
	case syntax.OpLiteral:
		if t.Flags&syntax.FoldCase != 0 {
			return nil, false
		}
		return []string{string(t.Rune)}, true
	case syntax.OpCharClass:
		var out []string
		for i := 0; i+1 < len(t.Rune); i += 2 {
			if t.Rune[i+1]-t.Rune[i] >= maxLanguage {
				return nil, false
			}
			for r := t.Rune[i]; r <= t.Rune[i+1]; r++ {
				out = append(out, string(r))
			}
			if len(out) > maxLanguage {
				return nil, false
			}
		}
		return out, len(out) > 0
	case syntax.OpCapture:
		return language(t.Sub[0])
	case syntax.OpQuest:
		sub, ok := language(t.Sub[0])
		if !ok || len(sub)+1 > maxLanguage {
			return nil, false
		}
		if t.Flags&syntax.NonGreedy != 0 {
			return append([]string{""}, sub...), true
		}
		return append(sub, ""), true
	case syntax.OpAlternate:
		var out []string
		for _, sub := range t.Sub {
			l, ok := language(sub)
			if !ok || len(out)+len(l) > maxLanguage {
				return nil, false
			}
			out = append(out, l...)
		}
		return out, true
	case syntax.OpConcat:
		out := []string{""}
		for _, sub := range t.Sub {
			l, ok := language(sub)
			if !ok || len(out)*len(l) > maxLanguage {
				return nil, false
			}
			next := make([]string, 0, len(out)*len(l))
			for _, a := range out {
				for _, b := range l {
					next = append(next, a+b)
				}
			}
			out = next
		}
		return out, true
	}
	return nil, false
}

// topAlternatives splits the source of a regexp at its top-level "|";
// ok is false for a source whose parts would not mean what they mean in
// it (flag groups such as "(?i)") or that it does not follow (POSIX
// classes).
func topAlternatives(expr string) ([]string, bool) {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(expr); i++ {
		switch expr[i] {
		case '\\':
			i++ // the escaped byte (a multi-byte rune's rest is no operator)
		case '[':
			i++
			if i < len(expr) && expr[i] == '^' {
				i++
			}
			if i < len(expr) && expr[i] == ']' {
				i++ // a literal ] first in the class
			}
			for ; i < len(expr) && expr[i] != ']'; i++ {
				switch {
				case expr[i] == '\\':
					i++
				case expr[i] == '[' && i+1 < len(expr) && expr[i+1] == ':':
					return nil, false
				}
			}
			if i >= len(expr) {
				return nil, false
			}
		case '(':
			if i+1 < len(expr) && expr[i+1] == '?' && (i+2 >= len(expr) || expr[i+2] != ':') {
				return nil, false
			}
			depth++
		case ')':
			depth--
		case '|':
			if depth == 0 {
				out = append(out, expr[start:i])
				start = i + 1
			}
		}
	}
	if depth != 0 {
		return nil, false
	}
	return append(out, expr[start:]), true
}

// hasAssertion: t holds an anchor or a word boundary (its matches depend on
// the text around them, which an anchored window does not show).
func hasAssertion(t *syntax.Regexp) bool {
	switch t.Op {
	case syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary, syntax.OpNoMatch:
		return true
	}
	for _, s := range t.Sub {
		if hasAssertion(s) {
			return true
		}
	}
	return false
}

// maxBytes is the longest match of t in bytes (a rune of a class or an
// invalid byte counts as at most utf8.UTFMax); bounded is false for
// repeats without an upper bound.
func maxBytes(t *syntax.Regexp) (n int, bounded bool) {
	switch t.Op {
	case syntax.OpEmptyMatch:
		return 0, true
	case syntax.OpLiteral:
		for _, r := range t.Rune {
			n += runeBytes(r, t.Flags&syntax.FoldCase != 0)
		}
		return n, true
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return utf8.UTFMax, true
	case syntax.OpCapture, syntax.OpQuest:
		return maxBytes(t.Sub[0])
	case syntax.OpRepeat:
		if t.Max < 0 {
			return 0, false
		}
		m, ok := maxBytes(t.Sub[0])
		return m * t.Max, ok
	case syntax.OpConcat:
		for _, s := range t.Sub {
			m, ok := maxBytes(s)
			if !ok {
				return 0, false
			}
			n += m
		}
		return n, true
	case syntax.OpAlternate:
		for _, s := range t.Sub {
			m, ok := maxBytes(s)
			if !ok {
				return 0, false
			}
			n = max(n, m)
		}
		return n, true
	}
	return 0, false
}

func runeBytes(r rune, fold bool) int {
	if fold {
		return utf8.UTFMax
	}
	if n := utf8.RuneLen(r); n > 0 {
		return n
	}
	return utf8.UTFMax
}

// pfx is a prefix of the matches of a part of a regexp: open when the
// part's match is exactly s (what follows may extend it), closed when the
// match goes on in ways not followed.
type pfx struct {
	s    string
	n    int // runes
	open bool
}

// prefixSet returns strings of which every match of t starts with one,
// none empty, the longest (up to maxPrefixRunes runes) that keep the set
// small; ok is false when there is none.
func prefixSet(t *syntax.Regexp) ([]string, bool) {
	for k := maxPrefixRunes; k >= 1; k-- {
		ps, ok := prefixes(t, k)
		if !ok || len(ps) > maxPrefixes {
			continue
		}
		var out []string
		for _, p := range ps {
			if p.s == "" {
				out = nil // the alternative can start anywhere
				break
			}
			if !slices.Contains(out, p.s) {
				out = append(out, p.s)
			}
		}
		if out != nil {
			return out, true
		}
	}
	return nil, false
}

// prefixes of t up to k runes; ok is false when the set grows beyond
// maxPrefixes or t holds what has no literal prefix.
func prefixes(t *syntax.Regexp, k int) ([]pfx, bool) {
	switch t.Op {
	case syntax.OpEmptyMatch:
		return []pfx{{open: true}}, true
	case syntax.OpLiteral:
		if t.Flags&syntax.FoldCase != 0 {
			return nil, false
		}
		rs := t.Rune
		if slices.Contains(rs, utf8.RuneError) {
			return nil, false // an invalid byte matches it too
		}
		if len(rs) > k {
			return []pfx{{s: string(rs[:k]), n: k}}, true
		}
		return []pfx{{s: string(rs), n: len(rs), open: true}}, true
	case syntax.OpCharClass:
		var out []pfx
		for i := 0; i+1 < len(t.Rune); i += 2 {
			lo, hi := t.Rune[i], t.Rune[i+1]
			if hi-lo >= maxPrefixes || len(out)+int(hi-lo)+1 > maxPrefixes {
				return nil, false
			}
			for r := lo; r <= hi; r++ {
				if r == utf8.RuneError {
					return nil, false // an invalid byte matches it too
				}
				out = append(out, pfx{s: string(r), n: 1, open: true})
			}
		}
		return out, len(out) > 0
	case syntax.OpCapture:
		return prefixes(t.Sub[0], k)
	case syntax.OpQuest:
		ps, ok := prefixes(t.Sub[0], k)
		if !ok {
			return nil, false
		}
		return append(ps, pfx{open: true}), len(ps) < maxPrefixes
	case syntax.OpAlternate:
		var out []pfx
		for _, s := range t.Sub {
			ps, ok := prefixes(s, k)
			if !ok || len(out)+len(ps) > maxPrefixes {
				return nil, false
			}
			out = append(out, ps...)
		}
		return out, true
	case syntax.OpConcat:
		cur := []pfx{{open: true}}
		for _, sub := range t.Sub {
			anyOpen := false
			for _, c := range cur {
				anyOpen = anyOpen || c.open && c.n < k
			}
			if !anyOpen {
				break
			}
			var next []pfx
			var memo [maxPrefixRunes + 1]struct {
				ps   []pfx
				ok   bool
				done bool
			}
			for _, c := range cur {
				if !c.open || c.n >= k {
					c.open = false
					next = append(next, c)
					continue
				}
				m := &memo[min(k-c.n, maxPrefixRunes)]
				if !m.done {
					m.ps, m.ok = prefixes(sub, k-c.n)
					m.done = true
				}
				ps, ok := m.ps, m.ok
				if !ok {
					// what follows is unknown: c is all that is known
					next = append(next, pfx{s: c.s, n: c.n})
					continue
				}
				for _, p := range ps {
					next = append(next, pfx{s: c.s + p.s, n: c.n + p.n, open: p.open})
				}
				if len(next) > maxPrefixes {
					// too many: what is known so far is the prefix
					for i := range cur {
						cur[i].open = false
					}
					return cur, true
				}
			}
			cur = next
		}
		return cur, true
	}
	return nil, false
}

// inBloom: some candidate may start with r.
func (f *finder) inBloom(r rune) bool {
	return f.bloom.has(r)
}

// find appends to dst the matches of the patterns whose bit is set in
// want (bit i for pattern i; patterns from 64 on are always searched), at
// most limit matches per pattern (limit < 0: all). The matches of the
// patterns the finder splits come in text order, then those of the others
// pattern by pattern.
func (f *finder) find(s string, want uint64, limit int, dst []fmatch) []fmatch {
	var nextBuf, countBuf [64]int
	next, count := nextBuf[:0], countBuf[:0]
	if len(f.pats) > len(nextBuf) {
		next, count = make([]int, 0, len(f.pats)), make([]int, 0, len(f.pats))
	}
	next, count = next[:len(f.pats)], count[:len(f.pats)]
	active := 0 // split patterns still looked for
	for i := range f.pats {
		if i < 64 && want&(1<<i) == 0 || !f.pats[i].fast || limit == 0 {
			next[i] = math.MaxInt
		} else {
			active++
		}
	}
	for p, w := 0, 0; p < len(s); p += w {
		if active == 0 {
			break
		}
		c := s[p]
		var r rune
		switch w = 1; {
		case c < utf8.RuneSelf:
			r = rune(c)
		case c-0xE1 <= 0xEF-0xE1 && c != 0xED && p+2 < len(s) && s[p+1]&0xC0 == 0x80 && s[p+2]&0xC0 == 0x80:
			// runeAt, in line
			r, w = rune(c&0x0F)<<12|rune(s[p+1]&0x3F)<<6|rune(s[p+2]&0x3F), 3
		default:
			r, w = utf8.DecodeRuneInString(s[p:])
		}
		if !f.inBloom(r) {
			continue
		}
		cands, ok := f.byRun[r]
		if !ok {
			continue
		}
		done := -1
		for ci := range cands {
			c := &cands[ci]
			if c.pat == done || p < next[c.pat] {
				continue
			}
			end, ok := f.tryAt(s, p, c)
			if !ok {
				continue
			}
			dst = append(dst, fmatch{pat: c.pat, start: p, end: end})
			done = c.pat
			next[c.pat] = end
			count[c.pat]++
			if limit >= 0 && count[c.pat] >= limit {
				next[c.pat] = math.MaxInt
				active--
			}
		}
	}
	for _, i := range f.slow {
		if i < 64 && want&(1<<i) == 0 {
			continue
		}
		for _, m := range f.pats[i].re.FindAllStringIndex(s, limit) {
			dst = append(dst, fmatch{pat: i, start: m[0], end: m[1]})
		}
	}
	return dst
}

// tryAt tries candidate c at byte p of s, returning where its match ends.
func (f *finder) tryAt(s string, p int, c *fcand) (int, bool) {
	rest := s[p:]
	hit := false
	for _, pre := range c.prefixes {
		if strings.HasPrefix(rest, pre) {
			hit = true
			break
		}
	}
	if !hit {
		return 0, false
	}
	a := &f.pats[c.pat].alts[c.alt]
	if a.lit != "" {
		// the prefix may be the literal's first runes only
		return p + len(a.lit), strings.HasPrefix(rest, a.lit)
	}
	if a.lits != nil {
		// the first text of the language, in the order the regexp prefers
		// them, that rest starts with is the regexp's match
		for _, l := range a.lits {
			if strings.HasPrefix(rest, l) {
				return p + len(l), true
			}
		}
		return 0, false
	}
	// the window holds the longest match and ends at a rune boundary
	end := min(len(rest), a.maxLen)
	for end < len(rest) && !utf8.RuneStart(rest[end]) {
		end++
	}
	m := a.re.get().FindStringIndex(rest[:end])
	if m == nil {
		return 0, false
	}
	return p + m[1], true
}

// fastRe is a fastBuilt built on first use (see lazy.go).
type fastRe struct{ l *lazyFast }

type lazyFast struct {
	once sync.Once
	expr string         // compiled on first use
	re   *regexp.Regexp // or given
	x    fastBuilt
}

// get is the built fastBuilt.
func (x fastRe) get() *fastBuilt {
	x.l.once.Do(func() {
		if x.l.re == nil {
			x.l.re = regexp.MustCompile(x.l.expr)
		}
		x.l.x = newFastRe(x.l.re)
	})
	return &x.l.x
}

// re is the regexp.
func (x fastRe) re() *regexp.Regexp { return x.get().Regexp }

// fastBuilt is a regexp whose MatchString, FindStringIndex and
// FindAllStringIndex go through a finder when the regexp splits, and
// otherwise behind its gate. MatchString of a regexp only some of whose
// top-level alternatives split runs the others as regexps of their own
// (a text matches when one alternative does).
type fastBuilt struct {
	*regexp.Regexp
	f    *finder // the whole regexp, nil when it does not split
	g    gate
	some *finder // else the alternatives that split, nil when none do
	rest []gate  // and the others
	// cheap: every rune set of the gate is one rune, so that the gate
	// (strings.IndexRune per set) is tried before the finder too
	cheap bool
}

func newFastRe(re *regexp.Regexp) fastBuilt {
	x := fastBuilt{Regexp: re, g: gated(re)}
	x.cheap = x.g.need != ""
	for _, set := range x.g.sets {
		x.cheap = x.cheap && set.one >= 0
	}
	if f := newFinder([]*regexp.Regexp{re}); len(f.slow) == 0 {
		x.f = f
		return x
	}
	srcs, ok := topAlternatives(re.String())
	if !ok || len(srcs) < 2 {
		return x
	}
	var fast []string
	for _, src := range srcs {
		if _, _, ok := altOf(src); ok {
			fast = append(fast, "(?:"+src+")")
			continue
		}
		alt, err := regexp.Compile(src)
		if err != nil {
			return x
		}
		x.rest = append(x.rest, gated(alt))
	}
	if len(fast) > 0 {
		f := newFinder([]*regexp.Regexp{regexp.MustCompile(strings.Join(fast, "|"))})
		if len(f.slow) == 0 {
			x.some = f
		} else {
			x.rest = nil // keep the whole regexp
		}
	}
	return x
}

// fastCompile is regexp.MustCompile for a fastRe, on first use. Call it
// only in package variable declarations (see lazyCompile).
func fastCompile(expr string) fastRe { return newLazyFast(&lazyFast{expr: expr}) }

// fastWrap makes re a fastRe, built on first use.
func fastWrap(re *regexp.Regexp) fastRe { return newLazyFast(&lazyFast{re: re}) }

func newLazyFast(l *lazyFast) fastRe {
	x := fastRe{l}
	fastRes = append(fastRes, x)
	lazies = append(lazies, func() { x.get() })
	return x
}

// MatchString reports whether s holds a match.
func (x *fastBuilt) MatchString(s string) bool {
	var buf [1]fmatch
	if x.f != nil {
		if x.cheap && !x.g.may(s) {
			return false
		}
		return len(x.f.find(s, 1, 1, buf[:0])) > 0
	}
	if !x.g.may(s) {
		return false
	}
	if x.some == nil {
		return x.Regexp.MatchString(s)
	}
	if len(x.some.find(s, 1, 1, buf[:0])) > 0 {
		return true
	}
	for _, g := range x.rest {
		if g.may(s) && g.re.MatchString(s) {
			return true
		}
	}
	return false
}

// FindStringIndex is the regexp's FindStringIndex.
func (x *fastBuilt) FindStringIndex(s string) []int {
	if x.f == nil {
		if !x.g.may(s) {
			return nil
		}
		return x.Regexp.FindStringIndex(s)
	}
	if x.cheap && !x.g.may(s) {
		return nil
	}
	var buf [1]fmatch
	if ms := x.f.find(s, 1, 1, buf[:0]); len(ms) > 0 {
		return []int{ms[0].start, ms[0].end}
	}
	return nil
}

// FindAllStringIndex is the regexp's FindAllStringIndex.
func (x *fastBuilt) FindAllStringIndex(s string, n int) [][]int {
	if x.f == nil {
		if !x.g.may(s) {
			return nil
		}
		return x.Regexp.FindAllStringIndex(s, n)
	}
	if n == 0 || x.cheap && !x.g.may(s) {
		return nil
	}
	var buf [8]fmatch
	var out [][]int
	for _, m := range x.f.find(s, 1, n, buf[:0]) {
		out = append(out, []int{m.start, m.end})
	}
	return out
}

// ReplaceAllString is the regexp's ReplaceAllString; a text the gate
// rules out is returned as it is (the regexp would copy it unchanged).
func (x *fastBuilt) ReplaceAllString(src, repl string) string {
	if !x.g.may(src) {
		return src
	}
	return x.Regexp.ReplaceAllString(src, repl)
}

// FindAllString is the regexp's FindAllString.
func (x *fastBuilt) FindAllString(s string, n int) []string {
	var out []string
	for _, m := range x.FindAllStringIndex(s, n) {
		out = append(out, s[m[0]:m[1]])
	}
	return out
}

// MatchString reports whether s holds a match.
func (x fastRe) MatchString(s string) bool { return x.get().MatchString(s) }

// FindStringIndex is the regexp's FindStringIndex.
func (x fastRe) FindStringIndex(s string) []int { return x.get().FindStringIndex(s) }

// FindAllStringIndex is the regexp's FindAllStringIndex.
func (x fastRe) FindAllStringIndex(s string, n int) [][]int { return x.get().FindAllStringIndex(s, n) }

// ReplaceAllString is the regexp's ReplaceAllString.
func (x fastRe) ReplaceAllString(src, repl string) string { return x.get().ReplaceAllString(src, repl) }

// FindAllString is the regexp's FindAllString.
func (x fastRe) FindAllString(s string, n int) []string { return x.get().FindAllString(s, n) }

// FindStringSubmatchIndex is the regexp's FindStringSubmatchIndex.
func (x fastRe) FindStringSubmatchIndex(s string) []int { return x.re().FindStringSubmatchIndex(s) }

// FindAllStringSubmatchIndex is the regexp's FindAllStringSubmatchIndex.
func (x fastRe) FindAllStringSubmatchIndex(s string, n int) [][]int {
	return x.re().FindAllStringSubmatchIndex(s, n)
}

// fastRes are the regexps made with fastCompile (for the differential
// tests).
var fastRes []fastRe
