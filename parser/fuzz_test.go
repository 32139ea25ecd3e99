package parser

import (
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// fixtureTexts returns the text fixtures as fuzz seeds (nil when absent).
func fixtureTexts(f *testing.F) []string {
	paths, _ := filepath.Glob("../fixtures/text/*.txt")
	var out []string
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err == nil && len(b) < 64<<10 {
			out = append(out, string(b))
		}
	}
	return out
}

// FuzzParseValue checks that any cell text is classified without a panic and
// that the classification is self-consistent.
func FuzzParseValue(f *testing.F) {
	for _, s := range []string{"", " ", "0", "12", "1,234", "１２３", "12件", "3.50", "3.", ".5", "-1",
		"--", "—", "无", "/", "1 234", "1\u00a0234", "+7", "１，２３４万元", "1e5", "NaN", "Inf", "0x10",
		"99999999999999999999999999", "-", "-.", "一", "12.0", "\ufeff5", "5\u200b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		v := ParseValue(raw)
		if v != ParseValue(raw) {
			t.Fatalf("ParseValue(%q) is not deterministic", raw)
		}
		switch v.Kind {
		case Number:
			if math.IsNaN(v.Num) || math.IsInf(v.Num, 0) {
				t.Fatalf("ParseValue(%q) = %v: a number must be finite", raw, v.Num)
			}
			if v.Integer && v.Num != math.Trunc(v.Num) {
				t.Fatalf("ParseValue(%q): Integer set for %v", raw, v.Num)
			}
		case Blank:
			if strings.ContainsFunc(FoldWidth(raw), func(r rune) bool { return r >= '0' && r <= '9' }) {
				t.Fatalf("ParseValue(%q) is blank although it holds digits", raw)
			}
		case Placeholder, Text:
		default:
			t.Fatalf("ParseValue(%q): unknown kind %v", raw, v.Kind)
		}
		if v.Kind != Number && v.Num != 0 {
			t.Fatalf("ParseValue(%q): kind %v carries number %v", raw, v.Kind, v.Num)
		}
		if IsValueLike(raw) != (v.Kind != Text) {
			t.Fatalf("IsValueLike(%q) disagrees with ParseValue", raw)
		}
	})
}

// FuzzCoreLabel runs the label normalisers on arbitrary text.
func FuzzCoreLabel(f *testing.F) {
	for _, s := range []string{"", "（一）予以公开", "一、本年新收政府信息公开申请数量", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
		"1.属于国家秘密", "十二、", "(", ")", "((((", "))", "（", "【单位：万元】", "“三安全一稳定”", "（一二三四五六七八九十）x",
		"\xff\xfe", "九十九", "十", "二十", "十二", "十x", "１２．", "\u00ad\u200b\ufeff"} {
		f.Add(s, "予以公开")
	}
	f.Fuzz(func(t *testing.T, s, other string) {
		core := CoreLabel(s)
		_ = Enumerator(s)
		_ = CanonLabelText(s)
		if c := Compact(s); strings.ContainsFunc(c, func(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == 0x3000 }) {
			t.Fatalf("Compact(%q) = %q still holds white space", s, c)
		}
		if FoldWidth(FoldWidth(s)) != FoldWidth(s) {
			t.Fatalf("FoldWidth is not idempotent on %q", s)
		}
		if utf8.ValidString(s) && !utf8.ValidString(core) {
			t.Fatalf("CoreLabel(%q) = %q is not valid UTF-8", s, core)
		}
		if n := CNNumeralValue(s); n < 0 || n > 99 {
			t.Fatalf("CNNumeralValue(%q) = %d, outside 0..99", s, n)
		}
		if len(s) < 200 && len(other) < 200 {
			d := EditDistance(s, other)
			if d != EditDistance(other, s) {
				t.Fatalf("EditDistance is not symmetric on %q, %q", s, other)
			}
			if d < 0 || d > max(utf8.RuneCountInString(s), utf8.RuneCountInString(other)) {
				t.Fatalf("EditDistance(%q, %q) = %d out of range", s, other, d)
			}
			if !Similar(s, s) {
				t.Fatalf("Similar(%q, itself) is false", s)
			}
			_ = Similar(s, other)
		}
	})
}

// FuzzRecognize builds a document from tab-separated lines (as the text
// reader does) with arbitrary row and column spans taken from spans, and
// recognises it. It checks that recognition never panics and that Grid is
// rectangular and covers every source cell.
func FuzzRecognize(f *testing.F) {
	for _, s := range fixtureTexts(f) {
		f.Add(s, []byte{})
	}
	f.Add("三、收到和处理政府信息公开申请情况\n\t\t申请人情况\n一、本年新收政府信息公开申请数量\t\t1\t2\t3\t4\t5\t6\t21\n", []byte{2, 3, 0, 0, 9, 9, 1})
	f.Add("四、政府信息公开行政复议、行政诉讼情况\n行政复议\t行政诉讼\n1\t2\t3\t4\t5\n", []byte{255, 255, 255})
	f.Fuzz(func(t *testing.T, text string, spans []byte) {
		if len(text) > 64<<10 {
			return
		}
		doc := fuzzDocument(text, spans)
		for _, b := range doc.Blocks {
			if b.Table != nil && gridBound(b.Table) > 200_000 {
				return // readers refuse such tables (Options.MaxCells)
			}
		}
		for _, b := range doc.Blocks {
			if b.Table == nil {
				continue
			}
			g := b.Table.Grid()
			if len(g) != len(b.Table.Rows) {
				t.Fatalf("Grid has %d rows for %d source rows", len(g), len(b.Table.Rows))
			}
			seen := map[*Cell]bool{}
			for _, row := range g {
				if len(row) != len(g[0]) {
					t.Fatalf("Grid is not rectangular: %d vs %d columns", len(row), len(g[0]))
				}
				for _, gc := range row {
					if gc.Origin != nil && gc.Top && gc.Left {
						seen[gc.Origin] = true
					}
				}
			}
			for r := range b.Table.Rows {
				for i := range b.Table.Rows[r].Cells {
					if !seen[&b.Table.Rows[r].Cells[i]] {
						t.Fatalf("cell %d of row %d has no top-left position in the grid", i+1, r+1)
					}
				}
			}
		}
		rep := Recognize(doc)
		if rep == nil || rep.Doc != doc {
			t.Fatal("Recognize returned no report for its document")
		}
		if !reflect.DeepEqual(rep, RecognizeRef(doc)) {
			t.Fatal("Recognize differs from the frozen reference path (recognize_ref_test.go)")
		}
	})
}

// fuzzDocument builds a document from tab-separated lines (as the text
// reader does), the row and column spans of its cells taken from spans.
func fuzzDocument(text string, spans []byte) *Document {
	doc := &Document{Path: "fuzz.txt", Format: FormatText}
	var tbl *Table
	k := 0
	nextSpan := func() int {
		if k >= len(spans) {
			return 1
		}
		b := spans[k]
		k++
		if b >= 250 {
			return int(b) * 10 // beyond reason; Grid clamps
		}
		return int(b % 6)
	}
	for i, line := range strings.Split(text, "\n") {
		loc := Loc{Line: i + 1, Column: 1}
		if !strings.Contains(line, "\t") {
			tbl = nil
			if strings.TrimSpace(line) != "" {
				doc.Blocks = append(doc.Blocks, Block{Para: &Paragraph{Text: line, Loc: loc}})
			}
			continue
		}
		if tbl == nil {
			tbl = &Table{Ord: len(doc.Blocks) + 1, Loc: loc}
			doc.Blocks = append(doc.Blocks, Block{Table: tbl})
		}
		row := Row{Loc: loc}
		for _, field := range strings.Split(line, "\t") {
			row.Cells = append(row.Cells, Cell{Text: field, Loc: loc, RowSpan: nextSpan(), ColSpan: nextSpan()})
		}
		tbl.Rows = append(tbl.Rows, row)
	}
	return doc
}

// gridBound is an upper bound of the cells of t's grid.
func gridBound(t *Table) int {
	width := 0
	for _, r := range t.Rows {
		w := 0
		for _, c := range r.Cells {
			w += clampSpan(c.ColSpan)
		}
		width = max(width, w)
	}
	return width * len(t.Rows)
}

// FuzzHelpersMatchReference holds the normalisation, value and label
// helpers to their frozen reference copies (normalize_ref_test.go).
func FuzzHelpersMatchReference(f *testing.F) {
	for _, s := range []string{"", " ", "（一）予以公开", "1.属于国家秘密", "１，２３４万元", "5人次", "\xff", "“三安全一稳定”",
		"一、本年新收政府信息公开申请数量", "六、其他需要报告的事项本年度", "\u00ad\u200b\ufeff", "a\u0301", "(()", "第二十条第（九）项"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 4096 {
			return
		}
		for _, m := range helperMismatches(s) {
			t.Error(m)
		}
	})
}

func FuzzFoldWidth(f *testing.F) {
	for _, s := range []string{"收到申请２９件，", "\xff（", "Ａ\u3000Ｚ", "\xef\xbc", "abc"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { sameFold(t, s) })
}
