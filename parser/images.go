package parser

import (
	"regexp"
	"strings"
)

// Recognition of statutory tables published as pictures (S110). A picture
// stands for table 二, 三 or 四 when its alternative text or title names the
// table, or when it sits in the table's section (between the heading of
// 二/三/四 and the next section); it counts only if no table was read for
// it. This works the same for every format that emits Image blocks.

// Pictures smaller than this are icons, bullets or tracking pixels, never a
// table (CSS pixels or PDF points; 0 means the size is unknown).
const (
	minTableImageWidth  = 120
	minTableImageHeight = 60
)

// imageAt is a picture with the statutory section it sits in.
type imageAt struct {
	img     *Image
	section int
}

// altTableRes name a statutory table in a picture's alternative text by
// its title. Numbers come second (altNumberRes): many reports number their
// tables 表1-表3, so "表2" may be table 三.
var altTableRes = []struct {
	table TableID
	re    *regexp.Regexp
}{
	{Table2, regexp.MustCompile(`主动公开政府信息情况|主动公开情况`)},
	{Table3, regexp.MustCompile(`收到和处理政府信息公开申请|依申请公开情况|政府信息公开申请情况`)},
	{Table4, regexp.MustCompile(`行政复议、?行政诉讼|复议[、和及]?诉讼情况`)},
}

var altNumberRes = []struct {
	table TableID
	re    *regexp.Regexp
}{
	{Table2, regexp.MustCompile(`表二`)},
	{Table3, regexp.MustCompile(`表三`)},
	{Table4, regexp.MustCompile(`表四`)},
}

// altTable is the table a picture's alternative text names by its title,
// or "".
func altTable(alt string) TableID {
	return firstMatch(alt, altTableRes)
}

func firstMatch(alt string, res []struct {
	table TableID
	re    *regexp.Regexp
}) TableID {
	c := Compact(alt)
	if c == "" {
		return ""
	}
	for _, a := range res {
		if a.re.MatchString(c) {
			return a.table
		}
	}
	return ""
}

// tooSmallForTable reports whether a picture's known size rules it out.
func tooSmallForTable(img *Image) bool {
	return (img.Width > 0 && img.Width < minTableImageWidth) || (img.Height > 0 && img.Height < minTableImageHeight)
}

func (tr *tableRecognizer) sawImage(img *Image, section int) {
	if tooSmallForTable(img) {
		return
	}
	tr.images = append(tr.images, imageAt{img: img, section: section})
}

// finishImages records, for each statutory table that was not read, the
// first picture that stands for it.
func (tr *tableRecognizer) finishImages() {
	found := map[TableID]*Image{}
	for _, ia := range tr.images {
		// The table's title in the alt text, else the section the picture
		// sits in, else the table's number in the alt text.
		id := altTable(ia.img.Alt)
		if id == "" && !describesOther(ia.img.Alt) {
			id = sectionTable(ia.section)
		}
		if id == "" {
			id = firstMatch(ia.img.Alt, altNumberRes)
		}
		if id == "" || tr.r.Tables[id] != nil || found[id] != nil {
			continue
		}
		found[id] = ia.img
	}
	for _, id := range TableIDs() {
		if img := found[id]; img != nil {
			tr.r.TableImages = append(tr.r.TableImages, TableImage{Table: id, Image: img})
		}
	}
}

// describesOther is true for alternative text that says in Chinese what
// the picture shows and does not call it a table ("领导调研", "办事大厅"): such
// a picture is not taken for the missing table. File names and generic alt
// text ("image001.png", "图片") say nothing.
func describesOther(alt string) bool {
	c := Compact(alt)
	han := 0
	for _, r := range c {
		if r >= 0x4e00 && r <= 0x9fff {
			han++
		}
	}
	if han < 2 || c == "图片" || c == "图像" || c == "附图" {
		return false
	}
	return !strings.ContainsAny(c, "表") && !strings.Contains(c, "情况") && !strings.Contains(c, "统计")
}
