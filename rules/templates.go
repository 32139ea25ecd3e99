package rules

import (
	"fmt"
	"slices"
	"strings"

	"github.com/reportlint/reportlint/parser"
)

// templateRules check how the report was put together: template text left
// in (S109), statutory tables pasted as pictures (S110).
var templateRules = []*Rule{
	{
		ID: "S109", Name: "template-unfilled", Severity: Error, Check: checkTemplateUnfilled, Title: "模板未填写",
		Summary: "报告中仍留有模板的占位文字（（文字描述）、XX年、XXX局、“在此处报告”等）",
		Doc: `为什么：年报模板用"（文字描述）""XX年""XXX局""收取信息处理费情况在此处报告"等占位文字提示应填写的内容。发布的报告里仍有这些文字，说明相应部分没有填写，或者直接发布了模板；格式要求的内容"不能遗漏"，这样的报告属于内容不全。

如何修正：把每一处占位文字换成本机关本年度的实际情况：年份、机关名称写全称，"（文字描述）"处写明该部分的实际内容；没有相关情况的，如实写明"无"及原因，并删去模板的说明文字。`,
		Example: `第一部分只有"（文字描述）"：
error S109 “一、总体情况”下留有模板的占位文字“（文字描述）”，应替换为本机关本年度的实际内容`,
	},
	{
		ID: "S110", Name: "table-as-image", Severity: Warning, Check: checkTableAsImage, Title: "表格以图片发布",
		Summary: "法定表格以图片形式发布，无法核对，也不便于无障碍阅读",
		Doc: `为什么：表二、表三、表四以截图或扫描图片的形式插入网页或 PDF 时，其中的数字无法被检索、复制和汇总，reportlint 也无法核对勾稽关系；使用读屏软件的视障读者完全读不到表格内容，不符合政府网站无障碍建设的要求。报告在该处有图片而没有文字表格时报此项（代替"找不到表格"的 S104）；正文各部分和信息处理费的说明照常检查。

如何修正：把图片换成文字表格：在 Word/WPS 中按国办公开办函〔2021〕30号的样式制表后发布，或在网站编辑器中粘贴表格本身而不是截图。确需保留图片的，应同时提供文字表格。`,
		Example: `网页"三、收到和处理政府信息公开申请情况"下只有一张图片：
warning S110 表三（收到和处理政府信息公开申请情况）以图片形式发布（图片“依申请公开情况表”），其中的数字无法核对，读屏软件也无法读取；请改为文字表格发布`,
	},
}

func checkTableAsImage(p *Pass) {
	for _, ti := range p.Report.TableImages {
		what := "图片"
		if alt := strings.TrimSpace(ti.Image.Alt); alt != "" {
			what = fmt.Sprintf("图片“%s”", alt)
		} else if src := ti.Image.Src; src != "" && len(src) <= 80 && p.Report.Doc.Format == parser.FormatHTML {
			// An HTML src is a file the editor can find; PDF and DOCX
			// names are internal.
			what = fmt.Sprintf("图片 %s，没有替代文字", src)
		} else {
			what = "图片，没有替代文字"
		}
		p.Add(Finding{Loc: ti.Image.Loc, Table: ti.Table, Key: "image/" + string(ti.Table),
			Message: fmt.Sprintf("%s以图片形式发布（%s），其中的数字无法核对，读屏软件也无法读取；请改为文字表格发布", parser.TableName(ti.Table), what)})
	}
}

// placeholderSrcs are the template's placeholder patterns, matched in the
// paragraph as written (so that messages quote it). Anonymised names in the narrative (张××,
// ××公司) are not placeholders and are not matched.
var placeholderSrcs = []string{
	// Bracketed instructions: （文字描述）, （文字描述，…在此处报告。）, （此处填写…）.
	`[(（【\[［][^()（）【】\[\]［］]{0,60}(文字描述|此处|请填写|填写说明|按实际填写|根据实际填写)[^()（）【】\[\]［］]{0,60}[)）】\]］]`,
	// A paragraph that is only the instruction: "文字描述。"
	`^[\s　]*(文字描述|此处为文字描述|请输入文字)[。.：:]?[\s　]*$`,
	// A title that still says it is the template.
	`年度报告(格式)?模板`,
	// Instructions without brackets.
	`(在|于)?此处(报告|填写|输入|列出)|单击或点击此处输入文字|点击此处输入|请在此(处)?(填写|输入)`,
	// Years: XX年, XXXX年, 20XX年, 202X年, ××年度.
	`(20[0-9][XxＸｘ×]|20[XxＸｘ×]{2}|[XxＸｘ×]{2,4})年`,
	// Agencies and places: XXX局, ××县人民政府, ○○市.
	`[XxＸｘ×○]{2,}(人民政府|政府|委员会|办公室|局|县|市|区|镇|乡|街道|委|办|厅|部门|单位|中心)`,
	// Figures: XX件, XX条.
	`[XxＸｘ×]{2,}(件|条|个|次|项|万元|元|人次|篇)`,
}

// placeholdersBuilt finds the placeholder patterns (same order as
// placeholderSrcs), built on first use.
var placeholdersBuilt = lazyValue(func() patternKit { return newPatternKit(placeholderSrcs) })

// maxTemplateFindings bounds S109 per file: an unfilled template has
// placeholders everywhere, and the first few say it.
const maxTemplateFindings = 8

// placeholderIn returns the placeholders found in a paragraph, in order.
func placeholderIn(text string) []string {
	c := strings.TrimSpace(text)
	type hit struct {
		at int
		s  string
	}
	var hits []hit
	kit := placeholdersBuilt()
	may := kit.set.may(c)
	if may == 0 {
		return nil
	}
	var buf [8]fmatch
	ms := kit.finder.find(c, may, 4, buf[:0])
	// pattern by pattern, each in text order
	slices.SortStableFunc(ms, func(a, b fmatch) int { return a.pat - b.pat })
	for _, m := range ms {
		overlap := false
		for _, h := range hits {
			if m.start < h.at+len(h.s) && h.at < m.end {
				overlap = true
			}
		}
		if !overlap {
			hits = append(hits, hit{m.start, c[m.start:m.end]})
		}
	}
	for i := 1; i < len(hits); i++ {
		for j := i; j > 0 && hits[j].at < hits[j-1].at; j-- {
			hits[j], hits[j-1] = hits[j-1], hits[j]
		}
	}
	var out []string
	for _, h := range hits {
		out = append(out, h.s)
	}
	return out
}

// sectionOfPara names the statutory section paragraph i (an index into
// Report.Paragraphs) belongs to, or "" before the first heading.
func sectionOfPara(r *parser.Report, i int) string {
	name := ""
	best := -1
	for _, s := range r.Sections {
		head := s.First - 1
		if head <= i && head > best && i < s.End {
			best = head
			name = sectionDefs[s.Num-1].FullHeading()
		}
	}
	return name
}

func checkTemplateUnfilled(p *Pass) {
	r := p.Report
	n, more := 0, 0
	var last *Finding
	for i, para := range r.Paragraphs {
		found := placeholderIn(para.Text)
		if len(found) == 0 {
			continue
		}
		if n >= maxTemplateFindings {
			more += len(found)
			continue
		}
		n++
		quoted := make([]string, len(found))
		for k, f := range found {
			quoted[k] = "“" + f + "”"
		}
		where := "报告"
		if sec := sectionOfPara(r, i); sec != "" {
			where = "“" + sec + "”下"
		}
		if r.TitleLoc == para.Loc && !para.Loc.IsZero() {
			where = "标题中"
		}
		f := Finding{Loc: para.Loc, Key: "S109/" + strings.Join(found, "|"),
			Message: fmt.Sprintf("%s留有模板的占位文字%s，应替换为本机关本年度的实际内容", where, strings.Join(quoted, "、"))}
		p.Add(f)
		last = &(*p.out)[len(*p.out)-1]
	}
	if more > 0 && last != nil {
		last.Message += fmt.Sprintf("（另有 %d 处占位文字未逐一列出）", more)
	}
}
