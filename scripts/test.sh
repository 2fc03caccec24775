#!/bin/sh
# Sets up, builds and runs the whole test suite (headless). With --sanitize, builds into
# build-asan/ with AddressSanitizer and UndefinedBehaviorSanitizer and fails on any report;
# with --release, into build-release/ as a distribution would (Release, -O3).
set -eu
cd "$(dirname "$0")/.."
scripts/setup-debian.sh
if [ "${1:-}" = "--sanitize" ]; then
    export BUILD_DIR=build-asan BUILD_TYPE=Debug
    scripts/build.sh -DUPTAKE_SANITIZE=ON
    export ASAN_OPTIONS="abort_on_error=1:detect_leaks=1:strict_string_checks=1"
    export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
    export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
elif [ "${1:-}" = "--release" ]; then
    export BUILD_DIR=build-release BUILD_TYPE=Release
    scripts/build.sh
else
    export BUILD_DIR=build
    scripts/build.sh
fi
export QT_QPA_PLATFORM=offscreen
ctest --test-dir "$BUILD_DIR" --output-on-failure --parallel "$(nproc)" --timeout 900
