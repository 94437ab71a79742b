#pragma once
// The verdict rules of code runs (API.md, "Running code"), as pure functions: how one sandboxed
// execution ended, when a program's output passes a test, and the verdict of a whole run.
#include <span>
#include <string>
#include <string_view>

namespace mm::domain {

// How one sandboxed execution ended, as the sandbox reports it.
enum class execution_outcome {
  ok,            // exited with status 0
  nonzero_exit,  // exited with another status
  signaled,      // killed by a signal, not by one of the limits below
  time_limit,    // past its CPU time or wall time
  memory_limit,  // past its memory
  output_limit,  // past its total output (stdout + stderr)
  compile_error, // the compile failed or passed the compile's limits: the program did not run
  unavailable,   // the sandbox could not run it (missing, broken, or failed its start-up check)
  aborted,       // killed because the server stopped
  not_run,       // never started: the server stopped while it waited in the queue
};

enum class run_verdict { passed, failed, ok, compile_error, runtime_error, time_limit, memory_limit, output_limit };

std::string_view to_string(execution_outcome v); // "ok", "nonzero_exit", ... (for logs and metrics)
std::string_view to_string(run_verdict v);       // the contract's spelling: "passed", "time_limit", ...

// `text` with the trailing whitespace (space, \t, \r, \v, \f) of every line removed and the
// trailing empty lines dropped; lines are joined by "\n" with no final newline.
std::string normalize_output(std::string_view text);
// The contract's comparison: equal after normalize_output on both sides.
bool output_matches(std::string_view actual, std::string_view expected);

// The verdict of a run with stdin (or of the one run on empty input when there are no tests):
// ok for exit 0; the limits and compile_error as themselves; any other failure (non-zero
// exit, signal, sandbox unavailable, killed at shutdown, never run) is runtime_error.
run_verdict single_run_verdict(execution_outcome outcome);

// One test's execution: how it ended, what it printed, what the test expects.
struct test_execution {
  execution_outcome outcome = execution_outcome::not_run;
  std::string_view actual_output;
  std::string_view expected_output;
};

// A test passes when its program exited 0 and its output matches the expected output.
bool test_passed(const test_execution& t);

// The verdict of a run over the tests, in their order: passed when every test passes (also
// when there are none); else decided by the first test that does not pass: failed when it
// exited 0 with other output, else single_run_verdict of its outcome (so a compile error,
// which every test then reports, is compile_error).
run_verdict tests_run_verdict(std::span<const test_execution> tests);

} // namespace mm::domain
