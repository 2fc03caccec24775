#!/bin/sh
# The first start on an empty cache: the window (bench/first_start_bench.cpp, offscreen at
# 1280x800) building the default demo registry, beside `uptake demo` building the same demo
# with no window, alternated, ROUNDS times (default 3). Prints when the table first shows
# rows, when the whole demo is in, the longest UI stall and how evenly the progress bar moved,
# and the window's time as a ratio of the command line's.
# Usage: bench/first_start_bench.sh    (BUILD names the build directory, default build)
set -eu
cd "$(dirname "$0")/.."
BUILD="${BUILD:-build}"
ROUNDS="${ROUNDS:-3}"
OUT="$(mktemp -d "${TMPDIR:-/tmp}/uptake-first-start.XXXXXX")"
trap 'rm -rf "$OUT"' EXIT
cmake --build "$BUILD" --target first_start_bench uptake > /dev/null
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
i=1
while [ "$i" -le "$ROUNDS" ]; do
    rm -f "$OUT"/w.sqlite* "$OUT"/c.sqlite*
    echo "== round $i: the window"
    QT_QPA_PLATFORM=offscreen "$BUILD/bench/first_start_bench" "$OUT/w.sqlite" | tee "$OUT/window.txt"
    echo "== round $i: uptake demo (the same demo, no window)"
    start=$(date +%s%N)
    "$BUILD/app/uptake" --cache "$OUT/c.sqlite" demo > /dev/null
    cli=$(( ($(date +%s%N) - start) / 1000000 ))
    all=$(sed -n 's/^rows_ms=[0-9]* all_ms=\([0-9]*\)$/\1/p' "$OUT/window.txt")
    rows=$(sed -n 's/^rows_ms=\([0-9]*\) .*/\1/p' "$OUT/window.txt")
    awk -v c="$cli" -v a="$all" -v r="$rows" 'BEGIN {
        printf "uptake demo: %d ms; the window: first rows %d ms (target 3000), whole demo %d ms (target 10000), %.2fx the command line\n", c, r, a, a / c }'
    i=$((i + 1))
done
