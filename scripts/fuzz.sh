#!/bin/sh
# Builds the libFuzzer targets with clang (build-fuzz/) and runs each for FUZZ_SECONDS
# (default 60) from the repository's fixtures as seed corpus. Fails on any crash, leak,
# timeout or sanitizer report; prints the executions of each run.
set -eu
cd "$(dirname "$0")/.."
SECONDS_EACH="${FUZZ_SECONDS:-60}"
CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DUPTAKE_FUZZ=ON -DUPTAKE_WERROR=ON >/dev/null
cmake --build build-fuzz --parallel "$(nproc)" --target \
    fuzz_textrules fuzz_viewargs fuzz_csvreader fuzz_jsonrecords fuzz_import_catalogue fuzz_import_usage fuzz_synchttp fuzz_shortterms
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
IMPORT_SEEDS="docs/examples tests/data/import"
for target in textrules viewargs csvreader jsonrecords import_catalogue import_usage synchttp shortterms; do
    case $target in
        textrules) seeds="tests/fuzz/seeds/textrules" ;;
        viewargs) seeds="tests/fuzz/seeds/viewargs" ;;
        synchttp) seeds="tests/fuzz/seeds/synchttp" ;;
        shortterms) seeds="tests/fuzz/seeds/shortterms" ;;
        *) seeds="$IMPORT_SEEDS" ;;
    esac
    mkdir -p "$WORK/$target"
    # shellcheck disable=SC2086
    build-fuzz/tests/fuzz/fuzz_$target -max_total_time="$SECONDS_EACH" -timeout=20 -rss_limit_mb=2048 \
        -max_len=65536 -print_final_stats=1 -artifact_prefix="$WORK/$target-" \
        "$WORK/$target" $seeds > "$WORK/$target.log" 2>&1 || {
        echo "fuzz_$target FAILED:"; tail -60 "$WORK/$target.log"
        for a in "$WORK/$target"-*; do [ -f "$a" ] && { echo "reproducer: $a"; od -c "$a" | head -20; }; done
        exit 1
    }
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$WORK/$target.log" | grep -o '[0-9]*$' || echo "?")
    echo "fuzz_$target: $runs executions in ${SECONDS_EACH}s, no findings"
done
