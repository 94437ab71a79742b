#!/usr/bin/env bash
# Runs every test suite against the build in $BUILD_DIR (default build/) and ends with one line
# "N passed, N failed" over all of them. Each suite's full output is kept in
# $BUILD_DIR/test-logs/<suite>.log; a failing suite's output is printed.
set -uo pipefail
cd "$(dirname "$0")/.."
export MOCKMATE_BUILD_DIR="${BUILD_DIR:-build}"
logs="$MOCKMATE_BUILD_DIR/test-logs"
mkdir -p "$logs"

total_pass=0
total_fail=0
broken=0

# record NAME PASS FAIL STATUS
record() {
  local name=$1 pass=$2 fail=$3 status=$4
  if [ "$status" -ne 0 ] && [ "$fail" -eq 0 ]; then
    fail=1 # the runner failed without counting a failure (crash, build error): count one
    broken=1
  fi
  total_pass=$((total_pass + pass))
  total_fail=$((total_fail + fail))
  printf '%-28s %5d passed, %d failed\n' "$name" "$pass" "$fail"
  if [ "$fail" -ne 0 ]; then
    echo "---- $name (last 80 lines of $logs/$name.log) ----"
    tail -n 80 "$logs/$name.log"
    echo "----"
  fi
}

# GoogleTest through CTest.
ctest_suite() {
  local name=$1 dir=$2
  local log="$logs/$name.log"
  ctest --test-dir "$dir" --output-on-failure -j2 --timeout 300 >"$log" 2>&1
  local status=$?
  local line pass=0 fail=0
  line=$(grep -E 'tests passed, [0-9]+ tests? failed out of [0-9]+' "$log" | tail -1)
  if [ -n "$line" ]; then
    fail=$(sed -E 's/.* ([0-9]+) tests? failed out of ([0-9]+).*/\1/' <<<"$line")
    local all
    all=$(sed -E 's/.* failed out of ([0-9]+).*/\1/' <<<"$line")
    pass=$((all - fail))
  fi
  record "$name" "$pass" "$fail" "$status"
}

# Node's test runner (TAP summary lines "# pass N" / "# fail N").
node_suite() {
  local name=$1
  shift
  local log="$logs/$name.log"
  node --test --test-reporter=tap --test-timeout=300000 "$@" >"$log" 2>&1
  local status=$?
  local pass fail
  pass=$(grep -E '^# pass [0-9]+' "$log" | tail -1 | awk '{print $3}')
  fail=$(grep -E '^# fail [0-9]+' "$log" | tail -1 | awk '{print $3}')
  record "$name" "${pass:-0}" "${fail:-0}" "$status"
}

# Vitest (the web client's unit tests).
vitest_suite() {
  local name=$1 dir=$2
  local log="$logs/$name.log"
  (cd "$dir" && npx --no-install vitest run --reporter=default) >"$log" 2>&1
  local status=$?
  local line pass=0 fail=0
  line=$(sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -E '^\s*Tests\s+' | tail -1)
  pass=$(grep -oE '[0-9]+ passed' <<<"$line" | awk '{print $1}')
  fail=$(grep -oE '[0-9]+ failed' <<<"$line" | awk '{print $1}')
  record "$name" "${pass:-0}" "${fail:-0}" "$status"
}

# libFuzzer targets (scripts/fuzz.sh, build-fuzz, clang) for FUZZ_SECONDS each: any crash,
# leak or UBSan report fails its target.
fuzz_suite() {
  local log="$logs/fuzz.log"
  SECONDS_PER_TARGET=${FUZZ_SECONDS:-20} scripts/fuzz.sh >"$log" 2>&1
  local status=$? line pass=0 fail=0
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" | tail -1)
  [ -n "$line" ] && read -r pass _ fail _ <<<"$line"
  record fuzz "$pass" "$fail" "$status"
}

# The unit tests and the black-box tests again, against the asan preset (ASan + UBSan, build-asan).
# Servers write sanitizer reports to $sanlogs (log_path): any file there fails the suite.
asan_suite() {
  local dir=build-asan sanlogs="$PWD/build-asan/sanitizer-logs"
  if ! { cmake --preset asan && cmake --build --preset asan -j2; } >"$logs/asan-build.log" 2>&1; then
    cp "$logs/asan-build.log" "$logs/asan-build-failed.log"
    tail -n 40 "$logs/asan-build.log" >"$logs/asan-unit.log"
    record asan-unit 0 1 1
    return
  fi
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest_suite asan-unit "$dir"
  rm -rf "$sanlogs" && mkdir -p "$sanlogs"
  local saved=$MOCKMATE_BUILD_DIR
  export MOCKMATE_BUILD_DIR=$dir
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:log_path=$sanlogs/asan \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:log_path=$sanlogs/ubsan \
    node_suite_checked asan-integration "$sanlogs" tests/integration/
  export MOCKMATE_BUILD_DIR=$saved
}

# node_suite, and one failure more when a sanitizer wrote a report into DIR.
node_suite_checked() {
  local name=$1 dir=$2
  shift 2
  local log="$logs/$name.log"
  node --test --test-reporter=tap --test-timeout=300000 "$@" >"$log" 2>&1
  local status=$? pass fail
  pass=$(grep -E '^# pass [0-9]+' "$log" | tail -1 | awk '{print $3}')
  fail=$(grep -E '^# fail [0-9]+' "$log" | tail -1 | awk '{print $3}')
  fail=${fail:-0}
  if compgen -G "$dir/*" >/dev/null; then
    { echo "---- sanitizer reports in $dir ----"; head -n 60 "$dir"/*; } >>"$log"
    fail=$((fail + 1))
  fi
  record "$name" "${pass:-0}" "$fail" "$status"
}

# A GoogleTest binary run directly (for instantiations that exist only with an env var set).
gtest_suite() {
  local name=$1
  shift
  local log="$logs/$name.log"
  "$@" >"$log" 2>&1
  local status=$? pass fail
  pass=$(grep -E '^\[  PASSED  \] [0-9]+ test' "$log" | tail -1 | awk '{print $4}')
  fail=$(grep -E '^\[  FAILED  \] [0-9]+ test' "$log" | tail -1 | awk '{print $4}')
  record "$name" "${pass:-0}" "${fail:-0}" "$status"
}

# A private PostgreSQL for the store suite's PostgreSQL instantiation and the multi-node suite;
# stopped when this script ends.
pg_started=0
start_postgres() {
  [ -n "${MOCKMATE_TEST_PG_URL:-}" ] && return 0
  if MOCKMATE_TEST_PG_URL=$(scripts/pg-test-server.sh start 2>"$logs/postgres-server.log"); then
    export MOCKMATE_TEST_PG_URL
    pg_started=1
    trap '[ "$pg_started" = 1 ] && scripts/pg-test-server.sh stop >/dev/null 2>&1' EXIT
  else
    cp "$logs/postgres-server.log" "$logs/postgres.log"
    record postgres 0 1 1
    return 1
  fi
}

suites=${SUITES:-"unit questions postgres web conformance interop integration push workspace schedule multinode e2e security faults fuzz asan"}
for suite in $suites; do
  case $suite in
    unit) ctest_suite unit "$MOCKMATE_BUILD_DIR" ;;
    questions) node_suite questions tests/questions/ ;;
    web) [ -f web/package.json ] && vitest_suite web web ;;
    conformance) [ -d tests/conformance ] && node_suite conformance tests/conformance/ ;;
    interop) [ -d tests/interop ] && node_suite interop tests/interop/ ;;
    integration) node_suite integration tests/integration/ ;;
    push) [ -d tests/push ] && node_suite push tests/push/ ;;
    workspace) node_suite workspace tests/workspace/ ;;
    schedule) node_suite schedule tests/schedule/ ;;
    e2e) [ -d tests/e2e ] && ls tests/e2e/*.test.* >/dev/null 2>&1 && node_suite e2e tests/e2e/ ;;
    security) [ -d tests/security ] && node_suite security tests/security/ ;;
    faults) [ -d tests/faults ] && node_suite faults tests/faults/ ;;
    postgres) start_postgres && gtest_suite postgres "$MOCKMATE_BUILD_DIR/tests/store_tests" --gtest_filter='*postgres*' ;;
    multinode) [ -d tests/multinode ] && { start_postgres || true; node_suite multinode tests/multinode/; } ;;
    fuzz) fuzz_suite ;;
    asan) asan_suite ;;
    *) echo "unknown suite $suite" >&2; exit 2 ;;
  esac
done

echo
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ] && [ "$broken" -eq 0 ]
