#pragma once
// The bubblewrap command line of one sandboxed process, as a pure function of what it needs, so
// the isolation can be read (and tested) in one place: every namespace unshared, /usr and the
// host's /bin, /lib... symlinks (or directories) read-only, the dynamic linker's cache, a new
// /proc and a minimal /dev, a size-limited tmpfs as the working directory, the source as a
// read-only file, nothing else of the host. Inside, prlimit(1) sets the rlimits before the
// program starts: RLIMIT_NPROC set inside the new user namespace counts that sandbox's
// processes only, not every process of the uid (docs/sandbox.md, "Processes").
#include "sandbox/config.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mm::sandbox {

// The file descriptors the supervisor hands bubblewrap (0, 1, 2 are stdin, stdout, stderr).
inline constexpr int source_fd = 3;      // --ro-bind-data: the program's source
inline constexpr int info_fd = 4;        // --info-fd: {"child-pid": N} of the sandbox's init
inline constexpr int json_status_fd = 5; // --json-status-fd: {"exit-code": N} once the command ran
inline constexpr int block_fd = 6;       // --block-fd: the sandbox waits for one byte before it starts

// One entry of the host's root that programs expect: /bin, /lib64... On a merged-/usr system
// (Debian 12) these are symlinks into /usr and are recreated as symlinks; otherwise the
// directory is bound read-only.
struct root_entry {
  std::string path;           // "/lib64"
  std::string symlink_target; // "usr/lib64"; empty: a directory
};
// Reads the host's /bin, /sbin, /lib, /lib32, /lib64, /libx32 (those that exist).
std::vector<root_entry> read_host_root();

struct sandbox_spec {
  std::vector<root_entry> root;
  std::string source_path; // where the source (fd 3) appears, read-only; empty: no source
  std::vector<std::pair<std::string, std::string>> ro_binds; // host path -> sandbox path
  std::vector<std::pair<std::string, std::string>> rw_binds; // host path -> sandbox path
  limits lim;
  bool memory_by_rlimit = false; // no memory cgroup: RLIMIT_DATA bounds each process
  std::string prlimit = "/usr/bin/prlimit";
  std::vector<std::string> command; // the program and its arguments, absolute path first
};

// The rlimits prlimit(1) sets inside the sandbox: processes (+1 for bubblewrap's init), CPU
// seconds (rounded up), file size, open files, no core dumps, and RLIMIT_DATA when
// memory_by_rlimit. Ends with "--".
std::vector<std::string> prlimit_args(const sandbox_spec& spec);

// The whole argv after the bwrap binary itself.
std::vector<std::string> bwrap_args(const sandbox_spec& spec);

// The integer after `"key":` in what bubblewrap wrote to --info-fd or --json-status-fd
// (`{ "child-pid": 12 }`, `{ "exit-code": 0 }`); nullopt when it is not there.
std::optional<long> bwrap_json_number(std::string_view text, std::string_view key);

} // namespace mm::sandbox
