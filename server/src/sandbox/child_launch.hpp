#pragma once
// The child's side of starting a sandbox: everything between fork() and the exec of bubblewrap.
// Prepared in the parent, so that after fork (in a multi-threaded server) the child makes only
// async-signal-safe calls and raw system calls, no allocation.
#include <sys/types.h>

#include <array>
#include <string_view>
#include <vector>

namespace mm::sandbox {

struct launch_plan {
  std::array<int, 7> fds{};  // become the child's 0..6 (stdin, stdout, stderr, then bwrap_command.hpp's)
  int report_fd = -1;        // close-on-exec: EOF once bubblewrap is exec'd, else {step, errno}
  std::vector<int> join_fds; // cgroup.procs files to write "0" to
  bool drop = false;         // root: drop to uid/gid
  uid_t uid = 0;
  gid_t gid = 0;
  pid_t parent = 0;          // getpid() of the parent: the child exits if it is orphaned at once
  int last_cap = 40;         // /proc/sys/kernel/cap_last_cap
  std::vector<char*> argv;   // bubblewrap's, null-terminated
  std::vector<char*> envp;   // null-terminated
};

// In order: a new session (its process group is killable as one); join the cgroup; default
// signal dispositions and an empty mask; no ambient capabilities; when `drop`: an empty
// bounding set, no supplementary groups, the run gid and uid (which clears every capability);
// no_new_privs; SIGKILL when the parent thread dies; the descriptors in place, every other one
// close-on-exec; exec. On failure it writes {step, errno} to report_fd and exits 127.
[[noreturn]] void launch_child(const launch_plan& plan);

// What step n of launch_child is, for the message: "setresuid", ...
std::string_view launch_step(int step);

// /proc/sys/kernel/cap_last_cap, read before fork.
int last_capability();

} // namespace mm::sandbox
