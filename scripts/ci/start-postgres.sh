#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for the tests: initdb in a temp folder owned by the `postgres` user (the
# server refuses to run as root), trust auth, listening on 127.0.0.1 only. Prints the test server's URL on stdout;
# the cluster's folder is in $PGTEST_DIR (default /tmp/parallax-pg) and scripts/ci/stop-postgres.sh stops it.
# Idempotent: a cluster already running in that folder is reused (on the port it was started on). The port is
# PGTEST_PORT, default 54329, or the next free one when another server holds it.
set -euo pipefail
DIR="${PGTEST_DIR:-/tmp/parallax-pg}"
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
BIN="${PGTEST_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)}"
if [ -z "$BIN" ] || [ ! -x "$BIN/pg_ctl" ]; then
  echo "start-postgres: no PostgreSQL server found (apt-get install postgresql)" >&2
  exit 1
fi
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
if [ "$(id -u)" = 0 ]; then
  mkdir -p "$DIR"
  chown postgres:postgres "$DIR"
  chmod 700 "$DIR"
else
  mkdir -p "$DIR"
fi
if [ ! -f "$DIR/data/PG_VERSION" ]; then
  as_pg "$BIN/initdb" -D "$DIR/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 \
    || { cat "$DIR/initdb.log" >&2; exit 1; }
fi
if as_pg "$BIN/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1; then
  PORT="$(cat "$DIR/port")"
else
  PORT="${PGTEST_PORT:-54329}"
  while port_busy "$PORT"; do PORT=$((PORT + 1)); done
  echo "$PORT" >"$DIR/port"
  as_pg "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
    -o "-h 127.0.0.1 -p $PORT -k $DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null
fi
echo "postgresql://postgres@127.0.0.1:$PORT/postgres"
