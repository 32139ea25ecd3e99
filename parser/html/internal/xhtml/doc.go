// Copyright 2010 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Package xhtml is a copy of golang.org/x/net/html v0.62.0 (tokenizer and
// HTML5 tree builder; rendering left out) changed for reportlint in one
// way: every element the parser builds from a start tag records where that
// tag is in the source (Node.Pos, Node.End), so the reader knows source
// positions without rewriting the page before parsing. Elements the parser
// invents (an implied <tbody>) have Pos -1; elements it clones (formatting
// elements reopened after a misnested end tag) keep the position of the tag
// they were cloned from.
//
// The changes are marked "reportlint:" in the source. The tree built is
// the same as golang.org/x/net/html builds from the page with a distinct
// attribute added to every start tag (a differential test checks this).
package xhtml
