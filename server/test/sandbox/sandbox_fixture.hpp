#pragma once
// One real bubblewrap runner per test process, checked once (self_test) for every language;
// and helpers to run one program on one input.
#include "sandbox/runner.hpp"

#include <gtest/gtest.h>

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <mutex>
#include <random>
#include <string>

extern char** environ;

namespace mm::domain {
inline void PrintTo(execution_outcome o, std::ostream* os) { *os << to_string(o); }
} // namespace mm::domain

namespace mm::sandbox::testing {

// The runner, after a self_test of every language; the test fails if the machine's sandbox
// does not pass it (the suite's premise: bubblewrap, python3, node and g++ are installed).
inline runner& shared_runner() {
  static std::unique_ptr<runner> instance;
  static std::once_flag once;
  std::call_once(once, [] {
    instance = create_sandbox(config{});
    const auto report = instance->self_test();
    std::string problems;
    for (const auto& p : report.problems) problems += p + "\n";
    EXPECT_TRUE(report.confined) << problems;
    EXPECT_EQ(report.runtimes.size(), 3u) << problems;
  });
  return *instance;
}

// Runs `code` once on `input` and returns that execution (and the C++ compile in `compile`).
inline execution_result run_once(domain::code_language language, const std::string& code, const std::string& input = "",
                                 std::optional<execution_result>* compile = nullptr) {
  auto result = shared_runner().run(job{language, code, {input}});
  if (compile) *compile = result.compile;
  return result.executions.at(0);
}

inline execution_result run_python(const std::string& code, const std::string& input = "") {
  return run_once(domain::code_language::python, code, input);
}

inline execution_result run_cpp(const std::string& code, const std::string& input = "",
                                std::optional<execution_result>* compile = nullptr) {
  return run_once(domain::code_language::cpp, code, input, compile);
}

// A string no other process on the machine has in its command line.
inline std::string unique_tag() {
  static std::atomic<int> n{0};
  return "mmtag" + std::to_string(::getpid()) + "x" + std::to_string(n++) + "x" + std::to_string(std::random_device{}());
}

// How many host processes have `tag` in their command line.
inline int processes_tagged(const std::string& tag) {
  int count = 0;
  for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
    const auto name = entry.path().filename().string();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    std::ifstream in(entry.path() / "cmdline");
    const std::string cmdline((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (cmdline.find(tag) != std::string::npos) ++count;
  }
  return count;
}

// The host can still start processes, and the sandbox still runs a normal program.
inline void expect_host_unharmed() {
  pid_t pid = -1;
  char path[] = "/usr/bin/true";
  char* argv[] = {path, nullptr};
  ASSERT_EQ(::posix_spawn(&pid, path, nullptr, nullptr, argv, environ), 0) << "the host cannot start a process";
  int status = -1;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  const auto r = run_python("print(6 * 7)");
  EXPECT_EQ(r.outcome, domain::execution_outcome::ok) << r.message;
  EXPECT_EQ(r.stdout_text, "42\n");
}

// This process's peak resident memory since reset_peak_memory(), in bytes.
inline void reset_peak_memory() { std::ofstream("/proc/self/clear_refs") << "5"; }
inline std::uint64_t peak_memory() {
  std::ifstream in("/proc/self/status");
  for (std::string line; std::getline(in, line);)
    if (line.rfind("VmHWM:", 0) == 0) return std::stoull(line.substr(6)) * 1024;
  return 0;
}

} // namespace mm::sandbox::testing
