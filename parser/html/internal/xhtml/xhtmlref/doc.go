// Copyright 2010 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Package xhtmlref is package xhtml frozen as it was before its fourth
// performance pass (commit 4d0956e): the reference the differential tests
// and fuzz targets in package xhtml hold its tokenizer and tree builder
// to. Only tests import it; do not change it.
package xhtmlref
