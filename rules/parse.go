package rules

var parseRules = []*Rule{
	{
		ID: "P001", Name: "unreadable", Severity: Error, FromReader: true,
		Title:   "文件无法读取",
		Summary: "文件无法读取：损坏、加密、格式不支持或超过大小上限",
		Doc: `为什么：无法读取的文件无法检查，批量检查时也不能因此中断，所以每个读不了的文件都记一条 P001，并说明原因。

常见原因与处理：
- 文件为空或下载不完整：重新下载或重新导出。
- 扩展名与内容不符（例如把网页错误页存成 .pdf）：重新下载正确的文件。
- 加密或有打开密码的 PDF/DOCX：去掉密码后另存。
- Word 97-2003 的 .doc、WPS 的 .wps：另存为 .docx 或 PDF。
- 超过大小或时间上限：确认文件无误后用 --max-size / --timeout 调高上限。`,
		Example: `$ reportlint check 报告.doc
报告.doc: error P001【错误·文件无法读取】这是 Word 97-2003 旧格式（.doc）或其他 OLE 文件，reportlint 不能读取；请另存为 .docx 或 PDF 后再检查`,
	},
	{
		ID: "P002", Name: "no-text-layer", Severity: Error, FromReader: true,
		Title:   "没有文字层",
		Summary: "PDF（或其中若干页）没有可提取的文字，多为扫描件，需要先做文字识别",
		Doc: `为什么：扫描件只有图像，没有文字层，表格中的数字无法读取，也就无法核对。政府信息公开年报应以可检索的文字形式发布，扫描件对读者也不友好。

如何修正：用原始 Word/WPS 文档直接导出 PDF；若只有纸质件，先做 OCR（文字识别），核对识别结果后再发布和检查。`,
		Example: `$ reportlint check 扫描件.pdf
扫描件.pdf: error P002【错误·没有文字层】第1—5页没有可提取的文字（可能是扫描件），需要先做文字识别（OCR）`,
	},
	{
		ID: InternalErrorID, Name: "internal-error", Severity: Error, FromReader: true,
		Title:   "检查程序内部错误",
		Summary: "reportlint 的某条规则在这份文件上出错（程序缺陷），该规则的结果缺失，其余规则照常检查",
		Doc: `为什么：这条不是报告的问题，而是 reportlint 自身的缺陷：某条规则在检查这份文件时意外中止。为了不让一条规则的缺陷中断整批检查，reportlint 把它记为本条，说明是哪条规则出错，其余规则和其余文件照常检查。

如何处理：这份文件上出错的那条规则没有结果，请人工核对该规则检查的内容；并把消息和文件（或能复现的一小段）报告给 reportlint 的维护者。可以在配置中关闭本条，但这样会掩盖漏检。`,
		Example: `$ reportlint check 报告.html
报告.html: error P003【错误·检查程序内部错误】规则 A301（table3-balance）检查本文件时出错，该规则的结果缺失：runtime error: index out of range [3] with length 3；请把此消息和文件报告给 reportlint 的维护者`,
	},
}
