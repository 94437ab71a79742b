#include "sandbox/child_launch.hpp"

#include <linux/close_range.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>

namespace mm::sandbox {

void launch_child(const launch_plan& p) {
  const auto fail = [&](int step) {
    const int msg[2] = {step, errno};
    (void)!::write(p.report_fd, msg, sizeof msg);
    ::_exit(127);
  };
  if (::setsid() < 0) fail(1);
  for (int fd : p.join_fds)
    if (::write(fd, "0", 1) != 1) fail(2);
  sigset_t none;
  sigemptyset(&none);
  ::sigprocmask(SIG_SETMASK, &none, nullptr);
  // Every disposition back to the default: the server ignores SIGPIPE, and whatever started the
  // server may have ignored others, real-time ones included (glibc's sigaction refuses 32 and 33,
  // so the raw system call; SIGKILL and SIGSTOP answer EINVAL, harmlessly).
  struct {
    void (*handler)(int);
    unsigned long flags;
    void (*restorer)();
    unsigned long mask;
  } dfl{SIG_DFL, 0, nullptr, 0};
  for (int s = 1; s < _NSIG; ++s) ::syscall(SYS_rt_sigaction, s, &dfl, nullptr, sizeof dfl.mask);
  ::prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0);
  if (p.drop) {
    for (int cap = 0; cap <= p.last_cap; ++cap)
      if (::prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0 && errno != EINVAL) fail(3);
    // Raw system calls: glibc's wrappers synchronise all threads, and this child of a
    // multi-threaded parent must not depend on that machinery after fork.
    if (::syscall(SYS_setgroups, 0, nullptr) != 0) fail(4);
    if (::syscall(SYS_setresgid, p.gid, p.gid, p.gid) != 0) fail(5);
    if (::syscall(SYS_setresuid, p.uid, p.uid, p.uid) != 0) fail(6);
  }
  if (::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) fail(7);
  if (::prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0) != 0) fail(8); // after the uid change, which clears it
  if (::getppid() != p.parent) ::_exit(127);
  for (int target = 0; target < static_cast<int>(p.fds.size()); ++target)
    if (::dup2(p.fds[target], target) < 0) fail(9);
  if (::syscall(SYS_close_range, 7u, ~0u, CLOSE_RANGE_CLOEXEC) != 0) fail(10);
  ::execve(p.argv[0], p.argv.data(), p.envp.data());
  fail(11);
  ::_exit(127);
}

std::string_view launch_step(int step) {
  static constexpr std::string_view steps[] = {
      "?",     "setsid",       "joining the cgroup", "dropping the capability bounding set",
      "setgroups", "setresgid", "setresuid",         "no_new_privs",
      "the parent-death signal", "dup2", "close_range", "exec bubblewrap"};
  return step > 0 && step < static_cast<int>(std::size(steps)) ? steps[step] : steps[0];
}

int last_capability() {
  std::ifstream in("/proc/sys/kernel/cap_last_cap");
  int v = 40;
  in >> v;
  return v;
}

} // namespace mm::sandbox
