// Package textenc decodes the character encodings that Chinese government
// documents come in: UTF-8 (with or without BOM), UTF-16 with a BOM, and
// GBK/GB2312/GB18030 (always decoded as GB18030, its superset).
package textenc

import (
	"bytes"
	"errors"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// ErrUndecodable is returned when the bytes are neither valid UTF-8, UTF-16
// with a BOM, nor clean GB18030.
var ErrUndecodable = errors.New("bytes are not UTF-8, UTF-16 or GB18030")

// Decode converts data to a UTF-8 string. It strips a BOM. Valid UTF-8 is
// not copied (see View): data must not change afterwards.
func Decode(data []byte) (string, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return string(bytes.ToValidUTF8(data[3:], []byte("\uFFFD"))), nil
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		b, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
		return string(b), err
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		b, err := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
		return string(b), err
	}
	if utf8.Valid(data) {
		return View(data), nil
	}
	if s, ok := DecodeGB18030(data); ok {
		return s, nil
	}
	return "", ErrUndecodable
}

// DecodeGB18030 decodes data as GB18030 and reports whether it decoded
// cleanly (no replacement characters and no C0 controls but white space).
func DecodeGB18030(data []byte) (string, bool) {
	b, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil {
		return "", false
	}
	bad := 0
	for _, r := range string(b) {
		if r == utf8.RuneError || (r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f') {
			bad++
		}
	}
	// A few stray bytes in a long file (a truncated download) are tolerated.
	if bad > 0 && bad*200 > len(b) {
		return "", false
	}
	return View(b), true
}

// View is the string of data without copying it (a 64 MB file is then
// held once, not twice, while it is read). The bytes must not change
// afterwards: the readers get a file's bytes from the loader and never
// write to them.
func View(data []byte) string {
	if len(data) == 0 {
		return ""
	}
	return unsafe.String(&data[0], len(data))
}
