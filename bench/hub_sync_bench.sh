#!/bin/sh
# Sync at the Hub's size: `uptake sync` of N real-shaped records from a local server in the
# Hub's shape (bench/hub_server.py: pages of 1,000, Link paging) beside `uptake import
# catalogue` of the same records from one file, in the same run; then every field of both
# caches compared, and a sync killed half way and resumed.
#
#   bench/hub_sync_bench.sh [UPTAKE_BINARY]
#
# The interrupted sync is killed (SIGKILL) once the server has sent half the pages.
#   MODELS=200000 SEED=1 PORT=8765 WORK=/tmp/uptake-hub-sync BUILD=build
#
# Target: the sync at most 1.5x the import. Needs python3, sqlite3, curl and GNU time.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
BUILD=${BUILD:-$here/../build}
UPTAKE=${1:-${UPTAKE:-$BUILD/app/uptake}}
MODELS=${MODELS:-200000}
SEED=${SEED:-1}
PORT=${PORT:-8765}
WORK=${WORK:-/tmp/uptake-hub-sync}

[ -x "$UPTAKE" ] || { echo "hub_sync_bench: no uptake binary at $UPTAKE" >&2; exit 2; }
for tool in python3 sqlite3 curl; do
    command -v $tool >/dev/null || { echo "hub_sync_bench: $tool is needed" >&2; exit 2; }
done
[ -x /usr/bin/time ] || { echo "hub_sync_bench: GNU time is needed (apt-get install time)" >&2; exit 2; }

mkdir -p "$WORK"
inputs="$MODELS $SEED $(sha256sum "$here/gen_hub_catalogue.py" | cut -c1-16)"
data="$WORK/hub.jsonl"
if [ "$(cat "$WORK/inputs" 2>/dev/null)" != "$inputs" ] || [ ! -f "$data" ]; then
    echo "generating $MODELS real-shaped records into $data ..."
    rm -f "$WORK/inputs"
    python3 "$here/gen_hub_catalogue.py" --models "$MODELS" --seed "$SEED" --out "$data"
    echo "$inputs" > "$WORK/inputs"
fi

server=""
stop_server() {
    if [ -n "$server" ]; then
        kill "$server" 2>/dev/null || true
        wait "$server" 2>/dev/null || true
    fi
    server=""
}
trap stop_server EXIT
start_server() {
    python3 "$here/hub_server.py" "$data" "$PORT" &
    server=$!
    # Ready when it answers (it reads the whole file first).
    until curl -sf "http://127.0.0.1:$PORT/served" > /dev/null; do
        kill -0 "$server" 2>/dev/null || { echo "hub_sync_bench: the server did not start" >&2; exit 1; }
        sleep 0.2
    done
}
run() {
    name=$1
    shift
    /usr/bin/time -f "%e %M" -o "$WORK/time.out" "$@" > "$WORK/$name.log" 2>&1 ||
        { echo "hub_sync_bench: $name failed:" >&2; tail -5 "$WORK/$name.log" >&2; exit 1; }
    secs=$(cut -d' ' -f1 "$WORK/time.out")
    rss=$(cut -d' ' -f2 "$WORK/time.out")
}
fresh() { rm -rf "$1" "$1-wal" "$1-shm" "$1-journal" "$1-sync"; }

echo "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $MODELS records, $(du -h "$data" | cut -f1)"
cat "$data" > /dev/null
fresh "$WORK/import.sqlite"
run import "$UPTAKE" --cache "$WORK/import.sqlite" import catalogue "$data"
imp_secs=$secs
imp_rss=$rss

start_server
fresh "$WORK/sync.sqlite"
run sync "$UPTAKE" --cache "$WORK/sync.sqlite" sync "http://127.0.0.1:$PORT/api/models"
sync_secs=$secs
sync_rss=$rss
pages=$(curl -sf "http://127.0.0.1:$PORT/served" | cut -d' ' -f1)
stop_server

ratio=$(awk -v a="$sync_secs" -v b="$imp_secs" 'BEGIN { printf "%.2f", a / b }')
printf '%-40s %8s s  peak RSS %4d MB\n' "uptake import catalogue (one file)" "$imp_secs" $((imp_rss / 1024))
printf '%-40s %8s s  peak RSS %4d MB   %sx the import (target <= 1.5x), %s pages\n' \
    "uptake sync (local server)" "$sync_secs" $((sync_rss / 1024)) "$ratio" "$pages"

# Every field of every model, both ways, and the family links.
fields="model_id, author, name, task, framework, license, tags, created_at, updated_at, versions, files, downloads,
        likes, description, listed, parameters, base_models, gated, downloads_all_time, trending_score"
differ=$(sqlite3 "$WORK/import.sqlite" "ATTACH '$WORK/sync.sqlite' AS s;
    SELECT (SELECT count(*) FROM (SELECT $fields FROM main.models EXCEPT SELECT $fields FROM s.models))
         + (SELECT count(*) FROM (SELECT $fields FROM s.models EXCEPT SELECT $fields FROM main.models))
         + (SELECT count(*) FROM (SELECT x.base, m.model_id FROM main.model_base x JOIN main.models m ON m.id = x.model
                                  EXCEPT SELECT x.base, m.model_id FROM s.model_base x JOIN s.models m ON m.id = x.model))
         + abs((SELECT count(*) FROM main.models) - (SELECT count(*) FROM s.models))")
echo "fields that differ between the synced and the imported cache: $differ (of $MODELS models x 20 fields)"
[ "$differ" = 0 ] || exit 1

# Killed half way (SIGKILL: a crash, a power cut; a background job of a script ignores
# SIGINT), once the server has sent half the pages, then resumed: it writes the pages it had
# staged and carries on from the page it stopped at.
start_server
fresh "$WORK/resume.sqlite"
"$UPTAKE" --cache "$WORK/resume.sqlite" sync "http://127.0.0.1:$PORT/api/models" > "$WORK/resume1.log" 2>&1 &
sync_pid=$!
half=$((pages / 2))
until [ "$(curl -sf "http://127.0.0.1:$PORT/served" | cut -d' ' -f1)" -ge "$half" ]; do
    kill -0 "$sync_pid" 2>/dev/null || { echo "hub_sync_bench: the sync ended before half way" >&2; exit 1; }
    sleep 0.2
done
kill -KILL "$sync_pid"
wait "$sync_pid" || true
kept=$(sqlite3 "$WORK/resume.sqlite" "SELECT count(*) FROM models")
staged=$(ls "$WORK/resume.sqlite-sync"/*/ 2>/dev/null | grep -c '^page-.*\.json$' || true)
stop_server
start_server
run resume "$UPTAKE" --cache "$WORK/resume.sqlite" sync "http://127.0.0.1:$PORT/api/models"
served=$(curl -sf "http://127.0.0.1:$PORT/served")
stop_server
same=$(sqlite3 "$WORK/import.sqlite" "ATTACH '$WORK/resume.sqlite' AS s;
    SELECT (SELECT count(*) FROM (SELECT $fields FROM main.models EXCEPT SELECT $fields FROM s.models))
         + (SELECT count(*) FROM (SELECT $fields FROM s.models EXCEPT SELECT $fields FROM main.models))")
echo "killed after $half pages, with $kept models in the cache and $staged pages staged beside it; the resumed sync asked for $(echo "$served" | cut -d' ' -f1) pages, from page $(echo "$served" | cut -d' ' -f2) (of $pages), in $secs s; fields that differ afterwards: $same"
[ "$same" = 0 ] || exit 1
