// Command refcopy writes a frozen copy of some of package parser's files,
// every top-level name suffixed with Ref, for the differential tests that
// hold the optimised recognition code to the code it replaced
// (parser/normalize_ref_test.go and parser/recognize_ref_test.go were made
// with it from commit 4454ed9):
//
//	go run ./scripts/refcopy OUT.go "HEADER" FILE.go...
//
// HEADER is written first (the "Code generated" line and a comment saying
// what the copy is). When recognition changes on purpose (the goldens
// reviewed and updated), the old reference no longer describes what the
// code should do: regenerate the copies from the new code, so that later
// optimisations are held to it.
package main

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"strings"
)

// keep are names shared with the live code: the data model.
var keep = map[string]bool{"Value": true, "ValueKind": true, "Missing": true, "Blank": true, "Placeholder": true, "Number": true, "Text": true, "String": true, "Known": true}

func main() {
	out := os.Args[1]
	header := os.Args[2]
	files := os.Args[3:]
	fset := token.NewFileSet()
	var asts []*ast.File
	names := map[string]bool{}
	for _, f := range files {
		af, err := parser.ParseFile(fset, f, nil, parser.ParseComments)
		if err != nil {
			panic(err)
		}
		asts = append(asts, af)
	}
	// collect names declared at top level (in all files given on the command line and the extra list)
	for _, af := range asts {
		for _, d := range af.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				names[d.Name.Name] = true
			case *ast.GenDecl:
				for _, s := range d.Specs {
					switch s := s.(type) {
					case *ast.TypeSpec:
						names[s.Name.Name] = true
					case *ast.ValueSpec:
						for _, n := range s.Names {
							names[n.Name] = true
						}
					}
				}
			}
		}
	}
	if also := os.Getenv("ALSO"); also != "" {
		for _, f := range strings.Split(also, ",") {
			af, err := parser.ParseFile(fset, f, nil, 0)
			if err != nil {
				panic(err)
			}
			for _, d := range af.Decls {
				switch d := d.(type) {
				case *ast.FuncDecl:
					names[d.Name.Name] = true
				case *ast.GenDecl:
					for _, s := range d.Specs {
						switch s := s.(type) {
						case *ast.TypeSpec:
							names[s.Name.Name] = true
						case *ast.ValueSpec:
							for _, n := range s.Names {
								names[n.Name] = true
							}
						}
					}
				}
			}
		}
	}
	for k := range keep {
		delete(names, k)
	}
	imports := map[string]bool{}
	var buf bytes.Buffer
	buf.WriteString(header)
	buf.WriteString("\npackage parser\n\nimport (\n")
	seen := map[string]bool{}
	for _, af := range asts {
		for _, im := range af.Imports {
			p := im.Path.Value
			parts := strings.Split(strings.Trim(p, `"`), "/")
			imports[parts[len(parts)-1]] = true
			if !seen[p] {
				seen[p] = true
				buf.WriteString("\t" + p + "\n")
			}
		}
	}
	buf.WriteString(")\n\n")
	for _, af := range asts {
		var decls []ast.Decl
		for _, d := range af.Decls {
			if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.IMPORT {
				continue
			}
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv != nil {
				// methods of shared types stay in the live code
				t := fd.Recv.List[0].Type
				if st, ok := t.(*ast.StarExpr); ok {
					t = st.X
				}
				if id, ok := t.(*ast.Ident); ok && keep[id.Name] {
					continue
				}
			}
			if g, ok := d.(*ast.GenDecl); ok {
				var specs []ast.Spec
				for _, s := range g.Specs {
					switch s := s.(type) {
					case *ast.TypeSpec:
						if keep[s.Name.Name] {
							continue
						}
					case *ast.ValueSpec:
						if len(s.Names) > 0 && keep[s.Names[0].Name] {
							continue
						}
					}
					specs = append(specs, s)
				}
				if len(specs) == 0 {
					continue
				}
				g.Specs = specs
			}
			ast.Inspect(d, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.SelectorExpr:
					if id, ok := n.X.(*ast.Ident); ok && imports[id.Name] {
						return false // pkg.Name: leave alone
					}
				case *ast.Ident:
					if names[n.Name] {
						n.Name += "Ref"
					}
				}
				return true
			})
			decls = append(decls, d)
		}
		for _, d := range decls {
			var b bytes.Buffer
			if err := format.Node(&b, fset, d); err != nil {
				panic(err)
			}
			buf.Write(b.Bytes())
			buf.WriteString("\n\n")
		}
	}
	src, err := format.Source(buf.Bytes())
	if err != nil {
		os.WriteFile(out, buf.Bytes(), 0o644)
		fmt.Println(err)
		os.Exit(1)
	}
	os.WriteFile(out, src, 0o644)
}
