#include "domain/run_verdict.hpp"

namespace mm::domain {
namespace {

bool is_trailing_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }

} // namespace

std::string_view to_string(execution_outcome v) {
  switch (v) {
  case execution_outcome::ok: return "ok";
  case execution_outcome::nonzero_exit: return "nonzero_exit";
  case execution_outcome::signaled: return "signaled";
  case execution_outcome::time_limit: return "time_limit";
  case execution_outcome::memory_limit: return "memory_limit";
  case execution_outcome::output_limit: return "output_limit";
  case execution_outcome::compile_error: return "compile_error";
  case execution_outcome::unavailable: return "unavailable";
  case execution_outcome::aborted: return "aborted";
  case execution_outcome::not_run: return "not_run";
  }
  return {};
}

std::string_view to_string(run_verdict v) {
  switch (v) {
  case run_verdict::passed: return "passed";
  case run_verdict::failed: return "failed";
  case run_verdict::ok: return "ok";
  case run_verdict::compile_error: return "compile_error";
  case run_verdict::runtime_error: return "runtime_error";
  case run_verdict::time_limit: return "time_limit";
  case run_verdict::memory_limit: return "memory_limit";
  case run_verdict::output_limit: return "output_limit";
  }
  return {};
}

std::string normalize_output(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t through_last_content = 0; // out's length up to the end of its last non-empty line
  for (std::size_t pos = 0; pos <= text.size();) {
    auto end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    auto line = text.substr(pos, end - pos);
    while (!line.empty() && is_trailing_space(line.back())) line.remove_suffix(1);
    if (pos != 0) out += '\n';
    out += line;
    if (!line.empty()) through_last_content = out.size();
    pos = end + 1;
  }
  out.resize(through_last_content);
  return out;
}

bool output_matches(std::string_view actual, std::string_view expected) {
  return normalize_output(actual) == normalize_output(expected);
}

run_verdict single_run_verdict(execution_outcome outcome) {
  switch (outcome) {
  case execution_outcome::ok: return run_verdict::ok;
  case execution_outcome::time_limit: return run_verdict::time_limit;
  case execution_outcome::memory_limit: return run_verdict::memory_limit;
  case execution_outcome::output_limit: return run_verdict::output_limit;
  case execution_outcome::compile_error: return run_verdict::compile_error;
  case execution_outcome::nonzero_exit:
  case execution_outcome::signaled:
  case execution_outcome::unavailable:
  case execution_outcome::aborted:
  case execution_outcome::not_run: return run_verdict::runtime_error;
  }
  return run_verdict::runtime_error;
}

bool test_passed(const test_execution& t) {
  return t.outcome == execution_outcome::ok && output_matches(t.actual_output, t.expected_output);
}

run_verdict tests_run_verdict(std::span<const test_execution> tests) {
  for (const auto& t : tests) {
    if (test_passed(t)) continue;
    return t.outcome == execution_outcome::ok ? run_verdict::failed : single_run_verdict(t.outcome);
  }
  return run_verdict::passed;
}

} // namespace mm::domain
