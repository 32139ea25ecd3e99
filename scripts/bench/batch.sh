#!/bin/sh
# Times whole-command batches of reportlint (see README, "Performance").
#
#   scripts/bench/batch.sh [WORKDIR]
#
# Builds reportlint (CGO_ENABLED=0), generates 1,000 HTML reports in site
# chrome (about 64 KB each) and 200 PDF reports from the fixtures
# (scripts/bench/gen.py), and times `reportlint check` on each folder with
# --jobs 1 and --jobs 2. Then, when ../shared/real or $REAL_PDF_DIR holds the
# real 5- and 6-page PDFs, it times `reportlint check` and `pdftotext
# -layout` on each of them side by side in one hyperfine run.
#
# CPU time (user+sys) and peak memory of the batches come from /usr/bin/time
# (10 ms resolution); wall time and the CPU time of single runs from
# hyperfine when installed. On a busy machine read the CPU figures: wall
# time is only meaningful when the machine is otherwise idle.
#
# Environment: REPORTLINT_BIN=path times that binary instead of building
# one (to compare with an older build); HYPERFINE=0 skips the hyperfine runs.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${1:-${TMPDIR:-/tmp}/reportlint-bench}
mkdir -p "$work"
bin=${REPORTLINT_BIN:-$work/reportlint}
if [ -z "${REPORTLINT_BIN:-}" ]; then
	echo "== building $bin"
	(cd "$root" && CGO_ENABLED=0 go build -o "$bin" ./cmd/reportlint)
fi
hf=${HYPERFINE:-1}
command -v hyperfine >/dev/null 2>&1 || hf=0

if [ ! -d "$work/html" ]; then
	python3 "$root/scripts/bench/gen.py" html "$work/html" 1000
fi
if [ ! -d "$work/pdf" ]; then
	python3 "$root/scripts/bench/gen.py" pdf "$work/pdf" 200
fi

# cputime LABEL CMD...: one run, CPU seconds, peak RSS, and files per CPU second.
cputime() {
	label=$1
	shift
	/usr/bin/time -f "%U %S %e %M" -o "$work/time.out" "$@" >/dev/null 2>&1 || true
	# (time writes "Command exited with non-zero status 1" first when
	# reportlint found errors: the figures are on the last line)
	set -- $(tail -n 1 "$work/time.out")
	user=$1 sys=$2 wall=$3 rss=$4
	awk -v l="$label" -v u="$user" -v s="$sys" -v w="$wall" -v m="$rss" -v n="$files" 'BEGIN {
		cpu = u + s
		printf "%-28s %6.2f s CPU (user %.2f + sys %.2f)  %6.2f s wall  %4d MB peak  %7.1f files per CPU second  %.2f ms CPU per file\n",
			l, cpu, u, s, w, m / 1024, n / cpu, 1000 * cpu / n
	}'
}

for kind in html pdf; do
	files=$(ls "$work/$kind" | wc -l)
	echo "== $files $kind files"
	for j in 1 2; do
		cputime "check --jobs $j $kind" "$bin" check --jobs "$j" "$work/$kind"
	done
done

if [ "$hf" != 0 ]; then
	echo "== wall time (hyperfine, 3 runs each)"
	hyperfine --style basic --runs 3 --ignore-failure \
		"$bin check --jobs 1 $work/html" "$bin check --jobs 2 $work/html" \
		"$bin check --jobs 1 $work/pdf" "$bin check --jobs 2 $work/pdf" 2>&1 |
		grep -E '^Benchmark|Time \(mean'
fi

real=${REAL_PDF_DIR:-$root/../shared/real}
if [ -d "$real" ] && command -v pdftotext >/dev/null 2>&1; then
	for pdf in "$real"/*.pdf; do
		[ -f "$pdf" ] || continue
		pages=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
		echo "== $(basename "$pdf") ($pages pages): reportlint check vs pdftotext -layout"
		files=1
		# 20 runs each, alternating, CPU time summed.
		rm -f "$work/check.cpu" "$work/pdftotext.cpu"
		i=0
		while [ $i -lt 20 ]; do
			/usr/bin/time -f "%U %S" -a -o "$work/check.cpu" "$bin" check "$pdf" >/dev/null 2>&1 || true
			/usr/bin/time -f "%U %S" -a -o "$work/pdftotext.cpu" pdftotext -layout "$pdf" /dev/null >/dev/null 2>&1 || true
			i=$((i + 1))
		done
		for tool in check pdftotext; do
			awk -v t="$tool" '/^[0-9]/ {c += $1 + $2; n++} END {printf "  %-10s %6.1f ms CPU per run (mean of %d, user+sys)\n", t, 1000 * c / n, n}' "$work/$tool.cpu"
			rm -f "$work/$tool.cpu"
		done
		if [ "$hf" != 0 ]; then
			hyperfine --style basic --warmup 3 --runs 20 --ignore-failure \
				"$bin check $pdf" "pdftotext -layout $pdf /dev/null" 2>&1 |
				grep -E '^Benchmark|Time \(mean|faster|±' | grep -v '^ *Range'
		fi
	done
else
	echo "== no real PDFs ($real) or no pdftotext: side-by-side comparison skipped"
fi
