// Package readall reads a reader to the end into a buffer sized from what
// the caller knows of the length (a file's size, a ZIP entry's stated
// size, a stream's compressed size), instead of io.ReadAll's growth from
// 512 bytes by doubling, which copies and discards a file's worth of
// buffers for every file read.
package readall

import (
	"errors"
	"io"
)

// minBuf is the smallest buffer made.
const minBuf = 512

// ReadAll reads r to EOF. hint is the expected length; a wrong hint costs
// only a regrowth (too small) or unused capacity (too large), so callers
// cap it by what they accept. EOF is not an error.
func ReadAll(r io.Reader, hint int64) ([]byte, error) {
	// One byte more than the hint, so that reading the EOF after exactly
	// hint bytes does not grow the buffer.
	n := max(hint, minBuf-1) + 1
	b := make([]byte, 0, n)
	for {
		k, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+k]
		if err != nil {
			if err == io.EOF {
				err = nil
			}
			return b, err
		}
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)] // let append choose the growth
		}
	}
}

// ErrTooLarge is returned by Bounded for a reader with more than limit
// bytes.
var ErrTooLarge = errors.New("数据超过上限")

// chunk is the size of the pieces Bounded reads past its hint.
const chunk = 1 << 20

// Bounded reads r to EOF, as ReadAll, but returns ErrTooLarge (and no
// data) once more than limit bytes have come. Past the hint it reads into
// pieces of 1 MB and joins them at the end, so what a decompression bomb
// costs before it is refused is limit plus one piece, not the two or three
// times limit of a doubling buffer (the old and the new buffer of each
// regrowth, and the garbage they leave).
func Bounded(r io.Reader, hint, limit int64) ([]byte, error) {
	lr := &io.LimitedReader{R: r, N: limit + 1}
	first, err := ReadAll(&firstN{r: lr, n: min(max(hint, 0), limit+1)}, min(hint, limit+1))
	if err != nil || int64(len(first)) < min(max(hint, 0), limit+1) {
		// ended within the hint
		return first, err
	}
	var pieces [][]byte
	total := int64(len(first))
	for {
		p := make([]byte, chunk)
		k, err := io.ReadFull(lr, p)
		total += int64(k)
		if total > limit {
			return nil, ErrTooLarge
		}
		if k > 0 {
			pieces = append(pieces, p[:k])
		}
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	if len(pieces) == 0 {
		return first, nil
	}
	out := make([]byte, 0, total)
	out = append(out, first...)
	for _, p := range pieces {
		out = append(out, p...)
	}
	return out, nil
}

// firstN reads at most n bytes of r and then reports EOF, leaving the
// rest of r unread.
type firstN struct {
	r io.Reader
	n int64
}

func (f *firstN) Read(p []byte) (int, error) {
	if f.n <= 0 {
		return 0, io.EOF
	}
	if int64(len(p)) > f.n {
		p = p[:f.n]
	}
	k, err := f.r.Read(p)
	f.n -= int64(k)
	return k, err
}
