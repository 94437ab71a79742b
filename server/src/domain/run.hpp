#pragma once
// A code run (API.md v2, "Running code"): what a participant asked to run and, once it finished,
// how it went. Pure values; the verdict rules are domain/run_verdict.hpp.
#include "domain/code_language.hpp"
#include "domain/rate_window.hpp"
#include "domain/run_verdict.hpp"
#include "domain/types.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mm::domain {

enum class run_status { queued, running, finished };

std::string_view to_string(run_status s); // "queued", "running", "finished"
std::optional<run_status> parse_run_status(std::string_view s);
std::optional<run_verdict> parse_run_verdict(std::string_view s);

// One test of the round's questions and what the program printed for it.
struct run_test {
  std::string name;
  bool passed = false;
  std::string input;
  std::string expected_output;
  std::string actual_output;
};

struct run {
  std::string id;
  std::string room_id;
  int round = 1;
  party by;
  code_language language = code_language::python;
  run_status status = run_status::queued;
  std::optional<run_verdict> verdict; // once finished
  std::optional<int> exit_code;
  std::string stdout_text; // user content: never logged
  std::string stderr_text;
  bool truncated = false;
  std::vector<run_test> tests; // empty for a run with stdin
  std::optional<std::int64_t> duration_ms;
  time_point created_at;
  std::optional<time_point> finished_at;
};

// "20 runs per interview in 10 minutes (`rate_limited`)".
inline constexpr rate_window run_rate{20, milliseconds{600'000}};

} // namespace mm::domain

namespace mm::domain {
// Program output as the run object shows it: invalid UTF-8 and NUL bytes each become U+FFFD, so
// it can be stored as text (PostgreSQL refuses NUL) and sent as JSON. Verdicts are decided on
// the raw output, before this.
std::string displayable_output(std::string_view raw);
} // namespace mm::domain
