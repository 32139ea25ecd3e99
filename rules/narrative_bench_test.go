package rules

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/parser"
	"github.com/reportlint/reportlint/parser/load"
)

// BenchmarkRunClean measures every rule on the clean base fixture.
func BenchmarkRunClean(b *testing.B) {
	path := "../fixtures/text/clean-department-2024.txt"
	data, err := os.ReadFile(path)
	if err != nil {
		b.Skip("fixture missing")
	}
	rep, err := load.Bytes(path, data, parser.DefaultOptions())
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		Run(rep, rep, Config{})
	}
}

// clauseSentence is one sentence of n clauses in the words real reports
// use, every figure read as a statement.
func clauseSentence(n int) string {
	parts := []string{"收到政府信息公开申请29件", "上年结转2件", "予以公开11件", "部分公开4件", "无法提供9件",
		"被申请行政复议3件", "其中维持1件", "网上申请20件", "占比39.3%", "结转下年度继续办理3件"}
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteString("，")
		}
		b.WriteString(parts[i%len(parts)])
	}
	b.WriteString("。")
	return b.String()
}

// BenchmarkNarrativeClauses reads and checks one sentence of 10, 100, 1000
// and 10000 clauses: the time per clause stays flat (linear in the length
// of the sentence). Compare ns/op ÷ clauses across the sizes.
func BenchmarkNarrativeClauses(b *testing.B) {
	for _, n := range []int{10, 100, 1000, 10000} {
		r := reportWith("（二）依申请公开。"+clauseSentence(n), baseT3, baseT4)
		b.Run(fmt.Sprintf("clauses=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				var out []Finding
				shared := map[string]any{}
				for _, id := range []string{"N501", "N502", "N503"} {
					rule := Lookup(id)
					rule.Check(&Pass{Report: r, rule: rule, out: &out, shared: shared})
				}
			}
		})
	}
}

// TestNarrativeHugeSentence: sentences of 1 MB in hostile shapes are read
// and checked within the normal run of the test (the reader is linear; the
// old one took minutes on the first shape). Not timed: it only has to end.
func TestNarrativeHugeSentence(t *testing.T) {
	// the same shapes, smaller, normally and under the race detector
	size := randomInputs(1<<18, 1<<20, 1<<16)
	repeat := func(unit string) string {
		return strings.Repeat(unit, size/len(unit))
	}
	shapes := map[string]string{
		"clauses":       clauseSentence(size / 30),
		"no commas":     repeat("收到申请1件予以公开1件"),
		"one keyword":   "收到申请" + repeat("1件"),
		"brackets":      strings.Repeat("（", size/6) + "予以公开1件" + strings.Repeat("）", size/6),
		"years":         repeat("2023年收到申请2件，"),
		"only keywords": repeat("行政复议维持纠正"),
		"negations":     repeat("未收到因政府信息公开申请引起的行政复议"),
		"sums":          "新收申请1件，上年结转1件，" + repeat("共计1件，"),
		"applicants":    repeat("自然人1件，企业1件，"),
		"results":       "办结1件，" + repeat("予以公开1件，"),
	}
	for name, s := range shapes {
		r := reportWith("（二）依申请公开。"+s+"。", baseT3, baseT4)
		var out []Finding
		shared := map[string]any{}
		for _, id := range []string{"N501", "N502", "N503"} {
			rule := Lookup(id)
			rule.Check(&Pass{Report: r, rule: rule, out: &out, shared: shared})
		}
		t.Logf("%s: %d bytes, %d findings", name, len(s), len(out))
	}
}
