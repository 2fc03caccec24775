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
if [ -f "$CACHE" ]; then
    echo "make_cache: $CACHE exists, reusing it"
    exit 0
fi
/usr/bin/time -f "make_cache: %e s, peak RSS %M KB" "$UPTAKE" --cache "$CACHE" demo --models "$MODELS" --events "$EVENTS" --seed 1
ls -l "$CACHE"
