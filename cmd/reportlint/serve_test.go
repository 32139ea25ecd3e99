package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/reportlint/reportlint/rules"
)

type testServer struct {
	*server
	URL string
	tmp string
}

// startServer starts reportlint serve's handler on a loopback port with
// its uploads spooled under a temp dir of the test, which must be empty
// when the test ends.
func startServer(t *testing.T, cfg serveConfig, tweak ...func(*server)) *testServer {
	t.Helper()
	cfg.TempDir = t.TempDir()
	s := newServer(cfg)
	for _, f := range tweak {
		f(s)
	}
	hs := httptest.NewServer(s)
	t.Cleanup(func() {
		hs.Close()
		assertEmptyDir(t, cfg.TempDir)
	})
	return &testServer{server: s, URL: hs.URL, tmp: cfg.TempDir}
}

func assertEmptyDir(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	assert.Empty(t, names, "nothing uploaded is left in the temp directory")
}

type part struct {
	name string
	data []byte
}

func fixturePart(t *testing.T, rel string) part {
	t.Helper()
	b, err := os.ReadFile(fixturesRoot + "/" + rel)
	require.NoError(t, err)
	return part{rel[strings.LastIndex(rel, "/")+1:], b}
}

func multipartBody(t *testing.T, parts ...part) (*bytes.Buffer, string) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for _, p := range parts {
		w, err := mw.CreateFormFile("file", p.name)
		require.NoError(t, err)
		_, err = w.Write(p.data)
		require.NoError(t, err)
	}
	require.NoError(t, mw.Close())
	return &buf, mw.FormDataContentType()
}

func post(t *testing.T, url string, parts ...part) (*http.Response, []byte) {
	t.Helper()
	body, ctype := multipartBody(t, parts...)
	resp, err := http.Post(url, ctype, body)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp, b
}

func get(t *testing.T, url string) (*http.Response, []byte) {
	t.Helper()
	resp, err := http.Get(url)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp, b
}

// errorOf decodes an error answer: JSON with a Chinese message.
func errorOf(t *testing.T, resp *http.Response, body []byte) string {
	t.Helper()
	assert.Equal(t, "application/json; charset=utf-8", resp.Header.Get("Content-Type"))
	var e struct {
		Error  string `json:"error"`
		Status int    `json:"status"`
	}
	require.NoError(t, json.Unmarshal(body, &e), "error answers are JSON: %s", body)
	assert.Equal(t, resp.StatusCode, e.Status)
	assert.Regexp(t, `\p{Han}`, e.Error, "message in Chinese")
	assert.NotContains(t, string(body), "goroutine")
	assert.NotContains(t, string(body), ".go:")
	return e.Error
}

func TestServeCheckSameAsCLI(t *testing.T) {
	ts := startServer(t, serveConfig{})
	const rel = "text/A301-table3-balance.txt"
	resp, body := post(t, ts.URL+"/api/check", fixturePart(t, rel))
	require.Equal(t, http.StatusOK, resp.StatusCode, "%s", body)
	assert.Equal(t, "no-store", resp.Header.Get("Cache-Control"))
	assert.Equal(t, "nosniff", resp.Header.Get("X-Content-Type-Options"))
	var got jsonCheck
	require.NoError(t, json.Unmarshal(body, &got))
	require.Len(t, got.Files, 1)
	assert.Equal(t, "A301-table3-balance.txt", got.Files[0].Path, "results name the upload, never a temp path")
	assert.NotContains(t, string(body), ts.tmp)

	// The same answer as `reportlint check --format json`, path aside.
	cli, _, code := runArgs("check", "--format", "json", fixturesRoot+"/"+rel)
	assert.Equal(t, exitError, code)
	var want jsonCheck
	require.NoError(t, json.Unmarshal([]byte(cli), &want))
	want.Files[0].Path = got.Files[0].Path
	assert.Equal(t, want, got)
	assert.Equal(t, "A301", got.Files[0].Findings[0].Rule)
	assert.Equal(t, jsonLocation{Line: 39, Column: 19, Table: "三", Row: "R1", Col: "natural"}, got.Files[0].Findings[0].Location)
}

// TestServeIsolated: with --isolate a request's file is checked in a worker
// process, with the same answer.
func TestServeIsolated(t *testing.T) {
	plain := startServer(t, serveConfig{})
	iso := startServer(t, serveConfig{Isolate: true})
	p := fixturePart(t, "text/A301-table3-balance.txt")
	_, want := post(t, plain.URL+"/api/check", p)
	resp, got := post(t, iso.URL+"/api/check", p)
	require.Equal(t, http.StatusOK, resp.StatusCode, "%s", got)
	assert.JSONEq(t, string(want), string(got))
}

func TestServeSeveralFilesAndFormats(t *testing.T) {
	ts := startServer(t, serveConfig{})
	parts := []part{fixturePart(t, "text/A304-table4-total.txt"), fixturePart(t, "text/clean-department-2024.txt"), {"空.txt", nil}}
	resp, body := post(t, ts.URL+"/api/check", parts...)
	require.Equal(t, http.StatusOK, resp.StatusCode, "%s", body)
	var got jsonCheck
	require.NoError(t, json.Unmarshal(body, &got))
	require.Len(t, got.Files, 3, "every file answered, in upload order")
	assert.Equal(t, "A304", got.Files[0].Findings[0].Rule)
	assert.Empty(t, got.Files[1].Findings)
	assert.Equal(t, "P001", got.Files[2].Findings[0].Rule, "an empty file is a finding, not an error answer")

	resp, body = post(t, ts.URL+"/api/check?format=csv", parts...)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Contains(t, resp.Header.Get("Content-Disposition"), "attachment")
	assert.Contains(t, string(body), "A304")
	resp, body = post(t, ts.URL+"/api/check?format=xlsx", parts...)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, "PK", string(body[:2]), "an xlsx is a zip")
	resp, body = post(t, ts.URL+"/api/check?format=yaml", parts...)
	assert.Equal(t, http.StatusBadRequest, resp.StatusCode)
	errorOf(t, resp, body)

	resp, body = post(t, ts.URL+"/api/view", parts...)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	var view struct {
		Check jsonCheck `json:"check"`
		HTML  string    `json:"html"`
	}
	require.NoError(t, json.Unmarshal(body, &view))
	assert.Equal(t, got, view.Check)
	assert.Contains(t, view.HTML, `class="overview sortable"`, "several files: an overview first")
	assert.Contains(t, view.HTML, `id="f1-t4-review-total"`)
	assert.NotContains(t, view.HTML, "<script", "the fragment carries no script")
}

func TestServeExtract(t *testing.T) {
	ts := startServer(t, serveConfig{})
	resp, body := post(t, ts.URL+"/api/extract", fixturePart(t, "text/A301-table3-balance.txt"))
	require.Equal(t, http.StatusOK, resp.StatusCode, "%s", body)
	var got Extract
	require.NoError(t, json.Unmarshal(body, &got))
	golden, err := os.ReadFile(fixturesRoot + "/text/A301-table3-balance.txt.extract.json")
	require.NoError(t, err)
	var want Extract
	require.NoError(t, json.Unmarshal(golden, &want))
	assert.Equal(t, want.Table3, got.Table3)
	assert.Equal(t, want.Table2, got.Table2)
	assert.Equal(t, "A301-table3-balance.txt", got.Path)

	resp, body = post(t, ts.URL+"/api/extract", fixturePart(t, "text/A301-table3-balance.txt"), fixturePart(t, "text/clean-department-2024.txt"))
	require.Equal(t, http.StatusOK, resp.StatusCode)
	var many []Extract
	require.NoError(t, json.Unmarshal(body, &many))
	assert.Len(t, many, 2)
}

func TestServeRulesHealthzPage(t *testing.T) {
	ts := startServer(t, serveConfig{MaxSize: 1 << 20})
	resp, body := get(t, ts.URL+"/api/rules")
	require.Equal(t, http.StatusOK, resp.StatusCode)
	var list []ruleJSON
	require.NoError(t, json.Unmarshal(body, &list))
	assert.Len(t, list, len(rules.All()))
	assert.Equal(t, ruleJSON{"A301", "table3-balance", "error", rules.Lookup("A301").Summary}, list[indexOfRule(list, "A301")])

	resp, body = get(t, ts.URL+"/healthz")
	require.Equal(t, http.StatusOK, resp.StatusCode)
	var h map[string]any
	require.NoError(t, json.Unmarshal(body, &h))
	assert.Equal(t, "ok", h["status"])
	assert.EqualValues(t, 1<<20, h["max_size"])

	resp, body = get(t, ts.URL+"/")
	require.Equal(t, http.StatusOK, resp.StatusCode)
	csp := resp.Header.Get("Content-Security-Policy")
	assert.Contains(t, csp, "default-src 'self'")
	assert.Contains(t, csp, "script-src 'self'")
	assert.NotContains(t, csp, "unsafe-inline")
	assert.Contains(t, csp, "frame-ancestors 'none'")
	page := string(body)
	assert.Contains(t, page, "政府信息公开工作年度报告自查")
	assert.Contains(t, page, `<script src="/report.js"></script>`)
	assert.NotRegexp(t, `<script>`, page, "no inline script")
	assert.NotRegexp(t, `https?://`, page, "no CDN")
	for _, asset := range []string{"/report.js", "/serve.js", "/report.css", "/serve.css"} {
		resp, body := get(t, ts.URL+asset)
		assert.Equal(t, http.StatusOK, resp.StatusCode, asset)
		assert.NotEmpty(t, body, asset)
		assert.NotRegexp(t, `https?://`, string(body), asset)
	}
	resp, body = get(t, ts.URL+"/no/such/page")
	assert.Equal(t, http.StatusNotFound, resp.StatusCode)
	errorOf(t, resp, body)
	resp, body = get(t, ts.URL+"/api/check")
	assert.Equal(t, http.StatusMethodNotAllowed, resp.StatusCode)
	errorOf(t, resp, body)
}

func indexOfRule(list []ruleJSON, id string) int {
	for i, r := range list {
		if r.ID == id {
			return i
		}
	}
	return -1
}

func TestServeOversizeUpload(t *testing.T) {
	ts := startServer(t, serveConfig{MaxSize: 64 << 10, MaxFiles: 3})
	big := part{"大文件.pdf", bytes.Repeat([]byte("%PDF-1.7\n"), 100<<10)}
	resp, body := post(t, ts.URL+"/api/check", big)
	assert.Equal(t, http.StatusRequestEntityTooLarge, resp.StatusCode)
	msg := errorOf(t, resp, body)
	assert.Contains(t, msg, "超过大小上限")
	assert.Contains(t, msg, "大文件.pdf")

	// Too many files, and a request over the total limit.
	small := fixturePart(t, "text/clean-department-2024.txt")
	resp, body = post(t, ts.URL+"/api/check", small, small, small, small)
	assert.Equal(t, http.StatusRequestEntityTooLarge, resp.StatusCode)
	assert.Contains(t, errorOf(t, resp, body), "一次最多上传 3 个文件")

	// The server keeps serving.
	resp, body = post(t, ts.URL+"/api/check", small)
	require.Equal(t, http.StatusOK, resp.StatusCode, "%s", body)
	resp, _ = get(t, ts.URL+"/healthz")
	assert.Equal(t, http.StatusOK, resp.StatusCode)
}

func TestServeBadRequests(t *testing.T) {
	ts := startServer(t, serveConfig{})
	// Not multipart.
	resp, err := http.Post(ts.URL+"/api/check", "text/plain", strings.NewReader("hello"))
	require.NoError(t, err)
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	assert.Equal(t, http.StatusBadRequest, resp.StatusCode)
	assert.Contains(t, errorOf(t, resp, body), "multipart/form-data")

	// Multipart without a file.
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	require.NoError(t, mw.WriteField("comment", "no file"))
	require.NoError(t, mw.Close())
	resp, err = http.Post(ts.URL+"/api/check", mw.FormDataContentType(), &buf)
	require.NoError(t, err)
	body, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	assert.Equal(t, http.StatusBadRequest, resp.StatusCode)
	assert.Contains(t, errorOf(t, resp, body), "没有收到文件")

	// A truncated multipart body.
	full, ctype := multipartBody(t, fixturePart(t, "text/clean-department-2024.txt"))
	cut := full.Bytes()[:full.Len()/2]
	resp, err = http.Post(ts.URL+"/api/check", ctype, bytes.NewReader(cut))
	require.NoError(t, err)
	body, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	assert.Equal(t, http.StatusBadRequest, resp.StatusCode)
	assert.Contains(t, errorOf(t, resp, body), "不完整")

	// A name with path parts, quotes and markup.
	evil := `..\..\a"<img src=x onerror=alert(1)>'.txt`
	clean, err := os.ReadFile(cleanFixture)
	require.NoError(t, err)
	resp, body = post(t, ts.URL+"/api/view", part{evil, clean})
	require.Equal(t, http.StatusOK, resp.StatusCode)
	var view struct {
		Check jsonCheck `json:"check"`
		HTML  string    `json:"html"`
	}
	require.NoError(t, json.Unmarshal(body, &view))
	assert.False(t, strings.Contains(view.HTML, "<img src=x"), "names are escaped in the rendered results")
	assert.Contains(t, view.HTML, "a&#34;&lt;img src=x onerror=alert(1)&gt;&#39;.txt")
	assert.Equal(t, `a"<img src=x onerror=alert(1)>'.txt`, view.Check.Files[0].Path, "only the last element of the name")
}

func TestServeInternalErrorIsJSON(t *testing.T) {
	ts := startServer(t, serveConfig{}, func(s *server) {
		s.check = func(context.Context, []upload) []checked { panic("boom") }
	})
	resp, body := post(t, ts.URL+"/api/check", fixturePart(t, "text/clean-department-2024.txt"))
	assert.Equal(t, http.StatusInternalServerError, resp.StatusCode)
	msg := errorOf(t, resp, body)
	assert.NotContains(t, msg, "boom")
}

// TestServeConcurrencyBound: with one worker and one place in the queue, a
// third simultaneous request is refused with 503, and at most one request
// is checked at a time.
func TestServeConcurrencyBound(t *testing.T) {
	release := make(chan struct{})
	started := make(chan struct{}, 8)
	var running, peak atomic.Int32
	ts := startServer(t, serveConfig{Workers: 1, Queue: 1}, func(s *server) {
		real := s.check
		s.check = func(ctx context.Context, files []upload) []checked {
			n := running.Add(1)
			for {
				p := peak.Load()
				if n <= p || peak.CompareAndSwap(p, n) {
					break
				}
			}
			started <- struct{}{}
			<-release
			defer running.Add(-1)
			return real(ctx, files)
		}
	})
	small := fixturePart(t, "text/clean-department-2024.txt")
	var wg sync.WaitGroup
	codes := make([]int, 2)
	for i := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			resp, _ := post(t, ts.URL+"/api/check", small)
			codes[i] = resp.StatusCode
		}()
	}
	<-started // one request holds the worker
	// Wait until the second has been admitted (it waits for the worker).
	deadline := time.Now().Add(10 * time.Second)
	for len(ts.admitted) < 2 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	require.Equal(t, 2, len(ts.admitted))
	resp, body := post(t, ts.URL+"/api/check", small)
	assert.Equal(t, http.StatusServiceUnavailable, resp.StatusCode)
	assert.Contains(t, errorOf(t, resp, body), "服务器正忙")
	assert.NotEmpty(t, resp.Header.Get("Retry-After"))
	close(release)
	wg.Wait()
	assert.Equal(t, []int{200, 200}, codes)
	assert.EqualValues(t, 1, peak.Load(), "one request checked at a time")
}

func TestIsLoopback(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1:8080": true, "localhost:80": true, "[::1]:8080": true, "127.0.0.2:1": true,
		"0.0.0.0:8080": false, ":8080": false, "192.168.1.5:8080": false, "[::]:80": false, "bad": false,
	} {
		assert.Equal(t, want, isLoopback(addr), addr)
	}
	assert.Equal(t, "127.0.0.1:8080", browserHost("0.0.0.0:8080"))
	assert.Equal(t, "127.0.0.1:8080", browserHost("[::]:8080"))
}

// TestServeNoArguments: started with no arguments (a double-click on
// Windows) the binary serves the page on loopback, opens the browser and
// prints the address.
func TestServeNoArguments(t *testing.T) {
	var opened string
	oldOpen, oldReady := openBrowser, serveReady
	t.Cleanup(func() { openBrowser, serveReady = oldOpen, oldReady })
	openBrowser = func(url string) error { opened = url; return nil }
	var health int
	serveReady = func(addr string, stop func()) {
		go func() {
			defer stop()
			resp, err := http.Get("http://" + addr + "/healthz")
			if err == nil {
				health = resp.StatusCode
				resp.Body.Close()
			}
		}()
	}
	var stdout, stderr bytes.Buffer
	code := run(nil, &stdout, &stderr)
	assert.Equal(t, exitOK, code, stderr.String())
	assert.Equal(t, http.StatusOK, health)
	require.NotEmpty(t, opened, "the browser was opened")
	assert.Regexp(t, `^http://127\.0\.0\.1:\d+/$`, opened)
	assert.Contains(t, stdout.String(), opened, "the address is printed")
	assert.NotContains(t, stderr.String(), "警告", "loopback: no warning")

	// Listening elsewhere warns.
	openBrowser = func(string) error { t.Error("browser opened without --open"); return nil }
	serveReady = func(_ string, stop func()) { stop() }
	stdout.Reset()
	stderr.Reset()
	code = run([]string{"serve", "--addr", "0.0.0.0:0"}, &stdout, &stderr)
	assert.Equal(t, exitOK, code, stderr.String())
	assert.Contains(t, stderr.String(), "警告：正在监听 0.0.0.0:0")
	_, _, code = runArgs("serve", "some/path")
	assert.Equal(t, exitUsage, code)
}

func TestHumanBytes(t *testing.T) {
	assert.Equal(t, "64 MB", humanBytes(64<<20))
	assert.Equal(t, "1.5 MB", humanBytes(3<<19))
	assert.Equal(t, "64 KB", humanBytes(64<<10))
	assert.Equal(t, fmt.Sprint(12, " 字节"), humanBytes(12))
}

func TestCleanName(t *testing.T) {
	for in, want := range map[string]string{
		`a%22b%22.txt`:           `a"b".txt`, // Chromium's form-data encoding of "
		`C:\Users\x\年报.pdf`:      "年报.pdf",
		"../../etc/passwd":       "passwd",
		"a\x00b\x1f.txt":         "ab.txt",
		"..":                     "未命名文件",
		"":                       "未命名文件",
		"two%0D%0Alines.html":    "twolines.html",
		strings.Repeat("长", 300): strings.Repeat("长", 200),
	} {
		assert.Equal(t, want, cleanName(in), in)
	}
	assert.Equal(t, ".pdf", safeExt("年报.PDF"))
	assert.Equal(t, ".upload", safeExt(`a.p"df`))
	assert.Equal(t, ".upload", safeExt("noext"))
}

// TestServeIsolatedMemoryCap: an isolated upload that takes more than the
// worker's memory cap is a P001 naming the cap, in a worker the server
// kills; the server answers the next request (and /api/extract is isolated
// the same way).
func TestServeIsolatedMemoryCap(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("starts worker processes with a small memory cap")
	}
	t.Setenv("REPORTLINT_WORKER_MEM_MB", "40")
	// under the page limits (24,000 cells, 48,000 elements), but about
	// 100 MB to check, long enough for the parent's RSS watch to see
	row := "<tr>" + strings.Repeat("<td>"+strings.Repeat("本机关主动公开政府信息", 20)+"</td>", 100) + "</tr>\n"
	big := part{"大.html", []byte("<html><body><h1>2023年政府信息公开工作年度报告</h1><table>" + strings.Repeat(row, 240) + "</table></body></html>")}
	iso := startServer(t, serveConfig{Isolate: true})
	resp, body := post(t, iso.URL+"/api/check", big)
	require.Equal(t, http.StatusOK, resp.StatusCode, "%s", body)
	var got jsonCheck
	require.NoError(t, json.Unmarshal(body, &got))
	require.Len(t, got.Files, 1)
	require.NotEmpty(t, got.Files[0].Findings)
	assert.Equal(t, "P001", got.Files[0].Findings[0].Rule)
	assert.Contains(t, got.Files[0].Findings[0].Message, "内存超过上限（40 MB）")
	resp, body = post(t, iso.URL+"/api/extract", big)
	assert.Contains(t, string(body), "内存超过上限", "extract: %d", resp.StatusCode)
	resp, body = post(t, iso.URL+"/api/check", fixturePart(t, "text/A301-table3-balance.txt"))
	require.Equal(t, http.StatusOK, resp.StatusCode, "%s", body)
	assert.Contains(t, string(body), "A301")
}
