package pdf

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/reportlint/reportlint/parser"
)

// A table pasted as a picture is an Image block in reading order, between
// the headings around it, with its page, line and size.
func TestImageBlocks(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "table-image-rl.pdf"))
	require.NoError(t, err)
	doc, err := Parse("x", data, parser.DefaultOptions())
	require.NoError(t, err)
	var images []*parser.Image
	at := -1
	for i, b := range doc.Blocks {
		if b.Image != nil {
			images = append(images, b.Image)
			at = i
		}
	}
	require.Len(t, images, 1)
	im := images[0]
	require.Equal(t, 2, im.Loc.Page)
	require.Positive(t, im.Loc.Line)
	require.InDelta(t, 482, im.Width, 2)
	require.InDelta(t, 626, im.Height, 2)
	require.NotNil(t, doc.Blocks[at-1].Para)
	require.Equal(t, "三、收到和处理政府信息公开申请情况", doc.Blocks[at-1].Para.Text)
	require.Equal(t, "四、政府信息公开行政复议、行政诉讼情况", doc.Blocks[at+1].Para.Text)
	require.Len(t, tables(doc), 2, "tables 二 and 四 are still read")

	// pages scanned into a readable report: one Image per scanned page
	doc, err = Parse("x", readFixture(t, "P002-scanned-page.pdf"), parser.DefaultOptions())
	require.NoError(t, err)
	var pages []int
	for _, b := range doc.Blocks {
		if b.Image != nil {
			pages = append(pages, b.Image.Loc.Page)
		}
	}
	require.Equal(t, []int{5, 6}, pages)

	// text-only reports have none
	doc, err = Parse("x", readFixture(t, "clean-lo-writer.pdf"), parser.DefaultOptions())
	require.NoError(t, err)
	for _, b := range doc.Blocks {
		require.Nil(t, b.Image)
	}
}

func TestLargePictures(t *testing.T) {
	pc := &pageContent{width: 600, height: 800, pics: []picture{
		{x0: 50, y0: 500, x1: 550, y1: 780, name: "table"},  // wide and high
		{x0: 50, y0: 40, x1: 110, y1: 100, name: "seal"},    // small
		{x0: 0, y0: -100, x1: 600, y1: 700, name: "page"},   // page-sized, clipped
		{x0: 60, y0: 300, x1: 540, y1: 330, name: "a rule"}, // wide but thin
	}}
	var names []string
	for _, p := range largePictures(pc) {
		names = append(names, p.name)
	}
	require.Equal(t, []string{"page", "table"}, names)
}
