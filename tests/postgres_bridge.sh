#!/bin/sh
# The warehouse bridge against a real PostgreSQL server:
#   postgres_bridge.sh UPTAKE_BINARY SOURCE_DIR
# Starts a throw-away cluster (Debian's postgresql binaries) in a temporary folder on a
# free local port, as an unprivileged user when run as root; loads the raw-calls fixture;
# runs docs/warehouse/postgres.sql there; imports the roll-up both ways (a CSV exported
# with psql \copy, and `import usage --from-postgres` straight from the server); and checks
# that every metric of every model equals what importing the raw calls gives, over all
# time and in a window. Exit 77 (skipped) when no server can be started.
set -eu

UPTAKE=$1
SRC=$2
FIXTURE="$SRC/tests/data/warehouse/raw_calls.csv"
TABLE="$SRC/tests/data/warehouse/raw_calls_postgres.sql"
QUERY="$SRC/docs/warehouse/postgres.sql"

skip() {
    echo "SKIP: $*"
    exit 77
}
fail() {
    echo "FAIL: $*" >&2
    exit 1
}

PGBIN=${PGBIN:-}
if [ -z "$PGBIN" ]; then
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -n -r); do
        [ -x "$d/initdb" ] && PGBIN=$d && break
    done
fi
[ -n "$PGBIN" ] && [ -x "$PGBIN/initdb" ] && [ -x "$PGBIN/pg_ctl" ] ||
    skip "no PostgreSQL server binaries in /usr/lib/postgresql/*/bin (install the postgresql package)"
PSQL="$PGBIN/psql"
[ -x "$PSQL" ] || PSQL=$(command -v psql) || skip "no psql"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/uptake-pgbridge.XXXXXX")
DATA="$WORK/pg/data"
mkdir -p "$WORK/pg"

# PostgreSQL refuses to run as root: there, run the server as nobody, owning its folder.
RUN=""
if [ "$(id -u)" -eq 0 ]; then
    chown nobody "$WORK/pg"
    chmod 755 "$WORK"
    if command -v runuser >/dev/null 2>&1; then
        RUN="runuser -u nobody --"
    elif command -v setpriv >/dev/null 2>&1; then
        RUN="setpriv --reuid=nobody --regid=nogroup --clear-groups --"
    else
        skip "running as root, and neither runuser nor setpriv is there to drop to an unprivileged user"
    fi
fi

cleanup() {
    if [ -f "$DATA/postmaster.pid" ]; then
        (cd / && $RUN "$PGBIN/pg_ctl" -D "$DATA" -m immediate -w stop >/dev/null 2>&1) || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

# cd /: the unprivileged user may not be allowed into the current folder.
(cd / && $RUN "$PGBIN/initdb" -D "$DATA" -U uptake --auth=trust -E UTF8 --locale=C >"$WORK/initdb.log" 2>&1) ||
    { cat "$WORK/initdb.log"; skip "initdb failed (see above)"; }

# A free port: try a few, pg_ctl fails quickly on one that is taken.
PORT=""
base=$((20000 + $$ % 20000))
for i in 0 1 2 3 4 5 6 7 8 9; do
    p=$((base + i * 97))
    if (cd / && $RUN "$PGBIN/pg_ctl" -D "$DATA" -l "$WORK/pg/server.log" -w -t 60 \
        -o "-p $p -c listen_addresses=127.0.0.1 -k $WORK/pg -c timezone=UTC -c fsync=off" start >/dev/null 2>&1); then
        PORT=$p
        break
    fi
done
[ -n "$PORT" ] || { cat "$WORK/pg/server.log" 2>/dev/null; skip "the PostgreSQL server would not start"; }
echo "postgres_bridge: PostgreSQL $("$PGBIN/postgres" --version | sed 's/^[^0-9]*\([0-9.]*\).*/\1/') on 127.0.0.1:$PORT"

# The password is ignored (trust) but must never show up in Uptake's output.
SECRET="NeverLogged-7f3a"
CONN="host=127.0.0.1 port=$PORT dbname=postgres user=uptake"
export PGTZ=UTC PGCLIENTENCODING=UTF8
psql() { "$PSQL" "$CONN" -X -q -v ON_ERROR_STOP=1 "$@"; }

psql -f "$TABLE"
psql -c "\\copy raw_calls FROM '$FIXTURE' WITH (FORMAT csv, HEADER)"
echo "postgres_bridge: $(psql -At -c 'SELECT count(*) FROM raw_calls') raw calls loaded"

# Route 1: the roll-up exported to CSV with psql \copy (which wants the query on one line).
ONE_LINE=$(sed -e 's/--.*$//' -e 's/;[[:space:]]*$//' "$QUERY" | tr '\n' ' ')
psql -c "\\copy ($ONE_LINE) TO '$WORK/rollup.csv' WITH (FORMAT csv, HEADER)"
echo "postgres_bridge: $(($(wc -l <"$WORK/rollup.csv") - 1)) roll-up rows exported"

"$UPTAKE" --cache "$WORK/raw.sqlite" import usage "$FIXTURE" 2>"$WORK/raw.err" || { cat "$WORK/raw.err"; fail "raw import"; }
"$UPTAKE" --cache "$WORK/csv.sqlite" import usage "$WORK/rollup.csv" 2>"$WORK/csv.err" ||
    { cat "$WORK/csv.err"; fail "roll-up CSV import"; }
grep -q "roll-up rows imported" "$WORK/csv.err" || { cat "$WORK/csv.err"; fail "the CSV was not read as a roll-up"; }

# Route 2: straight from the server, through a cursor.
"$UPTAKE" --cache "$WORK/pg.sqlite" import usage --from-postgres "$CONN password=$SECRET" --query "$QUERY" \
    2>"$WORK/pg.err" || { cat "$WORK/pg.err"; fail "--from-postgres import"; }
cat "$WORK/pg.err"
grep -q "roll-up rows imported" "$WORK/pg.err" || fail "--from-postgres imported no roll-up rows"
if grep -q "$SECRET" "$WORK/pg.err" "$WORK/pg.sqlite"; then fail "the password shows up"; fi
# The same query again is recognised by its content; a bad query names the server, not the password.
"$UPTAKE" --cache "$WORK/pg.sqlite" import usage --from-postgres "$CONN password=$SECRET" --query "$QUERY" \
    2>"$WORK/pg2.err" || { cat "$WORK/pg2.err"; fail "second --from-postgres import"; }
grep -q "skipped, this content was imported before" "$WORK/pg2.err" || { cat "$WORK/pg2.err"; fail "re-import not recognised"; }
echo "SELECT 1 AS day FROM no_such_table;" >"$WORK/bad.sql"
if "$UPTAKE" --cache "$WORK/pg.sqlite" import usage --from-postgres "$CONN password=$SECRET" --query "$WORK/bad.sql" \
    2>"$WORK/bad.err"; then fail "a failing query was not reported"; fi
grep -q "no_such_table" "$WORK/bad.err" || { cat "$WORK/bad.err"; fail "the query error was not shown"; }
if grep -q "$SECRET" "$WORK/bad.err"; then fail "the password shows up in an error"; fi

# Every metric of every model, with first and last call to the day.
project() { # CSV snapshot -> one sorted line per model with the compared columns
    awk -F, -v cols="model_id,calls,failed_calls,unique_callers,repeat_callers,repeat_rate,verified_calls,fees_paid,active_days,first_call_at,last_call_at,listed" '
        NR == 1 { n = split(cols, want, ","); for (i = 1; i <= NF; i++) { h = $i; sub(/\r$/, "", h); at[h] = i } next }
        { sub(/\r$/, ""); line = ""
          for (k = 1; k <= n; k++) { v = $(at[want[k]])
              if (want[k] ~ /_call_at$/) v = substr(v, 1, 10)
              line = line (k > 1 ? "," : "") v }
          print line }' "$1" | sort
}
compare() { # label, export options...
    label=$1
    shift
    for c in raw csv pg; do
        "$UPTAKE" --cache "$WORK/$c.sqlite" export "$WORK/$c.out.csv" --usage called "$@" 2>/dev/null || fail "export $c"
        project "$WORK/$c.out.csv" >"$WORK/$c.proj"
    done
    models=$(wc -l <"$WORK/raw.proj")
    [ "$models" -ge 5 ] || fail "$label: only $models models called"
    diff -u "$WORK/raw.proj" "$WORK/csv.proj" || fail "$label: the \\copy roll-up differs from the raw calls"
    diff -u "$WORK/raw.proj" "$WORK/pg.proj" || fail "$label: the --from-postgres roll-up differs from the raw calls"
    # Where only the day is known, the snapshot says the date alone.
    awk -F, 'NR > 1 && length($12) != 10 { bad = 1 } END { exit bad }' "$WORK/pg.out.csv" ||
        fail "$label: first_call_at of a roll-up is not a date alone"
    echo "postgres_bridge: $label: $models models, every metric equal"
}
compare "all time"
compare "window 2026-02-27..2026-03-05" --since 2026-02-27 --until 2026-03-05
echo "postgres_bridge: PASS"
