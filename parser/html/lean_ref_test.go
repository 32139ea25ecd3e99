package html

import (
	"bytes"
	"strings"

	xhtml "github.com/reportlint/reportlint/parser/html/internal/xhtml"
)

// scanPageRef is scanPage with xhtml's Tokenizer: the reference
// scanPage is held to. It tokenizes the page, counting tags for the size limits (see
// tagCounter) and checking the limits (see pageScan.stop; maxTags and
// maxText 0 mean no limit), and, when lean is set, plans the lean parse for
// a tree at most maxDepth deep.
func scanPageRef(src string, lean bool, maxDepth, maxTags, maxCells, maxText int) pageScan {
	var sc pageScan
	z := xhtml.NewTokenizerBytes([]byte(src), 0)
	const (
		inHead = iota
		inBody
		afterBody
	)
	phase := inHead
	plan := &leanPlan{}
	// The visible text tokens, compacted only once there is a segment to
	// leave out (a Word page is one <div>).
	type textTok struct {
		start, end int
		raw        bool // raw text (xmp, noembed, noframes): no entities
	}
	texts := make([]textTok, 0, len(src)/128)
	type open struct {
		name      string
		invisible bool
	}
	var stack []open
	foreign := 0 // open svg and math elements
	rawOpen := ""
	var seg *leanSeg
	// The parser drops NUL characters from body text, the tokenizer does
	// not: such pages are read in full.
	lean = lean && strings.IndexByte(src, 0) < 0
	for {
		tt := z.Next()
		if tt == xhtml.ErrorToken {
			break
		}
		sc.count.add(tt, z.Raw())
		if sc.count.maxDepth > 4*maxDepth {
			sc.stop = stopDepth
			return sc
		}
		if maxCells > 0 && sc.count.cells > maxCells {
			sc.stop = stopCells
			return sc
		}
		if sc.stop == stopTooMany {
			continue // counting on: deep nesting later is reported first
		}
		if maxTags > 0 && sc.count.tags > maxTags {
			sc.stop = stopTooMany
			continue
		}
		if maxText > 0 && tt == xhtml.TextToken && len(z.Raw()) > maxText {
			sc.stop = stopText
			return sc
		}
		if !lean {
			continue
		}
		start, end := z.Offset()
		switch phase {
		case inHead:
			switch tt {
			case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
				name, _ := z.TagName()
				switch {
				case string(name) == "body":
					phase = inBody
					plan.prefixEnd = end
				case !headTags[string(name)]:
					lean = false
				case tt == xhtml.StartTagToken && (string(name) == "script" || string(name) == "style" || string(name) == "title" || string(name) == "noscript"):
					rawOpen = string(name)
				}
			case xhtml.EndTagToken:
				name, _ := z.TagName()
				switch {
				case rawOpen != "" && string(name) == rawOpen:
					rawOpen = ""
				case string(name) != "head":
					lean = false
				}
			case xhtml.TextToken:
				if rawOpen == "" && !blank(z.Raw()) {
					lean = false
				}
			}
		case inBody:
			switch tt {
			case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
				nameB, hasAttr := z.TagName()
				name := internName(nameB)
				if noLean[name] {
					lean = false
					continue
				}
				if len(stack) == 0 {
					plan.segs = append(plan.segs, leanSeg{start: start, rFrom: len(texts)})
					seg = &plan.segs[len(plan.segs)-1]
				}
				if voidTags[name] || foreign > 0 && tt == xhtml.SelfClosingTagToken {
					if len(stack) == 0 {
						seg.end, seg.rTo = end, len(texts)
					}
					continue
				}
				inv := len(stack) > 0 && stack[len(stack)-1].invisible || skipTags[name] || hasAttr && hiddenAttrs(z)
				stack = append(stack, open{name, inv})
				seg.depth = max(seg.depth, len(stack))
				if name == "svg" || name == "math" {
					foreign++
				}
			case xhtml.EndTagToken:
				nameB, _ := z.TagName()
				name := string(nameB)
				if len(stack) == 0 {
					switch name {
					case "body", "html":
						phase = afterBody
					case "p", "br":
						lean = false // the parser makes an element of these
					}
					continue
				}
				if stack[len(stack)-1].name != name {
					lean = false // not perfectly nested
					continue
				}
				if name == "svg" || name == "math" {
					foreign--
				}
				stack = stack[:len(stack)-1]
				if len(stack) == 0 {
					seg.end, seg.rTo = end, len(texts)
				}
			case xhtml.TextToken:
				if len(stack) == 0 {
					if !blank(z.Raw()) {
						lean = false
					}
					continue
				}
				if top := stack[len(stack)-1]; !top.invisible {
					texts = append(texts, textTok{start, end, top.name == "xmp" || top.name == "noembed" || top.name == "noframes"})
				}
			}
		case afterBody:
			switch tt {
			case xhtml.CommentToken:
			case xhtml.TextToken:
				if !blank(z.Raw()) {
					lean = false
				}
			case xhtml.EndTagToken:
				if name, _ := z.TagName(); string(name) != "html" && string(name) != "body" {
					lean = false
				}
			default:
				lean = false
			}
		}
	}
	if sc.stop != stopNone || !lean || phase == inHead || len(stack) > 0 || len(plan.segs) == 0 {
		return sc
	}
	if len(plan.segs) < 2 {
		return sc // nothing could be left out
	}
	var text strings.Builder
	n := 0
	for _, tk := range texts {
		n += tk.end - tk.start
	}
	text.Grow(n)
	for i := range plan.segs {
		sg := &plan.segs[i]
		sg.tStart = text.Len()
		for _, tk := range texts[sg.rFrom:sg.rTo] {
			raw := src[tk.start:tk.end]
			if !tk.raw && strings.IndexByte(raw, '&') >= 0 {
				raw = xhtml.UnescapeString(raw)
			}
			writeCompact(&text, raw)
		}
		sg.tEnd = text.Len()
	}
	plan.bodyText = text.Len()
	if plan.bodyText == 0 {
		return sc
	}
	// Keep every segment that an occurrence of a wanted string (a date
	// label with the date after it) touches, and those too deep to be
	// sure their tree stays within the depth limit.
	plan.keepWanted(text.String())
	skipped := false
	for i := range plan.segs {
		s := &plan.segs[i]
		if 3*s.depth+4 > maxDepth {
			s.keep = true
		}
		skipped = skipped || !s.keep
	}
	if !skipped {
		return sc // nothing to leave out: the full parse is as cheap
	}
	sc.plan = plan
	return sc
}

// internName returns a tag name as a string, without allocating for the
// names in the tables above.
func internName(b []byte) string {
	if s, ok := knownNames[string(b)]; ok {
		return s
	}
	return string(b)
}

var knownNames = func() map[string]string {
	m := map[string]string{}
	for _, t := range []map[string]bool{voidTags, headTags, noLean, skipTags, blockTags, notNesting, chromeTags} {
		for k := range t {
			m[k] = k
		}
	}
	for _, k := range []string{"span", "a", "b", "i", "u", "strong", "em", "font", "svg", "math", "path", "sup", "sub", "label", "small"} {
		m[k] = k
	}
	return m
}()

func blank(b []byte) bool {
	return len(bytes.TrimLeft(b, " \t\n\r\f")) == 0
}
