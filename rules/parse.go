package rules

var parseRules = []*Rule{
	{
		ID: "P001", Name: "unreadable", Severity: Error,
		Summary: "文件无法读取：损坏、加密、格式不支持或超过大小上限",
		Doc: `为什么：无法读取的文件无法检查，批量检查时也不能因此中断，所以每个读不了的文件都记一条 P001，并说明原因。

常见原因与处理：
- 文件为空或下载不完整：重新下载或重新导出。
- 扩展名与内容不符（例如把网页错误页存成 .pdf）：重新下载正确的文件。
- 加密或有打开密码的 PDF/DOCX：去掉密码后另存。
- Word 97-2003 的 .doc、WPS 的 .wps：另存为 .docx 或 PDF。
- 超过大小或时间上限：确认文件无误后用 --max-size / --timeout 调高上限。`,
		Example: `$ reportlint check 报告.doc
报告.doc:0:0: error P001 这是 Word 97-2003 旧格式（.doc）或其他 OLE 文件，reportlint 不能读取；请另存为 .docx 或 PDF 后再检查`,
	},
	{
		ID: "P002", Name: "no-text-layer", Severity: Error,
		Summary: "PDF（或其中若干页）没有可提取的文字，多为扫描件，需要先做文字识别",
		Doc: `为什么：扫描件只有图像，没有文字层，表格中的数字无法读取，也就无法核对。政府信息公开年报应以可检索的文字形式发布，扫描件对读者也不友好。

如何修正：用原始 Word/WPS 文档直接导出 PDF；若只有纸质件，先做 OCR（文字识别），核对识别结果后再发布和检查。`,
		Example: `$ reportlint check 扫描件.pdf
扫描件.pdf:0:0: error P002 第1—5页没有可提取的文字（可能是扫描件），需要先做文字识别（OCR）`,
	},
}

// problemRule turns a reader's non-fatal problems (pages without text) into
// findings; it is part of the P002 rule's work but runs on every report.
func checkProblems(p *Pass) {
	for _, pr := range p.Report.Doc.Problems {
		r := Lookup(pr.Rule)
		if r == nil {
			continue
		}
		*p.out = append(*p.out, Finding{Rule: r.ID, Name: r.Name, Severity: r.Severity, Message: pr.Message, Loc: pr.Loc, Key: pr.Message})
	}
}

func init() {
	parseRules[1].Check = checkProblems
}
