#pragma once
// The code-execution sandbox: the seam between the product and bubblewrap. A job is one
// program (language and source) run once per input, each execution in a fresh sandbox: its own
// user, pid, network, IPC, UTS and mount namespaces; a read-only view of /usr and nothing else
// of the host; an empty tmpfs as its working directory; limits on CPU, wall time, memory,
// processes and output (config.hpp); run as an unprivileged user without capabilities and
// with no_new_privs. docs/sandbox.md has the threat model and how each limit is enforced.
#include "domain/code_language.hpp"
#include "domain/run_verdict.hpp"
#include "sandbox/config.hpp"

#include <memory>
#include <optional>
#include <span>
#include <stop_token>
#include <string>
#include <vector>

namespace mm::sandbox {

struct job {
  domain::code_language language = domain::code_language::python;
  std::string code;
  std::vector<std::string> inputs; // one execution per input (its stdin), in order
};

// How one execution ended and what it printed.
struct execution_result {
  domain::execution_outcome outcome = domain::execution_outcome::not_run;
  std::optional<int> exit_code; // when it exited (outcome ok or nonzero_exit, also a limit hit at exit)
  std::optional<int> signal;    // when a signal ended it
  std::string stdout_text;      // at most limits::kept_bytes each
  std::string stderr_text;
  bool stdout_truncated = false;
  bool stderr_truncated = false;
  milliseconds cpu_time{0};  // all its processes
  milliseconds wall_time{0};
  std::optional<std::uint64_t> peak_memory_bytes; // cgroup peak, else the largest process's RSS
  // Why the sandbox ended it or could not run it ("stopped: more than 5 s of CPU time"),
  // for a person; empty when the program ended by itself. Never contains user output.
  std::string message;
};

struct job_result {
  // C++ only: the compile. When it fails (outcome compile_error), its stderr holds the
  // compiler's diagnostics and every execution is compile_error without output.
  std::optional<execution_result> compile;
  std::vector<execution_result> executions; // exactly one per input, in order
};

struct runtime_info {
  domain::code_language language;
  std::string version; // e.g. "3.11.2", "20.20.2", "12.2.0"
};

// What the start-up check found.
struct self_test_report {
  bool confined = false;              // the probe saw the isolation docs/sandbox.md promises
  std::vector<runtime_info> runtimes; // the languages whose trial run passed, with versions
  std::string enforcement;            // how limits are enforced here, e.g. "cgroup v1 (memory, pids) + rlimits"
  std::vector<std::string> problems;  // sentences for the log: what failed and why (no user content)

  bool available(domain::code_language language) const;
};

class runner {
public:
  virtual ~runner() = default;

  // The start-up check: a probe that checks the confinement (unprivileged uid, no capabilities,
  // no_new_privs, read-only system, no network, host files invisible), then a trial run of
  // each language given (reads stdin, prints, checked). Records what works: until it has run,
  // and for every language that failed it, run() answers `unavailable`, never an unconfined run.
  // Call it before the runner is shared between threads; it blocks a few seconds (a compile).
  virtual self_test_report self_test(std::span<const domain::code_language> languages = domain::all_code_languages) = 0;
  // The last self_test()'s report (empty before the first).
  virtual self_test_report report() const = 0;

  // Runs the job to its end on the calling thread (blocking: up to the compile's wall limit
  // plus one run's per input). Safe to call from several threads at once. When `stop` is
  // requested, the execution under way is killed (`aborted`) and the rest are `not_run`.
  virtual job_result run(const job& j, std::stop_token stop = {}) = 0;
};

// A bubblewrap runner. Cheap: detects the cgroups it may use and checks nothing else until
// self_test(). Makes this process a child subreaper (prctl PR_SET_CHILD_SUBREAPER) so the
// sandboxes' init processes are reaped here and their CPU time counted. Throws
// std::system_error when the process cannot be set up for that.
std::unique_ptr<runner> create_sandbox(config c);

} // namespace mm::sandbox
