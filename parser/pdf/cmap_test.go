package pdf

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/reportlint/reportlint/parser"
)

// texts decodes a shown string with a font and joins the texts of its codes.
func texts(f *font, raw string) (string, []int) {
	var b strings.Builder
	var lens []int
	for _, g := range f.decode(raw, nil) {
		b.WriteString(g.s)
		if g.single {
			lens = append(lens, 1)
		} else {
			lens = append(lens, 0)
		}
	}
	return b.String(), lens
}

const oneByteCMap = `/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CMapName /GS-1 def
1 begincodespacerange <00> <FF> endcodespacerange
2 begincidrange <01> <03> 17 <20> <20> 1 endcidrange
endcmap CMapName currentdict /CMap defineresource pop end end`

const oneByteToUnicode = `begincmap 1 begincodespacerange <00> <FF> endcodespacerange
3 beginbfchar <01> <653F> <02> <5E9C> <03> <4FE1> endbfchar
1 beginbfrange <20> <20> <0020> endbfrange endcmap`

func TestCodespaceCut(t *testing.T) {
	cases := []struct {
		name  string
		space []csRange
		in    string
		want  []int
	}{
		{"one byte", []csRange{{n: 1, hi: [4]byte{0xFF}}}, "\x01\x02\x03", []int{1, 1, 1}},
		{"two bytes", []csRange{{n: 2, hi: [4]byte{0xFF, 0xFF}}}, "\x01\x02\x03\x04", []int{2, 2}},
		{"GBK mixed", gbkSpace, "12\xd5\xfe3", []int{1, 1, 2, 1}},
		{"GB 18030 four bytes", gb18030Space, "\x81\x30\x81\x30a", []int{4, 1}},
		{"UTF-16 surrogate pair", utf16Space, "\xd8\x40\xdc\x00\x4e\x00", []int{4, 2}},
		{"UTF-8", utf8Space, "a\xe6\x94\xbf", []int{1, 3}},
		{"invalid code takes the first byte's range length", []csRange{{n: 2, lo: [4]byte{0x81, 0x40}, hi: [4]byte{0xFE, 0xFE}}}, "\x81\x20", []int{2}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got []int
			for s := c.in; s != ""; {
				n := cutCode(c.space, s)
				got = append(got, n)
				s = s[n:]
			}
			require.Equal(t, c.want, got)
		})
	}
}

// Ghostscript's Type0 fonts with an embedded one-byte CMap: codes are cut
// one byte at a time (not two), ToUnicode gives the text, widths come
// from the CIDs the CMap maps to.
func TestOneByteType0(t *testing.T) {
	f := &font{widths: map[uint32]float64{17: 1, 18: 1, 19: 1, 1: 0.25}, dw: 0.5}
	f.setToUnicode([]byte(oneByteToUnicode))
	f.type0("")
	f.embeddedCMap([]byte(oneByteCMap))
	f.finish(true)
	s, lens := texts(f, "\x01\x02\x20\x03")
	require.Equal(t, "政府 信", s)
	require.Equal(t, []int{1, 1, 1, 1}, lens)
	gs := f.decode("\x20\x03", nil)
	require.Equal(t, 0.25, gs[0].w, "code 0x20 is CID 1")
	require.Equal(t, 1.0, gs[1].w, "code 0x03 is CID 19")
}

// A composite font whose encoding is neither predefined nor embedded with
// a codespace takes the ToUnicode CMap's one-byte codespace.
func TestToUnicodeCodespace(t *testing.T) {
	f := &font{widths: map[uint32]float64{}, dw: 1}
	f.setToUnicode([]byte(oneByteToUnicode))
	f.type0("")
	f.finish(true)
	s, _ := texts(f, "\x01\x02\x03")
	require.Equal(t, "政府信", s)
	// Identity-H stays two bytes whatever the ToUnicode says
	g := &font{widths: map[uint32]float64{}, dw: 1}
	g.setToUnicode([]byte(oneByteToUnicode))
	g.type0("Identity-H")
	g.finish(true)
	require.Len(t, g.decode("\x01\x02\x03\x04", nil), 2)
}

// Non-embedded Adobe-GB1 fonts (ReportLab/iText STSong-Light): the codes
// of UniGB-UCS2-H are the text, and win over a wrong ToUnicode map such as
// Ghostscript writes when it substitutes the font; ASCII codes take the
// widths of CIDs 1..95.
func TestUnicodeCMapWins(t *testing.T) {
	f := &font{widths: map[uint32]float64{0x32 - 0x1F: 0.462}, dw: 1}
	f.setToUnicode([]byte(`begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange
2 beginbfrange <0030> <0039> <004F> <653F> <653F> <9C7C> endbfrange endcmap`))
	f.type0("UniGB-UCS2-H")
	f.finish(true)
	s, _ := texts(f, "\x00\x32\x00\x30\x65\x3f")
	require.Equal(t, "20政", s)
	require.Equal(t, 0.462, f.decode("\x00\x32", nil)[0].w)
	require.Equal(t, 1.0, f.decode("\x65\x3f", nil)[0].w)
}

// GBK-EUC-H without ToUnicode: mixed one- and two-byte codes decoded as
// GBK (GB 18030 for the four-byte codes of GBK2K-H).
func TestGBKCodes(t *testing.T) {
	f := &font{widths: map[uint32]float64{}, dw: 1}
	f.type0("GBK-EUC-H")
	s, lens := texts(f, "2024\xc4\xea\xd5\xfe\xb8\xae")
	require.Equal(t, "2024年政府", s)
	require.Equal(t, []int{1, 1, 1, 1, 0, 0, 0}, lens)
	g := &font{widths: map[uint32]float64{}, dw: 1}
	g.type0("GBK2K-H")
	s, _ = texts(g, "\x95\x32\x82\x36")
	require.Equal(t, "𠀀", s) // U+20000, a four-byte GB 18030 code
	u := &font{widths: map[uint32]float64{}, dw: 1}
	u.type0("UniGB-UTF16-H")
	s, _ = texts(u, "\xd8\x40\xdc\x00\x65\x3f")
	require.Equal(t, "𠀀政", s)
}

// Hand-made files (scripts/pdf/make_synthetic.py) with fonts no installed
// producer writes: GBK-EUC-H without ToUnicode, and a Ghostscript-style
// Type0 font with an embedded one-byte CMap.
func TestSyntheticFontFiles(t *testing.T) {
	for _, name := range []string{"gbk-euc-h.pdf", "onebyte-type0.pdf"} {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", name))
			require.NoError(t, err)
			doc, err := Parse(name, data, parser.DefaultOptions())
			require.NoError(t, err)
			require.Len(t, doc.Blocks, 1)
			require.Equal(t, "本机关2024年政府信息公开工作年度报告", doc.Blocks[0].Para.Text)
		})
	}
	// the one-byte font's digits take their /W widths: "2024" is as wide
	// as four half-width digits, so the line's glyphs do not overlap
	data, err := os.ReadFile(filepath.Join("testdata", "onebyte-type0.pdf"))
	require.NoError(t, err)
	d, err := open(data, parser.DefaultOptions())
	require.NoError(t, err)
	pc, err := d.interpretPage(d.r.Page(1))
	require.NoError(t, err)
	require.Len(t, pc.glyphs, 20)
	require.InDelta(t, 6, pc.glyphs[3].w, 0.01, "a digit at 12 pt with width 500")
	require.InDelta(t, 12, pc.glyphs[0].w, 0.01, "an ideograph at the default width 1000")
}

// Any CMap and any shown string: no panic, every code at least one byte
// and never past the end of the string.
func FuzzCMapDecode(f *testing.F) {
	f.Add([]byte(oneByteCMap), []byte("\x01\x02\x20"))
	f.Add([]byte(oneByteToUnicode), []byte("\x01"))
	f.Add([]byte("begincmap 2 begincodespacerange <00> <80> <8140> <FEFE> endcodespacerange endcmap"), []byte("a\x81\x40\xff"))
	f.Fuzz(func(t *testing.T, cmap, shown []byte) {
		cm := parseCMap(cmap)
		fo := &font{widths: map[uint32]float64{}, dw: 1}
		fo.setToUnicode(cmap)
		fo.type0("")
		fo.embeddedCMap(cmap)
		fo.finish(true)
		n := 0
		for _, g := range fo.decode(string(shown), nil) {
			_ = g
			n++
		}
		if n > len(shown) {
			t.Fatalf("%d codes from %d bytes", n, len(shown))
		}
		for s := string(shown); s != ""; {
			k := cutCode(cm.space, s)
			if k < 1 || k > len(s) {
				t.Fatalf("cut %d of %q", k, s)
			}
			s = s[k:]
		}
	})
}
