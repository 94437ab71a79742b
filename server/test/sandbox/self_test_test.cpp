#include "sandbox_fixture.hpp"

#include <regex>

namespace {

using namespace mm::sandbox;
using namespace mm::sandbox::testing;
using mm::domain::code_language;
using mm::domain::execution_outcome;

TEST(sandbox_self_test, the_machine_sandbox_is_confined_and_runs_every_language_with_its_version) {
  const auto report = shared_runner().report();
  EXPECT_TRUE(report.confined);
  EXPECT_TRUE(report.problems.empty());
  std::cout << "enforcement: " << report.enforcement << "\n";
  ASSERT_EQ(report.runtimes.size(), 3u);
  for (const auto& r : report.runtimes) {
    std::cout << to_string(r.language) << " " << r.version << "\n";
    EXPECT_TRUE(std::regex_match(r.version, std::regex(R"(\d+\.\d+\.\d+)"))) << r.version;
  }
  EXPECT_TRUE(report.available(code_language::python));
  EXPECT_TRUE(report.available(code_language::javascript));
  EXPECT_TRUE(report.available(code_language::cpp));
}

TEST(sandbox_self_test, nothing_runs_before_the_check) {
  const auto unchecked = create_sandbox(config{});
  const auto r = unchecked->run(job{code_language::python, "print(1)", {"", ""}});
  ASSERT_EQ(r.executions.size(), 2u);
  for (const auto& e : r.executions) {
    EXPECT_EQ(e.outcome, execution_outcome::unavailable);
    EXPECT_EQ(e.stdout_text, "");
  }
}

TEST(sandbox_self_test, without_bubblewrap_nothing_runs_unconfined) {
  config c;
  c.bwrap = "/nonexistent/bwrap";
  const auto broken = create_sandbox(c);
  const auto report = broken->self_test();
  EXPECT_FALSE(report.confined);
  EXPECT_TRUE(report.runtimes.empty());
  ASSERT_FALSE(report.problems.empty());
  EXPECT_NE(report.problems.front().find("/nonexistent/bwrap"), std::string::npos) << report.problems.front();
  const auto r = broken->run(job{code_language::python, "print(1)", {""}});
  EXPECT_EQ(r.executions.at(0).outcome, execution_outcome::unavailable);
  EXPECT_EQ(r.executions.at(0).stdout_text, "");
}

TEST(sandbox_self_test, a_broken_runtime_turns_off_its_language_only) {
  config c;
  c.node = "/usr/bin/false"; // runs, but is not Node.js
  c.gxx = "/nonexistent/g++";
  const auto partial = create_sandbox(c);
  const auto report = partial->self_test();
  EXPECT_TRUE(report.confined);
  EXPECT_TRUE(report.available(code_language::python));
  EXPECT_FALSE(report.available(code_language::javascript));
  EXPECT_FALSE(report.available(code_language::cpp));
  EXPECT_EQ(report.problems.size(), 2u);
  EXPECT_EQ(partial->run(job{code_language::javascript, "console.log(1)", {""}}).executions.at(0).outcome,
            execution_outcome::unavailable);
  EXPECT_EQ(partial->run(job{code_language::python, "print(1)", {""}}).executions.at(0).outcome, execution_outcome::ok);
}

TEST(sandbox_self_test, a_runtime_outside_the_bound_system_is_not_available) {
  config c;
  c.python = "/root/.pyenv/shims/python3"; // not under /usr: invisible in the sandbox
  const auto outside = create_sandbox(c);
  const auto report = outside->self_test(std::vector{code_language::python});
  EXPECT_TRUE(report.confined);
  EXPECT_FALSE(report.available(code_language::python));
}

} // namespace
