package main

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/width"

	"github.com/reportlint/reportlint/internal/xlsx"
	"github.com/reportlint/reportlint/parser/textenc"
)

// maxRosterBytes bounds a roster file; a real one is a few kilobytes.
const maxRosterBytes = 16 << 20

// roster is the list of units expected to publish a report (--roster).
type roster struct {
	Path  string
	Units []string // as written in the file, in file order, without duplicates
}

// loadRoster reads a roster: a text file with one unit a line, or the
// first column of a CSV or XLSX file (a header such as 单位/名称 is skipped).
func loadRoster(path string) (*roster, error) {
	data, err := readBounded(path, maxRosterBytes)
	if err != nil {
		return nil, usageError{fmt.Sprintf("无法读取 --roster 指定的名单 %s: %v", path, err)}
	}
	var names []string
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx":
		names, err = xlsx.ReadFirstColumn(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return nil, usageError{fmt.Sprintf("名单 %s 不是可读的 Excel 文件（.xlsx）: %v", path, err)}
		}
	case ".csv":
		text := decodeText(data)
		r := csv.NewReader(strings.NewReader(text))
		r.FieldsPerRecord = -1
		r.LazyQuotes = true
		for {
			rec, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				return nil, usageError{fmt.Sprintf("名单 %s 不是有效的 CSV: %v", path, err)}
			}
			if len(rec) > 0 {
				names = append(names, rec[0])
			}
		}
	default:
		names = strings.Split(decodeText(data), "\n")
	}
	ro := &roster{Path: path}
	seen := map[string]bool{}
	for i, n := range names {
		n = strings.TrimSpace(strings.TrimPrefix(n, "\ufeff"))
		if n == "" || strings.HasPrefix(n, "#") {
			continue
		}
		if i == 0 && isRosterHeader(n) {
			continue
		}
		k := unitKey(n)
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		ro.Units = append(ro.Units, n)
	}
	if len(ro.Units) == 0 {
		return nil, usageError{fmt.Sprintf("名单 %s 中没有任何单位（每行一个单位名称，或 CSV/XLSX 的第一列）", path)}
	}
	return ro, nil
}

// decodeText reads UTF-8 (with or without BOM), UTF-16 with BOM or GB18030
// text, as offices save rosters from Excel and Notepad.
func decodeText(data []byte) string {
	s, err := textenc.Decode(data)
	if err != nil {
		return string(data)
	}
	return strings.ReplaceAll(s, "\r", "")
}

func isRosterHeader(s string) bool {
	switch unitKey(s) {
	case "单位", "单位名称", "名称", "机关", "机关名称", "发布机关", "部门", "部门名称", "报送单位":
		return true
	}
	return false
}

// unitKey normalises a unit name the way offices vary it, so that full and
// short forms meet: spacing and width ignored; 人民政府 ~ 政府; 街道办事处 ~
// 街道; 委员会 ~ 委; a trailing 办公室/办公厅/办 dropped (the office publishes
// the government's report: "XX县人民政府办公室" ~ "XX县政府办" ~ "XX县人民政府").
func unitKey(s string) string {
	s = width.Fold.String(strings.TrimSpace(s))
	s = rosterNumber.ReplaceAllString(s, "")
	if t := strings.TrimSpace(rosterNote.ReplaceAllString(s, "")); t != "" {
		s = t // "青川县林业局（已撤并）": the note is not part of the name
	}
	var b strings.Builder
	for _, r := range s {
		if unicode.IsSpace(r) || strings.ContainsRune("《》“”\"'()（）·•、", r) {
			continue
		}
		b.WriteRune(r)
	}
	k := b.String()
	k = strings.ReplaceAll(k, "人民政府", "政府")
	k = strings.ReplaceAll(k, "街道办事处", "街道")
	k = strings.ReplaceAll(k, "委员会", "委")
	for _, suf := range []string{"办公室", "办公厅", "办"} {
		if strings.HasSuffix(k, suf) && len([]rune(k)) > len([]rune(suf))+1 {
			k = strings.TrimSuffix(k, suf)
			break
		}
	}
	// A township or county listed by its name alone: "城关镇" ~ "城关镇人民政府".
	for _, place := range []string{"镇", "乡", "县", "市", "区", "旗"} {
		if strings.HasSuffix(k, place+"政府") && len([]rune(k)) > 3 {
			k = strings.TrimSuffix(k, "政府")
			break
		}
	}
	return k
}

var (
	// rosterNumber is a list number before a name: "1.", "12、", "(3)", "01 ".
	rosterNumber = regexp.MustCompile(`^(?:\(?[0-9]+[).、.]|[0-9]+\s+)\s*`)
	// rosterNote is a bracketed remark: "（已撤并）", "(含下属单位)".
	rosterNote = regexp.MustCompile(`[(（][^()（）]*[)）]`)
)

// coverage is what a roster says about a run.
type coverage struct {
	Year int // the report year compared (the most common year in the run)
	// Missing are roster units with no report of Year in the run.
	Missing []string
	// Unlisted are reports of Year whose issuer is not on the roster.
	Unlisted []checked
	// Matched maps a roster unit to the paths of its reports of Year.
	Matched map[string][]string
}

// minSuffixRunes: a shorter name matches a longer one by suffix (the roster
// says "汝州市人民政府", the report "河南省汝州市人民政府") only when it is at
// least this long (汝州市), so that "政府" alone matches nothing.
const minSuffixRunes = 3

// compare matches the reports of out against the roster.
func (ro *roster) compare(out []checked) coverage {
	cv := coverage{Matched: map[string][]string{}}
	years := map[int]int{}
	for _, c := range out {
		if c.Year > 0 {
			years[c.Year]++
		}
	}
	for y, n := range years {
		if n > years[cv.Year] || (n == years[cv.Year] && y > cv.Year) {
			cv.Year = y
		}
	}
	keys := make([]string, len(ro.Units))
	for i, u := range ro.Units {
		keys[i] = unitKey(u)
	}
	for _, c := range out {
		if c.Issuer == "" || (cv.Year != 0 && c.Year != cv.Year) {
			continue
		}
		ik := unitKey(c.Issuer)
		hit := -1
		for i, k := range keys {
			if k == ik {
				hit = i
				break
			}
		}
		if hit < 0 {
			// A prefix (province, city) on one side only: unique suffix.
			n := 0
			for i, k := range keys {
				if suffixMatch(k, ik) {
					hit, n = i, n+1
				}
			}
			if n != 1 {
				hit = -1
			}
		}
		if hit < 0 {
			cv.Unlisted = append(cv.Unlisted, c)
			continue
		}
		cv.Matched[ro.Units[hit]] = append(cv.Matched[ro.Units[hit]], c.Path)
	}
	for _, u := range ro.Units {
		if len(cv.Matched[u]) == 0 {
			cv.Missing = append(cv.Missing, u)
		}
	}
	sort.SliceStable(cv.Unlisted, func(i, j int) bool { return cv.Unlisted[i].Path < cv.Unlisted[j].Path })
	return cv
}

func suffixMatch(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	return len([]rune(a)) >= minSuffixRunes && a != b && strings.HasSuffix(b, a)
}

// writeRosterNotes says on stderr who has not reported, for a run with
// --roster and no summary file to put it in.
func writeRosterNotes(w io.Writer, ro *roster, out []checked) {
	cv := ro.compare(out)
	year := ""
	if cv.Year > 0 {
		year = fmt.Sprintf("%d年度", cv.Year)
	}
	fmt.Fprintf(w, "reportlint: 名单 %s 共 %d 个单位，%d 个未找到%s报告", ro.Path, len(ro.Units), len(cv.Missing), year)
	if len(cv.Missing) > 0 {
		fmt.Fprintf(w, "：%s", strings.Join(cv.Missing, "、"))
	}
	fmt.Fprintln(w)
	for _, c := range cv.Unlisted {
		fmt.Fprintf(w, "reportlint: %s 的发布机关「%s」不在名单 %s 中\n", c.Path, c.Issuer, ro.Path)
	}
}
