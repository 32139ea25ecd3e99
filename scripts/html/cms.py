from model import *
from emit import esc, t2_rows

class CMS:
    """Hand-edited CMS markup: <p style>, plain <table border=1>."""
    def __init__(self): self.out = []
    def w(self, s): self.out.append(s)
    def para(self, t, heading=False):
        if heading:
            self.w('<p style="text-indent:2em;"><strong>%s</strong></p>\n' % esc(t))
        else:
            self.w('<p style="text-indent:2em;">%s</p>\n' % esc(t))
    def table(self): self.w('<table border="1" cellspacing="0" cellpadding="0" width="100%" style="border-collapse:collapse;">\n<tbody>\n')
    def etable(self): self.w('</tbody>\n</table>\n')
    def row(self, cells):
        # cells: (text, rs, cs)
        self.w('<tr>')
        for t, rs, cs in cells:
            a = ''
            if rs > 1: a += ' rowspan="%d"' % rs
            if cs > 1: a += ' colspan="%d"' % cs
            self.w('<td%s>%s</td>' % (a, t))
        self.w('</tr>\n')

def cms_t2(e, t2, fmt=lambda v: esc(str(v))):
    e.table()
    for kind, cells in t2_rows(t2):
        if kind == "cap":
            e.row([(esc(cells), 1, 4)])
            continue
        n = len(cells)
        out = []
        for i, c in enumerate(cells):
            cs = 4 - (n - 1) if i == n - 1 and n < 4 else 1
            out.append((fmt(c) if kind == "data" and i > 0 else esc(c), 1, cs))
        e.row(out)
    e.etable()

def cms_t3_header(e):
    e.row([("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3), ("申请人情况", 1, 7)])
    e.row([("自然人", 2, 1), ("法人或其他组织", 1, 5), ("总计", 2, 1)])
    e.row([(l, 1, 1) for l in ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]])

def cms_t3_rows(e, t3, keys=None, fmt=lambda k, c, v: esc(str(v)), layout2019=False):
    labels = [(k, l) for k, l in T3_LABELS if keys is None or k in keys]
    if layout2019:
        labels = [(k, l) for k, l in labels if not k.startswith("R3_6_")]
        i = [k for k, _ in labels].index("R3_7")
        labels.insert(i, ("R3_6", "（六）其他处理"))
    n_res = sum(1 for k, _ in labels if k.startswith("R3_"))
    for k, l in labels:
        cells = []
        if k in ("R1", "R2", "R4"):
            cells.append((esc(l), 1, 3))
        else:
            if k == "R3_1":
                cells.append(("三、本年度办理结果", n_res, 1))
            if k in GROUPS:
                g, n = GROUPS[k]
                cells.append((esc(g), n, 1))
                cells.append((esc(l), 1, 1))
            elif k[:4] in ("R3_3", "R3_4", "R3_5") or k.startswith("R3_6_"):
                cells.append((esc(l), 1, 1))
            else:
                cells.append((esc(l), 1, 2))
        for c, v in enumerate(t3[k]):
            cells.append((fmt(k, c, v), 1, 1))
        e.row(cells)

def cms_t4(e, t4, fmt=lambda v: esc(str(v))):
    e.table()
    e.row([("行政复议", 1, 5), ("行政诉讼", 1, 10)])
    e.row([(l, 2, 1) for l in ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]] + [("未经复议直接起诉", 1, 5), ("复议后起诉", 1, 5)])
    e.row([(l, 1, 1) for l in ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2])
    e.row([(fmt(v), 1, 1) for g in t4 for v in g])
    e.etable()

SITE_HEAD = """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
%(meta)s<title>%(title)s_%(site)s</title>
<meta name="PubDate" content="%(pubmeta)s">
<link rel="stylesheet" href="/css/style.css" type="text/css" />
<script type="text/javascript">
var shareHtml = "<table class='share'><tr><td>分享到：</td><td><a href='#'>微信</a></td></tr></table>";
function printPage(){ var w = window.open(''); w.document.write("<table><tr><td>一、本年新收政府信息公开申请数量</td><td>999</td></tr></table>"); }
</script>
</head>
<body>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" class="nav">
  <tr>
    <td><a href="/">首页</a></td><td><a href="/zwgk/">政务公开</a></td><td><a href="/zfxxgk/">政府信息公开</a></td>
    <td><a href="/zfxxgk/ndbg/">政府信息公开年报</a></td><td><a href="/hdjl/">互动交流</a></td>
  </tr>
</table>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zfxxgk/">政府信息公开</a> &gt; 政府信息公开年报</div>
<div class="main">
  <h1 class="title">%(title)s</h1>
  <div class="info"><span>发布日期：%(pub)s</span><span>来源：%(source)s</span><span>浏览次数：<script>document.write(1024)</script></span></div>
  <div class="TRS_Editor">
"""
SITE_TAIL = """  </div>
  <div class="share"><a href="javascript:printPage()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
</div>
<table width="1000" border="0" align="center" class="footer">
  <tr><td>主办：%(site)s　承办：%(source)s</td></tr>
  <tr><td>网站标识码：3300000001　备案号：示例ICP备00000001号</td></tr>
</table>
<footer><p>版权所有：%(site)s</p></footer>
<script>
  document.write("<table><tr><td>（七）总计</td><td>1</td></tr></table>");
</script>
</body>
</html>
"""
