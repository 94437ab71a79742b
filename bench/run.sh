#!/usr/bin/env bash
# Runs every load scenario (idle, invite, signal, storm) against mockmate and against the Node
# reference peer (bench/peers/node-socketio), with the same generator (build/mockmate-load), and
# writes bench/results/latest.{json,md} and bench/results/latency.png.
#
#   bench/run.sh            full run (large N, longer windows)
#   QUICK=1 bench/run.sh    small N, short windows: under 3 minutes
#
# Each server runs pinned to CPU 0 (taskset -c 0), the generator on CPU 1. mockmate gets a
# fresh SQLite database in a temporary folder on a disk (BENCH_DB_DIR, default /var/tmp: the
# default configuration, every commit on disk; see docs/performance.md), --invitation-rate-limit 0,
# and users made by `mockmate admin create-users` (in /dev/shm, then copied: three commits per
# user would take minutes on a disk); the peer reads the same tokens file. With BENCH_TMPFS=1
# (the default when /dev/shm exists) mockmate's invite scenario runs once more with its database
# in /dev/shm, shown beside. SCENARIOS picks scenarios (default "idle invite signal storm"),
# INVITE_RATES and P99_LIMIT_MS (default 50) override the invite steps and what "held" means.
# Every server is started fresh for each scenario and stopped by its pid.
set -euo pipefail
cd "$(dirname "$0")/.."

QUICK=${QUICK:-0}
BUILD_DIR=${BUILD_DIR:-build}
MOCKMATE=$BUILD_DIR/mockmate
LOAD=$BUILD_DIR/mockmate-load
PEER_DIR=bench/peers/node-socketio
RESULTS=bench/results
mkdir -p "$RESULTS"

for bin in "$MOCKMATE" "$LOAD"; do
  [ -x "$bin" ] || { echo "bench: $bin is missing; run make build" >&2; exit 1; }
done
if [ ! -d "$PEER_DIR/node_modules" ]; then
  (cd "$PEER_DIR" && npm ci --no-audit --no-fund --loglevel=error)
fi
if ! command -v rsvg-convert >/dev/null; then
  echo "bench: installing librsvg2-bin for the chart" >&2
  sudo_cmd=""; [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get install -y -qq --no-install-recommends librsvg2-bin >/dev/null 2>&1 ||
    { $sudo_cmd apt-get update -qq && $sudo_cmd apt-get install -y -qq --no-install-recommends librsvg2-bin >/dev/null; } ||
    echo "bench: no rsvg-convert; the chart stays an SVG" >&2
fi

# Two CPUs: server on 0, generator on 1. On a one-CPU machine both share CPU 0.
if [ "$(nproc)" -ge 2 ]; then SERVER_CPU=0; LOAD_CPU=1; else SERVER_CPU=0; LOAD_CPU=0; fi

# Many connections: lift the descriptor limit to the hard limit (raising that needs
# CAP_SYS_RESOURCE); every process here, server or generator, holds one descriptor per client.
ulimit -n 1048576 2>/dev/null || ulimit -n "$(ulimit -Hn)"
FD_ROOM=$(( $(ulimit -n) - 100 ))

if [ "$QUICK" = 1 ]; then
  IDLE_N=3000;  IDLE_WINDOW=4; PING=1
  INVITE_PAIRS=400; INVITE_RATES=${INVITE_RATES:-100,300,1000,2000,4000}; STEP=2
  SIGNAL_PAIRS=50;  SIGNAL_RATES=1000,3000,10000,20000,40000
  STORM_N=3000; SOURCE_ADDRS=4; TIMEOUT=30
else
  IDLE_N=${IDLE_N:-$(( FD_ROOM < 20000 ? FD_ROOM : 20000 ))}; IDLE_WINDOW=20; PING=5
  INVITE_PAIRS=2000; INVITE_RATES=${INVITE_RATES:-100,300,1000,2000,3000,5000,7500,10000}; STEP=5
  SIGNAL_PAIRS=500;  SIGNAL_RATES=1000,3000,10000,20000,40000,60000,80000,100000
  STORM_N=${STORM_N:-$(( FD_ROOM < 20000 ? FD_ROOM : 20000 ))}; SOURCE_ADDRS=16; TIMEOUT=120
fi
USERS=$(( IDLE_N > STORM_N ? IDLE_N : STORM_N ))
if (( USERS < 2 * (INVITE_PAIRS + SIGNAL_PAIRS) )); then USERS=$(( 2 * (INVITE_PAIRS + SIGNAL_PAIRS) )); fi

SCENARIOS=${SCENARIOS:-idle invite signal storm}
P99_LIMIT_MS=${P99_LIMIT_MS:-50} # an invite step is held when p99 stays under it (a higher limit: see every step)
SHM=""; [ -d /dev/shm ] && [ -w /dev/shm ] && SHM=/dev/shm
BENCH_TMPFS=${BENCH_TMPFS:-$([ -n "$SHM" ] && echo 1 || echo 0)}
WORK=$(mktemp -d "${BENCH_DB_DIR:-/var/tmp}/mockmate-bench.XXXXXX")
SHM_WORK=""; [ -n "$SHM" ] && SHM_WORK=$(mktemp -d "$SHM/mockmate-bench.XXXXXX")
DB_FS=$(stat -f -c %T "$WORK")
SERVER_PID=""
stop_server() {
  if [ -n "$SERVER_PID" ]; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
  fi
}
cleanup() { stop_server; rm -rf "$WORK" ${SHM_WORK:+"$SHM_WORK"}; }
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "bench: creating $USERS users" >&2
DB="sqlite:$WORK/mockmate.db"
SEED_DIR=${SHM_WORK:-$WORK}
"$MOCKMATE" admin create-users --count "$USERS" --db "sqlite:$SEED_DIR/seed.db" --out "$WORK/tokens.txt"
[ ! -s "$SEED_DIR/seed.db-wal" ] || { echo "bench: the seed database kept a WAL" >&2; exit 1; }
cp "$SEED_DIR/seed.db" "$WORK/mockmate.db" # create-users checkpoints and removes its WAL on exit
[ -n "$SHM_WORK" ] && mv "$SEED_DIR/seed.db" "$SHM_WORK/mockmate.db"
SHM_DB="sqlite:$SHM_WORK/mockmate.db"

# Load-test settings for mockmate: no invitation rate limit, no per-connection message limit (the
# signal scenario sends hundreds a second per socket); the connection cap (default 10,000) above
# the client count when this build has the flag.
MOCKMATE_FLAGS=(--invitation-rate-limit 0 --message-rate-limit 0)
if "$MOCKMATE" help 2>/dev/null | grep -q -- --max-connections; then
  MOCKMATE_FLAGS+=(--max-connections $(( USERS + 1000 )))
fi

# start_server NAME: starts it on SERVER_CPU, sets SERVER_PID and SERVER_URL.
start_server() {
  local out="$WORK/$1.out"
  : >"$out"
  case "$1" in
    mockmate|mockmate-tmpfs)
      local db=$DB; [ "$1" = mockmate-tmpfs ] && db=$SHM_DB
      taskset -c "$SERVER_CPU" "$MOCKMATE" serve --listen 127.0.0.1:0 --db "$db" "${MOCKMATE_FLAGS[@]}" \
        --ping-interval "$PING" --ping-timeout 20 --log-level warn >"$out" 2>>"$WORK/mockmate.err" &
      ;;
    peer)
      taskset -c "$SERVER_CPU" node "$PEER_DIR/server.js" --tokens "$WORK/tokens.txt" --port 0 \
        --ping-interval "$PING" --ping-timeout 20 >"$out" 2>>"$WORK/peer.err" &
      ;;
  esac
  SERVER_PID=$!
  for _ in $(seq 1 100); do
    SERVER_URL=$(sed -n 's/^listening on \(http:[^ ]*\).*/\1/p' "$out" | head -1)
    [ -n "$SERVER_URL" ] && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.1
  done
  echo "bench: $1 did not start" >&2
  cat "$WORK/$1.err" >&2 2>/dev/null || true
  exit 1
}

# load NAME SCENARIO ARGS...: one generator run against a fresh server; appends its JSON line.
load() {
  local name=$1 scenario=$2; shift 2
  start_server "$name"
  sleep 0.5
  echo "bench: $scenario against $name ($SERVER_URL, pid $SERVER_PID)" >&2
  if ! timeout 600 taskset -c "$LOAD_CPU" "$LOAD" --scenario "$scenario" --url "$SERVER_URL" --tokens "$WORK/tokens.txt" \
      --server-pid "$SERVER_PID" --label "$name" --source-addresses "$SOURCE_ADDRS" --timeout-seconds "$TIMEOUT" "$@" \
      >>"$WORK/results.jsonl"; then
    echo "{\"scenario\":\"$scenario\",\"server\":\"$name\",\"failed\":true}" >>"$WORK/results.jsonl"
  fi
  stop_server
}

scenario() { # NAME SCENARIO: the generator's arguments for it
  case "$2" in
    idle) load "$1" idle --connections "$IDLE_N" --window-seconds "$IDLE_WINDOW" ;;
    invite) load "$1" invite --pairs "$INVITE_PAIRS" --rates "$INVITE_RATES" --step-seconds "$STEP" --p99-limit-ms "$P99_LIMIT_MS" ;;
    signal) load "$1" signal --user-offset $(( 2 * INVITE_PAIRS )) --pairs "$SIGNAL_PAIRS" --rates "$SIGNAL_RATES" --step-seconds "$STEP" ;;
    storm) load "$1" storm --connections "$STORM_N" ;;
  esac
}
for name in mockmate peer; do
  for sc in $SCENARIOS; do scenario "$name" "$sc"; done
done
if [ "$BENCH_TMPFS" = 1 ] && [ -n "$SHM_WORK" ] && [[ " $SCENARIOS " == *" invite "* ]]; then
  scenario mockmate-tmpfs invite
fi

node bench/report.mjs "$WORK/results.jsonl" "$RESULTS" "QUICK=$QUICK, mockmate's SQLite in $(dirname "$WORK") ($DB_FS)"
if command -v rsvg-convert >/dev/null; then
  rsvg-convert -o "$RESULTS/latency.png" "$RESULTS/latency.svg" && rm -f "$RESULTS/latency.svg"
fi
cat "$RESULTS/latest.md"
