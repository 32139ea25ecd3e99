package main

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/require"

	"github.com/reportlint/reportlint/parser"
	"github.com/reportlint/reportlint/rules"
)

const schemaFile = "testdata/sarif/sarif-schema-2.1.0.json"

// sarifSchema compiles the official OASIS schema committed as test data,
// with format assertions (uri, uri-reference) on.
func sarifSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(schemaFile)
	require.NoError(t, err)
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	require.NoError(t, err)
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	require.NoError(t, c.AddResource(sarifSchemaURI, doc))
	sch, err := c.Compile(sarifSchemaURI)
	require.NoError(t, err)
	return sch
}

func validateSARIF(t *testing.T, sch *jsonschema.Schema, out []byte) map[string]any {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	require.NoError(t, err, "SARIF output is not JSON")
	require.NoError(t, sch.Validate(inst), "SARIF output does not validate against the 2.1.0 schema")
	var m map[string]any
	require.NoError(t, json.Unmarshal(out, &m))
	return m
}

// The schema must reject what it should, or the validation below proves
// nothing.
func TestSARIFSchemaRejectsBadLogs(t *testing.T) {
	sch := sarifSchema(t)
	for name, doc := range map[string]string{
		"wrong version":  `{"version":"2.0.0","runs":[]}`,
		"bad level":      `{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[{"message":{"text":"m"},"level":"fatal"}]}]}`,
		"line zero":      `{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[{"message":{"text":"m"},"locations":[{"physicalLocation":{"artifactLocation":{"uri":"a"},"region":{"startLine":0}}}]}]}]}`,
		"unknown field":  `{"version":"2.1.0","runs":[],"extra":1}`,
		"bad uri":        `{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[{"message":{"text":"m"},"locations":[{"physicalLocation":{"artifactLocation":{"uri":"a b:c d"}}}]}]}]}`,
		"no driver name": `{"version":"2.1.0","runs":[{"tool":{"driver":{}}}]}`,
	} {
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(doc))
		require.NoError(t, err, name)
		require.Error(t, sch.Validate(inst), "schema accepted a bad log: %s", name)
	}
}

// Every fixture's findings, as one SARIF log, validate against the schema.
func TestSARIFFixturesValidate(t *testing.T) {
	sch := sarifSchema(t)
	args := append([]string{"check", "--format", "sarif", "--jobs", "2"}, fixtureFiles(t)...)
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	require.Contains(t, []int{exitOK, exitError}, code, errb.String())
	m := validateSARIF(t, sch, out.Bytes())

	runs := m["runs"].([]any)
	require.Len(t, runs, 1)
	run0 := runs[0].(map[string]any)
	driver := run0["tool"].(map[string]any)["driver"].(map[string]any)
	rs := driver["rules"].([]any)
	require.Len(t, rs, len(rules.All()))
	for i, r := range rules.All() {
		got := rs[i].(map[string]any)
		require.Equal(t, r.ID, got["id"])
		require.Equal(t, r.Name, got["name"])
		require.NotEmpty(t, got["shortDescription"].(map[string]any)["text"])
		require.NotEmpty(t, got["fullDescription"].(map[string]any)["text"])
		require.Contains(t, got["help"].(map[string]any)["text"], r.Summary)
		require.Equal(t, sarifLevel(r.Severity), got["defaultConfiguration"].(map[string]any)["level"])
	}
	results := run0["results"].([]any)
	require.NotEmpty(t, results, "fixtures have findings, the log has none")
	fps := map[string]bool{}
	for _, x := range results {
		res := x.(map[string]any)
		id := res["ruleId"].(string)
		idx := int(res["ruleIndex"].(float64))
		require.Equal(t, id, rs[idx].(map[string]any)["id"], "ruleIndex points at another rule")
		fp := res["partialFingerprints"].(map[string]any)[fingerprintKey].(string)
		require.False(t, fps[fp], "duplicate fingerprint %s", fp)
		fps[fp] = true
		loc := res["locations"].([]any)[0].(map[string]any)["physicalLocation"].(map[string]any)
		uri := loc["artifactLocation"].(map[string]any)["uri"].(string)
		require.True(t, strings.HasPrefix(uri, "../../fixtures/"), "uri %q is not relative to the working directory", uri)
	}
}

// PDF pages, DOCX ordinals, non-ASCII paths and stdin, built directly.
func TestSARIFLocations(t *testing.T) {
	sch := sarifSchema(t)
	out := []checked{
		{Path: "报告 2024/汝州.pdf", Findings: []rules.Finding{
			{Rule: "A301", Severity: rules.Error, Message: "m1", Loc: parser.Loc{Page: 3, Line: 12}, Table: "三", Row: "R1", Col: "natural", Key: "三/R1/natural"},
			{Rule: "S103", Severity: rules.Info, Message: "m2", Loc: parser.Loc{Page: 1, Line: 2}, Key: "heading/一"},
		}},
		{Path: "a.docx", Findings: []rules.Finding{
			{Rule: "C201", Severity: rules.Warning, Message: "m3", Loc: parser.Loc{Unit: "table-row", Line: 5, TableOrd: 2, RowOrd: 5, ColOrd: 3}, Key: "三/R1/corp"},
			{Rule: "S101", Severity: rules.Error, Message: "m4"},
		}},
		{Path: "-", Findings: []rules.Finding{{Rule: "P001", Severity: rules.Error, Message: "m5"}}},
		{Path: "b.html", Findings: []rules.Finding{
			{Rule: "C201", Severity: rules.Warning, Message: "same", Loc: parser.Loc{Line: 7, Column: 3}, Key: "k"},
			{Rule: "C201", Severity: rules.Warning, Message: "same", Loc: parser.Loc{Line: 9, Column: 3}, Key: "k"},
		}},
	}
	var buf bytes.Buffer
	require.NoError(t, writeSARIF(&buf, out))
	m := validateSARIF(t, sch, buf.Bytes())
	results := m["runs"].([]any)[0].(map[string]any)["results"].([]any)
	require.Len(t, results, 7)
	get := func(i int) map[string]any { return results[i].(map[string]any) }
	loc := func(i int) map[string]any {
		return get(i)["locations"].([]any)[0].(map[string]any)
	}

	pdf := loc(0)
	require.Equal(t, "%E6%8A%A5%E5%91%8A%202024/%E6%B1%9D%E5%B7%9E.pdf",
		pdf["physicalLocation"].(map[string]any)["artifactLocation"].(map[string]any)["uri"])
	require.Nil(t, pdf["physicalLocation"].(map[string]any)["region"], "a PDF line is not a line of the file")
	require.Equal(t, float64(3), pdf["properties"].(map[string]any)["page"])
	require.Equal(t, float64(12), pdf["properties"].(map[string]any)["lineInPage"])
	require.Equal(t, "note", get(1)["level"])

	docx := loc(2)["properties"].(map[string]any)
	require.Equal(t, "table-row", docx["unit"])
	require.Equal(t, float64(2), docx["table"])
	require.Equal(t, float64(3), docx["column"])
	require.Equal(t, "warning", get(2)["level"])

	require.Nil(t, get(4)["locations"], "stdin has no artifact")

	html := loc(5)["physicalLocation"].(map[string]any)["region"].(map[string]any)
	require.Equal(t, float64(7), html["startLine"])
	require.Equal(t, float64(3), html["startColumn"])
	fp5 := get(5)["partialFingerprints"].(map[string]any)[fingerprintKey]
	fp6 := get(6)["partialFingerprints"].(map[string]any)[fingerprintKey]
	require.NotEqual(t, fp5, fp6, "two occurrences of one finding need distinct fingerprints")
	require.Equal(t, fp5.(string)+":2", fp6)
}
