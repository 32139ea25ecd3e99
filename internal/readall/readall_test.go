package readall

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

func TestReadAll(t *testing.T) {
	data := strings.Repeat("年度报告0123456789", 1000)
	for _, hint := range []int64{-1, 0, 1, 100, int64(len(data)) - 1, int64(len(data)), int64(len(data)) + 5, 1 << 20} {
		for name, r := range map[string]io.Reader{
			"plain":    strings.NewReader(data),
			"one-byte": iotest.OneByteReader(strings.NewReader(data)),
			"half":     iotest.HalfReader(strings.NewReader(data)),
			"data-eof": iotest.DataErrReader(strings.NewReader(data)),
		} {
			b, err := ReadAll(r, hint)
			if err != nil || string(b) != data {
				t.Fatalf("hint %d, %s: %d bytes, err %v", hint, name, len(b), err)
			}
		}
	}
	// An exact hint makes one buffer that is not grown.
	b, _ := ReadAll(bytes.NewReader([]byte(data)), int64(len(data)))
	if cap(b) != len(data)+1 {
		t.Fatalf("cap %d for %d bytes with an exact hint", cap(b), len(data))
	}
	// Errors other than EOF come back with what was read.
	boom := errors.New("boom")
	b, err := ReadAll(io.MultiReader(strings.NewReader("abc"), iotest.ErrReader(boom)), 10)
	if !errors.Is(err, boom) || string(b) != "abc" {
		t.Fatalf("got %q, %v", b, err)
	}
}

func BenchmarkReadAll(b *testing.B) {
	data := bytes.Repeat([]byte("x"), 64<<10)
	b.Run("io.ReadAll", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_, _ = io.ReadAll(bytes.NewReader(data))
		}
	})
	b.Run("sized", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_, _ = ReadAll(bytes.NewReader(data), int64(len(data)))
		}
	})
}
