package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/parser"
)

func docxFiles(t *testing.T) []string {
	files, _ := filepath.Glob("../../fixtures/docx/*.docx")
	if real, err := filepath.Glob("../../../shared/real/*.docx"); err == nil {
		files = append(files, real...)
	}
	if len(files) == 0 {
		t.Fatal("no DOCX fixtures")
	}
	return files
}

// xmlParts returns the XML parts of a DOCX (nil when it is no ZIP).
func xmlParts(t *testing.T, path string) map[string][]byte {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil
	}
	parts := map[string][]byte{}
	for _, f := range zr.File {
		if !strings.HasSuffix(f.Name, ".xml") && !strings.HasSuffix(f.Name, ".rels") || f.UncompressedSize64 > 50<<20 {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			continue
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err == nil {
			parts[path+":"+f.Name] = b
		}
	}
	return parts
}

// scanPages are XML texts at the edge of the scanner's subset.
var scanCases = []string{
	`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="u:w" xmlns="u:d"><w:body><w:p><w:r><w:t xml:space="preserve"> a&amp;b&#x4E00;&#20108;&lt;&gt;&quot;&apos; </w:t></w:r></w:p><x a="1" w:b='2'/><!-- c --></w:body></w:document>`,
	`<a xmlns:p="u1"><p:b xmlns:p="u2"><p:c/></p:b><p:d/></a>`,
	`<a><b></a>`,
	`<a>&nbsp;</a>`,
	`<a><![CDATA[x]]></a>`,
	`<!DOCTYPE a><a/>`,
	`<a>x]]>y</a>`,
	`<a b="1"c="2"/>`,
	`<a b = "1"/>`,
	`<a u:b="1"/>`,
	`<a>` + "\x01" + `</a>`,
	`<?xml version="1.0" encoding="GBK"?><a/>`,
	`<a><!-- x -- y --></a>`,
	`<a/><b/>`,
	`<a>`,
	"<a>\r\n</a>",
	"<?xml version=\"1.0\"?>\r\n<a\r\nb=\"x\r\ny\rz&#13;\">p\rq\r\n&#13;\r</a>\r\n",
	"<a><!-- \r\n --></a>",
	`<a b="&#0;"/>`,
	`<a:b:c/>`,
	`<é/>`,
}

// The scanner gives the Decoder's tokens, or stops with errNotSimple.
func TestScannerMatchesDecoder(t *testing.T) {
	inputs := map[string][]byte{}
	for _, f := range docxFiles(t) {
		for k, v := range xmlParts(t, f) {
			inputs[k] = v
		}
	}
	for i, c := range scanCases {
		inputs[string(rune('A'+i))+":"+c] = []byte(c)
	}
	full := 0
	for name, data := range inputs {
		dec := xml.NewDecoder(bytes.NewReader(data))
		dec.Strict = true
		sc, ok := newScanner(data)
		if !ok {
			continue
		}
		for {
			want, werr := dec.Token()
			got, gerr := sc.Token()
			if errors.Is(gerr, errNotSimple) {
				break
			}
			if gerr == io.EOF && werr == io.EOF {
				full++
				if strings.HasSuffix(name, "word/document.xml") {
					t.Logf("%s: scanned", name)
				}
				break
			}
			if gerr != nil || werr != nil {
				t.Errorf("%s: scanner error %v, decoder error %v", name, gerr, werr)
				break
			}
			if !reflect.DeepEqual(xml.CopyToken(got), xml.CopyToken(want)) {
				t.Errorf("%s: token %#v, decoder %#v", name, got, want)
				break
			}
		}
	}
	if full < 20 {
		t.Errorf("only %d parts scanned to the end", full)
	}
}

// Parse gives the same Document with the scanner as with encoding/xml
// alone, also when the scanner gives up half-way (the list counters are
// put back).
func TestScannerParseSame(t *testing.T) {
	cases := map[string][]byte{}
	for _, f := range docxFiles(t) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		cases[filepath.Base(f)] = data
		// The same document with a CDATA section near the end.
		if alt := withDocumentXML(t, data, func(x string) string {
			i := strings.LastIndex(x, "</w:body>")
			if i < 0 {
				return ""
			}
			return x[:i] + "<w:p><w:r><w:t><![CDATA[尾]]></w:t></w:r></w:p>" + x[i:]
		}); alt != nil {
			cases[filepath.Base(f)+"+cdata"] = alt
		}
	}
	defer func() { scanXML = true }()
	for name, data := range cases {
		scanXML = true
		a, errA := Parse(name, data, parser.DefaultOptions())
		scanXML = false
		b, errB := Parse(name, data, parser.DefaultOptions())
		if !reflect.DeepEqual(a, b) || !reflect.DeepEqual(errA, errB) {
			t.Errorf("%s: scanner and decoder differ: %v / %v", name, errA, errB)
		}
	}
}

// withDocumentXML rewrites word/document.xml of a DOCX (nil when absent).
func withDocumentXML(t *testing.T, data []byte, edit func(string) string) []byte {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	found := false
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return nil
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil
		}
		if f.Name == "word/document.xml" {
			e := edit(string(b))
			if e == "" {
				return nil
			}
			b, found = []byte(e), true
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(b)
	}
	if err := zw.Close(); err != nil || !found {
		return nil
	}
	return buf.Bytes()
}

// FuzzScanner: on any input the scanner gives the Decoder's tokens until
// it stops with errNotSimple, and it never panics.
func FuzzScanner(f *testing.F) {
	for _, c := range scanCases {
		f.Add([]byte(c))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		sc, ok := newScanner(data)
		if !ok {
			return
		}
		dec := xml.NewDecoder(bytes.NewReader(data))
		dec.Strict = true
		for i := 0; i < 10000; i++ {
			want, werr := dec.Token()
			got, gerr := sc.Token()
			if errors.Is(gerr, errNotSimple) {
				return
			}
			if gerr == io.EOF && werr == io.EOF {
				return
			}
			if gerr != nil || werr != nil {
				t.Fatalf("scanner error %v, decoder error %v", gerr, werr)
			}
			if !reflect.DeepEqual(xml.CopyToken(got), xml.CopyToken(want)) {
				t.Fatalf("token %#v, decoder %#v", got, want)
			}
		}
	})
}
