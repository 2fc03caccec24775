#!/bin/sh
# Real-shaped catalogues at the Hub's size: times `uptake import catalogue` of N records in the
# shapes the Hugging Face Hub publishes (bench/gen_hub_catalogue.py) beside the sqlite3 shell
# loading the same JSON Lines: the rows (parsed by SQLite's JSON functions), an FTS5 trigram
# index over id, author, task and tags, and five indexes, in one transaction. Then every
# search keystroke the browser offers on the imported cache (bench/browser_bench, searches
# only) beside the sqlite3 shell answering the same first screen.
#
#   bench/hub_import_bench.sh [UPTAKE_BINARY]
#   MODELS=2000000 SEED=1 WORK=/tmp/uptake-hub-bench BUILD=build
#
# The records are generated once into WORK and made again when the scale, the seed or the
# generator changes. Needs python3, sqlite3 and GNU time.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
BUILD=${BUILD:-$here/../build}
UPTAKE=${1:-${UPTAKE:-$BUILD/app/uptake}}
MODELS=${MODELS:-2000000}
SEED=${SEED:-1}
WORK=${WORK:-/tmp/uptake-hub-bench}

[ -x "$UPTAKE" ] || { echo "hub_import_bench: no uptake binary at $UPTAKE" >&2; exit 2; }
command -v sqlite3 >/dev/null || { echo "hub_import_bench: sqlite3 is needed" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "hub_import_bench: GNU time is needed (apt-get install time)" >&2; exit 2; }

mkdir -p "$WORK"
inputs="$MODELS $SEED $(sha256sum "$here/gen_hub_catalogue.py" | cut -c1-16)"
data="$WORK/hub.jsonl"
if [ "$(cat "$WORK/inputs" 2>/dev/null)" != "$inputs" ] || [ ! -f "$data" ]; then
    echo "generating $MODELS real-shaped records into $data ..."
    rm -f "$WORK/inputs"
    python3 "$here/gen_hub_catalogue.py" --models "$MODELS" --seed "$SEED" --out "$data"
    echo "$inputs" > "$WORK/inputs"
fi
echo "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $(du -h "$data" | cut -f1) of JSON Lines, $MODELS records"
cat "$data" > /dev/null # the same page-cache state for both sides

run() {
    name=$1
    shift
    /usr/bin/time -f "%e %M" -o "$WORK/time.out" "$@" > "$WORK/$name.log" 2>&1 ||
        { echo "hub_import_bench: $name failed:" >&2; cat "$WORK/$name.log" >&2; exit 1; }
    secs=$(cut -d' ' -f1 "$WORK/time.out")
    rss=$(cut -d' ' -f2 "$WORK/time.out")
}
fresh() { rm -f "$1" "$1-wal" "$1-shm" "$1-journal"; }

# The baseline: each line one field (a unit separator never occurs in JSON text), then the
# contract's mapping in SQL.
us=$(printf '\037')
cat > "$WORK/baseline.sql" <<EOF
CREATE TABLE raw(j TEXT);
.mode ascii
.separator "$us" "\n"
.import $data raw
BEGIN;
CREATE TABLE models(id INTEGER PRIMARY KEY, model_id TEXT NOT NULL UNIQUE, author TEXT, name TEXT, task TEXT,
    framework TEXT, tags TEXT, updated_at TEXT, files INTEGER, downloads INTEGER, likes INTEGER,
    parameters INTEGER, gated TEXT);
INSERT INTO models(model_id, author, task, framework, tags, updated_at, files, downloads, likes, parameters, gated)
SELECT k, coalesce(j->>'author', CASE WHEN instr(k, '/') > 1 THEN substr(k, 1, instr(k, '/') - 1) END),
       j->>'pipeline_tag', j->>'library_name', (SELECT group_concat(value, ';') FROM json_each(j, '\$.tags')),
       j->>'lastModified', json_array_length(j, '\$.siblings'), j->>'downloads', j->>'likes',
       coalesce(j->>'\$.safetensors.total', j->>'numParameters'), j->>'gated'
FROM (SELECT j, coalesce(j->>'id', j->>'modelId') AS k FROM raw);
DROP TABLE raw;
CREATE VIRTUAL TABLE models_fts USING fts5(model_id, author, task, tags, content = 'models', content_rowid = 'id',
    tokenize = 'trigram');
INSERT INTO models_fts(rowid, model_id, author, task, tags) SELECT id, model_id, author, task, tags FROM models;
CREATE INDEX by_author ON models(author, id);
CREATE INDEX by_task ON models(task, id);
CREATE INDEX by_downloads ON models(downloads, id);
CREATE INDEX by_likes ON models(likes, id);
CREATE INDEX by_updated ON models(updated_at, id);
COMMIT;
EOF
fresh "$WORK/baseline.db"
run sqlite3 sqlite3 "$WORK/baseline.db" ".read $WORK/baseline.sql"
base_secs=$secs
base_rss=$rss
base_rows=$(sqlite3 "$WORK/baseline.db" "SELECT count(*) FROM models")

export QT_MESSAGE_PATTERN='%{time boot} %{message}'
export QT_LOGGING_RULES='uptake.bulkload.debug=true
uptake.import.debug=true'
fresh "$WORK/cache.sqlite"
run uptake "$UPTAKE" --cache "$WORK/cache.sqlite" import catalogue "$data"
up_secs=$secs
up_rss=$rss
up_rows=$(sqlite3 "$WORK/cache.sqlite" "SELECT count(*) FROM models")
unset QT_MESSAGE_PATTERN QT_LOGGING_RULES
[ "$up_rows" = "$base_rows" ] || { echo "hub_import_bench: uptake has $up_rows models, sqlite3 $base_rows" >&2; exit 1; }

ratio=$(awk -v a="$up_secs" -v b="$base_secs" 'BEGIN { printf "%.2f", a / b }')
printf '%-44s %8s s  peak RSS %4d MB\n' "sqlite3: rows + trigram(4 columns) + 5 indexes" "$base_secs" $((base_rss / 1024))
printf '%-44s %8s s  peak RSS %4d MB   %sx sqlite3 (target <= 1.0x, RSS <= 300 MB)\n' \
    "uptake import catalogue" "$up_secs" $((up_rss / 1024)) "$ratio"
echo "uptake phases (ms), from its debug log:"
grep -E "indexes built|trigram index built|short terms listed|committed" "$WORK/uptake.log" | sed 's/^ *[0-9.]* /  /'

# Every search the browser offers, on the real-shaped cache.
if [ -x "$BUILD/bench/browser_bench" ]; then
    echo "search keystrokes (target <= 30 ms each):"
    BROWSER_BENCH_ONLY=search "$BUILD/bench/browser_bench" "$WORK/cache.sqlite" "$(command -v sqlite3)" | grep -E "^search"
fi
