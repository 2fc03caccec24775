#!/bin/sh
# Dashboard refresh after a filter change on the benchmark cache (2,000,000 models, 10,000,000
# calls): Uptake's dashboard computation (bench/dashboard_bench.cpp, linked against the built
# models library) beside the sqlite3 shell running the same figures as plain aggregate SQL.
# Prints both times and the ratio. Usage: bench/dashboard_bench.sh [CACHE]
# BUILD names the build directory (default build); SQL_ROUNDS=0 skips the slow sqlite3 runs.
set -eu
cd "$(dirname "$0")/.."
BUILD="${BUILD:-build}"
CACHE="${1:-/tmp/uptake-bench.sqlite}"
OUT="${TMPDIR:-/tmp}/uptake-dashboard-bench"
SQL_ROUNDS="${SQL_ROUNDS:-1}"
mkdir -p "$OUT"
UPTAKE="$BUILD/app/uptake" bench/make_cache.sh "$CACHE"

# Built with the project (bench/CMakeLists.txt), so it links what the library needs.
cmake --build "$BUILD" --target dashboard_bench > /dev/null

cat "$CACHE" > /dev/null # warm the page cache for both sides
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"

echo "== uptake, as the window's worker: snapshot once, then each filter change"
"$BUILD/bench/dashboard_bench" "$CACHE" | tee "$OUT/uptake.txt"

# The same figures as aggregate SQL: the model-side charts grouped in one statement, the top
# models by the calls index, the caller-side charts from a per-caller-and-week roll-up.
models_sql() { # WHERE clause over models
    echo "SELECT task, listed, calls, verified_calls > 0, fees_nano > 0, repeat_callers > 0,
            CASE WHEN listed AND created_at IS NOT NULL THEN (created_at / 86400 + 3) / 7 END,
            count(*), sum(repeat_callers) FROM models $1 GROUP BY 1, 2, 3, 4, 5, 6, 7;
          SELECT model_id, listed, calls, unique_callers, repeat_callers FROM models $1
            $( [ -n "$1" ] && echo AND || echo WHERE ) calls > 0 ORDER BY calls DESC, id DESC LIMIT 15;"
}
usage_sql() { # extra condition on usage_daily
    echo "PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536;
          CREATE TEMP TABLE cw AS SELECT caller, (day + 3) / 7 AS wk, sum(c) AS calls, count(*) AS days,
            max(v) AS v, max(p) AS p FROM (SELECT caller, day, sum(calls) AS c, max(tee_calls + zkml_calls > 0) AS v,
            max(fees_nano > 0) AS p FROM usage_daily WHERE 1 $1 GROUP BY caller, day) GROUP BY 1, 2;
          SELECT count(*), sum(v), sum(v AND p), sum(v AND p AND d >= 2)
            FROM (SELECT max(v) AS v, max(p) AS p, sum(days) AS d FROM cw GROUP BY caller);
          WITH f AS (SELECT caller, min(wk) AS fw FROM cw GROUP BY caller)
            SELECT cw.wk, sum(cw.calls), count(*), sum(cw.wk > f.fw) FROM cw JOIN f USING (caller) GROUP BY cw.wk;"
}
sqlrun() { # label, sql
    /usr/bin/time -f "%e" -o "$OUT/sql.time" sqlite3 "$CACHE" "$2" > /dev/null
    secs=$(cat "$OUT/sql.time")
    ms=$(awk -v s="$secs" 'BEGIN { printf "%d", s * 1000 }')
    u=$(grep "^$1 *round 2" "$OUT/uptake.txt" | sed 's/.*: *\([0-9]*\) ms.*/\1/')
    echo "$1: sqlite3 $ms ms, uptake $u ms; ratio uptake/sqlite3 = $(awk -v u="$u" -v s="$ms" 'BEGIN { printf "%.3f", u / s }')"
}
r=0
while [ "$r" -lt "$SQL_ROUNDS" ]; do
    echo "== sqlite3 shell, the same figures as aggregate SQL (round $((r + 1)))"
    sqlrun "all models" "$(models_sql "") $(usage_sql "")"
    sqlrun "--task text-generation" "$(models_sql "WHERE task = 'text-generation'")
        $(usage_sql "AND model IN (SELECT id FROM models WHERE task = 'text-generation')")"
    r=$((r + 1))
done
