#!/usr/bin/python3
"""Writes the python-docx fixtures of fixtures/docx (python-docx's habits:
tables merged with Cell.merge, i.e. gridSpan and vMerge restart/continue
with empty continuation cells, a table style, headings as styled paragraphs,
pictures as inline drawings without alternative text).

  clean-python-docx.docx             a consistent report
  S110-python-docx-table-image.docx  the same with table 三 pasted as a picture

Run from the repository root with the Debian module (apt-get install
python3-docx): /usr/bin/python3 scripts/docx/python_docx_fixtures.py
Then regenerate the goldens: go test ./cmd/reportlint -run TestGolden -update
"""
import io, struct, zlib
from docx import Document
from docx.shared import Pt, Cm

OUT = "fixtures/docx/"
ISSUER = "青石县水利局"

T3_ROWS = [
    ("一、本年新收政府信息公开申请数量", None, [14, 2, 0, 0, 1, 0, 17]),
    ("二、上年结转政府信息公开申请数量", None, [1, 0, 0, 0, 0, 0, 1]),
    ("（一）予以公开", "三、本年度办理结果", [8, 1, 0, 0, 1, 0, 10]),
    ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "三、本年度办理结果", [2, 0, 0, 0, 0, 0, 2]),
]
G = [("（三）不予公开", ["1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
                   "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项"]),
     ("（四）无法提供", ["1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"]),
     ("（五）不予处理", ["1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
                   "5.要求行政机关确认或重新出具已获取信息"]),
     ("（六）其他处理", ["1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                   "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他"])]
NONZERO = {"1.本机关不掌握相关政府信息": [3, 1, 0, 0, 0, 0, 4], "2.重复申请": [1, 0, 0, 0, 0, 0, 1]}
TOTAL = [14, 2, 0, 0, 1, 0, 17]
R4 = [1, 0, 0, 0, 0, 0, 1]

def png(w, h):
    raw = b"".join(b"\x00" + b"\xff\xff\xff" * w for _ in range(h))
    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")

def table2(d):
    t = d.add_table(rows=0, cols=4)
    t.style = "Table Grid"
    def row(*cells):
        r = t.add_row().cells
        for i, c in enumerate(cells):
            r[i].text = str(c)
        return r
    for cap, head, rows in [("第二十条第（一）项", ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"], [("规章", 0, 0, 1), ("行政规范性文件", 2, 0, 9)]),
                            ("第二十条第（五）项", ["信息内容", "本年处理决定数量"], [("行政许可", 64)]),
                            ("第二十条第（六）项", ["信息内容", "本年处理决定数量"], [("行政处罚", 12), ("行政强制", 0)]),
                            ("第二十条第（八）项", ["信息内容", "本年收费金额（单位：万元）"], [("行政事业性收费", 0)])]:
        r = row(cap); r[0].merge(r[3])
        r = row(*head)
        if len(head) == 2:
            r[1].merge(r[3])
        for rr in rows:
            r = row(*rr)
            if len(rr) == 2:
                r[1].merge(r[3])

def table3(d):
    t = d.add_table(rows=3, cols=10)
    t.style = "Table Grid"
    h = t.rows
    h[0].cells[0].text = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    h[0].cells[0].merge(h[2].cells[2])
    h[0].cells[3].text = "申请人情况"; h[0].cells[3].merge(h[0].cells[9])
    h[1].cells[3].text = "自然人"; h[1].cells[3].merge(h[2].cells[3])
    h[1].cells[4].text = "法人或其他组织"; h[1].cells[4].merge(h[1].cells[8])
    h[1].cells[9].text = "总计"; h[1].cells[9].merge(h[2].cells[9])
    for i, x in enumerate(["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]):
        h[2].cells[4 + i].text = x
    def data(r, vals):
        for i, v in enumerate(vals):
            r.cells[3 + i].text = str(v)
    for label, group, vals in T3_ROWS[:2]:
        r = t.add_row(); r.cells[0].text = label; r.cells[0].merge(r.cells[2]); data(r, vals)
    first = None
    for label, group, vals in T3_ROWS[2:]:
        r = t.add_row(); first = first or r
        r.cells[1].text = label; r.cells[1].merge(r.cells[2]); data(r, vals)
    for g, items in G:
        gstart = None
        for it in items:
            r = t.add_row(); gstart = gstart or r
            r.cells[2].text = it
            data(r, NONZERO.get(it, [0] * 7))
        gstart.cells[1].text = g
        gstart.cells[1].merge(r.cells[1])
    r = t.add_row(); r.cells[1].text = "（七）总计"; r.cells[1].merge(r.cells[2]); data(r, TOTAL)
    first.cells[0].text = "三、本年度办理结果"; first.cells[0].merge(r.cells[0])
    r = t.add_row(); r.cells[0].text = "四、结转下年度继续办理"; r.cells[0].merge(r.cells[2]); data(r, R4)

def table4(d):
    t = d.add_table(rows=4, cols=15)
    t.style = "Table Grid"
    r = t.rows
    r[0].cells[0].text = "行政复议"; r[0].cells[0].merge(r[0].cells[4])
    r[0].cells[5].text = "行政诉讼"; r[0].cells[5].merge(r[0].cells[14])
    for i, x in enumerate(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]):
        r[1].cells[i].text = x; r[1].cells[i].merge(r[2].cells[i])
        r[2].cells[5 + i].text = x; r[2].cells[10 + i].text = x
    r[1].cells[5].text = "未经复议直接起诉"; r[1].cells[5].merge(r[1].cells[9])
    r[1].cells[10].text = "复议后起诉"; r[1].cells[10].merge(r[1].cells[14])
    for i, v in enumerate([1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]):
        r[3].cells[i].text = str(v)

def report(table3_as_picture=False):
    d = Document()
    d.core_properties.title = ISSUER + "2024年政府信息公开工作年度报告"
    d.add_heading(ISSUER + "2024年政府信息公开工作年度报告", level=0)
    p = d.add_paragraph
    p("本报告根据《中华人民共和国政府信息公开条例》和国办公开办函〔2021〕30号的要求编制。报告所列数据的统计期限自2024年1月1日起至2024年12月31日止。")
    d.add_heading("一、总体情况", level=1)
    p("（一）主动公开。全年通过县政府门户网站主动公开各类政府信息186条。")
    p("（二）依申请公开。全年共收到政府信息公开申请17件，上年结转1件，办结17件，结转下年度继续办理1件。因政府信息公开工作被申请行政复议1件，未被提起行政诉讼。")
    p("（三）政府信息管理。落实公开前保密审查。（四）平台建设。优化专栏设置。（五）监督保障。开展业务培训1次。")
    d.add_heading("二、主动公开政府信息情况", level=1)
    table2(d)
    d.add_heading("三、收到和处理政府信息公开申请情况", level=1)
    if table3_as_picture:
        d.add_picture(io.BytesIO(png(60, 40)), width=Cm(16))
    else:
        table3(d)
    d.add_heading("四、政府信息公开行政复议、行政诉讼情况", level=1)
    table4(d)
    d.add_heading("五、存在的主要问题及改进情况", level=1)
    p("政策解读形式较为单一。下一步将丰富解读形式。")
    d.add_heading("六、其他需要报告的事项", level=1)
    p("根据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），本年度本机关未收取信息处理费。")
    p(ISSUER)
    p("2025年1月20日")
    return d

report().save(OUT + "clean-python-docx.docx")
report(table3_as_picture=True).save(OUT + "S110-python-docx-table-image.docx")
print("wrote", OUT + "clean-python-docx.docx", OUT + "S110-python-docx-table-image.docx")
