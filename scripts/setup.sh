#!/usr/bin/env bash
# Installs what the build and the tests need and is missing: Debian packages with apt-get,
# npm packages with `npm ci` from the committed lock files. Safe to run again: it only
# installs what is not there yet.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake pkg-config git ca-certificates openssl
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libsqlite3-dev libsodium-dev libssl-dev libspdlog-dev libpq-dev libhiredis-dev
  libgtest-dev libbenchmark-dev
  postgresql redis-server coturn chromium
  python3-icalendar # the calendar cross-check's independent parser
  bubblewrap python3 g++ util-linux # code runs (docs/sandbox.md): the sandbox and its runtimes
  python3-socketio python3-websocket  # tests/interop/python.test.js: python-socketio, websocket-client
)
# The question bank's reference solutions (tests/questions) run with Debian's python3.
packages+=(python3)
[ "${MOCKMATE_SETUP_FUZZ:-1}" = 1 ] && packages+=(clang libclang-rt-14-dev)

missing=()
# Node.js may come from elsewhere than Debian (this machine image has Node 20 and npm 11).
command -v node >/dev/null && command -v npm >/dev/null || missing+=(nodejs npm)
# JavaScript runs need a Node.js inside /usr: the sandbox binds /usr and nothing else of the host
# (docs/sandbox.md, "Runtimes"). A node elsewhere (nvm, /opt) stays the tools' node; Debian's
# nodejs then gives the sandbox /usr/bin/node.
node_real=$(readlink -f "$(command -v node 2>/dev/null)" 2>/dev/null || true)
if [ -n "$node_real" ] && [ "${node_real#/usr/}" = "$node_real" ] && [ ! -x /usr/bin/node ]; then
  missing+=(nodejs)
fi
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=""; [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ -n "$node_real" ] && [ "$(readlink -f "$(command -v node)")" != "$node_real" ]; then
  echo "setup: warning: 'node' is now $(command -v node), not $node_real: put $(dirname "$node_real") first in PATH" >&2
fi

# npm packages: each folder with a lock file, only when its node_modules is older than the lock.
for dir in web tests bench/peers/node-socketio; do
  [ -f "$dir/package-lock.json" ] || continue
  if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    echo "setup: npm ci in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
done
