// Package hostile holds the hostile-input suite (issue 7): its tests
// generate broken, malicious and oddly encoded files at test time and check
// that the loader and the reportlint command give exactly the expected
// finding for each, in bounded time and memory, without a crash, a hang or
// a missing file. The package has no code of its own.
package hostile
