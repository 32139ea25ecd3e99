package main

import (
	"fmt"
	"sort"

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
// issuer and year Y−1 when exactly one such report is in the run (and the
// year Y itself is not duplicated, which would make the pairing a guess).
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
	type key struct {
		issuer string
		year   int
	}
	byKey := map[key][]int{}
	for i, r := range results {
		if r.Report == nil || r.Report.Issuer == "" || r.Report.Year == 0 {
			continue
		}
		k := key{rules.IssuerKey(r.Report.Issuer), r.Report.Year}
		byKey[k] = append(byKey[k], i)
	}
	// Ambiguous keys are noted once per issuer and year, not once per file.
	ambiguous := map[key][]string{}
	for i, r := range results {
		if r.Report == nil || r.Report.Issuer == "" || r.Report.Year == 0 {
			continue
		}
		self := key{rules.IssuerKey(r.Report.Issuer), r.Report.Year}
		prevs := byKey[key{self.issuer, self.year - 1}]
		switch {
		case len(prevs) == 0:
			continue
		case len(prevs) > 1 || len(byKey[self]) > 1:
			ambiguous[self] = append(ambiguous[self], r.Path)
			continue
		}
		j := prevs[0]
		pr.Prev[i], pr.PrevPath[i] = results[j].Report, results[j].Path
		pr.Notes = append(pr.Notes, fmt.Sprintf("reportlint: 跨年度对照：%s（%d年度）← 上一年度 %s（%d年度）", r.Path, r.Report.Year, results[j].Path, results[j].Report.Year))
	}
	var notes []string
	for k, paths := range ambiguous {
		issuer := results[byKey[k][0]].Report.Issuer
		example := paths[0]
		if len(paths) > 1 {
			example = fmt.Sprintf("%s 等 %d 份", paths[0], len(paths))
		}
		notes = append(notes, fmt.Sprintf("reportlint: %s %d年度或%d年度有多份报告（%s），无法确定哪两份是同一机关的相邻年度，未自动配对跨年度对照；请用 --previous 指定",
			issuer, k.year, k.year-1, example))
	}
	sort.Strings(notes)
	pr.Notes = append(pr.Notes, notes...)
	return pr
}
