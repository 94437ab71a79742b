// The send rules (domain/invitation_rules.hpp): which fact decides, in which order, with which
// sentence, and the rate limit's arithmetic.
#include "domain/invitation_rules.hpp"

#include <gtest/gtest.h>

namespace {
using namespace mm::domain;
using namespace std::chrono_literals;

const time_point now = from_millis(1'790'000'000'000);

// Facts under which a send creates an invitation.
send_facts fine() {
  send_facts f;
  f.questions_exist = true;
  f.invitee_name = "Bob";
  f.invitee_available = true;
  return f;
}

errc code_of(const send_facts& f, send_rate_limit limit = {}) {
  auto v = decide_send(f, limit, now);
  EXPECT_FALSE(v);
  return v ? errc::internal : v.error().code;
}

TEST(decide_send, creates_an_invitation_when_no_rule_objects) {
  auto v = decide_send(fine(), {20, 600s}, now);
  ASSERT_TRUE(v);
  EXPECT_TRUE(std::holds_alternative<create_invitation>(*v));
}

TEST(decide_send, refuses_inviting_oneself_before_anything_else) {
  auto f = fine();
  f.to_self = true;
  f.questions_exist = false;
  f.invitee_name.reset();
  auto v = decide_send(f, {}, now);
  ASSERT_FALSE(v);
  EXPECT_EQ(v.error().code, errc::validation_failed);
  EXPECT_NE(v.error().message.find("inviteeId"), std::string::npos);
}

TEST(decide_send, names_questionIds_when_a_question_does_not_exist) {
  auto f = fine();
  f.questions_exist = false;
  f.invitee_name.reset(); // unknown questions are told before an unknown invitee
  auto v = decide_send(f, {}, now);
  ASSERT_FALSE(v);
  EXPECT_EQ(v.error().code, errc::validation_failed);
  EXPECT_NE(v.error().message.find("questionIds"), std::string::npos);
}

TEST(decide_send, an_unknown_invitee_is_not_found) {
  auto f = fine();
  f.invitee_name.reset();
  f.inviter_active = true;
  EXPECT_EQ(code_of(f), errc::not_found);
}

TEST(decide_send, an_unavailable_invitee_is_busy_and_named) {
  auto f = fine();
  f.invitee_available = false;
  f.inviter_active = true;
  auto v = decide_send(f, {}, now);
  ASSERT_FALSE(v);
  EXPECT_EQ(v.error().code, errc::invitee_busy);
  EXPECT_EQ(v.error().message, "Bob is not taking invitations right now.");
}

TEST(decide_send, an_inviter_in_an_interview_is_a_conflict_even_when_invited_back) {
  auto f = fine();
  f.inviter_active = true;
  f.mutual_room = "r_1";
  EXPECT_EQ(code_of(f), errc::conflict);
}

TEST(decide_send, a_mutual_invitation_meets_before_the_remaining_rules) {
  auto f = fine();
  f.mutual_room = "r_7";
  f.inviter_inviting = true;
  f.invitee_active = true;
  f.recent_sends = {now - 1s, now - 1s};
  auto v = decide_send(f, {1, 600s}, now);
  ASSERT_TRUE(v);
  EXPECT_EQ(*v, send_verdict{meet_invitation{"r_7"}});
}

TEST(decide_send, one_pending_invitation_per_inviter) {
  auto f = fine();
  f.inviter_inviting = true;
  f.invitee_active = true;
  EXPECT_EQ(code_of(f), errc::conflict);
}

TEST(decide_send, an_invitee_in_an_interview_is_busy) {
  auto f = fine();
  f.invitee_active = true;
  auto v = decide_send(f, {}, now);
  ASSERT_FALSE(v);
  EXPECT_EQ(v.error().code, errc::invitee_busy);
  EXPECT_EQ(v.error().message, "Bob is in another interview.");
}

TEST(decide_send, the_rate_limit_waits_for_the_oldest_send_that_keeps_the_count_at_the_limit) {
  auto f = fine();
  f.recent_sends = {now - 500s, now - 400s, now - 30s};
  auto v = decide_send(f, {2, 600s}, now);
  ASSERT_FALSE(v);
  EXPECT_EQ(v.error().code, errc::rate_limited);
  // Two of the three must leave: the second-oldest leaves at now - 400 s + 600 s.
  EXPECT_DOUBLE_EQ(v.error().retry_after_seconds, 200.0);
}

TEST(decide_send, the_rate_limit_asks_for_at_least_a_second) {
  auto f = fine();
  f.recent_sends = {now - 600s + 1ms};
  auto v = decide_send(f, {1, 600s}, now);
  ASSERT_FALSE(v);
  EXPECT_DOUBLE_EQ(v.error().retry_after_seconds, 1.0);
}

TEST(decide_send, under_the_limit_or_without_one_a_send_is_created) {
  auto f = fine();
  f.recent_sends = {now - 10s};
  EXPECT_TRUE(decide_send(f, {2, 600s}, now));
  f.recent_sends.assign(50, now - 1s);
  EXPECT_TRUE(decide_send(f, {0, 600s}, now));
}

} // namespace

namespace {

TEST(decide_send, a_blocked_pair_is_not_found_with_the_unknown_users_sentence_before_availability_and_meeting) {
  auto unknown = fine();
  unknown.invitee_name.reset();
  const auto expected = decide_send(unknown, {}, now);
  ASSERT_FALSE(expected);
  auto f = fine();
  f.blocked = true;
  f.invitee_available = false;      // an unavailable blocked user still looks unknown
  f.mutual_room = "r_theirs";       // and a pending invitation from them does not meet
  auto v = decide_send(f, {}, now);
  ASSERT_FALSE(v);
  EXPECT_EQ(v.error().code, errc::not_found);
  EXPECT_EQ(v.error().message, expected.error().message);
}

TEST(decide_send, a_blocked_pair_still_hears_validation_first_as_an_unknown_user_would) {
  auto f = fine();
  f.blocked = true;
  f.questions_exist = false;
  EXPECT_EQ(code_of(f), errc::validation_failed);
}

} // namespace
