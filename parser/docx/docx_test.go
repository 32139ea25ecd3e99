package docx_test

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/reportlint/reportlint/parser"
	"github.com/reportlint/reportlint/parser/docx"
	"github.com/reportlint/reportlint/parser/load"
)

const wNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"`

// mkdocx zips the given parts; document is the body's inner XML unless it
// starts with "<?xml".
func mkdocx(t testing.TB, document string, parts map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	all := map[string]string{}
	if document != "" {
		if !strings.HasPrefix(document, "<?xml") {
			document = `<?xml version="1.0" encoding="UTF-8"?><w:document ` + wNS + `><w:body>` + document + `</w:body></w:document>`
		}
		all["word/document.xml"] = document
	}
	for k, v := range parts {
		all[k] = v
	}
	for name, body := range all {
		w, err := zw.Create(name)
		require.NoError(t, err)
		_, err = w.Write([]byte(body))
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	return buf.Bytes()
}

func parse(t *testing.T, data []byte) *parser.Document {
	t.Helper()
	doc, err := docx.Parse("t.docx", data, parser.DefaultOptions())
	require.NoError(t, err)
	return doc
}

func p(text string) string { return `<w:p><w:r><w:t>` + text + `</w:t></w:r></w:p>` }

func tc(props, content string) string {
	return `<w:tc><w:tcPr>` + props + `</w:tcPr>` + content + `</w:tc>`
}

type cellView struct {
	text           string
	rowSpan, colSp int
	col            int
}

func rows(tb *parser.Table) [][]cellView {
	var out [][]cellView
	for _, r := range tb.Rows {
		var row []cellView
		for _, c := range r.Cells {
			row = append(row, cellView{c.Text, c.RowSpan, c.ColSpan, c.Loc.ColOrd})
		}
		out = append(out, row)
	}
	return out
}

func tables(doc *parser.Document) []*parser.Table {
	var out []*parser.Table
	for _, b := range doc.Blocks {
		if b.Table != nil {
			out = append(out, b.Table)
		}
	}
	return out
}

func paras(doc *parser.Document) []string {
	var out []string
	for _, b := range doc.Blocks {
		if b.Para != nil {
			out = append(out, b.Para.Text)
		}
	}
	return out
}

func TestMergesAndGrid(t *testing.T) {
	body := `<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>` +
		`<w:tr>` + tc(`<w:vMerge w:val="restart"/>`, p("A")) + tc(`<w:gridSpan w:val="2"/>`, p("B")) + `</w:tr>` +
		`<w:tr>` + tc(`<w:vMerge/>`, `<w:p/>`) + tc("", p("1")) + tc("", p("2")) + `</w:tr>` +
		`<w:tr>` + tc(`<w:vMerge w:val="continue"/>`, `<w:p/>`) + tc("", p("3")) + tc("", p("4")) + `</w:tr>` +
		`<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>` + tc("", p("5")) + tc("", p("6")) + `</w:tr>` +
		`<w:tr><w:trPr><w:gridAfter w:val="1"/></w:trPr>` + tc("", p("7")) + tc("", p("8")) + `</w:tr>` +
		`</w:tbl>`
	doc := parse(t, mkdocx(t, body, nil))
	ts := tables(doc)
	require.Len(t, ts, 1)
	require.Equal(t, [][]cellView{
		{{"A", 3, 1, 1}, {"B", 1, 2, 2}},
		{{"1", 1, 1, 2}, {"2", 1, 1, 3}},
		{{"3", 1, 1, 2}, {"4", 1, 1, 3}},
		{{"", 1, 1, 1}, {"5", 1, 1, 2}, {"6", 1, 1, 3}},
		{{"7", 1, 1, 1}, {"8", 1, 1, 2}},
	}, rows(ts[0]))
	g := ts[0].Grid()
	require.Equal(t, "A", g[2][0].Origin.Text)
	require.Equal(t, "4", g[2][2].Origin.Text)
	require.Equal(t, "6", g[3][2].Origin.Text)
	loc := ts[0].Rows[2].Cells[1].Loc
	require.Equal(t, "第1个表格 第3行 第3格", loc.String(), "Word shows the merged cell A in this row, so 4 is its third cell")
	require.Equal(t, 3, loc.ColOrd)
	// Cells are counted as Word shows them, not by grid column: B spans two
	// grid columns and is the second cell; the gridBefore gap is no cell.
	require.Equal(t, 2, ts[0].Rows[0].Cells[1].Loc.Cell)
	five := ts[0].Rows[3].Cells[1].Loc
	require.Equal(t, "5", ts[0].Rows[3].Cells[1].Text)
	require.Equal(t, 1, five.Cell)
	require.Equal(t, 2, five.ColOrd)
	require.Equal(t, parser.UnitTableRow, loc.Unit)
	require.Equal(t, 3, loc.Line)
}

func TestRunTextHabits(t *testing.T) {
	body := `<w:p><w:r><w:t>1</w:t></w:r><w:proofErr w:type="gramStart"/><w:r><w:t>2</w:t><w:softHyphen/><w:t>34</w:t></w:r></w:p>` +
		`<w:p><w:r><w:tab/><w:t>甲</w:t><w:br/><w:t>乙</w:t><w:noBreakHyphen/><w:t>丙</w:t></w:r></w:p>` +
		`<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs><w:rPr><w:vanish/></w:rPr></w:pPr><w:r><w:t>可见</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r></w:p>` +
		`<w:p><w:del w:id="1"><w:r><w:delText>删掉</w:delText></w:r></w:del><w:ins w:id="2"><w:r><w:t>插入</w:t></w:r></w:ins><w:moveFrom><w:r><w:t>移走</w:t></w:r></w:moveFrom></w:p>` +
		`<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:fldSimple w:instr="NUMPAGES"><w:r><w:t>/9</w:t></w:r></w:fldSimple></w:p>` +
		`<w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent>` + p("控件内容") + `</w:sdtContent></w:sdt>` +
		`<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>` + p("单击或点击此处输入文字。") + `</w:sdtContent></w:sdt>` +
		`<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>` + p("框内") + `</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>` + p("框内") + `</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>正文</w:t></w:r></w:p>` +
		`<w:p><w:pPr><w:pPrChange><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:pPrChange></w:pPr><w:r><w:t>旧编号不算</w:t></w:r></w:p>`
	doc := parse(t, mkdocx(t, body, nil))
	require.Equal(t, []string{"1234", "甲\n乙-丙", "可见", "插入", "7/9", "控件内容", "正文", "旧编号不算"}, paras(doc))
	require.Equal(t, "第4段", doc.Blocks[3].Para.Loc.String())
}

const numberingXML = `<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="0">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%3"/><w:isLgl/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="ideographTraditional"/><w:lvlText w:val="%1、"/><w:suff w:val="space"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:suff w:val="nothing"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="2"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="2"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
<w:num w:numId="5"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="10"/></w:lvlOverride></w:num>
</w:numbering>`

const stylesXML = `<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="H1b"><w:basedOn w:val="1"/></w:style>
<w:style w:type="paragraph" w:styleId="2"><w:basedOn w:val="a"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
</w:styles>`

func np(numID, ilvl, text string) string {
	return `<w:p><w:pPr><w:numPr><w:ilvl w:val="` + ilvl + `"/><w:numId w:val="` + numID + `"/></w:numPr></w:pPr><w:r><w:t>` + text + `</w:t></w:r></w:p>`
}

func sp(style, text string) string {
	return `<w:p><w:pPr><w:pStyle w:val="` + style + `"/></w:pPr><w:r><w:t>` + text + `</w:t></w:r></w:p>`
}

func TestAutoNumbering(t *testing.T) {
	body := sp("1", "总体情况") + sp("2", "主动公开") + np("1", "1", "依申请公开") + np("1", "2", "小项") +
		sp("H1b", "主动公开政府信息情况") + sp("2", "规章") + np("1", "0", "收到和处理") +
		np("2", "0", "甲项") + np("2", "0", "乙项") +
		np("3", "0", "第一组一") + np("3", "0", "第一组二") + np("4", "0", "第二组一") +
		np("0", "0", "编号已取消") + np("99", "0", "未知列表") +
		`<w:p><w:pPr><w:pStyle w:val="1"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>去掉样式编号</w:t></w:r></w:p>` +
		`<w:p><w:pPr><w:pStyle w:val="1"/></w:pPr></w:p>` // an empty numbered paragraph still shows its number
	doc := parse(t, mkdocx(t, body, map[string]string{"word/numbering.xml": numberingXML, "word/styles.xml": stylesXML}))
	require.Equal(t, []string{
		"一、总体情况", "（一）主动公开", "（二）依申请公开", "1.1\t小项",
		"二、主动公开政府信息情况", "（一）规章", "三、收到和处理",
		"甲、 甲项", "乙、 乙项",
		"1.第一组一", "2.第一组二", "1.第二组一",
		"编号已取消", "未知列表", "去掉样式编号", "四、",
	}, paras(doc))
}

func TestNumberingInCellsAndRestart(t *testing.T) {
	// numId 5 overrides the start of level 0 to 10: counted on its own.
	body := np("5", "0", "十") + `<w:tbl><w:tr>` + tc("", np("3", "0", "属于国家秘密")) + `</w:tr><w:tr>` + tc("", np("3", "0", "其他")) + `</w:tr></w:tbl>`
	doc := parse(t, mkdocx(t, body, map[string]string{"word/numbering.xml": numberingXML}))
	require.Equal(t, []string{"十、十"}, paras(doc))
	require.Equal(t, "1.属于国家秘密", tables(doc)[0].Rows[0].Cells[0].Text)
	require.Equal(t, "2.其他", tables(doc)[0].Rows[1].Cells[0].Text)
}

func TestLayoutAndNestedTables(t *testing.T) {
	data := `<w:tbl><w:tr>` + tc("", p("规章")) + tc("", p("0")) + `</w:tr></w:tbl>`
	// A one-column frame around the report: flattened.
	frame := `<w:tbl><w:tr>` + tc("", p("网站")) + `</w:tr><w:tr>` + tc("", p("标题")+p("正文")+data+p("落款")) + `</w:tr></w:tbl>`
	doc := parse(t, mkdocx(t, frame, nil))
	require.Equal(t, []string{"网站", "标题", "正文", "落款"}, paras(doc))
	require.Len(t, tables(doc), 1)
	require.Equal(t, 1, tables(doc)[0].Ord)
	require.Equal(t, "规章", tables(doc)[0].Rows[0].Cells[0].Text)
	// A nested table inside a data cell: its text stays in the cell.
	nested := `<w:tbl><w:tr>` + tc("", p("a")) + tc("", p("b")) + `</w:tr><w:tr>` + tc("", p("c")+data) + tc("", p("d")) + `</w:tr><w:tr>` + tc("", p("e")) + tc("", p("f")) + `</w:tr><w:tr>` + tc("", p("g")) + tc("", p("h")) + `</w:tr></w:tbl>`
	doc = parse(t, mkdocx(t, nested, nil))
	require.Len(t, tables(doc), 1)
	require.Equal(t, "c\n规章 0", tables(doc)[0].Rows[1].Cells[0].Text)
}

func TestFaults(t *testing.T) {
	ok := mkdocx(t, p("x"), nil)
	cases := []struct {
		name string
		data []byte
		path string
		want string
	}{
		{"not zip", []byte("PK\x03\x04garbage"), "a.docx", "ZIP 结构损坏"},
		{"no document", mkdocx(t, "", map[string]string{"word/styles.xml": stylesXML}), "a.docx", "缺少正文 word/document.xml"},
		{"xlsx", mkdocx(t, "", map[string]string{"xl/workbook.xml": "<x/>"}), "a.docx", "Excel"},
		{"malformed", mkdocx(t, `<w:p><w:r><w:t>x</w:r></w:p>`, nil), "a.docx", "不是合法的 XML"},
		{"no body", mkdocx(t, `<?xml version="1.0"?><w:document `+wNS+`/>`, nil), "a.docx", "没有 w:body"},
		{"traversal", mkdocx(t, p("x"), map[string]string{"../evil": "x"}), "a.docx", "路径穿越"},
		{"absolute", mkdocx(t, p("x"), map[string]string{"/etc/evil": "x"}), "a.docx", "路径穿越"},
		{"doc", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 600)...), "a.doc", ".doc"},
		{"wps", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 600)...), "a.wps", ".wps"},
		{"encrypted", append(append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 600)...), []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e\x00")...), "a.docx", "已加密"},
	}
	_ = ok
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := docx.Parse(c.path, c.data, parser.DefaultOptions())
			var re *parser.ReadError
			require.True(t, errors.As(err, &re), "want a ReadError, got %v", err)
			require.Equal(t, parser.ProblemUnreadable, re.Kind)
			require.Contains(t, re.Reason, c.want)
			// The same through the loader (sniffer and registration).
			_, err = load.Bytes(c.path, c.data, parser.DefaultOptions())
			require.True(t, errors.As(err, &re))
			require.Equal(t, parser.ProblemUnreadable, re.Kind)
			require.Contains(t, re.Reason, c.want)
		})
	}
}

// TestZipBomb inflates an entry that lies about its size: the bound stops
// reading.
func TestZipBomb(t *testing.T) {
	big := `<?xml version="1.0"?><w:document ` + wNS + `><w:body>` + strings.Repeat(p("填充"), 40000) + `</w:body></w:document>`
	data := mkdocx(t, big, nil)
	opts := parser.DefaultOptions()
	opts.MaxDecompressed = 1 << 20
	_, err := docx.Parse("a.docx", data, opts)
	var re *parser.ReadError
	require.True(t, errors.As(err, &re))
	require.Contains(t, re.Reason, "压缩炸弹")
	// Understating the size in the header does not help: patch the
	// central directory's uncompressed size to 1 KiB; reading stops there
	// and the mismatch is reported.
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	require.NoError(t, err)
	f := zr.File[0]
	lied := bytes.Clone(data)
	var sz [4]byte
	putU32(sz[:], uint32(f.UncompressedSize64))
	i := bytes.LastIndex(lied, sz[:])
	require.Positive(t, i)
	putU32(lied[i:], 1024)
	_, err = docx.Parse("a.docx", lied, opts)
	require.True(t, errors.As(err, &re), "got %v", err)
	require.Equal(t, parser.ProblemUnreadable, re.Kind)
	require.Contains(t, re.Reason, "不符")
	// The same file is fine with the default bound.
	_, err = docx.Parse("a.docx", data, parser.DefaultOptions())
	require.NoError(t, err)
}

func putU32(b []byte, v uint32) {
	b[0], b[1], b[2], b[3] = byte(v), byte(v>>8), byte(v>>16), byte(v>>24)
}

func TestTooManyCells(t *testing.T) {
	row := `<w:tr>` + strings.Repeat(tc("", p("1")), 50) + `</w:tr>`
	data := mkdocx(t, `<w:tbl>`+strings.Repeat(row, 50)+`</w:tbl>`, nil)
	opts := parser.DefaultOptions()
	opts.MaxCells = 1000
	_, err := docx.Parse("a.docx", data, opts)
	var re *parser.ReadError
	require.True(t, errors.As(err, &re))
	require.Contains(t, re.Reason, "单元格")
}

func TestDeepNesting(t *testing.T) {
	deep := strings.Repeat(`<w:tbl><w:tr><w:tc>`, 400) + strings.Repeat(`</w:tc></w:tr></w:tbl>`, 400)
	_, err := docx.Parse("a.docx", mkdocx(t, deep, nil), parser.DefaultOptions())
	var re *parser.ReadError
	require.True(t, errors.As(err, &re))
	require.Contains(t, re.Reason, "嵌套")
}

// TestBlankTemplate reads the official blank template (Word/WPS made, not
// in the repository): the three tables are recognised and every empty
// cell is blank, never 0.
func TestBlankTemplate(t *testing.T) {
	path := filepath.Join("..", "..", "..", "shared", "real", "blank-template-2021.docx")
	if _, err := os.Stat(path); err != nil {
		t.Skip("../shared/real/blank-template-2021.docx is not available")
	}
	rep, err := load.File(path, parser.DefaultOptions())
	require.NoError(t, err)
	cells := 0
	for _, id := range parser.TableIDs() {
		tb := rep.Table(id)
		require.NotNil(t, tb, "table %s not recognised", id)
		for _, key := range tb.Order {
			for _, v := range tb.Rows[key].Cells {
				require.Equal(t, parser.Blank, v.Kind, "table %s row %s: %q", id, key, v.Raw)
				require.Equal(t, parser.UnitTableRow, v.Loc.Unit)
				cells++
			}
		}
	}
	// 10 cells of table 二, 25 rows x 7 of table 三, 15 of table 四.
	require.Equal(t, 10+25*7+15, cells)
	require.Len(t, rep.Sections, 6)
}

// TestSameTablesAcrossProducers compares the tables read from the
// LibreOffice export and from the hand-written Word-style document of the
// same report, cell for cell.
func TestSameTablesAcrossProducers(t *testing.T) {
	read := func(name string) *parser.Report {
		rep, err := load.File(filepath.Join("..", "..", "fixtures", "docx", name), parser.DefaultOptions())
		require.NoError(t, err, name)
		return rep
	}
	a := read("clean-lo-export.docx")
	for _, other := range []string{"clean-word-habits.docx", "clean-word-layout-table.docx"} {
		b := read(other)
		n := 0
		for _, id := range parser.TableIDs() {
			ta, tb := a.Table(id), b.Table(id)
			require.NotNil(t, ta)
			require.NotNil(t, tb)
			require.Equal(t, ta.Order, tb.Order, "%s table %s", other, id)
			for _, key := range ta.Order {
				for i, v := range ta.Rows[key].Cells {
					w := tb.Rows[key].Cells[i]
					require.Equal(t, v.Kind, w.Kind, "%s %s %s[%d]", other, id, key, i)
					require.Equal(t, v.Num, w.Num, "%s %s %s[%d]", other, id, key, i)
					n++
				}
			}
		}
		require.Equal(t, 10+25*7+15, n)
		require.Equal(t, a.Title, b.Title)
		require.Len(t, b.Sections, 6)
	}
}

func TestAltChunkAndRuby(t *testing.T) {
	body := p("正文") + `<w:altChunk r:id="rId9" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/>` +
		`<w:p><w:r><w:ruby><w:rubyPr/><w:rt><w:r><w:t>zhèng</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>政</w:t></w:r></w:rubyBase></w:ruby></w:r></w:p>`
	doc := parse(t, mkdocx(t, body, nil))
	require.Equal(t, []string{"正文", "政"}, paras(doc))
	require.Len(t, doc.Problems, 1)
	require.Equal(t, parser.ProblemUnreadable, doc.Problems[0].Kind)
	require.Contains(t, doc.Problems[0].Message, "altChunk")
}
