#!/usr/bin/env bash
# Runs the test suites against the build in $BUILD_DIR (default build/) and ends with one line
# "N passed, N failed" over all of them (docs/testing.md).
#
#   scripts/test.sh                         every suite
#   SUITES="unit integration" scripts/test.sh   some (make check runs these two)
#   TEST_PARALLEL=0 scripts/test.sh         one suite after the other, nothing in the background
#
# Each suite's full output is kept in $BUILD_DIR/test-logs/<suite>.log; the summary gives each
# suite's counts and duration, and a failing suite's last lines. A suite that cannot run here (no
# binary, no Chromium, no PostgreSQL, no clang) is reported as skipped, as are tests skipped
# inside a suite; with CI=true (what CI systems set) every skip counts as a failure, so CI never
# goes green on tests it did not run.
#
# Independent slow suites overlap (TEST_PARALLEL=1, the default), in three lanes: the ASan and
# fuzz builds at the lowest priority, in their own trees ($BUILD_DIR-asan, $BUILD_DIR-fuzz); the
# black-box suites, then the ASan suites once their build is done; multinode and e2e, then the
# fuzzers. Every server binds port 0 on its own temporary database, each cluster has its own
# Redis, the PostgreSQL store suite works in schemas of its own.
set -uo pipefail
cd "$(dirname "$0")/.."
build=${BUILD_DIR:-${MOCKMATE_BUILD_DIR:-build}}
export MOCKMATE_BUILD_DIR=$build
asan_dir=${ASAN_BUILD_DIR:-$build-asan}
export FUZZ_BUILD_DIR=${FUZZ_BUILD_DIR:-$build-fuzz}
logs="$build/test-logs"
results="$logs/results"
mkdir -p "$logs"
rm -rf "$results" && mkdir -p "$results"
ci=0
case "${CI:-}" in true | 1 | yes) ci=1 ;; esac
parallel=${TEST_PARALLEL:-1}

now() { date +%s; }

# record NAME PASS FAIL SKIP STATUS START [NOTE]: one suite's result, for the summary.
record() {
  local name=$1 pass=$2 fail=$3 skip=$4 status=$5 start=$6 note=${7:-}
  local broken=0
  if [ "$status" -ne 0 ] && [ "$fail" -eq 0 ]; then
    fail=1 # the runner failed without counting a failure (crash, build error, timeout): count one
    broken=1
  fi
  echo "$pass $fail $skip $(($(now) - start)) $broken" >"$results/$name"
  [ -n "$note" ] && echo "$note" >>"$results/$name"
  return 0
}

# skipped NAME REASON: the suite could not run at all.
skipped() {
  echo "0 0 1 0 0 skipped" >"$results/$1"
  echo "$2" >>"$results/$1"
}

# ctest_suite NAME DIR [CTEST ARGS]: GoogleTest (and the layer check) through CTest. Skipped
# tests are listed as "(Skipped)".
ctest_suite() {
  local name=$1 dir=$2 start
  shift 2
  start=$(now)
  local log="$logs/$name.log"
  ctest --test-dir "$dir" --output-on-failure -j2 --timeout 300 "$@" >"$log" 2>&1
  local status=$? line pass=0 fail=0 skip all
  line=$(grep -E 'tests passed, [0-9]+ tests? failed out of [0-9]+' "$log" | tail -1)
  skip=$(grep -cE '^[[:space:]]*[0-9]+ - .* \((Skipped|Disabled)\)$' "$log")
  if [ -n "$line" ]; then
    fail=$(sed -E 's/.* ([0-9]+) tests? failed out of ([0-9]+).*/\1/' <<<"$line")
    all=$(sed -E 's/.* failed out of ([0-9]+).*/\1/' <<<"$line")
    pass=$((all - fail - skip))
  elif grep -q 'No tests were found' "$log"; then
    status=1
  fi
  record "$name" "$pass" "$fail" "$skip" "$status" "$start"
}

# The counts of Node's test runner (TAP): "# pass N", "# fail N", "# cancelled N" and "# todo N"
# from its summary (a todo's result does not count, so it is not a test that ran); skips are the
# result lines marked "# SKIP", at any depth, because the summary's "# skipped N" leaves out a
# skipped describe() and the tests in it.
tap_counts() {
  local log=$1 key
  for key in pass fail cancelled; do
    grep -E "^# $key [0-9]+" "$log" | tail -1 | awk '{print $3}' | grep . || echo 0
  done | tr '\n' ' '
  grep -cE '^[[:space:]]*(not )?ok [0-9]+ - .* # SKIP' "$log" | tr '\n' ' '
  grep -E '^# todo [0-9]+' "$log" | tail -1 | awk '{print $3}' | grep . || echo 0
}

# node_suite NAME [--checked DIR] FILES...: Node's test runner; with --checked, one failure more
# when a sanitizer wrote a report into DIR.
node_suite() {
  local name=$1 sanlogs="" start
  shift
  if [ "${1:-}" = --checked ]; then sanlogs=$2; shift 2; fi
  start=$(now)
  local log="$logs/$name.log"
  node --test --test-reporter=tap --test-timeout=300000 "$@" >"$log" 2>&1
  local status=$? pass fail cancelled skip todo
  read -r pass fail cancelled skip todo <<<"$(tap_counts "$log")"
  fail=$((fail + cancelled))
  skip=$((skip + todo))
  if [ -n "$sanlogs" ] && compgen -G "$sanlogs/*" >/dev/null; then
    { echo "---- sanitizer reports in $sanlogs ----"; head -n 60 "$sanlogs"/*; } >>"$log"
    fail=$((fail + 1))
  fi
  if [ "$pass" -eq 0 ] && [ "$fail" -eq 0 ] && [ "$skip" -gt 0 ] && [ "$status" -eq 0 ]; then
    echo "0 0 $skip $(($(now) - start)) 0 skipped" >"$results/$name"
    grep -m1 -oE '# SKIP .*' "$log" | sed 's/^# SKIP //' >>"$results/$name"
    return
  fi
  record "$name" "$pass" "$fail" "$skip" "$status" "$start"
}

# Vitest (the web client's unit tests): "Tests  N passed | M skipped | K todo (T)".
vitest_suite() {
  local name=$1 dir=$2 start
  start=$(now)
  local log="$logs/$name.log"
  (cd "$dir" && npx --no-install vitest run --reporter=default) >"$log" 2>&1
  local status=$? line pass fail skip todo
  line=$(sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -E '^\s*Tests\s+' | tail -1)
  pass=$(grep -oE '[0-9]+ passed' <<<"$line" | awk '{print $1}')
  fail=$(grep -oE '[0-9]+ failed' <<<"$line" | awk '{print $1}')
  skip=$(grep -oE '[0-9]+ skipped' <<<"$line" | awk '{print $1}')
  todo=$(grep -oE '[0-9]+ todo' <<<"$line" | awk '{print $1}')
  record "$name" "${pass:-0}" "${fail:-0}" "$((${skip:-0} + ${todo:-0}))" "$status" "$start"
}

# A GoogleTest binary run directly (for instantiations that exist only with an env var set).
# Running no test at all is a failure: the filter matched nothing.
gtest_suite() {
  local name=$1 start
  shift
  start=$(now)
  local log="$logs/$name.log"
  "$@" >"$log" 2>&1
  local status=$? pass fail skip
  pass=$(grep -E '^\[  PASSED  \] [0-9]+ test' "$log" | tail -1 | awk '{print $4}')
  fail=$(grep -E '^\[  FAILED  \] [0-9]+ test' "$log" | tail -1 | awk '{print $4}')
  skip=$(grep -E '^\[  SKIPPED \] [0-9]+ test' "$log" | tail -1 | awk '{print $4}')
  if [ "${pass:-0}" -eq 0 ] && [ "${fail:-0}" -eq 0 ] && [ "${skip:-0}" -eq 0 ]; then
    echo "no test ran" >>"$log"
    status=1
  fi
  record "$name" "${pass:-0}" "${fail:-0}" "${skip:-0}" "$status" "$start"
}

# libFuzzer targets (scripts/fuzz.sh, $FUZZ_BUILD_DIR, clang) for FUZZ_SECONDS each: any crash,
# leak or UBSan report fails its target. FUZZ_PHASE=build compiles them only (no result line
# unless the build fails); FUZZ_PHASE=run runs what is built.
fuzz_suite() {
  local phase=$1 start
  start=$(now)
  local log="$logs/fuzz-$phase.log"
  FUZZ_PHASE=$phase SECONDS_PER_TARGET=${FUZZ_SECONDS:-20} scripts/fuzz.sh >"$log" 2>&1
  local status=$? line pass=0 fail=0
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" | tail -1)
  [ -n "$line" ] && read -r pass _ fail _ <<<"$line"
  if [ "$phase" = build ]; then
    [ "$status" -ne 0 ] && { cp "$log" "$logs/fuzz.log"; record fuzz "$pass" "$fail" 0 "$status" "$start" "build failed"; }
    echo "$(($(now) - start))" >"$logs/fuzz-build.seconds"
    return
  fi
  cp "$log" "$logs/fuzz.log"
  record fuzz "$pass" "$fail" 0 "$status" "$start" "build $(cat "$logs/fuzz-build.seconds" 2>/dev/null || echo 0)s"
}

# The ASan + UBSan build (the asan preset's settings, in $asan_dir).
asan_build() {
  local start
  start=$(now)
  if { cmake --preset asan -B "$asan_dir" && cmake --build "$asan_dir" -j2; } >"$logs/asan-build.log" 2>&1; then
    record asan-build 0 0 0 0 "$start"
  else
    record asan-build 0 1 0 1 "$start"
  fi
}

# The unit tests and the black-box tests again, against the ASan build. Servers write sanitizer
# reports to $sanlogs (log_path): any file there fails the suite.
asan_suites() {
  local sanlogs="$PWD/$asan_dir/sanitizer-logs"
  local built_fail
  read -r _ built_fail _ <"$results/asan-build"
  if [ "$built_fail" != 0 ]; then
    skipped asan-unit "the ASan build failed (test-logs/asan-build.log)"
    skipped asan-integration "the ASan build failed (test-logs/asan-build.log)"
    return
  fi
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest_suite asan-unit "$asan_dir"
  rm -rf "$sanlogs" && mkdir -p "$sanlogs"
  MOCKMATE_BUILD_DIR=$asan_dir \
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:log_path=$sanlogs/asan \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:log_path=$sanlogs/ubsan \
    node_suite asan-integration --checked "$sanlogs" tests/integration/
}

have_postgres() { compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || command -v initdb >/dev/null; }

# A private PostgreSQL for the store suite's PostgreSQL instantiation and the multi-node suite;
# stopped when this script ends. Fails (and says why in test-logs/postgres-server.log) when one
# is installed but does not start.
pg_state=none # none, started, given, failed, missing
start_postgres() {
  if [ -n "${MOCKMATE_TEST_PG_URL:-}" ]; then pg_state=given; return; fi
  if ! have_postgres; then pg_state=missing; return; fi
  if MOCKMATE_TEST_PG_URL=$(scripts/pg-test-server.sh start 2>"$logs/postgres-server.log"); then
    export MOCKMATE_TEST_PG_URL
    pg_state=started
    trap 'scripts/pg-test-server.sh stop >/dev/null 2>&1' EXIT
  else
    pg_state=failed
  fi
}

# run_suite NAME: one suite of $suites (asan and fuzz run in two phases, see below).
run_suite() {
  case $1 in
    unit)
      # The store suite's PostgreSQL instantiation is the postgres suite.
      if [ -f "$build/CTestTestfile.cmake" ]; then ctest_suite unit "$build" -E '/postgres( |$)'
      else skipped unit "no CTest tree in $build (make server)"; fi ;;
    web)
      if [ ! -f web/package.json ]; then skipped web "no web/package.json"
      elif [ ! -x web/node_modules/.bin/vitest ]; then skipped web "no web/node_modules (scripts/setup.sh runs npm ci)"
      else vitest_suite web web; fi ;;
    conformance | interop)
      if [ ! -x "$build/socketio-echo" ]; then skipped "$1" "no $build/socketio-echo (make server)"
      else node_suite "$1" "tests/$1/"; fi ;;
    integration | security | faults)
      if [ ! -x "$build/mockmate" ]; then skipped "$1" "no $build/mockmate (make server)"
      else node_suite "$1" "tests/$1/"; fi ;;
    multinode)
      if [ ! -x "$build/mockmate" ]; then skipped multinode "no $build/mockmate (make server)"
      elif ! command -v redis-server >/dev/null; then skipped multinode "no redis-server"
      elif [ "$pg_state" = failed ]; then record multinode 0 1 0 1 "$(now)" "PostgreSQL did not start (test-logs/postgres-server.log)"
      else
        node_suite multinode tests/multinode/
        [ "$pg_state" = missing ] && echo "on SQLite: no PostgreSQL" >>"$results/multinode"
      fi ;;
    questions | push | workspace | schedule)
      # Node suites over one of the server's small tools.
      local tool
      case $1 in questions) tool=question-bank-dump ;; push) tool=push-send ;; workspace) tool=changeset-apply ;; schedule) tool=ics-render ;; esac
      if [ ! -x "$build/$tool" ]; then skipped "$1" "no $build/$tool (make server)"
      else node_suite "$1" "tests/$1/"; fi ;;
    e2e)
      if ! ls tests/e2e/*.test.* >/dev/null 2>&1; then skipped e2e "no tests in tests/e2e"
      else MOCKMATE_BIN="$build/mockmate" node_suite e2e tests/e2e/; fi ;;
    postgres)
      case $pg_state in
        missing) skipped postgres "no PostgreSQL (initdb not found)" ;;
        failed) cp "$logs/postgres-server.log" "$logs/postgres.log"
          record postgres 0 1 0 1 "$(now)" "PostgreSQL did not start (test-logs/postgres-server.log)" ;;
        *) if [ -x "$build/tests/store_tests" ]; then
             gtest_suite postgres "$build/tests/store_tests" --gtest_filter='*postgres*'
           else skipped postgres "no $build/tests/store_tests (make server)"; fi ;;
      esac ;;
    *) echo "unknown suite $1" >&2; exit 2 ;;
  esac
}

suites=${SUITES:-"unit postgres web conformance interop integration questions push workspace schedule multinode e2e security faults fuzz asan"}
selected() { [[ " $suites " == *" $1 "* ]]; }
have_clang() { command -v clang++-14 >/dev/null; }
for s in $suites; do
  case $s in unit | postgres | web | conformance | interop | integration | questions | push | workspace | schedule | multinode | e2e | security | faults | fuzz | asan) ;;
    *) echo "unknown suite $s" >&2; exit 2 ;; esac
done
# The ASan unit tests include the store suite's PostgreSQL instantiation.
if selected postgres || selected multinode || selected asan; then start_postgres; fi

began=$(now)
# The builds of the sanitizer and fuzz trees; each leaves a mark in $logs when done.
builds() {
  if selected asan; then asan_build; fi
  touch "$logs/.asan-built"
  if selected fuzz; then
    if have_clang; then fuzz_suite build; else skipped fuzz "no clang++-14"; fi
  fi
  touch "$logs/.fuzz-built"
}
# wait_built MARK PID: until the builds wrote MARK (or their process PID is gone).
wait_built() {
  while [ ! -f "$logs/$1" ] && kill -0 "$2" 2>/dev/null; do sleep 2; done
}
after_asan() { if selected asan; then asan_suites; fi; }
after_fuzz() { if selected fuzz && [ ! -f "$results/fuzz" ]; then fuzz_suite run; fi; }
beside=""
for s in multinode e2e; do selected "$s" && beside="$beside $s"; done
main=""
for s in $suites; do
  case $s in fuzz | asan | multinode | e2e) ;; *) main="$main $s" ;; esac
done
rm -f "$logs/.asan-built" "$logs/.fuzz-built"
if [ "$parallel" = 1 ]; then
  # Three lanes: the builds at the lowest priority; the black-box suites, then the ASan suites
  # once their build is there; multinode and e2e, then the fuzzers (lowest priority) likewise.
  (renice -n 19 -p $BASHPID >/dev/null 2>&1; builds) &
  builder=$!
  (for s in $beside; do run_suite "$s"; done
   wait_built .fuzz-built "$builder"
   renice -n 19 -p $BASHPID >/dev/null 2>&1
   after_fuzz) &
  for s in $main; do run_suite "$s"; done
  wait_built .asan-built "$builder"
  after_asan
  wait
else
  for s in $main $beside; do run_suite "$s"; done
  builds
  after_asan
  after_fuzz
fi
wall=$(($(now) - began))

# The summary, in a fixed order.
order="unit postgres web conformance interop integration questions push workspace schedule security faults multinode e2e asan-build asan-unit asan-integration fuzz"
fmt_time() { printf '%dm%02ds' $(($1 / 60)) $(($1 % 60)); }
total_pass=0 total_fail=0 total_skip=0 broken=0 busy=0
printf '%-18s %7s %7s %8s %8s\n' suite passed failed skipped time
for name in $order; do
  f="$results/$name"
  [ -f "$f" ] || continue
  read -r pass fail skip secs brk note <<<"$(head -1 "$f")"
  extra=$(sed -n 2p "$f")
  total_pass=$((total_pass + pass))
  total_fail=$((total_fail + fail))
  total_skip=$((total_skip + skip))
  busy=$((busy + secs))
  [ "$brk" = 1 ] && broken=1
  if [ "$note" = skipped ]; then
    printf '%-18s %7s %7s %8s %8s  skipped: %s\n' "$name" - - "$skip" "$(fmt_time "$secs")" "$extra"
  else
    printf '%-18s %7d %7d %8d %8s%s\n' "$name" "$pass" "$fail" "$skip" "$(fmt_time "$secs")" "${extra:+  ($extra)}"
  fi
done
for name in $order; do
  f="$results/$name"
  [ -f "$f" ] || continue
  read -r _ fail _ <<<"$(head -1 "$f")"
  [ "$fail" -eq 0 ] && continue
  log="$logs/$name.log"
  echo
  echo "---- $name (last 80 lines of $log) ----"
  tail -n 80 "$log" 2>/dev/null
  echo "----"
done
echo
echo "wall time $(fmt_time "$wall") (the suites' own times add up to $(fmt_time "$busy"))"
if [ "$total_skip" -gt 0 ]; then
  if [ "$ci" = 1 ]; then
    echo "CI=true: $total_skip skipped (suites or tests) count as failed: CI runs every test or fails"
    total_fail=$((total_fail + total_skip))
  else
    echo "$total_skip skipped (suites or tests); with CI=true they would fail the run"
  fi
fi
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ] && [ "$broken" -eq 0 ]
