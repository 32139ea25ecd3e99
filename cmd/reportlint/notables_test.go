package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"reflect"
	"testing"
)

// TestOutputsWithoutTables: every output format that does not show the
// tables (outputFormat.Tables false) writes the same bytes from results
// checked without them (checkOptions.NoTables) as from results with them,
// on the fixtures (which include cross-year pairs); and Tables is nil for
// every file of such a batch.
func TestOutputsWithoutTables(t *testing.T) {
	if testing.Short() {
		t.Skip("starts worker processes")
	}
	rf, err := discoverReports([]string{fixturesRoot}, io.Discard, false)
	if err != nil || len(rf.list) < 50 {
		t.Fatalf("fixtures: %v (%d files)", err, len(rf.list))
	}
	opts := checkOptions{Jobs: 2, Opts: defaultTestOptions()}
	with := checkBatch(context.Background(), rf.list, opts)
	opts.NoTables = true
	without := checkBatch(context.Background(), rf.list, opts)
	tables := 0
	for i := range with {
		if with[i].Tables() != nil {
			tables++
		}
		if without[i].Tables() != nil {
			t.Fatalf("%s: tables in a batch checked without them", without[i].Path)
		}
	}
	if tables < len(with)/2 {
		t.Fatalf("only %d of %d files have tables", tables, len(with))
	}
	n := 0
	for _, f := range outputFormats {
		if f.Tables {
			continue
		}
		n++
		var a, b bytes.Buffer
		if err := f.Write(&a, with, writeEnv{}); err != nil {
			t.Fatal(err)
		}
		if err := f.Write(&b, without, writeEnv{}); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("%s output differs without the tables", f.Name)
		}
	}
	if n < 4 {
		t.Fatalf("only %d formats compared", n)
	}
}

// TestTablesDecodedOnDemand: the record kept as a worker's JSON decodes,
// when first asked for, to what extractOf gives for the report.
func TestTablesDecodedOnDemand(t *testing.T) {
	for _, p := range []string{cleanFixture, fixturesRoot + "/html/clean-word-export.html"} {
		res := readAll([]string{p}, 1, defaultTestOptions(), nil)[0]
		want := extractOf(res)
		raw, err := json.Marshal(&want)
		if err != nil {
			t.Fatal(err)
		}
		rep := *res.Report
		rep.Tables = nil // as a check job's answer carries it
		sent := fileResult{Path: res.Path, Report: &rep, extract: raw}
		got := checkedOf(sent, true).Tables()
		if !reflect.DeepEqual(got, &want) {
			t.Fatalf("%s: Tables() = %+v, want %+v", p, got, want)
		}
		if got := checkedOf(res, true).Tables(); !reflect.DeepEqual(got, &want) {
			t.Fatalf("%s: Tables() of a full report = %+v, want %+v", p, got, want)
		}
		if checkedOf(sent, false).Tables() != nil {
			t.Fatalf("%s: Tables() of a result checked without tables", p)
		}
	}
}
