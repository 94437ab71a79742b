#!/usr/bin/env bash
# One invite run against a fresh mockmate, for before/after comparisons of the storage path:
#
#   bench/cycle.sh BUILD_DIR DB_DIR RATES [STEP_SECONDS]
#   bench/cycle.sh build /var/tmp 200,400,800,1600 3     # SQLite on the disk
#   bench/cycle.sh build /dev/shm 200,400,800,1600 3     # the same on tmpfs
#
# 400 pairs; the server (BUILD_DIR/mockmate, its database copied into DB_DIR from a seed made
# once in /dev/shm) on CPU 0, BUILD_DIR/mockmate-load on CPU 1; every step is run (p99 limit
# 5 s). Prints per step: completed/sent, p50 and p99, server CPU per cycle; then the server's
# minor page faults per cycle and its group-commit gauges (calls, batches, commits).
set -euo pipefail
B=$1 DIR=$2 RATES=$3 STEP=${4:-3}
SEED=/dev/shm/mockmate-cycle-seed
if [ ! -f "$SEED/seed.db" ]; then
  mkdir -p "$SEED"
  "$B/mockmate" admin create-users --count 800 --db "sqlite:$SEED/seed.db" --out "$SEED/tokens.txt" 2>/dev/null
fi
W=$(mktemp -d "$DIR/mockmate-cycle.XXXXXX")
PID=""
trap '[ -n "$PID" ] && kill "$PID" 2>/dev/null; rm -rf "$W"' EXIT
cp "$SEED/seed.db" "$W/db.sqlite"
: >"$W/out"
taskset -c 0 "$B/mockmate" serve --listen 127.0.0.1:0 --db "sqlite:$W/db.sqlite" --invitation-rate-limit 0 \
  --message-rate-limit 0 --log-level warn >"$W/out" 2>"$W/err" &
PID=$!
URL=""
for _ in $(seq 50); do URL=$(sed -n 's/^listening on \(http:[^ ]*\).*/\1/p' "$W/out" || true); [ -n "$URL" ] && break; sleep 0.1; done
[ -n "$URL" ] || { cat "$W/err" >&2; exit 1; }
faults() { awk '{print $10}' "/proc/$PID/stat"; }
f0=$(faults)
taskset -c 1 "$B/mockmate-load" --scenario invite --url "$URL" --tokens "$SEED/tokens.txt" --server-pid "$PID" --pairs 400 \
  --rates "$RATES" --step-seconds "$STEP" --p99-limit-ms 5000 --timeout-seconds 30 >"$W/res.json"
f1=$(faults)
gauges=$(curl -s "$URL/metrics" | grep -E '^mockmate_db_(commits|batches|batched_calls) ' | tr '\n' ' ' || true)
kill "$PID"; wait "$PID" 2>/dev/null || true
PID=""
node -e '
const [file, faults, label, gauges] = process.argv.slice(1);
const r = JSON.parse(require("fs").readFileSync(file, "utf8"));
let done = 0;
for (const s of r.steps) {
  done += s.completed;
  console.log(`${label} ${s.rate}/s: ${s.completed}/${s.sent}, p50 ${s.latency.p50Ms.toFixed(2)} ms, p99 ${s.latency.p99Ms.toFixed(1)} ms, CPU ${(s.serverCpuSeconds * 1000 / s.completed).toFixed(3)} ms/cycle`);
}
console.log(`${label} minor faults per cycle: ${(Number(faults) / done).toFixed(1)}; ${gauges}`);
' "$W/res.json" $((f1 - f0)) "$B@$DIR" "$gauges"
