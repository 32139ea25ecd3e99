package html

import (
	"bytes"
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
		if utf8.Valid(data) { // a UTF-8 page with a stale GBK meta
			return textenc.View(data), "utf-8"
		}
		b, _ := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
		return string(bytes.ToValidUTF8(b, []byte("\uFFFD"))), "gb18030"
	case "utf-8", "windows-1252", "iso-8859-1", "us-ascii", "":
		if utf8.Valid(data) {
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
