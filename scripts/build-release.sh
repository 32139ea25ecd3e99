#!/usr/bin/env bash
# Cross-compiles reportlint for Windows, Linux and macOS (pure Go,
# CGO_ENABLED=0), so an office can be handed one file: on Windows,
# double-clicking reportlint.exe opens the self-check page in the browser.
#
#   scripts/build-release.sh [OUTDIR]     (default: dist/)
#
# Writes OUTDIR/reportlint-GOOS-GOARCH[.exe] and SHA256SUMS.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-dist}"
mkdir -p "$out"
targets="${TARGETS:-windows/amd64 windows/arm64 linux/amd64 linux/arm64 darwin/amd64 darwin/arm64}"
for t in $targets; do
	goos="${t%/*}" goarch="${t#*/}"
	ext=""
	[ "$goos" = windows ] && ext=".exe"
	bin="$out/reportlint-$goos-$goarch$ext"
	echo "build $bin"
	CGO_ENABLED=0 GOOS="$goos" GOARCH="$goarch" go build -trimpath -ldflags="-s -w" -o "$bin" ./cmd/reportlint
done
(cd "$out" && sha256sum reportlint-* > SHA256SUMS)
ls -l "$out"
