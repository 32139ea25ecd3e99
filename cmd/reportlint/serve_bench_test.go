package main

import (
	"bytes"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Load tests of reportlint serve on loopback (go test -bench Serve -run '^$'
// ./cmd/reportlint). Each request uploads one report to /api/check over a
// real TCP connection and reads the whole answer. Reported: checks/s and
// the 99th-percentile latency, for 1 and 16 concurrent clients, and the CPU
// time per check (server and clients in this process together), which
// depends less on what else the machine is doing.
// BenchmarkServeSoak runs 16 clients for RL_SOAK (default 30s) once and
// fails unless every request was answered 200 and nothing is left in the
// temp directory; it reports the peak heap.

var loadFixtures = map[string]string{
	"html":    fixturesRoot + "/html/clean-table3-split.html", // 125 KB, tables split over several <table>
	"pdf5":    fixturesRoot + "/pdf/clean-long-split-lo.pdf",  // 5 pages, LibreOffice
	"textdef": fixturesRoot + "/text/A301-table3-balance.txt",
}

type loadClient struct {
	url, ctype string
	body       []byte
	client     *http.Client
}

func newLoadClient(b *testing.B, url, fixture string, conns int) *loadClient {
	data, err := os.ReadFile(fixture)
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	w, _ := mw.CreateFormFile("file", "report"+fixture[len(fixture)-5:])
	_, _ = w.Write(data)
	_ = mw.Close()
	tr := &http.Transport{MaxIdleConnsPerHost: conns, MaxConnsPerHost: conns}
	return &loadClient{url: url + "/api/check", ctype: mw.FormDataContentType(), body: buf.Bytes(),
		client: &http.Client{Transport: tr, Timeout: 5 * time.Minute}}
}

// do sends one check and returns its status (0 on a transport error).
func (c *loadClient) do() int {
	resp, err := c.client.Post(c.url, c.ctype, bytes.NewReader(c.body))
	if err != nil {
		return 0
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode
}

func benchServe(b *testing.B, fixture string, clients int, isolate bool) {
	tmp := b.TempDir()
	s := newServer(serveConfig{TempDir: tmp, Queue: 64, Isolate: isolate})
	hs := httptest.NewServer(s)
	defer hs.Close()
	c := newLoadClient(b, hs.URL, fixture, clients)
	if code := c.do(); code != http.StatusOK {
		b.Fatalf("warm-up: status %d", code)
	}
	var mu sync.Mutex
	var lat []time.Duration
	var failed atomic.Int64
	next := make(chan struct{})
	b.ResetTimer()
	start, cpu0 := time.Now(), processCPU()
	var wg sync.WaitGroup
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []time.Duration
			for range next {
				t0 := time.Now()
				if c.do() != http.StatusOK {
					failed.Add(1)
				}
				mine = append(mine, time.Since(t0))
			}
			mu.Lock()
			lat = append(lat, mine...)
			mu.Unlock()
		}()
	}
	for range b.N {
		next <- struct{}{}
	}
	close(next)
	wg.Wait()
	elapsed, cpu := time.Since(start), processCPU()-cpu0
	b.StopTimer()
	if n := failed.Load(); n > 0 {
		b.Fatalf("%d of %d requests not answered 200", n, b.N)
	}
	slices.Sort(lat)
	b.ReportMetric(float64(b.N)/elapsed.Seconds(), "checks/s")
	b.ReportMetric(float64(lat[(len(lat)*99)/100].Microseconds())/1000, "p99-ms")
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
	// CPU of server and clients together, per check.
	b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/check")
	if entries, _ := os.ReadDir(tmp); len(entries) > 0 {
		b.Fatalf("%d entries left in the temp directory", len(entries))
	}
}

func BenchmarkServe(b *testing.B) {
	for _, f := range []string{"html", "pdf5"} {
		for _, clients := range []int{1, 16} {
			b.Run(fmt.Sprintf("%s/clients=%d", f, clients), func(b *testing.B) { benchServe(b, loadFixtures[f], clients, false) })
		}
	}
	// serve --isolate: each request in a worker process.
	for _, clients := range []int{1, 16} {
		b.Run(fmt.Sprintf("html-isolate/clients=%d", clients), func(b *testing.B) { benchServe(b, loadFixtures["html"], clients, true) })
	}
}

// BenchmarkServeSoak: 16 clients for RL_SOAK (default 30s), once, mixing an
// HTML report, a 5-page PDF and a text report with a defect.
func BenchmarkServeSoak(b *testing.B) {
	d := 30 * time.Second
	if v := os.Getenv("RL_SOAK"); v != "" {
		var err error
		if d, err = time.ParseDuration(v); err != nil {
			b.Fatal(err)
		}
	}
	if b.N > 1 {
		b.Skip("runs once")
	}
	tmp := b.TempDir()
	s := newServer(serveConfig{TempDir: tmp, Queue: 64})
	hs := httptest.NewServer(s)
	defer hs.Close()
	var cs []*loadClient
	for _, f := range []string{"html", "pdf5", "textdef"} {
		cs = append(cs, newLoadClient(b, hs.URL, loadFixtures[f], 16))
	}
	runtime.GC()
	var base runtime.MemStats
	runtime.ReadMemStats(&base)
	var peakHeap, peakSys atomic.Uint64
	stop := make(chan struct{})
	var sampler sync.WaitGroup
	sampler.Add(1)
	go func() {
		defer sampler.Done()
		t := time.NewTicker(100 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				var m runtime.MemStats
				runtime.ReadMemStats(&m)
				if m.HeapInuse > peakHeap.Load() {
					peakHeap.Store(m.HeapInuse)
				}
				if m.Sys > peakSys.Load() {
					peakSys.Store(m.Sys)
				}
			}
		}
	}()
	var total, failed atomic.Int64
	var wg sync.WaitGroup
	deadline := time.Now().Add(d)
	for i := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := cs[i%len(cs)]
			for time.Now().Before(deadline) {
				total.Add(1)
				if code := c.do(); code != http.StatusOK {
					failed.Add(1)
				}
			}
		}()
	}
	wg.Wait()
	close(stop)
	sampler.Wait()
	b.ReportMetric(float64(total.Load()), "requests")
	b.ReportMetric(float64(total.Load())/d.Seconds(), "checks/s")
	b.ReportMetric(float64(peakHeap.Load())/(1<<20), "peak-heap-MB")
	b.ReportMetric(float64(peakSys.Load())/(1<<20), "peak-sys-MB")
	if n := failed.Load(); n > 0 {
		b.Fatalf("%d of %d requests not answered 200", n, total.Load())
	}
	if entries, _ := os.ReadDir(tmp); len(entries) > 0 {
		b.Fatalf("%d entries left in the temp directory", len(entries))
	}
}
