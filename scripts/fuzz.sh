#!/usr/bin/env bash
# Builds the libFuzzer targets of server/fuzz with clang + ASan + UBSan in $FUZZ_BUILD_DIR
# (default build-fuzz) and runs each for SECONDS seconds (default 20), starting from the seed
# corpus in server/fuzz/corpus/<target>/ (copied: the committed seeds stay as they are).
# Any crash, leak, UBSan report or timeout fails the target; its reproducer is kept in
# $FUZZ_BUILD_DIR/fuzz-artifacts/<target>/. Ends with "N passed, N failed" over the targets.
#   scripts/fuzz.sh [target...]        FUZZ_TARGETS, SECONDS, JOBS also read from the environment
# FUZZ_PHASE=build only builds the targets (scripts/test.sh does that while other suites run);
# FUZZ_PHASE=run only runs them; the default does both.
set -uo pipefail
cd "$(dirname "$0")/.."
build=${FUZZ_BUILD_DIR:-build-fuzz}
seconds=${SECONDS_PER_TARGET:-${SECONDS_BUDGET:-20}}
jobs=${JOBS:-2}
all_targets="engine_packet engine_payload socketio_packet packet_decoder requests change_set match_path query websocket_frame"
targets=${*:-${FUZZ_TARGETS:-$all_targets}}

# UBSan's checks listed one by one: all of "undefined" but "function", whose prologue data
# clang 14 cannot emit for coroutines ("Cannot represent a difference across sections").
ubsan=alignment,bool,builtin,bounds,enum,float-cast-overflow,integer-divide-by-zero,nonnull-attribute,null
ubsan=$ubsan,object-size,pointer-overflow,return,returns-nonnull-attribute,shift,signed-integer-overflow
ubsan=$ubsan,unreachable,vla-bound,vptr
sanitize=address,$ubsan,fuzzer-no-link
if [ ! -f "$build/CMakeCache.txt" ] || ! grep -q "^MOCKMATE_SANITIZE:STRING=$sanitize\$" "$build/CMakeCache.txt"; then
  mkdir -p "$build"
  CC=clang-14 CXX=clang++-14 cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMOCKMATE_FUZZ=ON \
    -DMOCKMATE_SANITIZE="$sanitize" >"$build/configure.log" 2>&1 ||
    { cat "$build/configure.log"; echo "0 passed, 1 failed"; exit 1; }
fi
phase=${FUZZ_PHASE:-all}
build_targets=()
for t in $targets; do build_targets+=(--target "fuzz_$t"); done
if [ "$phase" != run ] && ! cmake --build "$build" -j"$jobs" "${build_targets[@]}" >"$build/fuzz-build.log" 2>&1; then
  tail -n 60 "$build/fuzz-build.log"
  echo "0 passed, 1 failed"
  exit 1
fi
[ "$phase" = build ] && exit 0

pass=0
fail=0
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
for t in $targets; do
  work="$build/fuzz-corpus/$t"
  artifacts="$build/fuzz-artifacts/$t/"
  log="$build/fuzz-$t.log"
  mkdir -p "$work" "$artifacts"
  [ -d "server/fuzz/corpus/$t" ] && cp -n server/fuzz/corpus/"$t"/* "$work"/ 2>/dev/null
  "$build/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -print_final_stats=1 -artifact_prefix="$artifacts" "$work" >"$log" 2>&1
  status=$?
  # libFuzzer exits 0 only when it ran out its time without any finding.
  if [ $status -eq 0 ] && ! grep -qE 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error:' "$log"; then
    pass=$((pass + 1))
    printf 'fuzz %-18s ok    %s runs\n' "$t" "$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | awk '{print $2}')"
  else
    fail=$((fail + 1))
    printf 'fuzz %-18s FAIL  (exit %d, log %s)\n' "$t" "$status" "$log"
    grep -E 'ERROR:|runtime error:|SUMMARY:|Test unit written|^ *#[0-9]+ ' "$log" | head -n 30
  fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
