package main

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"

	"github.com/reportlint/reportlint/internal/errtext"
	"github.com/reportlint/reportlint/internal/xlsx"
	"github.com/reportlint/reportlint/parser/textenc"
)

// maxRosterBytes bounds a roster file; a real one is a few kilobytes.
const maxRosterBytes = 16 << 20

// roster is the list of units expected to publish a report (--roster).
type roster struct {
	Path  string
	Units []string // as written in the file, in file order, without duplicates
	// Year is the report year compared (--year); 0: the latest in the run.
	Year int
}

// maxRosterCols bounds the columns looked at for the unit column.
const maxRosterCols = 64

// rosterHeaderRows: a header row is looked for among this many first rows
// (a title row or two may come before it).
const rosterHeaderRows = 5

var (
	oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	zipMagic = []byte("PK\x03\x04")
	// encryptedPackage is the stream name (UTF-16LE) of an .xlsx encrypted
	// with a password, which Office stores in an OLE file
	encryptedPackage = []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e\x00")
)

// loadRoster reads a roster: a text file with one unit a line (tab-separated
// lines as pasted from Excel are read like CSV), or a CSV or XLSX file, whose
// unit column is the one a header such as 单位名称 names, or else the first
// column that is not all numbers (序号).
func loadRoster(path string) (*roster, error) {
	data, err := readBounded(path, maxRosterBytes)
	if err != nil {
		return nil, usageError{fmt.Sprintf("无法读取 --roster 指定的名单 %s（%s）", path, errtext.Read(err, "读取出错"))}
	}
	var rows [][]string
	ext := strings.ToLower(filepath.Ext(path))
	switch {
	case bytes.HasPrefix(data, oleMagic) && bytes.Contains(data, encryptedPackage):
		return nil, usageError{fmt.Sprintf("名单 %s 已加密（设置了打开密码），无法读取：请在 Excel 或 WPS 中取消密码，或另存为 .csv 后再用", path)}
	case bytes.HasPrefix(data, oleMagic):
		return nil, usageError{fmt.Sprintf("名单 %s 是旧版 Excel 文件（.xls），无法读取：请在 Excel 或 WPS 中另存为 .xlsx 或 .csv 后再用", path)}
	case bytes.HasPrefix(data, zipMagic) || ext == ".xlsx":
		cells, err := xlsx.ReadCells(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return nil, usageError{fmt.Sprintf("名单 %s 不是可读的 Excel 文件（.xlsx）：%s", path, errtext.Read(err, "内容已损坏或不完整"))}
		}
		for _, row := range cells {
			var r []string
			for _, c := range row {
				if c.Col >= maxRosterCols {
					continue
				}
				for len(r) <= c.Col {
					r = append(r, "")
				}
				r[c.Col] = c.Text
			}
			rows = append(rows, r)
		}
	default:
		text, ok := rosterText(data)
		if !ok {
			return nil, usageError{fmt.Sprintf("名单 %s 不是文本文件（含有 NUL 字节或无法识别的编码）：名单应为文本（每行一个单位）、CSV 或 .xlsx", path)}
		}
		if ext == ".csv" {
			r := csv.NewReader(strings.NewReader(text))
			r.FieldsPerRecord = -1
			r.LazyQuotes = true
			r.Comma = csvSeparator(text)
			for {
				rec, err := r.Read()
				if err == io.EOF {
					break
				}
				if err != nil {
					return nil, usageError{fmt.Sprintf("名单 %s 不是有效的 CSV: %v", path, err)}
				}
				rows = append(rows, rec)
			}
		} else {
			for _, line := range strings.Split(text, "\n") {
				rows = append(rows, strings.Split(line, "\t"))
			}
		}
	}
	ro := &roster{Path: path}
	seen := map[string]bool{}
	for _, n := range rosterNames(rows) {
		_, k := unitKeys(n)
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		ro.Units = append(ro.Units, n)
	}
	if len(ro.Units) == 0 {
		return nil, usageError{fmt.Sprintf("名单 %s 中没有任何单位（每行一个单位名称，或 CSV/XLSX 中“单位名称”一列）", path)}
	}
	return ro, nil
}

// csvSeparator is the field separator of a CSV roster: a comma, or the
// semicolon (Excel in some locales) or tab that the first line holds and
// that line has no comma.
func csvSeparator(text string) rune {
	first, _, _ := strings.Cut(text, "\n")
	if !strings.ContainsRune(first, ',') {
		for _, sep := range []rune{';', '\t'} {
			if strings.ContainsRune(first, sep) {
				return sep
			}
		}
	}
	return ','
}

// rosterText decodes a text roster: UTF-8 (with or without BOM), UTF-16
// with BOM or GB18030, as offices save rosters from Excel and Notepad. It
// refuses what is not text: NUL and other control bytes, bytes that are
// no encoding.
func rosterText(data []byte) (string, bool) {
	s, err := textenc.Decode(data)
	if err != nil {
		return "", false
	}
	for _, r := range s {
		if r == utf8.RuneError || (r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f') || r == 0x7f {
			return "", false
		}
	}
	// CRLF (Windows) and CR alone (old Mac, some exports) end lines too
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n"), true
}

// rosterNames picks the unit names out of a roster's rows: comment rows
// (#) and blank rows dropped; a header row among the first rows decides
// the unit column and the rows above it are titles; without one, the unit
// column is the first that is not all numbers. Header words are never units.
func rosterNames(rows [][]string) []string {
	var data [][]string
	for _, r := range rows {
		blank := true
		for i := range r {
			r[i] = strings.TrimSpace(strings.TrimPrefix(r[i], "\ufeff"))
			if r[i] != "" {
				blank = false
			}
		}
		if blank {
			continue
		}
		if first := firstFilled(r); strings.HasPrefix(first, "#") {
			continue
		}
		data = append(data, r)
	}
	col := -1
	for i := 0; i < len(data) && i < rosterHeaderRows && col < 0; i++ {
		for j, c := range data[i] {
			if isRosterHeader(c) {
				col = j
				data = data[i+1:]
				break
			}
		}
	}
	if col < 0 {
		// A header without a unit-column word (所属地区, 联系人, 电话): a row
		// of labels before any row holding a unit name; the unit column is
		// then the first whose cells look like unit names.
		for i := 0; i < len(data) && i < rosterHeaderRows; i++ {
			if isLabelRow(data[i]) {
				data = data[i+1:]
				col = unitLikeColumn(data)
				break
			}
			if slices.ContainsFunc(data[i], looksLikeUnit) {
				break
			}
		}
	}
	if col < 0 {
		col = 0
	cols:
		for j := range widest(data) {
			for _, r := range data {
				if j < len(r) && r[j] != "" && !rosterSeq.MatchString(width.Fold.String(r[j])) {
					col = j
					break cols
				}
			}
		}
	}
	var names []string
	for _, r := range data {
		if col < len(r) && r[col] != "" && !isRosterHeader(r[col]) {
			names = append(names, r[col])
		}
	}
	return names
}

// isLabelRow: a row of column labels, each a header word or a short cell
// such as 所属地区, 区划代码, 联系电话, 备注, none of them a unit name.
func isLabelRow(r []string) bool {
	n := 0
	for _, c := range r {
		if c == "" {
			continue
		}
		if looksLikeUnit(c) || !isRosterLabel(c) {
			return false
		}
		n++
	}
	return n > 0
}

// rosterLabelSuffixes end a column label; region labels are whole words
// (rosterRegionLabels), as a unit may be named 阿里地区.
var (
	rosterLabelSuffixes = []string{"名称", "全称", "简称", "区划", "代码", "序号", "编号", "联系人", "电话", "手机", "邮箱", "地址",
		"备注", "类别", "类型", "层级", "级别", "分类", "姓名", "职务", "日期", "时间", "说明", "情况", "网址", "号码", "单位", "机关"}
	rosterRegionLabels = []string{"地区", "所属地区", "所在地区", "地区名称", "区域", "所属区域", "行政区", "所属", "上级"}
	// rosterUnitSuffixes end a unit name.
	rosterUnitSuffixes = []string{"政府", "局", "委", "办", "办公室", "办公厅", "中心", "街道", "办事处", "镇", "乡", "委员会", "厅", "院",
		"所", "站", "队", "会", "处", "部", "馆", "社", "署", "团", "公司", "集团", "园区", "管委会", "法院", "检察院"}
)

func isRosterLabel(s string) bool {
	k := width.Fold.String(strings.TrimSpace(s))
	if isRosterHeader(k) || slices.Contains(rosterRegionLabels, k) {
		return true
	}
	if utf8.RuneCountInString(k) > 8 {
		return false
	}
	for _, suf := range rosterLabelSuffixes {
		if strings.HasSuffix(k, suf) {
			return true
		}
	}
	return false
}

// looksLikeUnit: the cell ends as a unit name does (…局, …镇人民政府,
// …街道办事处), a remark in brackets aside, and is at least three
// characters long.
func looksLikeUnit(s string) bool {
	k := width.Fold.String(strings.TrimSpace(s))
	if t := strings.TrimSpace(rosterNote.ReplaceAllString(k, "")); t != "" {
		k = t
	}
	if utf8.RuneCountInString(k) < 3 { // 乡镇, 县委: a category, or too short to tell
		return false
	}
	for _, suf := range rosterUnitSuffixes {
		if strings.HasSuffix(k, suf) && k != suf {
			return true
		}
	}
	return false
}

// unitLikeColumn is the first column most of whose filled cells look like
// unit names; -1 when none.
func unitLikeColumn(data [][]string) int {
	for j := range widest(data) {
		filled, units := 0, 0
		for _, r := range data {
			if j < len(r) && r[j] != "" {
				filled++
				if looksLikeUnit(r[j]) {
					units++
				}
			}
		}
		if units > 0 && 2*units >= filled {
			return j
		}
	}
	return -1
}

// widest is the number of columns of the longest row.
func widest(rows [][]string) int {
	n := 0
	for _, r := range rows {
		n = max(n, len(r))
	}
	return n
}

func firstFilled(r []string) string {
	for _, c := range r {
		if c != "" {
			return c
		}
	}
	return ""
}

// rosterSeq is a cell of a 序号 column: "1", "12.", "3、", "(4)".
var rosterSeq = regexp.MustCompile(`^[(（]?[0-9]+[)）.、]?$`)

func isRosterHeader(s string) bool {
	k := unitKey(s)
	switch k {
	case "单位", "单位名称", "单位全称", "单位简称", "名称", "全称", "机关", "机关名称", "发布机关", "行政机关",
		"部门", "部门名称", "报送单位", "应报送单位", "填报单位", "责任单位", "机构", "机构名称":
		return true
	}
	// 报送单位名称, 应报送单位全称 …: a short cell ending in 名称/全称.
	n := len([]rune(k))
	return n <= 8 && (strings.HasSuffix(k, "单位名称") || strings.HasSuffix(k, "单位全称") || strings.HasSuffix(k, "机关名称"))
}

// unitKey normalises a unit name the way offices vary it, so that full and
// short forms meet: spacing and width ignored; 人民政府 ~ 政府; 街道办事处 ~
// 街道; 委员会 ~ 委; a trailing 办公室/办公厅/办 dropped (the office publishes
// the government's report: "XX县人民政府办公室" ~ "XX县政府办" ~ "XX县人民政府").
func unitKey(s string) string {
	k, _ := unitKeys(s)
	return k
}

// unitKeys returns unitKey and the full key, which keeps the office apart
// from its government ("XX县人民政府办公室" ~ "XX县政府办", but not ~
// "XX县人民政府"): for a roster that lists both.
func unitKeys(s string) (key, full string) {
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
	office := ""
	for _, suf := range []string{"办公室", "办公厅", "办"} {
		if strings.HasSuffix(k, suf) && len([]rune(k)) > len([]rune(suf))+1 {
			k = strings.TrimSuffix(k, suf)
			office = "\x00" + strings.TrimSuffix(suf, "公室") // 办公室 ~ 办; 办公厅 apart
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
	if k == "" {
		return "", ""
	}
	return k, k + office
}

var (
	// rosterNumber is a list number before a name: "1.", "12、", "(3)", "01 ".
	rosterNumber = regexp.MustCompile(`^(?:\(?[0-9]+[).、.]|[0-9]+\s+)\s*`)
	// rosterNote is a bracketed remark: "（已撤并）", "(含下属单位)".
	rosterNote = regexp.MustCompile(`[(（][^()（）]*[)）]`)
)

// coverage is what a roster says about a run.
type coverage struct {
	Year int // the report year compared (--year, else the latest in the run)
	// Missing are roster units with no report of Year in the run.
	Missing []string
	// Unlisted are reports of Year whose issuer is not on the roster.
	Unlisted []checked
	// Unknown are reports whose issuer or year could not be read: they
	// could not be compared, and their unit may show as missing.
	Unknown []checked
	// Matched maps a roster unit to the paths of its reports of Year.
	Matched map[string][]string
	// Ambiguous maps a missing unit to the reports of different issuers
	// that reach it only by suffix (甲县 and 乙县木鱼镇人民政府 for
	// 木鱼镇人民政府): none of them was taken for it.
	Ambiguous map[string][]checked
	// OfYear counts the reports of Year in the run.
	OfYear int
}

// minSuffixRunes: a shorter name matches a longer one by suffix (the roster
// says "汝州市人民政府", the report "河南省汝州市人民政府") only when it is at
// least this long (汝州市), so that "政府" alone matches nothing.
const minSuffixRunes = 3

// runYear is the report year a roster is compared for: ro.Year (--year),
// else the latest report year in the run.
func (ro *roster) runYear(out []checked) int {
	if ro.Year > 0 {
		return ro.Year
	}
	y := 0
	for _, c := range out {
		y = max(y, c.Year)
	}
	return y
}

// compare matches the reports of out against the roster.
func (ro *roster) compare(out []checked) coverage {
	cv := coverage{Matched: map[string][]string{}, Ambiguous: map[string][]checked{}, Year: ro.runYear(out)}
	keys := make([]string, len(ro.Units))
	fulls := make([]string, len(ro.Units))
	for i, u := range ro.Units {
		keys[i], fulls[i] = unitKeys(u)
	}
	// bySuffix: the reports that reach a unit only by the suffix rule.
	bySuffix := map[int][]checked{}
	exact := map[int]bool{}
	for _, c := range out {
		if c.Issuer == "" || c.Year == 0 {
			cv.Unknown = append(cv.Unknown, c)
			continue
		}
		if c.Year == cv.Year {
			cv.OfYear++
		}
		if cv.Year != 0 && c.Year != cv.Year {
			continue
		}
		ik, ifull := unitKeys(c.Issuer)
		hit, suffix := -1, false
		// The unit named exactly first, then by the strict key (the office
		// kept apart) with a prefix on one side only, then the loose key:
		// a roster listing both 四川省青川县人民政府 and 青川县人民政府办公室
		// gives 青川县人民政府's report to the government, not the office.
		for i := range keys {
			if fulls[i] == ifull {
				hit = i
				break
			}
		}
		if hit < 0 {
			hit = uniqueSuffix(fulls, ifull)
			suffix = hit >= 0
		}
		if hit < 0 {
			for i, k := range keys {
				if k == ik {
					hit = i
					break
				}
			}
		}
		if hit < 0 {
			hit = uniqueSuffix(keys, ik)
			suffix = hit >= 0
		}
		if hit < 0 {
			cv.Unlisted = append(cv.Unlisted, c)
			continue
		}
		if suffix {
			bySuffix[hit] = append(bySuffix[hit], c)
		} else {
			exact[hit] = true
		}
		cv.Matched[ro.Units[hit]] = append(cv.Matched[ro.Units[hit]], c.Path)
	}
	// A unit reached only by suffix, by reports of different issuers (甲县
	// and 乙县木鱼镇人民政府 for 木鱼镇人民政府): which one it is cannot be
	// told, so neither is taken for it.
	for i, cs := range bySuffix {
		if exact[i] {
			continue
		}
		issuers := map[string]bool{}
		for _, c := range cs {
			issuers[unitKey(c.Issuer)] = true
		}
		if len(issuers) > 1 {
			delete(cv.Matched, ro.Units[i])
			cv.Ambiguous[ro.Units[i]] = cs
		}
	}
	for _, u := range ro.Units {
		if len(cv.Matched[u]) == 0 {
			cv.Missing = append(cv.Missing, u)
		}
	}
	sort.SliceStable(cv.Unlisted, func(i, j int) bool { return cv.Unlisted[i].Path < cv.Unlisted[j].Path })
	return cv
}

// uniqueSuffix is the one key of keys that k matches by suffix (a prefix
// such as the province on one side only), -1 when none or several do.
func uniqueSuffix(keys []string, k string) int {
	hit, n := -1, 0
	for i, u := range keys {
		if suffixMatch(u, k) {
			hit, n = i, n+1
		}
	}
	if n != 1 {
		return -1
	}
	return hit
}

func suffixMatch(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	return len([]rune(a)) >= minSuffixRunes && a != b && strings.HasSuffix(b, a)
}

// writeRosterNotes says on stderr who has not reported, for a run with
// --roster and no summary file to put it in (brief: the workbook has it,
// and only the reports that could not be compared are named).
func writeRosterNotes(w io.Writer, ro *roster, out []checked, brief bool) {
	cv := ro.compare(out)
	if !brief {
		fmt.Fprintf(w, "reportlint: 名单 %s 共 %d 个单位，%d 个未找到%s报告", ro.Path, len(ro.Units), len(cv.Missing), yearWords(cv.Year))
		if len(cv.Missing) > 0 {
			fmt.Fprintf(w, "：%s", strings.Join(cv.Missing, "、"))
		}
		fmt.Fprintln(w)
	}
	if ys := runYears(out); cv.Year != 0 && cv.OfYear == 0 && len(ys) > 0 {
		fmt.Fprintf(w, "reportlint: 本次检查的报告中没有%s的（只有 %s 年度的），名单上的单位因此都列为未报送；比对哪一年度由 --year 选择\n", yearWords(cv.Year), joinInts(ys, "、"))
	}
	for _, u := range cv.Missing {
		if cs := cv.Ambiguous[u]; len(cs) > 0 {
			fmt.Fprintf(w, "reportlint: 名单 %s 中的「%s」未算作已报送：%s\n", ro.Path, u, ambiguousNote(cs))
		}
	}
	if !brief {
		for _, c := range cv.Unlisted {
			fmt.Fprintf(w, "reportlint: %s 的发布机关「%s」不在名单 %s 中\n", c.Path, c.Issuer, ro.Path)
		}
	}
	for _, c := range cv.Unknown {
		if why, ok := unreadable(c); ok {
			fmt.Fprintf(w, "reportlint: %s 无法读取（%s），未能与名单 %s 比对\n", c.Path, why, ro.Path)
			continue
		}
		fmt.Fprintf(w, "reportlint: %s 的%s无法识别，未能与名单 %s 比对\n", c.Path, unknownWhat(c), ro.Path)
	}
}

// ambiguousNote says which reports of different issuers end with a unit's
// name, so that none was taken for it.
func ambiguousNote(cs []checked) string {
	var parts []string
	issuers := map[string]bool{}
	for _, c := range cs {
		issuers[unitKey(c.Issuer)] = true
		parts = append(parts, fmt.Sprintf("「%s」（%s）", c.Issuer, c.Path))
	}
	return fmt.Sprintf("%d 份不同发布机关的报告名称都以它结尾：%s，无法确定哪一份是它的；请在名单中写出全称", len(issuers), strings.Join(parts, "、"))
}

// unreadable reports whether a file could not be read at all (P001, no
// report), and why.
func unreadable(c checked) (string, bool) {
	if c.Issuer == "" && c.Year == 0 && len(c.Findings) > 0 && c.Findings[0].Rule == "P001" {
		return c.Findings[0].Message, true
	}
	return "", false
}

// runYears are the report years of out, ascending.
func runYears(out []checked) []int {
	seen := map[int]bool{}
	var ys []int
	for _, c := range out {
		if c.Year > 0 && !seen[c.Year] {
			seen[c.Year] = true
			ys = append(ys, c.Year)
		}
	}
	sort.Ints(ys)
	return ys
}

func joinInts(ns []int, sep string) string {
	ss := make([]string, len(ns))
	for i, n := range ns {
		ss[i] = strconv.Itoa(n)
	}
	return strings.Join(ss, sep)
}

// unknownWhat says what of a report could not be read for the roster.
func unknownWhat(c checked) string {
	switch {
	case c.Issuer == "" && c.Year == 0:
		return "发布机关和年度"
	case c.Issuer == "":
		return "发布机关"
	}
	return "年度"
}
