package html

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/reportlint/reportlint/parser/textenc"
)

// decode turns the page's bytes into UTF-8 text and names the encoding used.
// A UTF-8 page is not copied (textenc.View): data must not change afterwards.
//
// Order: a BOM; then the <meta charset> or http-equiv declaration found by
// charset.DetermineEncoding (which looks only at the first 1024 bytes); GBK
// and GB2312 labels are decoded as GB18030, their superset. When the page
// declares nothing (DetermineEncoding then guesses windows-1252), or declares
// UTF-8 while the bytes are not UTF-8, the bytes are tried as UTF-8 and then
// as GB18030: Chinese pages without a meta are nearly always GBK.
func decode(data []byte) (string, string) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return string(bytes.ToValidUTF8(data[3:], []byte("\uFFFD"))), "utf-8"
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		if s, err := textenc.Decode(data); err == nil {
			return s, "utf-16"
		}
	}
	enc, name, _ := charset.DetermineEncoding(data, "")
	name = strings.ToLower(name)
	switch name {
	case "gbk", "gb2312", "gb18030", "hz-gb-2312", "x-gbk":
		if s, ok := textenc.DecodeGB18030(data); ok {
			return s, "gb18030"
		}
		if validUTF8(data) { // a UTF-8 page with a stale GBK meta
			return textenc.View(data), "utf-8"
		}
		b, _ := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
		return string(bytes.ToValidUTF8(b, []byte("\uFFFD"))), "gb18030"
	case "utf-8", "windows-1252", "iso-8859-1", "us-ascii", "":
		if validUTF8(data) {
			return textenc.View(data), "utf-8"
		}
		if s, ok := textenc.DecodeGB18030(data); ok {
			return s, "gb18030"
		}
		if name == "utf-8" || enc == nil {
			return string(bytes.ToValidUTF8(data, []byte("\uFFFD"))), "utf-8"
		}
	}
	if enc != nil {
		if b, err := enc.NewDecoder().Bytes(data); err == nil {
			return string(bytes.ToValidUTF8(b, []byte("\uFFFD"))), name
		}
	}
	return string(bytes.ToValidUTF8(data, []byte("\uFFFD"))), "utf-8"
}

// validUTF8 is utf8.Valid, faster on Chinese text: eight bytes are
// checked for ASCII at a time (and a word that is not all ASCII is passed
// up to its first non-ASCII byte), and a run of three-byte runes whose
// lead byte admits any continuation bytes (E1 to EC, EE, EF: not E0's
// overlongs nor ED's surrogates) is checked without decoding them. Every
// other rune goes through utf8.DecodeRune, and the last bytes through
// utf8.Valid.
func validUTF8(b []byte) bool {
	const hi = 0x8080808080808080
	for len(b) >= 8 {
		w := binary.LittleEndian.Uint64(b) & hi
		if w == 0 {
			b = b[8:]
			continue
		}
		b = b[bits.TrailingZeros64(w)>>3:] // b[0] is not ASCII
		for len(b) >= 3 && b[0] >= 0xE1 && b[0] <= 0xEF && b[0] != 0xED && b[1]&0xC0 == 0x80 && b[2]&0xC0 == 0x80 {
			b = b[3:]
		}
		if len(b) > 0 && b[0] >= utf8.RuneSelf {
			r, size := utf8.DecodeRune(b)
			if r == utf8.RuneError && size == 1 {
				return false
			}
			b = b[size:]
		}
	}
	return utf8.Valid(b)
}
