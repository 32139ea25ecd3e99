package load

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/reportlint/reportlint/parser"
)

var fuzzExts = []string{".txt", ".html", ".pdf", ".docx", "", ".doc", ".wps", ".htm"}

// FuzzBytes runs arbitrary bytes, under each extension, through sniffing,
// the format readers and recognition. The loader must give a report or a
// P001/P002 ReadError with a reason. A panic a reader raised (which the
// loader turns into P001) and a timeout are failures here: they are bugs.
func FuzzBytes(f *testing.F) {
	addSeeds(f)
	opts := fuzzOptions()
	f.Fuzz(func(t *testing.T, ext uint8, data []byte) {
		path := "fuzz" + fuzzExts[int(ext)%len(fuzzExts)]
		rep, err := Bytes(path, data, opts)
		if err != nil {
			var re *parser.ReadError
			if !errors.As(err, &re) {
				t.Fatalf("error is not a ReadError: %v", err)
			}
			if re.Kind != parser.ProblemUnreadable && re.Kind != parser.ProblemNoText || re.Reason == "" {
				t.Fatalf("ReadError without a P001/P002 rule and a reason: %+v", re)
			}
			if re.Err != nil && strings.Contains(re.Err.Error(), "panic:") {
				t.Fatalf("reader panicked on %s: %v", path, re.Err)
			}
			if errors.Is(err, context.DeadlineExceeded) {
				t.Fatalf("reading %s (%d bytes) timed out", path, len(data))
			}
			return
		}
		if rep == nil || rep.Doc == nil {
			t.Fatal("no error and no report")
		}
	})
}

// FuzzInlineSameAsBytes: the inline loader (the reader on the caller's
// goroutine, as workers run it) gives the same report or the same error
// as Bytes.
func FuzzInlineSameAsBytes(f *testing.F) {
	addSeeds(f)
	opts := fuzzOptions()
	f.Fuzz(func(t *testing.T, ext uint8, data []byte) {
		path := "fuzz" + fuzzExts[int(ext)%len(fuzzExts)]
		sameResult(t, path, opts, func() (*parser.Report, error) { return Bytes(path, data, opts) },
			func() (*parser.Report, error) { return bytesWith(path, data, opts, &Inline{}) })
	})
}

// sameResult fails unless both loads give deeply equal reports, or errors
// of the same kind, reason and cause (a panic's stack aside).
func sameResult(t *testing.T, path string, opts parser.Options, a, b func() (*parser.Report, error)) {
	t.Helper()
	r1, e1 := a()
	r2, e2 := b()
	if (e1 == nil) != (e2 == nil) {
		t.Fatalf("%s: errors differ: %v / %v", path, e1, e2)
	}
	if e1 != nil {
		x, y := e1.(*parser.ReadError), e2.(*parser.ReadError)
		if x.Kind != y.Kind || x.Reason != y.Reason || (x.Err == nil) != (y.Err == nil) {
			t.Fatalf("%s: errors differ: %#v / %#v", path, x, y)
		}
		if x.Err != nil && firstLine(x.Err.Error()) != firstLine(y.Err.Error()) {
			t.Fatalf("%s: causes differ: %v / %v", path, x.Err, y.Err)
		}
		return
	}
	if !reflect.DeepEqual(r1, r2) {
		t.Fatalf("%s: reports differ", path)
	}
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

func fuzzOptions() parser.Options {
	opts := parser.DefaultOptions()
	opts.MaxBytes = 1 << 20
	opts.MaxDecompressed = 8 << 20
	opts.MaxCells = 20_000
	opts.Timeout = 10 * time.Second
	return opts
}

// addSeeds adds the fixtures and a few hostile heads.
func addSeeds(f *testing.F) {
	for _, dir := range []string{"text", "html", "pdf", "docx"} {
		paths, _ := filepath.Glob(filepath.Join("../../fixtures", dir, "*"))
		for _, p := range paths {
			if strings.HasSuffix(p, ".findings") || strings.HasSuffix(p, ".json") {
				continue
			}
			if b, err := os.ReadFile(p); err == nil && len(b) < 256<<10 {
				for i, e := range fuzzExts {
					if e == filepath.Ext(p) {
						f.Add(uint8(i), b)
					}
				}
			}
		}
	}
	for i := range fuzzExts {
		f.Add(uint8(i), []byte{})
	}
	f.Add(uint8(2), []byte("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 1 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF"))
	f.Add(uint8(3), []byte("PK\x03\x04\x14\x00\x00\x00\x08\x00"))
	f.Add(uint8(1), []byte("<html><body><table><tr><td rowspan=99999 colspan=99999>x</td></tr></table>"))
	f.Add(uint8(0), []byte("\xff\xfe\x00\x00"))
	f.Add(uint8(4), []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"))
}
