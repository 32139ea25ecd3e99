// Package load reads one report file: it bounds the input, sniffs the
// format from the content (the extension is only a hint), calls the format
// reader with panics recovered, and recognises the result. Every failure
// becomes a *parser.ReadError, never a crash.
package load

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"sync/atomic"

	"github.com/reportlint/reportlint/internal/errtext"
	"github.com/reportlint/reportlint/internal/readall"
	"github.com/reportlint/reportlint/parser"
)

// Reader reads one format. The context carries the file's deadline (from
// Options.Timeout): a reader that loops over pages, rows or objects stops
// when ctx is done, since the loader has already reported the timeout and a
// reader that keeps running holds memory and CPU the rest of a batch needs.
type Reader func(ctx context.Context, path string, data []byte, opts parser.Options) (*parser.Document, error)

// File reads and recognises the report at path. A path of "-" reads stdin.
// The error is always a *parser.ReadError.
func File(path string, opts parser.Options) (*parser.Report, error) {
	data, err := readBounded(path, opts.MaxBytes)
	if err != nil {
		return nil, err
	}
	return Bytes(path, data, opts)
}

type result struct {
	rep *parser.Report
	err error
}

// Inline configures FileInline, for a caller that bounds a file's time
// itself.
type Inline struct {
	// OnTimeout, when not nil, is called (on a goroutine of its own) with
	// the timeout error as soon as the file's deadline passes while the
	// reader or recognition still runs: the caller answers for the file
	// then, as the loader does when it abandons a reader, and makes sure
	// the stuck call ends (a worker process is killed). It is not called
	// when the reader returns first.
	OnTimeout func(err error)
}

// FileInline is File with the reader and recognition run on the calling
// goroutine instead of one of their own: no goroutine and no channel per
// file, for a caller (a worker process) whose isolation is the process
// itself. A reader that stops at its context's deadline gives the same
// timeout error as File; one that does not stop is never abandoned here,
// so in.OnTimeout is how the caller learns of it.
func FileInline(path string, opts parser.Options, in Inline) (*parser.Report, error) {
	data, err := readBounded(path, opts.MaxBytes)
	if err != nil {
		return nil, err
	}
	return bytesWith(path, data, opts, &in)
}

// Bytes recognises the report held in data; path names it in messages.
func Bytes(path string, data []byte, opts parser.Options) (*parser.Report, error) {
	return bytesWith(path, data, opts, nil)
}

// bytesWith is Bytes, run inline when in is not nil.
func bytesWith(path string, data []byte, opts parser.Options, in *Inline) (*parser.Report, error) {
	if opts.MaxBytes > 0 && int64(len(data)) > opts.MaxBytes {
		return nil, parser.Unreadable(fmt.Sprintf("文件大小 %d 字节超过上限 %d 字节，请确认文件是否正确，或用 --max-size 调高上限", len(data), opts.MaxBytes), nil)
	}
	format, rerr := Sniff(path, data)
	if rerr != nil {
		return nil, rerr
	}
	reader, ok := readers[format]
	if !ok {
		return nil, parser.Unreadable(fmt.Sprintf("暂不支持读取 %s 格式，请另存为 HTML、DOCX 或文本后检查", format), nil)
	}
	if in != nil {
		return runInline(path, data, format, reader, opts, in.OnTimeout)
	}
	return run(path, data, format, reader, opts)
}

// run calls the reader and recognition with panics recovered and the time
// bounded.
func run(path string, data []byte, format parser.Format, reader Reader, opts parser.Options) (*parser.Report, error) {
	ctx := context.Background()
	if opts.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, opts.Timeout)
		defer cancel()
	}
	ch := make(chan result, 1)
	var done atomic.Bool
	go func() {
		defer func() {
			if done.Swap(true) {
				abandoned.Add(-1) // the loader gave up on this reader earlier
			}
		}()
		ch <- readAndRecognize(ctx, path, data, format, reader, opts)
	}()
	select {
	case r := <-ch:
		return r.rep, r.err
	case <-ctx.Done():
		if !done.Swap(true) {
			abandoned.Add(1)
		}
		return nil, timeoutError(opts, ctx)
	}
}

// runInline is run on the calling goroutine: past the deadline the result
// is the timeout error whatever the reader gave (run would have returned
// it at the deadline), and onTimeout hears of a reader still running then.
func runInline(path string, data []byte, format parser.Format, reader Reader, opts parser.Options, onTimeout func(error)) (*parser.Report, error) {
	ctx := context.Background()
	stop := func() bool { return false }
	if opts.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, opts.Timeout)
		defer cancel()
		if onTimeout != nil {
			tctx := ctx
			stop = context.AfterFunc(ctx, func() {
				if errors.Is(tctx.Err(), context.DeadlineExceeded) {
					onTimeout(timeoutError(opts, tctx))
				}
			})
		}
	}
	r := readAndRecognize(ctx, path, data, format, reader, opts)
	stopped := stop()
	if ctx.Err() != nil {
		if stopped && errors.Is(ctx.Err(), context.DeadlineExceeded) {
			// The deadline passed while the reader ran, but the reader
			// (woken by the closed Done channel) returned before the
			// context started the AfterFunc, which stop then cancelled:
			// onTimeout hears of it all the same, as it would have.
			go onTimeout(timeoutError(opts, ctx))
		}
		return nil, timeoutError(opts, ctx)
	}
	return r.rep, r.err
}

// timeoutError is the P001 of a file whose reading passed its deadline.
func timeoutError(opts parser.Options, ctx context.Context) *parser.ReadError {
	return parser.Unreadable(fmt.Sprintf("读取超时（超过 %s），文件可能过大或结构异常；请拆分文件或用 --timeout 调高上限", opts.Timeout), ctx.Err())
}

// readAndRecognize calls the reader and recognition, a panic recovered as
// a P001 naming the format.
func readAndRecognize(ctx context.Context, path string, data []byte, format parser.Format, reader Reader, opts parser.Options) (res result) {
	defer func() {
		if p := recover(); p != nil {
			res = result{err: parser.Unreadable(
				fmt.Sprintf("读取 %s 文件时出现内部错误，文件可能已损坏；请用办公软件重新另存后再检查，或向 reportlint 报告此问题", format),
				fmt.Errorf("panic: %v\n%s", p, firstFrames(debug.Stack())))}
		}
	}()
	doc, err := reader(ctx, path, data, opts)
	if err != nil {
		var re *parser.ReadError
		if !errors.As(err, &re) {
			err = parser.Unreadable(fmt.Sprintf("无法读取该 %s 文件，文件可能已损坏", format), err)
		}
		return result{err: err}
	}
	doc.Path, doc.Format = path, format
	if rerr := checkSize(doc, opts); rerr != nil {
		return result{err: rerr}
	}
	rep := parser.Recognize(doc)
	if notAReport(rep) {
		if format == parser.FormatText && ownTextOutput.Match(data) {
			return result{err: parser.Unreadable("这是 reportlint 的检查结果（文本输出），不是年度报告；请把 --output 写到报告所在的文件夹之外，或删除该文件", nil)}
		}
		return result{err: parser.Unreadable(notAReportReason(path, format), nil)}
	}
	return result{rep: rep}
}

// checkSize refuses a document too big to recognise in reasonable time and
// memory: more paragraphs and tables than opts.MaxBlocks, or table grids
// with more than four times opts.MaxCells cells together (each reader
// bounds one table; this bounds a file of many tables).
func checkSize(doc *parser.Document, opts parser.Options) *parser.ReadError {
	if opts.MaxBlocks > 0 && len(doc.Blocks) > opts.MaxBlocks {
		return parser.Unreadable(fmt.Sprintf("文件内容过多（%d 个段落和表格，上限 %d），不像单份年度报告；请确认文件是否正确", len(doc.Blocks), opts.MaxBlocks), nil)
	}
	for _, b := range doc.Blocks {
		if b.Para != nil && len(b.Para.Text) > parser.MaxTextBytes {
			where := ""
			if b.Para.Loc.Line > 0 && b.Para.Loc.Page == 0 {
				where = fmt.Sprintf("第 %d 行起", b.Para.Loc.Line)
			}
			return parser.Unreadable(fmt.Sprintf("文件%s有一段文字长达 %d 字节，中间没有换行或分段（一段的上限 %d 字节），不像正常的年度报告；请确认文件是否正确", where, len(b.Para.Text), parser.MaxTextBytes), nil)
		}
	}
	if opts.MaxCells <= 0 {
		return nil
	}
	limit := 4 * int64(opts.MaxCells)
	var total int64
	for _, b := range doc.Blocks {
		if b.Table == nil {
			continue
		}
		width := 0
		for _, r := range b.Table.Rows {
			w := 0
			for _, c := range r.Cells {
				w += min(max(c.ColSpan, 1), 1000)
			}
			width = max(width, w)
		}
		total += int64(width) * int64(len(b.Table.Rows))
		if total > limit {
			return parser.Unreadable(fmt.Sprintf("文件中的表格过多或过大（展开合并单元格后超过 %d 个单元格），不像正常的年度报告；请确认文件是否正确", limit), nil)
		}
	}
	return nil
}

// abandoned counts reader goroutines still running after the loader
// reported a timeout for their file.
var abandoned atomic.Int64

// Abandoned returns the number of readers still running after their file
// timed out. Readers stop when their context is done, so it should fall back
// to zero soon after each timeout; a reader stuck in a loop shows here.
func Abandoned() int { return int(abandoned.Load()) }

func firstFrames(stack []byte) []byte {
	lines := bytes.SplitN(stack, []byte("\n"), 24)
	return bytes.Join(lines[:min(len(lines), 23)], []byte("\n"))
}

// notAReport reports whether nothing of an annual report was found: no
// title, no statutory section and no statutory table. Such a file (an error
// page saved under a report's name, a blank document) cannot be checked.
func notAReport(r *parser.Report) bool {
	return r.Title == "" && len(r.Sections) == 0 && len(r.Tables) == 0 && len(r.Doc.Problems) == 0
}

// ownTextOutput is the last line of reportlint's text output ("检查了 3
// 个文件：1 个错误，0 个警告，0 个提示"), at the end of the text: a file with
// it that holds no report is a result left among the reports.
var ownTextOutput = regexp.MustCompile(`(?m)^检查了 \d+ 个文件：\d+ 个错误，\d+ 个警告，\d+ 个提示\s*\z`)

func notAReportReason(path string, format parser.Format) string {
	ext := strings.ToLower(filepath.Ext(path))
	what := ""
	if want := extFormat[ext]; want != "" && want != format {
		what = fmt.Sprintf("扩展名为 %s，内容却是 %s；", ext, format)
	}
	return what + "文件中找不到年度报告的内容（没有报告标题、六个法定部分或统计表格），可能是网页错误页、空白文档或下载不完整；请重新下载或导出正确的报告"
}

// readBounded reads at most max bytes (plus one to detect excess).
func readBounded(path string, max int64) ([]byte, error) {
	var r io.Reader
	var size int64 // expected length: the buffer is made this big at once
	if path == "-" {
		r = os.Stdin
	} else {
		// Stat before opening: opening a FIFO would block forever.
		st, err := os.Stat(path)
		if err != nil {
			if li, lerr := os.Lstat(path); lerr == nil && li.Mode()&os.ModeSymlink != 0 {
				target, _ := os.Readlink(path)
				why := "它指向的文件不存在"
				if !errors.Is(err, os.ErrNotExist) {
					why = "无法解析（链接指向自身或成环）"
				}
				return nil, parser.Unreadable(fmt.Sprintf("这是一个符号链接（指向 %s），%s；请修正或删除该链接", target, why), err)
			}
			return nil, parser.Unreadable("无法打开文件（"+errtext.Read(err, "系统错误")+"）", err)
		}
		switch {
		case st.IsDir():
			return nil, parser.Unreadable("这是一个目录，不是文件", nil)
		case !st.Mode().IsRegular():
			return nil, parser.Unreadable("这不是普通文件（是管道、设备或套接字），reportlint 不读取；请检查路径", nil)
		case max > 0 && st.Size() > max:
			return nil, parser.Unreadable(fmt.Sprintf("文件大小 %d 字节超过上限 %d 字节，请确认文件是否正确，或用 --max-size 调高上限", st.Size(), max), nil)
		}
		f, err := os.Open(path)
		if err != nil {
			return nil, parser.Unreadable("无法打开文件（"+errtext.Read(err, "系统错误")+"）", err)
		}
		defer f.Close()
		r = f
		size = st.Size()
	}
	if max > 0 {
		r = io.LimitReader(r, max+1)
	}
	data, err := readall.ReadAll(r, size)
	if err != nil {
		return nil, parser.Unreadable("读取文件失败（"+errtext.Read(err, "系统错误")+"）", err)
	}
	if max > 0 && int64(len(data)) > max {
		return nil, parser.Unreadable(fmt.Sprintf("文件超过大小上限 %d 字节，请确认文件是否正确，或用 --max-size 调高上限", max), nil)
	}
	return data, nil
}

// Sniff tells the format from the content; the extension decides only
// between formats the content cannot tell apart.
func Sniff(path string, data []byte) (parser.Format, *parser.ReadError) {
	ext := strings.ToLower(filepath.Ext(path))
	if len(bytes.TrimSpace(data)) == 0 {
		return "", parser.Unreadable("文件为空（0 字节或只有空白），请确认下载或导出是否完整", nil)
	}
	for _, f := range Formats {
		match, refuse := f.Sniff(ext, data)
		switch {
		case !match:
			continue
		case refuse != "":
			return "", parser.Unreadable(refuse, nil)
		case f.Read == nil:
			return "", parser.Unreadable(f.Refusal, nil)
		}
		return f.Format, nil
	}
	return "", parser.Unreadable("无法识别的文件类型（不是 HTML、PDF、DOCX 或文本）；请另存为这些格式之一后再检查", nil)
}

// looksHTML reports whether the head of data is markup.
func looksHTML(data []byte) bool {
	head := data[:min(len(data), 2048)]
	head = bytes.TrimPrefix(head, []byte{0xEF, 0xBB, 0xBF})
	if bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}) {
		head = utf16Head(head)
	}
	lower := bytes.ToLower(head)
	trimmed := bytes.TrimSpace(lower)
	if bytes.HasPrefix(trimmed, []byte("<!doctype html")) || bytes.HasPrefix(trimmed, []byte("<html")) {
		return true
	}
	for _, tag := range []string{"<html", "<body", "<table", "<div", "<p>", "<p ", "<meta", "<head"} {
		if bytes.Contains(lower, []byte(tag)) {
			return bytes.HasPrefix(trimmed, []byte("<"))
		}
	}
	return false
}

// utf16Head decodes the ASCII of a UTF-16 head (with its BOM) so that markup
// saved as UTF-16 is recognised; other characters become '?'.
func utf16Head(b []byte) []byte {
	be := b[0] == 0xFE
	out := make([]byte, 0, len(b)/2)
	for i := 2; i+1 < len(b); i += 2 {
		u := uint16(b[i])<<8 | uint16(b[i+1])
		if !be {
			u = uint16(b[i+1])<<8 | uint16(b[i])
		}
		if u < 0x80 {
			out = append(out, byte(u))
		} else {
			out = append(out, '?')
		}
	}
	return out
}
