package docx

import (
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// maxLevels is the number of list levels WordprocessingML defines (0..8).
const maxLevels = 9

// level is one level of an abstract numbering definition.
type level struct {
	start   int
	numFmt  string
	lvlText string
	suff    string // "tab" (default), "space", "nothing"
	restart int    // -1: default (restart after any higher level); 0: never; n: after level n (1-based)
	isLgl   bool
	pStyle  string
}

func defaultLevel() level { return level{start: 1, numFmt: "decimal", suff: "tab", restart: -1} }

type abstractNum struct {
	levels     [maxLevels]level
	defined    [maxLevels]bool
	styleLink  string // w:numStyleLink: the definition lives in a numbering style
	numStyleOf string // w:styleLink: this definition defines that numbering style
}

type numInstance struct {
	abstractID string
	// startOverride per level, or -1.
	startOverride [maxLevels]int
	// lvl overrides replace the abstract level.
	lvlOverride [maxLevels]*level
}

// numbering holds numbering.xml and the paragraph styles' numbering, and the
// counters while the body is read.
type numbering struct {
	abstract map[string]*abstractNum
	nums     map[string]*numInstance
	styles   map[string]*styleDef
	// defaultPStyle is the default paragraph style's ID.
	defaultPStyle string

	// counters are kept per abstract definition (Word continues a list
	// across num instances that share one), or per num when it overrides a
	// start value.
	counters map[string]*[maxLevels]int
	started  map[string]bool
}

// styleDef is what a paragraph style contributes to numbering.
type styleDef struct {
	basedOn string
	numID   string
	hasNum  bool
	ilvl    int
	hasIlvl bool
}

// saveCounters copies the list counters (readBody may read the body twice).
func (nb *numbering) saveCounters() [2]any {
	c := make(map[string]*[maxLevels]int, len(nb.counters))
	for k, v := range nb.counters {
		cp := *v
		c[k] = &cp
	}
	st := make(map[string]bool, len(nb.started))
	for k, v := range nb.started {
		st[k] = v
	}
	return [2]any{c, st}
}

// restoreCounters puts back what saveCounters copied.
func (nb *numbering) restoreCounters(s [2]any) {
	nb.counters = s[0].(map[string]*[maxLevels]int)
	nb.started = s[1].(map[string]bool)
}

func newNumbering() *numbering {
	return &numbering{
		abstract: map[string]*abstractNum{},
		nums:     map[string]*numInstance{},
		styles:   map[string]*styleDef{},
		counters: map[string]*[maxLevels]int{},
		started:  map[string]bool{},
	}
}

func isW(n xml.Name) bool { return n.Space == nsW || n.Space == nsWStrict }

func wattr(t xml.StartElement, local string) (string, bool) {
	for _, a := range t.Attr {
		if a.Name.Local == local && (isW(a.Name) || a.Name.Space == "") {
			return a.Value, true
		}
	}
	return "", false
}

func atoiDef(s string, def int) int {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		return def
	}
	return n
}

// onOff reads a WordprocessingML boolean property: present means on unless
// val is false/0/off.
func onOff(t xml.StartElement) bool {
	v, ok := wattr(t, "val")
	if !ok {
		return true
	}
	switch strings.ToLower(v) {
	case "0", "false", "off":
		return false
	}
	return true
}

// parseNumbering reads numbering.xml.
func (nb *numbering) parseNumbering(r io.Reader, maxDepth int) error {
	dec := xml.NewDecoder(r)
	var curAbs *abstractNum
	var curNum *numInstance
	var curLvl *level
	curLvlIdx := -1
	overrideIdx := -1
	depth := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth > maxDepth {
				return fmt.Errorf("XML 嵌套超过 %d 层", maxDepth)
			}
			if !isW(t.Name) {
				continue
			}
			val, _ := wattr(t, "val")
			switch t.Name.Local {
			case "abstractNum":
				id, _ := wattr(t, "abstractNumId")
				curAbs = &abstractNum{}
				for i := range curAbs.levels {
					curAbs.levels[i] = defaultLevel()
				}
				nb.abstract[id] = curAbs
			case "num":
				id, _ := wattr(t, "numId")
				curNum = &numInstance{}
				for i := range curNum.startOverride {
					curNum.startOverride[i] = -1
				}
				nb.nums[id] = curNum
			case "abstractNumId":
				if curNum != nil {
					curNum.abstractID = val
				}
			case "lvlOverride":
				il, _ := wattr(t, "ilvl")
				overrideIdx = atoiDef(il, -1)
			case "startOverride":
				if curNum != nil && overrideIdx >= 0 && overrideIdx < maxLevels {
					curNum.startOverride[overrideIdx] = atoiDef(val, 1)
				}
			case "lvl":
				il, _ := wattr(t, "ilvl")
				curLvlIdx = atoiDef(il, -1)
				if curLvlIdx < 0 || curLvlIdx >= maxLevels {
					curLvl = nil
					continue
				}
				l := defaultLevel()
				if curNum != nil && overrideIdx >= 0 {
					if curNum.lvlOverride[curLvlIdx] == nil {
						curNum.lvlOverride[curLvlIdx] = &l
					}
					curLvl = curNum.lvlOverride[curLvlIdx]
				} else if curAbs != nil {
					curAbs.defined[curLvlIdx] = true
					curAbs.levels[curLvlIdx] = l
					curLvl = &curAbs.levels[curLvlIdx]
				}
			case "start":
				if curLvl != nil {
					curLvl.start = atoiDef(val, 1)
				}
			case "numFmt":
				if curLvl != nil {
					curLvl.numFmt = val
					// Word 2010 writes custom formats as
					// w:numFmt w:val="custom" w:format="一, 二, 三, ...".
					if f, ok := wattr(t, "format"); ok && val == "custom" {
						curLvl.numFmt = customFormat(f)
					}
				}
			case "lvlText":
				if curLvl != nil {
					curLvl.lvlText = val
				}
			case "suff":
				if curLvl != nil {
					curLvl.suff = val
				}
			case "lvlRestart":
				if curLvl != nil {
					curLvl.restart = atoiDef(val, -1)
				}
			case "isLgl":
				if curLvl != nil {
					curLvl.isLgl = onOff(t)
				}
			case "pStyle":
				if curLvl != nil {
					curLvl.pStyle = val
				}
			case "numStyleLink":
				if curAbs != nil {
					curAbs.styleLink = val
				}
			case "styleLink":
				if curAbs != nil {
					curAbs.numStyleOf = val
				}
			}
		case xml.EndElement:
			depth--
			if !isW(t.Name) {
				continue
			}
			switch t.Name.Local {
			case "abstractNum":
				curAbs = nil
			case "num":
				curNum = nil
			case "lvlOverride":
				overrideIdx = -1
			case "lvl":
				curLvl, curLvlIdx = nil, -1
			}
		}
	}
}

// customFormat maps a custom format sample ("一, 二, 三, ...") to a known format.
func customFormat(sample string) string {
	first := strings.TrimSpace(strings.Split(sample, ",")[0])
	switch {
	case strings.HasPrefix(first, "一"):
		return "chineseCounting"
	case strings.HasPrefix(first, "壹"):
		return "chineseLegalSimplified"
	case strings.HasPrefix(first, "甲"):
		return "ideographTraditional"
	case strings.HasPrefix(first, "①"):
		return "decimalEnclosedCircle"
	case strings.HasPrefix(first, "01"), strings.HasPrefix(first, "001"):
		return "decimalZero"
	}
	return "decimal"
}

// parseStyles reads the paragraph styles' numbering from styles.xml.
func (nb *numbering) parseStyles(r io.Reader, maxDepth int) error {
	dec := xml.NewDecoder(r)
	var cur *styleDef
	depth := 0
	inChange := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth > maxDepth {
				return fmt.Errorf("XML 嵌套超过 %d 层", maxDepth)
			}
			if !isW(t.Name) {
				continue
			}
			if strings.HasSuffix(t.Name.Local, "Change") {
				inChange++
			}
			if inChange > 0 {
				continue
			}
			val, _ := wattr(t, "val")
			switch t.Name.Local {
			case "style":
				typ, _ := wattr(t, "type")
				id, _ := wattr(t, "styleId")
				cur = nil
				if typ == "paragraph" || typ == "" || typ == "numbering" {
					cur = &styleDef{}
					nb.styles[id] = cur
					if d, ok := wattr(t, "default"); ok && (d == "1" || d == "true" || d == "on") && typ != "numbering" {
						nb.defaultPStyle = id
					}
				}
			case "basedOn":
				if cur != nil {
					cur.basedOn = val
				}
			case "numId":
				if cur != nil {
					cur.numID, cur.hasNum = val, true
				}
			case "ilvl":
				if cur != nil {
					cur.ilvl, cur.hasIlvl = atoiDef(val, 0), true
				}
			}
		case xml.EndElement:
			depth--
			if !isW(t.Name) {
				continue
			}
			if strings.HasSuffix(t.Name.Local, "Change") && inChange > 0 {
				inChange--
			}
			if t.Name.Local == "style" {
				cur = nil
			}
		}
	}
}

// styleNum resolves the numbering a paragraph style gives, following basedOn.
func (nb *numbering) styleNum(styleID string) (numID string, ilvl int, ok bool) {
	haveIlvl := false
	for i := 0; i < 20 && styleID != ""; i++ {
		s := nb.styles[styleID]
		if s == nil {
			break
		}
		if s.hasIlvl && !haveIlvl {
			ilvl, haveIlvl = s.ilvl, true
		}
		if s.hasNum {
			return s.numID, ilvl, true
		}
		styleID = s.basedOn
	}
	return "", 0, false
}

// resolveAbstract finds the abstract definition of a num, following a
// numStyleLink through the numbering style to the definition it links.
func (nb *numbering) resolveAbstract(numID string) (string, *abstractNum) {
	seen := 0
	for seen < 10 {
		seen++
		n := nb.nums[numID]
		if n == nil {
			return "", nil
		}
		a := nb.abstract[n.abstractID]
		if a == nil {
			return "", nil
		}
		if a.styleLink == "" {
			return n.abstractID, a
		}
		s := nb.styles[a.styleLink]
		if s == nil || !s.hasNum {
			return n.abstractID, a
		}
		numID = s.numID
	}
	return "", nil
}

// label advances the counters for a paragraph numbered (numID, ilvl) and
// returns the rendered number with its suffix ("一、", "（二）", "1.1\t").
// It returns "" for numId 0 (numbering removed) or an unknown list.
func (nb *numbering) label(numID string, ilvl int) string {
	if numID == "" || numID == "0" || ilvl < 0 || ilvl >= maxLevels {
		return ""
	}
	inst := nb.nums[numID]
	if inst == nil {
		return ""
	}
	absID, abs := nb.resolveAbstract(numID)
	if abs == nil {
		return ""
	}
	lv := func(i int) level {
		if inst.lvlOverride[i] != nil {
			return *inst.lvlOverride[i]
		}
		return abs.levels[i]
	}
	key := "a" + absID
	hasOverride := false
	for i := range inst.startOverride {
		if inst.startOverride[i] >= 0 {
			hasOverride = true
		}
	}
	if hasOverride {
		key = "n" + numID
	}
	cnt := nb.counters[key]
	if cnt == nil {
		cnt = new([maxLevels]int)
		for i := range cnt {
			cnt[i] = -1 // unused
		}
		nb.counters[key] = cnt
	}
	startOf := func(i int) int {
		if inst.startOverride[i] >= 0 && hasOverride {
			return inst.startOverride[i]
		}
		return lv(i).start
	}
	if cnt[ilvl] < 0 {
		cnt[ilvl] = startOf(ilvl)
	} else {
		cnt[ilvl]++
	}
	for k := ilvl + 1; k < maxLevels; k++ {
		r := lv(k).restart
		// lvlRestart n: restart after a level numbered below n (1-based).
		if r < 0 || (r > 0 && ilvl < r) {
			cnt[k] = -1
		}
	}
	cur := lv(ilvl)
	if cur.numFmt == "bullet" || cur.numFmt == "none" {
		return ""
	}
	var b strings.Builder
	text := cur.lvlText
	for i := 0; i < len(text); i++ {
		if text[i] == '%' && i+1 < len(text) && text[i+1] >= '1' && text[i+1] <= '9' {
			k := int(text[i+1] - '1')
			n := cnt[k]
			if n < 0 {
				n = startOf(k)
			}
			f := lv(k).numFmt
			if cur.isLgl && k < ilvl {
				f = "decimal"
			}
			b.WriteString(formatNumber(n, f))
			i++
			continue
		}
		b.WriteByte(text[i])
	}
	if b.Len() == 0 {
		return ""
	}
	switch cur.suff {
	case "nothing":
	case "space":
		b.WriteByte(' ')
	default:
		b.WriteByte('\t')
	}
	return b.String()
}
