#!/bin/sh
# Regenerates the DOCX fixtures in fixtures/docx:
#   1. LibreOffice Writer converts each HTML source fixtures/docx/src/NAME.html.in
#      to fixtures/docx/NAME.docx (LibreOffice's DOCX habits: vMerge with
#      restart/continue values, gridSpan, one paragraph per cell);
#   2. scripts/docx/mkfixtures writes the reports made directly as
#      WordprocessingML with Word's and WPS's habits, and the broken files
#      for P001.
# Needs: soffice (apt-get install libreoffice-writer-nogui fonts-noto-cjk) and Go.
# Tests never run this; the generated files are committed. After running it,
# regenerate the goldens (go test ./cmd/reportlint -run TestGolden -update)
# and review them.
set -eu
cd "$(dirname "$0")/.."
out=fixtures/docx
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if command -v soffice >/dev/null 2>&1; then
	for src in "$out"/src/*.html.in; do
		name=$(basename "$src" .html.in)
		cp "$src" "$tmp/$name.html"
		soffice --headless -env:UserInstallation=file://"$tmp"/profile \
			--infilter="HTML (StarWriter)" --convert-to 'docx:MS Word 2007 XML' \
			--outdir "$tmp" "$tmp/$name.html" >/dev/null 2>&1
		cp "$tmp/$name.docx" "$out/$name.docx"
		echo "wrote $out/$name.docx"
	done
else
	echo "soffice not found: skipping the LibreOffice fixtures" >&2
fi
go run ./scripts/docx/mkfixtures
# 3. python-docx (apt-get install python3-docx), for the Debian module.
if /usr/bin/python3 -c 'import docx' 2>/dev/null; then
	/usr/bin/python3 scripts/docx/python_docx_fixtures.py
else
	echo "python3-docx not found: skipping the python-docx fixtures" >&2
fi
