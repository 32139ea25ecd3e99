#!/usr/bin/env bash
# Peak memory and time of one `reportlint check` over a generated folder of
# N report files (default 2000): the repository's fixtures (text, HTML,
# PDF, DOCX, good and bad) copied round-robin under distinct names, with a
# few hostile files among them. Prints the peak resident memory of the whole
# process tree (parent and workers, sampled every 20 ms from /proc), the
# largest single process (GNU time %M), CPU and wall time, for --jobs 1 and 2.
#
#   scripts/batch/memory.sh [N]
set -euo pipefail
n=${1:-2000}
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
bin=$tmp/reportlint
if [ -n "${BIN:-}" ]; then cp "$BIN" "$bin"; else (cd "$root" && CGO_ENABLED=0 go build -o "$bin" ./cmd/reportlint); fi
dir=$tmp/reports; mkdir -p "$dir"
mapfile -t src < <(cd "$root" && find fixtures -type f \( -name '*.txt' -o -name '*.html' -o -name '*.htm' -o -name '*.pdf' -o -name '*.docx' \) ! -name '*.findings' ! -name '*.json' | sort)
for ((i = 0; i < n; i++)); do
  f=${src[i % ${#src[@]}]}
  cp "$root/$f" "$dir/$(printf '%05d' "$i")-$(basename "$f")"
done
# hostile files among them: a flate bomb-like huge xref, a truncated PDF, a zip that is not a docx
printf '%%PDF-1.7\n1 0 obj\n<< >>\nendobj\nxref\n0 900000000\ntrailer\n<< /Size 900000000 >>\nstartxref\n40\n%%%%EOF\n' >"$dir/99990-huge-xref.pdf"
head -c 3000 "$root/${src[0]}" >"$dir/99991-cut.txt"
printf 'PK\003\004garbage' >"$dir/99992-not.docx"
echo "files: $(ls "$dir" | wc -l)"
treepeak() { # pid -> peak KB of the pid and its children
  local pid=$1 peak=0 kb
  while kill -0 "$pid" 2>/dev/null; do
    kb=$( { cat /proc/"$pid"/status 2>/dev/null; for c in $(cat /proc/"$pid"/task/*/children 2>/dev/null); do cat /proc/"$c"/status 2>/dev/null; done; } | awk '/^VmRSS/{s+=$2} END{print s+0}')
    ((kb > peak)) && peak=$kb
    sleep 0.02
  done
  echo "$peak"
}
for jobs in 1 2; do
  /usr/bin/time -f '%U %S %e %M' -o "$tmp/time" "$bin" check --format json --jobs "$jobs" "$dir" >"$tmp/out.json" 2>"$tmp/err" &
  tpid=$!
  sleep 0.05
  rpid=$(pgrep -P "$tpid" -n reportlint || echo "$tpid")
  peak=$(treepeak "$rpid")
  wait "$tpid" || true
  read -r u s e m < <(tail -1 "$tmp/time")
  listed=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["files"]))' "$tmp/out.json")
  echo "--jobs $jobs: $listed files listed; user ${u}s sys ${s}s wall ${e}s; tree peak $((peak / 1024)) MB; largest process $((m / 1024)) MB"
done
