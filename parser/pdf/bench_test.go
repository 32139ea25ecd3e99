package pdf

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/reportlint/reportlint/parser"
)

// BenchmarkParse reports the time to read a PDF, per page (ns/page), for
// the fixtures and, when present, the real reports.
func BenchmarkParse(b *testing.B) {
	files := []string{
		filepath.Join(fixtures, "clean-lo-writer.pdf"),
		filepath.Join(fixtures, "clean-chromium.pdf"),
		filepath.Join(fixtures, "clean-long-split-lo.pdf"),
		filepath.Join(fixtures, "clean-lo-tagged.pdf"),
		filepath.Join(fixtures, "clean-borderless-lo.pdf"),
		filepath.Join(fixtures, "clean-long-split-chromium.pdf"),
		filepath.Join(realDir, "hongze-gov-2023.pdf"),
		filepath.Join(realDir, "huaian-gov-2024.pdf"),
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			continue // the real reports are optional
		}
		b.Run(filepath.Base(f), func(b *testing.B) {
			doc, err := Parse(f, data, parser.DefaultOptions())
			if err != nil {
				b.Fatal(err)
			}
			pages := doc.Meta.Pages
			b.SetBytes(int64(len(data)))
			b.ResetTimer()
			cpu0 := cpuTime()
			for i := 0; i < b.N; i++ {
				if _, err := Parse(f, data, parser.DefaultOptions()); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*pages)/1e6, "ms/page")
			// CPU time (user+system, all threads) is steadier than wall
			// time on a shared machine.
			b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N*pages)/1e6, "cpu-ms/page")
		})
	}
}

// cpuTime is the process's user and system CPU time in nanoseconds.
func cpuTime() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}

// BenchmarkParseFixtures parses every fixtures/pdf/*.pdf once per
// iteration (the mix reportlint check sees on the benchmark folder).
func BenchmarkParseFixtures(b *testing.B) {
	names, _ := filepath.Glob(filepath.Join(fixtures, "*.pdf"))
	var datas [][]byte
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			b.Fatal(err)
		}
		datas = append(datas, data)
	}
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		for j, n := range names {
			_, _ = Parse(n, datas[j], parser.DefaultOptions())
		}
	}
	b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N*len(names))/1e6, "cpu-ms/file")
}
