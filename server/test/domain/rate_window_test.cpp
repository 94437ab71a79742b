// domain::check_rate: a sliding window ("at most N in any W"), with the time to wait.
#include "domain/rate_window.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace mm::domain {
namespace {

const time_point t0 = from_millis(1'790'000'000'000);
constexpr rate_window three_per_10s{3, milliseconds{10'000}};

std::vector<time_point> at(std::initializer_list<int> offsets_ms) {
  std::vector<time_point> out;
  for (int ms : offsets_ms) out.push_back(t0 + milliseconds{ms});
  return out;
}

TEST(rate_window, allows_up_to_the_count_in_the_window) {
  EXPECT_FALSE(check_rate({}, three_per_10s, t0, "x"));
  EXPECT_FALSE(check_rate(at({0, 1}), three_per_10s, t0 + milliseconds{2}, "x"));
}

TEST(rate_window, refuses_one_more_with_the_time_until_the_oldest_leaves) {
  const auto refused = check_rate(at({0, 1000, 2000}), three_per_10s, t0 + milliseconds{3000}, "Too many.");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->code, errc::rate_limited);
  EXPECT_EQ(refused->message, "Too many.");
  EXPECT_DOUBLE_EQ(refused->retry_after_seconds, 7.0);
}

TEST(rate_window, the_window_slides_an_action_exactly_one_window_old_no_longer_counts) {
  EXPECT_TRUE(check_rate(at({0, 1000, 2000}), three_per_10s, t0 + milliseconds{9'999}, "x"));
  EXPECT_FALSE(check_rate(at({0, 1000, 2000}), three_per_10s, t0 + milliseconds{10'000}, "x"));
}

TEST(rate_window, times_before_the_window_are_ignored) {
  EXPECT_FALSE(check_rate(at({-20'000, -15'000, -11'000, 0, 1}), three_per_10s, t0 + milliseconds{2}, "x"));
}

TEST(rate_window, waits_at_least_a_second) {
  const auto refused = check_rate(at({0, 1, 2}), three_per_10s, t0 + milliseconds{9'900}, "x");
  ASSERT_TRUE(refused);
  EXPECT_DOUBLE_EQ(refused->retry_after_seconds, 1.0);
}

TEST(rate_window, a_count_of_zero_means_no_limit) {
  EXPECT_FALSE(check_rate(at({0, 0, 0, 0}), rate_window{0, milliseconds{10'000}}, t0, "x"));
}

} // namespace
} // namespace mm::domain
