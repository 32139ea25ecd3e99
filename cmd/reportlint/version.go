package main

import (
	"fmt"
	"io"
	"runtime/debug"
	"strings"
)

// Version is reportlint's release number. Bump it in the commit that
// changes what users see (rules, flags, output); `reportlint version`
// prints it even when the binary carries no VCS information (a build from
// a source archive, `go build -buildvcs=false`, pre-commit's build).
const Version = "0.2.0"

// buildVersion gives the version to print and the VCS revision from the
// build info. A module version from `go install ...@vX.Y.Z` wins over the
// constant; "(devel)" and pseudo-versions do not.
func buildVersion() (version, rev string, dirty bool) {
	version = "v" + Version
	if bi, ok := debug.ReadBuildInfo(); ok {
		v := bi.Main.Version
		switch {
		case isPseudoVersion(v):
			// go install ...@COMMIT: the pseudo-version ends in the commit.
			rev = v[strings.LastIndex(v, "-")+1:]
			rev = strings.TrimSuffix(rev, "+dirty")
		case v != "" && v != "(devel)":
			version = v
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				dirty = s.Value == "true"
			}
		}
	}
	return version, rev, dirty
}

// isPseudoVersion reports Go's v0.0.0-20060102150405-abcdef123456 form
// (and the +dirty builds of Go 1.24+), which says nothing a user can pin.
func isPseudoVersion(v string) bool {
	return strings.Count(v, "-") >= 2 || strings.Contains(v, "+dirty")
}

// cmdVersion prints the version and, when known, the VCS revision.
func cmdVersion(args []string, w io.Writer) error {
	if args != nil {
		rest, err := parseInterleaved(newFlagSet("version"), args, w)
		if err != nil {
			return err
		}
		if len(rest) > 0 {
			return usageError{"version 不接受参数"}
		}
	}
	version, rev, dirty := buildVersion()
	fmt.Fprintf(w, "reportlint %s", version)
	if rev != "" {
		if len(rev) > 12 {
			rev = rev[:12]
		}
		fmt.Fprintf(w, " (commit %s", rev)
		if dirty {
			fmt.Fprint(w, ", modified")
		}
		fmt.Fprint(w, ")")
	}
	fmt.Fprintln(w)
	return nil
}
