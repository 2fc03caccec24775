#!/bin/sh
# Builds the .deb with CPack, installs it with apt-get on this machine, and runs the
# installed program headless in a scratch folder: what a user of the package gets.
set -eu
cd "$(dirname "$0")/.."
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
BUILD_DIR="${BUILD_DIR:-build}"
rm -f "$BUILD_DIR"/uptake_*.deb
cmake --build "$BUILD_DIR" --target package
deb=$(ls "$BUILD_DIR"/uptake_*.deb)
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --reinstall "./$deb"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cd "$scratch"
/usr/bin/uptake --version
env -u DISPLAY /usr/bin/uptake --cache c.sqlite demo --models 1000 --events 10000
env -u DISPLAY /usr/bin/uptake --cache c.sqlite stats
test -f /usr/share/applications/io.github.uptake.Uptake.desktop
test -f /usr/share/icons/hicolor/scalable/apps/io.github.uptake.Uptake.svg
echo "package-smoke: $deb installs and runs"
