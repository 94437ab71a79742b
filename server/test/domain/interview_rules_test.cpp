// The interview lifecycle's permissions (API.md, "Interview lifecycle") as tables: what the
// permitted role gets in each state, which roles are permitted, and what changes at the deadline.
#include "domain/interview_rules.hpp"
#include "domain/fake_clock.hpp"
#include "domain/enum_names.hpp"

#include <gtest/gtest.h>

#include <array>
#include <optional>
#include <string>

namespace {

using namespace mm::domain;
using std::chrono::milliseconds;

constexpr auto all_statuses = std::array{interview_status::pending,   interview_status::accepted,
                                         interview_status::in_progress, interview_status::completed,
                                         interview_status::rejected,  interview_status::cancelled,
                                         interview_status::expired,   interview_status::abandoned};
constexpr auto all_actions = std::array{action::accept, action::reject,   action::cancel, action::complete,
                                        action::join,   action::signal,   action::feedback};

const char* action_name(action a) {
  switch (a) {
  case action::accept: return "accept";
  case action::reject: return "reject";
  case action::cancel: return "cancel";
  case action::complete: return "complete";
  case action::join: return "join";
  case action::signal: return "signal";
  case action::feedback: return "feedback";
  }
  return "?";
}

// nullopt: allowed.
using verdict = std::optional<errc>;
constexpr verdict ok = std::nullopt;
constexpr verdict conflict = errc::conflict;
constexpr verdict gone = errc::invitation_expired;

// What the permitted role gets, before the invitation's deadline.
//                 accept    reject    cancel    complete  join      signal    feedback
struct state_row {
  interview_status status;
  std::array<verdict, 7> by_action;
};
const state_row state_table[] = {
    {interview_status::pending, {ok, ok, ok, conflict, conflict, conflict, conflict}},
    {interview_status::accepted, {conflict, conflict, conflict, ok, ok, ok, conflict}},
    {interview_status::in_progress, {conflict, conflict, conflict, ok, ok, ok, conflict}},
    {interview_status::completed, {conflict, conflict, conflict, conflict, conflict, conflict, ok}},
    {interview_status::rejected, {conflict, conflict, conflict, conflict, conflict, conflict, conflict}},
    {interview_status::cancelled, {conflict, conflict, conflict, conflict, conflict, conflict, conflict}},
    {interview_status::expired, {gone, gone, gone, conflict, conflict, conflict, conflict}},
    {interview_status::abandoned, {conflict, conflict, conflict, conflict, conflict, conflict, ok}},
};

// Which participant may take each action; the other one gets forbidden, whatever the state.
struct role_row {
  action a;
  bool inviter, invitee;
};
constexpr role_row role_table[] = {
    {action::accept, false, true},   {action::reject, false, true}, {action::cancel, true, false},
    {action::complete, true, true},  {action::join, true, true},    {action::signal, true, true},
    {action::feedback, true, true},
};

const time_point deadline = from_millis(1'790'000'120'000);

interview make(interview_status s) {
  interview iv;
  iv.room_id = "r_1";
  iv.status = s;
  iv.inviter = {"u_inviter", "Ada"};
  iv.invitee = {"u_invitee", "Grace"};
  iv.created_at = deadline - milliseconds{120'000};
  iv.expires_at = deadline;
  return iv;
}

verdict run(const interview& iv, std::string_view user, action a, time_point now) {
  auto r = check(iv, user, a, now);
  if (r) return ok;
  return r.error().code;
}

std::string describe(verdict v) { return v ? std::string(code_name(*v)) : "ok"; }

// The combined specification: stranger -> not_found; wrong role -> forbidden; a pending
// invitation at or past its deadline answers like an expired one; else the state table.
verdict expected(role r, action a, interview_status s, bool due) {
  if (r == role::none) return errc::not_found;
  const auto& perm = role_table[static_cast<int>(a)];
  if (!(r == role::inviter ? perm.inviter : perm.invitee)) return errc::forbidden;
  if (s == interview_status::pending && due) s = interview_status::expired;
  return state_table[static_cast<int>(s)].by_action[static_cast<int>(a)];
}

TEST(interview_rules, tables_list_every_status_and_action_in_enum_order) {
  ASSERT_EQ(std::size(state_table), all_statuses.size());
  for (std::size_t i = 0; i < all_statuses.size(); ++i) EXPECT_EQ(state_table[i].status, all_statuses[i]);
  ASSERT_EQ(std::size(role_table), all_actions.size());
  for (std::size_t i = 0; i < all_actions.size(); ++i) EXPECT_EQ(role_table[i].a, all_actions[i]);
}

TEST(interview_rules, every_role_action_and_status_before_at_and_after_the_deadline) {
  struct moment {
    const char* name;
    time_point now;
    bool due;
  };
  const moment moments[] = {
      {"long before the deadline", deadline - milliseconds{100'000}, false},
      {"1 ms before the deadline", deadline - milliseconds{1}, false},
      {"at the deadline", deadline, true},
      {"1 ms after the deadline", deadline + milliseconds{1}, true},
  };
  const std::pair<role, const char*> users[] = {
      {role::inviter, "u_inviter"}, {role::invitee, "u_invitee"}, {role::none, "u_stranger"}};
  int checked = 0;
  for (auto s : all_statuses)
    for (auto a : all_actions)
      for (auto [r, user] : users)
        for (const auto& m : moments) {
          const auto iv = make(s);
          EXPECT_EQ(describe(run(iv, user, a, m.now)), describe(expected(r, a, s, m.due)))
              << user << " does " << action_name(a) << " on a " << to_string(s) << " interview " << m.name;
          ++checked;
        }
  EXPECT_EQ(checked, 8 * 7 * 3 * 4);
}

TEST(interview_rules, invitee_accepts_and_rejects_a_live_invitation) {
  const auto iv = make(interview_status::pending);
  EXPECT_TRUE(check(iv, "u_invitee", action::accept, deadline - milliseconds{1}));
  EXPECT_TRUE(check(iv, "u_invitee", action::reject, deadline - milliseconds{1}));
}

TEST(invitation_rules, inviter_cannot_accept_or_reject) {
  const auto iv = make(interview_status::pending);
  EXPECT_EQ(check(iv, "u_inviter", action::accept, deadline - milliseconds{1}).error().code, errc::forbidden);
  EXPECT_EQ(check(iv, "u_inviter", action::reject, deadline - milliseconds{1}).error().code, errc::forbidden);
}

TEST(invitation_rules, invitee_cannot_cancel) {
  const auto iv = make(interview_status::pending);
  EXPECT_EQ(check(iv, "u_invitee", action::cancel, deadline - milliseconds{1}).error().code, errc::forbidden);
}

TEST(invitation_rules, a_stranger_sees_nothing_even_of_a_final_interview) {
  for (auto s : all_statuses)
    for (auto a : all_actions)
      EXPECT_EQ(check(make(s), "u_stranger", a, deadline).error().code, errc::not_found);
}

TEST(invitation_rules, the_wrong_role_is_forbidden_before_the_state_is_looked_at) {
  // e.g. the inviter "accepting" an expired invitation learns it may not, not that it expired.
  EXPECT_EQ(check(make(interview_status::expired), "u_inviter", action::accept, deadline).error().code, errc::forbidden);
  EXPECT_EQ(check(make(interview_status::completed), "u_invitee", action::cancel, deadline).error().code, errc::forbidden);
}

TEST(invitation_rules, answering_at_the_exact_deadline_is_too_late) {
  const auto iv = make(interview_status::pending);
  EXPECT_EQ(check(iv, "u_invitee", action::accept, deadline).error().code, errc::invitation_expired);
  EXPECT_EQ(check(iv, "u_invitee", action::reject, deadline).error().code, errc::invitation_expired);
  EXPECT_EQ(check(iv, "u_inviter", action::cancel, deadline).error().code, errc::invitation_expired);
}

TEST(invitation_rules, failures_carry_a_message_for_a_person) {
  int failures = 0;
  for (auto s : all_statuses)
    for (auto a : all_actions)
      for (const char* user : {"u_inviter", "u_invitee", "u_stranger"})
        if (auto r = check(make(s), user, a, deadline); !r) {
          ++failures;
          EXPECT_FALSE(r.error().message.empty()) << to_string(s) << ' ' << user;
        }
  EXPECT_GT(failures, 0) << "no combination failed: nothing was checked";
}

TEST(interview_rules, completing_an_expired_interview_is_a_conflict) {
  EXPECT_EQ(check(make(interview_status::expired), "u_inviter", action::complete, deadline).error().code, errc::conflict);
}

TEST(interview_rules, either_participant_completes_an_accepted_or_running_interview) {
  for (auto s : {interview_status::accepted, interview_status::in_progress})
    for (const char* user : {"u_inviter", "u_invitee"}) EXPECT_TRUE(check(make(s), user, action::complete, deadline));
}

TEST(interview_rules, feedback_opens_once_the_interview_ended) {
  for (auto s : all_statuses) {
    const bool open = s == interview_status::completed || s == interview_status::abandoned;
    EXPECT_EQ(static_cast<bool>(check(make(s), "u_invitee", action::feedback, deadline)), open) << to_string(s);
  }
}

TEST(interview_rules, final_and_active_states) {
  for (auto s : all_statuses) {
    const bool active = s == interview_status::accepted || s == interview_status::in_progress;
    const bool final = !active && s != interview_status::pending;
    EXPECT_EQ(is_active(s), active) << to_string(s);
    EXPECT_EQ(is_final(s), final) << to_string(s);
  }
}

TEST(interview_rules, an_invitation_is_live_while_pending_and_before_its_deadline) {
  mm::test::fake_clock clock(deadline - milliseconds{2});
  const auto iv = make(interview_status::pending);
  EXPECT_TRUE(is_live_invitation(iv, clock.now()));
  clock.advance(milliseconds{1});
  EXPECT_TRUE(is_live_invitation(iv, clock.now()));
  clock.advance(milliseconds{1}); // now == expires_at: expired
  EXPECT_FALSE(is_live_invitation(iv, clock.now()));
  clock.advance(milliseconds{1});
  EXPECT_FALSE(is_live_invitation(iv, clock.now()));
  for (auto s : all_statuses)
    if (s != interview_status::pending) {
      EXPECT_FALSE(is_live_invitation(make(s), deadline - milliseconds{10}));
    }
}

TEST(interview_rules, roles_and_the_other_participant) {
  const auto iv = make(interview_status::accepted);
  EXPECT_EQ(role_of(iv, "u_inviter"), role::inviter);
  EXPECT_EQ(role_of(iv, "u_invitee"), role::invitee);
  EXPECT_EQ(role_of(iv, "u_stranger"), role::none);
  EXPECT_EQ(role_of(iv, ""), role::none);
  EXPECT_EQ(other_participant(iv, "u_inviter"), "u_invitee");
  EXPECT_EQ(other_participant(iv, "u_invitee"), "u_inviter");
}

} // namespace
