package rules

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestGateNeeds(t *testing.T) {
	for _, c := range []struct{ re, need string }{
		{`不予公开`, "不"},
		{`(20[0-9][XxＸｘ×]|[XxＸｘ×]{2,4})年`, "年 Xx×Ｘｘ"},
		{`行政复议|复议`, "行复"},
		{`(结果)?纠正`, "纠"},
		{`[XxＸｘ×]{2,}(件|条)`, "件条 Xx×Ｘｘ"},
		{`[XxＸｘ×]{2,}`, "Xx×Ｘｘ"},
		{`(予以)?公开?`, "公"},
		{`(a)(b)`, "a b"},
		{`(予以)?(公开)?`, ""},
		{`a|.b`, "ab"},
		{`a|.`, ""},
		{`(?i)abc`, ""},
		{`x*`, ""},
	} {
		g := gated(regexp.MustCompile(c.re))
		got := strings.Join(append([]string{g.need}, g.also...), " ")
		if got != c.need {
			t.Errorf("%s: needs %q, want %q", c.re, got, c.need)
		}
	}
}

// A gate never skips a text its regexp matches: every keyword and
// placeholder pattern, over the texts of every sample sentence.
func TestGatesNeverSkipAMatch(t *testing.T) {
	texts := []string{
		"本年度共收到政府信息公开申请12件，其中予以公开5件，部分公开（区分处理）2件，不予公开1件，无法提供3件，不予处理1件。",
		"结转下年度继续办理0件，上年结转2件，2023年结转至今年1件，跨年办理1件。",
		"因政府信息公开被申请行政复议2件，结果维持1件，纠正1件；未经复议直接起诉1件，复议后起诉1件，判决驳回原告诉讼请求1件。",
		"申请人中公民个人10件、法人或其他组织3件（商业企业1件，科研机构1件，社会公益组织0件，法律服务机构1件，其他组织0件）。",
		"通过政府网站在线申请5件，当面申请2件，邮寄信函1件，传真0件，电子邮箱1件，其他渠道0件。",
		"（文字描述，此处报告。）", "文字描述。", "XX市人民政府2024年度报告模板", "20XX年", "××县", "XX件", "请在此处填写",
		"审理中1件，尚未审结2件，办理完毕3件，新收4件，收悉5件，处理6件。",
	}
	gs := append(append([]gate{}, keywordsBuilt().gates...), placeholdersBuilt().gates...)
	for _, g := range gs {
		for _, s := range texts {
			if g.re.MatchString(s) && !g.may(s) {
				t.Errorf("gate %q of %s skips %q", g.need, g.re, s)
			}
		}
	}
	for _, s := range texts {
		may := keywordsBuilt().set.may(s)
		for i, g := range keywordsBuilt().gates {
			if (may&(1<<i) != 0) != g.may(s) {
				t.Errorf("gate set and gate %d (%s) differ on %q", i, g.re, s)
			}
		}
	}
	for i, g := range keywordsBuilt().gates {
		if g.need == "" {
			t.Errorf("keyword pattern %d (%s) has no gate", i, g.re)
		}
	}
}

// No gate skips a line of the text and HTML fixtures that its regexp
// matches.
func TestGatesOnFixtures(t *testing.T) {
	var files []string
	for _, dir := range []string{"../fixtures/text", "../fixtures/html"} {
		m, _ := filepath.Glob(dir + "/*")
		files = append(files, m...)
	}
	gs := append(append([]gate{}, keywordsBuilt().gates...), placeholdersBuilt().gates...)
	lines, matched := 0, 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil || !utf8.Valid(data) {
			continue
		}
		for _, s := range strings.Split(string(data), "\n") {
			lines++
			may := keywordsBuilt().set.may(s)
			pmay := placeholdersBuilt().set.may(s)
			for i, g := range gs {
				if !g.re.MatchString(s) {
					continue
				}
				matched++
				k := len(keywordsBuilt().gates)
				if !g.may(s) || i < k && may&(1<<i) == 0 || i >= k && pmay&(1<<(i-k)) == 0 {
					t.Errorf("gate %q %q of %s skips %q (%s)", g.need, g.also, g.re, s, f)
				}
			}
		}
	}
	if matched < 100 {
		t.Fatalf("only %d matches in %d lines of %d files", matched, lines, len(files))
	}
}

// mayRef is gate.may as it was: strings.ContainsAny for need and each of
// also.
func mayRef(g gate, s string) bool {
	if g.need == "" {
		return true
	}
	if !strings.ContainsAny(s, g.need) {
		return false
	}
	for _, a := range g.also {
		if !strings.ContainsAny(s, a) {
			return false
		}
	}
	return true
}

// gateSetRef is gateSet.may as it was, without the bitmap of low bytes.
func gateSetRef(gs *gateSet, text string) uint64 {
	var have setBits
	for _, r := range text {
		if b, ok := gs.byRune[r]; ok {
			have[0] |= b[0]
			have[1] |= b[1]
		}
	}
	m := uint64(0)
	for i, q := range gs.req {
		if q[0]&^have[0] == 0 && q[1]&^have[1] == 0 {
			m |= 1 << i
		}
	}
	return m
}

// Gates (compiled rune sets) and gate sets (with their bitmap) tell what
// strings.ContainsAny and the map alone told, for every gate of the rules
// on every finder text.
func TestGatesAreContainsAny(t *testing.T) {
	texts := finderTexts(t, finderPatterns())
	texts = append(texts, "", "\ufffd", "\xff", "a\xe4b")
	gs := append(append([]gate{}, keywordsBuilt().gates...), placeholdersBuilt().gates...)
	for _, x := range fastRes {
		gs = append(gs, x.get().g)
		gs = append(gs, x.get().rest...)
	}
	gs = append(gs, gated(regexp.MustCompile("[a\ufffd]b")), gated(regexp.MustCompile("\ufffd")))
	for _, s := range texts {
		for _, g := range gs {
			if g.may(s) != mayRef(g, s) {
				t.Fatalf("gate %q %q of %s on %q: %v", g.need, g.also, g.re, s, g.may(s))
			}
		}
		for _, set := range []*gateSet{keywordsBuilt().set, placeholdersBuilt().set} {
			if got, want := set.may(s), gateSetRef(set, s); got != want {
				t.Fatalf("gate set on %q: %b, map alone %b", s, got, want)
			}
		}
	}
}

// fastRe.ReplaceAllString (behind the gate) replaces what the regexp
// replaces, for every fastRe on every finder text.
func TestFastReplaceIsTheRegexp(t *testing.T) {
	texts := finderTexts(t, finderPatterns())
	for _, x := range fastRes {
		for _, s := range texts {
			if got, want := x.ReplaceAllString(s, "□"), x.re().ReplaceAllString(s, "□"); got != want {
				t.Fatalf("%s on %q: %q, regexp %q", x.re(), s, got, want)
			}
		}
	}
}

// Every gatedRe (MatchString, FindStringSubmatch, FindStringSubmatchIndex
// behind the gate) finds what its regexp finds, on every finder text (with
// the gated patterns' words) and on each text's tails from every rune on
// (the anchored patterns read the text after a figure).
func TestGatedReIsTheRegexp(t *testing.T) {
	res := finderPatterns()
	for _, x := range gatedRes {
		res = append(res, x.get().Regexp)
	}
	texts := finderTexts(t, res)
	for _, s := range texts {
		sameGated(t, s)
	}
	for _, s := range texts[:min(len(texts), 600)] {
		for p := range s {
			sameGated(t, s[p:])
		}
	}
	for _, x := range gatedRes {
		if x.get().g.need == "" {
			t.Errorf("%s has no gate", x.get().Regexp)
		}
	}
}

func sameGated(t *testing.T, s string) {
	t.Helper()
	for _, x := range gatedRes {
		if got, want := x.MatchString(s), x.get().Regexp.MatchString(s); got != want {
			t.Fatalf("%s on %q: MatchString %v, regexp %v", x.get().Regexp, s, got, want)
		}
		if got, want := x.FindStringSubmatch(s), x.get().Regexp.FindStringSubmatch(s); !slices.Equal(got, want) {
			t.Fatalf("%s on %q: %q, regexp %q", x.get().Regexp, s, got, want)
		}
		if got, want := x.FindStringSubmatchIndex(s), x.get().Regexp.FindStringSubmatchIndex(s); !slices.Equal(got, want) {
			t.Fatalf("%s on %q: %v, regexp %v", x.get().Regexp, s, got, want)
		}
	}
}

func FuzzGatedRe(f *testing.F) {
	for _, s := range []string{"顺延至下年度", "结果维持1件", "全部予以公开", "含上年结转", "属于不予公开、无法提供等情形", "\xe4申请", "、", "共计"} {
		f.Add(s)
	}
	f.Fuzz(sameGated)
}
