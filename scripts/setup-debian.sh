#!/bin/sh
# Installs what Uptake needs to build, test and run on Debian 12 (as root, or through sudo).
set -eu
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "setup: run as root, or install sudo" >&2; exit 1; }
    SUDO="sudo"
fi
PACKAGES="build-essential cmake ninja-build pkg-config
  qt6-base-dev qt6-charts-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  libqt6opengl6-dev libgl-dev libqt6svg6 qt6-svg-dev qt6-qpa-plugins
  libsqlite3-dev sqlite3 libsimdjson-dev libssl-dev
  xvfb xauth desktop-file-utils appstream time
  clang libclang-rt-14-dev qt6-translations-l10n
  libpq-dev postgresql locales"
# Skip apt when everything is present already (fast re-runs, works offline).
missing=""
for p in $PACKAGES; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
    echo "setup: installing$missing"
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q
    # shellcheck disable=SC2086
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing
fi
# The locale test runs the command line under German, French and Turkish as well as C.
LOCALES="de_DE.UTF-8 fr_FR.UTF-8 tr_TR.UTF-8"
absent=""
for l in $LOCALES; do
    name=$(echo "$l" | sed 's/UTF-8/utf8/')
    locale -a 2>/dev/null | grep -qx "$name" || absent="$absent $l"
done
if [ -n "$absent" ]; then
    echo "setup: generating locales$absent"
    for l in $absent; do
        grep -q "^$l UTF-8" /etc/locale.gen 2>/dev/null \
            || echo "$l UTF-8" | $SUDO tee -a /etc/locale.gen >/dev/null
    done
    $SUDO locale-gen
fi
