package main

import (
	"bytes"
	"encoding/gob"
	"errors"
	"testing"
	"time"

	"github.com/reportlint/reportlint/parser"
)

// TestSessionAnswersOnce: a job is answered once, by whichever of its
// timer and its end comes first; a timer of an earlier job never answers
// for a later one; a timer's answer marks the worker Abandoned.
func TestSessionAnswersOnce(t *testing.T) {
	var buf bytes.Buffer
	s := &session{enc: gob.NewEncoder(&buf)}
	s.begin()
	first := s.timeoutFunc(func(err error) answer { return answer{Path: "a", Failed: failureOf(err)} })
	first(errors.New("late"))
	if s.answer(s.seq, &answer{Path: "a"}) {
		t.Fatal("job answered twice")
	}
	s.begin()
	first(errors.New("stale")) // the first job's timer, late
	if !s.answer(s.seq, &answer{Path: "b"}) {
		t.Fatal("second job not answered")
	}
	dec := gob.NewDecoder(&buf)
	var a, b answer
	if err := dec.Decode(&a); err != nil {
		t.Fatal(err)
	}
	if err := dec.Decode(&b); err != nil {
		t.Fatal(err)
	}
	if a.Path != "a" || a.Failed == nil || a.Failed.Reason != "late" || a.Abandoned < 1 {
		t.Fatalf("timer answer %+v", a)
	}
	if b.Path != "b" || b.Failed != nil || b.Abandoned != 0 {
		t.Fatalf("second answer %+v", b)
	}
	if err := dec.Decode(&b); err == nil {
		t.Fatal("a third answer")
	}
}

// TestSessionRulesTimeout: rules past the deadline give the timeout P001
// of runRules, answered by the timer.
func TestSessionRulesTimeout(t *testing.T) {
	var buf bytes.Buffer
	s := &session{enc: gob.NewEncoder(&buf)}
	s.begin()
	rep := readAll([]string{cleanFixture}, 1, defaultTestOptions(), nil)[0].Report
	j := job{Path: cleanFixture, Check: true, Opts: parser.Options{Timeout: time.Second}}
	if _, ok := s.runRules(rep, nil, j, time.Minute); !ok {
		t.Fatal("rules timed out with a minute left")
	}
	if _, ok := s.runRules(rep, nil, j, -time.Second); ok {
		t.Fatal("rules did not time out past the deadline")
	}
	var a answer
	if err := gob.NewDecoder(&buf).Decode(&a); err != nil {
		t.Fatal(err)
	}
	if want := failedAnswer(j, "处理超时（超过 1s），文件可能过大或结构异常，检查已停止；请拆分文件、重新导出，或用 --timeout 调高上限"); a.Failed == nil || a.Failed.Reason != want.Failed.Reason || a.Abandoned < 1 {
		t.Fatalf("timer answer %+v", a)
	}
}
