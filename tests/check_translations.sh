#!/bin/sh
# Fails when a translation is unfinished or obsolete, or when lupdate finds a string in
# the sources that a .ts file lacks. Runs lupdate on copies; the repository is untouched.
set -eu
SRC="$1"
LUPDATE="${2:-lupdate}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for ts in "$SRC"/i18n/*.ts; do
    name=$(basename "$ts")
    cp "$ts" "$work/$name"
    # English is the source language: its file holds only the plural forms.
    only=""
    [ "$name" = "uptake_en.ts" ] && only="-pluralonly"
    (cd "$SRC" && "$LUPDATE" -silent $only -locations none -no-obsolete ui models app -ts "$work/$name" >/dev/null)
    unfinished=$(grep -c 'type="unfinished"' "$work/$name" || true)
    obsolete=$(grep -c -E 'type="(obsolete|vanished)"' "$ts" || true)
    if [ "$unfinished" -ne 0 ] || [ "$obsolete" -ne 0 ]; then
        echo "$name: $unfinished unfinished or missing, $obsolete obsolete"
        grep -B3 'type="unfinished"' "$work/$name" | grep '<source>' | head -20
        status=1
    else
        echo "$name: complete ($(grep -c '<message' "$ts") messages)"
    fi
done
exit $status
