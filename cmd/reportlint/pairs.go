package main

import (
	"fmt"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/reportlint/reportlint/parser"
	"github.com/reportlint/reportlint/rules"
)

// pairing is the previous-year report chosen for each file of a run.
type pairing struct {
	// Prev[i] is the previous-year report of results[i], or nil.
	Prev []*parser.Report
	// PrevPath[i] is the path of Prev[i] as given on the command line.
	PrevPath []string
	// Notes say which pairs were made, for people (printed to stderr).
	Notes []string
}

// pairReports decides which previous-year report each file is compared
// with by the cross-year rules (X701–X704). An explicit --previous report
// applies to every file. Otherwise reports of the run are paired
// automatically: a report of issuer I and year Y gets the report of the same
// issuer and year Y−1, however many reports of I the folder holds; when
// several reports of I are of year Y−1 (copies in several formats or
// folders), the one that resembles it most is taken (see choosePrevious).
func pairReports(results []fileResult, explicit *parser.Report, explicitPath string) pairing {
	n := len(results)
	pr := pairing{Prev: make([]*parser.Report, n), PrevPath: make([]string, n)}
	if explicit != nil {
		for i, r := range results {
			if r.Report == nil || r.Path == explicitPath {
				continue
			}
			pr.Prev[i], pr.PrevPath[i] = explicit, explicitPath
			note := fmt.Sprintf("reportlint: %s 与 --previous 指定的 %s 对照（跨年度规则 X701–X704）", r.Path, explicitPath)
			if r.Report.Year != 0 && explicit.Year != 0 && explicit.Year != r.Report.Year-1 {
				note += fmt.Sprintf("；注意：%s 是 %d 年度报告，不是 %d 年度", explicitPath, explicit.Year, r.Report.Year-1)
			}
			if r.Report.Issuer != "" && explicit.Issuer != "" && !rules.SameIssuer(r.Report.Issuer, explicit.Issuer) {
				note += fmt.Sprintf("；注意：发布机关不同（%s / %s）", r.Report.Issuer, explicit.Issuer)
			}
			pr.Notes = append(pr.Notes, note)
		}
		return pr
	}
	type key = issuerYear
	byKey := map[key][]int{}   // by the issuer as written
	byLoose := map[key][]int{} // by the issuer as offices vary it (unitKey)
	for i, r := range results {
		if r.Report == nil || r.Report.Issuer == "" || r.Report.Year == 0 {
			continue
		}
		k := key{rules.IssuerKey(r.Report.Issuer), r.Report.Year}
		byKey[k] = append(byKey[k], i)
		l := key{unitKey(r.Report.Issuer), r.Report.Year}
		byLoose[l] = append(byLoose[l], i)
	}
	// Files whose previous year is ambiguous are noted once per issuer and
	// year, not once per file.
	ambiguous := map[key][]string{}
	ambiguousOf := map[key]int{} // the number of candidates
	var pairNotes []string
	for i, r := range results {
		if r.Report == nil || r.Report.Issuer == "" || r.Report.Year == 0 {
			continue
		}
		self := key{rules.IssuerKey(r.Report.Issuer), r.Report.Year}
		cands := byKey[key{self.issuer, self.year - 1}]
		if len(cands) == 0 {
			cands = renamedPrevious(results, byKey, byLoose[key{unitKey(r.Report.Issuer), self.year - 1}], self.year)
		}
		j := choosePrevious(results, i, cands)
		switch j {
		case -1:
			continue
		case -2:
			ambiguous[self] = append(ambiguous[self], r.Path)
			ambiguousOf[self] = max(ambiguousOf[self], len(cands))
			continue
		}
		pr.Prev[i], pr.PrevPath[i] = results[j].Report, results[j].Path
		note := fmt.Sprintf("reportlint: 跨年度对照：%s（%d年度）← 上一年度 %s（%d年度）", r.Path, r.Report.Year, results[j].Path, results[j].Report.Year)
		if p := results[j].Report.Issuer; rules.IssuerKey(p) != self.issuer {
			note += fmt.Sprintf("（发布机关写法不同：%s / %s）", r.Report.Issuer, p)
		}
		pairNotes = append(pairNotes, note)
	}
	if len(pairNotes) > maxPairNotes {
		n := len(pairNotes)
		pairNotes = append(pairNotes[:maxPairNotes:maxPairNotes], fmt.Sprintf("reportlint: 跨年度对照共 %d 对（以上列出前 %d 对；每个文件的对照见 --format json 的 previous）", n, maxPairNotes))
	}
	pr.Notes = append(pr.Notes, pairNotes...)
	var notes []string
	for k, paths := range ambiguous {
		issuer := results[byKey[k][0]].Report.Issuer
		example := paths[0]
		if len(paths) > 1 {
			example = fmt.Sprintf("%s 等 %d 份", paths[0], len(paths))
		}
		notes = append(notes, fmt.Sprintf("reportlint: %s %d年度的报告（%s）有 %d 份可能的上一年度报告，无法确定与哪一份对照，未自动配对跨年度对照；请用 --previous 指定",
			issuer, k.year, example, ambiguousOf[k]))
	}
	sort.Strings(notes)
	pr.Notes = append(pr.Notes, notes...)
	return pr
}

// renamedPrevious are the candidates of loose (reports of year−1 whose
// issuer is written differently but is the same unit as offices vary its
// name: "XX县政府办" ~ "XX县人民政府办公室", "城关街道" ~ "城关街道办事处")
// that can be the previous year of a report of year: those whose issuer,
// as written, has no report of year in the run (its series did not go on
// under that name, so the name changed; a unit that reported both years
// under its own name is not taken for another's previous year).
func renamedPrevious(results []fileResult, byKey map[issuerYear][]int, loose []int, year int) []int {
	var out []int
	for _, j := range loose {
		if len(byKey[issuerYear{rules.IssuerKey(results[j].Report.Issuer), year}]) == 0 {
			out = append(out, j)
		}
	}
	return out
}

// issuerYear is an issuer's key and a report year.
type issuerYear struct {
	issuer string
	year   int
}

// maxPairNotes bounds the pairs announced one by one on stderr.
const maxPairNotes = 20

// choosePrevious picks, among the candidate previous-year reports cands of
// the same issuer, the one results[i] is compared with: the only one, or
// the one that resembles it most (the same file name once years are set
// aside, the same folder, the same format). It returns -1 when there is no
// candidate and -2 when the best candidates tie, which would make the
// pairing a guess.
func choosePrevious(results []fileResult, i int, cands []int) int {
	switch len(cands) {
	case 0:
		return -1
	case 1:
		return cands[0]
	}
	best, bestScore, tie := -1, -1, false
	for _, j := range cands {
		sc := pairScore(results[i], results[j])
		switch {
		case sc > bestScore:
			best, bestScore, tie = j, sc, false
		case sc == bestScore:
			tie = true
		}
	}
	if tie {
		return -2
	}
	return best
}

// pairScore says how much two reports of one issuer look like the same
// series: "2023年报.pdf" and "2024年报.pdf" in one folder score highest.
func pairScore(a, b fileResult) int {
	score := 0
	if yearless(filepath.Base(a.Path)) == yearless(filepath.Base(b.Path)) {
		score += 4
	}
	if filepath.Dir(a.Path) == filepath.Dir(b.Path) {
		score += 2
	}
	if a.Report.Doc != nil && b.Report.Doc != nil && a.Report.Doc.Format == b.Report.Doc.Format {
		score++
	}
	return score
}

var digitsRun = regexp.MustCompile(`[0-9０-９]+|[〇零一二三四五六七八九]{4}`)

// yearless is a file name with its numbers (years) taken out.
func yearless(name string) string {
	return digitsRun.ReplaceAllString(strings.ToLower(name), "#")
}
