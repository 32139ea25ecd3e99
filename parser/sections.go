package parser

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/reportlint/reportlint/parser/zhtext"
)

// maxHeadingRunes bounds what counts as a heading: a longer paragraph is body
// text even if it starts with "一、".
const maxHeadingRunes = 40

// findSections matches paragraphs to the six statutory headings.
func findSections(r *Report) {
	var found []Section
	isHeading := make([]bool, len(r.Paragraphs))
	for i, p := range r.Paragraphs {
		s, ok := matchHeading(p.Text)
		if !ok {
			continue
		}
		isHeading[i] = true
		s.Loc = p.Loc
		s.First = i + 1
		found = append(found, s)
	}
	// One heading per statutory number. A table of contents lists the
	// headings one after another: an occurrence directly followed by another
	// heading (and with no inline text) is passed over when the number occurs
	// again later; otherwise the first occurrence wins.
	empty := func(s Section) bool {
		return s.Inline == "" && s.First < len(r.Paragraphs) && isHeading[s.First]
	}
	var out []Section
	for i, s := range found {
		dup := false
		for _, o := range out {
			if o.Num == s.Num {
				dup = true
			}
		}
		if dup {
			continue
		}
		if empty(s) {
			later := false
			for _, o := range found[i+1:] {
				if o.Num == s.Num {
					later = true
				}
			}
			if later {
				continue
			}
		}
		out = append(out, s)
	}
	for i := range out {
		out[i].End = len(r.Paragraphs)
		// a section ends where the next heading in document order starts
		for _, o := range out {
			if o.First > out[i].First && o.First-1 < out[i].End {
				out[i].End = o.First - 1
			}
		}
	}
	r.Sections = out
}

// headingWording is one wording of a statutory heading: the canonical one
// or a variant, as written and in labelForm.
type headingWording struct {
	text, form string
	variant    bool
}

// headingWordings lists each section's wordings, the heading first; built
// once.
var headingWordings = func() [][]headingWording {
	out := make([][]headingWording, len(sections))
	for i, d := range sections {
		out[i] = append(out[i], headingWording{d.Heading, labelForm(d.Heading), false})
		for _, v := range d.Variants {
			out[i] = append(out[i], headingWording{v, labelForm(v), v != d.Heading})
		}
	}
	return out
}()

// matchHeading recognises a statutory section heading.
func matchHeading(text string) (Section, bool) {
	// Most paragraphs are body text: too long for a heading and not
	// starting with the numeral a heading run into its text needs
	// (inlineHeading). They are told without building their label form.
	if first, n := labelFormHead(text, maxHeadingRunes+1); n == 0 ||
		(n > maxHeadingRunes && !strings.ContainsRune(zhEnumDigits+"0123456789", first)) {
		return Section{}, false
	}
	c := labelForm(text)
	if c == "" {
		return Section{}, false
	}
	if utf8.RuneCountInString(c) > maxHeadingRunes {
		return inlineHeading(c)
	}
	written := 0
	rest := c
	if e := enumeratorOf(c); e != "" && !strings.HasPrefix(e, "(") {
		written = CNNumeralValue(e)
		if written == 0 {
			if n, err := strconv.Atoi(e); err == nil {
				written = n
			}
		}
		rest = StripEnumerator(c)
	} else if e != "" {
		return Section{}, false // "（一）…" is a sub-heading
	}
	rest = strings.TrimRight(rest, "。.:：")
	// "二、2024年主动公开政府信息情况": the year in a heading is allowed
	// (M601 checks it); match the wording without it.
	rest = stripHeadingYear(rest)
	for i, d := range sections {
		if rest == headingWordings[i][0].form {
			return Section{Num: d.Num, Written: strings.TrimSpace(text), WrittenNum: written}, true
		}
	}
	for i, d := range sections {
		for _, w := range headingWordings[i][1:] {
			if rest == w.form {
				return Section{Num: d.Num, Written: strings.TrimSpace(text), WrittenNum: written, Variant: true}, true
			}
		}
	}
	// Near misses need a numeral to be trusted as headings.
	if written == 0 {
		return Section{}, false
	}
	// A heading run into its first sentence: "六、其他需要报告的事项本年度…".
	if sec, ok := inlineHeading(c); ok {
		return sec, true
	}
	for i, d := range sections {
		for _, w := range headingWordings[i] {
			if Similar(rest, w.form) && EditDistance(rest, w.text) <= 3 {
				return Section{Num: d.Num, Written: strings.TrimSpace(text), WrittenNum: written, Variant: true}, true
			}
		}
	}
	return Section{}, false
}

// zhEnumDigits are the numerals a Chinese enumerator is written with
// (zhtext.StripEnumerator).
const zhEnumDigits = "一二三四五六七八九十"

// stripHeadingYear removes a year written at the start of a heading's
// wording. The pattern is anchored and starts with 19 or 20, so other text
// is returned without running it.
func stripHeadingYear(s string) string {
	if !strings.HasPrefix(s, "19") && !strings.HasPrefix(s, "20") {
		return s
	}
	return headingYear.ReplaceAllString(s, "")
}

// inlineHeading recognises a long paragraph that starts with a numbered
// canonical heading and goes on with body text. c is in labelForm.
func inlineHeading(c string) (Section, bool) {
	e := enumeratorOf(c)
	if e == "" || strings.HasPrefix(e, "(") {
		return Section{}, false
	}
	written := CNNumeralValue(e)
	if written == 0 {
		return Section{}, false
	}
	rest := stripHeadingYear(StripEnumerator(c))
	for i, d := range sections {
		for _, w := range headingWordings[i] {
			if strings.HasPrefix(rest, w.form) {
				inline := strings.TrimLeft(rest[len(w.form):], "。.:：")
				return Section{Num: d.Num, Written: e + "、" + w.text, WrittenNum: written, Variant: w.variant, Inline: inline}, true
			}
		}
	}
	return Section{}, false
}

// headingYear is a year written at the start of a heading's wording.
var headingYear = zhtext.HeadingYearRe

var (
	yearRe    = zhtext.YearRe
	cnYearRe  = zhtext.CNYearRe
	titleMark = "年度报告"
)

// findTitle takes the title from the first paragraphs (or the container's
// title) and reads the issuer, year and kind from it.
func findTitle(r *Report) {
	// Candidates are short paragraphs near the top that say 年度报告. Site
	// chrome (a column name "政府信息公开年度报告", a breadcrumb) says it too,
	// so the first candidate that names a year (itself or on the line above)
	// wins, and the first candidate only when none does.
	hasYear := func(i int) bool {
		if yearRe.MatchString(FoldWidth(Compact(r.Paragraphs[i].Text))) {
			return true
		}
		if i > 0 {
			prev := Compact(r.Paragraphs[i-1].Text)
			return len([]rune(prev)) < 40 && yearRe.MatchString(FoldWidth(prev))
		}
		return false
	}
	chosen := -1
	for i, p := range r.Paragraphs {
		if i > 20 {
			break
		}
		c := Compact(p.Text)
		if !strings.Contains(c, titleMark) || len([]rune(c)) >= 80 {
			continue
		}
		if chosen < 0 {
			chosen = i
		}
		if hasYear(i) {
			chosen = i
			break
		}
	}
	if chosen >= 0 {
		i, p := chosen, r.Paragraphs[chosen]
		c := Compact(p.Text)
		r.Title, r.TitleLoc = strings.Join(strings.Fields(p.Text), " "), p.Loc
		// A title split over two lines: issuer and year on the line before.
		if i > 0 && !yearRe.MatchString(FoldWidth(c)) {
			prev := Compact(r.Paragraphs[i-1].Text)
			if len([]rune(prev)) < 40 && yearRe.MatchString(FoldWidth(prev)) {
				r.Title = strings.TrimSpace(r.Paragraphs[i-1].Text) + r.Title
				r.TitleLoc = r.Paragraphs[i-1].Loc
			}
		}
	}
	if r.Title == "" && strings.Contains(r.Doc.Meta.Title, titleMark) {
		r.Title = strings.TrimSpace(r.Doc.Meta.Title)
	}
	if r.Title == "" {
		setPeriodYear(r)
		return
	}
	t := FoldWidth(Compact(r.Title))
	if m := yearRe.FindStringSubmatchIndex(t); m != nil {
		r.Year, _ = strconv.Atoi(t[m[2]:m[3]])
		issuer := t[:m[0]]
		if issuer == "" {
			// "2024年某某局政府信息公开工作年度报告"
			after := t[m[1]:]
			if j := strings.Index(after, "政府信息公开"); j > 0 {
				issuer = after[:j]
			}
		}
		r.Issuer = strings.TrimSuffix(strings.Trim(issuer, "《》“”\""), "关于")
		// "某某市人民政府" on the line above "2024年政府信息公开工作年度报告"
		if r.Issuer == "" {
			for i, p := range r.Paragraphs {
				if p.Loc == r.TitleLoc && i > 0 {
					prev := Compact(r.Paragraphs[i-1].Text)
					if issuerKind(prev) != "" && len([]rune(prev)) <= 30 {
						r.Issuer = prev
						r.Title = prev + r.Title
						r.TitleLoc = r.Paragraphs[i-1].Loc
					}
					break
				}
			}
		}
	} else if m := cnYearRe.FindStringSubmatchIndex(t); m != nil {
		y, _ := zhtext.YearDigits(t[m[2]:m[3]])
		r.Year = y
		r.Issuer = t[:m[0]]
	}
	r.Kind = issuerKind(r.Issuer)
	if r.Year != 0 {
		r.YearSource = YearFromTitle
	} else {
		setPeriodYear(r)
	}
}

// setPeriodYear takes the report year from the statistics period.
func setPeriodYear(r *Report) {
	if y := periodYear(r); y != 0 {
		r.Year, r.YearSource = y, YearFromPeriod
	}
}

// periodYear reads the report year from the statistics-period sentence
// when the title gives none.
func periodYear(r *Report) int {
	for i, p := range r.Paragraphs {
		if i > 30 {
			break
		}
		// a period over two years names no single year (0)
		if y, ok := zhtext.PeriodYear(FoldWidth(p.Text)); ok {
			return y
		}
	}
	return 0
}

var deptSuffixes = []string{"局", "委员会", "委", "办公室", "办", "厅", "部", "院", "中心", "署", "所", "站", "队", "处", "司", "会", "馆", "社"}

// issuerKind tells a people's government's own report from a department's.
func issuerKind(issuer string) Kind {
	switch {
	case issuer == "":
		return ""
	case strings.HasSuffix(issuer, "人民政府"):
		return KindGovernment
	}
	for _, s := range deptSuffixes {
		if strings.HasSuffix(issuer, s) {
			return KindDepartment
		}
	}
	for _, s := range []string{"省", "市", "县", "区", "旗", "州", "盟"} {
		if strings.HasSuffix(issuer, s) {
			return KindGovernment
		}
	}
	return ""
}
