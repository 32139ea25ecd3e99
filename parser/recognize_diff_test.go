package parser_test

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/parser"
	"github.com/reportlint/reportlint/parser/load"
)

// fixtureDocuments reads every fixture that a reader accepts.
func fixtureDocuments(t *testing.T) map[string]*parser.Document {
	t.Helper()
	paths, err := filepath.Glob("../fixtures/*/*")
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string]*parser.Document{}
	for _, p := range paths {
		if strings.HasSuffix(p, ".json") || strings.HasSuffix(p, ".findings") || strings.HasSuffix(p, ".poppler") {
			continue
		}
		data, err := os.ReadFile(p)
		if err != nil {
			continue // a folder
		}
		rep, err := load.Bytes(p, data, parser.DefaultOptions())
		if err != nil {
			continue
		}
		docs[p] = rep.Doc
	}
	if len(docs) < 50 {
		t.Fatalf("only %d fixtures read", len(docs))
	}
	return docs
}

// documentTexts lists every text of a Document recognition looks at.
func documentTexts(doc *parser.Document) []string {
	var out []string
	for _, b := range doc.Blocks {
		switch {
		case b.Para != nil:
			out = append(out, b.Para.Text)
		case b.Table != nil:
			for _, r := range b.Table.Rows {
				for _, c := range r.Cells {
					out = append(out, c.Text)
				}
			}
		case b.Image != nil:
			out = append(out, b.Image.Alt)
		}
	}
	return append(out, doc.Meta.Title)
}

// Every label, cell and paragraph of every fixture gets the same result
// from the live helpers as from the frozen reference copies.
func TestHelpersMatchReferenceOnFixtures(t *testing.T) {
	n := 0
	for path, doc := range fixtureDocuments(t) {
		seen := map[string]bool{}
		for _, s := range documentTexts(doc) {
			if seen[s] {
				continue
			}
			seen[s] = true
			n++
			for _, m := range parser.HelperMismatches(s) {
				t.Errorf("%s: %s", path, m)
			}
		}
	}
	t.Logf("%d texts compared", n)
}

// Recognize gives every fixture the Report the frozen reference path gives.
func TestRecognizeMatchesReferenceOnFixtures(t *testing.T) {
	for path, doc := range fixtureDocuments(t) {
		got, want := parser.Recognize(doc), parser.RecognizeRef(doc)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: Recognize differs from the reference path", path)
		}
		for _, b := range doc.Blocks {
			if b.Table != nil && !reflect.DeepEqual(b.Table.Grid(), parser.GridRef(b.Table)) {
				t.Errorf("%s: the grid of table %d differs from the reference", path, b.Table.Ord)
			}
		}
	}
}

// mutate returns a copy of doc with some texts replaced by others from the
// pool (labels, cells and headings of all fixtures, mangled): the
// recognition of shuffled, garbled tables must not differ either.
func mutate(doc *parser.Document, pool []string, rng *rand.Rand) *parser.Document {
	d := *doc
	d.Blocks = make([]parser.Block, len(doc.Blocks))
	pick := func(s string) string {
		switch rng.IntN(10) {
		case 0:
			return pool[rng.IntN(len(pool))]
		case 1:
			return strings.ReplaceAll(s, "", " ")[1:]
		case 2:
			return pool[rng.IntN(len(pool))] + s
		case 3:
			if rs := []rune(s); len(rs) > 1 {
				i := rng.IntN(len(rs))
				return string(append(rs[:i:i], rs[i+1:]...))
			}
		}
		return s
	}
	for i, b := range doc.Blocks {
		switch {
		case b.Para != nil:
			p := *b.Para
			p.Text = pick(p.Text)
			d.Blocks[i].Para = &p
		case b.Table != nil:
			t := *b.Table
			t.Rows = make([]parser.Row, len(b.Table.Rows))
			for r, row := range b.Table.Rows {
				row.Cells = append([]parser.Cell(nil), row.Cells...)
				for c := range row.Cells {
					row.Cells[c].Text = pick(row.Cells[c].Text)
				}
				if rng.IntN(20) == 0 && len(row.Cells) > 1 {
					row.Cells = row.Cells[:len(row.Cells)-1]
				}
				t.Rows[r] = row
			}
			if rng.IntN(10) == 0 {
				t.Continued = !t.Continued
			}
			d.Blocks[i].Table = &t
		default:
			d.Blocks[i] = b
		}
	}
	return &d
}

func TestRecognizeMatchesReferenceOnMutations(t *testing.T) {
	docs := fixtureDocuments(t)
	var pool []string
	var paths []string
	for p, doc := range docs {
		paths = append(paths, p)
		pool = append(pool, documentTexts(doc)...)
	}
	rng := rand.New(rand.NewPCG(14, 1000))
	rounds := 600
	if testing.Short() {
		rounds = 100
	}
	for i := range rounds {
		path := paths[i%len(paths)]
		doc := mutate(docs[path], pool, rng)
		if got, want := parser.Recognize(doc), parser.RecognizeRef(doc); !reflect.DeepEqual(got, want) {
			t.Errorf("%s, mutation %d: Recognize differs from the reference path", path, i)
		}
	}
}

// A Report shares no buffer with recognition's scratch space: recognising
// other documents afterwards leaves it as it was, and recognising the same
// document twice gives equal Reports that share no cell.
func TestRecognizeReportsDoNotAlias(t *testing.T) {
	docs := fixtureDocuments(t)
	type kept struct {
		rep  *parser.Report
		want *parser.Report
	}
	var all []kept
	for _, doc := range docs {
		all = append(all, kept{parser.Recognize(doc), parser.RecognizeRef(doc)})
	}
	for _, doc := range docs {
		again := parser.Recognize(doc)
		for _, k := range all {
			if k.rep.Doc != doc {
				continue
			}
			if !reflect.DeepEqual(again, k.rep) {
				t.Errorf("%s: a second recognition differs", doc.Path)
			}
			for cell := range again.Cells {
				if cell.Value == k.rep.Table(cell.Table.ID).Cell(cell.Row.Key, cell.Col.Key) {
					t.Fatalf("%s: two Reports share the cell %s/%s", doc.Path, cell.Row.Key, cell.Col.Key)
				}
			}
		}
	}
	// Within a Report no two cells share a Value and no two rows share
	// their column definitions, whatever block they were allocated in.
	for _, k := range all {
		values := map[*parser.Value]bool{}
		cols := map[*parser.ColumnDef]bool{}
		for _, tbl := range k.rep.Tables {
			for _, row := range tbl.Rows {
				for _, v := range row.Cells {
					if values[v] {
						t.Fatalf("%s: row %s shares a Value with another cell", k.rep.Doc.Path, row.Key)
					}
					values[v] = true
				}
				if len(row.Def.Cols) == 0 || tbl.ID == parser.Table4 {
					continue // table 四's data rows share the canonical columns, as ever
				}
				if cap(row.Def.Cols) != len(row.Def.Cols) {
					t.Fatalf("%s: row %s has room to append into another row's columns", k.rep.Doc.Path, row.Key)
				}
				if p := &row.Def.Cols[0]; cols[p] {
					t.Fatalf("%s: row %s shares its columns", k.rep.Doc.Path, row.Key)
				}
				cols[&row.Def.Cols[0]] = true
			}
		}
	}
	for _, k := range all {
		if !reflect.DeepEqual(k.rep, k.want) {
			t.Errorf("%s: the Report changed when other documents were recognised", k.rep.Doc.Path)
		}
	}
}
