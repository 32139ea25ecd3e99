// Package parser holds the format-neutral model of a report and turns it into
// canonical data.
//
// A format reader (parser/text, parser/html, parser/pdf, parser/docx) turns the
// bytes of one file into a *Document: paragraphs and tables in reading order,
// each element with its source location. Recognize then finds the six sections
// and the three statutory tables in that Document, normalises their labels and
// maps rows and columns to the canonical keys of shared/spec/rules.md, giving a
// *Report. Recognition happens here, once, for every format; the readers never
// interpret labels and the rules never look at markup.
//
// The package must not import any format reader or rule.
package parser
