#include "domain/run_verdict.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using namespace mm::domain;
using eo = execution_outcome;

struct golden {
  const char* input;
  const char* normalized;
};

// Golden cases of the contract's comparison: trailing whitespace of every line, then trailing
// empty lines, go; everything else (leading spaces, inner empty lines, case) stays.
const golden normalize_cases[] = {
    {"", ""},
    {"\n", ""},
    {"\n\n\n", ""},
    {"   \n\t\n", ""},
    {"42", "42"},
    {"42\n", "42"},
    {"42 \t\n\n\n", "42"},
    {"1 2 3   \n4 5 6\t\n", "1 2 3\n4 5 6"},
    {"a\r\nb\r\n", "a\nb"},           // CRLF: \r is trailing whitespace
    {"  indented\n", "  indented"},   // leading whitespace is kept
    {"\n\nafter two empty lines", "\n\nafter two empty lines"},
    {"a\n\n\nb\n\n", "a\n\n\nb"},     // inner empty lines are kept
    {"x\v\f \n", "x"},
    {"a b", "a b"},                   // inner spaces are kept
    {"A\n", "A"},
};

TEST(run_verdict, normalize_output_matches_the_golden_cases) {
  for (const auto& c : normalize_cases) EXPECT_EQ(normalize_output(c.input), c.normalized) << '"' << c.input << '"';
}

TEST(run_verdict, output_matches_ignores_trailing_whitespace_and_trailing_empty_lines_only) {
  EXPECT_TRUE(output_matches("3\n", "3"));
  EXPECT_TRUE(output_matches("1 2  \n3\n\n", "1 2\n3"));
  EXPECT_TRUE(output_matches("", "\n"));
  EXPECT_TRUE(output_matches("yes\r\n", "yes"));
  EXPECT_FALSE(output_matches(" 3", "3"));       // leading space differs
  EXPECT_FALSE(output_matches("1  2", "1 2"));    // inner spaces differ
  EXPECT_FALSE(output_matches("1\n\n2", "1\n2")); // inner empty line differs
  EXPECT_FALSE(output_matches("Yes", "yes"));
  EXPECT_FALSE(output_matches("", "0"));
  EXPECT_FALSE(output_matches("3\n4", "3"));
}

TEST(run_verdict, verdicts_and_outcomes_are_spelled_as_the_contract) {
  const std::pair<run_verdict, const char*> names[] = {
      {run_verdict::passed, "passed"},           {run_verdict::failed, "failed"},
      {run_verdict::ok, "ok"},                   {run_verdict::compile_error, "compile_error"},
      {run_verdict::runtime_error, "runtime_error"}, {run_verdict::time_limit, "time_limit"},
      {run_verdict::memory_limit, "memory_limit"}, {run_verdict::output_limit, "output_limit"},
  };
  for (auto [v, name] : names) EXPECT_EQ(to_string(v), name);
  EXPECT_EQ(to_string(eo::nonzero_exit), "nonzero_exit");
  EXPECT_EQ(to_string(eo::not_run), "not_run");
}

TEST(run_verdict, a_single_run_is_ok_on_exit_zero_and_runtime_error_on_any_other_failure) {
  EXPECT_EQ(single_run_verdict(eo::ok), run_verdict::ok);
  EXPECT_EQ(single_run_verdict(eo::nonzero_exit), run_verdict::runtime_error);
  EXPECT_EQ(single_run_verdict(eo::signaled), run_verdict::runtime_error);
  EXPECT_EQ(single_run_verdict(eo::unavailable), run_verdict::runtime_error);
  EXPECT_EQ(single_run_verdict(eo::aborted), run_verdict::runtime_error);
  EXPECT_EQ(single_run_verdict(eo::not_run), run_verdict::runtime_error);
}

TEST(run_verdict, a_single_run_reports_limits_and_compile_errors_as_themselves) {
  EXPECT_EQ(single_run_verdict(eo::time_limit), run_verdict::time_limit);
  EXPECT_EQ(single_run_verdict(eo::memory_limit), run_verdict::memory_limit);
  EXPECT_EQ(single_run_verdict(eo::output_limit), run_verdict::output_limit);
  EXPECT_EQ(single_run_verdict(eo::compile_error), run_verdict::compile_error);
}

TEST(run_verdict, a_test_passes_only_when_the_program_exited_zero_with_matching_output) {
  EXPECT_TRUE(test_passed({eo::ok, "6\n", "6"}));
  EXPECT_FALSE(test_passed({eo::ok, "7\n", "6"}));
  EXPECT_FALSE(test_passed({eo::nonzero_exit, "6\n", "6"})); // right output, then a crash
  EXPECT_FALSE(test_passed({eo::time_limit, "6\n", "6"}));
}

TEST(run_verdict, all_tests_passing_is_passed) {
  const std::vector<test_execution> tests{{eo::ok, "1\n", "1"}, {eo::ok, "2 \n\n", "2"}, {eo::ok, "", ""}};
  EXPECT_EQ(tests_run_verdict(tests), run_verdict::passed);
  EXPECT_EQ(tests_run_verdict({}), run_verdict::passed);
}

TEST(run_verdict, the_first_test_that_does_not_pass_decides) {
  const std::vector<test_execution> wrong_then_slow{{eo::ok, "1", "1"}, {eo::ok, "3", "2"}, {eo::time_limit, "", "3"}};
  EXPECT_EQ(tests_run_verdict(wrong_then_slow), run_verdict::failed);
  const std::vector<test_execution> slow_then_wrong{{eo::time_limit, "", "1"}, {eo::ok, "3", "2"}};
  EXPECT_EQ(tests_run_verdict(slow_then_wrong), run_verdict::time_limit);
  const std::vector<test_execution> crash{{eo::ok, "1", "1"}, {eo::signaled, "", "2"}};
  EXPECT_EQ(tests_run_verdict(crash), run_verdict::runtime_error);
  const std::vector<test_execution> memory{{eo::memory_limit, "", "1"}};
  EXPECT_EQ(tests_run_verdict(memory), run_verdict::memory_limit);
  const std::vector<test_execution> output{{eo::ok, "1", "1"}, {eo::output_limit, "1111", "1"}};
  EXPECT_EQ(tests_run_verdict(output), run_verdict::output_limit);
}

TEST(run_verdict, a_compile_error_is_the_verdict_of_a_run_over_tests) {
  const std::vector<test_execution> tests{{eo::compile_error, "", "1"}, {eo::compile_error, "", "2"}};
  EXPECT_EQ(tests_run_verdict(tests), run_verdict::compile_error);
}

TEST(run_verdict, tests_not_run_at_shutdown_are_a_runtime_error) {
  const std::vector<test_execution> tests{{eo::ok, "1", "1"}, {eo::aborted, "", "2"}, {eo::not_run, "", "3"}};
  EXPECT_EQ(tests_run_verdict(tests), run_verdict::runtime_error);
}

} // namespace
