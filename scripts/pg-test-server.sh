#!/usr/bin/env bash
# A private, throw-away PostgreSQL for tests.
#
#   scripts/pg-test-server.sh start   # starts one (or finds the running one) and prints its URL
#   scripts/pg-test-server.sh url     # prints the URL of the running one; exit 1 if none
#   scripts/pg-test-server.sh stop    # stops it and removes its files
#   scripts/pg-test-server.sh status  # "running <url>" or "stopped"
#
#   export MOCKMATE_TEST_PG_URL=$(scripts/pg-test-server.sh start)
#
# Everything lives in /tmp/mockmate-pg-<port>/ (data/, the unix socket, server.log); the port is a
# free one on 127.0.0.1 (or $MOCKMATE_PG_PORT). Trust authentication on localhost, fsync off:
# fast, and never for real data. The superuser and the database are both `mockmate`, so the URL
# is postgresql://mockmate@127.0.0.1:<port>/mockmate. PostgreSQL refuses to run as root, so as root
# the server runs as the unprivileged system user `mockmate-test` (created when missing).
# The running instance is remembered in ${MOCKMATE_PG_STATE:-/tmp/mockmate-pg.state}, so `start`
# is idempotent and `stop` needs no arguments.
set -euo pipefail

STATE=${MOCKMATE_PG_STATE:-/tmp/mockmate-pg.state}
RUN_USER=mockmate-test

find_bin() {
  local name=$1
  for dir in "${PG_BIN:-}" /usr/lib/postgresql/*/bin; do
    if [ -n "$dir" ] && [ -x "$dir/$name" ]; then echo "$dir/$name"; return; fi
  done
  command -v "$name" || { echo "pg-test-server: $name not found (install postgresql)" >&2; exit 1; }
}

# Runs a command as the user that owns the cluster.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    (cd / && runuser -u "$RUN_USER" -- "$@")
  else
    (cd / && "$@")
  fi
}

ensure_user() {
  [ "$(id -u)" -eq 0 ] || return 0
  id -u "$RUN_USER" >/dev/null 2>&1 && return 0
  useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$RUN_USER" 2>/dev/null ||
    id -u "$RUN_USER" >/dev/null 2>&1 # another run created it meanwhile
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

url_of() { echo "postgresql://mockmate@127.0.0.1:$1/mockmate"; }

running_port() {
  [ -f "$STATE" ] || return 1
  local port
  port=$(cat "$STATE")
  [ -n "$port" ] && [ -d "/tmp/mockmate-pg-$port/data" ] || return 1
  as_owner "$(find_bin pg_ctl)" -D "/tmp/mockmate-pg-$port/data" status >/dev/null 2>&1 || return 1
  echo "$port"
}

pick_port() {
  if [ -n "${MOCKMATE_PG_PORT:-}" ]; then echo "$MOCKMATE_PG_PORT"; return; fi
  local port tries=0
  while [ $tries -lt 200 ]; do
    port=$((20000 + RANDOM % 20000))
    if ! port_in_use "$port" && [ ! -e "/tmp/mockmate-pg-$port" ]; then echo "$port"; return; fi
    tries=$((tries + 1))
  done
  echo "pg-test-server: no free port found" >&2
  exit 1
}

start() {
  local port
  if port=$(running_port); then url_of "$port"; return; fi
  ensure_user
  port=$(pick_port)
  local dir=/tmp/mockmate-pg-$port
  if [ -d "$dir/data" ] && as_owner "$(find_bin pg_ctl)" -D "$dir/data" status >/dev/null 2>&1; then
    echo "$port" >"$STATE"
    url_of "$port"
    return
  fi
  rm -rf "$dir"
  mkdir -p "$dir/sock"
  [ "$(id -u)" -eq 0 ] && chown -R "$RUN_USER" "$dir"
  chmod 700 "$dir"
  as_owner "$(find_bin initdb)" -D "$dir/data" -U mockmate --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync \
    >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
  as_owner "$(find_bin pg_ctl)" -D "$dir/data" -l "$dir/server.log" -w -t 30 start -o \
    "-p $port -k $dir/sock -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off \
     -c full_page_writes=off -c max_connections=300 -c shared_buffers=32MB" >/dev/null ||
    { cat "$dir/server.log" >&2; exit 1; }
  as_owner "$(find_bin psql)" -h 127.0.0.1 -p "$port" -U mockmate -d postgres -qAtc 'CREATE DATABASE mockmate' >/dev/null
  echo "$port" >"$STATE"
  url_of "$port"
}

stop() {
  local port
  if [ -f "$STATE" ]; then port=$(cat "$STATE"); else port=${MOCKMATE_PG_PORT:-}; fi
  [ -n "$port" ] || return 0
  local dir=/tmp/mockmate-pg-$port
  if [ -d "$dir/data" ]; then
    as_owner "$(find_bin pg_ctl)" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
  rm -f "$STATE"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  url) port=$(running_port) || { echo "pg-test-server: not running (run: $0 start)" >&2; exit 1; }; url_of "$port" ;;
  status) if port=$(running_port); then echo "running $(url_of "$port")"; else echo stopped; fi ;;
  *) echo "usage: $0 start|stop|url|status" >&2; exit 2 ;;
esac
