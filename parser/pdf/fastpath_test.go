package pdf

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/reportlint/reportlint/parser"
)

// TestFastObjectPathIsOn guards the reflection into ledongthuc/pdf's private
// fields (ref.go, objects.go): if a library upgrade renames them, the helpers
// fall back silently to the slow library paths and the structure-tree
// tables are lost. This test fails instead. Each reflected field is checked
// on a tagged LibreOffice fixture: the cross-reference table (Reader.xref,
// for the direct object reader), a value's own object number (Value.ptr),
// a dictionary entry's reference (Value.data → dict/stream hdr → objptr),
// and the structure tree read through them.
func TestFastObjectPathIsOn(t *testing.T) {
	d, err := open(readFixture(t, "clean-lo-tagged.pdf"), parser.DefaultOptions())
	require.NoError(t, err)
	require.NotNil(t, d.objs, "the direct object reader is off: Reader.xref (or Reader.key) could not be read by reflection")
	require.Greater(t, len(d.objs.xref), 10, "the cross-reference table read by reflection is empty")

	root, ok := childRef(d.r.Trailer(), "Root")
	require.True(t, ok, "childRef cannot read the trailer's /Root reference (Value.data / objptr changed?)")
	require.NotZero(t, root.id)
	cat, ok := d.objs.get(root.id)
	require.True(t, ok, "the catalog cannot be read directly at its xref offset")
	require.Equal(t, kDict, cat.kind)

	var ids []objID
	for i := 1; i <= d.r.NumPage(); i++ {
		id, ok := selfRef(d.r.Page(i).V)
		require.True(t, ok, "selfRef cannot read page %d's object number (Value.ptr changed?)", i)
		ids = append(ids, id)
	}
	require.Len(t, ids, d.r.NumPage())
	parsesBefore := d.objs.parses
	tables := d.structTables(ids)
	require.NotEmpty(t, tables, "no tables from the structure tree: the tagged path is off")
	require.Greater(t, d.objs.parses, parsesBefore, "the structure tree was not read through the direct object reader")
}

// An untagged Chromium PDF (about 120 Type3 fonts, read through the direct
// reader) keeps the fast path too.
func TestFastObjectPathChromium(t *testing.T) {
	d, err := open(readFixture(t, "clean-chromium.pdf"), parser.DefaultOptions())
	require.NoError(t, err)
	require.NotNil(t, d.objs, "Chromium PDF: the direct object reader is off")
	_, ok := selfRef(d.r.Page(1).V)
	require.True(t, ok)
}
