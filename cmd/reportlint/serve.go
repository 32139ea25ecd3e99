package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"mime"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	"github.com/reportlint/reportlint/parser"
	"github.com/reportlint/reportlint/rules"
)

// reportlint serve: a self-check page for the people who write the reports,
// and the HTTP API behind it. Uploads are checked on the same path as
// `reportlint check` and answered with the same JSON; nothing uploaded is
// kept, logged or sent back except as findings.

const defaultAddr = "127.0.0.1:8080"

// serveConfig holds the server's limits.
type serveConfig struct {
	// MaxSize is the largest file accepted (bytes); MaxFiles the most files
	// in one request. The whole request may be MaxFiles*MaxSize at most, and
	// never more than MaxRequest.
	MaxSize    int64
	MaxFiles   int
	MaxRequest int64
	// Workers files are checked at once; Queue more requests may wait.
	Workers, Queue int
	// QueueWait is how long a request waits for a worker before 503.
	QueueWait time.Duration
	// TempDir is where uploads are spooled (a private directory is made
	// inside it, and removed at the end of each request).
	TempDir string
	Options parser.Options
	Conf    *fileConfig
	// Isolate checks every request's files in a worker process, so that a
	// file that exhausts memory or hangs cannot take the server down (the
	// default of reportlint serve; --isolate=false turns it off).
	Isolate bool
}

// server is the HTTP handler of reportlint serve.
type server struct {
	cfg serveConfig
	// admitted holds one token per request being served or waiting; a full
	// channel answers 503. workers holds one token per file being checked.
	admitted, workers chan struct{}
	// check is the one place uploads are checked (swappable in tests).
	check func(ctx context.Context, files []upload) []checked
	mux   *http.ServeMux
}

func newServer(cfg serveConfig) *server {
	if cfg.Workers <= 0 {
		cfg.Workers = runtime.NumCPU()
	}
	if cfg.Queue < 0 {
		cfg.Queue = 0
	}
	if cfg.MaxFiles <= 0 {
		cfg.MaxFiles = 50
	}
	if cfg.MaxSize <= 0 {
		cfg.MaxSize = parser.DefaultOptions().MaxBytes
	}
	if cfg.MaxRequest <= 0 {
		cfg.MaxRequest = 256 << 20
	}
	if cfg.QueueWait <= 0 {
		cfg.QueueWait = 2 * time.Minute
	}
	if cfg.Conf == nil {
		cfg.Conf = &fileConfig{}
	}
	if cfg.Options.MaxBytes == 0 {
		cfg.Options = parser.DefaultOptions()
	}
	cfg.Options.MaxBytes = cfg.MaxSize
	s := &server{cfg: cfg,
		admitted: make(chan struct{}, cfg.Workers+cfg.Queue),
		workers:  make(chan struct{}, cfg.Workers),
		mux:      http.NewServeMux()}
	s.check = s.checkUploads
	s.routes()
	return s
}

// checkUploads checks a request's files as `check` checks a batch
// (checkBatch: one file in this process, several in a worker process, the
// reports of one issuer and consecutive years paired for the cross-year
// rules) and gives the results the names the user gave the files.
func (s *server) checkUploads(ctx context.Context, files []upload) []checked {
	defer s.freeMemory()
	out := checkBatch(ctx, uploadPaths(files), checkOptions{Jobs: 1, Isolate: s.cfg.Isolate, Share: s.cfg.Workers, Opts: s.cfg.Options, Cfg: s.cfg.Conf.Rules})
	for i := range out {
		c := &out[i]
		c.Path = files[i].Name
		c.Previous = renameUpload(c.Previous, files)
		if t := c.Tables(); t != nil {
			t.Path = files[i].Name
		}
		for j := range c.Findings {
			c.Findings[j].Message = renameUpload(c.Findings[j].Message, files)
		}
	}
	return out
}

// freeMemory returns a large heap to the OS after a request checked in
// this process (--isolate=false): a big upload would otherwise keep the
// server's RSS at its peak until the runtime's scavenger gets to it.
func (s *server) freeMemory() {
	if s.cfg.Isolate {
		return
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	if ms.HeapSys-ms.HeapReleased > 64<<20 {
		debug.FreeOSMemory()
	}
}

// extractUploads reads a request's files as `extract` reads them.
func (s *server) extractUploads(files []upload) []fileResult {
	defer s.freeMemory()
	results := readFiles(uploadPaths(files), batchOptions{Jobs: 1, Isolate: s.cfg.Isolate, Share: s.cfg.Workers}, s.cfg.Options, nil)
	for i := range results {
		results[i].Path = files[i].Name
	}
	return results
}

func uploadPaths(files []upload) []string {
	paths := make([]string, len(files))
	for i, f := range files {
		paths[i] = f.Path
	}
	return paths
}

// renameUpload replaces the spool paths in s by the uploads' names.
func renameUpload(s string, files []upload) string {
	for _, f := range files {
		s = strings.ReplaceAll(s, f.Path, f.Name)
	}
	return s
}

func (s *server) routes() {
	s.mux.HandleFunc("GET /{$}", s.static("serve.html"))
	s.mux.HandleFunc("GET /report.css", s.static("report.css"))
	s.mux.HandleFunc("GET /report.js", s.static("report.js"))
	s.mux.HandleFunc("GET /serve.js", s.static("serve.js"))
	s.mux.HandleFunc("GET /serve.css", s.static("serve.css"))
	s.mux.HandleFunc("GET /healthz", s.healthz)
	s.mux.HandleFunc("GET /api/rules", s.apiRules)
	s.mux.HandleFunc("POST /api/check", s.apiCheck)
	s.mux.HandleFunc("POST /api/view", s.apiView)
	s.mux.HandleFunc("POST /api/extract", s.apiExtract)
	s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/api/") {
			for _, p := range []string{"/api/check", "/api/view", "/api/extract", "/api/rules"} {
				if r.URL.Path == p {
					w.Header().Set("Allow", map[bool]string{true: "GET", false: "POST"}[p == "/api/rules"])
					jsonError(w, http.StatusMethodNotAllowed, "该接口不支持 "+r.Method+" 请求")
					return
				}
			}
		}
		jsonError(w, http.StatusNotFound, "没有这个地址；自查页面在 /，接口见 /api/rules、/api/check、/api/extract")
	})
}

// csp forbids everything but the server's own stylesheet and scripts: no
// inline script, no framing, no form posts elsewhere.
const csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", csp)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	h.Set("Cross-Origin-Resource-Policy", "same-origin")
	if strings.HasPrefix(r.URL.Path, "/api/") || r.URL.Path == "/healthz" {
		h.Set("Cache-Control", "no-store")
	} else {
		h.Set("Cache-Control", "no-cache")
	}
	defer func() {
		if p := recover(); p != nil {
			if p == http.ErrAbortHandler {
				panic(p)
			}
			// No stack trace to the client, nor the uploaded names to the log.
			log.Printf("reportlint serve: internal error in %s %s: %v", r.Method, r.URL.Path, p)
			jsonError(w, http.StatusInternalServerError, "服务器内部错误，请稍后重试；如果反复出现，请向 reportlint 报告")
		}
	}()
	s.mux.ServeHTTP(w, r)
}

func (s *server) static(name string) http.HandlerFunc {
	body := []byte(mustAsset(name))
	ctype := mime.TypeByExtension(filepath.Ext(name))
	if strings.HasSuffix(name, ".js") {
		ctype = "text/javascript; charset=utf-8"
	}
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", ctype)
		_, _ = w.Write(body)
	}
}

// apiError is an error answer: a status and a Chinese message.
type apiError struct {
	Status int
	Msg    string
}

func (e *apiError) Error() string { return e.Msg }

func jsonError(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]any{"error": msg, "status": status})
}

func writeJSONValue(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

func (s *server) healthz(w http.ResponseWriter, r *http.Request) {
	writeJSONValue(w, map[string]any{"status": "ok", "version": serveVersion(),
		"max_size": s.cfg.MaxSize, "max_files": s.cfg.MaxFiles, "max_request": s.maxRequest(),
		"workers": s.cfg.Workers, "queue": s.cfg.Queue})
}

type ruleJSON struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Severity string `json:"severity"`
	Summary  string `json:"summary"`
}

func serveVersion() string {
	v, _, _ := buildVersion()
	return v
}

func (s *server) apiRules(w http.ResponseWriter, r *http.Request) {
	var out []ruleJSON
	for _, x := range rules.All() {
		out = append(out, ruleJSON{x.ID, x.Name, string(x.Severity), x.Summary})
	}
	writeJSONValue(w, out)
}

func (s *server) maxRequest() int64 {
	return min(s.cfg.MaxRequest, int64(s.cfg.MaxFiles)*s.cfg.MaxSize+1<<20)
}

// upload is one file of a request, spooled to the request's private
// directory under a name of our own.
type upload struct {
	Name string // the name the user gave it, for messages only
	Path string
}

// admit takes a place in the queue, or says the server is busy.
func (s *server) admit() (func(), *apiError) {
	select {
	case s.admitted <- struct{}{}:
		return func() { <-s.admitted }, nil
	default:
		return nil, &apiError{http.StatusServiceUnavailable, "服务器正忙（正在检查的文件太多），请稍后再试"}
	}
}

// receive reads the multipart upload into a private temporary directory
// and returns the files and a function that removes them all.
func (s *server) receive(w http.ResponseWriter, r *http.Request) ([]upload, func(), *apiError) {
	none := func() {}
	r.Body = http.MaxBytesReader(w, r.Body, s.maxRequest())
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, none, &apiError{http.StatusBadRequest, "请求格式不对：请以 multipart/form-data 上传文件（表单字段 file）"}
	}
	dir, err := os.MkdirTemp(s.cfg.TempDir, "reportlint-upload-")
	if err != nil {
		log.Printf("reportlint serve: cannot create a temporary directory: %v", err)
		return nil, none, &apiError{http.StatusInternalServerError, "服务器无法创建临时目录，请联系管理员"}
	}
	cleanup := func() { _ = os.RemoveAll(dir) }
	var files []upload
	fail := func(e *apiError) ([]upload, func(), *apiError) { return nil, cleanup, e }
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fail(bodyError(err, s))
		}
		if part.FileName() == "" {
			_, _ = io.Copy(io.Discard, io.LimitReader(part, 1<<16))
			part.Close()
			continue
		}
		if len(files) >= s.cfg.MaxFiles {
			part.Close()
			return fail(&apiError{http.StatusRequestEntityTooLarge, fmt.Sprintf("一次最多上传 %d 个文件，请分批检查", s.cfg.MaxFiles)})
		}
		name := cleanName(part.FileName())
		path := filepath.Join(dir, fmt.Sprintf("%04d%s", len(files)+1, safeExt(name)))
		f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
		if err != nil {
			part.Close()
			log.Printf("reportlint serve: cannot spool an upload: %v", err)
			return fail(&apiError{http.StatusInternalServerError, "服务器无法保存上传的文件，请联系管理员"})
		}
		n, err := io.Copy(f, io.LimitReader(part, s.cfg.MaxSize+1))
		cerr := f.Close()
		part.Close()
		if err != nil {
			return fail(bodyError(err, s))
		}
		if cerr != nil {
			return fail(&apiError{http.StatusInternalServerError, "服务器无法保存上传的文件（磁盘可能已满），请联系管理员"})
		}
		if n > s.cfg.MaxSize {
			return fail(&apiError{http.StatusRequestEntityTooLarge, fmt.Sprintf("文件「%s」超过大小上限 %s，请确认文件是否正确（年度报告通常只有几百 KB 到几 MB）", name, humanBytes(s.cfg.MaxSize))})
		}
		files = append(files, upload{Name: name, Path: path})
	}
	if len(files) == 0 {
		return fail(&apiError{http.StatusBadRequest, "没有收到文件：请选择或拖入要检查的报告"})
	}
	return files, cleanup, nil
}

// safeExt is the extension of an uploaded name if it is a plain one
// (".pdf", ".docx"), so the spooled file keeps the hint a reader's message
// may use; else ".upload".
func safeExt(name string) string {
	ext := strings.ToLower(filepath.Ext(name))
	if len(ext) < 2 || len(ext) > 8 {
		return ".upload"
	}
	for _, r := range ext[1:] {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
			return ".upload"
		}
	}
	return ext
}

func bodyError(err error, s *server) *apiError {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return &apiError{http.StatusRequestEntityTooLarge, fmt.Sprintf("上传的内容超过上限 %s，请减少文件数量或确认文件是否正确（单个文件上限 %s）", humanBytes(mbe.Limit), humanBytes(s.cfg.MaxSize))}
	}
	return &apiError{http.StatusBadRequest, "上传的数据不完整或格式不对，请重新上传"}
}

var formNameDecoder = strings.NewReplacer("%22", `"`, "%0D", "", "%0A", "", "%0d", "", "%0a", "")

// cleanName keeps the last element of the name a browser sent, without
// control characters, for messages and results only (it never names a file
// on disk).
func cleanName(n string) string {
	// Browsers send " and line breaks in names as %22, %0D and %0A (the
	// HTML form-data encoding).
	n = formNameDecoder.Replace(n)
	n = strings.ReplaceAll(n, "\\", "/")
	n = n[strings.LastIndex(n, "/")+1:]
	n = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, n)
	if len([]rune(n)) > 200 {
		n = string([]rune(n)[:200])
	}
	if n == "" || n == "." || n == ".." {
		n = "未命名文件"
	}
	return n
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d 字节", n)
}

// checkAll checks (or, for extract, reads) a request's uploads with one
// worker token; a request whose client has gone away, or that waited too
// long for a token, stops.
func (s *server) checkAll(ctx context.Context, files []upload, extract bool) ([]checked, []fileResult, *apiError) {
	wait := time.NewTimer(s.cfg.QueueWait)
	defer wait.Stop()
	select {
	case s.workers <- struct{}{}:
	case <-ctx.Done():
		return nil, nil, &apiError{http.StatusServiceUnavailable, "请求已取消"}
	case <-wait.C:
		return nil, nil, &apiError{http.StatusServiceUnavailable, "服务器正忙，排队等待超时，请稍后再试"}
	}
	defer func() { <-s.workers }()
	if extract {
		return nil, s.extractUploads(files), nil
	}
	return s.check(ctx, files), nil, nil
}

// withUploads runs fn on the request's uploads with a place in the queue,
// and always removes the uploads afterwards.
func (s *server) withUploads(w http.ResponseWriter, r *http.Request, extract bool, fn func([]checked, []fileResult)) {
	release, aerr := s.admit()
	if aerr != nil {
		w.Header().Set("Retry-After", "5")
		jsonError(w, aerr.Status, aerr.Msg)
		return
	}
	defer release()
	files, cleanup, aerr := s.receive(w, r)
	defer cleanup()
	if aerr != nil {
		jsonError(w, aerr.Status, aerr.Msg)
		return
	}
	out, results, aerr := s.checkAll(r.Context(), files, extract)
	if aerr != nil {
		jsonError(w, aerr.Status, aerr.Msg)
		return
	}
	fn(out, results)
}

// apiCheck answers the check JSON of the contract (as check --format json);
// ?format=csv, xlsx or html gives that summary instead, written by the
// writer check uses for it.
func (s *server) apiCheck(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("format")
	if name == "" {
		name = "json"
	}
	format := lookupFormat(name)
	download, ok := apiFormats[name]
	if format == nil || !ok {
		jsonError(w, http.StatusBadRequest, fmt.Sprintf("format 的取值 %q 无效，可用: json, csv, xlsx, html", name))
		return
	}
	s.withUploads(w, r, false, func(out []checked, _ []fileResult) {
		var buf bytes.Buffer
		if err := format.Write(&buf, out, writeEnv{}); err != nil {
			log.Printf("reportlint serve: writing %s: %v", name, err)
			jsonError(w, http.StatusInternalServerError, "生成结果时出错，请重试")
			return
		}
		w.Header().Set("Content-Type", download.ctype)
		if download.file != "" {
			w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": download.file}))
		}
		_, _ = w.Write(buf.Bytes())
	})
}

// apiFormats are the output formats /api/check gives, with their content
// type and download name.
var apiFormats = map[string]struct{ ctype, file string }{
	"json": {"application/json; charset=utf-8", ""},
	"csv":  {"text/csv; charset=utf-8", "reportlint-检查结果.csv"},
	"xlsx": {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "reportlint-检查结果.xlsx"},
	"html": {"text/html; charset=utf-8", "reportlint-检查结果.html"},
}

// apiView answers what the self-check page shows: the check JSON and the
// rendered results, from one reading of the files.
func (s *server) apiView(w http.ResponseWriter, r *http.Request) {
	s.withUploads(w, r, false, func(out []checked, _ []fileResult) {
		var js, html bytes.Buffer
		if err := writeJSON(&js, out); err != nil {
			jsonError(w, http.StatusInternalServerError, "生成结果时出错，请重试")
			return
		}
		if err := writeHTMLFragment(&html, out); err != nil {
			log.Printf("reportlint serve: rendering: %v", err)
			jsonError(w, http.StatusInternalServerError, "生成结果时出错，请重试")
			return
		}
		writeJSONValue(w, struct {
			Check json.RawMessage `json:"check"`
			HTML  string          `json:"html"`
		}{js.Bytes(), html.String()})
	})
}

// apiExtract answers the extract JSON (an object for one file, an array
// for several), as reportlint extract.
func (s *server) apiExtract(w http.ResponseWriter, r *http.Request) {
	s.withUploads(w, r, true, func(_ []checked, results []fileResult) {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		_ = writeExtractJSON(w, results)
	})
}

// isLoopback reports whether a listen address only accepts connections
// from this computer.
func isLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// openBrowser opens url in the default browser.
var openBrowser = func(url string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	case "darwin":
		cmd = exec.Command("open", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	go func() { _ = cmd.Wait() }()
	return nil
}

func init() {
	registerCommand(&command{Name: "serve", Args: "[--addr 地址] [--open]",
		Summary: "启动自查页面：在浏览器中选择或拖入报告即可检查（不带任何参数启动 reportlint 时也会启动并打开浏览器）",
		Detail:  "默认只允许本机访问（127.0.0.1:8080，端口被占用时另选空闲端口）。页面和接口：/、/api/check、/api/extract、/api/rules、/healthz。上传的文件检查完立即删除。",
		Examples: []string{
			"reportlint serve --open",
			"reportlint serve --addr 0.0.0.0:8080 --workers 4   # 在内部网络中供各单位使用",
			"curl -F file=@2024年报.pdf http://127.0.0.1:8080/api/check",
		},
		Run: cmdServe})
	// Started with no arguments, as by a double-click on Windows: open the
	// self-check page in the browser.
	runNoArgs = func(stdout, stderr io.Writer) int {
		fmt.Fprint(stderr, "未给出命令，启动自查页面（reportlint serve --open）。命令行用法见 reportlint help。\n")
		return run([]string{"serve", "--open"}, stdout, stderr)
	}
}

// serveReady, when set (tests), is called once listening with the address
// and a function that stops the server.
var serveReady func(addr string, stop func())

func cmdServe(args []string, stdout, stderr io.Writer) (int, error) {
	fs := newFlagSet("serve")
	addr := fs.String("addr", defaultAddr, "监听`地址`（主机:端口）；默认只允许本机访问。给其他地址（如 0.0.0.0:8080）时同一网络中的计算机都能访问")
	open := fs.Bool("open", false, "启动后用默认浏览器打开页面")
	maxSize := sizeFlag(parser.DefaultOptions().MaxBytes)
	fs.Var(&maxSize, "max-size", "单个上传文件的大小上限，可带单位：KB、MB、GB；更大的上传回答 413")
	timeout := durationFlag(parser.DefaultOptions().Timeout)
	fs.Var(&timeout, "timeout", "单个文件的处理时间上限，例如 30s、2m；超时的文件得到 P001")
	workers := fs.Int("workers", runtime.NumCPU(), "同时检查的请求数（默认：CPU 核数）")
	queue := fs.Int("queue", 32, "排队等待的请求数上限，超出时回答 503")
	maxFiles := fs.Int("max-files", 50, "一次上传的文件数上限")
	config := fs.String("config", "", "配置文件（默认：从当前目录向上查找 .reportlint.yaml）")
	isolate := fs.Bool("isolate", true, "每个请求的文件都在单独的工作进程中检查（默认开启；异常文件耗尽内存或超时时只结束该工作进程，服务不受影响）；--isolate=false 在服务进程内检查（稍快）")
	rest, err := parseInterleaved(fs, args, stdout)
	if err != nil {
		return exitUsage, err
	}
	if len(rest) > 0 {
		return exitUsage, usageError{"serve 不接受路径参数；启动后在页面中选择或拖入文件"}
	}
	conf, err := loadConfig(*config, nil)
	if err != nil {
		return exitUsage, err
	}
	switch {
	case *workers < 1:
		return exitUsage, usageError{fmt.Sprintf("选项 --workers 的值 %d 无效：应为 1 或更大的整数", *workers)}
	case *maxFiles < 1:
		return exitUsage, usageError{fmt.Sprintf("选项 --max-files 的值 %d 无效：应为 1 或更大的整数", *maxFiles)}
	case *queue < 0:
		return exitUsage, usageError{fmt.Sprintf("选项 --queue 的值 %d 无效：应为 0 或更大的整数（0 表示不排队）", *queue)}
	}
	opts := parser.DefaultOptions()
	opts.Timeout = time.Duration(timeout)
	s := newServer(serveConfig{MaxSize: int64(maxSize), MaxFiles: *maxFiles, Workers: *workers, Queue: *queue,
		Options: opts, Conf: conf, Isolate: *isolate})
	explicit := false
	fs.Visit(func(f *flag.Flag) { explicit = explicit || f.Name == "addr" })
	ln, err := net.Listen("tcp", *addr)
	if err != nil && !explicit {
		// The default port is taken (another copy running?): any free port.
		ln, err = net.Listen("tcp", "127.0.0.1:0")
	}
	if err != nil {
		return exitUsage, usageError{fmt.Sprintf("无法监听 %s（%s）", *addr, listenReason(err))}
	}
	defer ln.Close()
	if !isLoopback(*addr) {
		fmt.Fprintf(stderr, "警告：正在监听 %s，同一网络中的其他计算机也能打开此页面并上传文件。只在可信的内部网络中这样使用。\n", *addr)
	}
	url := "http://" + browserHost(ln.Addr().String()) + "/"
	fmt.Fprintf(stdout, "reportlint 自查页面已启动：%s\n在浏览器中打开上面的地址，选择或拖入报告文件即可检查。按 Ctrl+C 停止。\n", url)
	if *open {
		if err := openBrowser(url); err != nil {
			fmt.Fprintf(stderr, "无法自动打开浏览器（%s），请手动打开 %s\n", execReason(err), url)
		}
	}
	srv := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       5 * time.Minute,
		WriteTimeout:      10 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          log.New(stderr, "reportlint serve: ", 0),
	}
	if serveReady != nil {
		serveReady(ln.Addr().String(), func() { _ = srv.Close() })
	}
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return exitUsage, fmt.Errorf("服务停止: %w", err)
	}
	return exitOK, nil
}

// browserHost turns a listen address into one a browser can open
// (0.0.0.0 and :: are not addresses to connect to).
func browserHost(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return addr
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		host = "127.0.0.1"
	}
	return net.JoinHostPort(host, port)
}
