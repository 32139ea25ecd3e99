// Package zhtext holds what reportlint knows about Chinese text as the
// reports write it: numerals ("十二", "一百零五", "廿九", "二〇二四"), years,
// dates, the statistics period, enumerators ("（一）", "一、", "1．") and
// counting units ("件", "条"). The parser, the rules and the PDF reader all
// read these things through this package, so one wording is taught once.
//
// The functions work on text whose widths are already folded (full-width
// digits and punctuation turned into ASCII) unless they say otherwise; the
// package depends on nothing of the project.
package zhtext
