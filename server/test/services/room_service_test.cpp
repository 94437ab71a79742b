// room_service (API.md, the room events and the rejoin grace) on a real SQLite store with the
// fake clock: joining, leaving and coming back, no-shows, completing, and who may signal.
#include "service_fixture.hpp"

#include "services/timer_key.hpp"

namespace mm::test {
namespace {

using bus::place_topic;
using bus::user_topic;

class room_service : public service_fixture {
protected:
  domain::user ada = add_user("ada"), bob = add_user("bob");

  // An interview ada invited bob to, accepted now (the grace runs from here).
  std::string accepted() {
    auto sent = run(invitations.send(ada.id, invitation_to(bob)));
    EXPECT_TRUE(sent);
    const auto room = sent->iv.room_id;
    EXPECT_TRUE(run(invitations.answer(bob.id, room, true)));
    published.clear();
    return room;
  }
  // An interview both have joined.
  std::string started() {
    const auto room = accepted();
    EXPECT_TRUE(run(rooms.join(ada.id, room)));
    EXPECT_TRUE(run(rooms.join(bob.id, room)));
    published.clear();
    return room;
  }
};

TEST_F(room_service, both_joining_starts_the_interview) {
  const auto room = accepted();
  auto first = run(rooms.join(ada.id, room));
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_TRUE(first->peers.empty());
  EXPECT_FALSE(first->polite) << "the inviter is the impolite peer";
  EXPECT_EQ(first->iv.status, interview_status::accepted);
  EXPECT_EQ(events_to(place_topic{room, bob.id}), std::vector<std::string>{"peer-joined"});

  auto second = run(rooms.join(bob.id, room));
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_EQ(second->peers, std::vector<std::string>{ada.id});
  EXPECT_TRUE(second->polite);
  EXPECT_EQ(second->iv.status, interview_status::in_progress);
  EXPECT_EQ(events_to(place_topic{room, ada.id}), std::vector<std::string>{"peer-joined"});
  EXPECT_EQ(last_payload(place_topic{room, ada.id}, "peer-joined").at("userId").as_string(), bob.id);
  for (const auto& u : {ada, bob})
    EXPECT_EQ(events_to(user_topic{u.id}), std::vector<std::string>{"interview-started"}) << u.name;
  EXPECT_FALSE(deadlines.due(services::grace_key{room})) << "both are in: no grace deadline";
}

TEST_F(room_service, nobody_else_may_join_and_a_pending_room_is_not_open) {
  const auto eve = add_user("eve");
  auto sent = run(invitations.send(ada.id, invitation_to(bob)));
  ASSERT_TRUE(sent);
  EXPECT_EQ(run(rooms.join(ada.id, sent->iv.room_id)).error().code, errc::conflict);
  ASSERT_TRUE(run(invitations.answer(bob.id, sent->iv.room_id, true)));
  EXPECT_EQ(run(rooms.join(eve.id, sent->iv.room_id)).error().code, errc::not_found);
}

TEST_F(room_service, a_room_nobody_joins_is_abandoned_as_a_no_show_when_the_grace_passes) {
  const auto room = accepted();
  clock.advance(180s - 1ms);
  sweep();
  EXPECT_EQ(find(room).status, interview_status::accepted);
  EXPECT_TRUE(published.empty());

  clock.advance(1ms);
  sweep();
  const auto iv = find(room);
  EXPECT_EQ(iv.status, interview_status::abandoned);
  EXPECT_EQ(iv.reason, domain::end_reason::no_show);
  EXPECT_EQ(events_to(bus::room_topic{room}), std::vector<std::string>{"room-closed"});
  for (const auto& u : {ada, bob}) {
    EXPECT_EQ(events_to(user_topic{u.id}), std::vector<std::string>{"interview-ended"}) << u.name;
    EXPECT_FALSE(last_payload(bus::presence_topic{u.id}, "presence").at("busy").as_bool()) << u.name;
  }
}

TEST_F(room_service, one_joining_alone_does_not_stop_the_no_show) {
  const auto room = accepted();
  ASSERT_TRUE(run(rooms.join(ada.id, room)));
  clock.advance(180s);
  sweep();
  EXPECT_EQ(find(room).reason, domain::end_reason::no_show);
}

TEST_F(room_service, leaving_tells_the_other_and_the_grace_passing_abandons_it_as_left) {
  const auto room = started();
  run(rooms.left(ada.id, room));
  EXPECT_EQ(events_to(place_topic{room, bob.id}), std::vector<std::string>{"peer-left"});
  EXPECT_EQ(deadlines.due(services::grace_key{room}), clock.now() + 180s);

  clock.advance(180s - 1ms);
  sweep();
  EXPECT_EQ(find(room).status, interview_status::in_progress);
  clock.advance(1ms);
  sweep();
  EXPECT_EQ(find(room).status, interview_status::abandoned);
  EXPECT_EQ(find(room).reason, domain::end_reason::left);
  EXPECT_EQ(events_to(user_topic{bob.id}), std::vector<std::string>{"interview-ended"});
}

TEST_F(room_service, coming_back_within_the_grace_keeps_the_interview) {
  const auto room = started();
  run(rooms.left(bob.id, room));
  clock.advance(170s);
  auto back = run(rooms.join(bob.id, room));
  ASSERT_TRUE(back);
  EXPECT_EQ(back->peers, std::vector<std::string>{ada.id});
  EXPECT_FALSE(deadlines.due(services::grace_key{room}));
  clock.advance(60s);
  sweep();
  EXPECT_EQ(find(room).status, interview_status::in_progress);
}

TEST_F(room_service, completing_ends_the_room_for_both) {
  const auto room = started();
  auto done = run(rooms.complete(bob.id, room));
  ASSERT_TRUE(done) << done.error().message;
  EXPECT_EQ(done->status, interview_status::completed);
  EXPECT_EQ(events_to(bus::room_topic{room}), std::vector<std::string>{"room-closed"});
  for (const auto& u : {ada, bob}) EXPECT_EQ(events_to(user_topic{u.id}), std::vector<std::string>{"interview-ended"});
  EXPECT_EQ(run(rooms.complete(ada.id, room)).error().code, errc::conflict) << "once";
  EXPECT_EQ(run(rooms.join(ada.id, room)).error().code, errc::conflict) << "a final room is not open";
}

TEST_F(room_service, signaling_without_a_place_is_refused_for_the_reason_that_applies) {
  const auto eve = add_user("eve");
  const auto room = accepted();
  EXPECT_EQ(run(rooms.signal_refusal(ada.id, room)).code, errc::forbidden) << "a participant who has not joined";
  EXPECT_EQ(run(rooms.signal_refusal(eve.id, room)).code, errc::not_found) << "a stranger";
  EXPECT_EQ(run(rooms.signal_refusal(ada.id, "r_none")).code, errc::not_found);
  ASSERT_TRUE(run(rooms.complete(ada.id, room)));
  EXPECT_EQ(run(rooms.signal_refusal(bob.id, room)).code, errc::conflict) << "the interview is over";
}

TEST_F(room_service, leave_room_without_a_place_changes_nothing_and_refuses_strangers) {
  const auto eve = add_user("eve");
  const auto room = started();
  EXPECT_TRUE(run(rooms.leave(ada.id, room, false)));
  EXPECT_TRUE(published.empty());
  EXPECT_EQ(find(room).status, interview_status::in_progress);
  EXPECT_TRUE(find(room).inviter_present);
  EXPECT_EQ(run(rooms.leave(eve.id, room, false)).error().code, errc::not_found);
  EXPECT_TRUE(run(rooms.leave(ada.id, room, true)));
  EXPECT_FALSE(find(room).inviter_present);
  EXPECT_EQ(events_to(place_topic{room, bob.id}), std::vector<std::string>{"peer-left"});
}

TEST_F(room_service, a_relayed_signal_goes_to_the_other_participants_place_only) {
  const auto room = started();
  rooms.relay(room, bob.id, "webrtc-offer", R"({"roomId":"x","sdp":"v=0"})");
  deliver();
  ASSERT_EQ(published.size(), 1u);
  EXPECT_EQ(published[0].to, (bus::topic{place_topic{room, bob.id}}));
  EXPECT_EQ(published[0].event, "webrtc-offer");
  EXPECT_NE(counters.render().find("mockmate_signaling_messages_total{event=\"webrtc-offer\"} 1"), std::string::npos);
}

TEST_F(room_service, feedback_opens_once_the_interview_ended_and_counts_once_per_participant) {
  const auto room = started();
  services::feedback_request r{4, {5, 4, std::nullopt}, std::string("Clear thinking.")};
  EXPECT_EQ(run(rooms.add_feedback(ada.id, room, r)).error().code, errc::conflict);
  ASSERT_TRUE(run(rooms.complete(ada.id, room)));
  auto saved = run(rooms.add_feedback(ada.id, room, r));
  ASSERT_TRUE(saved) << saved.error().message;
  EXPECT_EQ(saved->from.name, "ada");
  EXPECT_EQ(saved->created_at, clock.now());
  EXPECT_EQ(run(rooms.add_feedback(ada.id, room, r)).error().code, errc::conflict);
}

} // namespace
} // namespace mm::test
