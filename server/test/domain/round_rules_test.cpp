// Rounds and roles (domain/round_rules.hpp) as tables: the interviewer of each round, who may
// start round 2 in every status and round, who sees the hints, and a round's elapsed time.
#include "domain/round_rules.hpp"

#include "domain/enum_names.hpp"

#include <gtest/gtest.h>

#include <array>

namespace {

using namespace mm::domain;
using std::chrono::milliseconds;

interview make(interview_status s) {
  interview iv;
  iv.room_id = "r_1";
  iv.status = s;
  iv.inviter = {"u_inviter", "Ada"};
  iv.invitee = {"u_invitee", "Grace"};
  return iv;
}

TEST(rounds, the_inviter_interviews_first_then_the_roles_swap) {
  const auto iv = make(interview_status::in_progress);
  EXPECT_EQ(interviewer_in(iv, 1).id, "u_inviter");
  EXPECT_EQ(candidate_in(iv, 1).id, "u_invitee");
  EXPECT_EQ(interviewer_in(iv, 2).id, "u_invitee");
  EXPECT_EQ(candidate_in(iv, 2).id, "u_inviter");
  EXPECT_EQ(interviewer_in(iv, 2).name, "Grace");
}

using verdict = std::optional<errc>;
constexpr verdict ok = std::nullopt;
verdict result_of(const outcome<void>& r) { return r ? ok : verdict{r.error().code}; }

TEST(rounds, who_may_start_round_two) {
  struct row {
    interview_status status;
    int round;
    verdict inviter, invitee, stranger;
  };
  constexpr verdict conflict = errc::conflict, forbidden = errc::forbidden, not_found = errc::not_found;
  const row rows[] = {
      {interview_status::in_progress, 1, forbidden, ok, not_found}, // round 1's candidate is the invitee
      {interview_status::in_progress, 2, conflict, conflict, not_found}, // a third round, whoever asks
      {interview_status::pending, 1, conflict, conflict, not_found},
      {interview_status::accepted, 1, conflict, conflict, not_found},
      {interview_status::completed, 1, conflict, conflict, not_found},
      {interview_status::completed, 2, conflict, conflict, not_found},
      {interview_status::abandoned, 1, conflict, conflict, not_found},
      {interview_status::rejected, 1, conflict, conflict, not_found},
      {interview_status::cancelled, 1, conflict, conflict, not_found},
      {interview_status::expired, 1, conflict, conflict, not_found},
  };
  for (const auto& r : rows) {
    const auto iv = make(r.status);
    const std::string where = std::string(to_string(r.status)) + " round " + std::to_string(r.round);
    EXPECT_EQ(result_of(check_start_round(iv, "u_inviter", r.round)), r.inviter) << where;
    EXPECT_EQ(result_of(check_start_round(iv, "u_invitee", r.round)), r.invitee) << where;
    EXPECT_EQ(result_of(check_start_round(iv, "u_someone", r.round)), r.stranger) << where;
  }
}

TEST(rounds, hints_follow_the_current_interviewer) {
  struct row {
    interview_status status;
    int rounds_started;
    verdict inviter, invitee;
  };
  constexpr verdict forbidden = errc::forbidden;
  const row rows[] = {
      {interview_status::accepted, 0, ok, forbidden},    {interview_status::in_progress, 1, ok, forbidden},
      {interview_status::in_progress, 2, forbidden, ok}, {interview_status::completed, 2, forbidden, ok},
      {interview_status::completed, 1, ok, forbidden},
  };
  for (const auto& r : rows) {
    const auto iv = make(r.status);
    EXPECT_EQ(result_of(check_hints(iv, "u_inviter", r.rounds_started)), r.inviter) << r.rounds_started;
    EXPECT_EQ(result_of(check_hints(iv, "u_invitee", r.rounds_started)), r.invitee) << r.rounds_started;
    EXPECT_EQ(result_of(check_hints(iv, "u_someone", r.rounds_started)), verdict{errc::not_found});
  }
}

TEST(rounds, elapsed_while_running_else_null) {
  const auto start = from_millis(1'790'000'000'000);
  EXPECT_EQ(round_elapsed_ms(start, std::nullopt, start + milliseconds{1234}), 1234);
  EXPECT_EQ(round_elapsed_ms(start, std::nullopt, start), 0);
  EXPECT_EQ(round_elapsed_ms(start, std::nullopt, start - milliseconds{5}), 0) << "never negative";
  EXPECT_EQ(round_elapsed_ms(start, start + milliseconds{9}, start + milliseconds{50}), std::nullopt);
}

TEST(rounds, the_current_round_is_the_last_started_else_round_one_on_the_interviews_questions) {
  auto iv = make(interview_status::accepted);
  iv.questions = {{"q1", "T", "B", "algorithms", "easy", {}}, {"q2", "T", "B", "behavioral", "easy", {}}};
  const auto before = current_round(iv);
  EXPECT_EQ(before.number, 1);
  ASSERT_EQ(before.questions.size(), 2u);
  EXPECT_EQ(before.questions[1].id, "q2");

  iv.status = interview_status::in_progress;
  interview_round one;
  one.number = 1;
  one.questions = iv.questions;
  interview_round two;
  two.number = 2;
  two.questions = {{"q9", "T", "B", "algorithms", "hard", {}}};
  iv.rounds = {one, two};
  const auto now = current_round(iv);
  EXPECT_EQ(now.number, 2);
  ASSERT_EQ(now.questions.size(), 1u);
  EXPECT_EQ(now.questions[0].id, "q9");
}

TEST(names, interview_origins_are_spelled_as_the_contract_both_ways) {
  for (auto [value, name] : {std::pair{interview_origin::invitation, "invitation"}, {interview_origin::match, "match"},
                             {interview_origin::schedule, "schedule"}}) {
    EXPECT_EQ(to_string(value), name);
    EXPECT_EQ(parse_interview_origin(name), value) << name;
  }
  EXPECT_FALSE(parse_interview_origin("invite"));
  EXPECT_FALSE(parse_interview_origin(""));
}

} // namespace
