#pragma once
// Per-execution control groups, where the machine lets this process create them. One group per
// execution bounds the memory of all its processes together (and counts OOM kills, so
// memory_limit is certain) and, where the pids controller is there, their number.
//
// Found at start-up, in this order: cgroup v2 with the memory and pids controllers (under
// config::cgroup_parent, or `mockmate-sandbox` at the root of the cgroup2 mount); cgroup v1
// with the memory controller (and pids when mounted), under this process's own groups so a
// container's limits still hold; none (rlimits only). A server that is not root usually
// finds none.
#include "sandbox/config.hpp"
#include "sandbox/unique_fd.hpp"

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace mm::sandbox {

class execution_cgroup;

class cgroups {
public:
  enum class version { v1, v2 };

  // What this machine offers, or nullptr with the reason in `why_not`.
  static std::unique_ptr<cgroups> detect(const config& c, std::string& why_not);

  // "cgroup v2 (memory, pids)", "cgroup v1 (memory)"...
  std::string describe() const;

  // A new, empty group with the limits written, or nullptr with the reason in `error`.
  // Thread-safe.
  std::unique_ptr<execution_cgroup> create(const limits& lim, std::string& error);

  cgroups(version v, std::string memory_parent, std::string pids_parent);

private:
  version version_;
  std::string memory_parent_; // the directory the groups are made in (v2: both controllers)
  std::string pids_parent_;   // v1 only, empty when the pids controller is not mounted
  std::atomic<unsigned> next_{0};
};

class execution_cgroup {
public:
  execution_cgroup(cgroups::version v, std::vector<std::string> dirs);
  // Kills what is left in it (v2) and removes its directories.
  ~execution_cgroup();
  execution_cgroup(const execution_cgroup&) = delete;
  execution_cgroup& operator=(const execution_cgroup&) = delete;

  // Open cgroup.procs files: the sandbox's first process writes "0" to each to join it
  // (before it drops root), so everything it starts is inside from the start.
  const std::vector<unique_fd>& join_fds() const { return join_fds_; }

  std::uint64_t oom_kills() const;
  std::optional<std::uint64_t> peak_bytes() const;
  // v2: cgroup.kill. v1 has no atomic kill; there the pid namespace's end kills everything.
  void kill_all() const;

  bool open_join_fds(std::string& error);

private:
  cgroups::version version_;
  std::vector<std::string> dirs_; // [0] holds the memory controller
  std::vector<unique_fd> join_fds_;
};

} // namespace mm::sandbox
