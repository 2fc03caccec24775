#!/bin/sh
# Builds the large benchmark cache once: 2,000,000 models and 10,000,000 calls (override
# with MODELS / EVENTS), through `uptake demo`, i.e. the same write path as real imports.
# Usage: bench/make_cache.sh [CACHE] ; prints the time it took.
set -eu
cd "$(dirname "$0")/.."
UPTAKE="${UPTAKE:-build/app/uptake}"
CACHE="${1:-/tmp/uptake-bench.sqlite}"
MODELS="${MODELS:-2000000}"
EVENTS="${EVENTS:-10000000}"
# What the cache is made of: its scale, the demo generator and the schema. A cache made from
# other inputs is rebuilt, never reused silently.
inputs="$MODELS $EVENTS seed1 $(cat models/ingest/demo.cpp models/ingest/demo.h models/db/cache.cpp models/db/cache.h \
    models/ingest/ingest.cpp models/ingest/figurewriter.cpp | sha256sum | cut -c1-16)"
if [ -f "$CACHE" ]; then
    if [ "$(cat "$CACHE.inputs" 2>/dev/null)" = "$inputs" ]; then
        echo "make_cache: $CACHE was made from the same inputs ($inputs), reusing it"
        exit 0
    fi
    echo "make_cache: $CACHE was made from other inputs ($(cat "$CACHE.inputs" 2>/dev/null || echo unknown));" \
         "now $inputs: rebuilding it"
    rm -f "$CACHE" "$CACHE-wal" "$CACHE-shm" "$CACHE-dashboard" "$CACHE.inputs"
fi
/usr/bin/time -f "make_cache: %e s, peak RSS %M KB" "$UPTAKE" --cache "$CACHE" demo --models "$MODELS" --events "$EVENTS" --seed 1
ls -l "$CACHE"
echo "$inputs" > "$CACHE.inputs"
