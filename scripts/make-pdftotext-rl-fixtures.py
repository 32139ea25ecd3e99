#!/usr/bin/python3
"""Regenerates the pdftotext -layout text of a ReportLab PDF whose table 三
has a narrow group column (fixtures/text/clean-pdftotext-layout-rl-narrow-group.txt).

ReportLab with the non-embedded STSong-Light font and repeatRows=3, as CMS
exports make it; the column "三、本年度办理结果" is so narrow that it wraps a
character or two a line, and its last piece (果) lands on the line of
（七）总计. The report's data are those of make-pdftotext-chromium-fixtures.py,
so the tests compare this text cell for cell with that script's page
(fixtures/text/src/chromium-flat.html.in).
Needs python3-reportlab (/usr/bin/python3) and pdftotext (poppler-utils).
Tests never run this; the generated file is committed.
"""
import importlib.util, os, subprocess, sys, tempfile

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("chromium_fixtures", os.path.join(HERE, "make-pdftotext-chromium-fixtures.py"))
M = importlib.util.module_from_spec(spec)
spec.loader.exec_module(M)
OUT = os.path.join(HERE, "..", "fixtures", "text", "clean-pdftotext-layout-rl-narrow-group.txt")

pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
st = ParagraphStyle("n", fontName="STSong-Light", fontSize=11, leading=16, wordWrap="CJK")
cs = ParagraphStyle("c", fontName="STSong-Light", fontSize=7.5, leading=9.5, wordWrap="CJK")
P = lambda s: Paragraph(str(s), st)
C = lambda s: Paragraph(str(s), cs)
GRID = [("GRID", (0, 0), (-1, -1), 0.5, "black")]


def short(label):
    """The label without its group: （三）不予公开1.属于国家秘密 -> 1.属于国家秘密."""
    for g in ("（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理"):
        if label.startswith(g):
            return label[len(g):]
    return label


def build(pdf):
    y, el = M.YEAR, []
    t = {k: figs for k, _, figs in M.R3}
    el.append(P("%s%d年政府信息公开工作年度报告" % (M.ISSUER, y)))
    el.append(P("本报告由%s根据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）要求编制。报告中所列数据的统计期限自%d年1月1日起至%d年12月31日止。" % (M.ISSUER, y, y)))
    el.append(P("一、总体情况"))
    for sub in ["（一）主动公开", "（二）依申请公开", "（三）政府信息管理", "（四）政府信息公开平台建设", "（五）监督保障"]:
        el.append(P(sub))
        if sub == "（二）依申请公开":
            el.append(P("%d年，本局共收到政府信息公开申请%d件，上年结转%d件，全年办结%d件，结转下年度继续办理%d件。" % (y, sum(t["R1"]), sum(t["R2"]), sum(t["R3_7"]), sum(t["R4"]))))
        else:
            el.append(P(M.PROSE))
    el.append(P("二、主动公开政府信息情况"))
    d2 = [["第二十条第（一）项", "", "", ""], ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
          ["规章", 0, 0, 0], ["行政规范性文件", 3, 1, 26],
          ["第二十条第（五）项", "", "", ""], ["信息内容", "本年处理决定数量", "", ""], ["行政许可", 1296, "", ""],
          ["第二十条第（六）项", "", "", ""], ["信息内容", "本年处理决定数量", "", ""], ["行政处罚", 87, "", ""], ["行政强制", 5, "", ""],
          ["第二十条第（八）项", "", "", ""], ["信息内容", "本年收费金额（单位：万元）", "", ""], ["行政事业性收费", 0, "", ""]]
    sp = [("SPAN", (0, r), (3, r)) for r in (0, 4, 7, 11)] + [("SPAN", (1, r), (3, r)) for r in (5, 6, 8, 9, 10, 12, 13)]
    tb = Table([[C(x) for x in r] for r in d2])
    tb.setStyle(TableStyle(GRID + sp))
    el.append(tb)
    el.append(P("三、收到和处理政府信息公开申请情况"))
    data = [["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "", "", "申请人情况", "", "", "", "", "", ""],
            ["", "", "", "自然人", "法人或其他组织", "", "", "", "", "总计"],
            ["", "", "", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""]]
    spans = [("SPAN", (0, 0), (2, 2)), ("SPAN", (3, 0), (9, 0)), ("SPAN", (3, 1), (3, 2)), ("SPAN", (4, 1), (8, 1)), ("SPAN", (9, 1), (9, 2))]
    groups = {"R3_3_1": ("（三）不予公开", 8), "R3_4_1": ("（四）无法提供", 3), "R3_5_1": ("（五）不予处理", 5), "R3_6_1": ("（六）其他处理", 3)}
    for i, (k, label, figs) in enumerate(M.R3):
        r = 3 + i
        row = ["", "", ""]
        if k in ("R1", "R2", "R4"):
            row[0] = label
            spans.append(("SPAN", (0, r), (2, r)))
        elif k in ("R3_1", "R3_2", "R3_7"):
            row[1] = label
            spans.append(("SPAN", (1, r), (2, r)))
        else:
            if k in groups:
                g, n = groups[k]
                row[1] = g
                spans.append(("SPAN", (1, r), (1, r + n - 1)))
            row[2] = short(label)
        if k == "R3_1":
            row[0] = "三、本年度办理结果"
        data.append(row + [str(v) for v in figs + [sum(figs)]])
    spans.append(("SPAN", (0, 5), (0, 26)))
    tb = Table([[C(x) for x in r] for r in data], repeatRows=3, colWidths=[30, 40, 120] + [32] * 7)
    tb.setStyle(TableStyle(GRID + [("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)] + spans))
    el.append(tb)
    el.append(P("四、政府信息公开行政复议、行政诉讼情况"))
    lab = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    d4 = [["行政复议"] + [""] * 4 + ["行政诉讼"] + [""] * 9, lab + ["未经复议直接起诉", "", "", "", "", "复议后起诉", "", "", "", ""],
          [""] * 5 + lab * 2, [str(v) for g in M.T4 for v in g]]
    sp4 = [("SPAN", (0, 0), (4, 0)), ("SPAN", (5, 0), (14, 0)), ("SPAN", (5, 1), (9, 1)), ("SPAN", (10, 1), (14, 1))] + [("SPAN", (j, 1), (j, 2)) for j in range(5)]
    tb = Table([[C(x) for x in r] for r in d4], repeatRows=3, colWidths=[33] * 15)
    tb.setStyle(TableStyle(GRID + sp4))
    el.append(tb)
    el.append(P("五、存在的主要问题及改进情况"))
    el.append(P("%d年，本局政府信息公开工作仍存在公开内容不够全面、解读形式较为单一等不足。下一步，本局将加强业务培训，丰富解读形式，提升公开质量。" % y))
    el.append(P("六、其他需要报告的事项"))
    el.append(P("本年度未收取信息处理费。"))
    el.append(P(M.ISSUER))
    el.append(P("%d年1月20日" % (y + 1)))
    SimpleDocTemplate(pdf, pagesize=A4).build(el)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        pdf = os.path.join(tmp, "rl.pdf")
        build(pdf)
        subprocess.run(["pdftotext", "-layout", pdf, OUT], check=True)
    print("wrote fixtures/text/" + os.path.basename(OUT))


if __name__ == "__main__":
    main()
