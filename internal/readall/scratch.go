package readall

import (
	"bytes"
	"io"
)

// BoundedScratch is Bounded(r, hint, limit) with the same results (data,
// errors, ErrTooLarge) but cheaper for many small reads, such as the
// streams of a PDF: it reads into *scratch, kept between calls, and
// returns a copy of exactly the size read, instead of making a zeroed
// buffer of the hint and then a 1 MB piece for every read that goes past
// it. Past 1 MB it reads 1 MB pieces (chunk), so a bomb is refused holding
// at most limit plus two pieces. Bounded stays the better choice for one
// read whose size is known (a file): it reads in place, with no copy.
func BoundedScratch(r io.Reader, hint, limit int64, scratch *[]byte) ([]byte, error) {
	lr := &io.LimitedReader{R: r, N: limit + 1}
	h := min(max(hint, 0), limit+1) // what Bounded reads before its pieces
	buf := (*scratch)[:0]
	if cap(buf) == 0 {
		buf = make([]byte, 0, 16<<10)
	}
	defer func() {
		if cap(buf) <= chunk {
			*scratch = buf[:0]
		}
	}()
	// within the hint: an error returns what was read, as Bounded does
	for int64(len(buf)) < h {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		end := min(int64(cap(buf)), h)
		k, err := lr.Read(buf[len(buf):end])
		buf = buf[:len(buf)+k]
		if err == io.EOF && int64(len(buf)) < h {
			return bytes.Clone(buf), nil
		}
		if err != nil && err != io.EOF {
			return bytes.Clone(buf), err
		}
	}
	// past the hint: an error other than the end returns nothing
	var pieces [][]byte
	total := int64(len(buf))
	cur := buf
	for {
		if len(cur) == cap(cur) {
			if len(pieces) == 0 && cap(cur) < chunk {
				cur = append(cur, 0)[:len(cur)]
				buf = cur
			} else {
				pieces = append(pieces, cur)
				cur = make([]byte, 0, chunk)
			}
		}
		k, err := lr.Read(cur[len(cur):cap(cur)])
		cur = cur[:len(cur)+k]
		total += int64(k)
		if total > limit {
			return nil, ErrTooLarge
		}
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	if len(pieces) == 0 {
		return bytes.Clone(cur), nil
	}
	pieces = append(pieces, cur)
	out := make([]byte, 0, total)
	for _, p := range pieces {
		out = append(out, p...)
	}
	return out, nil
}
