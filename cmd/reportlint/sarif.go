package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/reportlint/reportlint/parser"
	"github.com/reportlint/reportlint/rules"
)

// SARIF 2.1.0 (OASIS) output of check --format sarif: one run, every rule in
// tool.driver.rules, one result per finding.

const sarifSchemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

// fingerprintKey names reportlint's partial fingerprint; bump the version
// if the fingerprint's definition changes.
const fingerprintKey = "reportlint/v1"

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool              sarifTool                   `json:"tool"`
	OriginalURIBaseID map[string]sarifArtifactLoc `json:"originalUriBaseIds,omitempty"`
	Results           []sarifResult               `json:"results"`
	ColumnKind        string                      `json:"columnKind"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	SemVer         string      `json:"semanticVersion,omitempty"`
	InformationURI string      `json:"informationUri,omitempty"`
	Rules          []sarifRule `json:"rules"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifRule struct {
	ID                   string        `json:"id"`
	Name                 string        `json:"name"`
	ShortDescription     sarifText     `json:"shortDescription"`
	FullDescription      sarifText     `json:"fullDescription"`
	Help                 sarifText     `json:"help"`
	DefaultConfiguration sarifRuleConf `json:"defaultConfiguration"`
}

type sarifRuleConf struct {
	Level string `json:"level"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations,omitempty"`
	RelatedLocations    []sarifLocation   `json:"relatedLocations,omitempty"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	Properties          map[string]any    `json:"properties,omitempty"`
}

type sarifLocation struct {
	// ID and Message are set on related locations only.
	ID               int            `json:"id,omitempty"`
	PhysicalLocation sarifPhysical  `json:"physicalLocation"`
	Message          *sarifText     `json:"message,omitempty"`
	Properties       map[string]any `json:"properties,omitempty"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifactLoc `json:"artifactLocation"`
	Region           *sarifRegion     `json:"region,omitempty"`
}

type sarifArtifactLoc struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
}

// sarifLevel maps a severity to a SARIF level.
func sarifLevel(s rules.Severity) string {
	switch s {
	case rules.Error:
		return "error"
	case rules.Warning:
		return "warning"
	}
	return "note"
}

// sarifURI turns a path relative to the working directory into a relative
// URI reference (segments percent-encoded, so Chinese names and spaces are
// valid); a path that has no relative form becomes a file:// URI.
func sarifURI(rel string) string {
	if filepath.IsAbs(filepath.FromSlash(rel)) {
		u := url.URL{Scheme: "file", Path: rel}
		if !strings.HasPrefix(u.Path, "/") {
			u.Path = "/" + u.Path
		}
		return u.String()
	}
	segs := strings.Split(rel, "/")
	for i, s := range segs {
		segs[i] = strings.ReplaceAll(url.PathEscape(s), ":", "%3A")
	}
	return strings.Join(segs, "/")
}

// ruleHelp is the help text of a rule: its documentation and example.
func ruleHelp(r *rules.Rule) string {
	var b strings.Builder
	b.WriteString(r.Summary)
	if r.Doc != "" {
		b.WriteString("\n\n" + r.Doc)
	}
	if r.Example != "" {
		b.WriteString("\n\n示例：\n" + r.Example)
	}
	return b.String()
}

// sarifRules lists every rule and returns the index of each ID.
func sarifRules() ([]sarifRule, map[string]int) {
	idx := map[string]int{}
	var out []sarifRule
	for _, r := range rules.All() {
		idx[r.ID] = len(out)
		full := r.Doc
		if full == "" {
			full = r.Summary
		}
		out = append(out, sarifRule{
			ID: r.ID, Name: r.Name,
			ShortDescription:     sarifText{r.Summary},
			FullDescription:      sarifText{full},
			Help:                 sarifText{ruleHelp(r)},
			DefaultConfiguration: sarifRuleConf{Level: sarifLevel(r.Severity)},
		})
	}
	return out, idx
}

// sarifLoc builds the physical location of a finding in file uri. Text and
// HTML lines are lines of the source file and become the region; a PDF's
// line counts within its page and a DOCX has no lines, so for those the
// position goes into the location's properties (page, lineInPage; unit,
// table, row, column) and the region is left out.
func sarifLoc(uri string, l parser.Loc) sarifLocation {
	loc := sarifLocation{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifactLoc{URI: uri, URIBaseID: "%SRCROOT%"}}}
	props := map[string]any{}
	switch l.Scheme() {
	case parser.SchemeFile:
		line, col, _ := l.FilePos()
		loc.PhysicalLocation.Region = &sarifRegion{StartLine: line, StartColumn: col}
	case parser.SchemePage:
		props["page"] = l.Page
		if l.Line > 0 {
			props["lineInPage"] = l.Line
		}
	case parser.SchemeOrdinal:
		props["unit"] = l.Unit
		if l.Unit == parser.UnitParagraph && l.Line > 0 {
			props["paragraph"] = l.Line
		}
		if l.TableOrd > 0 {
			props["table"] = l.TableOrd
		}
		if l.RowOrd > 0 {
			props["row"] = l.RowOrd
		}
		if l.ColOrd > 0 {
			props["column"] = l.ColOrd
		}
	}
	if s := l.String(); s != "" && l.Scheme() != parser.SchemeFile {
		props["where"] = s
	}
	if len(props) > 0 {
		loc.Properties = props
	}
	return loc
}

// writeSARIF prints the findings as a SARIF 2.1.0 log. Artifact URIs are
// relative to the working directory, which originalUriBaseIds names as
// %SRCROOT%.
func writeSARIF(w io.Writer, out []checked) error {
	cwd, err := os.Getwd()
	if err != nil {
		return fmt.Errorf("无法确定当前目录: %w", err)
	}
	ver, _, _ := buildVersion()
	rs, idx := sarifRules()
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{Name: "reportlint", Version: ver,
			InformationURI: "https://github.com/reportlint/reportlint", Rules: rs}},
		Results:    []sarifResult{},
		ColumnKind: "unicodeCodePoints",
	}
	if ver != "" && ver != "(devel)" {
		run.Tool.Driver.SemVer = strings.TrimPrefix(ver, "v")
	}
	root := url.URL{Scheme: "file", Path: filepath.ToSlash(cwd)}
	if !strings.HasPrefix(root.Path, "/") {
		root.Path = "/" + root.Path
	}
	if !strings.HasSuffix(root.Path, "/") {
		root.Path += "/"
	}
	run.OriginalURIBaseID = map[string]sarifArtifactLoc{"%SRCROOT%": {URI: root.String()}}
	for _, c := range out {
		rel := relPath(cwd, c.Path)
		seen := map[string]int{}
		for _, f := range c.Findings {
			fp := fingerprint(f.Rule, rel, f)
			seen[fp]++
			if n := seen[fp]; n > 1 {
				fp = fmt.Sprintf("%s:%d", fp, n)
			}
			i, ok := idx[f.Rule]
			if !ok {
				i = -1
			}
			res := sarifResult{
				RuleID: f.Rule, RuleIndex: i, Level: sarifLevel(f.Severity),
				Message:             sarifText{f.Message},
				PartialFingerprints: map[string]string{fingerprintKey: fp},
			}
			if c.Path != "-" {
				res.Locations = []sarifLocation{sarifLoc(sarifURI(rel), f.Loc)}
			}
			for k, r := range f.Related {
				uri := sarifURI(rel)
				if r.Path != "" {
					uri = sarifURI(relPath(cwd, r.Path))
				} else if c.Path == "-" {
					continue
				}
				l := sarifLoc(uri, r.Loc)
				l.ID, l.Message = k+1, &sarifText{r.Label}
				res.RelatedLocations = append(res.RelatedLocations, l)
			}
			props := map[string]any{}
			for k, v := range map[string]string{"table": string(f.Table), "row": string(f.Row), "col": string(f.Col), "expected": f.Expected, "actual": f.Actual} {
				if v != "" {
					props[k] = v
				}
			}
			if len(props) > 0 {
				res.Properties = props
			}
			run.Results = append(run.Results, res)
		}
	}
	doc := sarifLog{Schema: sarifSchemaURI, Version: "2.1.0", Runs: []sarifRun{run}}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}
