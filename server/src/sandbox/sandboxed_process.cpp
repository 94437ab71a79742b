#include "sandbox/sandboxed_process.hpp"

#include "sandbox/bwrap_command.hpp"
#include "sandbox/child_launch.hpp"
#include "sandbox/posix_io.hpp"
#include "sandbox/unique_fd.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/eventfd.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <string_view>

namespace mm::sandbox {
namespace {

using steady = std::chrono::steady_clock;

milliseconds cpu_of(const rusage& ru) {
  using std::chrono::microseconds;
  const auto us = [](const timeval& t) { return microseconds{t.tv_sec * 1000000LL + t.tv_usec}; };
  return std::chrono::duration_cast<milliseconds>(us(ru.ru_utime) + us(ru.ru_stime));
}

// The supervisor's side of one sandbox, from fork to the end of its pid namespace.
class supervisor {
public:
  supervisor(const process_request& r, process_report& rep) : r_(r), rep_(rep) {}

  void run(std::stop_token stop);

private:
  bool start();
  bool release(std::stop_token& stop);
  void watch();
  void finish();
  void kill_all();
  void stop_program();
  void read_output(int fd, output_capture& into, bool& open);

  const process_request& r_;
  process_report& rep_;
  unique_fd stop_fd_;
  fd_pair out_, err_, info_, json_, report_;
  unique_fd block_;      // our end of the --block-fd socket pair
  unique_fd child_block_;
  unique_fd source_, stdin_;
  pid_t pid_ = -1;
  unique_fd pidfd_;
  pid_t init_pid_ = -1;
  unique_fd init_pidfd_;
  bool out_open_ = true, err_open_ = true;
  steady::time_point started_;
  std::optional<steady::time_point> kill_all_at_; // after stop_program(): when to kill the rest
};

void supervisor::run(std::stop_token stop) {
  stop_fd_.reset(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK));
  if (!stop_fd_) return void(rep_.setup_error = errno_text("eventfd"));
  std::stop_callback on_stop(stop, [fd = stop_fd_.get()] {
    const std::uint64_t one = 1;
    (void)!::write(fd, &one, sizeof one);
  });
  if (stop.stop_requested()) return void(rep_.killed_stop = true);
  if (!start() || !release(stop)) {
    kill_all();
  } else {
    watch();
  }
  finish();
}

bool supervisor::start() {
  source_ = make_memfd("mm-source", r_.source, false);
  stdin_ = make_memfd("mm-stdin", r_.stdin_data, true);
  int block_pair[2];
  if (!source_ || !stdin_ || !make_pipe(out_) || !make_pipe(err_) || !make_pipe(info_) || !make_pipe(json_) ||
      !make_pipe(report_) || ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, block_pair) != 0) {
    rep_.setup_error = errno_text("creating the sandbox's files");
    return false;
  }
  block_.reset(block_pair[0]);
  child_block_.reset(block_pair[1]);
  for (int fd : {out_.read.get(), err_.read.get(), info_.read.get(), json_.read.get()})
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);

  std::array<unique_fd, 8> high{high_copy(stdin_.get()),      high_copy(out_.write.get()),
                                high_copy(err_.write.get()),   high_copy(source_.get()),
                                high_copy(info_.write.get()),  high_copy(json_.write.get()),
                                high_copy(child_block_.get()), high_copy(report_.write.get())};
  launch_plan plan;
  for (std::size_t i = 0; i < plan.fds.size(); ++i) plan.fds[i] = high[i].get();
  plan.report_fd = high[7].get();
  for (const auto& fd : high)
    if (!fd) return rep_.setup_error = errno_text("copying descriptors"), false;
  if (r_.cgroup)
    for (const auto& fd : r_.cgroup->join_fds()) plan.join_fds.push_back(fd.get());
  plan.drop = r_.drop_privileges;
  plan.uid = r_.run_uid;
  plan.gid = r_.run_gid;
  plan.parent = ::getpid();
  plan.last_cap = last_capability();
  std::vector<std::string> argv = r_.argv;
  for (auto& a : argv) plan.argv.push_back(a.data());
  plan.argv.push_back(nullptr);
  std::string path = "PATH=/usr/bin:/bin";
  plan.envp = {path.data(), nullptr};

  pid_ = ::fork();
  if (pid_ < 0) return rep_.setup_error = errno_text("fork"), false;
  if (pid_ == 0) launch_child(plan);

  for (auto& fd : high) fd.reset();
  out_.write.reset();
  err_.write.reset();
  info_.write.reset();
  json_.write.reset();
  report_.write.reset();
  child_block_.reset();
  pidfd_.reset(pidfd_open(pid_));
  if (!pidfd_) return rep_.setup_error = errno_text("pidfd_open"), false; // still reaped in finish()

  int msg[2] = {0, 0};
  ssize_t n;
  do n = ::read(report_.read.get(), msg, sizeof msg);
  while (n < 0 && errno == EINTR);
  if (n == sizeof msg) {
    rep_.setup_error = "starting the sandbox failed at " + std::string(launch_step(msg[0])) + ": " + std::strerror(msg[1]);
  }
  return rep_.setup_error.empty();
}

// Waits for bubblewrap's {"child-pid"} (written as soon as it has cloned the sandbox's init,
// also when a stop comes meanwhile, so the init can be killed and reaped), takes a pidfd of
// that init, then lets the sandbox run.
bool supervisor::release(std::stop_token& stop) {
  std::string info;
  const auto deadline = steady::now() + std::chrono::seconds(10);
  while (true) {
    pollfd fds[]{{info_.read.get(), POLLIN, 0}, {pidfd_.get(), POLLIN, 0}};
    const auto left = std::chrono::duration_cast<milliseconds>(deadline - steady::now()).count();
    if (left <= 0 || ::poll(fds, 2, static_cast<int>(left)) == 0) return rep_.setup_error = "bubblewrap did not start in 10 s", false;
    if (fds[0].revents && !read_available(info_.read.get(), info)) break;
    if (fds[1].revents && !fds[0].revents) break; // bubblewrap ended before it wrote anything
  }
  const auto child = bwrap_json_number(info, "child-pid");
  if (!child) return rep_.setup_error = "bubblewrap ended before the sandbox started", false;
  init_pid_ = static_cast<pid_t>(*child);
  init_pidfd_.reset(pidfd_open(init_pid_));
  if (!init_pidfd_ || parent_of(init_pid_) != pid_) {
    init_pidfd_.reset();
    return rep_.setup_error = "the sandbox's init ended before it started", false;
  }
  if (stop.stop_requested()) return rep_.killed_stop = true, false;
  if (::send(block_.get(), "x", 1, MSG_NOSIGNAL) != 1) return rep_.setup_error = errno_text("releasing the sandbox"), false;
  block_.reset();
  started_ = steady::now();
  return true;
}

void supervisor::kill_all() {
  pidfd_kill(init_pidfd_.get()); // the pid namespace ends with its init
  if (pid_ > 0) ::kill(-pid_, SIGKILL); // bubblewrap and its process group (not reaped yet: the id is ours)
  if (r_.cgroup) r_.cgroup->kill_all();
}

// Kills the processes bubblewrap's init started (the program, and orphans it adopted) but not
// the init, so it reaps them and counts their CPU time, which it hands on when it is reaped in
// turn; killing the init first would end them uncounted. The rest goes a second later at most
// (kill_all_at_), or in finish().
void supervisor::stop_program() {
  const auto init = std::to_string(init_pid_);
  std::ifstream in("/proc/" + init + "/task/" + init + "/children");
  bool any = false;
  for (pid_t child; in >> child;) {
    unique_fd fd(pidfd_open(child));
    if (!fd || parent_of(child) != init_pid_) continue; // gone, or the number is no longer its
    pidfd_kill(fd.get());
    any = true;
  }
  if (!any) return kill_all();
  kill_all_at_ = steady::now() + std::chrono::seconds(1);
}

void supervisor::read_output(int fd, output_capture& into, bool& open) {
  std::array<char, 65536> buf;
  const auto n = ::read(fd, buf.data(), buf.size());
  if (n == 0) open = false;
  if (n <= 0) return;
  into.append(std::string_view(buf.data(), static_cast<std::size_t>(n)));
  if (!rep_.killed_output && !rep_.killed_wall && !rep_.killed_stop && !rep_.killed_cpu &&
      rep_.out.total() + rep_.err.total() > r_.lim.output_bytes) {
    rep_.killed_output = true;
    stop_program();
  }
}

void supervisor::watch() {
  const auto deadline = started_ + r_.lim.wall;
  const bool cpu_accounted = r_.cgroup && r_.cgroup->cpu_time();
  while (true) {
    pollfd fds[]{{pidfd_.get(), POLLIN, 0},
                 {stop_fd_.get(), POLLIN, 0},
                 {out_open_ ? out_.read.get() : -1, POLLIN, 0},
                 {err_open_ ? err_.read.get() : -1, POLLIN, 0}};
    const auto left = std::chrono::duration_cast<milliseconds>(deadline - steady::now()).count() + 1;
    const bool killed = rep_.killed_output || rep_.killed_wall || rep_.killed_stop || rep_.killed_cpu;
    auto timeout = killed ? 100L : std::max<long>(left, 0);
    if (cpu_accounted && !killed) timeout = std::min(timeout, 100L);
    const int ready = ::poll(fds, 4, static_cast<int>(timeout));
    if (ready < 0 && errno == EINTR) continue;
    if (fds[0].revents) break;
    if (fds[1].revents) {
      std::uint64_t count;
      (void)!::read(stop_fd_.get(), &count, sizeof count);
      if (!killed) rep_.killed_stop = true, stop_program();
    }
    if (fds[2].revents) read_output(out_.read.get(), rep_.out, out_open_);
    if (fds[3].revents) read_output(err_.read.get(), rep_.err, err_open_);
    if (ready == 0 && !killed && steady::now() >= deadline) rep_.killed_wall = true, stop_program();
    if (cpu_accounted && !killed && r_.cgroup->cpu_time() >= r_.lim.cpu) rep_.killed_cpu = true, stop_program();
    if (kill_all_at_ && steady::now() >= *kill_all_at_) kill_all_at_.reset(), kill_all();
  }
  rep_.wall = std::chrono::duration_cast<milliseconds>(steady::now() - started_);
}

// Reaps bubblewrap, ends the pid namespace and reaps its init (reparented here), drains what
// the processes wrote before they died, and reads bubblewrap's exit report.
void supervisor::finish() {
  if (pid_ <= 0) return;
  int status = 0;
  rusage ru{};
  while (::wait4(pid_, &status, 0, &ru) < 0 && errno == EINTR) {}
  rep_.cpu = cpu_of(ru);
  rep_.max_rss_bytes = static_cast<std::uint64_t>(ru.ru_maxrss) * 1024;
  if (init_pidfd_) {
    pidfd_kill(init_pidfd_.get());
    pollfd p{init_pidfd_.get(), POLLIN, 0};
    ::poll(&p, 1, 10000);
    // By pidfd, not pid: if bubblewrap reaped the init, its number may already be another's.
    rusage init_ru{};
    siginfo_t info{};
    const auto reaped = ::syscall(SYS_waitid, P_PIDFD, init_pidfd_.get(), &info, WEXITED | __WALL, &init_ru);
    if (reaped == 0) {
      rep_.cpu += cpu_of(init_ru);
      rep_.max_rss_bytes = std::max(rep_.max_rss_bytes, static_cast<std::uint64_t>(init_ru.ru_maxrss) * 1024);
    }
  }
  // Every writer is gone now: what is left in the pipes ends in EOF.
  for (int rounds = 0; (out_open_ || err_open_) && rounds < 1000; ++rounds) {
    pollfd fds[]{{out_open_ ? out_.read.get() : -1, POLLIN, 0}, {err_open_ ? err_.read.get() : -1, POLLIN, 0}};
    if (::poll(fds, 2, 1000) <= 0) break;
    if (fds[0].revents) read_output(out_.read.get(), rep_.out, out_open_);
    if (fds[1].revents) read_output(err_.read.get(), rep_.err, err_open_);
  }
  if (const auto cpu = r_.cgroup ? r_.cgroup->cpu_time() : std::nullopt) rep_.cpu = std::max(rep_.cpu, *cpu);
  std::string json;
  read_available(json_.read.get(), json);
  if (const auto code = bwrap_json_number(json, "exit-code")) {
    rep_.command_started = true;
    rep_.exit_code = static_cast<int>(*code);
  }
}

} // namespace

process_report run_sandboxed(const process_request& request, std::stop_token stop) {
  process_report report(request.lim.kept_bytes);
  supervisor(request, report).run(stop);
  return report;
}

} // namespace mm::sandbox
