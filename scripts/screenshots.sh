#!/bin/sh
# Draws every view offscreen into PNGs to look at: en, de and zh_CN, at 1280x800 and 1920x1080.
#   scripts/screenshots.sh [OUTDIR]   (default: build/screenshots)
# Builds the demo registry once into OUTDIR/demo.sqlite (remade when the program is newer).
set -eu
cd "$(dirname "$0")/.."
BUILD_DIR="${BUILD_DIR:-build}"
OUT="${1:-$BUILD_DIR/screenshots}"
cmake --build "$BUILD_DIR" --target uptake uptake_shots >/dev/null
mkdir -p "$OUT"
if [ ! -f "$OUT/demo.sqlite" ] || [ "$BUILD_DIR/app/uptake" -nt "$OUT/demo.sqlite" ]; then
    rm -f "$OUT/demo.sqlite"*
    env -u DISPLAY "$BUILD_DIR/app/uptake" --cache "$OUT/demo.sqlite" demo
fi
for lang in en de zh_CN; do
    for size in 1280x800 1920x1080; do
        UPTAKE_LANGUAGE="$lang" UPTAKE_QM_DIR="$BUILD_DIR/app" QT_QPA_PLATFORM=offscreen \
            "$BUILD_DIR/tests/uptake_shots" "$OUT/demo.sqlite" "$OUT" "$size"
    done
done
