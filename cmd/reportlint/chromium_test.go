package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// These tests drive Debian's chromium over the DevTools protocol
// (chromedp). .ci/run installs chromium; where it is absent they skip.
// RL_SCREENSHOTS=DIR keeps the screenshots for a person to look at.

func chromium(t *testing.T) context.Context {
	t.Helper()
	if testing.Short() {
		t.Skip("starts chromium; skipped with -short")
	}
	var path string
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			path = p
			break
		}
	}
	if path == "" {
		t.Skip("chromium is not installed (apt-get install chromium): the page is not rendered in a browser")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1400, 1000))
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	ctx, cancelT := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() { cancelT(); cancelC(); cancelA() })
	require.NoError(t, chromedp.Do(ctx), "start chromium")
	return ctx
}

func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(80))
	require.NoError(t, err)
	require.True(t, len(png) > 1000, "a screenshot was taken")
	if dir := os.Getenv("RL_SCREENSHOTS"); dir != "" {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), png, 0o644))
	}
}

func do(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	require.NoError(t, chromedp.Do(ctx, steps...))
}

func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	require.NoError(t, err, "%s", expr)
	return v
}

// cellState reads what the browser shows of a cell: its text, classes and
// computed background colour.
type cellState struct {
	Text, Class, Background string
	Visible                 bool
}

const cellStateJS = `(function(id){var e=document.getElementById(id); if(!e) return null;
var r=e.getBoundingClientRect(); return {Text:e.textContent.trim(), Class:e.className,
Background:getComputedStyle(e).backgroundColor, Visible:r.width>0&&r.height>0};})`

func TestHTMLSummaryInChromium(t *testing.T) {
	ctx := chromium(t)
	out := checkFiles(t, fixturesRoot+"/text/A301-table3-balance.txt", fixturesRoot+"/html/C201-placeholders.html", cleanFixture)
	var buf bytes.Buffer
	require.NoError(t, writeHTML(&buf, out))
	page := filepath.Join(t.TempDir(), "汇总.html")
	require.NoError(t, os.WriteFile(page, buf.Bytes(), 0o644))

	do(t, ctx, chromedp.Navigate("file://"+page), chromedp.WaitVisible(chromedp.CSS(`#f1-t3-R1-natural`)))
	cell := eval[cellState](t, ctx, cellStateJS+`("f1-t3-R1-natural")`)
	assert.Equal(t, "24", cell.Text)
	assert.Contains(t, cell.Class, "mark-error")
	assert.Equal(t, "rgb(255, 215, 215)", cell.Background, "the offending cell is drawn highlighted")
	assert.True(t, cell.Visible)
	screenshot(t, ctx, "summary.png")

	// The errors-only filter hides the reports without errors.
	do(t, ctx, chromedp.Click(chromedp.CSS(`input.only-errors`)))
	rows := eval[int](t, ctx, `Array.from(document.querySelectorAll("table.overview tbody tr")).filter(r=>r.offsetParent!==null).length`)
	assert.Equal(t, 1, rows, "only the report with errors is listed")
	assert.True(t, eval[bool](t, ctx, `document.getElementById("f3").offsetParent===null`), "the clean report's section is hidden too")

	// Sorting by 警告 (descending on the second click) puts file 2 first.
	do(t, ctx, chromedp.Click(chromedp.CSS(`input.only-errors`)),
		chromedp.Click(chromedp.CSS(`table.overview thead th:nth-child(8)`)),
		chromedp.Click(chromedp.CSS(`table.overview thead th:nth-child(8)`)))
	assert.Equal(t, "2", eval[string](t, ctx, `document.querySelector("table.overview tbody tr td").textContent`))

	// Clicking a finding reaches its cell.
	do(t, ctx, chromedp.Click(chromedp.CSS(`#f1 a.goto[href="#f1-t3-R1-total"]`)), chromedp.Sleep(200*time.Millisecond))
	assert.True(t, eval[bool](t, ctx, `document.getElementById("f1-t3-R1-total").classList.contains("flash")`),
		"the cell of the clicked finding is brought into view and flashed")
}

// TestServePageInChromium is the end-to-end test of reportlint serve: the
// page is opened from the server, a report with a broken table 三 is given
// to its file picker, and the highlighted cell and the finding appear.
func TestServePageInChromium(t *testing.T) {
	ctx := chromium(t)
	ts := startServer(t, serveConfig{})
	fixture, err := filepath.Abs(fixturesRoot + "/html/A301-table3-balance.html")
	require.NoError(t, err)
	clean, err := filepath.Abs(cleanFixture)
	require.NoError(t, err)

	do(t, ctx, chromedp.Navigate(ts.URL+"/"), chromedp.WaitVisible(chromedp.CSS(`#drop`)))
	eval[int](t, ctx, `window.__csp=0; document.addEventListener("securitypolicyviolation",()=>window.__csp++); 0`)
	do(t, ctx, chromedp.SetUploadFiles(chromedp.CSS(`#file`), []string{fixture}),
		chromedp.WaitVisible(chromedp.CSS(`#out td.mark-error`)))
	id := eval[string](t, ctx, `document.querySelector("#out td.mark-error").id`)
	assert.Equal(t, "f1-t3-R1-natural", id, "the cell of the broken identity is highlighted")
	cell := eval[cellState](t, ctx, cellStateJS+`("f1-t3-R1-natural")`)
	assert.Equal(t, "rgb(255, 215, 215)", cell.Background, "highlighted cell")
	assert.True(t, cell.Visible)
	finding, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#out li.finding.sev-error`)))
	require.NoError(t, err)
	assert.Contains(t, finding, "A301")
	assert.Contains(t, finding, "表三「自然人」列")
	status, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#status`)))
	require.NoError(t, err)
	assert.Contains(t, status, "检查完成")
	assert.Zero(t, eval[int](t, ctx, `window.__csp`), "the page runs under its CSP")
	screenshot(t, ctx, "serve-one.png")

	// The finding links to its cell.
	do(t, ctx, chromedp.Click(chromedp.CSS(`#out li.finding.sev-error a.goto`)), chromedp.Sleep(200*time.Millisecond))
	assert.True(t, eval[bool](t, ctx, `document.getElementById("f1-t3-R1-natural").classList.contains("flash")`))

	// Several files: an overview table first.
	do(t, ctx, chromedp.SetUploadFiles(chromedp.CSS(`#file`), []string{fixture, clean}),
		chromedp.WaitVisible(chromedp.CSS(`#out table.overview`)))
	assert.Equal(t, 2, eval[int](t, ctx, `document.querySelectorAll("#out table.overview tbody tr").length`))
	screenshot(t, ctx, "serve-two.png")

	// A file that is not a report: a P001 finding on the page, not an error.
	notReport := filepath.Join(t.TempDir(), "会议纪要.txt")
	require.NoError(t, os.WriteFile(notReport, []byte(strings.Repeat("今天开会讨论了食堂的菜单。\n", 20)), 0o644))
	do(t, ctx, chromedp.SetUploadFiles(chromedp.CSS(`#file`), []string{notReport}),
		chromedp.WaitVisible(chromedp.CSS(`#out .st-无法读取`)))
	text, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#out`)))
	require.NoError(t, err)
	assert.Contains(t, text, "P001")

	// Unusual inputs together: a name with quotes and markup, an upload over
	// the limit (skipped by the page with a message; the rest is checked).
	dir := t.TempDir()
	evil := filepath.Join(dir, `a"<img src=x onerror=alert(1)>'.txt`)
	data, err := os.ReadFile(cleanFixture)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(evil, data, 0o644))
	big := filepath.Join(dir, "大文件.pdf")
	require.NoError(t, os.WriteFile(big, bytes.Repeat([]byte("%PDF-1.7\n"), 8<<20), 0o644)) // 72 MB > 64 MB
	do(t, ctx, chromedp.SetUploadFiles(chromedp.CSS(`#file`), []string{evil, big}),
		chromedp.WaitVisible(chromedp.CSS(`#out section.report`)))
	status, err = chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#status`)))
	require.NoError(t, err)
	assert.Contains(t, status, "超过大小上限 64 MB，没有检查：大文件.pdf")
	assert.Zero(t, eval[int](t, ctx, `document.querySelectorAll("#out img").length`), "names are shown as text")
	text, err = chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#out h2`)))
	require.NoError(t, err)
	assert.Contains(t, text, `a"<img src=x onerror=alert(1)>'.txt`)

	// A request over the server's limit sent anyway (a page without the
	// limits, a script): the answer is the 413 JSON message.
	got, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(async()=>{const f=new FormData(); f.append("file", new Blob([new Uint8Array(80<<20)]), "x.pdf");
try { const r = await fetch("/api/check",{method:"POST",body:f}); return r.status+" "+(await r.json()).error; } catch(e) { return "network error: "+e; }})()`, chromedp.EvalAwaitPromise))
	require.NoError(t, err)
	t.Logf("browser upload over the limit: %s", got)
	assert.True(t, strings.HasPrefix(got, "413 ") || strings.HasPrefix(got, "network error"), got)
}
