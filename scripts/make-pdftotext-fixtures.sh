#!/bin/sh
# Regenerates the text fixtures copied out of a PDF viewer, from the
# project's own PDF fixtures:
#   pdftotext -layout  -> space-aligned columns, labels wrapped over lines
#   pdftotext (plain)  -> a cell per line, as a browser's PDF viewer copies
# and one variant with a blank cell (C201) made by blanking a figure.
# Needs: pdftotext (apt-get install poppler-utils), chromium for one file. Tests never run this;
# the generated files are committed. After running it, regenerate the
# goldens (go test ./cmd/reportlint -run TestGolden -update) and review them.
set -eu
cd "$(dirname "$0")/.."
out=fixtures/text
p=fixtures/pdf
pdftotext -layout "$p/clean-lo-writer.pdf" "$out/clean-pdftotext-layout-lo.txt"
pdftotext -layout "$p/clean-chromium.pdf" "$out/clean-pdftotext-layout-chromium.txt"
pdftotext -layout "$p/clean-borderless-lo.pdf" "$out/clean-pdftotext-layout-borderless-lo.txt"
pdftotext -layout "$p/clean-long-split-lo.pdf" "$out/clean-pdftotext-layout-long-split-lo.txt"
pdftotext "$p/clean-lo-writer.pdf" "$out/clean-pdftotext-cells-lo.txt"
pdftotext "$p/clean-chromium.pdf" "$out/clean-pdftotext-cells-chromium.txt"
pdftotext -layout "$p/A304-table4-total-lo.pdf" "$out/A304-pdftotext-layout.txt"
# Plain pdftotext of LibreOffice's table with 1、-numbered labels: figures
# come between the pieces of wrapped labels, out of row order. Table 三
# cannot be rebuilt with certainty: S111 (warning), not S104.
pdftotext "$p/clean-plain-enum-lo.pdf" "$out/S111-pdftotext-cells-plain-enum-lo.txt"
# Chromium's print of the CMS page (narrow columns: pdftotext runs the
# figures of table 三 together, "2 000002"; page header and footer lines).
if command -v chromium >/dev/null 2>&1; then
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' EXIT
	cp fixtures/html/clean-site-chrome.html "$tmp/site.html"
	chromium --headless --no-sandbox --disable-gpu --print-to-pdf="$tmp/site.pdf" "$tmp/site.html" >/dev/null 2>&1
	pdftotext -layout "$tmp/site.pdf" "$out/clean-pdftotext-layout-chromium-print.txt"
else
	echo "chromium not found: skipping clean-pdftotext-layout-chromium-print.txt" >&2
fi
# C201: the 社会公益组织 figure of （一）予以公开 left blank (spaces keep the columns).
python3 - "$out/clean-pdftotext-layout-lo.txt" "$out/C201-pdftotext-layout-blank.txt" <<'PY'
import re, sys
s = open(sys.argv[1], encoding="utf-8").read()
lines = s.split("\n")
for i, l in enumerate(lines):
    if "（一）予以公开" in l:
        figs = list(re.finditer(r"\S+", l))[-7:]
        m = figs[3]
        lines[i] = l[:m.start()] + " " * (m.end() - m.start()) + l[m.end():]
        break
else:
    sys.exit("row not found")
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(lines))
PY
# C206: the same text with every figure of the three tables erased (an
# unfilled template copied out of a PDF): three C206, no S104.
python3 - "$out/clean-pdftotext-layout-lo.txt" "$out/C206-pdftotext-blank-tables.txt" <<'PY'
import re, sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
inside = False
for i, l in enumerate(lines):
    if l.strip().startswith("二、主动公开政府信息情况"):
        inside = True
    elif l.strip().startswith("五、"):
        inside = False
    elif inside:
        lines[i] = re.sub(r"(?<!\S)[0-9]+(?!\S)", lambda m: " " * len(m.group()), l)
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(lines))
PY
echo "wrote $out/*pdftotext*"
