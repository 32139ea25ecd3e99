package readall

import (
	"bytes"
	"errors"
	"io"
	"math/rand"
	"testing"
	"testing/iotest"
)

// TestBoundedScratchMatchesBounded compares BoundedScratch with the
// Bounded it stands in for, on generated data, hints, limits and
// readers that end early, fail, or return data with an error.
func TestBoundedScratchMatchesBounded(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	boom := errors.New("boom")
	var scratch []byte
	sizes := []int{0, 1, 511, 512, 4096, 16 << 10, 70_000, chunk - 1, chunk, chunk + 1, 2*chunk + 7, 3_500_000}
	for iter := 0; iter < 400; iter++ {
		n := sizes[rng.Intn(len(sizes))]
		if rng.Intn(3) == 0 {
			n = rng.Intn(300_000)
		}
		data := make([]byte, n)
		rng.Read(data)
		hint := int64(rng.Intn(2*n + 10))
		if rng.Intn(4) == 0 {
			hint = int64(n)
		}
		if rng.Intn(8) == 0 {
			hint = -1
		}
		limit := int64(n + rng.Intn(3) - 1)
		if rng.Intn(4) == 0 {
			limit = int64(rng.Intn(n + 2))
		}
		if limit < 0 {
			limit = 0
		}
		mode := rng.Intn(5)
		failAt := rng.Intn(n + 1)
		mk := func() io.Reader {
			var r io.Reader = bytes.NewReader(data)
			switch mode {
			case 1:
				r = iotest.OneByteReader(bytes.NewReader(data[:min(n, 5000)]))
			case 2:
				r = iotest.DataErrReader(bytes.NewReader(data))
			case 3:
				r = io.MultiReader(bytes.NewReader(data[:failAt]), iotest.ErrReader(boom))
			case 4:
				r = io.MultiReader(bytes.NewReader(data[:failAt]), iotest.ErrReader(io.ErrUnexpectedEOF))
			}
			return iotest.HalfReader(r)
		}
		want, werr := Bounded(mk(), hint, limit)
		got, gerr := BoundedScratch(mk(), hint, limit, &scratch)
		if !bytes.Equal(got, want) || (got == nil) != (want == nil) || !errors.Is(gerr, werr) && gerr != werr {
			t.Fatalf("n %d hint %d limit %d mode %d fail %d: got %d bytes (nil %v) %v, want %d bytes (nil %v) %v",
				n, hint, limit, mode, failAt, len(got), got == nil, gerr, len(want), want == nil, werr)
		}
	}
}
