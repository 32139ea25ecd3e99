import copy, os, sys
from model import *
from emit import *

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "fixtures", "html")

T2_BIG = {"regulations": [0, 0, 0], "normative": [3, 1, 12], "licensing": 1520,
          "punishment": 86, "coercion": 4, "fees": 0}

def narrative(issuer, year, t3, t4, fee_text=None):
    short = t3.get("_short")
    r1, r2, r37, r4 = t3["R1"][6], t3["R2"][6], t3["R3_7"][6], t3["R4"][6]
    rev, lit = t4[0][4], t4[1][4] + t4[2][4]
    ps = []
    ps.append(("h", "一、总体情况"))
    ps.append(("p", "（一）主动公开。全年通过本机关门户网站和政务新媒体主动公开各类政府信息2086条，其中政策文件35条、政策解读21篇、工作动态1630条，及时回应社会关切。"))
    if short:
        ps.append(("p", "（二）依申请公开。全年共收到政府信息公开申请%d件，均在法定期限内办理。因政府信息公开工作被申请行政复议%d件，被提起行政诉讼%d件。" % (r1, rev, lit)))
    else:
        ps.append(("p", "（二）依申请公开。全年共收到政府信息公开申请%d件，上年结转%d件，办结%d件，结转下年度继续办理%d件。因政府信息公开工作被申请行政复议%d件，被提起行政诉讼%d件。" % (r1, r2, r37, r4, rev, lit)))
    ps.append(("p", "（三）政府信息管理。严格落实公开前保密审查，开展规范性文件清理，对现行有效文件实行目录化管理并动态更新。"))
    ps.append(("p", "（四）平台建设。完善政府信息公开专栏，统一栏目设置，优化站内搜索和依申请公开在线办理功能。"))
    ps.append(("p", "（五）监督保障。将政务公开纳入年度绩效考核，组织全系统业务培训3次，开展网站和政务新媒体季度检查。"))
    return ps

def tail(fee="本年度本机关未发出收费通知，未收取信息处理费。"):
    return [("h", "五、存在的主要问题及改进情况"),
            ("p", "本年度政府信息公开工作仍有不足：一是政策解读的形式还比较单一，图解和视频解读偏少；二是个别栏目更新不够及时。下一步，将丰富解读形式，建立栏目更新台账，每月检查一次。"),
            ("h", "六、其他需要报告的事项"),
            ("p", fee)]

def word_report(title, issuer, year, t2, t3, t4, cells=None, t2fmt=str, split3=False,
                charset="utf-8", old=False, t3keys=None, sign_date="2025年1月20日", t3_wrap=None):
    e = Word()
    e.w(WORD_HEAD % {"charset": charset, "title": esc(title)})
    e.w("<p class=MsoNormal align=center style='text-align:center;line-height:28.0pt'><b><span\nstyle='font-size:22.0pt;font-family:方正小标宋简体'>%s<span lang=EN-US><o:p></o:p></span></span></b></p>\n\n" % esc(title))
    e.para("本报告根据《中华人民共和国政府信息公开条例》和%s的要求编制。报告所列数据的统计期限自%d年1月1日起至%d年12月31日止。" % ("国办公开办函〔2019〕60号" if old else "国办公开办函〔2021〕30号", year, year), wrap_at=30)
    for kind, t in narrative(issuer, year, t3, t4):
        e.para(t, heading=(kind == "h"), wrap_at=40)
    e.para("二、主动公开政府信息情况", heading=True)
    word_t2(e, t2, old=old, fmt=t2fmt)
    e.para("三、收到和处理政府信息公开申请情况", heading=True)
    e.table()
    word_t3_header(e)
    if split3:
        keys = [k for k, _ in T3_LABELS]
        i = keys.index("R3_5_1")
        word_t3_rows(e, t3, keys=keys[:i], cells=cells)
        e.etable(10)
        e.table()
        word_t3_rows(e, t3, keys=keys[i:], cells=cells)
    else:
        word_t3_rows(e, t3, cells=cells, layout2019=old)
    e.etable(10)
    e.para("四、政府信息公开行政复议、行政诉讼情况", heading=True)
    word_t4(e, t4)
    for kind, t in tail():
        e.para(t, heading=(kind == "h"), wrap_at=50)
    e.w("<p class=MsoNormal align=right style='text-align:right'><span style='font-size:16.0pt'>%s<o:p></o:p></span></p>\n\n" % esc(issuer))
    e.w("<p class=MsoNormal align=right style='text-align:right'><span lang=EN-US style='font-size:16.0pt'>%s<o:p></o:p></span></p>\n\n" % esc(sign_date))
    e.w(WORD_TAIL)
    return "".join(e.out)

def write(name, s, enc="utf-8", crlf=True):
    if crlf:
        s = s.replace("\r\n", "\n").replace("\n", "\r\n")
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(s.encode(enc))

ISS = "青山县自然资源局"
TITLE = ISS + "2024年政府信息公开工作年度报告"

def split_digits(k, c):
    if k == "R1" and c == 0:
        return '<span lang=EN-US>1</span><span lang=EN-US style=\'mso-bidi-font-size:10.5pt\'>234</span>'
    if k == "R1" and c == 1:
        return '<span lang=EN-US>&nbsp;56&nbsp;</span>'
    if k == "R1" and c == 6:
        return '<span lang=EN-US>1,312</span>'
    return None

if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    # 1. Word export, UTF-8, CRLF as Word writes it, every span form.
    write("clean-word-export.html", word_report(TITLE, ISS, 2024, T2_BIG, BIG, T4_BIG, cells=split_digits))

from cms import *

def cms_body(e, issuer, year, t2, t3, t4, t3_split_header=False, fmt3=None, fmt2=None, fmt4=None, old=False, fee=None):
    e.para("本报告根据《中华人民共和国政府信息公开条例》和国办公开办函〔2021〕30号的要求编制。报告所列数据的统计期限自%d年1月1日起至%d年12月31日止。" % (year, year))
    for kind, t in narrative(issuer, year, t3, t4):
        e.para(t, heading=(kind == "h"))
    e.para("二、主动公开政府信息情况", heading=True)
    cms_t2(e, t2, **({"fmt": fmt2} if fmt2 else {}))
    e.para("三、收到和处理政府信息公开申请情况", heading=True)
    kw = {"fmt": fmt3} if fmt3 else {}
    e.table()
    cms_t3_header(e)
    if t3_split_header:
        e.etable()
        e.table()
    cms_t3_rows(e, t3, layout2019=old, **kw)
    e.etable()
    e.para("四、政府信息公开行政复议、行政诉讼情况", heading=True)
    cms_t4(e, t4, **({"fmt": fmt4} if fmt4 else {}))
    for kind, t in tail(*( [fee] if fee else [])):
        e.para(t, heading=(kind == "h"))
    e.w('<p style="text-align:right;">%s</p>\n<p style="text-align:right;">2025年1月20日</p>\n' % esc(issuer))

def site_page(title, issuer, year, t2, t3, t4, pub="2025-01-20", pubmeta="2025-01-20 09:30:00", **kw):
    e = CMS()
    site = "青山县人民政府"
    e.w(SITE_HEAD % {"meta": '<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />\n', "title": esc(title), "site": site, "pub": pub, "pubmeta": pubmeta, "source": esc(issuer)})
    cms_body(e, issuer, year, t2, t3, t4, **kw)
    e.w(SITE_TAIL % {"site": site, "source": esc(issuer)})
    return "".join(e.out)

T2_SMALL = {"regulations": [0, 0, 0], "normative": [2, 0, 9], "licensing": 156,
            "punishment": 23, "coercion": 2, "fees": 1.25}
EDU = "青山县教育局"

def fw(s):
    return "".join(chr(ord(c) + 0xFEE0) if "0" <= c <= "9" else c for c in s)

def build_all():
    os.makedirs(OUT, exist_ok=True)
    write("clean-word-export.html", word_report(TITLE, ISS, 2024, T2_BIG, BIG, T4_BIG, cells=split_digits))
    write("clean-site-chrome.html", site_page(EDU + "2024年政府信息公开工作年度报告", EDU, 2024, T2_SMALL, SMALL, T4_SMALL, t3_split_header=True), crlf=False)
    # GBK page without any charset declaration; numbers in several forms.
    def gbk_fmt(k, c, v):
        s = str(v)
        if k in ("R1", "R3_7") and c == 6:
            return "{:,}".format(v)
        if k == "R2":
            return fw(s)
        if k == "R3_1" and c == 0:
            return "&nbsp;%s&nbsp;" % s
        if k == "R3_4_1" and c == 0:
            return "2<font>5</font>0"
        return s
    iss = "青山县人民政府办公室"
    e = CMS()
    e.w("<html>\n<head>\n<title>%s</title>\n</head>\n<body>\n<div id=\"zoom\">\n" % esc(iss + "2024年政府信息公开工作年度报告"))
    e.w('<p align="center"><strong>%s</strong></p>\n' % esc(iss + "2024年政府信息公开工作年度报告"))
    cms_body(e, iss, 2024, T2_BIG, BIG, T4_BIG, fmt3=gbk_fmt)
    e.w("</div>\n</body>\n</html>\n")
    write("clean-gbk-no-meta.html", "".join(e.out), enc="gbk", crlf=False)
    # Table 三 split into two <table> elements (Word export).
    write("clean-table3-split.html", word_report(TITLE, ISS, 2024, T2_BIG, BIG, T4_BIG, split3=True))

if __name__ == "__main__":
    build_all()

def old_t3(t3):
    d = {k: v for k, v in t3.items() if not k.startswith("R3_6_")}
    d["R3_6"] = [sum(t3[k][c] for k in ("R3_6_1", "R3_6_2", "R3_6_3")) for c in range(7)]
    return d

T2_OLD = {"regulations": [0, 0, 0], "normative": [3, 3, 15], "licensing_old": [42, 0, 1518],
          "other_old": [12, 1, 230], "punishment_old": [8, 0, 86], "coercion_old": [3, 0, 4],
          "fees_old": [2, 0], "purchase_old": [5, "36.8"]}

def build_defects():
    # A301: 结转下年度 of 自然人 (and so the 总计 column) is one short.
    t3 = copy.deepcopy(BIG); t3["R4"][0] -= 1; t3["R4"][6] -= 1; t3["_short"] = True
    write("A301-table3-balance.html", word_report(TITLE, ISS, 2024, T2_BIG, t3, T4_BIG))
    # A304: 行政复议 总计 is not the sum of its parts.
    t4 = copy.deepcopy(T4_SMALL); t4[0][4] += 1
    write("A304-table4-total.html", site_page(EDU + "2024年政府信息公开工作年度报告", EDU, 2024, T2_SMALL, SMALL, t4), crlf=False)
    # C201: placeholders and a blank in table 二 stay null, never 0.
    t2 = dict(T2_BIG); t2["licensing"] = "&nbsp;"; t2["coercion"] = "/"; t2["fees"] = "—"
    write("C201-placeholders.html", word_report(TITLE, ISS, 2024, t2, BIG, T4_BIG, t2fmt=lambda v: v if isinstance(v, str) else str(v)))
    # The 2019 layout: fine for a 2020 report, outdated for 2023.
    o3 = old_t3(SMALL)
    write("clean-2019-layout-2020.html", word_report(ISS + "2020年政府信息公开工作年度报告", ISS, 2020, T2_OLD, o3, T4_SMALL, old=True, sign_date="2021年1月20日"))
    write("S105-outdated-format.html", word_report(ISS + "2023年政府信息公开工作年度报告", ISS, 2023, T2_OLD, o3, T4_SMALL, old=True, sign_date="2024年1月19日"))
    # M602: a department's report published after 31 January.
    write("M602-late-publication.html", site_page(EDU + "2024年政府信息公开工作年度报告", EDU, 2024, T2_SMALL, SMALL, T4_SMALL, pub="2025年3月5日", pubmeta="2025-03-05 16:00:00"), crlf=False)

build_defects()

def build_layout():
    # An old table-layout site: the report is spread over the cells of a
    # layout table, and each cell holds paragraphs and a nested data table.
    iss = "青山县卫生健康局"
    title = iss + "2024年政府信息公开工作年度报告"
    parts = []
    def sec(build):
        e = CMS(); build(e); return "".join(e.out)
    e = CMS()
    e.w('<html>\n<head>\n<meta charset="utf-8">\n<title>%s</title>\n</head>\n<body>\n' % esc(title))
    e.w('<table width="980" border="0" cellspacing="0" cellpadding="0" align="center">\n<tr><td class="top"><a href="/">首页</a> | <a href="/zwgk/">政务公开</a> | <a href="/bsfw/">办事服务</a></td></tr>\n')
    e.w('<tr><td align="center"><font size="5"><b>%s</b></font></td></tr>\n' % esc(title))
    e.w('<tr><td align="center">发布时间：2025-01-22　　字号：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a></td></tr>\n')
    e.w('<tr><td>\n')
    e.para("本报告根据《中华人民共和国政府信息公开条例》和国办公开办函〔2021〕30号的要求编制。报告所列数据的统计期限自2024年1月1日起至2024年12月31日止。")
    for kind, t in narrative(iss, 2024, SMALL, T4_SMALL):
        e.para(t, heading=(kind == "h"))
    e.w('</td></tr>\n<tr><td>\n')
    e.para("二、主动公开政府信息情况", heading=True)
    cms_t2(e, T2_SMALL)
    e.w('</td></tr>\n<tr><td>\n')
    e.para("三、收到和处理政府信息公开申请情况", heading=True)
    e.table(); cms_t3_header(e); cms_t3_rows(e, SMALL); e.etable()
    e.w('</td></tr>\n<tr><td>\n')
    e.para("四、政府信息公开行政复议、行政诉讼情况", heading=True)
    cms_t4(e, T4_SMALL)
    e.w('</td></tr>\n<tr><td>\n')
    for kind, t in tail():
        e.para(t, heading=(kind == "h"))
    e.w('</td></tr>\n<tr><td class="bottom">版权所有：青山县人民政府　地址：青山县人民路1号</td></tr>\n</table>\n</body>\n</html>\n')
    write("clean-layout-tables.html", "".join(e.out), crlf=False)

build_layout()

def build_images():
    # Tables pasted as pictures (S110): the CMS page keeps the headings, the
    # narrative and the fee sentence as text; the three tables are <img>,
    # one without alt text, one named by alt, one by title. The site's logo
    # and badge are pictures too and must not count. The page's <title>
    # names a different section set ("通知公告") to show that it never decides
    # which sections exist.
    iss = "青山县交通运输局"
    title = iss + "2024年政府信息公开工作年度报告"
    site = "青山县人民政府"
    def page(images):
        e = CMS()
        head = SITE_HEAD % {"meta": '<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />\n<meta name="keywords" content="一、总体情况,六、其他需要报告的事项" />\n', "title": esc(title), "site": site, "pub": "2025-01-21", "pubmeta": "2025-01-21 10:00:00", "source": esc(iss)}
        head = head.replace('<body>\n', '<body>\n<div class="logo"><img src="/images/logo.png" alt="%s" width="420" height="90" /></div>\n' % esc(site), 1)
        e.w(head)
        e.para("本报告根据《中华人民共和国政府信息公开条例》和国办公开办函〔2021〕30号的要求编制。报告所列数据的统计期限自2024年1月1日起至2024年12月31日止。")
        for kind, t in narrative(iss, 2024, SMALL, T4_SMALL):
            e.para(t, heading=(kind == "h"))
        # a photo in section 一 with its own alt text
        e.w('<p style="text-align:center;"><img src="/u/2025/01/dt.jpg" alt="政务服务中心交通窗口" width="600" height="400" /></p>\n')
        e.para("二、主动公开政府信息情况", heading=True)
        images[0](e)
        e.para("三、收到和处理政府信息公开申请情况", heading=True)
        images[1](e)
        e.para("四、政府信息公开行政复议、行政诉讼情况", heading=True)
        images[2](e)
        for kind, t in tail("依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），本年度本机关未收取信息处理费。"):
            e.para(t, heading=(kind == "h"))
        e.w('<p style="text-align:right;">%s</p>\n<p style="text-align:right;">2025年1月21日</p>\n' % esc(iss))
        tailhtml = SITE_TAIL % {"site": site, "source": esc(iss)}
        tailhtml = tailhtml.replace('<footer>', '<footer><img src="/images/dzjg.png" width="55" height="64" alt="党政机关" />', 1)
        e.w(tailhtml)
        return "".join(e.out)
    pics = [
        lambda e: e.w('<p style="text-align:center;"><img src="/u/2025/01/W020250121_t2.png" width="640" height="420" border="0" /></p>\n'),
        lambda e: e.w('<div style="text-align:center;"><img style="width: 660px; height: 900px;" src="/u/2025/01/W020250121_t3.png" alt="收到和处理政府信息公开申请情况表" /></div>\n'),
        lambda e: e.w('<p><img src="/u/2025/01/W020250121_t4.png" title="表四" /></p>\n'),
    ]
    write("S110-tables-as-images.html", page(pics), crlf=False)
    # Quiet case: the same page with text tables, and pictures beside them
    # (a chart under table 二, a photo in section 一): no S110.
    def text_t2(e):
        cms_t2(e, T2_SMALL)
        e.w('<p style="text-align:center;"><img src="/u/2025/01/chart.png" alt="主动公开信息分类统计图" width="500" height="300" /></p>\n')
    def text_t3(e):
        e.table(); cms_t3_header(e); cms_t3_rows(e, SMALL); e.etable()
    def text_t4(e):
        cms_t4(e, T4_SMALL)
    write("clean-site-images.html", page([text_t2, text_t3, text_t4]), crlf=False)

build_images()
