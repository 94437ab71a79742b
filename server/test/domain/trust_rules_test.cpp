// Blocks and reports (domain/trust_rules.hpp): which fact decides, in which order, and the
// report limit's arithmetic.
#include "domain/trust_rules.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {
using namespace mm::domain;
using namespace std::chrono_literals;

const time_point now = from_millis(1'790'000'000'000);

TEST(check_block, oneself_is_validation_failed_an_unknown_user_not_found) {
  ASSERT_TRUE(check_block(true, true));
  EXPECT_EQ(check_block(true, true)->code, errc::validation_failed);
  EXPECT_NE(check_block(true, true)->message.find("userId"), std::string::npos);
  ASSERT_TRUE(check_block(false, false));
  EXPECT_EQ(check_block(false, false)->code, errc::not_found);
  EXPECT_FALSE(check_block(false, true));
}

TEST(blocked_ending, the_blocker_refuses_what_they_received_and_withdraws_what_they_sent) {
  interview iv;
  iv.inviter = {"u_a", "A"};
  iv.invitee = {"u_b", "B"};
  EXPECT_EQ(blocked_ending(iv, "u_b"), interview_status::rejected);
  EXPECT_EQ(blocked_ending(iv, "u_a"), interview_status::cancelled);
}

TEST(report_reason, names_round_trip_and_nothing_else_parses) {
  for (auto r : {report_reason::no_show, report_reason::abusive, report_reason::inappropriate, report_reason::spam,
                 report_reason::other})
    EXPECT_EQ(parse_report_reason(to_string(r)), r);
  for (const char* s : {"", "No_show", "harassment", "spam "}) EXPECT_EQ(parse_report_reason(s), std::nullopt) << s;
}

TEST(check_report_details, counts_code_points_and_allows_line_breaks_and_tabs) {
  EXPECT_FALSE(check_report_details(std::string(2000, 'x')));
  EXPECT_TRUE(check_report_details(std::string(2001, 'x')));
  std::string accents;
  for (int i = 0; i < 2000; ++i) accents += "\xc3\xa9"; // 2000 code points, 4000 bytes
  EXPECT_FALSE(check_report_details(accents));
  EXPECT_FALSE(check_report_details("line one\nline two\r\n\tindented"));
  const auto bad = check_report_details(std::string("bell\a"));
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->code, errc::validation_failed);
  EXPECT_EQ(bad->message.rfind("details", 0), 0u) << "names the field first";
}

report_facts fine() {
  report_facts f;
  f.target_exists = true;
  return f;
}

TEST(check_report, fails_in_order_self_then_unknown_user_then_room_then_limit) {
  auto f = fine();
  f.to_self = true;
  f.target_exists = false;
  f.room_of_both = false;
  EXPECT_EQ(check_report(f, {}, now)->code, errc::validation_failed);
  f.to_self = false;
  EXPECT_EQ(check_report(f, {}, now)->code, errc::not_found);
  f.target_exists = true;
  ASSERT_TRUE(check_report(f, {}, now));
  EXPECT_EQ(check_report(f, {}, now)->code, errc::not_found);
  EXPECT_NE(check_report(f, {}, now)->message.find("roomId"), std::string::npos);
  f.room_of_both = true;
  EXPECT_FALSE(check_report(f, {}, now));
  f.room_of_both.reset();
  EXPECT_FALSE(check_report(f, {}, now)) << "no roomId: nothing to check";
}

TEST(check_report, the_eleventh_in_a_day_waits_until_the_oldest_of_the_ten_leaves_the_window) {
  const report_limit limit{10, 24h};
  auto f = fine();
  for (int i = 0; i < 9; ++i) f.recent.push_back(now - 10h + i * 1min);
  EXPECT_FALSE(check_report(f, limit, now));
  f.recent.push_back(now - 1min);
  const auto over = check_report(f, limit, now);
  ASSERT_TRUE(over);
  EXPECT_EQ(over->code, errc::rate_limited);
  EXPECT_DOUBLE_EQ(over->retry_after_seconds, 14.0 * 3600); // the oldest, 10 h old, leaves in 14 h
  EXPECT_FALSE(check_report(f, {0, 24h}, now)) << "a count of 0 turns the limit off";
}

TEST(check_report, retry_after_is_at_least_a_second) {
  auto f = fine();
  for (int i = 0; i < 10; ++i) f.recent.push_back(now - 24h + 1ms);
  EXPECT_DOUBLE_EQ(check_report(f, {10, 24h}, now)->retry_after_seconds, 1.0);
}

} // namespace
