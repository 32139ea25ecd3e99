package parser

import (
	"strings"
	"sync"
)

// The label cache keeps what recognition learned of a label cell's text
// from one Report to the next: a batch reads many reports that repeat the
// same statutory row and column labels, and matchLabel (normalisation, the
// dictionary, the near-miss search) and splitCombined's cut are pure
// functions of the cell text, so they run once per distinct text.
//
// A cache is used by one recognition at a time: Recognize takes one from a
// free list and gives it back when done, so that recognitions running in
// several goroutines never share one and no lookup takes a lock. Each
// cache is bounded (entries and bytes) and starts afresh when full. Keys
// and the strings of the results are copies, never pieces of a document's
// text: a cached label does not keep a document's source in memory.

// Label cache bounds. A text longer than maxCachedLabel bytes is looked up
// without the cache (statutory labels are far shorter; long cells are
// notes and body text).
const (
	maxCachedLabel      = 512
	defaultLabelEntries = 4096
	defaultLabelBytes   = 1 << 20
	labelEntryOverhead  = 160 // bytes an entry costs besides its strings
	maxFreeLabelCaches  = 64
)

// labelInfo.split states.
const (
	labelSplitUnknown = iota
	labelSplitNone
	labelSplitFound
)

// labelInfo is what recognition knows of a label cell's text.
type labelInfo struct {
	// hit, ok: matchLabel(text).
	hit labelHit
	ok  bool
	// split is labelSplitNone or labelSplitFound once splitCombined's cut
	// was searched for (labelSplitUnknown before); head and tail are the
	// halves when found, with their value kinds.
	split              uint8
	head, tail         string
	headKind, tailKind ValueKind
}

// labelCache maps cell texts to their labelInfo.
type labelCache struct {
	index map[string]int32
	infos []labelInfo
	bytes int
	// maxEntries and maxBytes bound the cache; maxEntries 0 disables it.
	maxEntries, maxBytes int
	gen                  uint64
}

var labelCaches = struct {
	mu   sync.Mutex
	free []*labelCache
	// limits of new caches; gen is bumped when they change, and caches
	// of an older generation are dropped when given back.
	maxEntries, maxBytes int
	gen                  uint64
}{maxEntries: defaultLabelEntries, maxBytes: defaultLabelBytes}

// takeLabelCache takes a cache from the free list, or makes one.
func takeLabelCache() *labelCache {
	lc := &labelCaches
	lc.mu.Lock()
	defer lc.mu.Unlock()
	if n := len(lc.free); n > 0 {
		c := lc.free[n-1]
		lc.free[n-1] = nil
		lc.free = lc.free[:n-1]
		return c
	}
	return &labelCache{maxEntries: lc.maxEntries, maxBytes: lc.maxBytes, gen: lc.gen}
}

// giveLabelCache puts a cache back on the free list.
func giveLabelCache(c *labelCache) {
	lc := &labelCaches
	lc.mu.Lock()
	defer lc.mu.Unlock()
	if c.gen != lc.gen || len(lc.free) >= maxFreeLabelCaches {
		return
	}
	lc.free = append(lc.free, c)
}

// setLabelCacheLimits drops every free cache and makes the caches made from
// now on bounded by entries and bytes (0 entries: no caching). Caches in use
// keep their limits and are dropped when given back. For the tests.
func setLabelCacheLimits(entries, bytes int) {
	lc := &labelCaches
	lc.mu.Lock()
	defer lc.mu.Unlock()
	lc.free = nil
	lc.maxEntries, lc.maxBytes = entries, bytes
	lc.gen++
}

// reset empties the cache. The slice and map are new: nothing handed out
// refers to them, but a fresh start keeps a cache that grew once small.
func (c *labelCache) reset() {
	c.index = nil
	c.infos = nil
	c.bytes = 0
}

// lookup returns the index of text's entry, or -1.
func (c *labelCache) lookup(text string) int32 {
	if c == nil {
		return -1
	}
	if i, ok := c.index[text]; ok {
		return i
	}
	return -1
}

// add stores in for text (copying the strings) and returns its index, or
// -1 when text is not cached.
func (c *labelCache) add(text string, in labelInfo) int32 {
	if c == nil || c.maxEntries <= 0 || len(text) > maxCachedLabel {
		return -1
	}
	size := len(text) + len(in.hit.key) + len(in.hit.group) + len(in.hit.want) + len(in.head) + len(in.tail) + labelEntryOverhead
	if len(c.infos) >= c.maxEntries || c.bytes+size > c.maxBytes {
		c.reset()
	}
	if c.index == nil {
		c.index = make(map[string]int32, 64)
	}
	in.hit.key = strings.Clone(in.hit.key)
	in.hit.group = strings.Clone(in.hit.group)
	in.hit.want = strings.Clone(in.hit.want)
	i := int32(len(c.infos))
	c.infos = append(c.infos, in)
	c.index[strings.Clone(text)] = i
	c.bytes += size
	return i
}

// setSplit records the cut found for text (its halves copied).
func (c *labelCache) setSplit(text string, s splitHalves) {
	i := c.lookup(text)
	if i < 0 {
		return // not cached, or the cache started afresh meanwhile
	}
	in := &c.infos[i]
	if !s.ok {
		in.split = labelSplitNone
		return
	}
	if c.bytes+len(s.head)+len(s.tail) > c.maxBytes {
		return // searched again next time
	}
	both := strings.Clone(s.head + s.tail)
	in.split = labelSplitFound
	in.head, in.tail = both[:len(s.head)], both[len(s.head):]
	in.headKind, in.tailKind = valueKind(in.head), valueKind(in.tail)
	c.bytes += len(both)
}
