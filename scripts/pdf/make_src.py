#!/usr/bin/env python3
"""Writes the source HTML of the PDF fixtures (fixtures/pdf/src/*.html.in).

The reports are invented (own wording, modelled on the statutory format of
国办公开办函〔2021〕30号); their numbers are consistent unless a variant
plants a defect on purpose. Run by scripts/make-pdf-fixtures.sh.
"""
import os
import sys

COLS = 6  # natural, corp, research, ngo, legal, other_org

# results rows of table 三 in order: (group, label) ; group None = whole row
RESULTS = [
    ("（一）予以公开", None),
    ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", None),
    ("（三）不予公开", "1.属于国家秘密"),
    ("（三）不予公开", "2.其他法律行政法规禁止公开"),
    ("（三）不予公开", "3.危及“三安全一稳定”"),
    ("（三）不予公开", "4.保护第三方合法权益"),
    ("（三）不予公开", "5.属于三类内部事务信息"),
    ("（三）不予公开", "6.属于四类过程性信息"),
    ("（三）不予公开", "7.属于行政执法案卷"),
    ("（三）不予公开", "8.属于行政查询事项"),
    ("（四）无法提供", "1.本机关不掌握相关政府信息"),
    ("（四）无法提供", "2.没有现成信息需要另行制作"),
    ("（四）无法提供", "3.补正后申请内容仍不明确"),
    ("（五）不予处理", "1.信访举报投诉类申请"),
    ("（五）不予处理", "2.重复申请"),
    ("（五）不予处理", "3.要求提供公开出版物"),
    ("（五）不予处理", "4.无正当理由大量反复申请"),
    ("（五）不予处理", "5.要求行政机关确认或重新出具已获取信息"),
    ("（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ("（六）其他处理", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ("（六）其他处理", "3.其他"),
]

STYLE = """<style>
body{font-family:"Noto Serif CJK SC","Noto Sans CJK SC",serif;font-size:12pt;line-height:1.6;margin:0}
p{margin:0 0 4pt 0;text-indent:2em}
p.title{text-align:center;text-indent:0;font-size:16pt;font-weight:bold}
p.h{font-weight:bold}
table{border-collapse:collapse;margin:6pt 0;font-size:10pt}
td{border:1px solid #000;padding:2pt 3pt;text-align:center}
table.nb td{border:none}
@page{size:A4;margin:2cm}
</style>"""


def rowsum(r):
    return r + [sum(r)]


def table2(d):
    t = d["t2"]
    return f"""<table>
<tr><td colspan="4">第二十条第（一）项</td></tr>
<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td>规章</td><td>{t[0]}</td><td>{t[1]}</td><td>{t[2]}</td></tr>
<tr><td>行政规范性文件</td><td>{t[3]}</td><td>{t[4]}</td><td>{t[5]}</td></tr>
<tr><td colspan="4">第二十条第（五）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
<tr><td>行政许可</td><td colspan="3">{t[6]}</td></tr>
<tr><td colspan="4">第二十条第（六）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
<tr><td>行政处罚</td><td colspan="3">{t[7]}</td></tr>
<tr><td>行政强制</td><td colspan="3">{t[8]}</td></tr>
<tr><td colspan="4">第二十条第（八）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年收费金额（单位：万元）</td></tr>
<tr><td>行政事业性收费</td><td colspan="3">{t[9]}</td></tr>
</table>"""


def cells(vals):
    return "".join(f"<td>{v}</td>" for v in vals)


def table3(d):
    res = d["results"]  # list of 21 rows of 6 numbers
    r1, r2 = d["r1"], d["r2"]
    tot = [sum(res[i][c] for i in range(len(res))) for c in range(COLS)]
    r4 = [r1[c] + r2[c] - tot[c] for c in range(COLS)]
    assert all(x >= 0 for x in r4), r4
    out = ["<table>",
           '<tr><td rowspan="3" colspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>',
           '<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>',
           "<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>",
           f'<tr><td colspan="3">一、本年新收政府信息公开申请数量</td>{cells(rowsum(r1))}</tr>',
           f'<tr><td colspan="3">二、上年结转政府信息公开申请数量</td>{cells(rowsum(r2))}</tr>']
    spans = {"（三）不予公开": 8, "（四）无法提供": 3, "（五）不予处理": 5, "（六）其他处理": 3}
    seen = set()
    for i, (g, lbl) in enumerate(RESULTS):
        head = '<td rowspan="22">三、本年度办理结果</td>' if i == 0 else ""
        if lbl is None:
            out.append(f'<tr>{head}<td colspan="2">{g}</td>{cells(rowsum(res[i]))}</tr>')
            continue
        gc = ""
        if g not in seen:
            seen.add(g)
            gc = f'<td rowspan="{spans[g]}">{g}</td>'
        out.append(f"<tr>{head}{gc}<td>{lbl}</td>{cells(rowsum(res[i]))}</tr>")
    out.append(f'<tr><td colspan="2">（七）总计</td>{cells(rowsum(tot))}</tr>')
    out.append(f'<tr><td colspan="3">四、结转下年度继续办理</td>{cells(rowsum(r4))}</tr>')
    out.append("</table>")
    return "\n".join(out), tot, r4


def table4(d):
    g = d["t4"]  # three groups of (maintain, correct, other, pending[, total override])
    vals = []
    for grp in g:
        total = grp[4] if len(grp) > 4 else sum(grp[:4])
        vals += list(grp[:4]) + [total]
    return f"""<table>
<tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>
<tr><td rowspan="2">结果维持</td><td rowspan="2">结果纠正</td><td rowspan="2">其他结果</td><td rowspan="2">尚未审结</td><td rowspan="2">总计</td><td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>
<tr><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td></tr>
<tr>{cells(vals)}</tr>
</table>"""


FILLER = [
    "围绕优化营商环境、乡村振兴和民生保障等重点领域，持续做好政策文件、办事指南和重大项目信息的发布工作，做到应公开尽公开。",
    "坚持政策文件与解读材料同步组织、同步审签、同步发布，采用图表、问答和短视频等形式，让政策更易懂、好办事。",
    "健全公开属性源头认定机制，公文起草时同步确定公开方式，未公开的说明理由，全年未发生因公开不当引发的舆情事件。",
    "加强政府网站和政务新媒体的内容保障，落实信息发布三审制度，定期开展错别字、空白栏目和失效链接的自查整改。",
    "组织各乡镇、各部门政务公开工作人员开展业务培训，通过以会代训、案例讲评等方式提升依申请公开答复的规范化水平。",
]


def report(d):
    t3, tot, r4 = table3(d)
    r1t, r2t = sum(d["r1"]), sum(d["r2"])
    nfill = d.get("filler", 1)
    fill = "".join(f"<p>{FILLER[i % len(FILLER)]}</p>\n" for i in range(nfill))
    body = f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{d['issuer']}{d['year']}年政府信息公开工作年度报告</title>
{STYLE}</head><body>
<p class="title">{d['issuer']}{d['year']}年政府信息公开工作年度报告</p>
<p>本报告依据《中华人民共和国政府信息公开条例》编制，按照国办公开办函〔2021〕30号规定的格式填报。所列数据的统计期限为{d['year']}年1月1日至{d['year']}年12月31日。</p>
<p class="h">一、总体情况</p>
<p>（一）主动公开。{d['year']}年，{d['short']}通过政府门户网站、政务新媒体和公开栏主动公开各类政府信息，做到权责清单、财政预决算和重大项目信息及时公开。</p>
{fill}<p>（二）依申请公开。全年新收政府信息公开申请{r1t}件，上年结转{r2t}件，结转下年度继续办理{sum(r4)}件，均在法定期限内答复。</p>
<p>（三）政府信息管理。按照公文类政府信息公开审查要求，对现行有效的规范性文件逐件核对，及时更新文件有效性标注。</p>
<p>（四）平台建设。优化政府信息公开专栏的栏目设置，完善站内检索功能，方便公众查阅。</p>
<p>（五）监督保障。将政务公开纳入年度绩效考核，明确专人负责，定期通报各单位公开情况。</p>
<p class="h">二、主动公开政府信息情况</p>
{table2(d)}
<p class="h">三、收到和处理政府信息公开申请情况</p>
{t3}
<p class="h">四、政府信息公开行政复议、行政诉讼情况</p>
{table4(d)}
<p class="h">五、存在的主要问题及改进情况</p>
<p>本年度政务公开工作仍有不足：部分栏目更新不够及时，政策解读形式还比较单一。下一步将加强统筹调度，完善栏目维护责任，丰富解读形式，提升公开质量。</p>
<p class="h">六、其他需要报告的事项</p>
<p>本年度未收取政府信息公开信息处理费。{d['short']}认真落实政务公开工作要点，按期完成各项任务。</p>
</body></html>
"""
    # LibreOffice's HTML import ignores CSS borders and text-indent in a
    # <style> block: use the border attribute and inline styles.
    body = body.replace("<p>", '<p style="text-indent:2em">')
    body = body.replace('<p class="h">', '<p class="h" style="text-indent:2em"><b>').replace("情况</p>\n", "情况</b></p>\n").replace("事项</p>", "事项</b></p>")
    body = body.replace('<p class="title">', '<p class="title" style="text-align:center"><b>').replace("年度报告</p>", "年度报告</b></p>")
    if d.get("enum"):
        # sub-item enumerators written "1、" instead of "1."
        for _, lbl in RESULTS:
            if lbl:
                body = body.replace(f"<td>{lbl}</td>", f"<td>{lbl.replace('.', d['enum'], 1)}</td>")
    if d.get("thead"):
        # table 三's three header rows in <thead>: LibreOffice repeats them
        # at the top of every page the table runs onto ("repeat heading")
        i = body.index('<tr><td rowspan="3" colspan="3">')
        j = body.index('<tr><td colspan="3">一、本年新收')
        k = body.index("</table>", j)
        body = body[:i] + "<thead>" + body[i:j] + "</thead><tbody>" + body[j:k] + "</tbody>" + body[k:]
    if d.get("plain"):
        # a bare page: no style sheet, no borders, cells left-aligned as the
        # browser default; LibreOffice then draws the group column narrow
        # and its wrapped text sits on the lines of the item rows
        body = body.replace(STYLE, "")
        body = body.replace("<table>", '<table style="border-collapse:collapse">')
    elif d.get("borderless"):
        body = body.replace("<table>", '<table class="nb" cellspacing="0" cellpadding="3">')
    else:
        body = body.replace("<table>", '<table border="1" cellspacing="0" cellpadding="3">')
    return body


def results(base):
    rows = [[0] * COLS for _ in RESULTS]
    for i, c, v in base:
        rows[i][c] = v
    return rows


CLEAN = dict(
    issuer="青溪县人民政府", short="县政府", year=2024,
    t2=[0, 0, 3, 4, 1, 27, 1562, 318, 12, 0],
    r1=[41, 3, 0, 1, 2, 0], r2=[2, 0, 0, 0, 0, 0],
    results=results([(0, 0, 20), (0, 1, 2), (1, 0, 5), (4, 0, 1), (7, 0, 2), (10, 0, 6), (10, 3, 1),
                     (11, 0, 2), (13, 0, 3), (14, 0, 1), (18, 0, 1), (0, 4, 2), (20, 1, 1)]),
    t4=[(2, 1, 0, 0), (1, 0, 0, 1), (0, 0, 0, 0)],
)

A304 = dict(CLEAN, issuer="云岭市交通运输局", short="本局",
            t2=[0, 0, 0, 2, 0, 11, 2304, 517, 9, 1.5],
            t4=[(3, 1, 0, 1, 4), (0, 1, 0, 0), (1, 0, 0, 0)])

LONG = dict(CLEAN, issuer="石门镇人民政府", short="镇政府", filler=13,
            r1=[58, 4, 1, 0, 3, 1], r2=[3, 1, 0, 0, 0, 0],
            results=results([(0, 0, 25), (0, 1, 3), (1, 0, 7), (2, 0, 1), (5, 0, 2), (7, 0, 3), (9, 0, 1),
                             (10, 0, 8), (10, 4, 2), (11, 0, 3), (12, 0, 1), (13, 0, 4), (14, 0, 2),
                             (15, 2, 1), (18, 0, 1), (19, 5, 1), (20, 1, 2)]))

# table 三 with a repeated heading over three pages
LONG_THEAD = dict(LONG, issuer="石门镇人民政府", thead=True, filler=16)
# the same with less filler: LibreOffice breaks the page inside table 四's
# header (结果 | 维持 of a two-row cell on two pages)
LONG_THEAD_T4 = dict(LONG_THEAD, filler=6)
# and with more: tagged LibreOffice draws an empty grid at the top of the
# page after table 二
LONG_THEAD_EMPTY = dict(LONG_THEAD, filler=17)

BORDERLESS = dict(CLEAN, issuer="南溪县人民政府", short="县政府", borderless=True)

# Plain pages (no borders, left-aligned cells): numbers in the rows whose
# labels fill the narrow item column ("3.危及“三安全一稳定”", "5.属于三类…")
# and in the first row of each wrapped group.
PLAIN = dict(CLEAN, issuer="北坪市自然资源局", short="本局", plain=True,
             r1=[37, 4, 0, 0, 2, 1], r2=[1, 1, 0, 0, 0, 0],
             results=results([(0, 0, 14), (0, 1, 2), (1, 0, 4), (4, 0, 3), (4, 1, 1), (5, 0, 2), (6, 0, 1),
                              (10, 0, 5), (10, 4, 1), (11, 0, 2), (13, 0, 2), (15, 0, 1), (17, 5, 1),
                              (18, 0, 1), (20, 0, 2)]))
PLAIN_ENUM = dict(PLAIN, issuer="北坪市住房和城乡建设局", enum="、",
                  results=results([(0, 0, 11), (0, 1, 3), (1, 0, 2), (3, 0, 1), (5, 0, 2), (9, 1, 1),
                                   (11, 0, 3), (12, 0, 1), (15, 0, 2), (17, 0, 1), (19, 0, 1), (20, 0, 4)]))


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "fixtures/pdf/src"
    os.makedirs(out, exist_ok=True)
    for name, d in [("report-clean", CLEAN), ("report-A304", A304), ("report-long", LONG), ("report-long-thead", LONG_THEAD), ("report-long-thead-t4split", LONG_THEAD_T4), ("report-long-thead-emptygrid", LONG_THEAD_EMPTY), ("report-borderless", BORDERLESS),
                    ("report-plain", PLAIN), ("report-plain-enum", PLAIN_ENUM)]:
        with open(os.path.join(out, name + ".html.in"), "w", encoding="utf-8") as f:
            f.write(report(d))


if __name__ == "__main__":
    main()
