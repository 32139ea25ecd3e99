// Package readall reads a reader to the end into a buffer sized from what
// the caller knows of the length (a file's size, a ZIP entry's stated
// size, a stream's compressed size), instead of io.ReadAll's growth from
// 512 bytes by doubling, which copies and discards a file's worth of
// buffers for every file read.
package readall

import "io"

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
