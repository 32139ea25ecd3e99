package pdf

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/reportlint/reportlint/parser"
	"github.com/reportlint/reportlint/parser/html"
)

// readPages interprets every page of a fixture and reads its structure tree.
func readPages(t *testing.T, name string) ([]*pageContent, []*tagTable) {
	t.Helper()
	d, err := open(readFixture(t, name), parser.DefaultOptions())
	require.NoError(t, err)
	var pages []*pageContent
	var ids []objID
	for i := 1; i <= d.r.NumPage(); i++ {
		p := d.r.Page(i)
		id, _ := selfRef(p.V)
		ids = append(ids, id)
		pc, err := d.interpretPage(p)
		require.NoError(t, err)
		pages = append(pages, pc)
	}
	return pages, d.structTables(ids)
}

func gridOfDoc(doc *parser.Document) [][]string {
	var out [][]string
	for _, tb := range tables(doc) {
		out = append(out, gridRows(tb))
	}
	return out
}

// Tagged PDFs: the tables come from the structure tree, cell for cell as
// in the HTML, and the same as the ruling lines give; a tree whose marked
// content leads nowhere is not used.
func TestTaggedTables(t *testing.T) {
	hdoc, err := html.Parse("src", readFixture(t, "src/report-clean.html.in"), parser.DefaultOptions())
	require.NoError(t, err)
	want := gridOfDoc(hdoc)
	for _, name := range []string{"clean-lo-tagged.pdf", "clean-chromium.pdf"} {
		t.Run(name, func(t *testing.T) {
			pages, tts := readPages(t, name)
			require.Len(t, tts, 3, "three Table elements in the structure tree")
			tagged, used := buildTagged(tts, pages, map[int]*pageLayout{})
			require.Len(t, tagged, 3)
			require.NotEmpty(t, used)

			doc := &parser.Document{Format: parser.FormatPDF}
			buildDocument(doc, pages, tts)
			require.Equal(t, want, gridOfDoc(doc), "from the tags")

			ruled := &parser.Document{Format: parser.FormatPDF}
			buildDocument(ruled, pages, nil)
			require.Equal(t, want, gridOfDoc(ruled), "from the rules")

			// marked content that names no glyph: the tree is ignored
			for _, tt := range tts {
				for _, r := range tt.rows {
					for _, c := range r {
						for i := range c.refs {
							c.refs[i].mcid += 100000
						}
					}
				}
			}
			tagged, _ = buildTagged(tts, pages, map[int]*pageLayout{})
			require.Empty(t, tagged)
			broken := &parser.Document{Format: parser.FormatPDF}
			buildDocument(broken, pages, tts)
			require.Equal(t, want, gridOfDoc(broken), "back to the rules")
		})
	}
}

// minimalPDF writes a one-page PDF with the given extra objects (numbered
// from 5) and catalog entries.
func minimalPDF(catalogExtra string, extra ...string) []byte {
	content := "BT /F1 12 Tf 72 700 Td (Hello 12 34) Tj ET"
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R " + catalogExtra + " >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
	}
	objs = append(objs, extra...)
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	x := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, x)
	return b.Bytes()
}

// Hostile structure trees (cycles, self-references, absurd spans) neither
// hang nor crash, and the text is still read.
func TestHostileStructTree(t *testing.T) {
	cases := map[string][]string{
		"cycle": {"<< /Type /StructTreeRoot /K 6 0 R >>", "<< /Type /StructElem /S /Table /P 5 0 R /K [6 0 R 7 0 R] >>",
			"<< /Type /StructElem /S /TR /K [7 0 R 8 0 R 6 0 R] >>", "<< /Type /StructElem /S /TD /A << /RowSpan 999999999 /ColSpan -5 >> /K [8 0 R 0 1 2] /Pg 3 0 R >>"},
		"self": {"<< /Type /StructTreeRoot /K 5 0 R >>"},
		"deep": {"<< /Type /StructTreeRoot /K 6 0 R >>", "<< /S /Div /K [6 0 R 6 0 R 6 0 R] >>"},
		"bad":  {"<< /Type /StructTreeRoot /K [1 0 R 99 0 R (x) 4 0 R] /RoleMap 5 0 R >>"},
	}
	for name, extra := range cases {
		t.Run(name, func(t *testing.T) {
			data := minimalPDF("/StructTreeRoot 5 0 R /MarkInfo << /Marked true >>", extra...)
			doc, err := Parse(name+".pdf", data, parser.DefaultOptions())
			require.NoError(t, err)
			require.Len(t, doc.Blocks, 1)
			require.Equal(t, "Hello 12 34", doc.Blocks[0].Para.Text)
		})
	}
}

func TestDropRepeatedHeader(t *testing.T) {
	cases := []struct {
		in, want []string
	}{
		{[]string{"申请人情况"}, []string{"申请人情况"}},
		{[]string{"申请人情况", "申请人情况", "申请人 情况"}, []string{"申请人情况"}},
		{[]string{"1.本机关不掌握", "相关政府信息"}, []string{"1.本机关不掌握", "相关政府信息"}},
		{nil, nil},
	}
	for _, c := range cases {
		require.Equal(t, c.want, dropRepeatedHeader(c.in))
	}
}
