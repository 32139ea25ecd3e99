package rules

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
)

var (
	idShape   = regexp.MustCompile(`^[A-Z][0-9]{3}$`)
	nameShape = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)
)

// Validate checks a rule set: every ID is a capital letter and three digits
// and unique, every name is kebab-case and unique, the severity is known,
// the Chinese title, summary, doc and example are written, and Check is set
// exactly for the rules the engine does not raise itself (FromReader). It
// returns every problem found, joined; nil when the set is sound. The
// registry is checked by a test: Validate(All()).
func Validate(set []*Rule) error {
	var errs []error
	bad := func(r *Rule, format string, args ...any) {
		errs = append(errs, fmt.Errorf("rule %s (%s): %s", r.ID, r.Name, fmt.Sprintf(format, args...)))
	}
	ids := map[string]bool{}
	names := map[string]bool{}
	titles := map[string]string{}
	for i, r := range set {
		if r == nil {
			errs = append(errs, fmt.Errorf("rule #%d is nil", i))
			continue
		}
		if !idShape.MatchString(r.ID) {
			bad(r, "ID is not a capital letter and three digits")
		}
		if ids[r.ID] {
			bad(r, "duplicate ID")
		}
		ids[r.ID] = true
		if !nameShape.MatchString(r.Name) {
			bad(r, "name is not kebab-case")
		}
		if names[r.Name] {
			bad(r, "duplicate name")
		}
		names[r.Name] = true
		if r.Severity.Rank() == 0 {
			bad(r, "unknown severity %q", r.Severity)
		}
		if strings.TrimSpace(r.Title) == "" {
			bad(r, "no Chinese title")
		} else if other, ok := titles[r.Title]; ok {
			bad(r, "title %q is also %s's", r.Title, other)
		} else {
			titles[r.Title] = r.ID
		}
		for field, text := range map[string]string{"summary": r.Summary, "doc": r.Doc, "example": r.Example} {
			if strings.TrimSpace(text) == "" {
				bad(r, "empty %s", field)
			}
		}
		if strings.Contains(r.Summary, "\n") {
			bad(r, "summary is more than one line")
		}
		switch {
		case r.FromReader && r.Check != nil:
			bad(r, "raised by the engine (FromReader) but has a Check")
		case !r.FromReader && r.Check == nil:
			bad(r, "no Check")
		}
	}
	return errors.Join(errs...)
}
