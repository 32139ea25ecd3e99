package parser

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestParseValue(t *testing.T) {
	type want struct {
		kind    ValueKind
		num     float64
		unit    string
		integer bool
	}
	cases := map[string]want{
		"":          {kind: Blank},
		"  \u00a0 ": {kind: Blank},
		"0":         {kind: Number, num: 0, integer: true},
		" 56 ":      {kind: Number, num: 56, integer: true},
		"1,234":     {kind: Number, num: 1234, integer: true},
		"１２３４":      {kind: Number, num: 1234, integer: true},
		"1 234":     {kind: Number, num: 1234, integer: true},
		"1.25":      {kind: Number, num: 1.25},
		"3.0":       {kind: Number, num: 3, integer: true},
		"-23":       {kind: Number, num: -23, integer: true},
		"+5":        {kind: Number, num: 5, integer: true},
		"12500元":    {kind: Number, num: 12500, unit: "元", integer: true},
		"3.5万元":     {kind: Number, num: 3.5, unit: "万元"},
		"156件":      {kind: Number, num: 156, unit: "件", integer: true},
		"-":         {kind: Placeholder},
		"—":         {kind: Placeholder},
		"——":        {kind: Placeholder},
		"/":         {kind: Placeholder},
		"无":         {kind: Placeholder},
		"－":         {kind: Placeholder},
		"三":         {kind: Text},
		"暂无数据":      {kind: Text},
		"1.2.3":     {kind: Text},
		"--253":     {kind: Text},
		"元":         {kind: Text},
	}
	for in, w := range cases {
		v := ParseValue(in)
		assert.Equal(t, w.kind, v.Kind, "kind of %q", in)
		if w.kind == Number {
			assert.Equal(t, w.num, v.Num, "num of %q", in)
			assert.Equal(t, w.unit, v.Unit, "unit of %q", in)
			assert.Equal(t, w.integer, v.Integer, "integer of %q", in)
		}
	}
}

func TestBlankIsNotZero(t *testing.T) {
	assert.False(t, (&Value{Kind: Blank}).Known())
	assert.False(t, (&Value{Kind: Placeholder, Raw: "/"}).Known())
	assert.False(t, (*Value)(nil).Known())
	assert.True(t, (&Value{Kind: Number}).Known())
}
