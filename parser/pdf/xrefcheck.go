package pdf

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"

	"github.com/reportlint/reportlint/parser"
)

// The library sizes its cross-reference table from numbers in the file
// (/Size, subsection starts and counts, /Index, /W, the predictor's
// /Columns) and follows /Prev chains and object streams without
// remembering where it has been: a 2 KB file can make it ask for 100 GB or
// recurse until the stack overflows, which no recover can catch. So the
// cross-reference data is read here first, as qpdf does: every section is
// visited once (a /Prev or /XRefStm that leads back is a cycle), and every
// count is compared with what the file can hold before the library sees
// it. Each refusal names the limit in its P001.

// Limits on cross-reference data, relative to the file where they can be.
const (
	// maxXrefSections bounds the sections of one /Prev chain (one per
	// incremental update; real files have a handful).
	maxXrefSections = 1000
	// maxObjectsCap bounds the object numbers of any file.
	maxObjectsCap = 8_000_000
	// minObjectBytes: an object needs at least this many bytes of the file
	// (compressed in an object stream it can be less, hence the slack in
	// maxObjects).
	minObjectBytes = 1
	// maxXrefW bounds one field width of an XRef stream (bytes of an int64).
	maxXrefW = 8
	// maxColumns bounds a predictor's /Columns (bytes of one row).
	maxColumns = 1 << 16
	// maxDeflateRatio is the most deflate can expand data.
	maxDeflateRatio = 1032
	// maxObjStmChain bounds a chain of object streams joined by /Extends.
	maxObjStmChain = 64
)

// maxObjects is the most object numbers a file of n bytes may use.
func maxObjects(n int) int64 {
	return min(int64(n)/minObjectBytes+1024, maxObjectsCap)
}

func xrefErr(format string, args ...any) error {
	return parser.Unreadable("PDF 文件的交叉引用表异常（"+fmt.Sprintf(format, args...)+"），文件可能已损坏或被恶意构造；请用 WPS、Word 或 PDF 阅读器重新导出 PDF 后再检查", nil)
}

var columnsRE = regexp.MustCompile(`/Columns\s+(\d{1,20})`)

// checkXref validates the cross-reference sections the library is about to
// read from data. A nil result does not mean the table is right (the
// library or the repair may still fail); it means reading it cannot run
// away.
func checkXref(data []byte) error {
	for _, m := range columnsRE.FindAllSubmatch(data, -1) {
		if v, err := strconv.ParseInt(string(m[1]), 10, 64); err != nil || v > maxColumns {
			return xrefErr("预测器 /Columns 为 %s，超过上限 %d", m[1], maxColumns)
		}
	}
	start, ok := finalStartxref(data)
	if !ok {
		return nil // the library refuses such a file by itself
	}
	limit := maxObjects(len(data))
	visited := map[int64]bool{}
	queue := []int64{start}
	for len(queue) > 0 {
		off := queue[0]
		queue = queue[1:]
		if off < 0 || off >= int64(len(data)) {
			continue // the library reports a bad offset itself
		}
		if visited[off] {
			return xrefErr("/Prev 或 /XRefStm 指回已读过的交叉引用表（偏移 %d），形成循环", off)
		}
		visited[off] = true
		if len(visited) > maxXrefSections {
			return xrefErr("交叉引用表超过 %d 节", maxXrefSections)
		}
		next, err := checkSection(data, int(off), limit)
		if err != nil {
			return err
		}
		queue = append(queue, next...)
	}
	return nil
}

// finalStartxref reads the offset after the last "startxref" in the last
// 100 bytes, as the library does.
func finalStartxref(data []byte) (int64, bool) {
	tail := data[max(0, len(data)-100):]
	i := bytes.LastIndex(tail, []byte("startxref"))
	if i < 0 {
		return 0, false
	}
	l := &lexer{b: tail, pos: i + len("startxref")}
	v, _, ok := l.next(0)
	if !ok || v.kind != kNum {
		return 0, false
	}
	return int64(v.num), true
}

// checkSection checks the section at off and returns the offsets it points
// on to (/Prev, /XRefStm).
func checkSection(data []byte, off int, limit int64) ([]int64, error) {
	l := &lexer{b: data, pos: off, refs: true}
	l.skipSpace()
	if bytes.HasPrefix(data[l.pos:], []byte("xref")) {
		l.pos += 4
		return checkTable(l, limit)
	}
	// an XRef stream: "N G obj << … >> stream"
	n, _, ok1 := l.next(0)
	_, _, ok2 := l.next(0)
	_, op, ok3 := l.next(0)
	if !ok1 || !ok2 || !ok3 || n.kind != kNum || op != "obj" {
		return nil, nil
	}
	d, _, ok := l.value(0)
	if !ok || d.kind != kDict {
		return nil, nil
	}
	size := d.get("Size")
	if size.kind == kNum && (size.num < 0 || int64(size.num) > limit) {
		return nil, xrefErr("/Size 为 %.0f，超过该文件可能容纳的对象数 %d", size.num, limit)
	}
	if w := d.get("W"); w.kind == kArr {
		total := 0
		for _, x := range w.arr {
			if x.kind != kNum || x.num < 0 || x.num > maxXrefW {
				return nil, xrefErr("/W 的字段宽度 %s 超出 0–%d 字节", fmtNum(x), maxXrefW)
			}
			total += int(x.num)
		}
		if total > 4*maxXrefW {
			return nil, xrefErr("/W 的字段宽度合计 %d 字节，超过上限 %d", total, 4*maxXrefW)
		}
	}
	if idx := d.get("Index"); idx.kind == kArr {
		if len(idx.arr) > 2*int(limit) {
			return nil, xrefErr("/Index 有 %d 项，超过上限", len(idx.arr))
		}
		var sum int64
		for i := 0; i+1 < len(idx.arr); i += 2 {
			s, c := idx.arr[i], idx.arr[i+1]
			if s.kind != kNum || c.kind != kNum || s.num < 0 || c.num < 0 || s.num+c.num > float64(limit) {
				return nil, xrefErr("/Index 的子节 %s %s 超过该文件可能容纳的对象数 %d", fmtNum(s), fmtNum(c), limit)
			}
			sum += int64(c.num)
		}
		if sum > limit {
			return nil, xrefErr("/Index 共 %d 项，超过该文件可能容纳的对象数 %d", sum, limit)
		}
	}
	return pointers(d), nil
}

// checkTable checks the subsections of an "xref" table and its trailer.
func checkTable(l *lexer, limit int64) ([]int64, error) {
	for range 1 << 20 {
		save := l.pos
		a, op, ok := l.next(0)
		if !ok {
			return nil, nil
		}
		if op == "trailer" {
			d, _, ok := l.value(0)
			if !ok || d.kind != kDict {
				return nil, nil
			}
			if s := d.get("Size"); s.kind == kNum && (s.num < 0 || int64(s.num) > limit) {
				return nil, xrefErr("trailer 的 /Size 为 %.0f，超过该文件可能容纳的对象数 %d", s.num, limit)
			}
			return pointers(d), nil
		}
		b, _, ok := l.next(0)
		if !ok || a.kind != kNum || b.kind != kNum {
			l.pos = save
			return nil, nil // malformed: the library says so
		}
		if a.num < 0 || b.num < 0 || a.num+b.num > float64(limit) {
			return nil, xrefErr("子节 %s %s 超过该文件可能容纳的对象数 %d", fmtNum(a), fmtNum(b), limit)
		}
		// every entry takes at least 6 bytes ("0 0 n ")
		if int(b.num) > (len(l.b)-l.pos)/6+1 {
			return nil, xrefErr("子节声称有 %s 项，文件中放不下", fmtNum(b))
		}
		for i := 0; i < int(b.num); i++ {
			_, _, ok1 := l.next(0)
			_, _, ok2 := l.next(0)
			_, _, ok3 := l.next(0)
			if !ok1 || !ok2 || !ok3 {
				return nil, nil
			}
		}
	}
	return nil, xrefErr("子节超过 %d 个", 1<<20)
}

// pointers are the /Prev and /XRefStm offsets of a trailer or XRef stream.
func pointers(d obj) []int64 {
	var out []int64
	for _, k := range []string{"Prev", "XRefStm"} {
		if v := d.get(k); v.kind == kNum {
			out = append(out, int64(v.num))
		}
	}
	return out
}

func fmtNum(o obj) string {
	if o.kind != kNum {
		return "（非数字）"
	}
	return strconv.FormatFloat(o.num, 'f', -1, 64)
}

// checkObjStreams checks the object streams the library will follow: an
// object stream must itself be at a file offset (not inside an object
// stream, least of all itself), its /N must fit in its /First and its
// /First in what the stream can inflate to, and an /Extends chain must end.
func (o *objects) checkObjStreams() error {
	if o == nil {
		return nil
	}
	checked := map[uint32]bool{}
	for id, e := range o.xref {
		if !e.inStream {
			continue
		}
		sid := e.stream
		if checked[sid] {
			continue
		}
		checked[sid] = true
		if int(sid) >= len(o.xref) || uint32(id) == sid || o.xref[sid].inStream {
			return xrefErr("对象 %d 所在的对象流 %d 本身在对象流中或包含自身", id, sid)
		}
		seen := map[uint32]bool{}
		for cur := sid; ; {
			if seen[cur] {
				return xrefErr("对象流 %d 的 /Extends 形成循环", cur)
			}
			seen[cur] = true
			if len(seen) > maxObjStmChain {
				return xrefErr("对象流的 /Extends 链超过 %d 层", maxObjStmChain)
			}
			if int(cur) >= len(o.xref) || o.xref[cur].inStream {
				return xrefErr("对象流 %d 的 /Extends 指向对象流中的对象", cur)
			}
			s, ok := o.at(o.xref[cur].offset, cur)
			if !ok || s.kind != kDict {
				break // not there: the library gives up on it by itself
			}
			n, first, length := o.deref(s.get("N")), o.deref(s.get("First")), o.deref(s.get("Length"))
			if n.kind == kNum && (n.num < 0 || n.num > float64(maxObjectsCap)) {
				return xrefErr("对象流 %d 的 /N 为 %s，超过上限 %d", cur, fmtNum(n), maxObjectsCap)
			}
			if first.kind == kNum && length.kind == kNum && first.num > (length.num+1)*maxDeflateRatio {
				return xrefErr("对象流 %d 的 /First 为 %s，超过该流解压后可能的长度", cur, fmtNum(first))
			}
			if n.kind == kNum && first.kind == kNum && n.num > first.num/3+1 {
				return xrefErr("对象流 %d 的 /N 为 %s，而对象目录只有 %s 字节", cur, fmtNum(n), fmtNum(first))
			}
			ext := s.get("Extends")
			if ext.kind != kRef {
				break
			}
			cur = uint32(ext.num)
		}
	}
	return nil
}
