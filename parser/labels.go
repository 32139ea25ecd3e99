package parser

import (
	"strings"
	"unicode/utf8"
)

// hitKind says what a label cell was recognised as.
type hitKind int

const (
	hitItem    hitKind = iota + 1 // a data row label: key set
	hitGroup                      // a group cell: group set
	hitHeader                     // a column header: col set
	hitCaption                    // a table 二 block caption
	hitOld                        // a 2019-layout label
)

// labelHit is one recognition of a label cell.
type labelHit struct {
	table TableID
	kind  hitKind
	key   string // row key for items, column key or label for headers
	group string // group core for groups and items under a group
	want  string // canonical wording
	exact bool   // the core matched exactly (else a near miss: S106)
}

type labelEntry struct {
	core string
	hit  labelHit
	// runes is the rune count of core.
	runes int
}

// dictionary of exact cores; built once.
var labelDict = buildLabelDict()

// labelIndex maps a core to its first entry in labelDict.
var labelIndex = func() map[string]int {
	m := make(map[string]int, len(labelDict))
	for i, e := range labelDict {
		if _, dup := m[e.core]; !dup {
			m[e.core] = i
		}
	}
	return m
}()

func buildLabelDict() []labelEntry {
	var d []labelEntry
	add := func(label string, h labelHit) {
		h.want = label
		h.exact = true
		core := CoreLabel(label)
		d = append(d, labelEntry{core: core, hit: h, runes: utf8.RuneCountInString(core)})
	}
	for _, r := range table2Rows {
		add(r.Label, labelHit{table: Table2, kind: hitItem, key: string(r.Key)})
	}
	for _, h := range []string{"信息内容", "本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额"} {
		add(h, labelHit{table: Table2, kind: hitHeader, key: h})
	}
	for _, h := range []string{"本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减", "本年增减",
		"处理决定数量", "采购项目数量", "采购总金额", "其他对外管理服务事项", "政府集中采购"} {
		add(h, labelHit{table: Table2, kind: hitOld, key: h})
	}
	for _, r := range table3Rows {
		if r.Key == R3_6 {
			continue // the 2019 single row is the group label; see groups
		}
		h := labelHit{table: Table3, kind: hitItem, key: string(r.Key)}
		if strings.HasPrefix(r.Group, "（") {
			h.group = CoreLabel(r.Group)
		}
		add(r.Label, h)
	}
	for _, g := range []string{"三、本年度办理结果", "（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理"} {
		add(g, labelHit{table: Table3, kind: hitGroup, group: CoreLabel(g)})
	}
	for _, c := range table3Cols {
		if c.Key == ColOtherOrg || c.Key == ColTotal {
			continue // ambiguous: handled in context
		}
		add(c.Label, labelHit{table: Table3, kind: hitHeader, key: string(c.Key)})
	}
	add("申请人情况", labelHit{table: Table3, kind: hitHeader, key: "applicant"})
	add("法人或其他组织", labelHit{table: Table3, kind: hitHeader, key: "org"})
	for _, h := range []string{"行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉"} {
		add(h, labelHit{table: Table4, kind: hitHeader, key: h})
	}
	for _, c := range table4Cols[:4] {
		add(c.Label, labelHit{table: Table4, kind: hitHeader, key: string(c.Key)})
	}
	return d
}

// ambiguous labels that belong to several tables; resolved by context.
var ambiguousCores = map[string]bool{"总计": true, "其他": true, "合计": true, "小计": true}

// matchLabel recognises one label cell. It returns ok=false for text that is
// no known label (nor a near miss of one).
func matchLabel(text string) (labelHit, bool) {
	c := Compact(text)
	if c == "" {
		return labelHit{}, false
	}
	if strings.Contains(c, "勾稽关系") {
		return labelHit{table: Table3, kind: hitHeader, key: "note", exact: true}, true
	}
	if strings.HasPrefix(c, "第二十条") {
		h := labelHit{table: Table2, kind: hitCaption, key: c, exact: true}
		if strings.Contains(c, "九") {
			h.kind = hitOld
		}
		return h, true
	}
	// Table 四 group labels written with their parent: "行政诉讼（未经复议直接起诉）".
	if strings.HasPrefix(c, "行政诉讼") || strings.HasPrefix(c, "诉讼") {
		switch {
		case strings.Contains(c, "未经复议"):
			return labelHit{table: Table4, kind: hitHeader, key: "未经复议直接起诉", exact: true}, true
		case strings.Contains(c, "复议后起诉"):
			return labelHit{table: Table4, kind: hitHeader, key: "复议后起诉", exact: true}, true
		}
	}
	core := coreOf(replaceLabelPunct(c)) // CoreLabel(text)
	// A subtotal column a local template adds: "法人或其他组织小计".
	if strings.HasSuffix(core, "小计") {
		return labelHit{kind: hitHeader, key: "小计", exact: true}, true
	}
	if ambiguousCores[core] {
		return labelHit{kind: hitHeader, key: core, exact: true}, true
	}
	if i, ok := labelIndex[core]; ok {
		return labelDict[i].hit, true
	}
	// Near misses: typos, missing or extra words. Only long enough labels.
	n := utf8.RuneCountInString(core)
	if n < 3 {
		return labelHit{}, false
	}
	best, bestDist := -1, 1<<30
	for i, e := range labelDict {
		if e.hit.kind == hitOld || e.hit.kind == hitCaption {
			continue
		}
		if !mayBeSimilar(n, e.runes) {
			continue
		}
		if Similar(core, e.core) {
			d := EditDistance(core, e.core)
			if d < bestDist {
				best, bestDist = i, d
			}
		}
	}
	if best < 0 {
		return labelHit{}, false
	}
	h := labelDict[best].hit
	h.exact = false
	return h, true
}
