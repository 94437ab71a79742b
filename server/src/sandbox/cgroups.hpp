#pragma once
// Per-execution control groups, where the machine lets this process create them. One group per
// execution bounds the memory of all its processes together (and counts OOM kills, so
// memory_limit is certain), where the pids controller is there their number, and where CPU is
// accounted (v2 always, v1 with cpuacct) the CPU time of all of them, killed ones included.
//
// Found at start-up, in this order: cgroup v2 with the memory and pids controllers (under
// config::cgroup_parent, or `mockmate-sandbox` at the root of the cgroup2 mount); cgroup v1
// with the memory controller (and pids and cpuacct when mounted), under this process's own
// groups so a container's limits still hold; none (rlimits only). A server that is not root
// usually finds none.
#include "sandbox/config.hpp"
#include "sandbox/unique_fd.hpp"

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace mm::sandbox {

class execution_cgroup;

// The directories of one group (or of the parents of all groups) per controller; with v2 they
// are one directory; empty: that controller is not there.
struct cgroup_dirs {
  std::string memory, pids, cpuacct;
};

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

  cgroups(version v, cgroup_dirs parents);

private:
  version version_;
  cgroup_dirs parents_; // where the groups are made
  std::atomic<unsigned> next_{0};
};

class execution_cgroup {
public:
  execution_cgroup(cgroups::version v, cgroup_dirs dirs);
  // Kills what is left in it (v2) and removes its directories.
  ~execution_cgroup();
  execution_cgroup(const execution_cgroup&) = delete;
  execution_cgroup& operator=(const execution_cgroup&) = delete;

  // Open cgroup.procs files: the sandbox's first process writes "0" to each to join it
  // (before it drops root), so everything it starts is inside from the start.
  const std::vector<unique_fd>& join_fds() const { return join_fds_; }

  std::uint64_t oom_kills() const;
  std::optional<std::uint64_t> peak_bytes() const;
  // The CPU time of every process that ran in the group; nullopt without CPU accounting.
  std::optional<milliseconds> cpu_time() const;
  // v2: cgroup.kill. v1 has no atomic kill; there the pid namespace's end kills everything.
  void kill_all() const;

  const cgroup_dirs& dirs() const { return dirs_; }
  // Creates the directories, then opens their cgroup.procs (cgroups::create does both).
  bool make(std::string& error);
  bool open_join_fds(std::string& error);

private:
  std::vector<std::string> distinct_dirs() const;

  cgroups::version version_;
  cgroup_dirs dirs_;
  std::vector<std::string> made_; // the directories created, removed by the destructor
  std::vector<unique_fd> join_fds_;
};

} // namespace mm::sandbox
