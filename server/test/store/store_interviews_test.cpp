// The store's interview contract (store/store.hpp, API.md "Interview lifecycle") on every
// backend: sending, the answers, expiry, rooms, history, stats, deadlines and feedback.
#include "store/store_fixture.hpp"

#include <map>
#include <set>

namespace mm::test {
namespace {

std::set<std::string> room_set(const std::vector<domain::interview>& list) {
  std::set<std::string> out;
  for (const auto& iv : list) out.insert(iv.room_id);
  return out;
}

// ---- send_invitation ----------------------------------------------------------------------

TEST_P(store_suite, sending_creates_a_pending_invitation_with_its_questions_in_order) {
  const auto ada = add_user("ada"), bob = add_user("bob");
  auto req = request(ada, bob, t0);
  req.question_ids = {question_ids_[3], question_ids_[0], question_ids_[4]};
  auto sent = db().send_invitation(req);
  ASSERT_TRUE(sent) << sent.error().message;
  EXPECT_FALSE(sent->met);
  EXPECT_TRUE(sent->ended_busy.empty());

  for (const auto& iv : {sent->iv, find(req.room_id)}) {
    EXPECT_EQ(iv.room_id, req.room_id);
    EXPECT_EQ(iv.status, interview_status::pending);
    EXPECT_EQ(iv.inviter.id, ada.id);
    EXPECT_EQ(iv.inviter.name, "ada");
    EXPECT_EQ(iv.invitee.id, bob.id);
    EXPECT_EQ(iv.invitee.name, "bob");
    EXPECT_EQ(iv.created_at, t0);
    EXPECT_EQ(iv.expires_at, t0 + ttl);
    EXPECT_FALSE(iv.responded_at);
    EXPECT_FALSE(iv.started_at);
    EXPECT_FALSE(iv.ended_at);
    EXPECT_FALSE(iv.grace_deadline);
    EXPECT_EQ(iv.reason, end_reason::none);
    EXPECT_FALSE(iv.inviter_present);
    EXPECT_FALSE(iv.invitee_present);
    ASSERT_EQ(iv.questions.size(), 3u);
    EXPECT_EQ(iv.questions[0].id, question_ids_[3]);
    EXPECT_EQ(iv.questions[1].id, question_ids_[0]);
    EXPECT_EQ(iv.questions[2].id, question_ids_[4]);
    EXPECT_FALSE(iv.questions[0].title.empty());
    EXPECT_FALSE(iv.questions[0].body.empty());
    EXPECT_FALSE(iv.questions[0].hints.empty());
  }
}

TEST_P(store_suite, a_send_answers_both_profiles_as_it_read_them) {
  const auto ada = add_user("ada"), bob = add_user("bob");
  auto p = db().get_profile(ada.id);
  p.headline = "Graphs and queues";
  p.timezone = "Europe/Berlin";
  db().put_profile(ada.id, p);
  auto sent = send(ada, bob, t0);
  ASSERT_TRUE(sent) << sent.error().message;
  EXPECT_EQ(sent->inviter_profile.headline, "Graphs and queues");
  EXPECT_EQ(sent->inviter_profile.timezone, "Europe/Berlin");
  EXPECT_EQ(sent->invitee_profile.target_role, "Backend engineer");
  EXPECT_TRUE(sent->invitee_profile.available);

  const auto first = invite(bob, ada, t0 + 200s); // ada's first one has lapsed by now
  auto met = send(ada, bob, t0 + 201s);
  ASSERT_TRUE(met) << met.error().message;
  EXPECT_TRUE(met->met);
  EXPECT_EQ(met->iv.room_id, first);
  EXPECT_EQ(met->inviter_profile.headline, "Graphs and queues") << "the sender's, also when it meets";
}

TEST_P(store_suite, a_send_checks_its_questions_inside_the_transaction) {
  const auto ada = add_user("ada"), bob = add_user("bob");
  auto req = request(ada, bob, t0);
  req.question_ids = {question_ids_[0], "no-such-question"};
  auto sent = db().send_invitation(req);
  ASSERT_FALSE(sent);
  EXPECT_EQ(sent.error().code, errc::validation_failed);
  EXPECT_FALSE(db().find_interview(req.room_id));
  domain::user ghost{"u_ghost", "ghost@example.com", "Ghost", t0};
  auto to_ghost = request(ada, ghost, t0);
  to_ghost.question_ids = {"no-such-question"};
  EXPECT_EQ(db().send_invitation(to_ghost).error().code, errc::validation_failed) << "questions are told first";
}

TEST_P(store_suite, inviting_oneself_is_refused_and_writes_nothing) {
  const auto ada = add_user("ada");
  auto req = request(ada, ada, t0);
  auto sent = db().send_invitation(req);
  ASSERT_FALSE(sent);
  EXPECT_EQ(sent.error().code, errc::validation_failed);
  EXPECT_FALSE(db().find_interview(req.room_id));
}

TEST_P(store_suite, inviting_an_unknown_user_is_not_found) {
  const auto ada = add_user("ada");
  domain::user ghost{"u_ghost", "ghost@example.com", "Ghost", t0};
  auto req = request(ada, ghost, t0);
  auto sent = db().send_invitation(req);
  ASSERT_FALSE(sent);
  EXPECT_EQ(sent.error().code, errc::not_found);
  EXPECT_FALSE(db().find_interview(req.room_id));
}

TEST_P(store_suite, inviting_an_unavailable_user_is_invitee_busy) {
  const auto ada = add_user("ada"), away = add_user("away", true, false);
  auto req = request(ada, away, t0);
  auto sent = db().send_invitation(req);
  ASSERT_FALSE(sent);
  EXPECT_EQ(sent.error().code, errc::invitee_busy);
  EXPECT_FALSE(db().find_interview(req.room_id));
}

TEST_P(store_suite, an_inviter_in_an_active_interview_may_not_invite) {
  const auto ada = add_user("ada"), bob = add_user("bob"), cy = add_user("cy");
  accepted(ada, bob, t0);
  auto sent = send(ada, cy, t0 + 10s);
  ASSERT_FALSE(sent);
  EXPECT_EQ(sent.error().code, errc::conflict);
  // Nor may the invitee of that interview.
  sent = send(bob, cy, t0 + 10s);
  ASSERT_FALSE(sent);
  EXPECT_EQ(sent.error().code, errc::conflict);
}

TEST_P(store_suite, an_inviter_in_an_interview_in_progress_may_not_invite) {
  const auto ada = add_user("ada"), bob = add_user("bob"), cy = add_user("cy");
  started(ada, bob, t0);
  auto sent = send(ada, cy, t0 + 10s);
  ASSERT_FALSE(sent);
  EXPECT_EQ(sent.error().code, errc::conflict);
}

TEST_P(store_suite, an_inviter_has_at_most_one_pending_invitation) {
  const auto ada = add_user("ada"), bob = add_user("bob"), cy = add_user("cy");
  const auto first = invite(ada, bob, t0);
  auto req = request(ada, cy, t0 + 1s);
  auto second = db().send_invitation(req);
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().code, errc::conflict);
  EXPECT_FALSE(db().find_interview(req.room_id));
  // Once the first is cancelled, inviting is allowed again.
  ASSERT_TRUE(db().cancel(first, ada.id, t0 + 2s));
  EXPECT_TRUE(send(ada, cy, t0 + 3s));
}

TEST_P(store_suite, an_invitation_past_its_deadline_no_longer_counts_as_pending) {
  // The expiry timer may not have run yet: the deadline alone decides.
  const auto ada = add_user("ada"), bob = add_user("bob"), cy = add_user("cy");
  invite(ada, bob, t0, 10s);
  auto early = send(ada, cy, t0 + 10s - 1ms);
  ASSERT_FALSE(early);
  EXPECT_EQ(early.error().code, errc::conflict);
  EXPECT_TRUE(send(ada, cy, t0 + 10s));
}

TEST_P(store_suite, inviting_a_user_in_an_active_interview_is_invitee_busy) {
  const auto ada = add_user("ada"), bob = add_user("bob"), cy = add_user("cy");
  accepted(bob, cy, t0);
  auto req = request(ada, bob, t0 + 10s);
  auto sent = db().send_invitation(req);
  ASSERT_FALSE(sent);
  EXPECT_EQ(sent.error().code, errc::invitee_busy);
  EXPECT_FALSE(db().find_interview(req.room_id));
  auto to_cy = send(ada, cy, t0 + 10s);
  ASSERT_FALSE(to_cy);
  EXPECT_EQ(to_cy.error().code, errc::invitee_busy);
}

TEST_P(store_suite, a_user_with_pending_invitations_can_still_be_invited) {
  const auto ada = add_user("ada"), bob = add_user("bob"), cy = add_user("cy"), dee = add_user("dee");
  invite(bob, cy, t0);         // bob is inviting
  invite(ada, bob, t0 + 1s);   // and is invited
  invite(dee, bob, t0 + 2s);   // twice
  EXPECT_EQ(db().pending_for_invitee(bob.id, t0 + 3s).size(), 2u);
}

TEST_P(store_suite, a_mutual_invitation_meets_and_is_accepted) {
  const auto ada = add_user("ada"), bob = add_user("bob");
  const auto first = invite(bob, ada, t0);
  auto req = request(ada, bob, t0 + 5s);
  auto met = db().send_invitation(req);
  ASSERT_TRUE(met) << met.error().message;
  EXPECT_TRUE(met->met);
  EXPECT_EQ(met->iv.room_id, first) << "the earlier invitation is the one accepted";
  EXPECT_EQ(met->iv.status, interview_status::accepted);
  EXPECT_EQ(met->iv.inviter.id, bob.id);
  EXPECT_EQ(met->iv.invitee.id, ada.id);
  EXPECT_EQ(met->iv.responded_at, t0 + 5s);
  EXPECT_EQ(met->iv.grace_deadline, req.grace_deadline);
  EXPECT_FALSE(db().find_interview(req.room_id)) << "no second interview is created";
  EXPECT_EQ(find(first).status, interview_status::accepted);
  EXPECT_EQ(db().active_interview(ada.id)->room_id, first);
  EXPECT_EQ(db().active_interview(bob.id)->room_id, first);
}

TEST_P(store_suite, meeting_a_mutual_invitation_ends_both_users_other_invitations_busy) {
  const auto ada = add_user("ada"), bob = add_user("bob"), cy = add_user("cy"), dee = add_user("dee");
  const auto ada_to_cy = invite(ada, cy, t0);
  const auto bob_to_ada = invite(bob, ada, t0 + 1s);
  const auto dee_to_bob = invite(dee, bob, t0 + 2s);
  auto met = send(ada, bob, t0 + 3s);
  ASSERT_TRUE(met) << met.error().message;
  EXPECT_TRUE(met->met);
  EXPECT_EQ(met->iv.room_id, bob_to_ada);
  EXPECT_EQ(room_set(met->ended_busy), (std::set<std::string>{ada_to_cy, dee_to_bob}));
  EXPECT_EQ(find(ada_to_cy).status, interview_status::cancelled);
  EXPECT_EQ(find(ada_to_cy).reason, end_reason::busy);
  EXPECT_EQ(find(dee_to_bob).status, interview_status::rejected);
  EXPECT_EQ(find(dee_to_bob).reason, end_reason::busy);
}

TEST_P(store_suite, a_mutual_invitation_past_its_deadline_does_not_meet) {
  const auto ada = add_user("ada"), bob = add_user("bob");
  const auto old = invite(bob, ada, t0, 10s);
  auto sent = send(ada, bob, t0 + 10s);
  ASSERT_TRUE(sent) << sent.error().message;
  EXPECT_FALSE(sent->met);
  EXPECT_NE(sent->iv.room_id, old);
  EXPECT_EQ(sent->iv.status, interview_status::pending);
  EXPECT_EQ(find(old).status, interview_status::pending) << "left for the expiry timer";
}

TEST_P(store_suite, invitations_are_rate_limited_per_inviter_with_a_retry_after) {
  const auto ada = add_user("ada"), bob = add_user("bob"), cy = add_user("cy");
  auto limited = [&](const domain::user& from, time_point now) {
    auto r = request(from, bob, now);
    r.rate_limit = {3, 600s};
    return db().send_invitation(r);
  };
  for (auto at : {t0, t0 + 10s, t0 + 20s}) {
    auto sent = limited(ada, at);
    ASSERT_TRUE(sent) << sent.error().message;
    ASSERT_TRUE(db().cancel(sent->iv.room_id, ada.id, at + 1s));
  }
  auto refused = limited(ada, t0 + 30s);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, errc::rate_limited);
  EXPECT_DOUBLE_EQ(refused.error().retry_after_seconds, 570.0) << "the oldest leaves the window at t0 + 600 s";

  auto almost = limited(ada, t0 + 600s - 1ms);
  ASSERT_FALSE(almost);
  EXPECT_EQ(almost.error().code, errc::rate_limited);
  EXPECT_GE(almost.error().retry_after_seconds, 0.001);
  EXPECT_LE(almost.error().retry_after_seconds, 1.0);

  // Another inviter is not affected.
  auto other = limited(cy, t0 + 30s);
  ASSERT_TRUE(other) << other.error().message;
  ASSERT_TRUE(db().cancel(other->iv.room_id, cy.id, t0 + 31s));

  EXPECT_TRUE(limited(ada, t0 + 600s)) << "the window slides";
}

TEST_P(store_suite, refused_invitations_do_not_count_against_the_rate_limit) {
  const auto ada = add_user("ada"), bob = add_user("bob"), away = add_user("away", true, false);
  for (int i = 0; i < 5; ++i) {
    auto r = request(ada, away, t0 + std::chrono::seconds{i});
    r.rate_limit = {2, 600s};
    EXPECT_EQ(db().send_invitation(r).error().code, errc::invitee_busy);
  }
  auto r = request(ada, bob, t0 + 10s);
  r.rate_limit = {2, 600s};
  EXPECT_TRUE(db().send_invitation(r));
}

TEST_P(store_suite, a_rate_limit_of_zero_means_no_limit) {
  const auto ada = add_user("ada"), bob = add_user("bob");
  for (int i = 0; i < 25; ++i) {
    const auto at = t0 + std::chrono::seconds{i};
    auto sent = send(ada, bob, at);
    ASSERT_TRUE(sent) << i << ": " << sent.error().message;
    ASSERT_TRUE(db().cancel(sent->iv.room_id, ada.id, at + 100ms));
  }
}

// ---- accept, reject, cancel, expire --------------------------------------------------------

TEST_P(store_suite, the_invitee_accepts) {
  const auto ada = add_user("ada"), bob = add_user("bob");
  const auto room = invite(ada, bob, t0);
  auto a = db().accept(room, bob.id, t0 + 7s, t0 + 7s + grace);
  ASSERT_TRUE(a) << a.error().message;
  EXPECT_EQ(a->iv.room_id, room);
  EXPECT_EQ(a->iv.status, interview_status::accepted);
  EXPECT_EQ(a->iv.responded_at, t0 + 7s);
  EXPECT_EQ(a->iv.grace_deadline, t0 + 7s + grace);
  EXPECT_EQ(a->iv.reason, end_reason::none);
  EXPECT_FALSE(a->iv.ended_at);
  EXPECT_EQ(a->iv.questions.size(), 2u);
  EXPECT_TRUE(a->ended_busy.empty());
  EXPECT_EQ(find(room).status, interview_status::accepted);
}

TEST_P(store_suite, only_the_invitee_accepts_or_rejects_and_only_the_inviter_cancels) {
  const auto ada = add_user("ada"), bob = add_user("bob"), eve = add_user("eve");
  const auto room = invite(ada, bob, t0);
  EXPECT_EQ(db().accept(room, ada.id, t0 + 1s, t0 + grace).error().code, errc::forbidden);
  EXPECT_EQ(db().reject(room, ada.id, t0 + 1s).error().code, errc::forbidden);
  EXPECT_EQ(db().cancel(room, bob.id, t0 + 1s).error().code, errc::forbidden);
  EXPECT_EQ(db().accept(room, eve.id, t0 + 1s, t0 + grace).error().code, errc::not_found);
  EXPECT_EQ(db().reject(room, eve.id, t0 + 1s).error().code, errc::not_found);
  EXPECT_EQ(db().cancel(room, eve.id, t0 + 1s).error().code, errc::not_found);
  EXPECT_EQ(find(room).status, interview_status::pending) << "failures change nothing";
}

TEST_P(store_suite, acting_on_an_unknown_room_is_not_found) {
  const auto ada = add_user("ada");
  EXPECT_EQ(db().accept("r_none", ada.id, t0, t0 + grace).error().code, errc::not_found);
  EXPECT_EQ(db().reject("r_none", ada.id, t0).error().code, errc::not_found);
  EXPECT_EQ(db().cancel("r_none", ada.id, t0).error().code, errc::not_found);
  EXPECT_EQ(db().complete("r_none", ada.id, t0).error().code, errc::not_found);
  EXPECT_EQ(db().join("r_none", ada.id, t0).error().code, errc::not_found);
  EXPECT_FALSE(db().leave("r_none", ada.id, t0));
  EXPECT_FALSE(db().expire("r_none", t0 + 1h));
  EXPECT_FALSE(db().abandon_if_due("r_none", t0 + 1h));
  EXPECT_FALSE(db().find_interview("r_none"));
}

TEST_P(store_suite, accepting_ends_both_participants_other_live_invitations_busy) {
  const auto ada = add_user("ada"), bob = add_user("bob"), cy = add_user("cy"), dee = add_user("dee"),
             eve = add_user("eve"), fay = add_user("fay"), gus = add_user("gus"), hal = add_user("hal");
  const auto ada_to_hal = invite(ada, hal, t0, 10s);  // past its deadline by the time ada invites bob
  const auto cy_to_ada = invite(cy, ada, t0 + 1s);    // ada received: rejected busy
  const auto bob_to_dee = invite(bob, dee, t0 + 2s);  // bob sent: cancelled busy
  const auto eve_to_bob = invite(eve, bob, t0 + 3s);  // bob received: rejected busy
  const auto fay_to_gus = invite(fay, gus, t0 + 4s);  // unrelated
  const auto ada_to_bob = invite(ada, bob, t0 + 20s);
  const auto at = t0 + 30s;

  auto a = db().accept(ada_to_bob, bob.id, at, at + grace);
  ASSERT_TRUE(a) << a.error().message;
  EXPECT_EQ(room_set(a->ended_busy), (std::set<std::string>{cy_to_ada, bob_to_dee, eve_to_bob}));
  for (const auto& ended : a->ended_busy) {
    EXPECT_EQ(ended.reason, end_reason::busy) << ended.room_id;
    EXPECT_EQ(ended.responded_at, at) << ended.room_id;
    EXPECT_EQ(ended.status, ended.room_id == bob_to_dee ? interview_status::cancelled : interview_status::rejected)
        << ended.room_id;
  }
  EXPECT_EQ(find(cy_to_ada).status, interview_status::rejected);
  EXPECT_EQ(find(bob_to_dee).status, interview_status::cancelled);
  EXPECT_EQ(find(eve_to_bob).status, interview_status::rejected);
  EXPECT_EQ(find(fay_to_gus).status, interview_status::pending);
  EXPECT_EQ(find(ada_to_hal).status, interview_status::pending) << "past its deadline: the expiry timer's, not busy";
  ASSERT_TRUE(db().expire(ada_to_hal, at));
  EXPECT_EQ(find(ada_to_hal).reason, end_reason::invite_timeout);
}

TEST_P(store_suite, an_answered_invitation_cannot_be_answered_again) {
  const auto ada = add_user("ada"), bob = add_user("bob");
  const auto room = invite(ada, bob, t0);
  ASSERT_TRUE(db().accept(room, bob.id, t0 + 1s, t0 + grace));
  EXPECT_EQ(db().accept(room, bob.id, t0 + 2s, t0 + grace).error().code, errc::conflict);
  EXPECT_EQ(db().reject(room, bob.id, t0 + 2s).error().code, errc::conflict);
  EXPECT_EQ(db().cancel(room, ada.id, t0 + 2s).error().code, errc::conflict);
  EXPECT_EQ(find(room).status, interview_status::accepted);
}

TEST_P(store_suite, the_invitee_rejects) {
  const auto ada = add_user("ada"), bob = add_user("bob");
  const auto room = invite(ada, bob, t0);
  auto r = db().reject(room, bob.id, t0 + 4s);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->status, interview_status::rejected);
  EXPECT_EQ(r->reason, end_reason::declined);
  EXPECT_EQ(r->responded_at, t0 + 4s);
  EXPECT_EQ(db().accept(room, bob.id, t0 + 5s, t0 + grace).error().code, errc::conflict);
  EXPECT_EQ(db().cancel(room, ada.id, t0 + 5s).error().code, errc::conflict);
  EXPECT_FALSE(db().expire(room, t0 + 1h));
  EXPECT_EQ(find(room).status, interview_status::rejected);
}

TEST_P(store_suite, the_inviter_cancels) {
  const auto ada = add_user("ada"), bob = add_user("bob");
  const auto room = invite(ada, bob, t0);
  auto c = db().cancel(room, ada.id, t0 + 3s);
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_EQ(c->status, interview_status::cancelled);
  EXPECT_EQ(c->reason, end_reason::cancelled);
  EXPECT_EQ(c->responded_at, t0 + 3s);
  EXPECT_EQ(db().accept(room, bob.id, t0 + 4s, t0 + grace).error().code, errc::conflict);
  EXPECT_FALSE(db().expire(room, t0 + 1h));
}

TEST_P(store_suite, expiry_happens_only_when_due_and_only_once) {
  const auto ada = add_user("ada"), bob = add_user("bob");
  const auto room = invite(ada, bob, t0);
  EXPECT_FALSE(db().expire(room, t0 + ttl - 1ms));
  EXPECT_EQ(find(room).status, interview_status::pending);
  auto e = db().expire(room, t0 + ttl);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->status, interview_status::expired);
  EXPECT_EQ(e->reason, end_reason::invite_timeout);
  EXPECT_EQ(e->responded_at, t0 + ttl) << "it left pending at its deadline";
  EXPECT_FALSE(db().expire(room, t0 + ttl));
  EXPECT_FALSE(db().expire(room, t0 + 1h));
  EXPECT_EQ(find(room).status, interview_status::expired);
}

TEST_P(store_suite, a_late_timer_expires_at_the_deadline) {
  const auto ada = add_user("ada"), bob = add_user("bob");
  const auto room = invite(ada, bob, t0);
  auto e = db().expire(room, t0 + ttl + 5s);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->responded_at, t0 + ttl);
}

TEST_P(store_suite, at_the_deadline_expiry_beats_every_answer) {
  const auto ada = add_user("ada"), bob = add_user("bob");
  const auto room = invite(ada, bob, t0);
  const auto deadline = t0 + ttl;
  EXPECT_EQ(db().accept(room, bob.id, deadline, deadline + grace).error().code, errc::invitation_expired);
  EXPECT_EQ(db().reject(room, bob.id, deadline).error().code, errc::invitation_expired);
  EXPECT_EQ(db().cancel(room, ada.id, deadline).error().code, errc::invitation_expired);
  EXPECT_EQ(find(room).status, interview_status::pending) << "a refused answer changes nothing";
  ASSERT_TRUE(db().expire(room, deadline));
  EXPECT_EQ(db().accept(room, bob.id, deadline + 1s, deadline + grace).error().code, errc::invitation_expired);
  EXPECT_EQ(db().cancel(room, ada.id, deadline + 1s).error().code, errc::invitation_expired);
}

TEST_P(store_suite, one_millisecond_before_the_deadline_an_answer_beats_expiry) {
  const auto ada = add_user("ada"), bob = add_user("bob");
  const auto room = invite(ada, bob, t0);
  const auto deadline = t0 + ttl;
  ASSERT_TRUE(db().accept(room, bob.id, deadline - 1ms, deadline + grace));
  EXPECT_FALSE(db().expire(room, deadline));
  EXPECT_EQ(find(room).status, interview_status::accepted);
}

TEST_P(store_suite, expiry_does_not_touch_active_or_final_interviews) {
  const auto ada = add_user("ada"), bob = add_user("bob"), cy = add_user("cy"), dee = add_user("dee");
  const auto active = accepted(ada, bob, t0);
  const auto rejected = invite(cy, dee, t0);
  ASSERT_TRUE(db().reject(rejected, dee.id, t0 + 1s));
  EXPECT_FALSE(db().expire(active, t0 + 1h));
  EXPECT_FALSE(db().expire(rejected, t0 + 1h));
  EXPECT_EQ(find(active).status, interview_status::accepted);
  EXPECT_EQ(find(rejected).status, interview_status::rejected);
}

// ---- complete, join, leave, abandon --------------------------------------------------------

TEST_P(store_suite, either_participant_completes_an_accepted_interview) {
  const auto ada = add_user("ada"), bob = add_user("bob");
  for (const auto* who : {&ada, &bob}) {
    const auto room = accepted(ada, bob, t0 + (who == &ada ? 0s : 1h));
    const auto at = t0 + (who == &ada ? 0s : 1h) + 10min;
    auto c = db().complete(room, who->id, at);
    ASSERT_TRUE(c) << c.error().message;
    EXPECT_EQ(c->status, interview_status::completed);
    EXPECT_EQ(c->reason, end_reason::completed);
    EXPECT_EQ(c->ended_at, at);
    EXPECT_FALSE(c->grace_deadline);
    EXPECT_FALSE(db().active_interview(ada.id));
  }
}

TEST_P(store_suite, an_interview_in_progress_completes_and_clears_presence) {
  const auto ada = add_user("ada"), bob = add_user("bob");
  const auto room = started(ada, bob, t0);
  auto c = db().complete(room, bob.id, t0 + 30min);
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_EQ(c->status, interview_status::completed);
  EXPECT_EQ(c->started_at, t0 + 2s);
  EXPECT_EQ(c->ended_at, t0 + 30min);
  EXPECT_FALSE(c->inviter_present);
  EXPECT_FALSE(c->invitee_present);
}

TEST_P(store_suite, completing_is_a_conflict_unless_accepted_or_in_progress) {
  const auto ada = add_user("ada"), bob = add_user("bob"), eve = add_user("eve");
  const auto pending = invite(ada, bob, t0);
  EXPECT_EQ(db().complete(pending, ada.id, t0 + 1s).error().code, errc::conflict);
  ASSERT_TRUE(db().expire(pending, t0 + ttl));
  EXPECT_EQ(db().complete(pending, ada.id, t0 + ttl).error().code, errc::conflict);

  const auto done = accepted(ada, bob, t0 + 1h);
  ASSERT_TRUE(db().complete(done, ada.id, t0 + 2h));
  auto again = db().complete(done, bob.id, t0 + 2h + 1s);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, errc::conflict);
  EXPECT_EQ(find(done).ended_at, t0 + 2h) << "the first completion stands";
  EXPECT_EQ(db().complete(done, eve.id, t0 + 3h).error().code, errc::not_found);
}

TEST_P(store_suite, joining_moves_to_in_progress_when_both_are_in_the_room) {
  const auto ada = add_user("ada"), bob = add_user("bob");
  const auto room = accepted(ada, bob, t0);
  auto first = db().join(room, ada.id, t0 + 5s);
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_FALSE(first->started);
  EXPECT_EQ(first->iv.status, interview_status::accepted);
  EXPECT_TRUE(first->iv.inviter_present);
  EXPECT_FALSE(first->iv.invitee_present);
  EXPECT_EQ(first->iv.grace_deadline, t0 + 1s + grace) << "the grace period still runs";

  auto again = db().join(room, ada.id, t0 + 6s);  // another tab of the same user
  ASSERT_TRUE(again);
  EXPECT_FALSE(again->started);
  EXPECT_EQ(again->iv.status, interview_status::accepted);

  auto second = db().join(room, bob.id, t0 + 9s);
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_TRUE(second->started);
  EXPECT_EQ(second->iv.status, interview_status::in_progress);
  EXPECT_EQ(second->iv.started_at, t0 + 9s);
  EXPECT_TRUE(second->iv.inviter_present);
  EXPECT_TRUE(second->iv.invitee_present);
  EXPECT_FALSE(second->iv.grace_deadline);
}

TEST_P(store_suite, joining_is_for_participants_of_an_open_interview) {
  const auto ada = add_user("ada"), bob = add_user("bob"), eve = add_user("eve");
  const auto pending = invite(ada, bob, t0);
  EXPECT_EQ(db().join(pending, ada.id, t0 + 1s).error().code, errc::conflict);
  EXPECT_EQ(db().join(pending, eve.id, t0 + 1s).error().code, errc::not_found);
  ASSERT_TRUE(db().accept(pending, bob.id, t0 + 2s, t0 + 2s + grace));
  EXPECT_EQ(db().join(pending, eve.id, t0 + 3s).error().code, errc::not_found);
  ASSERT_TRUE(db().complete(pending, bob.id, t0 + 4s));
  EXPECT_EQ(db().join(pending, ada.id, t0 + 5s).error().code, errc::conflict);
}

TEST_P(store_suite, leaving_a_running_interview_starts_the_grace_period_and_coming_back_ends_it) {
  const auto ada = add_user("ada"), bob = add_user("bob");
  const auto room = started(ada, bob, t0);
  auto left = db().leave(room, bob.id, t0 + 1min + grace);
  ASSERT_TRUE(left);
  EXPECT_EQ(left->status, interview_status::in_progress);
  EXPECT_TRUE(left->inviter_present);
  EXPECT_FALSE(left->invitee_present);
  EXPECT_EQ(left->grace_deadline, t0 + 1min + grace);

  // The second to leave does not push the deadline further.
  auto both = db().leave(room, ada.id, t0 + 2min + grace);
  ASSERT_TRUE(both);
  EXPECT_FALSE(both->inviter_present);
  EXPECT_EQ(both->grace_deadline, t0 + 1min + grace);
  EXPECT_EQ(db().grace_deadlines().size(), 1u);

  ASSERT_TRUE(db().join(room, ada.id, t0 + 3min));
  auto back = db().join(room, bob.id, t0 + 3min);
  ASSERT_TRUE(back);
  EXPECT_FALSE(back->started) << "it had started before";
  EXPECT_EQ(back->iv.status, interview_status::in_progress);
  EXPECT_EQ(back->iv.started_at, t0 + 2s) << "started_at is kept";
  EXPECT_FALSE(back->iv.grace_deadline);
  EXPECT_FALSE(db().abandon_if_due(room, t0 + 1h));
}

TEST_P(store_suite, leaving_an_accepted_room_keeps_its_grace_deadline) {
  const auto ada = add_user("ada"), bob = add_user("bob");
  const auto room = accepted(ada, bob, t0);
  ASSERT_TRUE(db().join(room, ada.id, t0 + 2s));
  auto left = db().leave(room, ada.id, t0 + 1h);
  ASSERT_TRUE(left);
  EXPECT_EQ(left->status, interview_status::accepted);
  EXPECT_FALSE(left->inviter_present);
  EXPECT_EQ(left->grace_deadline, t0 + 1s + grace);
}

TEST_P(store_suite, leave_does_nothing_for_strangers_or_closed_interviews) {
  const auto ada = add_user("ada"), bob = add_user("bob"), eve = add_user("eve");
  const auto room = started(ada, bob, t0);
  EXPECT_FALSE(db().leave(room, eve.id, t0 + grace));
  EXPECT_TRUE(find(room).inviter_present);
  ASSERT_TRUE(db().complete(room, ada.id, t0 + 1min));
  EXPECT_FALSE(db().leave(room, ada.id, t0 + grace));
  const auto pending = invite(ada, bob, t0 + 1h);
  EXPECT_FALSE(db().leave(pending, ada.id, t0 + 1h + grace));
}

TEST_P(store_suite, an_accepted_room_nobody_completes_is_abandoned_as_a_no_show_at_the_grace_deadline) {
  const auto ada = add_user("ada"), bob = add_user("bob");
  const auto room = accepted(ada, bob, t0);  // accepted at t0 + 1 s
  const auto deadline = t0 + 1s + grace;
  ASSERT_TRUE(db().join(room, ada.id, t0 + 10s));
  EXPECT_FALSE(db().abandon_if_due(room, deadline - 1ms));
  auto gone = db().abandon_if_due(room, deadline);
  ASSERT_TRUE(gone);
  EXPECT_EQ(gone->status, interview_status::abandoned);
  EXPECT_EQ(gone->reason, end_reason::no_show);
  EXPECT_EQ(gone->ended_at, deadline);
  EXPECT_FALSE(gone->grace_deadline);
  EXPECT_FALSE(gone->inviter_present);
  EXPECT_FALSE(db().abandon_if_due(room, deadline + 1s)) << "only once";
  EXPECT_FALSE(db().active_interview(ada.id));
}

TEST_P(store_suite, a_running_interview_someone_left_is_abandoned_as_left) {
  const auto ada = add_user("ada"), bob = add_user("bob");
  const auto room = started(ada, bob, t0);
  EXPECT_FALSE(db().abandon_if_due(room, t0 + 1h)) << "both in the room: nothing is due";
  ASSERT_TRUE(db().leave(room, bob.id, t0 + 10min));
  EXPECT_FALSE(db().abandon_if_due(room, t0 + 10min - 1ms));
  auto gone = db().abandon_if_due(room, t0 + 10min);
  ASSERT_TRUE(gone);
  EXPECT_EQ(gone->status, interview_status::abandoned);
  EXPECT_EQ(gone->reason, end_reason::left);
  EXPECT_EQ(gone->started_at, t0 + 2s);
  EXPECT_EQ(gone->ended_at, t0 + 10min);
}

TEST_P(store_suite, abandon_leaves_pending_and_final_interviews_alone) {
  const auto ada = add_user("ada"), bob = add_user("bob");
  const auto pending = invite(ada, bob, t0);
  EXPECT_FALSE(db().abandon_if_due(pending, t0 + 1h));
  EXPECT_EQ(find(pending).status, interview_status::pending);
  ASSERT_TRUE(db().accept(pending, bob.id, t0 + 1s, t0 + 1s + grace));
  ASSERT_TRUE(db().complete(pending, bob.id, t0 + 2s));
  EXPECT_FALSE(db().abandon_if_due(pending, t0 + 1h));
  EXPECT_EQ(find(pending).status, interview_status::completed);
}

// ---- queries ------------------------------------------------------------------------------

TEST_P(store_suite, history_lists_the_users_interviews_newest_first_with_filters) {
  const auto ada = add_user("ada"), bob = add_user("bob"), cy = add_user("cy"), dee = add_user("dee");
  const auto r1 = invite(ada, bob, t0);  // sent, rejected
  ASSERT_TRUE(db().reject(r1, bob.id, t0 + 1s));
  const auto r2 = invite(cy, ada, t0 + 10s);  // received, cancelled
  ASSERT_TRUE(db().cancel(r2, cy.id, t0 + 11s));
  const auto r3 = accepted(ada, cy, t0 + 20s);  // sent, completed
  ASSERT_TRUE(db().complete(r3, ada.id, t0 + 30s));
  const auto r4 = invite(bob, ada, t0 + 40s);  // received, pending
  const auto other = invite(cy, dee, t0 + 50s);  // not ada's

  store::history_filter all;
  EXPECT_EQ(rooms_of(db().history(ada.id, all)), (std::vector<std::string>{r4, r3, r2, r1}));

  store::history_filter sent;
  sent.as_inviter = true;
  EXPECT_EQ(rooms_of(db().history(ada.id, sent)), (std::vector<std::string>{r3, r1}));
  store::history_filter received;
  received.as_inviter = false;
  EXPECT_EQ(rooms_of(db().history(ada.id, received)), (std::vector<std::string>{r4, r2}));

  store::history_filter completed;
  completed.status = interview_status::completed;
  EXPECT_EQ(rooms_of(db().history(ada.id, completed)), std::vector<std::string>{r3});
  store::history_filter received_pending;
  received_pending.status = interview_status::pending;
  received_pending.as_inviter = false;
  EXPECT_EQ(rooms_of(db().history(ada.id, received_pending)), std::vector<std::string>{r4});
  received_pending.as_inviter = true;
  EXPECT_TRUE(db().history(ada.id, received_pending).empty());

  EXPECT_EQ(rooms_of(db().history(dee.id, all)), std::vector<std::string>{other});
  const auto listed = db().history(ada.id, all);
  EXPECT_EQ(listed[1].questions.size(), 2u) << "rows carry their questions";
  EXPECT_EQ(listed[1].status, interview_status::completed);
  EXPECT_TRUE(db().history("u_nobody", all).empty());
}

TEST_P(store_suite, history_pages_with_a_cursor_including_ties_on_creation_time) {
  const auto ada = add_user("ada");
  std::vector<domain::user> others;
  std::vector<std::string> expected;  // newest first
  for (int i = 0; i < 7; ++i) {
    others.push_back(add_user("p" + std::to_string(i)));
    // Pairs share a creation time; the room id breaks the tie.
    const auto at = t0 + std::chrono::seconds{i / 2};
    const auto room = invite(others.back(), ada, at);
    expected.insert(expected.begin(), room);
  }
  std::vector<std::string> seen;
  store::history_filter f;
  f.limit = 3;
  for (int page = 0; page < 5; ++page) {
    const auto rows = db().history(ada.id, f);
    ASSERT_LE(rows.size(), 3u);
    for (const auto& iv : rows) seen.push_back(iv.room_id);
    if (rows.size() < 3) break;
    f.after = std::pair{domain::to_millis(rows.back().created_at), rows.back().room_id};
  }
  EXPECT_EQ(seen, expected);
}

TEST_P(store_suite, pending_for_invitee_lists_live_invitations_to_the_user_oldest_first) {
  const auto ada = add_user("ada"), bob = add_user("bob"), cy = add_user("cy"), dee = add_user("dee"),
             eve = add_user("eve"), fay = add_user("fay");
  const auto from_bob = invite(bob, ada, t0 + 2s);
  const auto from_cy = invite(cy, ada, t0 + 1s);
  const auto from_dee = invite(dee, ada, t0, 30s);  // past its deadline at t0 + 30 s
  const auto from_eve = invite(eve, ada, t0 + 3s);
  ASSERT_TRUE(db().reject(from_eve, ada.id, t0 + 4s));
  invite(ada, fay, t0 + 5s);  // sent by ada: not hers to answer
  EXPECT_EQ(rooms_of(db().pending_for_invitee(ada.id, t0 + 29s)), (std::vector<std::string>{from_dee, from_cy, from_bob}));
  EXPECT_EQ(rooms_of(db().pending_for_invitee(ada.id, t0 + 30s)), (std::vector<std::string>{from_cy, from_bob}));
  EXPECT_TRUE(db().pending_for_invitee(dee.id, t0 + 5s).empty());
  EXPECT_EQ(db().pending_for_invitee(fay.id, t0 + 6s).size(), 1u);
}

TEST_P(store_suite, active_interview_is_the_accepted_or_running_one) {
  const auto ada = add_user("ada"), bob = add_user("bob");
  const auto room = invite(ada, bob, t0);
  EXPECT_FALSE(db().active_interview(ada.id));
  ASSERT_TRUE(db().accept(room, bob.id, t0 + 1s, t0 + 1s + grace));
  ASSERT_TRUE(db().active_interview(ada.id));
  EXPECT_EQ(db().active_interview(ada.id)->room_id, room);
  EXPECT_EQ(db().active_interview(bob.id)->room_id, room);
  ASSERT_TRUE(db().join(room, ada.id, t0 + 2s));
  ASSERT_TRUE(db().join(room, bob.id, t0 + 2s));
  EXPECT_EQ(db().active_interview(bob.id)->status, interview_status::in_progress);
  ASSERT_TRUE(db().complete(room, bob.id, t0 + 3s));
  EXPECT_FALSE(db().active_interview(ada.id));
  EXPECT_FALSE(db().active_interview(bob.id));
}

TEST_P(store_suite, stats_count_sent_received_and_outcomes_per_user_and_overall) {
  const auto ada = add_user("ada"), bob = add_user("bob"), cy = add_user("cy"), dee = add_user("dee");
  const auto r1 = invite(ada, cy, t0);  // cy declines after 10 s
  ASSERT_TRUE(db().reject(r1, cy.id, t0 + 10s));
  const auto r2 = invite(ada, dee, t0 + 20s);  // ada cancels
  ASSERT_TRUE(db().cancel(r2, ada.id, t0 + 21s));
  const auto r3 = invite(ada, dee, t0 + 30s, 5s);  // expires
  ASSERT_TRUE(db().expire(r3, t0 + 35s));
  const auto r4 = invite(ada, bob, t0 + 40s);
  const auto r5 = invite(dee, bob, t0 + 41s);  // ends busy when bob accepts ada's
  ASSERT_TRUE(db().accept(r4, bob.id, t0 + 44500ms, t0 + 44500ms + grace));  // after 4.5 s
  ASSERT_EQ(find(r5).reason, end_reason::busy);
  ASSERT_TRUE(db().complete(r4, ada.id, t0 + 1h));  // still counts as accepted

  auto sorted = [](std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v;
  };
  const auto a = db().stats(ada.id);
  EXPECT_EQ(a.sent, 4);
  EXPECT_EQ(a.received, 0);
  EXPECT_EQ(a.accepted, 1);
  EXPECT_EQ(a.rejected, 1);
  EXPECT_EQ(a.cancelled, 1);
  EXPECT_EQ(a.expired, 1);
  EXPECT_EQ(a.declined, 1);
  EXPECT_EQ(sorted(a.response_seconds), (std::vector<double>{4.5, 10.0}));

  const auto b = db().stats(bob.id);
  EXPECT_EQ(b.sent, 0);
  EXPECT_EQ(b.received, 2);
  EXPECT_EQ(b.accepted, 1);
  EXPECT_EQ(b.rejected, 1);
  EXPECT_EQ(b.declined, 0) << "a busy rejection was not a person's answer";
  EXPECT_EQ(b.cancelled, 0);
  EXPECT_EQ(b.expired, 0);
  EXPECT_EQ(b.response_seconds, std::vector<double>{4.5});

  const auto d = db().stats(dee.id);
  EXPECT_EQ(d.sent, 1);
  EXPECT_EQ(d.received, 2);
  EXPECT_EQ(d.accepted, 0);
  EXPECT_EQ(d.rejected, 1);
  EXPECT_EQ(d.cancelled, 1);
  EXPECT_EQ(d.expired, 1);
  EXPECT_EQ(d.declined, 0);
  EXPECT_TRUE(d.response_seconds.empty());

  const auto everyone = db().stats(std::nullopt);
  EXPECT_EQ(everyone.sent, 5);
  EXPECT_EQ(everyone.received, 5);
  EXPECT_EQ(everyone.accepted, 1);
  EXPECT_EQ(everyone.rejected, 2);
  EXPECT_EQ(everyone.cancelled, 1);
  EXPECT_EQ(everyone.expired, 1);
  EXPECT_EQ(everyone.declined, 1);
  EXPECT_EQ(sorted(everyone.response_seconds), (std::vector<double>{4.5, 10.0}));

  const auto nobody = db().stats(std::string("u_nobody"));
  EXPECT_EQ(nobody.sent + nobody.received + nobody.accepted + nobody.rejected + nobody.cancelled + nobody.expired, 0);
  EXPECT_TRUE(nobody.response_seconds.empty());
}

TEST_P(store_suite, stats_of_an_empty_database_are_zero) {
  const auto s = db().stats(std::nullopt);
  EXPECT_EQ(s.sent, 0);
  EXPECT_EQ(s.received, 0);
  EXPECT_EQ(s.accepted, 0);
  EXPECT_EQ(s.declined, 0);
  EXPECT_TRUE(s.response_seconds.empty());
}

TEST_P(store_suite, pending_interviews_count_in_sent_and_received_only) {
  const auto ada = add_user("ada"), bob = add_user("bob");
  invite(ada, bob, t0);
  const auto s = db().stats(ada.id);
  EXPECT_EQ(s.sent, 1);
  EXPECT_EQ(s.accepted + s.rejected + s.cancelled + s.expired, 0);
}

// ---- restart: presence and deadlines -------------------------------------------------------

TEST_P(store_suite, reset_presence_counts_everyone_as_gone_after_a_restart) {
  const auto ada = add_user("ada"), bob = add_user("bob"), cy = add_user("cy"), dee = add_user("dee"),
             eve = add_user("eve"), fay = add_user("fay");
  const auto waiting = accepted(ada, bob, t0);  // grace t0 + 1 s + 180 s
  ASSERT_TRUE(db().join(waiting, ada.id, t0 + 2s));
  const auto running = started(cy, dee, t0);  // no grace deadline while both are in
  const auto half = started(eve, fay, t0);
  ASSERT_TRUE(db().leave(half, fay.id, t0 + 100s));  // grace t0 + 100 s already

  const auto restart = t0 + 60s + grace;
  db().reset_presence(restart);

  const auto w = find(waiting);
  EXPECT_FALSE(w.inviter_present);
  EXPECT_EQ(w.status, interview_status::accepted);
  EXPECT_EQ(w.grace_deadline, t0 + 1s + grace) << "an accepted room keeps its no-show deadline";
  const auto r = find(running);
  EXPECT_FALSE(r.inviter_present);
  EXPECT_FALSE(r.invitee_present);
  EXPECT_EQ(r.status, interview_status::in_progress);
  EXPECT_EQ(r.grace_deadline, restart);
  const auto h = find(half);
  EXPECT_FALSE(h.inviter_present);
  EXPECT_EQ(h.grace_deadline, t0 + 100s) << "an earlier deadline stands";

  auto gone = db().abandon_if_due(running, restart);
  ASSERT_TRUE(gone);
  EXPECT_EQ(gone->reason, end_reason::left);
}

TEST_P(store_suite, deadlines_list_pending_expiries_and_active_grace_periods) {
  const auto ada = add_user("ada"), bob = add_user("bob"), cy = add_user("cy"), dee = add_user("dee"),
             eve = add_user("eve"), fay = add_user("fay"), gus = add_user("gus"), hal = add_user("hal");
  const auto pending = invite(ada, bob, t0);
  const auto overdue = invite(cy, dee, t0, 1s);  // due, not yet expired: still listed
  const auto waiting = accepted(eve, fay, t0);
  const auto running = started(gus, hal, t0);
  const auto answered = invite(bob, cy, t0 + 1s);
  ASSERT_TRUE(db().reject(answered, cy.id, t0 + 2s));

  std::map<std::string, time_point> expiries;
  for (const auto& e : db().pending_deadlines()) expiries[e.room_id] = e.at;
  EXPECT_EQ(expiries, (std::map<std::string, time_point>{{pending, t0 + ttl}, {overdue, t0 + 1s}}));

  std::map<std::string, time_point> graces;
  for (const auto& e : db().grace_deadlines()) graces[e.room_id] = e.at;
  EXPECT_EQ(graces, (std::map<std::string, time_point>{{waiting, t0 + 1s + grace}}));

  ASSERT_TRUE(db().leave(running, gus.id, t0 + 5min));
  graces.clear();
  for (const auto& e : db().grace_deadlines()) graces[e.room_id] = e.at;
  EXPECT_EQ(graces, (std::map<std::string, time_point>{{waiting, t0 + 1s + grace}, {running, t0 + 5min}}));
}

// ---- feedback -----------------------------------------------------------------------------

domain::feedback feedback_from(const domain::user& u, const std::string& room, time_point at, int rating) {
  domain::feedback f;
  f.id = "f_" + u.name + "_" + room;
  f.room_id = room;
  f.from = {u.id, ""};
  f.rating = rating;
  f.created_at = at;
  return f;
}

TEST_P(store_suite, feedback_is_given_once_per_participant_after_the_interview_ended) {
  const auto ada = add_user("ada"), bob = add_user("bob");
  const auto room = started(ada, bob, t0);
  auto early = db().add_feedback(feedback_from(ada, room, t0 + 1min, 5));
  ASSERT_FALSE(early);
  EXPECT_EQ(early.error().code, errc::conflict);
  ASSERT_TRUE(db().complete(room, ada.id, t0 + 30min));

  auto f = feedback_from(ada, room, t0 + 31min, 4);
  f.scores = {5, std::nullopt, 3};
  f.comments = "Clear thinking.\nGood tests.";
  auto given = db().add_feedback(f);
  ASSERT_TRUE(given) << given.error().message;
  EXPECT_EQ(given->id, f.id);
  EXPECT_EQ(given->from.id, ada.id);
  EXPECT_EQ(given->from.name, "ada");
  EXPECT_EQ(given->rating, 4);

  auto twice = db().add_feedback(feedback_from(ada, room, t0 + 32min, 1));
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, errc::conflict);

  auto from_bob = db().add_feedback(feedback_from(bob, room, t0 + 33min, 5));
  ASSERT_TRUE(from_bob) << from_bob.error().message;
  EXPECT_EQ(from_bob->from.name, "bob");

  const auto listed = db().list_feedback(room);
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[0].id, f.id);
  EXPECT_EQ(listed[0].room_id, room);
  EXPECT_EQ(listed[0].from.id, ada.id);
  EXPECT_EQ(listed[0].from.name, "ada");
  EXPECT_EQ(listed[0].rating, 4);
  EXPECT_EQ(listed[0].scores.problem_solving, 5);
  EXPECT_EQ(listed[0].scores.communication, std::nullopt);
  EXPECT_EQ(listed[0].scores.code_quality, 3);
  EXPECT_EQ(listed[0].comments, "Clear thinking.\nGood tests.");
  EXPECT_EQ(listed[0].created_at, t0 + 31min);
  EXPECT_EQ(listed[1].from.id, bob.id);
  EXPECT_EQ(listed[1].rating, 5);
  EXPECT_FALSE(listed[1].comments);
  EXPECT_FALSE(listed[1].scores.problem_solving);
}

TEST_P(store_suite, feedback_opens_on_abandoned_interviews_too) {
  const auto ada = add_user("ada"), bob = add_user("bob");
  const auto room = accepted(ada, bob, t0);
  ASSERT_TRUE(db().abandon_if_due(room, t0 + 1h));
  EXPECT_TRUE(db().add_feedback(feedback_from(bob, room, t0 + 2h, 2)));
}

TEST_P(store_suite, feedback_is_refused_for_strangers_unknown_rooms_and_unanswered_invitations) {
  const auto ada = add_user("ada"), bob = add_user("bob"), eve = add_user("eve");
  const auto room = accepted(ada, bob, t0);
  ASSERT_TRUE(db().complete(room, ada.id, t0 + 1h));
  EXPECT_EQ(db().add_feedback(feedback_from(eve, room, t0 + 2h, 5)).error().code, errc::not_found);
  EXPECT_EQ(db().add_feedback(feedback_from(ada, "r_none", t0 + 2h, 5)).error().code, errc::not_found);
  const auto declined = invite(ada, bob, t0 + 3h);
  ASSERT_TRUE(db().reject(declined, bob.id, t0 + 3h + 1s));
  EXPECT_EQ(db().add_feedback(feedback_from(ada, declined, t0 + 4h, 5)).error().code, errc::conflict);
  EXPECT_TRUE(db().list_feedback(declined).empty());
  EXPECT_TRUE(db().list_feedback("r_none").empty());
  EXPECT_TRUE(db().list_feedback(room).empty());
}

} // namespace
} // namespace mm::test
