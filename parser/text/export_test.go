package text

// Unglue exposes unglue to the tests of package text_test.
func Unglue(line string) []string {
	_, figs := splitFigures(tokens(line))
	var out []string
	for _, f := range unglue(figs) {
		out = append(out, f.text)
	}
	return out
}

// ParseLayoutLines exposes parseLayout to the tests of package text_test.
var ParseLayoutLines = parseLayout
