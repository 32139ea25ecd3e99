package rules

import (
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"sync"
	"testing"

	"github.com/reportlint/reportlint/parser"
	"github.com/reportlint/reportlint/parser/load"
)

// The package's initialisation builds no regexp, gate or finder (lazy.go):
// GODEBUG=inittrace=1 on this test binary, which runs no test, reports
// what initialising the package allocated. Built eagerly it was about
// 3 MB; the lazy package allocates about 50 KB (test files included).
func TestInitBuildsNoRegexp(t *testing.T) {
	if os.Getenv("REPORTLINT_INITTRACE_CHILD") != "" {
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1", "REPORTLINT_INITTRACE_CHILD=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	m := regexp.MustCompile(`(?m)^init github\.com/reportlint/reportlint/rules @\S+ ms, \S+ ms clock, (\d+) bytes, (\d+) allocs`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("no init line for the rules package in:\n%s", out)
	}
	bytes, _ := strconv.Atoi(string(m[1]))
	if bytes > 400_000 {
		t.Errorf("initialising the rules package allocated %d bytes (%s allocs); a regexp, gate or finder is built at initialisation instead of on first use", bytes, m[2])
	}
}

// Prepare builds every lazy value, and running the rules while it does
// (as the CLI does: Prepare on its own goroutine while the first file is
// read) gives the findings of a run after it (the race detector watches
// the sync.Once of each value).
func TestPrepareConcurrentWithRun(t *testing.T) {
	var reps []*parser.Report
	for _, path := range []string{"../fixtures/text/A302-table3-results-total.txt", "../fixtures/html/clean-site-chrome.html"} {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		rep, err := load.Bytes(path, data, parser.DefaultOptions())
		if err != nil {
			t.Fatal(err)
		}
		reps = append(reps, rep)
	}
	var wg sync.WaitGroup
	runs := make([][]Finding, 4)
	for i := range runs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if i%2 == 0 {
				Prepare()
			}
			for _, rep := range reps {
				runs[i] = append(runs[i], Run(rep, nil, Config{})...)
			}
		}()
	}
	wg.Wait()
	Prepare()
	for _, x := range fastRes {
		if x.l.x.Regexp == nil {
			t.Errorf("fastRe %q not built by Prepare", x.l.expr)
		}
	}
	for _, x := range gatedRes {
		if x.l.x.Regexp == nil {
			t.Errorf("gatedRe %q not built by Prepare", x.l.expr)
		}
	}
	var want []Finding
	for _, rep := range reps {
		want = append(want, Run(rep, nil, Config{})...)
	}
	if len(want) == 0 {
		t.Fatal("no findings to compare")
	}
	for i, got := range runs {
		if len(got) != len(want) {
			t.Fatalf("run %d: %d findings, after Prepare %d", i, len(got), len(want))
		}
		for j := range got {
			if got[j].Message != want[j].Message || got[j].Rule != want[j].Rule {
				t.Fatalf("run %d finding %d: %v, after Prepare %v", i, j, got[j], want[j])
			}
		}
	}
}

// BenchmarkBuildRules is what Prepare does, from scratch each time: every
// regexp of the rules compiled, with its gate and finder.
func BenchmarkBuildRules(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		srcs := make([]string, len(keywords))
		for i, kw := range keywords {
			srcs[i] = kw.expr
		}
		newPatternKit(srcs)
		newPatternKit(placeholderSrcs)
		for _, x := range fastRes {
			if x.l.expr != "" {
				newFastRe(regexp.MustCompile(x.l.expr))
			} else {
				newFastRe(regexp.MustCompile(x.l.re.String()))
			}
		}
		for _, x := range gatedRes {
			gated(regexp.MustCompile(x.l.expr))
		}
	}
}

// Every alternative a finder compiles only when it first tries it (altOf)
// compiles.
func TestFinderAlternativesCompile(t *testing.T) {
	finders := []*finder{keywordsBuilt().finder, placeholdersBuilt().finder}
	for _, x := range fastRes {
		b := x.get()
		finders = append(finders, b.f, b.some)
	}
	n := 0
	for _, f := range finders {
		if f == nil {
			continue
		}
		for _, p := range f.pats {
			for _, a := range p.alts {
				if a.re != nil {
					if _, err := regexp.Compile(a.re.expr); err != nil {
						t.Errorf("%s: alternative %s: %v", p.re, a.re.expr, err)
					}
					n++
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no alternative is compiled lazily: the test tests nothing")
	}
	t.Logf("%d alternatives compiled when first tried", n)
}
