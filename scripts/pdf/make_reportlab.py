#!/usr/bin/python3
"""Writes the ReportLab PDF fixtures (fixtures/pdf/*-rl-*.pdf).

The reports are the ones of scripts/pdf/make_src.py (same data, same
wording), laid out by ReportLab's platypus the way CMS exports do it:
table 三 with repeatRows=3 (the three header rows again at the top of each
page), fonts either the non-embedded Adobe-GB1 CID font STSong-Light
(UniGB-UCS2-H, no ToUnicode) or an embedded TrueType subset.

Usage: /usr/bin/python3 scripts/pdf/make_reportlab.py OUTDIR
Needs: python3-reportlab, fonts-droid-fallback (for the TrueType variant).
"""
import os
import shutil
import subprocess
import sys
import tempfile

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Image, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_src as M  # noqa: E402

pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
TTF = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"
if os.path.exists(TTF):
    pdfmetrics.registerFont(TTFont("DroidSans", TTF))


def styles(font, size):
    body = ParagraphStyle("body", fontName=font, fontSize=size, leading=size * 1.6,
                          firstLineIndent=2 * size, wordWrap="CJK")
    title = ParagraphStyle("title", parent=body, fontSize=size + 4, leading=(size + 4) * 1.6,
                           alignment=1, firstLineIndent=0)
    cell = ParagraphStyle("cell", fontName=font, fontSize=size - 1.5, leading=(size - 1.5) * 1.3,
                          alignment=1, wordWrap="CJK")
    return body, title, cell


def numbers(d):
    res = d["results"]
    tot = [sum(res[i][c] for i in range(len(res))) for c in range(M.COLS)]
    r4 = [d["r1"][c] + d["r2"][c] - tot[c] for c in range(M.COLS)]
    return tot, r4


def table2(d, cell):
    t = d["t2"]
    P = lambda s: Paragraph(str(s), cell)  # noqa: E731
    rows = [
        [P("第二十条第（一）项"), "", "", ""],
        [P("信息内容"), P("本年制发件数"), P("本年废止件数"), P("现行有效件数")],
        [P("规章"), P(t[0]), P(t[1]), P(t[2])],
        [P("行政规范性文件"), P(t[3]), P(t[4]), P(t[5])],
        [P("第二十条第（五）项"), "", "", ""],
        [P("信息内容"), P("本年处理决定数量"), "", ""],
        [P("行政许可"), P(t[6]), "", ""],
        [P("第二十条第（六）项"), "", "", ""],
        [P("信息内容"), P("本年处理决定数量"), "", ""],
        [P("行政处罚"), P(t[7]), "", ""],
        [P("行政强制"), P(t[8]), "", ""],
        [P("第二十条第（八）项"), "", "", ""],
        [P("信息内容"), P("本年收费金额（单位：万元）"), "", ""],
        [P("行政事业性收费"), P(t[9]), "", ""],
    ]
    st = [("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
    for r in (0, 4, 7, 11):
        st.append(("SPAN", (0, r), (3, r)))
    for r in (5, 6, 8, 9, 10, 12, 13):
        st.append(("SPAN", (1, r), (3, r)))
    return rows, st


def table3(d, cell, spans):
    """Rows and style of table 三. spans=False writes the group labels once in
    the first row of their group, without SPAN (ReportLab cannot break a
    page inside a span), and draws the group cells' borders by hand."""
    P = lambda s: Paragraph(str(s), cell)  # noqa: E731
    tot, r4 = numbers(d)
    res = d["results"]
    W = 10
    rows = [
        [P("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"), "", "", P("申请人情况")] + [""] * 6,
        ["", "", "", P("自然人"), P("法人或其他组织"), "", "", "", "", P("总计")],
        ["", "", "", "", P("商业企业"), P("科研机构"), P("社会公益组织"), P("法律服务机构"), P("其他"), ""],
        [P("一、本年新收政府信息公开申请数量"), "", ""] + [P(v) for v in M.rowsum(d["r1"])],
        [P("二、上年结转政府信息公开申请数量"), "", ""] + [P(v) for v in M.rowsum(d["r2"])],
    ]
    st = [("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
          ("SPAN", (0, 0), (2, 2)), ("SPAN", (3, 0), (9, 0)), ("SPAN", (3, 1), (3, 2)),
          ("SPAN", (4, 1), (8, 1)), ("SPAN", (9, 1), (9, 2)),
          ("SPAN", (0, 3), (2, 3)), ("SPAN", (0, 4), (2, 4))]
    first = len(rows)
    seen = {}
    for i, (g, lbl) in enumerate(M.RESULTS):
        r = first + i
        head = P("三、本年度办理结果") if i == 0 else ""
        if lbl is None:
            rows.append([head, P(g), ""] + [P(v) for v in M.rowsum(res[i])])
            st.append(("SPAN", (1, r), (2, r)))
            seen[g] = (r, r)
            continue
        gc = ""
        if g not in seen:
            seen[g] = (r, r)
            gc = P(g)
        else:
            seen[g] = (seen[g][0], r)
        rows.append([head, gc, P(lbl)] + [P(v) for v in M.rowsum(res[i])])
    r7 = len(rows)
    rows.append(["", P("（七）总计"), ""] + [P(v) for v in M.rowsum(tot)])
    st.append(("SPAN", (1, r7), (2, r7)))
    rows.append([P("四、结转下年度继续办理"), "", ""] + [P(v) for v in M.rowsum(r4)])
    st.append(("SPAN", (0, r7 + 1), (2, r7 + 1)))
    last = r7 + 1
    if spans:
        st.append(("GRID", (0, 0), (-1, -1), 0.5, "black"))
        st.append(("SPAN", (0, first), (0, r7)))
        for g, (a, b) in seen.items():
            if b > a:
                st.append(("SPAN", (1, a), (1, b)))
    else:
        # every cell boxed except inside the group cells of columns 0 and 1
        st += [("GRID", (0, 0), (-1, first - 1), 0.5, "black"),
               ("GRID", (2, first), (-1, r7), 0.5, "black"),
               ("GRID", (0, last), (-1, last), 0.5, "black"),
               ("BOX", (0, first), (0, r7), 0.5, "black"),
               ("LINEAFTER", (1, first), (1, r7), 0.5, "black"),
               ("LINEABOVE", (1, r7), (2, r7), 0.5, "black"),
               ("VALIGN", (0, first), (1, r7), "TOP")]
        for g, (a, b) in seen.items():
            st.append(("LINEABOVE", (1, a), (1, a), 0.5, "black"))
    assert all(len(r) == W for r in rows)
    return rows, st


def table4(d, cell):
    P = lambda s: Paragraph(str(s), cell)  # noqa: E731
    vals = []
    for grp in d["t4"]:
        total = grp[4] if len(grp) > 4 else sum(grp[:4])
        vals += list(grp[:4]) + [total]
    h = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    rows = [
        [P("行政复议")] + [""] * 4 + [P("行政诉讼")] + [""] * 9,
        [P(x) for x in h] + [P("未经复议直接起诉")] + [""] * 4 + [P("复议后起诉")] + [""] * 4,
        [""] * 5 + [P(x) for x in h] * 2,
        [P(v) for v in vals],
    ]
    st = [("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
          ("SPAN", (0, 0), (4, 0)), ("SPAN", (5, 0), (14, 0)), ("SPAN", (5, 1), (9, 1)), ("SPAN", (10, 1), (14, 1))]
    for c in range(5):
        st.append(("SPAN", (c, 1), (c, 2)))
    return rows, st


class TallerHeaderTable(Table):
    """A Table whose repeated header rows are drawn taller on the following
    pages (as when a producer lays the header out again with other
    paddings): the header is the same text at another row height."""

    taller = 1.4

    def _splitRows(self, availHeight, *a, **k):
        parts = super()._splitRows(availHeight, *a, **k)
        if len(parts) == 2 and self.repeatRows:
            rest = parts[1]
            rest.__class__ = TallerHeaderTable
            rh = list(rest._argH)
            for i in range(self.repeatRows):
                if rh[i] is not None:
                    rh[i] *= self.taller
            rest._argH = rh
        return parts


def build(path, d, font="STSong-Light", size=12, pagesize=A4, spans=True, grid=True,
          break_after_r2=False, row_height=None, filler=1, image3=None, repeat=3, taller_header=False):
    body, title, cell = styles(font, size)
    heading = ParagraphStyle("h", parent=body)
    doc = SimpleDocTemplate(path, pagesize=pagesize, leftMargin=2 * cm, rightMargin=2 * cm,
                            topMargin=2 * cm, bottomMargin=2 * cm,
                            title=f"{d['issuer']}{d['year']}年政府信息公开工作年度报告",
                            creator="ReportLab fixture", invariant=1)
    tot, r4 = numbers(d)
    y = d["year"]
    story = [Paragraph(f"{d['issuer']}{y}年政府信息公开工作年度报告", title),
             Paragraph(f"本报告依据《中华人民共和国政府信息公开条例》编制，按照国办公开办函〔2021〕30号规定的格式填报。所列数据的统计期限为{y}年1月1日至{y}年12月31日。", body),
             Paragraph("一、总体情况", heading),
             Paragraph(f"（一）主动公开。{y}年，{d['short']}通过政府门户网站、政务新媒体和公开栏主动公开各类政府信息，做到权责清单、财政预决算和重大项目信息及时公开。", body)]
    for i in range(filler):
        story.append(Paragraph(M.FILLER[i % len(M.FILLER)], body))
    story += [Paragraph(f"（二）依申请公开。全年新收政府信息公开申请{sum(d['r1'])}件，上年结转{sum(d['r2'])}件，结转下年度继续办理{sum(r4)}件，均在法定期限内答复。", body),
              Paragraph("（三）政府信息管理。按照公文类政府信息公开审查要求，对现行有效的规范性文件逐件核对，及时更新文件有效性标注。", body),
              Paragraph("（四）平台建设。优化政府信息公开专栏的栏目设置，完善站内检索功能，方便公众查阅。", body),
              Paragraph("（五）监督保障。将政务公开纳入年度绩效考核，明确专人负责，定期通报各单位公开情况。", body),
              Paragraph("二、主动公开政府信息情况", heading)]
    width = pagesize[0] - 4 * cm

    def styled(rows, st, widths, cls=Table, **kw):
        if not grid:
            st = [s for s in st if s[0] not in ("GRID", "BOX", "LINEAFTER", "LINEABOVE", "LINEBELOW", "LINEBEFORE")]
        t = cls(rows, colWidths=widths, **kw)
        t.setStyle(TableStyle(st))
        return t

    rows, st = table2(d, cell)
    story.append(styled(rows, st, [width * 0.31] + [width * 0.23] * 3))
    story.append(Paragraph("三、收到和处理政府信息公开申请情况", heading))
    rows, st = table3(d, cell, spans)
    nw = (width * 0.55) / 7
    widths = [width * 0.07, width * 0.13, width * 0.25] + [nw] * 7
    kw = {"repeatRows": repeat}
    if row_height:
        kw["rowHeights"] = [None] * 3 + [row_height] * (len(rows) - 3)
    t3 = styled(rows, st, widths, cls=TallerHeaderTable if taller_header else Table, **kw)
    if break_after_r2:
        # start table 三 on a new page and leave just enough room above it
        # for the header and rows 一 and 二: ReportLab then breaks right
        # after 二、上年结转 and repeats the three header rows.
        story.insert(-1, PageBreak())
        t3.wrap(width, 10000)
        heights = t3._rowHeights
        frame = pagesize[1] - 4 * cm - 12  # SimpleDocTemplate's frame padding
        hh = body.leading + sum(heights[:5])
        story.append(Spacer(width, frame - hh - 2))
    if image3:
        # table 三 pasted as a picture (a PNG of a rendered page)
        story.append(Image(image3, width=width, height=width * 1.3))
    else:
        story.append(t3)
    story += [Paragraph("四、政府信息公开行政复议、行政诉讼情况", heading)]
    rows, st = table4(d, cell)
    story.append(styled(rows, st, [width / 15] * 15))
    story += [Paragraph("五、存在的主要问题及改进情况", heading),
              Paragraph("本年度政务公开工作仍有不足：部分栏目更新不够及时，政策解读形式还比较单一。下一步将加强统筹调度，完善栏目维护责任，丰富解读形式，提升公开质量。", body),
              Paragraph("六、其他需要报告的事项", heading),
              Paragraph(f"本年度未收取政府信息公开信息处理费。{d['short']}认真落实政务公开工作要点，按期完成各项任务。", body)]
    doc.build(story)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "fixtures/pdf"
    # (name, data, build options); the data are make_src.py's, so each
    # report's HTML twin is in fixtures/pdf/src (report-clean, -long, ...)
    # and the tests compare the tables cell for cell.
    jobs = [
        ("clean-rl-stsong-repeat", M.CLEAN, dict(break_after_r2=True, size=10)),
        # the repeated header taller than the first; breaks inside the
        # groups （四） and （五） of 三、本年度办理结果
        ("clean-rl-taller-header", M.LONG, dict(spans=False, size=13, taller_header=True)),
        # no rules at all (position table), header repeated on page 3
        ("clean-rl-borderless-repeat", M.LONG, dict(grid=False, spans=False, size=13)),
        ("clean-rl-landscape-3pages", M.LONG, dict(pagesize=landscape(A4), spans=False, row_height=44, size=13)),
    ]
    if os.path.exists(TTF):
        jobs.append(("clean-rl-ttf-repeat", M.PLAIN, dict(font="DroidSans", spans=False, size=11)))
    for name, d, kw in jobs:
        build(os.path.join(out, name + ".pdf"), d, **kw)
    # table 三 as a picture, for the reader's Image blocks: a PNG of page 2
    # of the LibreOffice fixture (pdftoppm), into the reader's testdata
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
    src_pdf = os.path.join(root, "fixtures", "pdf", "clean-lo-writer.pdf")
    if shutil.which("pdftoppm") and os.path.exists(src_pdf):
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run(["pdftoppm", "-r", "40", "-f", "2", "-l", "2", "-png", "-singlefile", src_pdf,
                            os.path.join(tmp, "t3")], check=True)
            build(os.path.join(root, "parser", "pdf", "testdata", "table-image-rl.pdf"), M.CLEAN,
                  image3=os.path.join(tmp, "t3.png"))


if __name__ == "__main__":
    main()
