package pdf

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
)

// The library accepts only "%PDF-1.0"…"%PDF-1.7" followed by a newline at
// offset 0, a "%%EOF" in the last 100 bytes and an exact startxref. Other
// readers accept more; so do we, by patching a copy of the bytes in memory.

// fixHead makes the header and the tail acceptable to the library: the
// version becomes 1.7 when it is not 1.0–1.7, the header line ends in a
// newline, and bytes after the last %%EOF are cut.
func fixHead(data []byte) ([]byte, bool) {
	changed := false
	i := bytes.Index(data[:min(len(data), 1024)], []byte("%PDF-"))
	if i < 0 {
		return data, false
	}
	if i > 0 {
		// Junk before the header shifts every offset; the xref rebuild
		// copes with that, the header check needs the header first.
		data = data[i:]
		changed = true
	}
	if len(data) < 16 {
		return data, changed
	}
	okVersion := data[5] == '1' && data[6] == '.' && data[7] >= '0' && data[7] <= '7'
	okEnd := data[8] == '\r' || data[8] == '\n'
	if !okVersion || !okEnd {
		out := make([]byte, len(data))
		copy(out, data)
		if !okVersion {
			copy(out[5:8], "1.7")
		}
		if !okEnd {
			// "%PDF-2.0 %âãÏÓ" or "%PDF-1.70": the 9th byte is replaced by a
			// newline; what follows is still a comment or harmless.
			switch {
			case out[8] == ' ' || out[8] == '\t' || out[8] == '%':
				out[8] = '\n'
			default:
				out[8] = '\n'
			}
		}
		data = out
		changed = true
	}
	j := bytes.LastIndex(data, []byte("%%EOF"))
	if j >= 0 {
		end := j + 5
		for end < len(data) && (data[end] == '\r' || data[end] == '\n') {
			end++
		}
		if end < len(data) {
			data = data[:end]
			changed = true
		}
	} else {
		data = append(data[:len(data):len(data)], []byte("\n%%EOF\n")...)
		changed = true
	}
	return data, changed
}

var startxrefRE = regexp.MustCompile(`startxref\s+(\d+)\s*%%EOF\s*$`)

// fixStartxref points the final startxref at the last cross-reference
// section in the file (an "xref" table or an XRef stream object).
func fixStartxref(data []byte) ([]byte, bool) {
	m := startxrefRE.FindSubmatchIndex(data)
	if m == nil {
		return data, false
	}
	head := data[:m[0]]
	target := -1
	if k := lastXrefKeyword(head); k >= 0 {
		target = k
	}
	if k := lastXrefStream(head); k > target {
		target = k
	}
	if target < 0 {
		return data, false
	}
	if old, _ := strconv.Atoi(string(data[m[2]:m[3]])); old == target {
		return data, false
	}
	out := make([]byte, 0, len(head)+40)
	out = append(out, head...)
	out = fmt.Appendf(out, "startxref\n%d\n%%%%EOF\n", target)
	return out, true
}

func lastXrefKeyword(b []byte) int {
	for end := len(b); end > 0; {
		k := bytes.LastIndex(b[:end], []byte("xref"))
		if k < 0 {
			return -1
		}
		if (k == 0 || b[k-1] == '\n' || b[k-1] == '\r') && k+4 < len(b) && isSpace(b[k+4]) {
			return k
		}
		end = k
	}
	return -1
}

var objRE = regexp.MustCompile(`(?m)(?:^|[\r\n\s])(\d{1,7})\s+(\d{1,5})\s+obj\b`)

func lastXrefStream(b []byte) int {
	k := bytes.LastIndex(b, []byte("/Type/XRef"))
	if k2 := bytes.LastIndex(b, []byte("/Type /XRef")); k2 > k {
		k = k2
	}
	if k < 0 {
		return -1
	}
	locs := objRE.FindAllSubmatchIndex(b[max(0, k-4096):k], -1)
	if len(locs) == 0 {
		return -1
	}
	return max(0, k-4096) + locs[len(locs)-1][2]
}

var rootRE = regexp.MustCompile(`/Root\s+(\d+)\s+(\d+)\s+R`)
var infoRE = regexp.MustCompile(`/Info\s+(\d+)\s+(\d+)\s+R`)

// rebuildXref appends a fresh cross-reference table built by scanning for
// "N G obj", for files whose table is missing or wrong. Objects inside
// object streams cannot be listed this way; such files stay unreadable.
func rebuildXref(data []byte) ([]byte, bool) {
	roots := rootRE.FindAllSubmatch(data, -1)
	if len(roots) == 0 {
		return data, false
	}
	root := roots[len(roots)-1]
	type ent struct {
		off int
		gen int
	}
	objs := map[int]ent{}
	maxID := 0
	for _, m := range objRE.FindAllSubmatchIndex(data, -1) {
		id, _ := strconv.Atoi(string(data[m[2]:m[3]]))
		gen, _ := strconv.Atoi(string(data[m[4]:m[5]]))
		if id <= 0 || int64(id) > maxObjects(len(data)) {
			continue
		}
		objs[id] = ent{m[2], gen} // later definitions win, as in updates
		maxID = max(maxID, id)
	}
	if len(objs) == 0 {
		return data, false
	}
	out := make([]byte, 0, len(data)+20*(maxID+1)+200)
	out = append(out, data...)
	if out[len(out)-1] != '\n' {
		out = append(out, '\n')
	}
	start := len(out)
	out = fmt.Appendf(out, "xref\n0 %d\n0000000000 65535 f\r\n", maxID+1)
	for id := 1; id <= maxID; id++ {
		if e, ok := objs[id]; ok {
			out = fmt.Appendf(out, "%010d %05d n\r\n", e.off, e.gen)
		} else {
			out = append(out, "0000000000 65535 f\r\n"...)
		}
	}
	out = fmt.Appendf(out, "trailer\n<< /Size %d /Root %s %s R", maxID+1, root[1], root[2])
	if infos := infoRE.FindAllSubmatch(data, -1); len(infos) > 0 {
		in := infos[len(infos)-1]
		out = fmt.Appendf(out, " /Info %s %s R", in[1], in[2])
	}
	out = fmt.Appendf(out, " >>\nstartxref\n%d\n%%%%EOF\n", start)
	return out, true
}
