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

// validUTF8 is utf8.Valid, faster on Chinese text: sixteen bytes are
// checked for ASCII at a time (and a word that is not all ASCII is passed
// up to its first non-ASCII byte), and a run of three-byte runes whose
// lead byte admits any continuation bytes (E1 to EC, EE, EF: not E0's
// overlongs nor ED's surrogates) is checked without decoding them, two
// runes to a word while eight bytes are left. Every other rune goes
// through utf8.DecodeRune, and the last bytes through utf8.Valid.
func validUTF8(b []byte) bool {
	const hi = 0x8080808080808080
	// two three-byte runes in the low six bytes of a word: lead bytes
	// 1110xxxx, continuation bytes 10xxxxxx
	const pairMask, pairWant = 0xC0C0F0C0C0F0, 0x8080E08080E0
	// the low nibbles of the two leads (bytes 0 and 3): neither may be 0
	// (E0) nor D (ED). A nibble plus 15 has bit 4 set when it is not 0.
	const nib, carry, bit4 = 0x0F00000F, 0x0F00000F, 0x10000010
	for len(b) >= 16 {
		w := binary.LittleEndian.Uint64(b)
		if (w|binary.LittleEndian.Uint64(b[8:]))&hi == 0 {
			b = b[16:]
			continue
		}
		if w&hi == 0 {
			b = b[8:]
			w = binary.LittleEndian.Uint64(b)
		}
		b = b[bits.TrailingZeros64(w&hi)>>3:] // b[0] is not ASCII
		for len(b) >= 8 {
			w := binary.LittleEndian.Uint64(b)
			x := w & nib
			if w&pairMask != pairWant || (x+carry)&((x^0x0D00000D)+carry)&bit4 != bit4 {
				break
			}
			b = b[6:]
		}
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
