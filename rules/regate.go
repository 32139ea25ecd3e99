package rules

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

// A gate is a cheap test run before a regexp: every match of the regexp
// contains at least one of the runes in need (and one of the runes of each
// of also), so a text without them cannot match and the regexp need not
// run. An empty need means the regexp has no such set (it is always run).
type gate struct {
	re   *regexp.Regexp
	need string
	also []string
	// sets are need and also, compiled for the test (see may)
	sets []runeSet
}

// gated derives the gate of re from its syntax tree: a set of runes that
// every match needs, and when the regexp is a sequence, one for each of
// its parts that has one.
func gated(re *regexp.Regexp) gate {
	t, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return gate{re: re}
	}
	t = t.Simplify()
	for t.Op == syntax.OpCapture {
		t = t.Sub[0]
	}
	var sets []string
	if t.Op == syntax.OpConcat {
		for _, sub := range t.Sub {
			if rs, ok := needOf(sub); ok && !slices.Contains(sets, string(rs)) {
				sets = append(sets, string(rs))
			}
		}
	} else if rs, ok := needOf(t); ok {
		sets = append(sets, string(rs))
	}
	if len(sets) == 0 {
		return gate{re: re}
	}
	// the smallest set first: it is tested in the one pass of a gateSet
	sort.SliceStable(sets, func(i, j int) bool { return cost([]rune(sets[i])) < cost([]rune(sets[j])) })
	g := gate{re: re, need: sets[0], also: sets[1:]}
	for _, set := range sets {
		g.sets = append(g.sets, newRuneSet(set))
	}
	return g
}

// gatedAll is gated for each of res.
func gatedAll(res []*regexp.Regexp) []gate {
	out := make([]gate, len(res))
	for i, re := range res {
		out[i] = gated(re)
	}
	return out
}

// may is false when s cannot match: s lacks every rune of need, or of one
// of also (what strings.ContainsAny tells, in one pass per set).
func (g gate) may(s string) bool {
	if g.need == "" {
		return true
	}
	for i := range g.sets {
		if !g.sets[i].in(s) {
			return false
		}
	}
	return true
}

// runeSet is a set of runes tested against a text: one rune through
// strings.IndexRune, more through a bitmap of the runes' low 12 bits, which
// most runes of a text are not in, before the runes themselves.
type runeSet struct {
	one   rune // the only rune, or -1
	bloom bloom4k
	runes []rune
}

func newRuneSet(set string) runeSet {
	rs := []rune(set)
	x := runeSet{one: -1, runes: rs}
	if len(rs) == 1 {
		x.one = rs[0]
	}
	for _, r := range rs {
		x.bloom.add(r)
	}
	return x
}

// in is strings.ContainsAny(s, set).
func (x *runeSet) in(s string) bool {
	if x.one >= 0 {
		return strings.ContainsRune(s, x.one)
	}
	for p, w := 0, 0; p < len(s); p += w {
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
		if !x.bloom.has(r) {
			continue
		}
		for _, q := range x.runes {
			if q == r {
				return true
			}
		}
	}
	return false
}

// maxNeed bounds the runes of a gate: with more, the test costs more than
// it saves.
const maxNeed = 24

// needOf returns runes of which every match of t contains at least one;
// ok is false when there is no such (small) set: t can match the empty
// text, any rune, or case-folded literals.
func needOf(t *syntax.Regexp) ([]rune, bool) {
	switch t.Op {
	case syntax.OpLiteral:
		if t.Flags&syntax.FoldCase != 0 || len(t.Rune) == 0 {
			return nil, false
		}
		return t.Rune[:1], true
	case syntax.OpCharClass:
		var rs []rune
		for i := 0; i+1 < len(t.Rune); i += 2 {
			lo, hi := t.Rune[i], t.Rune[i+1]
			if hi-lo >= maxNeed {
				return nil, false
			}
			for r := lo; r <= hi; r++ {
				rs = append(rs, r)
			}
		}
		return rs, len(rs) > 0 && len(rs) <= maxNeed
	case syntax.OpCapture, syntax.OpPlus:
		return needOf(t.Sub[0])
	case syntax.OpRepeat:
		if t.Min < 1 {
			return nil, false
		}
		return needOf(t.Sub[0])
	case syntax.OpConcat:
		var best []rune
		found := false
		for _, s := range t.Sub {
			if rs, ok := needOf(s); ok && (!found || cost(rs) < cost(best)) {
				best, found = rs, true
			}
		}
		return best, found
	case syntax.OpAlternate:
		var all []rune
		for _, s := range t.Sub {
			rs, ok := needOf(s)
			if !ok {
				return nil, false
			}
			for _, r := range rs {
				if !containsRune(all, r) {
					all = append(all, r)
				}
			}
		}
		return all, len(all) > 0 && len(all) <= maxNeed
	}
	return nil, false
}

// cost ranks a rune set for a gate: fewer runes, and no digits (which
// every figure in a report has), test more.
func cost(rs []rune) int {
	c := len(rs)
	for _, r := range rs {
		if '0' <= r && r <= '9' {
			c += 10
		}
	}
	return c
}

func containsRune(rs []rune, r rune) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}

// gateSet tests up to 64 gates at once: one pass over a text finds
// which of them may match it.
type gateSet struct {
	gates  []gate
	bloom  bloom4k          // the runes of byRune
	byRune map[rune]setBits // the rune sets each rune belongs to
	req    []setBits        // the rune sets each gate needs
}

// setBits numbers the distinct rune sets of a gateSet.
type setBits [2]uint64

func (b *setBits) add(i int) { b[i/64] |= 1 << (i % 64) }

func newGateSet(gs []gate) *gateSet {
	if len(gs) > 64 {
		panic("rules: more than 64 gates in a set")
	}
	s := &gateSet{gates: gs, byRune: map[rune]setBits{}, req: make([]setBits, len(gs))}
	var sets []string
	for i, g := range gs {
		if g.need == "" {
			continue
		}
		for _, set := range append([]string{g.need}, g.also...) {
			k := slices.Index(sets, set)
			if k < 0 {
				k = len(sets)
				if k == 2*64 {
					panic("rules: more than 128 rune sets in a gate set")
				}
				sets = append(sets, set)
				for _, r := range set {
					b := s.byRune[r]
					b.add(k)
					s.byRune[r] = b
					s.bloom.add(r)
				}
			}
			s.req[i].add(k)
		}
	}
	return s
}

// may returns the gates (bit i for gates[i]) whose regexp may match text.
func (s *gateSet) may(text string) uint64 {
	var have setBits
	for p, w := 0, 0; p < len(text); p += w {
		c := text[p]
		var r rune
		switch w = 1; {
		case c < utf8.RuneSelf:
			r = rune(c)
		case c-0xE1 <= 0xEF-0xE1 && c != 0xED && p+2 < len(text) && text[p+1]&0xC0 == 0x80 && text[p+2]&0xC0 == 0x80:
			// runeAt, in line
			r, w = rune(c&0x0F)<<12|rune(text[p+1]&0x3F)<<6|rune(text[p+2]&0x3F), 3
		default:
			r, w = utf8.DecodeRuneInString(text[p:])
		}
		if !s.bloom.has(r) {
			continue // no rune of a set
		}
		if b, ok := s.byRune[r]; ok {
			have[0] |= b[0]
			have[1] |= b[1]
		}
	}
	m := uint64(0)
	for i, q := range s.req {
		if q[0]&^have[0] == 0 && q[1]&^have[1] == 0 {
			m |= 1 << i
		}
	}
	return m
}

// gatedRe is a regexp behind its gate alone (for the anchored patterns a
// finder does not split): a text without the runes the gate needs is no
// match, and the regexp is not run on it. It is built on first use (see
// lazy.go).
type gatedRe struct{ l *lazyGated }

type lazyGated struct {
	once sync.Once
	expr string
	x    gatedBuilt
}

// gatedBuilt is a built gatedRe.
type gatedBuilt struct {
	*regexp.Regexp
	g gate
}

// gateCompile compiles expr as a gatedRe, on first use. Call it only in
// package variable declarations (see lazyCompile).
func gateCompile(expr string) gatedRe {
	x := gatedRe{&lazyGated{expr: expr}}
	gatedRes = append(gatedRes, x)
	lazies = append(lazies, func() { x.get() })
	return x
}

// get is the built gatedRe.
func (x gatedRe) get() *gatedBuilt {
	x.l.once.Do(func() {
		re := regexp.MustCompile(x.l.expr)
		x.l.x = gatedBuilt{Regexp: re, g: gated(re)}
	})
	return &x.l.x
}

// gatedRes are the regexps made with gateCompile (for the differential
// tests).
var gatedRes []gatedRe

// MatchString is the regexp's MatchString.
func (x gatedRe) MatchString(s string) bool {
	b := x.get()
	return b.g.may(s) && b.Regexp.MatchString(s)
}

// FindStringSubmatch is the regexp's FindStringSubmatch.
func (x gatedRe) FindStringSubmatch(s string) []string {
	b := x.get()
	if !b.g.may(s) {
		return nil
	}
	return b.Regexp.FindStringSubmatch(s)
}

// FindStringSubmatchIndex is the regexp's FindStringSubmatchIndex.
func (x gatedRe) FindStringSubmatchIndex(s string) []int {
	b := x.get()
	if !b.g.may(s) {
		return nil
	}
	return b.Regexp.FindStringSubmatchIndex(s)
}
