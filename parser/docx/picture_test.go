package docx

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/reportlint/reportlint/parser"
)

// TestPictures: an inline picture becomes an Image block with its size; a
// document without pictures has none.
func TestPictures(t *testing.T) {
	for name, want := range map[string]int{"S110-python-docx-table-image.docx": 1, "clean-python-docx.docx": 0} {
		data, err := os.ReadFile("../../fixtures/docx/" + name)
		require.NoError(t, err)
		doc, err := Parse(name, data, parser.DefaultOptions())
		require.NoError(t, err)
		var imgs []*parser.Image
		for _, b := range doc.Blocks {
			if b.Image != nil {
				imgs = append(imgs, b.Image)
			}
		}
		require.Len(t, imgs, want, name)
		for _, img := range imgs {
			assert.InDelta(t, 453.5, img.Width, 1, "16 cm in points") // python-docx: width=Cm(16)
			assert.Equal(t, parser.UnitParagraph, img.Loc.Unit)
		}
	}
}
