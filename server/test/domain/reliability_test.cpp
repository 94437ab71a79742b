// Reliability (domain/reliability.hpp): the score and its threshold, who counts as absent, and
// the tally over a user's interviews.
#include "domain/reliability.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace {

using namespace mm::domain;

TEST(reliability, score_is_completed_over_all_three_from_three_interviews) {
  struct row {
    int completed, no_shows, left;
    std::optional<double> score;
  };
  const row rows[] = {
      {0, 0, 0, std::nullopt}, {2, 0, 0, std::nullopt}, {1, 1, 0, std::nullopt}, {0, 1, 1, std::nullopt},
      {3, 0, 0, 1.0},          {2, 1, 0, 2.0 / 3.0},     {1, 1, 1, 1.0 / 3.0},    {0, 2, 1, 0.0},
      {0, 0, 3, 0.0},          {9, 1, 0, 0.9},           {3, 1, 0, 0.75},
  };
  for (const auto& r : rows) {
    const auto got = make_reliability(r.completed, r.no_shows, r.left);
    EXPECT_EQ(got.completed, r.completed);
    EXPECT_EQ(got.no_shows, r.no_shows);
    EXPECT_EQ(got.left, r.left);
    EXPECT_EQ(got.score, r.score) << r.completed << "/" << r.no_shows << "/" << r.left;
  }
}

interview abandoned() {
  interview iv;
  iv.status = interview_status::abandoned;
  iv.inviter = {"u_a", "Ada"};
  iv.invitee = {"u_b", "Grace"};
  return iv;
}

TEST(reliability, the_absent_participant_is_the_one_missing) {
  auto iv = abandoned();
  EXPECT_EQ(absent_participant(iv, true, false), "u_a");
  EXPECT_EQ(absent_participant(iv, false, true), "u_b");
  EXPECT_EQ(absent_participant(iv, true, true), std::nullopt) << "both missing: nobody singled out";
  EXPECT_EQ(absent_participant(iv, false, false), std::nullopt);
  iv.status = interview_status::completed;
  EXPECT_EQ(absent_participant(iv, true, false), std::nullopt) << "only abandoned interviews have one";
}

TEST(reliability, tally_counts_completions_and_the_users_own_absences) {
  const std::vector<attendance> history = {
      {interview_status::completed, end_reason::completed, std::nullopt},
      {interview_status::completed, end_reason::completed, std::nullopt},
      {interview_status::abandoned, end_reason::no_show, "u_me"},
      {interview_status::abandoned, end_reason::no_show, "u_other"}, // the other's no-show
      {interview_status::abandoned, end_reason::left, "u_me"},
      {interview_status::abandoned, end_reason::left, std::nullopt},
      {interview_status::rejected, end_reason::declined, std::nullopt},
      {interview_status::expired, end_reason::invite_timeout, std::nullopt},
      {interview_status::in_progress, end_reason::none, std::nullopt},
  };
  EXPECT_EQ(tally("u_me", history), make_reliability(2, 1, 1));
  EXPECT_EQ(tally("u_me", history).score, 0.5);
  EXPECT_EQ(tally("u_other", history), make_reliability(2, 1, 0));
  EXPECT_EQ(tally("u_me", {}), make_reliability(0, 0, 0));
}

} // namespace

namespace {

interview active(interview_status status) {
  interview iv;
  iv.status = status;
  iv.inviter = {"u_a", "A"};
  iv.invitee = {"u_b", "B"};
  return iv;
}

TEST(abandonment_of, an_accepted_room_is_a_no_show_of_the_participant_who_never_joined) {
  auto iv = active(interview_status::accepted);
  iv.inviter_joined = true; // joined, and may have left again: still not the no-show
  auto a = abandonment_of(iv);
  EXPECT_EQ(a.reason, end_reason::no_show);
  EXPECT_EQ(a.absent, "u_b");
  iv.inviter_joined = false;
  iv.invitee_joined = true;
  EXPECT_EQ(abandonment_of(iv).absent, "u_a");
}

TEST(abandonment_of, a_no_show_with_nobody_or_both_joined_singles_out_nobody) {
  auto iv = active(interview_status::accepted);
  EXPECT_EQ(abandonment_of(iv).reason, end_reason::no_show);
  EXPECT_EQ(abandonment_of(iv).absent, std::nullopt);
  iv.inviter_joined = iv.invitee_joined = true; // both came, never together
  EXPECT_EQ(abandonment_of(iv).absent, std::nullopt);
}

TEST(abandonment_of, a_running_room_is_left_by_the_participant_not_in_it) {
  auto iv = active(interview_status::in_progress);
  iv.inviter_joined = iv.invitee_joined = true;
  iv.invitee_present = true;
  auto a = abandonment_of(iv);
  EXPECT_EQ(a.reason, end_reason::left);
  EXPECT_EQ(a.absent, "u_a");
  iv.invitee_present = false;
  EXPECT_EQ(abandonment_of(iv).absent, std::nullopt) << "both gone: nobody singled out";
}

} // namespace
