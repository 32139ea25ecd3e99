import html as H
from model import *

def esc(s): return H.escape(s, quote=False)

class Word:
    """Word 'Save as Web Page' markup."""
    def __init__(self): self.out = []
    def w(self, s): self.out.append(s)

    def para(self, text, heading=False, wrap_at=None, num_runs=True):
        # Word wraps long source lines; emulate a break inside CJK text.
        t = esc(text)
        if wrap_at and len(t) > wrap_at:
            # Word wraps only between CJK characters, never inside a number.
            i = wrap_at
            while i < len(t) - 1 and not ('\u4e00' <= t[i-1] <= '\u9fff' and '\u4e00' <= t[i] <= '\u9fff'):
                i += 1
            t = t[:i] + "\n" + t[i:]
        if heading:
            self.w("<p class=MsoNormal style='text-indent:32.0pt;line-height:28.0pt;mso-line-height-rule:\nexactly'><b><span style='font-size:16.0pt;font-family:黑体;mso-hansi-font-family:\n\"Times New Roman\"'>%s<span lang=EN-US><o:p></o:p></span></span></b></p>\n\n" % t)
        else:
            self.w("<p class=MsoNormal style='text-indent:32.0pt;line-height:28.0pt;mso-line-height-rule:\nexactly'><span style='font-size:16.0pt;font-family:仿宋_GB2312'>%s<span\nlang=EN-US><o:p></o:p></span></span></p>\n\n" % t)

    def td(self, content, rs=1, cs=1, width=64, raw=False):
        a = ""
        if cs > 1: a += " colspan=%d" % cs
        if rs > 1: a += " rowspan=%d" % rs
        c = content if raw else esc(content)
        self.w("  <td width=%d%s valign=top style='width:%.1fpt;border:solid windowtext 1.0pt;\n  border-top:none;mso-border-top-alt:solid windowtext .5pt;mso-border-alt:solid windowtext .5pt;\n  padding:0cm 5.4pt 0cm 5.4pt'>\n  <p class=MsoNormal align=center style='text-align:center'><span\n  style='font-size:10.5pt;font-family:宋体'>%s<span lang=EN-US><o:p></o:p></span></span></p>\n  </td>\n" % (width, a, width*0.75, c))

    def num(self, v, raw=None):
        if raw is not None:
            self.td(raw, raw=True)
        else:
            self.td("<span lang=EN-US>%s</span>" % esc(str(v)), raw=True)

    def tr(self): self.w(" <tr style='mso-yfti-irow:0;height:20.0pt'>\n")
    def etr(self): self.w(" </tr>\n")
    def table(self):
        self.w("<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0\n style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;\n mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>\n")
    def etable(self, ncols):
        self.w(" <![if !supportMisalignedColumns]>\n <tr height=0>\n" + "".join("  <td width=64 style='border:none'></td>\n" for _ in range(ncols)) + " </tr>\n <![endif]>\n</table>\n\n")
        self.w("<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>\n\n")

def t2_rows(t2, old=False):
    """Yields (kind, cells) for table 二."""
    if old:
        yield ("cap", "第二十条第（一）项")
        yield ("hdr", ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"])
        yield ("data", ["规章"] + t2["regulations"])
        yield ("data", ["规范性文件"] + t2["normative"])
        yield ("cap", "第二十条第（五）项")
        yield ("hdr", ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"])
        yield ("data", ["行政许可"] + t2["licensing_old"])
        yield ("data", ["其他对外管理服务事项"] + t2["other_old"])
        yield ("cap", "第二十条第（六）项")
        yield ("hdr", ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"])
        yield ("data", ["行政处罚"] + t2["punishment_old"])
        yield ("data", ["行政强制"] + t2["coercion_old"])
        yield ("cap", "第二十条第（八）项")
        yield ("hdr", ["信息内容", "上一年项目数量", "本年增/减"])
        yield ("data", ["行政事业性收费"] + t2["fees_old"])
        yield ("cap", "第二十条第（九）项")
        yield ("hdr", ["信息内容", "采购项目数量", "采购总金额"])
        yield ("data", ["政府集中采购"] + t2["purchase_old"])
        return
    yield ("cap", "第二十条第（一）项")
    yield ("hdr", ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"])
    yield ("data", ["规章"] + t2["regulations"])
    yield ("data", ["行政规范性文件"] + t2["normative"])
    yield ("cap", "第二十条第（五）项")
    yield ("hdr", ["信息内容", "本年处理决定数量"])
    yield ("data", ["行政许可", t2["licensing"]])
    yield ("cap", "第二十条第（六）项")
    yield ("hdr", ["信息内容", "本年处理决定数量"])
    yield ("data", ["行政处罚", t2["punishment"]])
    yield ("data", ["行政强制", t2["coercion"]])
    yield ("cap", "第二十条第（八）项")
    yield ("hdr", ["信息内容", "本年收费金额（单位：万元）"])
    yield ("data", ["行政事业性收费", t2["fees"]])

def word_t2(e, t2, old=False, fmt=str):
    e.table()
    for kind, cells in t2_rows(t2, old):
        e.tr()
        if kind == "cap":
            e.td(cells, cs=4, width=568)
        else:
            n = len(cells)
            for i, c in enumerate(cells):
                cs = 4 - (n - 1) if i == n - 1 and n < 4 else 1
                if kind == "data" and i > 0:
                    if cs > 1:
                        e.td("<span lang=EN-US>%s</span>" % fmt(c), cs=cs, raw=True)
                    else:
                        e.num(None, raw="<span lang=EN-US>%s</span>" % fmt(c))
                else:
                    e.td(c, cs=cs, width=142)
        e.etr()
    e.etable(4)

def word_t3_header(e):
    e.tr()
    e.td("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", rs=3, cs=3, width=236)
    e.td("申请人情况", cs=7, width=400)
    e.etr()
    e.tr()
    e.td("自然人", rs=2)
    e.td("法人或其他组织", cs=5, width=290)
    e.td("总计", rs=2)
    e.etr()
    e.tr()
    for l in ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]:
        e.td(l)
    e.etr()

def word_t3_rows(e, t3, keys=None, cells=None, layout2019=False):
    """Data rows of table 三 with Word's group rowspans. cells(key, col) may
    return raw markup for a cell."""
    labels = [(k, l) for k, l in T3_LABELS if (keys is None or k in keys)]
    if layout2019:
        labels = [(k, l) for k, l in labels if not k.startswith("R3_6_")]
        i = [k for k, _ in labels].index("R3_7")
        labels.insert(i, ("R3_6", "（六）其他处理"))
    n_res = sum(1 for k, _ in labels if k.startswith("R3_"))
    for k, l in labels:
        e.tr()
        if k in ("R1", "R2", "R4"):
            e.td(l, cs=3, width=236)
        else:
            if k == "R3_1":
                e.td("三、本年度办理结果", rs=n_res, width=48)
            if k in GROUPS:
                g, n = GROUPS[k]
                e.td(g, rs=n, width=60)
                e.td(l, width=128)
            elif k[:4] in ("R3_3", "R3_4", "R3_5") or (k.startswith("R3_6_")):
                e.td(l, width=128)
            else:
                e.td(l, cs=2, width=188)
        for c, v in enumerate(t3[k]):
            raw = cells(k, c) if cells else None
            e.num(v, raw)
        e.etr()

def word_t4(e, t4):
    e.table()
    e.tr()
    e.td("行政复议", cs=5, width=200); e.td("行政诉讼", cs=10, width=400)
    e.etr()
    e.tr()
    for l in ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]:
        e.td(l, rs=2, width=40)
    e.td("未经复议直接起诉", cs=5, width=200); e.td("复议后起诉", cs=5, width=200)
    e.etr()
    e.tr()
    for _ in range(2):
        for l in ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]:
            e.td(l, width=40)
    e.etr()
    e.tr()
    for g in t4:
        for v in g:
            e.num(v)
    e.etr()
    e.etable(15)

WORD_HEAD = """<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns:m="http://schemas.microsoft.com/office/2004/12/omml"
xmlns="http://www.w3.org/TR/REC-html40">

<head>
<meta http-equiv=Content-Type content="text/html; charset=%(charset)s">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<meta name=Originator content="Microsoft Word 15">
<title>%(title)s</title>
<!--[if gte mso 9]><xml>
 <o:DocumentProperties>
  <o:Author>办公室</o:Author>
  <o:Pages>6</o:Pages>
 </o:DocumentProperties>
</xml><![endif]-->
<style>
<!--
 /* Font Definitions */
 @font-face
	{font-family:宋体;
	panose-1:2 1 6 0 3 1 1 1 1 1;}
p.MsoNormal, li.MsoNormal, div.MsoNormal
	{margin:0cm;
	text-align:justify;
	font-size:10.5pt;
	font-family:"Times New Roman",serif;}
@page WordSection1
	{size:595.3pt 841.9pt;
	margin:72.0pt 90.0pt 72.0pt 90.0pt;}
div.WordSection1
	{page:WordSection1;}
-->
</style>
</head>

<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>

<div class=WordSection1 style='layout-grid:15.6pt'>

"""
WORD_TAIL = """</div>

</body>

</html>
"""
