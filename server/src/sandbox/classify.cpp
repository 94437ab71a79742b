#include "sandbox/classify.hpp"

#include <csignal>

namespace mm::sandbox {
namespace {

using domain::execution_outcome;

bool mentions_out_of_memory(std::string_view tail) {
  for (std::string_view pattern : {"MemoryError", "std::bad_alloc", "heap out of memory", "out of memory",
                                   "Cannot allocate memory"})
    if (tail.find(pattern) != std::string_view::npos) return true;
  return false;
}

std::string first_line(std::string_view text) { return std::string(text.substr(0, text.find('\n'))); }

} // namespace

std::string describe_seconds(milliseconds ms) {
  if (ms.count() % 1000 == 0) return std::to_string(ms.count() / 1000) + " s";
  return std::to_string(ms.count()) + " ms";
}

std::string describe_bytes(std::uint64_t bytes) {
  if (bytes % mib == 0) return std::to_string(bytes / mib) + " MiB";
  if (bytes % kib == 0) return std::to_string(bytes / kib) + " KiB";
  return std::to_string(bytes) + " bytes";
}

execution_result classify(process_report&& rep, const limits& lim, const cgroup_facts& cgroup) {
  execution_result r;
  r.cpu_time = rep.cpu;
  r.wall_time = rep.wall;
  r.peak_memory_bytes = cgroup.peak_bytes ? cgroup.peak_bytes : std::optional<std::uint64_t>(rep.max_rss_bytes);
  r.stdout_truncated = rep.out.truncated();
  r.stderr_truncated = rep.err.truncated();
  const auto stderr_tail = rep.err.tail();
  const bool killed_by_limit = rep.killed_wall || rep.killed_output || rep.killed_cpu;
  if (rep.exit_code) {
    if (*rep.exit_code > 128 && *rep.exit_code <= 128 + 64) {
      r.signal = *rep.exit_code - 128;
    } else {
      r.exit_code = *rep.exit_code;
    }
  }
  r.stdout_text = rep.out.take();
  r.stderr_text = rep.err.take();

  const auto set = [&r](execution_outcome o, std::string message) {
    r.outcome = o;
    r.message = std::move(message);
    return std::move(r);
  };
  if (rep.killed_stop) return set(execution_outcome::aborted, "stopped: the server shut down while it ran");
  if (!rep.setup_error.empty())
    return set(execution_outcome::unavailable, "the sandbox is unavailable: " + rep.setup_error);
  if (!rep.command_started && !killed_by_limit) {
    // Bubblewrap's own complaint, not the program's output: the program never ran.
    const auto why = first_line(r.stderr_text);
    r.stdout_text.clear();
    r.stderr_text.clear();
    return set(execution_outcome::unavailable, "the sandbox failed to start" + (why.empty() ? "" : ": " + why));
  }
  if (rep.killed_output)
    return set(execution_outcome::output_limit, "stopped: more than " + describe_bytes(lim.output_bytes) + " of output");
  const bool failed = killed_by_limit || r.signal || (r.exit_code && *r.exit_code != 0);
  if (cgroup.oom_kills > 0 || (failed && !rep.killed_wall && !rep.killed_cpu && mentions_out_of_memory(stderr_tail)))
    return set(execution_outcome::memory_limit, "stopped: more than " + describe_bytes(lim.memory_bytes) + " of memory");
  if (rep.killed_wall)
    return set(execution_outcome::time_limit, "stopped: more than " + describe_seconds(lim.wall) + " of wall time");
  const bool cpu_kill = rep.killed_cpu || r.signal == SIGXCPU || (r.signal == SIGKILL && rep.cpu * 10 >= lim.cpu * 8);
  if (rep.cpu >= lim.cpu || cpu_kill)
    return set(execution_outcome::time_limit, "stopped: more than " + describe_seconds(lim.cpu) + " of CPU time");
  if (r.signal) return set(execution_outcome::signaled, "");
  return set(r.exit_code == 0 ? execution_outcome::ok : execution_outcome::nonzero_exit, "");
}

execution_result as_compile(execution_result c, const limits& lim) {
  switch (c.outcome) {
  case execution_outcome::ok:
  case execution_outcome::aborted:
  case execution_outcome::unavailable: return c;
  case execution_outcome::time_limit:
    c.message = "the compile stopped: more than " + describe_seconds(lim.cpu) + " of time";
    break;
  case execution_outcome::memory_limit:
    c.message = "the compile stopped: more than " + describe_bytes(lim.memory_bytes) + " of memory";
    break;
  case execution_outcome::output_limit:
    c.message = "the compile stopped: more than " + describe_bytes(lim.output_bytes) + " of diagnostics";
    break;
  default: c.message = "the program did not compile"; break;
  }
  c.outcome = execution_outcome::compile_error;
  return c;
}

} // namespace mm::sandbox
