// Command mkfixtures writes the hand-made DOCX fixtures of parser/docx into
// fixtures/docx: reports written directly as WordprocessingML with the
// habits of Word and WPS (bare <w:vMerge/>, headings numbered through
// numbering.xml, content controls, fields, tracked changes, gridBefore and
// gridAfter, layout tables) and broken files for the P001 messages.
// Run it from the repository root: go run ./scripts/docx/mkfixtures
package main

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"log"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf16"
)

const outDir = "fixtures/docx"

// fixed is the modification time written into every entry, so that the
// fixtures are byte-for-byte reproducible.
var fixed = time.Date(2025, 1, 16, 9, 0, 0, 0, time.UTC)

func main() {
	reports := []struct {
		name string
		opt  reportOpt
	}{
		{"clean-word-habits.docx", reportOpt{}},
		{"clean-word-layout-table.docx", reportOpt{layout: true}},
		{"C201-word-placeholder-cells.docx", reportOpt{placeholders: true}},
		{"C206-word-blank-table4.docx", reportOpt{blankTable4: true}},
	}
	for _, r := range reports {
		write(r.name, pkg(report(r.opt)))
	}
	// P001: broken and unsupported files.
	write("P001-docx-no-document.docx", zipOf(map[string]string{
		"[Content_Types].xml": contentTypes,
		"_rels/.rels":         rootRels,
		"word/styles.xml":     stylesXML,
	}))
	write("P001-docx-malformed-xml.docx", zipOf(map[string]string{
		"[Content_Types].xml":          contentTypes,
		"_rels/.rels":                  rootRels,
		"word/_rels/document.xml.rels": docRels,
		"word/document.xml":            strings.Replace(report(reportOpt{}), "</w:tbl>", "</w:tc></w:tbl>", 1),
	}))
	write("P001-docx-path-traversal.docx", zipOf(map[string]string{
		"[Content_Types].xml":      contentTypes,
		"_rels/.rels":              rootRels,
		"word/document.xml":        report(reportOpt{}),
		"../../../../tmp/evil.xml": "<x/>",
	}))
	write("P001-docx-zip-bomb.docx", bomb())
	write("P001-docx-encrypted.docx", ole("EncryptedPackage", "EncryptionInfo"))
	write("P001-doc-binary.doc", ole("WordDocument", "1Table"))
	write("P001-wps-binary.wps", ole("WordDocument", "1Table"))
}

func write(name string, data []byte) {
	p := filepath.Join(outDir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Println("wrote", p, len(data), "bytes")
}

// zipOf zips the parts in sorted order with a fixed time.
func zipOf(parts map[string]string) []byte {
	var names []string
	for n := range parts {
		names = append(names, n)
	}
	// [Content_Types].xml first, as Word writes it.
	sortStrings(names)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range names {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: n, Method: zip.Deflate, Modified: fixed})
		if err != nil {
			log.Fatal(err)
		}
		if _, err := w.Write([]byte(parts[n])); err != nil {
			log.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		log.Fatal(err)
	}
	return buf.Bytes()
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

func pkg(document string) []byte {
	return zipOf(map[string]string{
		"[Content_Types].xml":          contentTypes,
		"_rels/.rels":                  rootRels,
		"word/_rels/document.xml.rels": docRels,
		"word/document.xml":            document,
		"word/styles.xml":              stylesXML,
		"word/numbering.xml":           numberingXML,
		"docProps/core.xml":            coreXML,
	})
}

// bomb is a DOCX whose document.xml inflates to 1 GiB of spaces (the
// header says so honestly); only its first megabyte of deflate data is
// stored, which is all a reader that respects the bound ever touches.
func bomb() []byte {
	var comp bytes.Buffer
	fw, _ := flate.NewWriter(&comp, flate.BestCompression)
	chunk := bytes.Repeat([]byte(" "), 1<<20)
	for i := 0; i < 16; i++ { // 16 MiB of real deflate data (about 16 KiB)
		fw.Write(chunk)
	}
	fw.Flush()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range []struct{ name, body string }{{"[Content_Types].xml", contentTypes}, {"_rels/.rels", rootRels}} {
		w, _ := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: fixed})
		w.Write([]byte(p.body))
	}
	h := &zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate, Modified: fixed,
		CRC32: crc32.ChecksumIEEE(nil), CompressedSize64: uint64(comp.Len()), UncompressedSize64: 1 << 30}
	w, err := zw.CreateRaw(h)
	if err != nil {
		log.Fatal(err)
	}
	w.Write(comp.Bytes())
	zw.Close()
	return buf.Bytes()
}

// ole writes a minimal OLE compound file header and a directory sector that
// names the given streams: enough for the signature and stream-name checks
// that tell a .doc, a .wps and a password-protected .docx apart.
func ole(streams ...string) []byte {
	b := make([]byte, 512*3)
	copy(b, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1})
	binary.LittleEndian.PutUint16(b[0x18:], 0x3E)   // minor version
	binary.LittleEndian.PutUint16(b[0x1A:], 3)      // major version
	binary.LittleEndian.PutUint16(b[0x1C:], 0xFFFE) // little-endian
	binary.LittleEndian.PutUint16(b[0x1E:], 9)      // 512-byte sectors
	binary.LittleEndian.PutUint16(b[0x20:], 6)
	binary.LittleEndian.PutUint32(b[0x2C:], 1) // one FAT sector
	binary.LittleEndian.PutUint32(b[0x30:], 1) // directory at sector 1
	binary.LittleEndian.PutUint32(b[0x38:], 4096)
	binary.LittleEndian.PutUint32(b[0x3C:], 0xFFFFFFFE)
	binary.LittleEndian.PutUint32(b[0x44:], 0xFFFFFFFE)
	for i := 0; i < 109; i++ {
		binary.LittleEndian.PutUint32(b[0x4C+4*i:], 0xFFFFFFFF)
	}
	binary.LittleEndian.PutUint32(b[0x4C:], 0) // FAT in sector 0
	fat := b[512:1024]
	for i := 0; i < 128; i++ {
		binary.LittleEndian.PutUint32(fat[4*i:], 0xFFFFFFFF)
	}
	binary.LittleEndian.PutUint32(fat[0:], 0xFFFFFFFD) // FAT sector
	binary.LittleEndian.PutUint32(fat[4:], 0xFFFFFFFE) // directory: end of chain
	dir := b[1024:]
	names := append([]string{"Root Entry"}, streams...)
	for i, n := range names {
		if i >= 4 {
			break
		}
		e := dir[128*i:]
		u := utf16.Encode([]rune(n))
		for k, c := range u {
			binary.LittleEndian.PutUint16(e[2*k:], c)
		}
		binary.LittleEndian.PutUint16(e[0x40:], uint16(2*len(u)+2))
		if i == 0 {
			e[0x42] = 5
		} else {
			e[0x42] = 2
		}
		binary.LittleEndian.PutUint32(e[0x44:], 0xFFFFFFFF)
		binary.LittleEndian.PutUint32(e[0x48:], 0xFFFFFFFF)
		binary.LittleEndian.PutUint32(e[0x4C:], 0xFFFFFFFF)
		binary.LittleEndian.PutUint32(e[0x74:], 0xFFFFFFFE)
	}
	return b
}
