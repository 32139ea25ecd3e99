package parser

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// The live normalisation, value and label helpers give what the frozen
// reference copies (normalize_ref_test.go, recognize_ref_test.go) give.

// sameHit compares a live label hit with a reference one field by field
// (the reference type is a renamed copy, so the two cannot be compared
// directly).
func sameHit(h labelHit, ok bool, r labelHitRef, rok bool) bool {
	return ok == rok && h.table == r.tableRef && int(h.kind) == int(r.kind) && h.key == r.key &&
		h.group == r.group && h.want == r.want && h.exact == r.exact
}

// helperMismatches lists every helper whose live result on s differs from
// the reference's.
func helperMismatches(s string) []string {
	var bad []string
	check := func(name string, got, want any) {
		if got != want {
			bad = append(bad, fmt.Sprintf("%s(%q) = %#v, reference %#v", name, s, got, want))
		}
	}
	check("FoldWidth", FoldWidth(s), FoldWidthRef(s))
	check("Compact", Compact(s), CompactRef(s))
	check("CoreLabel", CoreLabel(s), CoreLabelRef(s))
	check("Enumerator", Enumerator(s), EnumeratorRef(s))
	check("CanonLabelText", CanonLabelText(s), CanonLabelTextRef(s))
	check("StripEnumerator", StripEnumerator(s), StripEnumeratorRef(s))
	check("stripParens", stripParens(s), stripParensRef(s))
	check("foldsWidth", foldsWidth(s), FoldWidthRef(s) != s)
	check("replaceLabelPunct", replaceLabelPunct(s), labelReplacerRef.Replace(s))
	check("labelForm", labelForm(s), labelReplacerRef.Replace(CompactRef(s)))
	check("removeSpace", removeSpace(s), strings.Join(strings.Fields(s), ""))
	ref := labelReplacerRef.Replace(CompactRef(s))
	for _, limit := range []int{1, 41, 1 << 30} {
		first, n := labelFormHead(s, limit)
		want, _ := utf8.DecodeRuneInString(ref)
		if ref == "" {
			want = 0
		}
		check(fmt.Sprintf("labelFormHead(limit %d)", limit), [2]int{int(first), n}, [2]int{int(want), min(limit, utf8.RuneCountInString(ref))})
	}
	for _, other := range []string{"", "予以公开", "本机关不掌握相关政府信息", s[:len(s)/2], strings.Repeat(s, 3)} {
		check("EditDistance/"+other, EditDistance(s, other), EditDistanceRef(s, other))
		check("Similar/"+other, Similar(s, other), SimilarRef(s, other))
	}
	check("trimCoreEnd", trimCoreEnd(s), strings.TrimRight(s, "。.:、"))
	if !mayStartEnumerator(s) {
		check("mayStartEnumerator", StripEnumeratorRef(s), s)
	}
	check("ParseValue", ParseValue(s), ParseValueRef(s))
	check("parseValue", parseValue(s), ParseValueRef(s))
	check("valueKind", valueKind(s), ParseValueRef(s).Kind)
	for i := range len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		check(fmt.Sprintf("cjk3 at %d", i), cjk3(s, i), size == 3 && r >= 0x4000 && r <= 0x9FFF)
	}
	check("newItem.kind", newItem(s, Loc{}, 0).kind, ParseValueRef(s).Kind)
	check("IsValueLike", IsValueLike(s), IsValueLikeRef(s))
	h, ok := matchLabel(s)
	rh, rok := matchLabelRef(s)
	if !sameHit(h, ok, rh, rok) {
		bad = append(bad, fmt.Sprintf("matchLabel(%q) = %+v %v, reference %+v %v", s, h, ok, rh, rok))
	}
	sec, ok := matchHeading(s)
	rsec, rok := matchHeadingRef(s)
	if sec != rsec || ok != rok {
		bad = append(bad, fmt.Sprintf("matchHeading(%q) = %+v %v, reference %+v %v", s, sec, ok, rsec, rok))
	}
	return bad
}

// runePools are what the random strings are made of: the characters real
// labels and cells hold and the ones normalisation treats specially.
var runePools = func() [][]rune {
	var labelRunes []rune
	for _, e := range labelDict {
		labelRunes = append(labelRunes, []rune(e.hit.want)...)
	}
	for _, d := range sections {
		labelRunes = append(labelRunes, []rune(d.Heading)...)
	}
	span := func(lo, hi rune) []rune {
		var out []rune
		for r := lo; r <= hi; r++ {
			out = append(out, r)
		}
		return out
	}
	return [][]rune{
		labelRunes,
		labelRunes,
		[]rune("0123456789.,+-/\\_·*xXNAna"),
		span(0x20, 0x7e),
		span(0xFF01, 0xFF5E), // full-width ASCII
		[]rune("０１２３４５６７８９．，"),
		span(0x3000, 0x303F), // CJK punctuation, ideographic space
		[]rune("\t\n\v\f\r \u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\u200b\ufeff\u00ad\u180e"),
		span(0x0300, 0x036F), // combining marks
		[]rune("\u20dd\u20e3\ufe0f"),
		[]rune("“”‘’「」『』【】〔〕[]()（）\"'：:；;，,、。."),
		[]rune("一二三四五六七八九十百零〇"),
		[]rune("元万件个条项次人宗无空暂不适用—–－×"),
		[]rune("小计合计总计其他勾稽关系第二十条行政诉讼未经复议复议后起诉年度"),
		span(0x4e00, 0x4e80),
		[]rune("\U0001F600\U00020000\uFFFD"),
	}
}()

// invalidUTF8 are byte sequences that are not UTF-8.
var invalidUTF8 = []string{"\xff", "\xfe", "\xc3", "\xe4\xb8", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\x80", "\xc0\xaf"}

// randomString makes one test string: random runes from the pools, now
// and then a statutory label, a number or invalid UTF-8, sometimes
// slightly mutated.
func randomString(rng *rand.Rand) string {
	var b strings.Builder
	n := rng.IntN(12)
	if rng.IntN(8) == 0 {
		n = rng.IntN(60)
	}
	for range n {
		switch k := rng.IntN(20); {
		case k == 0:
			b.WriteString(invalidUTF8[rng.IntN(len(invalidUTF8))])
		case k == 1:
			b.WriteString(labelDict[rng.IntN(len(labelDict))].hit.want)
		case k == 2:
			d := sections[rng.IntN(len(sections))]
			b.WriteString(d.Numeral + "、" + d.Heading)
		case k == 3:
			fmt.Fprintf(&b, "%d", rng.IntN(100000))
		case k == 4:
			fmt.Fprintf(&b, "%.2f", rng.Float64()*1000)
		default:
			p := runePools[rng.IntN(len(runePools))]
			b.WriteRune(p[rng.IntN(len(p))])
		}
	}
	s := b.String()
	if rng.IntN(4) == 0 && len(s) > 0 {
		// drop, double or change one rune: near misses of labels
		rs := []rune(s)
		i := rng.IntN(len(rs))
		switch rng.IntN(3) {
		case 0:
			rs = append(rs[:i], rs[i+1:]...)
		case 1:
			rs = append(rs[:i+1], rs[i:]...)
		default:
			p := runePools[0]
			rs[i] = p[rng.IntN(len(p))]
		}
		if utf8.ValidString(s) {
			s = string(rs)
		}
	}
	return s
}

// randomValue makes a cell text that looks like a value: a number with
// separators, signs, spaces and units, a placeholder, or noise around one.
func randomValue(rng *rand.Rand) string {
	parts := []string{"", " ", "\u3000", "\u00a0", "\u200b", "\ufeff", "\t", "\n", "+", "-", "－", "＋", ",", "，", ".", "．",
		"0", "1", "12", "007", "3.50", "1,234", "１２３", "１，２３４", "9999999999999999", "1e5", "0x10", "NaN", "Inf",
		"万元", "元", "件", "个", "人次", "次", "宗", "万", "x", "X", "*", "N/A", "无", "暂无", "空", "不适用", "一", "—", "——", "–", "/", "\\", "_", "·", "×",
		"\xff", "\u0301", "a", "年"}
	var b strings.Builder
	for range 1 + rng.IntN(5) {
		b.WriteString(parts[rng.IntN(len(parts))])
	}
	return b.String()
}

func TestHelpersMatchReferenceRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 2026))
	fails := 0
	for i := range 30000 {
		s := randomString(rng)
		if i%3 == 0 {
			s = randomValue(rng)
		}
		if i < 200 {
			// the labels themselves, exactly and as readers mangle them
			e := labelDict[i%len(labelDict)].hit.want
			s = []string{e, " " + e + " ", strings.Join(strings.Split(e, ""), " "), FoldWidthRef(e)}[i%4]
		}
		for _, m := range helperMismatches(s) {
			t.Error(m)
			if fails++; fails > 20 {
				t.Fatal("too many mismatches")
			}
		}
	}
}

// mayBeSimilar never rules out a pair that Similar accepts.
func TestMayBeSimilarIsNecessary(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 7))
	var cores []string
	for _, e := range labelDict {
		cores = append(cores, e.core)
	}
	for range 30000 {
		a := randomString(rng)
		if rng.IntN(2) == 0 {
			a = CoreLabel(a)
		}
		b := cores[rng.IntN(len(cores))]
		if rng.IntN(4) == 0 {
			b = randomString(rng)
		}
		if rs := []rune(b); rng.IntN(3) == 0 && len(rs) > 1 {
			// a near miss of b: a rune dropped, changed or added
			i := rng.IntN(len(rs))
			switch rng.IntN(3) {
			case 0:
				rs = append(rs[:i:i], rs[i+1:]...)
			case 1:
				rs[i] = runePools[0][rng.IntN(len(runePools[0]))]
			default:
				rs = append(rs[:i:i], append([]rune{'的'}, rs[i:]...)...)
			}
			a = string(rs)
		}
		if Similar(a, b) != SimilarRef(a, b) {
			t.Errorf("Similar(%q, %q) = %v, reference %v", a, b, Similar(a, b), SimilarRef(a, b))
		}
		for limit := range 4 {
			if got, want := editWithin(a, b, limit), EditDistanceRef(a, b) <= limit; got != want {
				t.Errorf("editWithin(%q, %q, %d) = %v, want %v", a, b, limit, got, want)
			}
		}
		if a != b && SimilarRef(a, b) && !mayBeSimilar(utf8.RuneCountInString(a), utf8.RuneCountInString(b)) {
			t.Errorf("mayBeSimilar rules out %q, %q", a, b)
		}
	}
}

func TestHelpersMatchReferenceEdgeCases(t *testing.T) {
	for _, s := range []string{"", " ", "\u3000", "ａｂｃ", "Ａ１（）", "１２３", "1\u00a0234", "\ufeff5", "5\u200b",
		"\xff", "（", "()", "(())", "((x)", "x)(", "（一）", "一、", "1.", "1、", "十二、其他", "。", "。.:、", "、、",
		"a\u0301", "\u0301", "总计", "合计", "小计", "其他", "法人或其他组织小计", "第二十条第（一）项", "第二十条第（九）项",
		"行政诉讼（未经复议直接起诉）", "诉讼复议后起诉", "勾稽关系", "\u00ad", "\u0085", "\u180e"} {
		for _, m := range helperMismatches(s) {
			t.Error(m)
		}
	}
}

// zhEnumDigits are exactly the non-ASCII runes StripEnumerator reads as an
// enumerator's numeral (matchHeading relies on it to pass over body text).
func TestZhEnumDigitsAreStripEnumerators(t *testing.T) {
	for r := rune(1); r < 0x30000; r++ {
		if r >= 0xD800 && r < 0xE000 {
			continue
		}
		strips := StripEnumerator(string(r)+"、x") == "x"
		want := strings.ContainsRune(zhEnumDigits+"0123456789", r)
		if strips != want {
			t.Errorf("StripEnumerator(%q+\"、x\") strips: %v, in zhEnumDigits: %v", r, strips, want)
		}
	}
}

// TestFoldWidthWords holds FoldWidth to the strings.Map version it
// replaced (FoldWidthRef) on texts built from the forms it folds, their
// neighbours and cut or invalid UTF-8 around them.
func TestFoldWidthWords(t *testing.T) {
	var texts []string
	words := []string{"Ａ", "１", "（", "）", "，", "！", "～", "\uff5f", "\uff00", "\u3000", "\u3001", "。", "a", " ", "\ufffd",
		"\xef", "\xef\xbc", "\xef\xbc\x81", "\xbc\x81", "\xe3\x80", "\xe3\x80\x80", "\xed\xa0\x80", "\xff", "\x80", "申请"}
	rng := uint64(19)
	rnd := func(n int) int {
		rng = rng*6364136223846793005 + 1442695040888963407
		return int(rng>>33) % n
	}
	for range 30000 {
		var b strings.Builder
		for range 1 + rnd(10) {
			b.WriteString(words[rnd(len(words))])
		}
		texts = append(texts, b.String())
	}
	for _, s := range texts {
		sameFold(t, s)
	}
}

// sameFold fails when FoldWidth differs from FoldWidthRef on s.
func sameFold(t *testing.T, s string) {
	t.Helper()
	if got, want := FoldWidth(s), FoldWidthRef(s); got != want {
		t.Fatalf("FoldWidth(%q) = %q, FoldWidthRef %q", s, got, want)
	}
}
