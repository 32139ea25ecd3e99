package hostile

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"io"
	"math/rand/v2"
	"os"
	"sort"
	"strings"
	"testing"
	"unicode/utf16"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// cleanFixture is a correct annual report; the generators re-encode it in
// every format so that a hostile variant can be compared with the clean
// result.
const cleanFixture = "../fixtures/text/clean-department-2024.txt"

func cleanText(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile(cleanFixture)
	if err != nil {
		t.Fatalf("reading the clean fixture: %v", err)
	}
	return string(b)
}

// block is a paragraph (one line) or a table (rows of tab-separated fields)
// of a text report.
type block struct {
	para string
	rows [][]string
}

// blocksOf splits a text report the way the text reader does.
func blocksOf(s string) []block {
	var out []block
	var rows [][]string
	flush := func() {
		if rows != nil {
			out = append(out, block{rows: rows})
			rows = nil
		}
	}
	for _, line := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		switch {
		case strings.Contains(line, "\t"):
			rows = append(rows, strings.Split(line, "\t"))
		case strings.TrimSpace(line) == "":
		default:
			flush()
			out = append(out, block{para: strings.TrimSpace(line)})
		}
	}
	flush()
	return out
}

func xmlEscape(s string) string {
	var b bytes.Buffer
	for _, r := range s {
		switch r {
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		case '"':
			b.WriteString("&quot;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// toHTML renders a text report as a plain HTML page (one <td> per field).
// extra is inserted at the end of the body.
func toHTML(s, charset, extra string) string {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html><head>")
	if charset != "" {
		fmt.Fprintf(&b, "<meta charset=%q>", charset)
	}
	b.WriteString("<title>报告</title></head>\n<body>\n")
	for _, bl := range blocksOf(s) {
		if bl.rows == nil {
			fmt.Fprintf(&b, "<p>%s</p>\n", xmlEscape(bl.para))
			continue
		}
		b.WriteString("<table border=1>\n")
		for _, r := range bl.rows {
			b.WriteString("<tr>")
			for _, f := range r {
				fmt.Fprintf(&b, "<td>%s</td>", xmlEscape(f))
			}
			b.WriteString("</tr>\n")
		}
		b.WriteString("</table>\n")
	}
	b.WriteString(extra)
	b.WriteString("</body></html>\n")
	return b.String()
}

const wNS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

// docxEntry is one zip entry of a generated DOCX.
type docxEntry struct {
	name string
	data []byte
}

// docxBody renders a text report as the body of word/document.xml.
func docxBody(s string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+"\n"+`<w:document xmlns:w="%s"><w:body>`, wNS)
	for _, bl := range blocksOf(s) {
		if bl.rows == nil {
			fmt.Fprintf(&b, `<w:p><w:r><w:t>%s</w:t></w:r></w:p>`, xmlEscape(bl.para))
			continue
		}
		b.WriteString(`<w:tbl>`)
		for _, r := range bl.rows {
			b.WriteString(`<w:tr>`)
			for _, f := range r {
				fmt.Fprintf(&b, `<w:tc><w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p></w:tc>`, xmlEscape(f))
			}
			b.WriteString(`</w:tr>`)
		}
		b.WriteString(`</w:tbl><w:p/>`)
	}
	b.WriteString(`</w:body></w:document>`)
	return b.String()
}

// docxParts are the minimal package parts around document.xml.
func docxParts(document []byte) []docxEntry {
	return []docxEntry{
		{"[Content_Types].xml", []byte(`<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`)},
		{"_rels/.rels", []byte(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`)},
		{"word/document.xml", document},
	}
}

// zipOf stores entries deflated.
func zipOf(t testing.TB, entries []docxEntry) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: e.name, Method: zip.Deflate})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(e.data); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// deflateBomb returns a raw deflate stream that inflates to prefix followed
// by n bytes of fill (n a multiple of 1 MiB) and then suffix, built in
// milliseconds by repeating one compressed megabyte: the window before each
// repetition holds only fill bytes, so every copy decodes the same.
func deflateBomb(prefix []byte, fill byte, n int64, suffix []byte) []byte {
	const chunk = 1 << 20
	var out, tmp bytes.Buffer
	fw, _ := flate.NewWriter(&tmp, flate.BestCompression)
	fw.Write(prefix)
	fw.Write(bytes.Repeat([]byte{fill}, 64<<10)) // prime the window
	fw.Flush()
	out.Write(tmp.Bytes())
	tmp.Reset()
	fw.Write(bytes.Repeat([]byte{fill}, chunk))
	fw.Flush()
	rep := append([]byte(nil), tmp.Bytes()...)
	tmp.Reset()
	for i := int64(0); i < n/chunk; i++ {
		out.Write(rep)
	}
	fw.Write(suffix)
	fw.Close()
	out.Write(tmp.Bytes())
	return out.Bytes()
}

// bombChecksums gives the CRC-32, Adler-32 and size of what deflateBomb
// inflates to, without materialising it.
func bombChecksums(prefix []byte, fill byte, n int64, suffix []byte) (crc uint32, adler uint32, size int64) {
	const mod = 65521
	a, b := uint64(1), uint64(0)
	add := func(p []byte) {
		crc = crc32.Update(crc, crc32.IEEETable, p)
		for _, c := range p {
			a = (a + uint64(c)) % mod
			b = (b + a) % mod
		}
		size += int64(len(p))
	}
	run := func(k uint64) { // k bytes of fill, in closed form for Adler-32
		b = (b + k%mod*a + uint64(fill)*((k*(k+1)/2)%mod)) % mod
		a = (a + k%mod*uint64(fill)) % mod
		size += int64(k)
	}
	add(prefix)
	block := bytes.Repeat([]byte{fill}, 1<<20)
	crc = crc32.Update(crc, crc32.IEEETable, block[:64<<10])
	run(64 << 10)
	for i := int64(0); i < n/(1<<20); i++ {
		crc = crc32.Update(crc, crc32.IEEETable, block)
	}
	run(uint64(n / (1 << 20) * (1 << 20)))
	add(suffix)
	return crc, uint32(b<<16 | a), size
}

// zlibBomb wraps deflateBomb in a zlib header and Adler-32 trailer, as a
// PDF /FlateDecode stream is.
func zlibBomb(prefix []byte, fill byte, n int64, suffix []byte) []byte {
	_, adler, _ := bombChecksums(prefix, fill, n, suffix)
	out := []byte{0x78, 0xDA}
	out = append(out, deflateBomb(prefix, fill, n, suffix)...)
	return binary.BigEndian.AppendUint32(out, adler)
}

// docxBomb is a DOCX whose document.xml inflates to about n bytes. When
// lie is set, the zip headers declare a small uncompressed size.
func docxBomb(t testing.TB, n int64, lie bool) []byte {
	t.Helper()
	prefix := []byte(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="` + wNS + `"><w:body><w:p><w:r><w:t>`)
	suffix := []byte(`</w:t></w:r></w:p></w:body></w:document>`)
	raw := deflateBomb(prefix, ' ', n, suffix)
	crc, _, size := bombChecksums(prefix, ' ', n, suffix)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range docxParts(nil)[:2] {
		w, _ := zw.Create(e.name)
		w.Write(e.data)
	}
	fh := &zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate, CRC32: crc,
		CompressedSize64: uint64(len(raw)), UncompressedSize64: uint64(size)}
	if lie {
		fh.UncompressedSize64 = 4096
	}
	w, err := zw.CreateRaw(fh)
	if err != nil {
		t.Fatal(err)
	}
	w.Write(raw)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// utf16Of encodes s as UTF-16 with a BOM.
func utf16Of(s string, bigEndian bool) []byte {
	var order binary.AppendByteOrder = binary.LittleEndian
	if bigEndian {
		order = binary.BigEndian
	}
	out := order.AppendUint16(nil, 0xFEFF)
	for _, u := range utf16.Encode([]rune(s)) {
		out = order.AppendUint16(out, u)
	}
	return out
}

func gb18030Of(t testing.TB, s string) []byte {
	t.Helper()
	b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("GB18030: %v", err)
	}
	return b
}

func randomBytes(seed uint64, n int) []byte {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return b
}

// ---- a tiny PDF writer ----

// pdfDoc collects numbered objects and writes them with a correct
// cross-reference table.
type pdfDoc struct {
	objs    [][]byte // object n is objs[n-1]
	version string
}

func newPDF() *pdfDoc { return &pdfDoc{version: "1.7"} }

// reserve allocates an object number to fill in later.
func (p *pdfDoc) reserve() int {
	p.objs = append(p.objs, nil)
	return len(p.objs)
}

func (p *pdfDoc) set(n int, body string) { p.objs[n-1] = []byte(body) }

func (p *pdfDoc) add(body string) int {
	n := p.reserve()
	p.set(n, body)
	return n
}

// addStream adds a stream object; compressed streams get /FlateDecode.
func (p *pdfDoc) addStream(dict string, data []byte, compress bool) int {
	if compress {
		var b bytes.Buffer
		zw := zlib.NewWriter(&b)
		zw.Write(data)
		zw.Close()
		data = b.Bytes()
		dict += " /Filter /FlateDecode"
	}
	return p.addRawStream(dict, data)
}

// addRawStream adds a stream whose data is already encoded as dict says.
func (p *pdfDoc) addRawStream(dict string, data []byte) int {
	var b bytes.Buffer
	fmt.Fprintf(&b, "<< %s /Length %d >>\nstream\n", dict, len(data))
	b.Write(data)
	b.WriteString("\nendstream")
	n := p.reserve()
	p.objs[n-1] = b.Bytes()
	return n
}

// bytes writes the file; trailer holds extra trailer entries.
func (p *pdfDoc) bytes(root int, trailer string) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%%PDF-%s\n%%\xe2\xe3\xcf\xd3\n", p.version)
	offs := make([]int, len(p.objs))
	for i, o := range p.objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n", i+1)
		b.Write(o)
		b.WriteString("\nendobj\n")
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(p.objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root %d 0 R %s >>\nstartxref\n%d\n%%%%EOF\n", len(p.objs)+1, root, trailer, xref)
	return b.Bytes()
}

// pdfFont adds a Type0 Identity-H font whose codes are the runes' UTF-16
// units and whose ToUnicode maps each used code to itself.
func (p *pdfDoc) pdfFont(runes map[rune]bool) int {
	var rs []rune
	for r := range runes {
		if r > 0 && r < 0x10000 {
			rs = append(rs, r)
		}
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i] < rs[j] })
	var cm strings.Builder
	cm.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	for i := 0; i < len(rs); i += 100 {
		part := rs[i:min(i+100, len(rs))]
		fmt.Fprintf(&cm, "%d beginbfchar\n", len(part))
		for _, r := range part {
			fmt.Fprintf(&cm, "<%04X> <%04X>\n", r, r)
		}
		cm.WriteString("endbfchar\n")
	}
	cm.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	tu := p.addStream("", []byte(cm.String()), true)
	desc := p.add("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 /CIDToGIDMap /Identity >>")
	return p.add(fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>", desc, tu))
}

func hexText(s string) string {
	var b strings.Builder
	b.WriteByte('<')
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteByte('>')
	return b.String()
}

// pdfLayout lays a text report out on one tall page: paragraphs as lines
// of 6 pt text, tables as ruled grids with one cell per field.
func pdfLayout(s string) (content []byte, runes map[rune]bool, width, height float64) {
	const size, rowH, margin = 6.0, 12.0, 20.0
	blocks := blocksOf(s)
	runes = map[rune]bool{}
	height = margin * 2
	width = 300
	for _, bl := range blocks {
		if bl.rows == nil {
			height += 2 * rowH
			width = max(width, float64(len([]rune(bl.para)))*size+2*margin)
			continue
		}
		height += float64(len(bl.rows))*rowH + rowH
	}
	var c bytes.Buffer
	y := height - margin
	c.WriteString("0.5 w\n")
	text := func(x, y float64, s string) {
		for _, r := range s {
			runes[r] = true
		}
		fmt.Fprintf(&c, "BT /F1 %.1f Tf %.2f %.2f Td %s Tj ET\n", size, x, y, hexText(s))
	}
	for _, bl := range blocks {
		if bl.rows == nil {
			y -= 2 * rowH // paragraphs apart, as a word processor spaces them
			text(margin, y+3, bl.para)
			continue
		}
		ncol := 0
		for _, r := range bl.rows {
			ncol = max(ncol, len(r))
		}
		colW := make([]float64, ncol)
		for _, r := range bl.rows {
			for i, f := range r {
				colW[i] = max(colW[i], float64(len([]rune(strings.TrimSpace(f))))*size+6, 20)
			}
		}
		xs := []float64{margin}
		for _, w := range colW {
			xs = append(xs, xs[len(xs)-1]+w)
		}
		width = max(width, xs[len(xs)-1]+margin)
		top := y
		for _, r := range bl.rows {
			y -= rowH
			for i, f := range r {
				if f = strings.TrimSpace(f); f != "" {
					text(xs[i]+3, y+3, f)
				}
			}
		}
		for row := 0; row <= len(bl.rows); row++ {
			yy := top - float64(row)*rowH
			fmt.Fprintf(&c, "%.2f %.2f m %.2f %.2f l S\n", xs[0], yy, xs[len(xs)-1], yy)
		}
		for _, x := range xs {
			fmt.Fprintf(&c, "%.2f %.2f m %.2f %.2f l S\n", x, top, x, y)
		}
		y -= rowH
	}
	return c.Bytes(), runes, width, height
}

// pdfOpts vary the generated report PDF.
type pdfOpts struct {
	compress bool
	content  func(clean []byte) []byte // rewrites the page content
	trailer  string
}

// reportPDF renders the text report as a one-page PDF.
func reportPDF(s string, o pdfOpts) []byte {
	content, runes, w, h := pdfLayout(s)
	if o.content != nil {
		content = o.content(content)
	}
	p := newPDF()
	catalog := p.reserve()
	pages := p.reserve()
	font := p.pdfFont(runes)
	cs := p.addStream("", content, o.compress)
	page := p.add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %.0f %.0f] /Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>", pages, w, h, font, cs))
	p.set(pages, fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R] /Count 1 >>", page))
	p.set(catalog, fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pages))
	return p.bytes(catalog, o.trailer)
}

// TestBombChecksums checks the closed-form checksums against a real
// inflation of a small bomb.
func TestBombChecksums(t *testing.T) {
	prefix, suffix := []byte("<head>"), []byte("<tail>")
	z := zlibBomb(prefix, ' ', 3<<20, suffix)
	r, err := zlib.NewReader(bytes.NewReader(z))
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("inflating the bomb: %v", err) // a wrong Adler-32 fails here
	}
	want := append(append(append([]byte{}, prefix...), bytes.Repeat([]byte{' '}, 64<<10+3<<20)...), suffix...)
	if !bytes.Equal(got, want) {
		t.Fatalf("bomb inflates to %d bytes, want %d", len(got), len(want))
	}
	crc, _, size := bombChecksums(prefix, ' ', 3<<20, suffix)
	if crc != crc32.ChecksumIEEE(want) || size != int64(len(want)) {
		t.Fatalf("crc %08x size %d, want %08x %d", crc, size, crc32.ChecksumIEEE(want), len(want))
	}
	if len(z) > 8<<10 {
		t.Fatalf("a 3 MiB bomb compresses to %d bytes, want a few KB", len(z))
	}
}
