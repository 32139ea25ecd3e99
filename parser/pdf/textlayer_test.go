package pdf

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/reportlint/reportlint/parser"
)

// Every PDF fixture that reads gives text without U+FFFD: a replacement
// character in recognised text is a decoding bug. Files with an unusable
// text layer are P002, never P001.
func TestNoReplacementCharInFixtures(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(fixtures, "*.pdf"))
	require.NoError(t, err)
	read := 0
	for _, f := range files {
		name := filepath.Base(f)
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		doc, err := Parse(name, data, parser.DefaultOptions())
		if err != nil {
			var re *parser.ReadError
			require.True(t, errors.As(err, &re), name)
			require.True(t, strings.HasPrefix(name, ruleID(re.Kind)+"-"), "%s: read error %s (%s) but the fixture is not named for it", name, ruleID(re.Kind), re.Reason)
			continue
		}
		read++
		for _, b := range doc.Blocks {
			if b.Para != nil {
				require.NotContains(t, b.Para.Text, "\uFFFD", "%s %s", name, b.Para.Loc)
			}
			if b.Table != nil {
				for _, r := range b.Table.Rows {
					for _, c := range r.Cells {
						require.NotContains(t, c.Text, "\uFFFD", "%s %s", name, c.Loc)
					}
				}
			}
		}
	}
	require.GreaterOrEqual(t, read, 15)
}

func TestTextLayerVerdict(t *testing.T) {
	page := func(s string) []*pageContent {
		pc := &pageContent{}
		for _, r := range s {
			pc.glyphs = append(pc.glyphs, glyph{s: string(r)})
		}
		return []*pageContent{pc}
	}
	report := strings.Repeat("本机关2024年政府信息公开工作年度报告，依申请公开件数见下表。", 3)
	cases := []struct {
		name string
		text string
		want bool
	}{
		{"Chinese report", report, false},
		{"report with pinyin and units", report + "Qīngxī 10℃ ×2 α", false},
		{"identity codes shown as ASCII punctuation", strings.Repeat(`!"# $ %&'()*+,-.'/0123 45!6!78`, 4), true},
		{"Latin-1 garbage", strings.Repeat("¬¢gP© p' pý³ÃAR,'5;5´ÁP©Ì", 4), true},
		{"private-use codes", strings.Repeat("\uE001\uE002\uE003\uE004", 20), true},
		{"English prose is not judged unusable", strings.Repeat("The annual report on open government information. ", 3), false},
		{"too short to judge", "!\"#$%", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			require.Equal(t, c.want, judgeTextLayer(page(c.text)).unusable())
		})
	}
	// a few characters wrong in a long readable report: partly garbled;
	// as many in a short one: unusable
	bad := strings.Repeat("本ç告Þ公开Þ函ÿ一Ā动公开", 3)
	garbled := judgeTextLayer(page(strings.Repeat(report, 40) + bad))
	require.False(t, garbled.unusable())
	require.True(t, garbled.partlyGarbled())
	require.True(t, judgeTextLayer(page(strings.Repeat(report, 3)+bad)).unusable())
	require.False(t, judgeTextLayer(page(report)).partlyGarbled())
}

// Prose decodes to the text pdftotext (poppler) gives: every paragraph,
// spaces aside, is in pdftotext's output of the same file (committed under
// fixtures/pdf/pdftotext/*.poppler by scripts/make-pdf-fixtures.sh). Not compared:
// clean-gs14-rl-stsong.pdf, where Ghostscript wrote a wrong ToUnicode map
// that pdftotext follows and this reader overrides.
func TestProseAsPdftotext(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(fixtures, "pdftotext", "*.poppler"))
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(files), 8)
	squeeze := func(s string) string { return strings.Join(strings.Fields(s), "") }
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".poppler") + ".pdf"
		t.Run(name, func(t *testing.T) {
			want, err := os.ReadFile(f)
			require.NoError(t, err)
			all := squeeze(string(want))
			doc, err := Parse(name, readFixture(t, name), parser.DefaultOptions())
			require.NoError(t, err)
			n := 0
			for _, b := range doc.Blocks {
				if b.Para == nil || len([]rune(b.Para.Text)) < 6 {
					continue
				}
				n++
				require.Contains(t, all, squeeze(b.Para.Text), "paragraph at %s", b.Para.Loc)
			}
			require.Greater(t, n, 5)
		})
	}
}
