package html

import "strings"

// arenaChunk is the size of an arena's buffers.
const arenaChunk = 4 << 10

// arena hands out strings cut from shared buffers: a strings.Builder only
// ever appends, so a string taken from it (String()[start:]) stays valid and
// unchanged whatever is written after it. One buffer serves many strings
// instead of one allocation each; a string keeps its whole buffer alive,
// as long as the Document that holds it lives.
type arena struct {
	b     strings.Builder
	start int
}

// begin starts the next string, with room for about n bytes (more may be
// written: the buffer then grows by copying, still correct).
func (a *arena) begin(n int) {
	if a.b.Cap()-a.b.Len() < n {
		a.b = strings.Builder{}
		a.b.Grow(max(n, arenaChunk))
	}
	a.start = a.b.Len()
}

// text is what was written since begin.
func (a *arena) text() string {
	return a.b.String()[a.start:]
}
