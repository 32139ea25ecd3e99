package html

import (
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/reportlint/reportlint/parser"
)

// The reader's speed-ups must not change a single Document. These tests hold
// the reader to Documents recorded before a change: set
// HTML_DOC_GOLDEN=/tmp/somewhere and HTML_DOC_GOLDEN_WRITE=1 on the
// unchanged code to record them (never into the repository), then run with
// HTML_DOC_GOLDEN alone on the changed code. Without HTML_DOC_GOLDEN, or
// when its folder is absent, the test is skipped.

// goldenPages are the pages held to the recorded Documents: every page of
// leanPages, the 1,000 pages of /tmp/rb/html when present, and damaged
// copies of some of them (cut short, bytes dropped) for sloppy markup.
func goldenPages(t *testing.T) map[string][]byte {
	pages := leanPages(t)
	files, _ := filepath.Glob("/tmp/rb/html/*.html")
	sort.Strings(files)
	rng := rand.New(rand.NewSource(14))
	var names []string
	for name := range pages {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		pages["rb-"+filepath.Base(f)] = data
		names = append(names, "rb-"+filepath.Base(f))
	}
	for i, name := range names {
		if i%5 != 0 {
			continue
		}
		data := pages[name]
		if len(data) == 0 {
			continue
		}
		pages[name+"-cut"] = data[:rng.Intn(len(data))]
		damaged := make([]byte, 0, len(data))
		for _, c := range data {
			switch rng.Intn(400) {
			case 0: // dropped
			case 1:
				damaged = append(damaged, c, "<>\"'=/&"[rng.Intn(7)])
			default:
				damaged = append(damaged, c)
			}
		}
		pages[name+"-damaged"] = damaged
	}
	return pages
}

// goldenResult is what the reader gives for a page, lean and full.
type goldenResult struct {
	Lean, Full       *parser.Document
	LeanErr, FullErr string
}

func docResult(name string, data []byte) goldenResult {
	var r goldenResult
	opts := parser.DefaultOptions()
	doc, err := parseDoc(name, data, opts, true)
	r.Lean = doc
	if err != nil {
		r.LeanErr = err.Error()
	}
	doc, err = parseDoc(name, data, opts, false)
	r.Full = doc
	if err != nil {
		r.FullErr = err.Error()
	}
	return r
}

func TestDocumentsMatchGolden(t *testing.T) {
	dir := os.Getenv("HTML_DOC_GOLDEN")
	if dir == "" {
		t.Skip("HTML_DOC_GOLDEN not set")
	}
	write := os.Getenv("HTML_DOC_GOLDEN_WRITE") == "1"
	if write {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	} else if _, err := os.Stat(dir); err != nil {
		t.Skip(dir, " absent")
	}
	n := 0
	for name, data := range goldenPages(t) {
		got, err := json.Marshal(docResult(name, data))
		if err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(dir, name+".json")
		if write {
			if err := os.WriteFile(file, got, 0o644); err != nil {
				t.Fatal(err)
			}
			n++
			continue
		}
		want, err := os.ReadFile(file)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if string(want) != string(got) {
			i := 0
			for i < len(got) && i < len(want) && got[i] == want[i] {
				i++
			}
			t.Errorf("%s: Document differs from the recorded one at byte %d\n got %s\nwant %s", name, i, clipAt(got, i), clipAt(want, i))
		}
		n++
	}
	t.Logf("%d pages", n)
}

// clipAt is b around offset i.
func clipAt(b []byte, i int) string {
	from, to := max(0, i-200), min(len(b), i+200)
	return fmt.Sprintf("…%s…(%d bytes)", b[from:to], len(b))
}
