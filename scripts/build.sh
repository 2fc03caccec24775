#!/bin/sh
# Configures and builds into build/ (or the folder in $BUILD_DIR). Extra args go to cmake.
set -eu
cd "$(dirname "$0")/.."
BUILD_DIR="${BUILD_DIR:-build}"
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-RelWithDebInfo}" -DUPTAKE_WERROR=ON "$@"
cmake --build "$BUILD_DIR" --parallel "$(nproc)"
