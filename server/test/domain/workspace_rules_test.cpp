// Which round a workspace event addresses, and which rounds GET shows (domain/workspace_rules).
#include "domain/workspace_rules.hpp"

#include <gtest/gtest.h>

namespace mm::domain {
namespace {

interview with_status(interview_status s) {
  interview iv;
  iv.room_id = "r_1";
  iv.status = s;
  iv.inviter = {"u_a", "a"};
  iv.invitee = {"u_b", "b"};
  return iv;
}

TEST(workspace_rules, a_missing_round_is_the_current_one) {
  auto r = workspace_round(with_status(interview_status::in_progress), std::nullopt);
  ASSERT_TRUE(r);
  EXPECT_EQ(*r, 1);
}

interview in_round_two() {
  auto iv = with_status(interview_status::in_progress);
  iv.rounds.push_back({.number = 1});
  iv.rounds.push_back({.number = 2});
  return iv;
}

TEST(workspace_rules, the_current_round_follows_the_started_rounds) {
  EXPECT_EQ(workspace_round(in_round_two(), std::nullopt).value(), 2);
  auto first = with_status(interview_status::in_progress);
  first.rounds.push_back({.number = 1});
  EXPECT_EQ(workspace_round(first, std::nullopt).value(), 1);
}

TEST(workspace_rules, round_two_is_shown_once_it_starts) {
  EXPECT_EQ(workspace_rounds(with_status(interview_status::in_progress)), std::vector<int>{1});
  EXPECT_EQ(workspace_rounds(in_round_two()), (std::vector<int>{1, 2}));
}

TEST(workspace_rules, a_given_round_is_one_or_two) {
  const auto iv = in_round_two();
  EXPECT_EQ(workspace_round(iv, 1).value(), 1);
  EXPECT_EQ(workspace_round(iv, 2).value(), 2);
  for (std::int64_t bad : {0, -1, 3, 1000}) {
    auto r = workspace_round(iv, bad);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().code, errc::validation_failed);
    EXPECT_NE(r.error().message.find("round"), std::string::npos);
  }
}

TEST(workspace_rules, rounds_are_shown_once_the_interview_was_accepted) {
  for (auto s : {interview_status::pending, interview_status::rejected, interview_status::cancelled, interview_status::expired})
    EXPECT_TRUE(workspace_rounds(with_status(s)).empty()) << static_cast<int>(s);
  for (auto s : {interview_status::accepted, interview_status::in_progress, interview_status::completed,
                 interview_status::abandoned})
    EXPECT_EQ(workspace_rounds(with_status(s)), std::vector<int>{1}) << static_cast<int>(s);
}

} // namespace
} // namespace mm::domain
