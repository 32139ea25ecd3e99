package xhtml

import (
	"bytes"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	ref "github.com/reportlint/reportlint/parser/html/internal/xhtml/xhtmlref"
)

// The tree builder's and the tokenizer's fast paths are held to package
// xhtmlref, this package frozen before them: the same tree, node for node
// (type, tag, atom, namespace, attributes in order, Pos and End), from
// ParseBytes and from ParsePieces on any input, and the same tokens,
// kept until the input is used up (strings handed out must not change
// when the tokenizer goes on).

// sameNode compares the trees under g and w.
func sameNode(g *Node, w *ref.Node, path string) error {
	if g == nil || w == nil {
		if g != nil || w != nil {
			return fmt.Errorf("%s: node %v, ref %v", path, g != nil, w != nil)
		}
		return nil
	}
	if uint32(g.Type) != uint32(w.Type) || g.DataAtom != w.DataAtom || g.Data != w.Data || g.Namespace != w.Namespace ||
		g.Pos != w.Pos || g.End != w.End {
		return fmt.Errorf("%s: node {%d %v %q %q %d %d}, ref {%d %v %q %q %d %d}", path,
			g.Type, g.DataAtom, g.Data, g.Namespace, g.Pos, g.End, w.Type, w.DataAtom, w.Data, w.Namespace, w.Pos, w.End)
	}
	if len(g.Attr) != len(w.Attr) {
		return fmt.Errorf("%s <%s>: attributes %q, ref %q", path, g.Data, g.Attr, w.Attr)
	}
	for i := range g.Attr {
		if g.Attr[i].Namespace != w.Attr[i].Namespace || g.Attr[i].Key != w.Attr[i].Key || g.Attr[i].Val != w.Attr[i].Val {
			return fmt.Errorf("%s <%s>: attributes %q, ref %q", path, g.Data, g.Attr, w.Attr)
		}
	}
	gc, wc := g.FirstChild, w.FirstChild
	for i := 0; gc != nil || wc != nil; i++ {
		if gc == nil || wc == nil {
			return fmt.Errorf("%s <%s>: child %d: node %v, ref %v", path, g.Data, i, gc != nil, wc != nil)
		}
		if gc.Parent != g || wc.Parent != w {
			return fmt.Errorf("%s <%s>: child %d has another parent", path, g.Data, i)
		}
		if err := sameNode(gc, wc, fmt.Sprintf("%s/%d", path, i)); err != nil {
			return err
		}
		gc, wc = gc.NextSibling, wc.NextSibling
	}
	return nil
}

// refTokens lists the reference tokenizer's tokens (Token after Next).
func refTokens(src []byte) []string {
	z := ref.NewTokenizerBytes(bytes.Clone(src), 0)
	var out []string
	for {
		tt := z.Next()
		if tt == ref.ErrorToken {
			return out
		}
		tok := z.Token()
		out = append(out, fmt.Sprintf("%v %q %v %q", tt, tok.Data, tok.DataAtom, tok.Attr))
	}
}

// keptTokens lists the tokens of a tokenizer set up as ParsePieces sets up
// its own, formatted only once the whole input is tokenized.
func keptTokens(src []byte) []string {
	z := newPieceTokenizer(bytes.Clone(src), []Piece{{0, 0}})
	var toks []Token
	for {
		tt := z.Next()
		if tt == ErrorToken {
			break
		}
		toks = append(toks, z.Token())
	}
	out := make([]string, len(toks))
	for i, tok := range toks {
		out[i] = fmt.Sprintf("%v %q %v %q", tok.Type, tok.Data, tok.DataAtom, tok.Attr)
	}
	return out
}

// checkTreeMatchesRef parses src whole and, cut at the token starts
// cutAt gives, as pieces of a longer text, with both parsers.
func checkTreeMatchesRef(t *testing.T, name string, src []byte, rng *rand.Rand) {
	t.Helper()
	want, errW := ref.ParseBytes(bytes.Clone(src), 3, nil)
	got, errG := ParseBytes(bytes.Clone(src), 3, nil)
	if (errW == nil) != (errG == nil) {
		t.Fatalf("%s: error %v, ref %v", name, errG, errW)
	}
	if errW == nil {
		if err := sameNode(got, want, "doc"); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	sameList(t, name, "kept tokens", keptTokens(src), refTokens(src))
	if rng == nil {
		return
	}
	pieces := randomPieces(src, rng)
	rp := make([]ref.Piece, len(pieces))
	for i, p := range pieces {
		rp[i] = ref.Piece{At: p.At, Orig: p.Orig}
	}
	want, errW = ref.ParsePieces(bytes.Clone(src), rp, nil)
	got, errG = ParsePieces(bytes.Clone(src), pieces, nil)
	if (errW == nil) != (errG == nil) {
		t.Fatalf("%s pieces %v: error %v, ref %v", name, pieces, errG, errW)
	}
	if errW == nil {
		if err := sameNode(got, want, "doc"); err != nil {
			t.Fatalf("%s pieces %v: %v", name, pieces, err)
		}
	}
}

// randomPieces cuts src at some of its token starts (as the reference
// tokenizer finds them) into pieces of a longer text.
func randomPieces(src []byte, rng *rand.Rand) []Piece {
	z := ref.NewTokenizerBytes(bytes.Clone(src), 0)
	pieces := []Piece{{0, rng.Intn(3)}}
	for {
		if z.Next() == ref.ErrorToken {
			return pieces
		}
		if start, _ := z.Offset(); start > 0 && rng.Intn(4) == 0 {
			last := pieces[len(pieces)-1]
			pieces = append(pieces, Piece{start, last.Orig + start - last.At + rng.Intn(50)})
		}
	}
}

// treeAlphabet are pieces random pages are made of: the tags of reports
// and site chrome, tables, formatting elements, foreign content, raw text,
// and what makes the tokenizer take its slow paths.
var treeAlphabet = []string{
	"<table>", "</table>", "<tbody>", "</tbody>", "<tr>", "</tr>", "<td>", "</td>", "<th>", "</th>",
	"<td colspan=\"2\">", "<td rowspan='3' class=x>", "<caption>", "<colgroup><col>", "<thead>", "<tfoot>",
	"<p>", "</p>", "<p style=\"text-indent:2em;\">", "<div class=\"top\">", "</div>", "<span>", "</span>",
	"<b>", "</b>", "<i>", "</i>", "<strong>", "</strong>", "<font size=2>", "</font>", "<a href=\"/x\">", "</a>",
	"<ul>", "</ul>", "<li>", "</li>", "<dl><dt>", "<dd>", "<h1>", "</h1>", "<h3>", "</h3>", "<br>", "<br/>", "</br>",
	"<img src=a>", "<hr>", "<input type=hidden>", "<input>", "<select>", "<option>", "</select>", "<form>", "</form>",
	"<button>", "</button>", "<pre>\n", "</pre>", "<textarea>\r\n", "</textarea>", "<title>", "</title>",
	"<script>", "</script>", "<style>", "</style>", "<noscript>", "</noscript>", "<xmp>", "<iframe>", "</iframe>",
	"<svg>", "</svg>", "<math>", "</math>", "<mi>", "<foreignObject>", "<desc>", "<path d=1/>", "<annotation-xml>",
	"<template>", "</template>", "<frameset>", "<frame>", "<object>", "</object>", "<marquee>", "<applet>",
	"<html lang=zh>", "<head>", "</head>", "<body class=b>", "</body>", "</html>", "<meta charset=utf-8>",
	"<!DOCTYPE html>", "<!-- c -->", "<!--x", "<?php ?>", "<![CDATA[d]]>", "</>", "< p>", "<nobr>", "<ruby><rt>",
	"<a ", "=", "\"", "'", " x=y", " CLASS=Z", " class=q", "/", ">", "<", "&", "&amp;", "&lt;", "&nbsp;", "&#x4e00;",
	"一、", "本年度", "text", " ", "\n", "\r\n", "\r", "\t", "\x00", "<custom-tag>", "</custom-tag>", "<TD>", "</TR>",
	"<image>", "<plaintext>", "<listing>", "<keygen>", "<wbr>", "<param>", "<base>", "<link rel=x>",
}

// randomPage strings together n pieces of treeAlphabet.
func randomPage(rng *rand.Rand, n int) []byte {
	var b strings.Builder
	for ; n > 0; n-- {
		b.WriteString(treeAlphabet[rng.Intn(len(treeAlphabet))])
	}
	return []byte(b.String())
}

func refPages(t *testing.T) map[string][]byte {
	pages := map[string][]byte{}
	files, _ := filepath.Glob("../../../../fixtures/html/*.html")
	if len(files) == 0 {
		t.Fatal("no HTML fixtures found")
	}
	more, _ := filepath.Glob("testdata/*.html")
	lean, _ := filepath.Glob("/tmp/rb/html/r00[0-1]*.html")
	for _, f := range append(append(files, more...), lean...) {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		pages[f] = src
	}
	return pages
}

func TestTreeMatchesRef(t *testing.T) {
	rng := rand.New(rand.NewSource(11))
	for name, src := range refPages(t) {
		checkTreeMatchesRef(t, name, src, rng)
	}
	for i, s := range append(append(append([]string{}, skipSeeds...), attrSeeds...), strCopyAlphabet...) {
		checkTreeMatchesRef(t, fmt.Sprintf("seed %d", i), []byte(s), rng)
	}
	for i := 0; i < 4000; i++ {
		src := randomPage(rng, 1+rng.Intn(60))
		checkTreeMatchesRef(t, fmt.Sprintf("random %d %q", i, src), src, rng)
	}
}

// TestLeanPageMatchesRef: the benchmark's pieced input.
func TestLeanPageMatchesRef(t *testing.T) {
	src, pieces := leanPage(t)
	rp := make([]ref.Piece, len(pieces))
	for i, p := range pieces {
		rp[i] = ref.Piece{At: p.At, Orig: p.Orig}
	}
	want, err := ref.ParsePieces(bytes.Clone(src), rp, nil)
	if err != nil {
		t.Fatal(err)
	}
	got, err := ParsePieces(bytes.Clone(src), pieces, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := sameNode(got, want, "doc"); err != nil {
		t.Fatal(err)
	}
}

func FuzzTreeMatchesRef(f *testing.F) {
	for _, s := range append(append([]string{}, skipSeeds...), attrSeeds...) {
		f.Add([]byte(s), int64(0))
	}
	rng := rand.New(rand.NewSource(5))
	for i := 0; i < 20; i++ {
		f.Add(randomPage(rng, 30), int64(i))
	}
	f.Fuzz(func(t *testing.T, src []byte, seed int64) {
		checkTreeMatchesRef(t, "fuzz", src, rand.New(rand.NewSource(seed)))
	})
}
