package pdf

import (
	"strings"
	"unicode"
)

// This file judges whether a PDF's text layer can be read at all. A PDF
// printed through a PostScript driver (or re-distilled from PostScript)
// often keeps the glyphs but loses what they mean: its fonts have no
// ToUnicode map, and the codes come out as runs of ASCII punctuation
// ("!\"#$%&'"), Latin-1 letters ("¬¢gP©"), private-use or rare
// ideographs. Such a file is P002 (cannot be read, export again or OCR),
// not P001 (damaged): the file itself is sound.

const (
	// minJudgedGlyphs: fewer visible glyphs than this are not judged
	// (a cover page, a scan with a page number).
	minJudgedGlyphs = 40
	// maxOddShare is the share of implausible characters (see oddRune)
	// above which the text layer is unusable whatever it contains.
	maxOddShare = 0.30
	// maxSymbolShare is the share of ASCII punctuation and symbols above
	// which a text without any statutory label is taken for codes without
	// meaning (prose in any language has far fewer).
	maxSymbolShare = 0.25
	// minCJKShare: a report text below this share of Chinese characters
	// and without a statutory label is not Chinese text.
	minCJKShare = 0.05
	// minOddGlyphs: a text layer with at least this many implausible
	// characters is partly garbled (Ghostscript re-distilling browser
	// fonts into Type 3 fonts with incomplete ToUnicode maps: "本ç告" for
	// 本报告); real reports have none.
	minOddGlyphs = 10
	// maxGarbledShare: from this share of implausible characters on, a
	// partly garbled text layer is unusable too: labels and table rows
	// read wrong all over, and checking it would give a flood of false
	// findings.
	maxGarbledShare = 0.02
)

// statutoryLabels are words every annual report has; one of them in the
// text shows that the text layer says what the page shows.
var statutoryLabels = []string{"政府信息公开", "信息公开", "主动公开", "依申请", "行政复议", "年度报告", "申请"}

// textLayerStats counts the visible characters of a document's glyphs.
type textLayerStats struct {
	total, cjk, odd, symbol int
	hasLabel                bool // looked for only below minCJKShare
	oddPage                 int  // first page (1-based) with an implausible character
}

// judgeTextLayer counts the characters of the pages. It looks for a
// statutory label only when the verdict depends on it (too few Chinese
// characters), so a normal report costs one pass and no text copy.
func judgeTextLayer(pages []*pageContent) textLayerStats {
	var st textLayerStats
	for pi, pc := range pages {
		if pc == nil {
			continue
		}
		for _, g := range pc.glyphs {
			for _, r := range g.s {
				if unicode.IsSpace(r) {
					continue
				}
				st.total++
				switch {
				case r >= 0x4E00 && r <= 0x9FFF:
					st.cjk++
				case oddRune(r):
					st.odd++
					if st.oddPage == 0 {
						st.oddPage = pi + 1
					}
				case r < 0x80 && (unicode.IsPunct(r) || unicode.IsSymbol(r)):
					st.symbol++
				}
			}
		}
	}
	if st.total > 0 && float64(st.cjk) < minCJKShare*float64(st.total) {
		st.hasLabel = hasStatutoryLabel(pages)
	}
	return st
}

// hasStatutoryLabel says whether the pages' text contains a statutory
// label (the first megabyte of it is searched).
func hasStatutoryLabel(pages []*pageContent) bool {
	var b strings.Builder
	for _, pc := range pages {
		if pc == nil {
			continue
		}
		for _, g := range pc.glyphs {
			if b.Len() < 1<<20 {
				b.WriteString(g.s)
			}
		}
	}
	text := b.String()
	for _, l := range statutoryLabels {
		if strings.Contains(text, l) {
			return true
		}
	}
	return false
}

// unusable says whether the text layer cannot be read: mostly implausible
// characters, garbled over maxGarbledShare, or no statutory label in a
// text that is not Chinese and looks like codes (mostly punctuation).
func (st textLayerStats) unusable() bool {
	if st.total < minJudgedGlyphs {
		return false
	}
	n := float64(st.total)
	if float64(st.odd)/n > maxOddShare || st.odd >= minOddGlyphs && float64(st.odd)/n >= maxGarbledShare {
		return true
	}
	if st.hasLabel {
		return false
	}
	return float64(st.cjk)/n < minCJKShare && (float64(st.symbol)/n > maxSymbolShare || float64(st.odd)/n > maxOddShare/3)
}

// partlyGarbled says whether a text layer that can be read has enough
// implausible characters for some labels or cells to read wrong (a few
// pages of a long report in a broken font).
func (st textLayerStats) partlyGarbled() bool {
	return st.odd >= minOddGlyphs
}

// oddRune says whether r is unlikely in a Chinese report: control
// characters, private-use codes, Latin-1 and Latin Extended letters, CJK
// Extension A ideographs, scripts no report uses. Chinese, ASCII,
// fullwidth forms, CJK and general punctuation, circled and Roman
// numerals, arrows, maths and box drawing are plausible.
func oddRune(r rune) bool {
	switch {
	case r == '\uFFFD':
		return true
	case r < 0x20 || (r >= 0x7F && r < 0xA0):
		return true
	case r < 0x7F:
		return false
	case r <= 0xFF:
		return !strings.ContainsRune("×÷°±·§¥£€©®¨´¯¹²³¼½¾µ¶º", r) && r != 0xA0
	case r >= 0x0100 && r <= 0x024F: // Latin Extended (pinyin tone marks are plausible)
		return !strings.ContainsRune("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü", r)
	case r >= 0x2000 && r <= 0x2BFF: // punctuation, symbols, numerals, arrows, maths, shapes
		return false
	case r >= 0x2E80 && r <= 0x33FF: // radicals, CJK punctuation, kana, enclosed
		return false
	case r >= 0x3400 && r <= 0x4DBF: // CJK Extension A: rare characters
		return true
	case r >= 0xE000 && r <= 0xF8FF: // private use
		return true
	case r >= 0xF900 && r <= 0xFAFF, r >= 0xFE30 && r <= 0xFE4F, r >= 0xFF00 && r <= 0xFFEF:
		return false
	case r >= 0x0370 && r <= 0x03FF: // Greek (α, β, Ω in units)
		return false
	}
	return true
}
