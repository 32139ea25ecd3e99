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

// Every unit is at most as long as numberThenText looks.
func TestUnitsFitNumberThenText(t *testing.T) {
	for _, u := range units {
		if n := len([]rune(u)); n > 2 || n == 0 {
			t.Errorf("unit %q has %d runes; numberThenText keeps 2", u, n)
		}
	}
}

// numberStart runes start no placeholder and are no placeholder dash, as
// parseValue's fast path assumes.
func TestNumberStartIsNoPlaceholder(t *testing.T) {
	for p, ok := range placeholders {
		if r := []rune(p); ok && numberStart(r[0]) {
			t.Errorf("placeholder %q starts with a number rune", p)
		}
	}
	for _, r := range placeholderDashes {
		if numberStart(r) {
			t.Errorf("placeholder dash %q is a number start", r)
		}
	}
}
