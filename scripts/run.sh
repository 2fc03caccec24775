#!/bin/sh
# Sets up, builds and opens Uptake. On an empty cache the window builds the demo registry.
set -eu
cd "$(dirname "$0")/.."
scripts/setup-debian.sh
scripts/build.sh
exec build/app/uptake "$@"
