package parser

import (
	"strconv"
	"testing"
)

// The fast path of ParseValue gives what the general one gives.
func TestPlainIntegerIsParseValue(t *testing.T) {
	var in []string
	for i := 0; i < 20000; i++ {
		in = append(in, strconv.Itoa(i))
	}
	in = append(in, "007", "000", "0", "999999999999999", "123456789012345", "1234567890123456", "12a", "1 2", " 12", "１２", "-1", "+1", "1.0", "")
	fast := 0
	for _, s := range in {
		v, ok := plainInteger(s)
		if !ok {
			continue
		}
		fast++
		if w := parseValue(s); v != w {
			t.Errorf("%q: fast %+v, general %+v", s, v, w)
		}
	}
	if fast < 20000 {
		t.Errorf("fast path taken %d times", fast)
	}
}
