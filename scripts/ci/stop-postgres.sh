#!/usr/bin/env bash
# Stops the cluster scripts/ci/start-postgres.sh started and removes its folder.
set -uo pipefail
DIR="${PGTEST_DIR:-/tmp/parallax-pg}"
BIN="${PGTEST_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)}"
[ -d "$DIR/data" ] || exit 0
if [ "$(id -u)" = 0 ]; then
  runuser -u postgres -- "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null 2>&1
else
  "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null 2>&1
fi
rm -rf "$DIR"
