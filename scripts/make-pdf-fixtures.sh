#!/bin/sh
# Makes the PDF fixtures in fixtures/pdf from the HTML sources in
# fixtures/pdf/src (written by scripts/pdf/make_src.py), with LibreOffice
# (untagged and tagged) and Chromium, plus hostile variants (encrypted,
# corrupt, scanned, PDF 2.0 header, bytes after %%EOF, wrong startxref).
#
# Needs: python3, soffice (libreoffice-writer-nogui), chromium, qpdf,
# poppler-utils, fonts-noto-cjk. Tests never need these tools: the PDFs are
# committed. After running, regenerate the goldens:
#   go test ./cmd/reportlint -run TestGolden -update   (and read them)
set -eu
cd "$(dirname "$0")/.."
out=fixtures/pdf
src=$out/src
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 scripts/pdf/make_src.py "$src"
for f in "$src"/*.html.in; do
	cp "$f" "$tmp/$(basename "$f" .in)"
done

lo() { # lo NAME.html OUT.pdf [tagged]
	opt='pdf:writer_pdf_Export'
	if [ "${3:-}" = tagged ]; then
		opt='pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}'
	fi
	soffice --headless --infilter="HTML (StarWriter)" --convert-to "$opt" --outdir "$tmp/lo" "$tmp/$1" >/dev/null 2>&1
	mv "$tmp/lo/$(basename "$1" .html).pdf" "$2"
}
chrome() { # chrome NAME.html OUT.pdf
	chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
		--no-pdf-header-footer --print-to-pdf="$2" "file://$tmp/$1" >/dev/null 2>&1
}
# Fixed dates: conversion time would otherwise become the publication date.
fixdate() {
	python3 - "$1" <<'PY'
import re, sys
p = sys.argv[1]
b = open(p, 'rb').read()
b = re.sub(rb'(/(?:CreationDate|ModDate)\s*\(D:)\d{14}', rb'\g<1>20250120100000', b)
open(p, 'wb').write(b)
PY
}

lo report-clean.html "$out/clean-lo-writer.pdf"
lo report-clean.html "$out/clean-lo-tagged.pdf" tagged
chrome report-clean.html "$out/clean-chromium.pdf"
lo report-A304.html "$out/A304-table4-total-lo.pdf"
lo report-long.html "$out/clean-long-split-lo.pdf"
chrome report-long.html "$out/clean-long-split-chromium.pdf"
# table 三 with its header rows in <thead>: repeated at the top of each page
lo report-long-thead.html "$out/clean-repeat-heading-lo.pdf"
lo report-long-thead.html "$out/clean-repeat-heading-lo-tagged.pdf" tagged
chrome report-long-thead.html "$out/clean-repeat-heading-chromium.pdf"
lo report-long-thead-t4split.html "$out/clean-table4-header-split-lo.pdf"
lo report-long-thead-emptygrid.html "$out/clean-empty-grid-lo-tagged.pdf" tagged
# Tables without any ruling lines: read from text positions alone.
lo report-borderless.html "$out/clean-borderless-lo.pdf"
# Plain pages (no borders, left-aligned cells): the narrow group column
# wraps onto the item rows' lines and labels run up to the numbers.
lo report-plain.html "$out/clean-plain-narrow-group-lo.pdf"
lo report-plain-enum.html "$out/clean-plain-enum-lo.pdf"
for f in "$out"/*.pdf; do fixdate "$f"; done

# Files other readers accept although the library does not.
python3 - "$out" <<'PY'
import re, sys
out = sys.argv[1]
b = open(f"{out}/clean-lo-writer.pdf", "rb").read()
open(f"{out}/clean-pdf20-header.pdf", "wb").write(b[:5] + b"2.0" + b[8:])
open(f"{out}/clean-trailing-bytes.pdf", "wb").write(b + b"\0" * 300)
m = list(re.finditer(rb"startxref\s+(\d+)", b))[-1]
wrong = str(int(m.group(1)) + 7).encode()
open(f"{out}/clean-wrong-startxref.pdf", "wb").write(b[:m.start(1)] + wrong + b[m.end(1):])
# Corrupt: the first 40% of the file and a scrambled middle.
cut = b[: len(b) * 2 // 5]
open(f"{out}/P001-corrupt-truncated.pdf", "wb").write(cut)
PY
# other producers: ReportLab (repeatRows, STSong-Light, landscape) and
# Ghostscript / PDF/A / PostScript-printed copies of the files above
/usr/bin/python3 scripts/pdf/make_reportlab.py "$out"
sh scripts/pdf/make_gs.sh
# what poppler's pdftotext reads from the producers' files: the reader's
# prose must match it (parser/pdf TestProseAsPdftotext)
mkdir -p "$out/pdftotext"
for f in clean-rl-stsong-repeat clean-rl-landscape-3pages clean-rl-ttf-repeat clean-rl-taller-header \
	clean-rl-borderless-repeat clean-gs-lo-type1c clean-pdfa2b-lo-long clean-rotate90-landscape-rl \
	clean-repeat-heading-lo clean-table4-header-split-lo; do
	pdftotext "$out/$f.pdf" "$out/pdftotext/$f.poppler"
done

qpdf --encrypt secret secret 128 --use-aes=y -- "$out/clean-lo-writer.pdf" "$out/P001-encrypted-password.pdf"

# A scan: the first page rendered to an image, wrapped in a PDF without text.
pdftoppm -r 40 -f 1 -l 1 -png "$out/clean-lo-writer.pdf" "$tmp/scan"
cat > "$tmp/scan.html" <<HTML
<!DOCTYPE html><html><body style="margin:0"><img src="$(ls "$tmp"/scan*.png | head -1)" style="width:100%"></body></html>
HTML
chrome scan.html "$out/P002-scan-no-text.pdf"
fixdate "$out/P002-scan-no-text.pdf"
# A readable report with one scanned page appended.
qpdf --empty --pages "$out/clean-lo-writer.pdf" "$out/P002-scan-no-text.pdf" -- "$out/P002-scanned-page.pdf"
ls -la "$out"
