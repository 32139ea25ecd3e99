package main

import (
	"fmt"
	"io"
	"runtime/debug"
)

// buildVersion reads the module version and the VCS revision from the
// build info: "(devel)" for a build from a checkout, the tag for
// `go install ...@vX`.
func buildVersion() (version, rev string, dirty bool) {
	version = "(devel)"
	if bi, ok := debug.ReadBuildInfo(); ok {
		if bi.Main.Version != "" {
			version = bi.Main.Version
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

// cmdVersion prints the module version and the VCS revision from build info.
func cmdVersion(w io.Writer) error {
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
