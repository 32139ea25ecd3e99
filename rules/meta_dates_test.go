package rules

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestDateLineForms: the date line at the end of a department's report in
// the forms documents use; a date after 31 January is late (M602).
func TestDateLineForms(t *testing.T) {
	check := func(line string) int {
		return countRules(readEdited(t, cleanText, "\n2025年1月20日\n", "\n"+line+"\n"), nil)["M602"]
	}
	for _, late := range []string{"2025年2月5日", "2025-02-05", "2025.2.5", "2025/2/5", "2025年2月5号", "二○二五年二月五日", "二〇二五年二月五日"} {
		assert.Equal(t, 1, check(late), "late date line %q", late)
	}
	for _, onTime := range []string{"2025-01-20", "2025.1.31", "二○二五年一月二十日"} {
		assert.Zero(t, check(onTime), "date line %q is on time", onTime)
	}
}
