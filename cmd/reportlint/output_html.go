package main

import (
	"html/template"
	"io"
	"time"

	"github.com/reportlint/reportlint/rules"
)

// writeHTML writes one self-contained page (no scripts, no external files)
// that a supervising office can open, print or send on: a summary table of
// every file, then each file's findings.
func writeHTML(w io.Writer, out []checked) error {
	type fileView struct {
		ID       int
		Summary  fileSummary
		Findings []rules.Finding
	}
	var files []fileView
	for i, c := range out {
		files = append(files, fileView{ID: i + 1, Summary: summarize(c), Findings: c.Findings})
	}
	total := count(out)
	data := struct {
		Files                   []fileView
		Errors, Warnings, Infos int
		N                       int
		Generated               string
		Failed, Passed, Unread  int
	}{Files: files, Errors: total.errors, Warnings: total.warnings, Infos: total.infos, N: len(out),
		Generated: time.Now().Format("2006-01-02 15:04")}
	for _, f := range files {
		switch f.Summary.Status {
		case "通过":
			data.Passed++
		case "无法读取":
			data.Unread++
		default:
			data.Failed++
		}
	}
	return htmlPage.Execute(w, data)
}

var htmlPage = template.Must(template.New("page").Funcs(template.FuncMap{
	"sev": func(s rules.Severity) string { return severityNames[s] },
	"where": func(f rules.Finding) string {
		if line, _, ok := f.Loc.FilePos(); ok {
			return "第" + itoa(line) + "行"
		}
		if s := f.Where(); s != "" {
			return s
		}
		return "—"
	},
}).Parse(`<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<title>政府信息公开工作年度报告检查结果</title>
<style>
body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2em;color:#222;line-height:1.5}
h1{font-size:1.5em}h2{font-size:1.15em;margin-top:2em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;width:100%;margin:.5em 0}th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#eef3f8}td.n{text-align:right}.s-错误{color:#b00020;font-weight:bold}.s-警告{color:#a15c00}.s-提示{color:#1565c0}
.st-通过{color:#2e7d32}.st-有错误,.st-无法读取{color:#b00020;font-weight:bold}.st-有警告{color:#a15c00}
.path{font-family:monospace;font-size:.9em}td.nw{white-space:nowrap}
</style></head><body>
<h1>政府信息公开工作年度报告检查结果</h1>
<p>共检查 {{.N}} 个文件：{{.Passed}} 个通过，{{.Failed}} 个有问题，{{.Unread}} 个无法读取；合计 {{.Errors}} 个错误、{{.Warnings}} 个警告、{{.Infos}} 个提示。生成时间 {{.Generated}}，reportlint。</p>
<table><thead><tr><th>#</th><th>文件</th><th>机关</th><th>年度</th><th>结论</th><th>错误</th><th>警告</th><th>提示</th></tr></thead><tbody>
{{range .Files}}<tr><td class="n">{{.ID}}</td><td class="path"><a href="#f{{.ID}}">{{.Summary.Path}}</a></td><td>{{.Summary.Issuer}}</td><td>{{if .Summary.Year}}{{.Summary.Year}}{{end}}</td><td class="st-{{.Summary.Status}}">{{.Summary.Status}}</td><td class="n">{{.Summary.Errors}}</td><td class="n">{{.Summary.Warnings}}</td><td class="n">{{.Summary.Infos}}</td></tr>
{{end}}</tbody></table>
{{range .Files}}<h2 id="f{{.ID}}">{{.ID}}. {{if .Summary.Issuer}}{{.Summary.Issuer}} {{end}}{{if .Summary.Year}}{{.Summary.Year}}年度 {{end}}<span class="path">{{.Summary.Path}}</span></h2>
{{if .Findings}}<table><thead><tr><th>级别</th><th>规则</th><th>位置</th><th>说明</th></tr></thead><tbody>
{{range .Findings}}<tr><td class="nw s-{{sev .Severity}}">{{sev .Severity}}</td><td class="nw">{{.Rule}} {{.Name}}</td><td class="nw">{{where .}}</td><td>{{.Message}}</td></tr>
{{end}}</tbody></table>{{else}}<p class="st-通过">未发现问题。</p>{{end}}
{{end}}</body></html>
`))
