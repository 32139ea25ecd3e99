#!/bin/sh
# Makes fixtures/cross: one report in every format, so that a test can
# require the same tables, cell for cell, from each. The source is the clean
# Word-export HTML fixture (fixtures/html/clean-word-export.html); LibreOffice makes a PDF (tagged and untagged) and
# a DOCX of it, Chromium a PDF.
#
# Needs: soffice (libreoffice-writer-nogui), chromium, fonts-noto-cjk. Tests
# never need them: the outputs are committed. Afterwards regenerate goldens:
#   go test ./cmd/reportlint -run TestGolden -update   (and read them)
set -eu
cd "$(dirname "$0")/.."
out=fixtures/cross
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp fixtures/html/clean-word-export.html "$tmp/report.html"
soffice --headless --infilter="HTML (StarWriter)" --convert-to pdf:writer_pdf_Export --outdir "$tmp/lo" "$tmp/report.html" >/dev/null 2>&1
mv "$tmp/lo/report.pdf" "$out/clean-report-lo.pdf"
soffice --headless --infilter="HTML (StarWriter)" \
	--convert-to 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}' --outdir "$tmp/lot" "$tmp/report.html" >/dev/null 2>&1
mv "$tmp/lot/report.pdf" "$out/clean-report-lo-tagged.pdf"
soffice --headless --infilter="HTML (StarWriter)" --convert-to 'docx:MS Word 2007 XML' --outdir "$tmp/docx" "$tmp/report.html" >/dev/null 2>&1
mv "$tmp/docx/report.docx" "$out/clean-report-lo.docx"
chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
	--no-pdf-header-footer --print-to-pdf="$out/clean-report-chromium.pdf" "file://$tmp/report.html" >/dev/null 2>&1
# Fixed dates: the conversion time would otherwise become the publication date.
for f in "$out"/*.pdf; do
	python3 - "$f" <<'PY'
import re, sys
p = sys.argv[1]
b = open(p, 'rb').read()
b = re.sub(rb'(/(?:CreationDate|ModDate)\s*\(D:)\d{14}', rb'\g<1>20250120100000', b)
open(p, 'wb').write(b)
PY
done
ls -la "$out"
