#include "sandbox/posix_io.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>

namespace mm::sandbox {

bool make_pipe(fd_pair& p) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return false;
  p.read.reset(fds[0]);
  p.write.reset(fds[1]);
  return true;
}

unique_fd make_memfd(const char* name, std::string_view data, bool seal) {
  unique_fd fd(::memfd_create(name, MFD_CLOEXEC | (seal ? MFD_ALLOW_SEALING : 0u)));
  if (!fd) return fd;
  for (std::size_t done = 0; done < data.size();) {
    const auto n = ::write(fd.get(), data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return unique_fd{};
    done += static_cast<std::size_t>(n);
  }
  if (seal && ::fcntl(fd.get(), F_ADD_SEALS, F_SEAL_WRITE | F_SEAL_GROW | F_SEAL_SHRINK | F_SEAL_SEAL) != 0)
    return unique_fd{};
  if (::lseek(fd.get(), 0, SEEK_SET) != 0) return unique_fd{};
  return fd;
}

unique_fd high_copy(int fd) { return unique_fd(::fcntl(fd, F_DUPFD_CLOEXEC, 10)); }

int pidfd_open(pid_t pid) { return static_cast<int>(::syscall(SYS_pidfd_open, pid, 0)); }

void pidfd_kill(int pidfd) {
  if (pidfd >= 0) ::syscall(SYS_pidfd_send_signal, pidfd, SIGKILL, nullptr, 0);
}

bool read_available(int fd, std::string& into) {
  std::array<char, 4096> buf;
  while (true) {
    const auto n = ::read(fd, buf.data(), buf.size());
    if (n > 0) {
      into.append(buf.data(), static_cast<std::size_t>(n));
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    return n < 0; // EAGAIN: more may come; 0: EOF
  }
}

pid_t parent_of(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(in, line);)
    if (line.rfind("PPid:", 0) == 0) return static_cast<pid_t>(std::strtol(line.c_str() + 5, nullptr, 10));
  return -1;
}

std::string errno_text(std::string_view what) { return std::string(what) + ": " + std::strerror(errno); }

} // namespace mm::sandbox
