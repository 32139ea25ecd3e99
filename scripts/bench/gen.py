#!/usr/bin/env python3
"""Generate benchmark folders for scripts/bench/batch.sh.

  gen.py html OUTDIR N   N HTML reports in site chrome (about 64 KB each),
                         variants of fixtures/html/clean-site-chrome.html
  gen.py pdf  OUTDIR N   N PDF reports: copies of the fixtures/pdf/*.pdf

The HTML pages wrap the fixture's report in the furniture of a government
website: a navigation bar, a sidebar of news links, a long footer, inline
scripts and styles. Each page differs (issuer, link texts, figures in the
chrome) so that no two files are byte-identical. Only the standard library
is used; the output is deterministic.
"""
import os
import random
import shutil
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")

TOPICS = ["关于开展安全生产大检查的通知", "县政府常务会议研究部署重点工作", "优化营商环境十条措施解读",
          "2024年民生实事项目进展情况", "关于做好春节期间市场保供工作的通知", "政务服务中心窗口调整公告",
          "乡村振兴重点项目建设推进会召开", "关于公开征求意见的公告", "防汛抗旱工作部署会议",
          "义务教育阶段招生工作实施方案"]


def chrome(rng, i):
    nav = "".join('<li><a href="/col/%d/index.html">栏目%d</a></li>' % (rng.randrange(10000), k) for k in range(40))
    side = []
    for k in range(190):
        side.append('<li><a href="/art/2024/%d/%d.html" title="%s" target="_blank">%s</a><span class="date">2024-%02d-%02d</span></li>\n'
                    % (rng.randrange(100), rng.randrange(10**6), TOPICS[k % len(TOPICS)], TOPICS[(k + i) % len(TOPICS)],
                       rng.randrange(1, 13), rng.randrange(1, 29)))
    script = "<script type=\"text/javascript\">\n" + "".join(
        "var m%d = {id: %d, url: '/x/%d.html', t: \"<div class='n'>%s</div>\"};\n" % (k, k, rng.randrange(10**6), TOPICS[k % 10])
        for k in range(60)) + "</script>\n"
    style = "<style>\n" + "".join(".c%d{margin:%dpx;padding:%dpx;color:#%06x}\n" % (k, k % 9, k % 7, rng.randrange(1 << 24)) for k in range(120)) + "</style>\n"
    foot = "".join('<a href="http://www.gov%d.example.cn/" target="_blank">友情链接网站%d</a> | ' % (rng.randrange(1000), k) for k in range(60))
    head = style + script
    top = ('<div class="top"><ul class="nav">%s</ul></div>\n<div class="sidebar"><h3>最新动态</h3><ul>\n%s</ul></div>\n'
           % (nav, "".join(side)))
    bottom = ('<div class="footer"><div class="links">%s</div><p>版权所有：青山县人民政府 网站标识码：%d ICP备%08d号</p></div>\n'
              % (foot, rng.randrange(10**9), rng.randrange(10**8)))
    return head, top, bottom


def gen_html(out, n):
    src = open(os.path.join(ROOT, "fixtures", "html", "clean-site-chrome.html"), encoding="utf-8").read()
    os.makedirs(out, exist_ok=True)
    for i in range(n):
        rng = random.Random(i)
        head, top, bottom = chrome(rng, i)
        page = src.replace("</head>", head + "</head>", 1)
        page = page.replace("<body>", "<body>\n" + top, 1)
        page = page.replace("</body>", bottom + "</body>", 1)
        page = page.replace("青山县", ["青山县", "白水县", "东湖区", "南岭市"][i % 4])
        with open(os.path.join(out, "r%04d.html" % i), "w", encoding="utf-8") as f:
            f.write(page)


def gen_pdf(out, n):
    d = os.path.join(ROOT, "fixtures", "pdf")
    pdfs = sorted(p for p in os.listdir(d) if p.endswith(".pdf"))
    os.makedirs(out, exist_ok=True)
    for i in range(n):
        shutil.copyfile(os.path.join(d, pdfs[i % len(pdfs)]), os.path.join(out, "r%04d.pdf" % i))


if __name__ == "__main__":
    kind, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    {"html": gen_html, "pdf": gen_pdf}[kind](out, n)
