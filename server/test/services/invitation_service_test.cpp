// invitation_service (API.md, "Interview lifecycle") on a real SQLite store with the fake clock:
// what a user sees when they invite, answer, cancel, meet, or wait too long.
#include "service_fixture.hpp"

#include "services/timer_key.hpp"

#include <algorithm>

namespace mm::test {
namespace {

using bus::user_topic;

class invitation_service : public service_fixture {
protected:
  domain::user ada = add_user("ada"), bob = add_user("bob");

  // A pending invitation from `from` to `to`, sent now; its room id.
  std::string invite(const domain::user& from, const domain::user& to) {
    auto sent = run(invitations.send(from.id, invitation_to(to)));
    EXPECT_TRUE(sent) << (sent ? "" : sent.error().message);
    if (!sent) return "";
    EXPECT_FALSE(sent->met);
    return sent->iv.room_id;
  }
};

TEST_F(invitation_service, rejects_self_invite) {
  auto sent = run(invitations.send(ada.id, invitation_to(ada)));
  ASSERT_FALSE(sent);
  EXPECT_EQ(sent.error().code, errc::validation_failed);
  EXPECT_TRUE(published.empty());
}

TEST_F(invitation_service, refuses_questions_that_do_not_exist_and_writes_nothing) {
  auto r = invitation_to(bob);
  r.question_ids.push_back("no-such-question");
  auto sent = run(invitations.send(ada.id, r));
  ASSERT_FALSE(sent);
  EXPECT_EQ(sent.error().code, errc::validation_failed);
  EXPECT_TRUE(db().pending_for_invitee(bob.id, clock.now()).empty());
  EXPECT_TRUE(published.empty());
}

TEST_F(invitation_service, sending_tells_every_tab_of_the_invitee_who_invites_them) {
  presence.ids = {ada.id};
  const auto t0 = clock.now();
  auto sent = run(invitations.send(ada.id, invitation_to(bob)));
  ASSERT_TRUE(sent) << sent.error().message;
  EXPECT_EQ(sent->iv.status, interview_status::pending);
  EXPECT_EQ(sent->iv.expires_at, t0 + 120s);
  EXPECT_FALSE(sent->invitee_online);

  EXPECT_EQ(events_to(user_topic{bob.id}), std::vector<std::string>{"interview-invitation-received"});
  EXPECT_TRUE(events_to(user_topic{ada.id}).empty()) << "the inviter has the ack";
  const auto payload = last_payload(user_topic{bob.id}, "interview-invitation-received");
  EXPECT_EQ(payload.at("interview").at("roomId").as_string(), sent->iv.room_id);
  EXPECT_EQ(payload.at("interview").at("expiresAt").as_string(), domain::to_iso8601(t0 + 120s));
  EXPECT_EQ(payload.at("interview").at("expiresInMs").as_int64(), 120'000);
  const auto& from = payload.at("from").as_object();
  EXPECT_EQ(from.at("id").as_string(), ada.id);
  EXPECT_EQ(from.at("name").as_string(), "ada");
  EXPECT_TRUE(from.at("online").as_bool());
  EXPECT_FALSE(from.at("busy").as_bool());
  EXPECT_EQ(from.at("profile").at("targetRole").as_string(), "Backend engineer");
}

TEST_F(invitation_service, a_sent_invitation_is_announced_as_a_deadline_for_every_node) {
  const auto t0 = clock.now();
  const auto room = invite(ada, bob);
  EXPECT_EQ(deadlines.due(services::expiry_key{room}), t0 + 120s);
  EXPECT_EQ(events_to(bus::deadline_topic{}), std::vector<std::string>{"deadline"});
  const auto notice = last_payload(bus::deadline_topic{}, "deadline");
  EXPECT_EQ(notice.at("key").as_string(), "expire:" + room);
  EXPECT_EQ(notice.at("at").as_int64(), domain::to_millis(t0 + 120s));
}

TEST_F(invitation_service, an_invitation_expires_at_its_deadline_and_both_are_told) {
  const auto room = invite(ada, bob);
  published.clear();
  clock.advance(120s - 1ms);
  sweep();
  EXPECT_EQ(find(room).status, interview_status::pending) << "a millisecond early";
  EXPECT_TRUE(published.empty());

  clock.advance(1ms);
  sweep();
  const auto iv = find(room);
  EXPECT_EQ(iv.status, interview_status::expired);
  EXPECT_EQ(iv.reason, domain::end_reason::invite_timeout);
  EXPECT_EQ(events_to(user_topic{ada.id}), std::vector<std::string>{"invitation-expired"});
  EXPECT_EQ(events_to(user_topic{bob.id}), std::vector<std::string>{"invitation-expired"});

  sweep();
  EXPECT_EQ(events_to(user_topic{bob.id}).size(), 1u) << "an expiry acts once";
}

TEST_F(invitation_service, answering_after_the_deadline_is_invitation_expired) {
  const auto room = invite(ada, bob);
  clock.advance(120s);
  auto late = run(invitations.answer(bob.id, room, true));
  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().code, errc::invitation_expired);
}

TEST_F(invitation_service, accepting_tells_both_and_makes_both_busy) {
  const auto room = invite(ada, bob);
  published.clear();
  auto accepted = run(invitations.answer(bob.id, room, true));
  ASSERT_TRUE(accepted) << accepted.error().message;
  EXPECT_EQ(accepted->status, interview_status::accepted);
  EXPECT_FALSE(deadlines.due(services::expiry_key{room})) << "no expiry for an answered invitation";
  EXPECT_EQ(deadlines.due(services::grace_key{room}), clock.now() + 180s);
  for (const auto& u : {ada, bob}) {
    EXPECT_EQ(events_to(user_topic{u.id}), std::vector<std::string>{"invitation-accepted"}) << u.name;
    const auto p = last_payload(bus::presence_topic{u.id}, "presence");
    ASSERT_TRUE(p.is_object()) << u.name;
    EXPECT_TRUE(p.at("busy").as_bool()) << u.name;
    EXPECT_TRUE(p.at("available").as_bool()) << u.name;
  }
}

TEST_F(invitation_service, only_the_invitee_answers_and_only_the_inviter_cancels) {
  const auto room = invite(ada, bob);
  EXPECT_EQ(run(invitations.answer(ada.id, room, true)).error().code, errc::forbidden);
  EXPECT_EQ(run(invitations.cancel(bob.id, room)).error().code, errc::forbidden);
  const auto eve = add_user("eve");
  EXPECT_EQ(run(invitations.answer(eve.id, room, false)).error().code, errc::not_found);
  EXPECT_EQ(find(room).status, interview_status::pending);
}

TEST_F(invitation_service, exactly_one_of_a_racing_accept_and_cancel_wins) {
  const auto room = invite(ada, bob);
  published.clear();
  std::optional<domain::outcome<domain::interview>> accepted, cancelled;
  boost::asio::co_spawn(io, invitations.answer(bob.id, room, true), [&](std::exception_ptr, auto r) { accepted = r; });
  boost::asio::co_spawn(io, invitations.cancel(ada.id, room), [&](std::exception_ptr, auto r) { cancelled = r; });
  io.restart();
  while (!accepted || !cancelled) io.run_one();
  deliver();

  ASSERT_NE(accepted->has_value(), cancelled->has_value()) << "exactly one wins";
  const auto& loser = accepted->has_value() ? *cancelled : *accepted;
  EXPECT_EQ(loser.error().code, errc::conflict);
  const auto status = find(room).status;
  EXPECT_EQ(status, accepted->has_value() ? interview_status::accepted : interview_status::cancelled);
  const std::vector<std::string> told{accepted->has_value() ? "invitation-accepted" : "invitation-cancelled"};
  EXPECT_EQ(events_to(user_topic{ada.id}), told);
  EXPECT_EQ(events_to(user_topic{bob.id}), told);
}

TEST_F(invitation_service, crossing_invitations_meet_as_an_acceptance) {
  const auto room = invite(ada, bob);
  published.clear();
  auto back = run(invitations.send(bob.id, invitation_to(ada)));
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_TRUE(back->met);
  EXPECT_EQ(back->iv.room_id, room) << "ada's invitation is the one accepted";
  EXPECT_EQ(back->iv.status, interview_status::accepted);
  EXPECT_EQ(find(room).status, interview_status::accepted);
  EXPECT_TRUE(db().pending_for_invitee(ada.id, clock.now()).empty()) << "no second invitation";
  EXPECT_FALSE(deadlines.due(services::expiry_key{room}));
  for (const auto& u : {ada, bob}) {
    EXPECT_EQ(events_to(user_topic{u.id}), std::vector<std::string>{"invitation-accepted"}) << u.name;
    EXPECT_TRUE(last_payload(bus::presence_topic{u.id}, "presence").at("busy").as_bool()) << u.name;
  }
}

TEST_F(invitation_service, an_acceptance_ends_both_participants_other_invitations_as_busy) {
  const auto cy = add_user("cy"), dan = add_user("dan"), eve = add_user("eve");
  const auto accepted_room = invite(ada, bob);
  const auto to_ada = invite(cy, ada);   // received by the inviter
  const auto to_bob = invite(dan, bob);  // received by the invitee
  const auto from_bob = invite(bob, eve); // sent by the invitee
  published.clear();

  ASSERT_TRUE(run(invitations.answer(bob.id, accepted_room, true)));

  const auto ended = [&](const std::string& room, interview_status status) {
    const auto iv = find(room);
    EXPECT_EQ(iv.status, status) << room;
    EXPECT_EQ(iv.reason, domain::end_reason::busy) << room;
    EXPECT_FALSE(deadlines.due(services::expiry_key{room})) << room;
  };
  ended(to_ada, interview_status::rejected);
  ended(to_bob, interview_status::rejected);
  ended(from_bob, interview_status::cancelled);
  EXPECT_EQ(events_to(user_topic{cy.id}), std::vector<std::string>{"invitation-rejected"});
  EXPECT_EQ(events_to(user_topic{dan.id}), std::vector<std::string>{"invitation-rejected"});
  EXPECT_EQ(events_to(user_topic{eve.id}), std::vector<std::string>{"invitation-cancelled"});
  const auto ada_heard = events_to(user_topic{ada.id});
  EXPECT_EQ(std::count(ada_heard.begin(), ada_heard.end(), "invitation-accepted"), 1);
  EXPECT_EQ(std::count(ada_heard.begin(), ada_heard.end(), "invitation-rejected"), 1);
  const auto bob_heard = events_to(user_topic{bob.id});
  EXPECT_EQ(std::count(bob_heard.begin(), bob_heard.end(), "invitation-rejected"), 1);
  EXPECT_EQ(std::count(bob_heard.begin(), bob_heard.end(), "invitation-cancelled"), 1);
}

TEST_F(invitation_service, inviting_someone_in_an_interview_is_invitee_busy) {
  const auto cy = add_user("cy");
  ASSERT_TRUE(run(invitations.answer(bob.id, invite(ada, bob), true)));
  auto sent = run(invitations.send(cy.id, invitation_to(bob)));
  ASSERT_FALSE(sent);
  EXPECT_EQ(sent.error().code, errc::invitee_busy);
}

TEST_F(invitation_service, a_rejection_and_a_cancel_are_told_to_both) {
  const auto cy = add_user("cy");
  const auto first = invite(ada, bob);
  ASSERT_TRUE(run(invitations.answer(bob.id, first, false)));
  const auto second = invite(cy, bob);
  ASSERT_TRUE(run(invitations.cancel(cy.id, second)));
  EXPECT_EQ(find(first).reason, domain::end_reason::declined);
  EXPECT_EQ(find(second).reason, domain::end_reason::cancelled);
  EXPECT_EQ(events_to(user_topic{ada.id}), std::vector<std::string>{"invitation-rejected"});
  EXPECT_EQ(events_to(user_topic{cy.id}), std::vector<std::string>{"invitation-cancelled"});
  EXPECT_EQ(events_to(user_topic{bob.id}),
            (std::vector<std::string>{"interview-invitation-received", "invitation-rejected", "interview-invitation-received",
                                      "invitation-cancelled"}));
}

TEST_F(invitation_service, the_rate_limit_counts_an_inviters_sends_over_the_window) {
  // The default: 20 per 10 minutes.
  for (int i = 0; i < 20; ++i) {
    const auto room = invite(ada, bob);
    ASSERT_TRUE(run(invitations.cancel(ada.id, room)));
    clock.advance(1s);
  }
  auto refused = run(invitations.send(ada.id, invitation_to(bob)));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, errc::rate_limited);
  EXPECT_DOUBLE_EQ(refused.error().retry_after_seconds, 580.0) << "the first send leaves the window 600 s after it";
  clock.advance(580s);
  EXPECT_TRUE(run(invitations.send(ada.id, invitation_to(bob))));
}

TEST_F(invitation_service, a_connecting_invitee_gets_each_pending_invitation_again) {
  const auto cy = add_user("cy");
  const auto first = invite(ada, bob);
  clock.advance(1s);
  const auto second = invite(cy, bob);
  auto pending = run(invitations.pending_for(bob.id));
  ASSERT_EQ(pending.size(), 2u);
  EXPECT_EQ(pending[0].at("interview").at("roomId").as_string(), first);
  EXPECT_EQ(pending[0].at("from").at("id").as_string(), ada.id);
  EXPECT_EQ(pending[1].at("interview").at("roomId").as_string(), second);
  EXPECT_EQ(pending[1].at("interview").at("expiresInMs").as_int64(), 120'000);
  EXPECT_EQ(pending[0].at("interview").at("expiresInMs").as_int64(), 119'000) << "counted on the server's clock";
  EXPECT_TRUE(run(invitations.pending_for(ada.id)).empty());
}

} // namespace
} // namespace mm::test
