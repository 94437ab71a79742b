#pragma once
// One real bubblewrap runner per test process, checked once (self_test) for every language;
// and helpers to run one program on one input.
#include "sandbox/runner.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <mutex>
#include <string>

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

} // namespace mm::sandbox::testing
