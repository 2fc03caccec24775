#!/bin/sh
# Times `uptake import` against a bare `sqlite3 .import` of the same CSV files.
#
#   bench/import_bench.sh [UPTAKE_BINARY]
#
# Scale and places come from the environment (defaults: the issue's full scale):
#   MODELS=1000000 CALLS=5000000 CALLERS=200000 DAYS=90 WORK=/tmp/uptake-import-bench
# The data is generated once into WORK (bench/gen_import_data.py) and reused while the
# scale stays the same. Needs python3, sqlite3 and GNU time (package `time`).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
UPTAKE=${1:-${UPTAKE:-$here/../build/app/uptake}}
MODELS=${MODELS:-1000000}
CALLS=${CALLS:-5000000}
CALLERS=${CALLERS:-200000}
DAYS=${DAYS:-90}
WORK=${WORK:-/tmp/uptake-import-bench}

[ -x "$UPTAKE" ] || { echo "import_bench: no uptake binary at $UPTAKE" >&2; exit 2; }
command -v sqlite3 >/dev/null || { echo "import_bench: sqlite3 is needed" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "import_bench: GNU time is needed (apt-get install time)" >&2; exit 2; }

mkdir -p "$WORK"
scale="$MODELS $CALLS $CALLERS $DAYS"
if [ "$(cat "$WORK/scale" 2>/dev/null)" != "$scale" ]; then
    echo "generating $MODELS models and $CALLS calls into $WORK ..."
    rm -f "$WORK/scale"
    python3 "$here/gen_import_data.py" --models "$MODELS" --calls "$CALLS" --callers "$CALLERS" \
        --days "$DAYS" --out "$WORK"
    echo "$scale" > "$WORK/scale"
fi
cat "$WORK/catalogue.csv" "$WORK/usage.csv" > /dev/null # same page-cache state for every run

# run NAME COMMAND...: runs it under GNU time; sets $secs and $rss (KB), and $start (seconds
# since boot, the clock of the phase lines that uptake's debug log gives below).
run() {
    name=$1
    shift
    start=$(cut -d' ' -f1 /proc/uptime)
    /usr/bin/time -f "%e %M" -o "$WORK/time.out" "$@" > "$WORK/$name.log" 2>&1 ||
        { echo "import_bench: $name failed:" >&2; cat "$WORK/$name.log" >&2; exit 1; }
    secs=$(cut -d' ' -f1 "$WORK/time.out")
    rss=$(cut -d' ' -f2 "$WORK/time.out")
}
# Uptake's phases come from its debug log: each line stamped with seconds since boot.
export QT_MESSAGE_PATTERN='%{time boot} %{message}'
export QT_LOGGING_RULES='uptake.ingest.debug=true
uptake.bulkload.debug=true
uptake.import.debug=true'

fresh() { rm -f "$1" "$1-wal" "$1-shm" "$1-journal"; }

fresh "$WORK/bare-catalogue.db"
run sqlite-catalogue sqlite3 "$WORK/bare-catalogue.db" '.mode csv' ".import $WORK/catalogue.csv catalogue"
sq_cat=$secs

fresh "$WORK/cache.sqlite"
run uptake-catalogue "$UPTAKE" --cache "$WORK/cache.sqlite" import catalogue "$WORK/catalogue.csv"
up_cat=$secs
up_cat_rss=$rss
cat_start=$start

fresh "$WORK/bare-usage.db"
run sqlite-usage sqlite3 "$WORK/bare-usage.db" '.mode csv' ".import $WORK/usage.csv usage"
sq_use=$secs

run uptake-usage "$UPTAKE" --cache "$WORK/cache.sqlite" import usage "$WORK/usage.csv"
up_use=$secs
up_use_rss=$rss
use_start=$start

echo "scale: $MODELS models, $CALLS calls, $CALLERS callers, $DAYS days ($(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg))"
awk -v a="$sq_cat" -v b="$up_cat" -v r="$up_cat_rss" \
    'BEGIN { printf "catalogue: sqlite3 .import %.2f s, uptake import %.2f s, ratio %.2fx, uptake peak RSS %.0f MB\n", a, b, b / a, r / 1024 }'
awk -v a="$sq_use" -v b="$up_use" -v r="$up_use_rss" \
    'BEGIN { printf "usage:     sqlite3 .import %.2f s, uptake import %.2f s, ratio %.2fx, uptake peak RSS %.0f MB\n", a, b, b / a, r / 1024 }'

# Where Uptake's time went, from the phase lines of its debug log.
awk -v t0="$cat_start" -v total="$up_cat" -v sq="$sq_cat" '
    / indexes built /      { idx_end = $1; idx = $(NF-1) / 1000 }
    / trigram index built/ { tri_end = $1; tri = $(NF-1) / 1000 }
    / short terms listed/  { st_end = $1; st = $(NF-1) / 1000 }
    / committed /          { com_end = $1; com = $(NF-1) / 1000 }
    END {
        if (!idx_end || !com_end) { print "catalogue phases: not in the log (no bulk load?)"; exit }
        rows = idx_end - idx - t0
        printf "catalogue phases: rows %.2f s (%.2fx sqlite3), sort indexes %.2f s, trigram index %.2f s, short terms %.2f s, commit %.2f s, rest %.2f s\n",
            rows, rows / sq, idx, tri, st, com, total - (com_end - t0)
        printf "catalogue: rows with the search index (trigram and short terms) %.2f s, %.2fx sqlite3; the sort indexes add %.2f s\n",
            rows + tri + st, (rows + tri + st) / sq, idx
    }' "$WORK/uptake-catalogue.log"
awk -v t0="$use_start" -v total="$up_use" '
    / final batch and roll-ups/ { read_end = $1 }
    / day rows written in key order/ { write_end = $1 }
    / committed /                    { com_end = $1 }
    / batch of /                     { keys += $(NF-1) / 1000 }
    / spilled run /                  { spills += $(NF-1) / 1000 }
    END {
        if (!read_end || !com_end) { print "usage phases: not in the log"; exit }
        printf "usage phases: read, check and de-duplicate %.2f s (event keys %.2f s, runs to disk %.2f s), day rows and figures %.2f s, record and commit %.2f s, rest %.2f s\n",
            read_end - t0, keys, spills, write_end - read_end, com_end - write_end, total - (com_end - t0)
    }' "$WORK/uptake-usage.log"
grep -v '^[0-9.]* ' "$WORK/uptake-catalogue.log" | tail -n 1
grep -v '^[0-9.]* ' "$WORK/uptake-usage.log" | tail -n 1
