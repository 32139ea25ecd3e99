package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// withAltChunk copies a DOCX, adding an altChunk (content the reader cannot
// see) to its body: the copy reads fine but carries a non-fatal P001 notice.
func withAltChunk(t *testing.T, src string) string {
	t.Helper()
	zr, err := zip.OpenReader(src)
	require.NoError(t, err)
	defer zr.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	found := false
	for _, f := range zr.File {
		rc, err := f.Open()
		require.NoError(t, err)
		b, err := io.ReadAll(rc)
		require.NoError(t, err)
		rc.Close()
		if f.Name == "word/document.xml" {
			s := string(b)
			i := strings.LastIndex(s, "<w:sectPr")
			require.Positive(t, i)
			b = []byte(s[:i] + `<w:altChunk r:id="rIdX"/>` + s[i:])
			found = true
		}
		w, err := zw.Create(f.Name)
		require.NoError(t, err)
		_, err = w.Write(b)
		require.NoError(t, err)
	}
	require.True(t, found)
	require.NoError(t, zw.Close())
	out := filepath.Join(t.TempDir(), "clean-altchunk.docx")
	require.NoError(t, os.WriteFile(out, buf.Bytes(), 0o644))
	return out
}

// TestReaderRulesOffEachSilenceTheirOwn runs check over a scanned-page PDF
// (P002 notices on a readable file), a DOCX with a P001 notice on a
// readable file and an empty file (P001), with each reader rule switched
// off in the configuration: `P001: off` silences exactly P001, `P002: off`
// exactly P002 (it used to hide the P001 notices too).
func TestReaderRulesOffEachSilenceTheirOwn(t *testing.T) {
	files := []string{fixturesRoot + "/pdf/P002-scanned-page.pdf", fixturesRoot + "/text/P001-empty.txt",
		withAltChunk(t, fixturesRoot+"/docx/clean-lo-export.docx")}
	rulesSeen := func(config string) map[string]int {
		cfg := filepath.Join(t.TempDir(), "c.yaml")
		require.NoError(t, os.WriteFile(cfg, []byte(config), 0o644))
		out, _, _ := runArgs(append([]string{"check", "--format", "json", "--jobs", "1", "--config", cfg}, files...)...)
		var doc struct {
			Files []struct {
				Findings []struct{ Rule string }
			}
		}
		require.NoError(t, json.Unmarshal([]byte(out), &doc), out)
		got := map[string]int{}
		for _, f := range doc.Files {
			for _, x := range f.Findings {
				got[x.Rule]++
			}
		}
		return got
	}
	require.Equal(t, map[string]int{"P001": 2, "P002": 2}, rulesSeen("rules: {}\n"))
	require.Equal(t, map[string]int{"P002": 2}, rulesSeen("rules:\n  P001: off\n"))
	require.Equal(t, map[string]int{"P001": 2}, rulesSeen("rules:\n  P002: off\n"))
}
