#pragma once
// Small POSIX helpers of the supervisor: memory files, pipes, pidfds, /proc.
#include "sandbox/unique_fd.hpp"

#include <sys/types.h>

#include <string>
#include <string_view>

namespace mm::sandbox {

struct fd_pair {
  unique_fd read, write;
};
// A close-on-exec pipe; false (errno set) on failure.
bool make_pipe(fd_pair& p);

// A close-on-exec memory file holding `data`, positioned at its start; sealed against any change
// when `seal`. Invalid on failure.
unique_fd make_memfd(const char* name, std::string_view data, bool seal);

// A close-on-exec copy numbered 10 or above (so a child's dup2 onto 0..9 never overwrites it).
unique_fd high_copy(int fd);

// pidfd_open(2) (-1 on failure), and SIGKILL through a pidfd (nothing when fd < 0).
int pidfd_open(pid_t pid);
void pidfd_kill(int pidfd);

// Appends what can be read now from a non-blocking fd; false once it reached EOF.
bool read_available(int fd, std::string& into);

// The parent pid from /proc/<pid>/status, -1 when the process is gone.
pid_t parent_of(pid_t pid);

// "what: strerror(errno)"
std::string errno_text(std::string_view what);

} // namespace mm::sandbox
