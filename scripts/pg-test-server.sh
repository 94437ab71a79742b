#!/usr/bin/env bash
# A private, throw-away PostgreSQL for tests.
#
#   scripts/pg-test-server.sh start   # starts one (or finds the running one) and prints its URL
#   scripts/pg-test-server.sh url     # prints the URL of the running one; exit 1 if none
#   scripts/pg-test-server.sh stop    # stops it and removes its files
#   scripts/pg-test-server.sh status  # "running <url>" or "stopped"
#   scripts/pg-test-server.sh wrap BUILD_DIR
#       # prints a folder holding a `mockmate` that runs BUILD_DIR/mockmate on this PostgreSQL: each
#       # `--db sqlite:PATH` becomes a schema of its own, named after PATH (so a restart on the
#       # same PATH finds its data). Runs the black-box tests on PostgreSQL unchanged:
#       #   MOCKMATE_BUILD_DIR=$(scripts/pg-test-server.sh wrap build) node --test tests/integration/
#
#   export MOCKMATE_TEST_PG_URL=$(scripts/pg-test-server.sh start)   # the store suite on PostgreSQL
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
  # Stopped from outside (a test playing an outage): start the same cluster again.
  if [ -f "$STATE" ] && port=$(cat "$STATE") && [ -f "/tmp/mockmate-pg-$port/data/PG_VERSION" ]; then
    as_owner "$(find_bin pg_ctl)" -D "/tmp/mockmate-pg-$port/data" -l "/tmp/mockmate-pg-$port/server.log" -w -t 30 start \
      >/dev/null && { url_of "$port"; return; }
  fi
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
  # In the cluster's own configuration, so a plain `pg_ctl -D $dir/data start` (say after a test
  # stopped it to play a database outage) comes back the same.
  as_owner tee -a "$dir/data/postgresql.conf" >/dev/null <<CONF
port = $port
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir/sock'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 300
shared_buffers = 32MB
CONF
  as_owner "$(find_bin pg_ctl)" -D "$dir/data" -l "$dir/server.log" -w -t 30 start >/dev/null ||
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

wrap() {
  local build=${1:?usage: $0 wrap BUILD_DIR}
  local real url port
  real=$(cd "$build" && pwd)/mockmate
  [ -x "$real" ] || { echo "pg-test-server: no $real" >&2; exit 1; }
  url=$(start)
  port=$(cat "$STATE")
  local bin=/tmp/mockmate-pg-$port/bin
  mkdir -p "$bin"
  cat >"$bin/mockmate" <<WRAPPER
#!/usr/bin/env bash
# Written by scripts/pg-test-server.sh wrap: $real on $url.
args=()
while [ \$# -gt 0 ]; do
  if [ "\$1" = --db ] && [[ "\${2:-}" == sqlite:* ]]; then
    schema=it_\$(printf '%s' "\${2#sqlite:}" | md5sum | cut -c1-20)
    PGOPTIONS='-c client_min_messages=warning' psql -qX '$url' -c "CREATE SCHEMA IF NOT EXISTS \$schema" >/dev/null || exit 1
    args+=(--db "$url?options=-csearch_path%3D\$schema")
    shift 2
    continue
  fi
  args+=("\$1")
  shift
done
exec '$real' "\${args[@]}"
WRAPPER
  chmod 755 "$bin/mockmate"
  echo "$bin"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  url) port=$(running_port) || { echo "pg-test-server: not running (run: $0 start)" >&2; exit 1; }; url_of "$port" ;;
  wrap) wrap "${2:-}" ;;
  status) if port=$(running_port); then echo "running $(url_of "$port")"; else echo stopped; fi ;;
  *) echo "usage: $0 start|stop|url|status|wrap BUILD_DIR" >&2; exit 2 ;;
esac
