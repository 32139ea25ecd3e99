package rules

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestPlaceholderIn(t *testing.T) {
	cases := []struct {
		text string
		want []string
	}{
		{"（文字描述）", []string{"（文字描述）"}},
		{"(文字描述，收取信息处理费情况在此处报告。)", []string{"(文字描述，收取信息处理费情况在此处报告。)"}},
		{"收取信息处理费情况在此处报告。", []string{"在此处报告"}},
		{"XXX局XX年政府信息公开工作年度报告", []string{"XXX局", "XX年"}},
		{"ＸＸ县人民政府20XX年度报告", []string{"ＸＸ县", "20XX年"}},
		{"××市202X年政府信息公开工作年度报告", []string{"××市", "202X年"}},
		{"全年共收到申请XX件", []string{"XX件"}},
		{"政府信息公开工作年度报告格式模板", []string{"年度报告格式模板"}},
		{"单击或点击此处输入文字。", []string{"单击或点击此处输入文字"}},
		{"【文字描述】", []string{"【文字描述】"}},
		{"[此处填写本机关名称]", []string{"[此处填写本机关名称]"}},
		{"文字描述。", []string{"文字描述。"}},
		{"××××年政府信息公开工作年度报告", []string{"××××年"}},
		// not placeholders
		{"本部分以文字描述为主，辅以图表。", nil}, // anonymised names, real years, ordinary prose follow
		{"申请人张××申请公开××公司的行政处罚决定。", nil},
		{"二〇二四年，本局共收到申请12件。", nil},
		{"本机关已在门户网站公开，此处不再赘述。", nil},
		{"（一）主动公开。全年主动公开信息412条。", nil},
		{"（注：以上数据截至2024年12月31日）", nil},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, placeholderIn(c.text), c.text)
	}
}
