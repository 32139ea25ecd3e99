#!/usr/bin/python3
"""Regenerates the text fixtures copied out of Chromium PDFs of CMS pages.

A CMS page printed with Chromium and copied with pdftotext gives two
awkward texts the reader must cope with:
  - flat table 三 (one label column, "（六）其他处理1.申请人……" in one cell):
    with -layout a wrapped label keeps the first one or two figures on its
    first line and the rest go to the next line;
  - full-width tables (width=100%) without -layout: poppler prints only the
    first figure column beside the labels and the other columns later, so
    the cells cannot be put back with certainty (S111, not S104).
Needs chromium and pdftotext (poppler-utils). Tests never run this; the
generated files are committed, with the pages they come from
(fixtures/text/src/*.html.in, which the tests read as the truth). After running it, regenerate the goldens
(go test ./cmd/reportlint -run TestGolden -update) and review them.
"""
import os, shutil, subprocess, sys, tempfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
OUT = os.path.join(ROOT, "fixtures", "text")

R3 = [
    ("R1", "一、本年新收政府信息公开申请数量", [412, 3, 0, 1, 27, 9]),
    ("R2", "二、上年结转政府信息公开申请数量", [18, 0, 0, 0, 2, 1]),
    ("R3_1", "（一）予以公开", [201, 2, 0, 1, 14, 4]),
    ("R3_2", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", [13, 0, 0, 0, 3, 1]),
    ("R3_3_1", "（三）不予公开1.属于国家秘密", [2, 0, 0, 0, 0, 0]),
    ("R3_3_2", "（三）不予公开2.其他法律行政法规禁止公开", [4, 0, 0, 0, 1, 0]),
    ("R3_3_3", "（三）不予公开3.危及“三安全一稳定”", [3, 0, 0, 0, 0, 0]),
    ("R3_3_4", "（三）不予公开4.保护第三方合法权益", [6, 0, 0, 0, 1, 0]),
    ("R3_3_5", "（三）不予公开5.属于三类内部事务信息", [5, 0, 0, 0, 0, 1]),
    ("R3_3_6", "（三）不予公开6.属于四类过程性信息", [7, 0, 0, 0, 1, 0]),
    ("R3_3_7", "（三）不予公开7.属于行政执法案卷", [4, 0, 0, 0, 0, 0]),
    ("R3_3_8", "（三）不予公开8.属于行政查询事项", [9, 0, 0, 0, 1, 0]),
    ("R3_4_1", "（四）无法提供1.本机关不掌握相关政府信息", [38, 1, 0, 0, 2, 1]),
    ("R3_4_2", "（四）无法提供2.没有现成信息需要另行制作", [11, 0, 0, 0, 0, 0]),
    ("R3_4_3", "（四）无法提供3.补正后申请内容仍不明确", [6, 0, 0, 0, 1, 0]),
    ("R3_5_1", "（五）不予处理1.信访举报投诉类申请", [15, 0, 0, 0, 0, 1]),
    ("R3_5_2", "（五）不予处理2.重复申请", [12, 0, 0, 0, 1, 0]),
    ("R3_5_3", "（五）不予处理3.要求提供公开出版物", [3, 0, 0, 0, 0, 0]),
    ("R3_5_4", "（五）不予处理4.无正当理由大量反复申请", [10, 0, 0, 0, 0, 0]),
    ("R3_5_5", "（五）不予处理5.要求行政机关确认或重新出具已获取信息", [17, 0, 0, 0, 2, 1]),
    ("R3_6_1", "（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", [14, 0, 0, 0, 1, 0]),
    ("R3_6_2", "（六）其他处理2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", [8, 0, 0, 0, 0, 0]),
    ("R3_6_3", "（六）其他处理3.其他", [6, 0, 0, 0, 1, 0]),
]
done = [sum(r[2][c] for r in R3[2:]) for c in range(6)]
total = [R3[0][2][c] + R3[1][2][c] for c in range(6)]
carry = [total[c] - done[c] for c in range(6)]
assert all(v >= 0 for v in carry), carry
R3 += [("R3_7", "（七）总计", done), ("R4", "四、结转下年度继续办理", carry)]
T4 = [[2, 1, 0, 1, 4], [1, 0, 2, 0, 3], [0, 1, 0, 0, 1]]
ISSUER = "白鹭市柳岸区住房和城乡建设局"
YEAR = 2024
PROSE = "本局坚持以公开为常态、不公开为例外，围绕中心工作，持续深化政务公开，及时回应社会关切，不断提升政府信息公开工作的规范化、标准化水平。"


def table2(full):
    w = ' width="100%" style="width:100%"' if full else ""
    rows = [
        '<tr><td colspan="4">第二十条第（一）项</td></tr>',
        "<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>",
        "<tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>",
        "<tr><td>行政规范性文件</td><td>3</td><td>1</td><td>26</td></tr>",
        '<tr><td colspan="4">第二十条第（五）项</td></tr>',
        '<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>',
        '<tr><td>行政许可</td><td colspan="3">1296</td></tr>',
        '<tr><td colspan="4">第二十条第（六）项</td></tr>',
        '<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>',
        '<tr><td>行政处罚</td><td colspan="3">87</td></tr>',
        '<tr><td>行政强制</td><td colspan="3">5</td></tr>',
        '<tr><td colspan="4">第二十条第（八）项</td></tr>',
        '<tr><td>信息内容</td><td colspan="3">本年收费金额（单位：万元）</td></tr>',
        '<tr><td>行政事业性收费</td><td colspan="3">0</td></tr>',
    ]
    return '<table border="1" cellspacing="0"%s>\n%s\n</table>\n' % (w, "\n".join(rows))


def table3(full, scale=1):
    w = ' width="100%" style="width:100%;font-size:9pt"' if full else ""
    o = ['<table border="1" cellspacing="0"%s>' % w,
         '<tr><td rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>',
         '<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>',
         "<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>"]
    for key, label, figs in R3:
        if key == "R3_1":
            o.append('<tr><td colspan="8">三、本年度办理结果</td></tr>')
        figs = [v * scale for v in figs]
        o.append("<tr><td>%s</td>%s</tr>" % (label, "".join("<td>%d</td>" % v for v in figs + [sum(figs)])))
    o.append("</table>")
    return "\n".join(o) + "\n"


def table4(full):
    w = ' width="100%" style="width:100%;font-size:9pt"' if full else ""
    lab = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    return ('<table border="1" cellspacing="0"%s>\n' % w +
            '<tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>\n' +
            "<tr>" + "".join('<td rowspan="2">%s</td>' % l for l in lab) + '<td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>\n' +
            "<tr>" + "".join("<td>%s</td>" % l for l in lab * 2) + "</tr>\n" +
            "<tr>" + "".join("<td>%d</td>" % v for g in T4 for v in g) + "</tr>\n</table>\n")


def page(full, scale=1):
    t = {k: [v * scale for v in figs] for k, _, figs in R3}
    new, prev, fin = sum(t["R1"]), sum(t["R2"]), sum(t["R3_7"])
    p = lambda s: "<p>%s</p>\n" % s
    o = ['<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>%s%d年政府信息公开工作年度报告</title></head><body>\n' % (ISSUER, YEAR),
         "<h1>%s%d年政府信息公开工作年度报告</h1>\n" % (ISSUER, YEAR),
         p("本报告由%s根据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）要求编制。报告中所列数据的统计期限自%d年1月1日起至%d年12月31日止。" % (ISSUER, YEAR, YEAR)),
         "<h2>一、总体情况</h2>\n", p("<b>（一）主动公开</b>"), p(PROSE), p("<b>（二）依申请公开</b>"),
         p("%d年，本局共收到政府信息公开申请%d件，上年结转%d件，全年办结%d件，结转下年度继续办理%d件。" % (YEAR, new, prev, fin, sum(t["R4"]))),
         p("<b>（三）政府信息管理</b>"), p(PROSE), p("<b>（四）政府信息公开平台建设</b>"), p(PROSE), p("<b>（五）监督保障</b>"), p(PROSE),
         "<h2>二、主动公开政府信息情况</h2>\n", table2(full),
         "<h2>三、收到和处理政府信息公开申请情况</h2>\n", table3(full, scale),
         "<h2>四、政府信息公开行政复议、行政诉讼情况</h2>\n", table4(full),
         "<h2>五、存在的主要问题及改进情况</h2>\n",
         p("%d年，本局政府信息公开工作仍存在公开内容不够全面、解读形式较为单一等不足。下一步，本局将加强业务培训，丰富解读形式，提升公开质量。" % YEAR),
         "<h2>六、其他需要报告的事项</h2>\n", p("本年度未收取信息处理费。"),
         p(ISSUER), p("%d年1月20日" % (YEAR + 1)), "</body></html>\n"]
    return "".join(o)


def main():
    for tool in ("chromium", "pdftotext"):
        if shutil.which(tool) is None:
            sys.exit("%s not found" % tool)
    tmp = tempfile.mkdtemp()
    try:
        src = os.path.join(OUT, "src")
        os.makedirs(src, exist_ok=True)
        # Large figures (x97) fill the narrow columns of the flat table:
        # a long label and its figures come with single spaces between.
        for full, scale, name in [(False, 1, "chromium-flat.html.in"), (True, 1, "chromium-fullwidth.html.in"),
                                  (False, 97, "chromium-flat-large.html.in")]:
            # The page each text comes from: the tests compare cell for cell.
            with open(os.path.join(src, name), "w", encoding="utf-8") as f:
                f.write(page(full, scale))
        for name, full, scale, layout in [
            ("clean-pdftotext-layout-chromium-flat.txt", False, 1, True),
            ("S111-pdftotext-cells-fullwidth.txt", True, 1, False),
            ("clean-pdftotext-layout-chromium-fullwidth.txt", True, 1, True),
            ("clean-pdftotext-layout-chromium-flat-large.txt", False, 97, True),
        ]:
            html = os.path.join(tmp, "r.html")
            pdf = os.path.join(tmp, "r.pdf")
            with open(html, "w", encoding="utf-8") as f:
                f.write(page(full, scale))
            subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                            "--print-to-pdf=" + pdf, "file://" + html], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
            args = ["pdftotext"] + (["-layout"] if layout else []) + [pdf, os.path.join(OUT, name)]
            subprocess.run(args, check=True)
            print("wrote", os.path.join("fixtures/text", name))
        # A303: the flat text with the total of a split row one too high
        # (its figures are on two lines): A303 on that row and A302 on the
        # 总计 column, not a lost row.
        flat = open(os.path.join(OUT, "clean-pdftotext-layout-chromium-flat.txt"), encoding="utf-8").read().split("\n")
        for i, l in enumerate(flat):
            if l.startswith("（二）部分公开"):
                nxt = flat[i + 1].rstrip()
                head, total = nxt.rsplit(" ", 1)
                flat[i + 1] = "%s %d" % (head, int(total) + 1)
                break
        else:
            sys.exit("row （二）部分公开 not found")
        name = "A303-pdftotext-layout-split-row.txt"
        with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
            f.write("\n".join(flat))
        print("wrote", os.path.join("fixtures/text", name))
    finally:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
