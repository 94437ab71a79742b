#!/usr/bin/env bash
# A private, throw-away Redis for tests (multi-node: --redis).
#
#   scripts/redis-test-server.sh start   # starts one (or finds the running one) and prints its URL
#   scripts/redis-test-server.sh url     # prints the URL of the running one; exit 1 if none
#   scripts/redis-test-server.sh stop    # stops it and removes its files
#   scripts/redis-test-server.sh status  # "running <url>" or "stopped"
#
#   export MOCKMATE_TEST_REDIS_URL=$(scripts/redis-test-server.sh start)
#
# It listens on 127.0.0.1 only, on a free port (or $MOCKMATE_REDIS_PORT: the tests restart it on
# the same port), without persistence (no RDB, no AOF): its data lives in memory only; its folder
# /tmp/mockmate-redis-<port>/ holds the pid file and the log. The running instance is remembered
# in ${MOCKMATE_REDIS_STATE:-/tmp/mockmate-redis.state}, so `start` is idempotent and `stop` needs
# no arguments; give each concurrent user its own state file.
set -euo pipefail

STATE=${MOCKMATE_REDIS_STATE:-/tmp/mockmate-redis.state}
BIN=${REDIS_SERVER:-$(command -v redis-server || true)}
[ -n "$BIN" ] || { echo "redis-test-server: redis-server not found (apt-get install redis-server)" >&2; exit 1; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
url_of() { echo "redis://127.0.0.1:$1"; }

alive() { # port
  local dir=/tmp/mockmate-redis-$1
  [ -f "$dir/redis.pid" ] && kill -0 "$(cat "$dir/redis.pid")" 2>/dev/null
}

running_port() {
  [ -f "$STATE" ] || return 1
  local port
  port=$(cat "$STATE")
  [ -n "$port" ] && alive "$port" || return 1
  echo "$port"
}

pick_port() {
  if [ -n "${MOCKMATE_REDIS_PORT:-}" ]; then echo "$MOCKMATE_REDIS_PORT"; return; fi
  local port tries=0
  while [ $tries -lt 200 ]; do
    port=$((20000 + RANDOM % 20000))
    if ! port_in_use "$port" && [ ! -e "/tmp/mockmate-redis-$port" ]; then echo "$port"; return; fi
    tries=$((tries + 1))
  done
  echo "redis-test-server: no free port found" >&2
  exit 1
}

start() {
  local port
  if port=$(running_port); then url_of "$port"; return; fi
  port=$(pick_port)
  local dir=/tmp/mockmate-redis-$port
  mkdir -p "$dir"
  "$BIN" --bind 127.0.0.1 --port "$port" --dir "$dir" --save '' --appendonly no \
    --daemonize yes --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" >/dev/null
  local i
  for i in $(seq 1 100); do
    if port_in_use "$port" && alive "$port"; then
      echo "$port" >"$STATE"
      url_of "$port"
      return
    fi
    sleep 0.05
  done
  echo "redis-test-server: redis-server did not start on port $port" >&2
  cat "$dir/redis.log" >&2 || true
  exit 1
}

stop() {
  local port
  if [ -f "$STATE" ]; then port=$(cat "$STATE"); else port=${MOCKMATE_REDIS_PORT:-}; fi
  [ -n "$port" ] || return 0
  local dir=/tmp/mockmate-redis-$port
  if alive "$port"; then
    local pid i
    pid=$(cat "$dir/redis.pid")
    kill "$pid" 2>/dev/null || true
    for i in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -rf "$dir"
  rm -f "$STATE"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  url) port=$(running_port) || { echo "redis-test-server: not running (run: $0 start)" >&2; exit 1; }; url_of "$port" ;;
  status) if port=$(running_port); then echo "running $(url_of "$port")"; else echo stopped; fi ;;
  *) echo "usage: $0 start|stop|url|status" >&2; exit 2 ;;
esac
