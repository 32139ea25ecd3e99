package rules

import (
	"regexp"
	"sync"
)

// Package initialisation builds no regexp, gate or finder: each is built
// the first time a rule uses it, once (sync.Once), so that a process that
// runs no rule (reportlint version, explain, rules, the parent of a batch
// whose workers run the rules) does not pay for them, and a check can
// build them on a second core while it reads its first file (Prepare).
// Built at initialisation they cost about 3 MB of allocations and 5–8 ms
// per process, more than reading a 5-page PDF.

// lazies are the builders of every lazy value, in declaration order.
var lazies []func()

// Prepare builds every regexp, gate and finder of the rules now. It is
// safe to call concurrently with Run (a value being built by one
// goroutine is waited for by the others) and more than once; the CLI
// calls it on its own goroutine at the start of a check.
func Prepare() {
	for _, build := range lazies {
		build()
	}
}

// lazyRegexp is a regexp compiled on first use.
type lazyRegexp struct {
	once sync.Once
	expr string
	re   *regexp.Regexp
}

// lazyCompile is regexp.MustCompile on first use. Call it only in package
// variable declarations (Prepare reads lazies without a lock); tests
// compile every such regexp.
func lazyCompile(expr string) *lazyRegexp {
	l := &lazyRegexp{expr: expr}
	lazies = append(lazies, func() { l.get() })
	return l
}

// get is the compiled regexp.
func (l *lazyRegexp) get() *regexp.Regexp {
	l.once.Do(func() { l.re = regexp.MustCompile(l.expr) })
	return l.re
}

// MatchString is the regexp's MatchString.
func (l *lazyRegexp) MatchString(s string) bool { return l.get().MatchString(s) }

// lazyValue is sync.OnceValue(build), registered for Prepare. Call it only
// in package variable declarations.
func lazyValue[T any](build func() T) func() T {
	get := sync.OnceValue(build)
	lazies = append(lazies, func() { get() })
	return get
}

// ReplaceAllString is the regexp's ReplaceAllString.
func (l *lazyRegexp) ReplaceAllString(src, repl string) string {
	return l.get().ReplaceAllString(src, repl)
}
