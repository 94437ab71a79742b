#pragma once
// Runs one process in a fresh bubblewrap sandbox and supervises it to its end, on the calling
// thread. The supervisor forks; the child joins the execution's cgroup (while still root),
// drops to the run user (when the server is root), clears capabilities, sets no_new_privs and
// a parent-death signal, and execs bubblewrap with a minimal environment. The sandbox waits on
// --block-fd until the supervisor holds a pidfd of its init, so the supervisor can always kill
// it and wait for its end: killing the pid namespace's init kills every process in it.
//
// While it runs: stdout and stderr are read as they come (bounded, output_capture), the wall
// limit, the output limit and (where the cgroup accounts CPU, checked every 100 ms) the CPU
// limit of all its processes together are enforced by killing the whole sandbox, and a stop
// request does the same. After it: the init is killed and reaped, so nothing it started survives, and
// its CPU time is counted (this process is a child subreaper, create_sandbox()).
#include "sandbox/cgroups.hpp"
#include "sandbox/config.hpp"
#include "sandbox/output_capture.hpp"

#include <optional>
#include <stop_token>
#include <string>
#include <vector>

namespace mm::sandbox {

struct process_request {
  std::vector<std::string> argv; // bwrap's path, then bwrap_args()
  std::string source;            // the file behind --ro-bind-data (source_fd)
  std::string stdin_data;
  limits lim;
  const execution_cgroup* cgroup = nullptr;
  bool drop_privileges = false; // root: become run_uid/run_gid before bubblewrap
  unsigned run_uid = 65534;
  unsigned run_gid = 65534;
};

// The facts of one supervised process, before they are judged (classify.hpp).
struct process_report {
  explicit process_report(std::uint64_t kept) : out(kept), err(kept) {}

  std::string setup_error;       // why the sandbox did not start; empty when it did
  bool command_started = false;  // bubblewrap reported that the command ran
  std::optional<int> exit_code;  // bubblewrap's report: the status, or 128 + signal
  bool killed_wall = false;      // killed at the wall limit
  bool killed_cpu = false;       // killed at the CPU limit, measured by the cgroup over all processes
  bool killed_output = false;    // killed past the output limit
  bool killed_stop = false;      // killed because a stop was requested
  milliseconds cpu{0};
  milliseconds wall{0};
  std::uint64_t max_rss_bytes = 0; // of the largest process
  output_capture out;
  output_capture err;
};

process_report run_sandboxed(const process_request& request, std::stop_token stop);

} // namespace mm::sandbox
