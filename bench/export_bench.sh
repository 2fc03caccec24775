#!/bin/sh
# CSV snapshot export of every row of the benchmark cache, beside the sqlite3 shell running
# the equivalent query (same columns, same order, formatting done in SQL) on the same file.
# Prints both times, the ratio, and the peak RSS of each.
set -eu
cd "$(dirname "$0")/.."
UPTAKE="${UPTAKE:-build/app/uptake}"
CACHE="${1:-/tmp/uptake-bench.sqlite}"
OUT="${TMPDIR:-/tmp}/uptake-export-bench"
mkdir -p "$OUT"
bench/make_cache.sh "$CACHE"

ts() { echo "CASE WHEN $1 IS NOT NULL THEN strftime('%Y-%m-%dT%H:%M:%SZ', $1, 'unixepoch') END"; }
SQL="SELECT model_id, author, task, $(ts created_at), versions, calls, unique_callers, repeat_callers,
 CASE WHEN unique_callers > 0 THEN round(1.0 * repeat_callers / unique_callers, 6) END, verified_calls,
 printf('%d.%09d', fees_nano / 1000000000, fees_nano % 1000000000), $(ts first_call), $(ts last_call),
 CASE listed WHEN 1 THEN 'true' ELSE 'false' END, name, framework, license, tags, $(ts updated_at), files,
 downloads, likes, failed_calls, active_days
 FROM models ORDER BY calls DESC, id DESC;"

# Warm the page cache so that neither run pays for the first read of the file.
cat "$CACHE" > /dev/null

run() { # label, command...
    label=$1; shift
    /usr/bin/time -f "%e %M" -o "$OUT/$label.time" "$@"
    read -r secs rss < "$OUT/$label.time"
    echo "$label: $secs s, peak RSS $((rss / 1024)) MB"
}
for i in 1 2; do
    run sqlite3 sh -c "sqlite3 -csv -header '$CACHE' \"$SQL\" > '$OUT/sqlite3.csv'"
    s=$(cut -d' ' -f1 "$OUT/sqlite3.time")
    run uptake "$UPTAKE" --cache "$CACHE" export "$OUT/uptake.csv"
    u=$(cut -d' ' -f1 "$OUT/uptake.time")
    echo "round $i: rows sqlite3 $(($(wc -l < "$OUT/sqlite3.csv") - 1)), uptake $(($(wc -l < "$OUT/uptake.csv") - 1));" \
         "ratio uptake/sqlite3 = $(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.2f", u / s }')"
done
