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

# run NAME COMMAND...: runs it under GNU time; sets $secs and $rss (KB).
run() {
    name=$1
    shift
    /usr/bin/time -f "%e %M" -o "$WORK/time.out" "$@" > "$WORK/$name.log" 2>&1 ||
        { echo "import_bench: $name failed:" >&2; cat "$WORK/$name.log" >&2; exit 1; }
    secs=$(cut -d' ' -f1 "$WORK/time.out")
    rss=$(cut -d' ' -f2 "$WORK/time.out")
}

fresh() { rm -f "$1" "$1-wal" "$1-shm" "$1-journal"; }

fresh "$WORK/bare-catalogue.db"
run sqlite-catalogue sqlite3 "$WORK/bare-catalogue.db" '.mode csv' ".import $WORK/catalogue.csv catalogue"
sq_cat=$secs

fresh "$WORK/cache.sqlite"
run uptake-catalogue "$UPTAKE" --cache "$WORK/cache.sqlite" import catalogue "$WORK/catalogue.csv"
up_cat=$secs
up_cat_rss=$rss

fresh "$WORK/bare-usage.db"
run sqlite-usage sqlite3 "$WORK/bare-usage.db" '.mode csv' ".import $WORK/usage.csv usage"
sq_use=$secs

run uptake-usage "$UPTAKE" --cache "$WORK/cache.sqlite" import usage "$WORK/usage.csv"
up_use=$secs
up_use_rss=$rss

echo "scale: $MODELS models, $CALLS calls, $CALLERS callers, $DAYS days ($(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg))"
awk -v a="$sq_cat" -v b="$up_cat" -v r="$up_cat_rss" \
    'BEGIN { printf "catalogue: sqlite3 .import %.2f s, uptake import %.2f s, ratio %.2fx, uptake peak RSS %.0f MB\n", a, b, b / a, r / 1024 }'
awk -v a="$sq_use" -v b="$up_use" -v r="$up_use_rss" \
    'BEGIN { printf "usage:     sqlite3 .import %.2f s, uptake import %.2f s, ratio %.2fx, uptake peak RSS %.0f MB\n", a, b, b / a, r / 1024 }'
tail -n 1 "$WORK/uptake-catalogue.log"
tail -n 1 "$WORK/uptake-usage.log"
