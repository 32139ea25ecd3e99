package html

import (
	"strings"
	"testing"
)

func TestCloneEstimate(t *testing.T) {
	bomb := "<html><body><p>" + strings.Repeat("<b>", 0)
	for i := range 250 {
		bomb += "<b id=" + string(rune('a'+i%26)) + ">"
	}
	bomb += "</p>" + strings.Repeat("<p>x", 5000)
	if n := cloneEstimate(bomb, maxClones); n < maxClones {
		t.Errorf("clone bomb estimated at %d clones", n)
	}
	// a CMS page: an unclosed <font> in every cell of a long table, and
	// many balanced formatting tags
	var page strings.Builder
	page.WriteString("<html><body><table>")
	for range 2000 {
		page.WriteString("<tr><td><font size=2>一、本年新收<td><font>12<td><b>3</b></tr>")
	}
	page.WriteString("</table>" + strings.Repeat("<p><b>粗</b><i>斜</i>正文</p>", 2000))
	if n := cloneEstimate(page.String(), maxClones); n > 10_000 {
		t.Errorf("ordinary page estimated at %d clones", n)
	}
}
