#!/bin/sh
# Makes the PDF fixtures of other producers' font handling from the
# committed LibreOffice, Chromium and ReportLab fixtures:
#   Ghostscript pdfwrite (Type 1C fonts), -dCompatibilityLevel=1.4 over a
#   ReportLab STSong-Light file (Ghostscript substitutes and embeds the
#   font, with a wrong ToUnicode map), PDF/A-2b, Ghostscript over a
#   Chromium PDF (Type 3 fonts with incomplete ToUnicode: partly garbled),
#   and PDFs "printed" through PostScript (pdftops | ps2pdf, and
#   Ghostscript ps2write | ps2pdf): fonts without ToUnicode, an unusable
#   text layer.
# Needs: ghostscript, poppler-utils, python3. Run from the repository root
# after scripts/make-pdf-fixtures.sh and scripts/pdf/make_reportlab.py;
# then regenerate the goldens (go test ./cmd/reportlint -run TestGolden -update).
set -eu
cd "$(dirname "$0")/../.."
out=fixtures/pdf
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
gsw() { gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=pdfwrite "$@"; }

gsw -o "$out/clean-gs-lo-type1c.pdf" "$out/clean-lo-writer.pdf"
gsw -dCompatibilityLevel=1.4 -o "$out/clean-gs14-rl-stsong.pdf" "$out/clean-rl-stsong-repeat.pdf"
gsw -dPDFA=2 -dPDFACompatibilityPolicy=1 -sColorConversionStrategy=RGB \
	-o "$out/clean-pdfa2b-lo-long.pdf" "$out/clean-long-split-lo.pdf" 2>/dev/null
gsw -o "$out/P002-gs-chromium-type3-garbled.pdf" "$out/clean-chromium.pdf"
pdftops "$out/clean-lo-writer.pdf" "$tmp/lo.ps"
ps2pdf "$tmp/lo.ps" "$out/P002-postscript-printed-lo.pdf"
gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=ps2write -o "$tmp/ch.ps" "$out/clean-chromium.pdf"
ps2pdf "$tmp/ch.ps" "$out/P002-postscript-printed-chromium.pdf"

# Landscape pages as printer drivers and Word's landscape sections write
# them: a portrait MediaBox with /Rotate 90 and the content turned by the
# CTM (made from the ReportLab landscape fixture with qpdf; needs qpdf).
qpdf --qdf --object-streams=disable "$out/clean-rl-landscape-3pages.pdf" "$tmp/land.pdf"
python3 - "$tmp/land.pdf" "$tmp/rot.pdf" <<'PY'
import re, sys
b = open(sys.argv[1], 'rb').read()
b = re.sub(rb'/MediaBox \[\s*0\s+0\s+841\.8\d*\s+595\.2\d*\s*\]', b'/MediaBox [ 0 0 595.2756 841.8898 ]', b)
b = b.replace(b'/Rotate 0', b'/Rotate 90')
b = re.sub(rb'(stream\n)(.*?)(\nendstream)',
           lambda m: m.group(1) + b'q 0 1 -1 0 595.2756 0 cm\n' + m.group(2) + b'\nQ' + m.group(3)
           if b'BT' in m.group(2) or b' re' in m.group(2) else m.group(0), b, flags=re.S)
open(sys.argv[2], 'wb').write(b)
PY
fix-qdf "$tmp/rot.pdf" > "$tmp/rot2.pdf"
qpdf "$tmp/rot2.pdf" "$out/clean-rotate90-landscape-rl.pdf"

# Fixed dates: the conversion time would otherwise become the publication date.
for f in clean-gs-lo-type1c clean-gs14-rl-stsong clean-pdfa2b-lo-long P002-gs-chromium-type3-garbled \
	P002-postscript-printed-lo P002-postscript-printed-chromium; do
	python3 - "$out/$f.pdf" <<'PY'
import re, sys
p = sys.argv[1]
b = open(p, 'rb').read()
b = re.sub(rb'(/(?:CreationDate|ModDate)\s*\(D:)\d{14}', rb'\g<1>20250120100000', b)
b = re.sub(rb'(<xmp:(?:CreateDate|ModifyDate|MetadataDate)>)\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d', rb'\g<1>2025-01-20T10:00:00', b)
open(p, 'wb').write(b)
PY
done
ls -la "$out"/clean-gs* "$out"/clean-pdfa* "$out"/P002-*
