#!/bin/sh
# The catalogue browser on the benchmark cache (2,000,000 models, 10,000,000 calls): first
# rows after open, each sort, jumps, each search keystroke and each filter, and the peak RSS
# after scrolling the whole table, each beside the sqlite3 shell answering the same question.
# Usage: bench/browser_bench.sh [CACHE]    (BUILD names the build directory, default build)
set -eu
cd "$(dirname "$0")/.."
BUILD="${BUILD:-build}"
CACHE="${1:-/tmp/uptake-bench.sqlite}"
UPTAKE="$BUILD/app/uptake" bench/make_cache.sh "$CACHE"
cmake --build "$BUILD" --target browser_bench > /dev/null
cat "$CACHE" > /dev/null # warm the page cache for both sides
echo "$(nproc) cores"
"$BUILD/bench/browser_bench" "$CACHE" "$(command -v sqlite3)"
