package parser

// Exported for the tests of package parser_test, which read the fixtures
// through the format readers (importing them from package parser's own
// tests would be an import cycle).
var (
	// HelperMismatches lists the helpers whose live result on a string
	// differs from the frozen reference's.
	HelperMismatches = helperMismatches
	// GridRef is Table.Grid's reference copy.
	GridRef = gridRef
)

// SetLabelCacheLimits bounds the label caches made from now on (0 entries:
// no caching) and drops the ones kept; DefaultLabelCacheLimits undoes it.
func SetLabelCacheLimits(entries, bytes int) { setLabelCacheLimits(entries, bytes) }

// DefaultLabelCacheLimits restores the label cache's default bounds (and
// starts it afresh).
func DefaultLabelCacheLimits() { setLabelCacheLimits(defaultLabelEntries, defaultLabelBytes) }
