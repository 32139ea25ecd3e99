package parser

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestCoreLabel(t *testing.T) {
	cases := map[string]string{
		"（二）部分公开（区分处理的，只计这一情形，不计其他情形）":     "部分公开",
		"(二) 部分公开 (区分处理的, 只计这一情形, 不计其他情形)": "部分公开",
		"1. 属于国家秘密":          "属于国家秘密",
		"1．属于国家秘密":           "属于国家秘密",
		"1、属于 国家 秘密":         "属于国家秘密",
		"3.危及“三安全一稳定”":       "危及三安全一稳定",
		"3.危及\"三安全一稳定\"":     "危及三安全一稳定",
		"一、本年新收政府信息公开申请数\n量": "本年新收政府信息公开申请数量",
		"本年收费金额（单位：万元）":      "本年收费金额",
		"十二、其他":              "其他",
		"（七）总计":              "总计",
		"商 业 企\n业":           "商业企业",
		"结果\u00a0维持":         "结果维持",
	}
	for in, want := range cases {
		assert.Equal(t, want, CoreLabel(in), "CoreLabel(%q)", in)
	}
}

func TestEnumerator(t *testing.T) {
	assert.Equal(t, "一", Enumerator("一、总体情况"))
	assert.Equal(t, "(三)", Enumerator("（三）不予公开"))
	assert.Equal(t, "1", Enumerator("1．属于国家秘密"))
	assert.Equal(t, "", Enumerator("总体情况"))
}

func TestSimilar(t *testing.T) {
	assert.True(t, Similar("本机关不掌握相关政府信", "本机关不掌握相关政府信息"))
	assert.True(t, Similar("保护第三方合法权义", "保护第三方合法权益"))
	assert.True(t, Similar("规范性文件", "行政规范性文件"))
	assert.False(t, Similar("行政许可", "行政处罚"))
	assert.False(t, Similar("行政处罚", "行政强制"))
	assert.False(t, Similar("规章", "规范"))
	assert.False(t, Similar("其他主动公开文件", "行政规范性文件"))
}

func TestCNNumeralValue(t *testing.T) {
	for s, want := range map[string]int{"一": 1, "六": 6, "十": 10, "十二": 12, "二十": 20, "二十三": 23, "零": 0, "百": 0} {
		assert.Equal(t, want, CNNumeralValue(s), s)
	}
}
