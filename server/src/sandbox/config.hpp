#pragma once
// What the sandbox may use and where it finds its tools. The defaults are the contract's
// limits (API.md, "Running code") and Debian's paths.
#include <chrono>
#include <cstdint>
#include <string>

namespace mm::sandbox {

using std::chrono::milliseconds;

inline constexpr std::uint64_t kib = 1024;
inline constexpr std::uint64_t mib = 1024 * kib;

// The resources of one sandboxed process and everything it starts.
struct limits {
  milliseconds cpu{5000};             // CPU time of all its processes together
  milliseconds wall{10000};           // from its start to its end
  std::uint64_t memory_bytes = 256 * mib;  // all its processes together (cgroups), else each one (rlimit)
  int processes = 64;                 // processes and threads at once
  std::uint64_t output_bytes = 1 * mib;    // stdout + stderr together; past it the run stops (output_limit)
  std::uint64_t kept_bytes = 64 * kib;     // kept of each of stdout and stderr (truncated beyond)
  std::uint64_t tmp_bytes = 64 * mib;      // its temporary directory (a tmpfs), and the largest file it may write
};

// The limits of a program's run, and of a C++ compile (20 s, 512 MiB, room for its object files).
inline limits run_limits() { return {}; }
inline limits compile_limits() {
  limits l;
  l.cpu = milliseconds{20000};
  l.wall = milliseconds{20000};
  l.memory_bytes = 512 * mib;
  l.tmp_bytes = 128 * mib;
  return l;
}

enum class cgroup_mode {
  automatic, // cgroup v2 where memory and pids can be delegated, else cgroup v1, else rlimits only
  none,      // rlimits only
};

struct config {
  std::string bwrap = "/usr/bin/bwrap";
  std::string prlimit = "/usr/bin/prlimit"; // util-linux: sets the limits inside the sandbox
  std::string shell = "/usr/bin/sh";        // runs the start-up confinement probe
  std::string python = "/usr/bin/python3";
  std::string node = "/usr/bin/node";
  std::string gxx = "/usr/bin/g++";
  // Who runs the code when the server runs as root (the server drops to it before it starts
  // bubblewrap); a server that is not root runs it as itself. Default: nobody/nogroup.
  unsigned run_uid = 65534;
  unsigned run_gid = 65534;
  // Where a C++ binary waits between its compile and its runs (a fresh directory per job,
  // removed after it); never visible to the code except that one binary.
  std::string scratch_root = "/tmp";
  limits run = run_limits();
  limits compile = compile_limits();
  cgroup_mode cgroups = cgroup_mode::automatic;
  // cgroup v2 only: an existing, delegated cgroup under which each execution gets its own;
  // empty: `mockmate-sandbox` at the root of the cgroup2 mount.
  std::string cgroup_parent;
};

} // namespace mm::sandbox
