package parser

import "time"

// Options bound what a reader may do with one file. The zero value is not
// useful; start from DefaultOptions.
type Options struct {
	// MaxBytes is the largest input file accepted.
	MaxBytes int64
	// MaxDecompressed bounds the bytes inflated from any one stream or zip
	// entry, and from all of a file's streams together. The default, 32 MB,
	// is more than ten times what real reports inflate to (the PDF streams
	// of a 20-page report come to about 2 MB, qpdf --stream-data=uncompress).
	MaxDecompressed int64
	// MaxDepth bounds markup nesting (HTML elements, PDF object references).
	MaxDepth int
	// MaxCells bounds the cells of one table grid; the grids of all tables
	// of a document together may have four times as many.
	MaxCells int
	// MaxBlocks bounds the paragraphs and tables of one document.
	MaxBlocks int
	// Timeout bounds the time spent on one file.
	Timeout time.Duration
}

// MaxTextBytes bounds the text of one paragraph (a text line, an HTML
// text node, a DOCX paragraph): the statutory sections are a few KB each,
// and recognition and the prose rules work per paragraph.
const MaxTextBytes = 1 << 20

// DefaultOptions are the limits used unless configured otherwise.
func DefaultOptions() Options {
	return Options{
		MaxBytes:        64 << 20,
		MaxDecompressed: 32 << 20,
		MaxDepth:        512,
		MaxCells:        200_000,
		MaxBlocks:       100_000,
		Timeout:         60 * time.Second,
	}
}
