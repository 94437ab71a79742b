// round_service (API.md, "Rounds and roles") on a real SQLite store with the fake clock:
// round 1 at in_progress with --round-minutes, the switch to round 2 and what it announces, the
// socket that has not joined, and the hints that follow the current interviewer.
#include "service_fixture.hpp"

#include "services/round_service.hpp"
#include "services/views.hpp"

namespace mm::test {
namespace {

using bus::user_topic;

services::service_config fifty_minute_rounds() {
  auto c = test_config();
  c.round_minutes = 50;
  return c;
}

class round_service : public service_fixture {
protected:
  round_service() : service_fixture(fifty_minute_rounds()) {}

  domain::user ada = add_user("ada"), bob = add_user("bob"), eve = add_user("eve");
  services::round_service rounds{ctx};

  // ada invited bob (questions 0 and 1), both joined: round 1 runs, ada interviews.
  std::string started() {
    auto sent = run(invitations.send(ada.id, invitation_to(bob)));
    EXPECT_TRUE(sent);
    const auto room = sent->iv.room_id;
    EXPECT_TRUE(run(invitations.answer(bob.id, room, true)));
    EXPECT_TRUE(run(rooms.join(ada.id, room)));
    EXPECT_TRUE(run(rooms.join(bob.id, room)));
    published.clear();
    return room;
  }

  services::start_round_request switch_to(const std::string& room, std::vector<std::string> ids) { return {room, std::move(ids)}; }
};

TEST_F(round_service, round_one_starts_with_the_interview_planned_for_the_configured_minutes) {
  const auto room = started();
  const auto iv = find(room);
  ASSERT_EQ(iv.rounds.size(), 1u);
  EXPECT_EQ(iv.rounds[0].planned_minutes, 50);
  EXPECT_EQ(iv.rounds[0].started_at, clock.now());
  EXPECT_EQ(iv.rounds[0].interviewer.id, ada.id);
}

TEST_F(round_service, the_candidate_switches_roles_and_both_participants_hear_round_started) {
  const auto room = started();
  clock.advance(20min);
  auto r = run(rounds.start(bob.id, switch_to(room, {question_ids[3], question_ids[2]}), true));
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->rounds.size(), 2u);
  EXPECT_EQ(r->rounds[0].ended_at, clock.now());
  EXPECT_EQ(r->rounds[1].interviewer.id, bob.id);
  EXPECT_EQ(r->rounds[1].candidate.id, ada.id);
  EXPECT_EQ(r->rounds[1].started_at, clock.now());
  EXPECT_EQ(r->rounds[1].planned_minutes, 50);
  for (const auto& u : {ada, bob}) {
    EXPECT_EQ(events_to(user_topic{u.id}), std::vector<std::string>{"round-started"}) << u.name;
    const auto payload = last_payload(user_topic{u.id}, "round-started");
    const auto& announced = payload.at("interview").as_object();
    EXPECT_EQ(announced.at("roomId").as_string(), room);
    const auto& two = announced.at("rounds").as_array().at(1).as_object();
    EXPECT_EQ(two.at("interviewer").at("id").as_string(), bob.id);
    EXPECT_EQ(two.at("elapsedMs"), 0);
    EXPECT_EQ(two.at("questions").as_array().at(0).at("id").as_string(), question_ids[3]);
  }
  EXPECT_TRUE(events_to(user_topic{eve.id}).empty());
}

TEST_F(round_service, refusals_announce_nothing) {
  const auto room = started();
  EXPECT_EQ(run(rounds.start(ada.id, switch_to(room, {question_ids[3]}), true)).error().code, errc::forbidden);
  EXPECT_EQ(run(rounds.start(eve.id, switch_to(room, {question_ids[3]}), false)).error().code, errc::not_found);
  EXPECT_EQ(run(rounds.start(bob.id, switch_to(room, {"no-such-question"}), true)).error().code, errc::validation_failed);
  ASSERT_TRUE(run(rounds.start(bob.id, switch_to(room, {question_ids[3]}), true)));
  published.clear();
  EXPECT_EQ(run(rounds.start(bob.id, switch_to(room, {question_ids[4]}), true)).error().code, errc::conflict);
  EXPECT_EQ(run(rounds.start(ada.id, switch_to(room, {question_ids[4]}), true)).error().code, errc::conflict);
  EXPECT_TRUE(published.empty());
  EXPECT_EQ(find(room).rounds.size(), 2u);
}

TEST_F(round_service, a_socket_that_has_not_joined_the_room_is_forbidden_after_the_rules) {
  const auto room = started();
  auto outside = run(rounds.start(bob.id, switch_to(room, {question_ids[3]}), false));
  ASSERT_FALSE(outside);
  EXPECT_EQ(outside.error().code, errc::forbidden);
  EXPECT_EQ(find(room).rounds.size(), 1u) << "nothing started";
  EXPECT_TRUE(published.empty());
  EXPECT_EQ(run(rounds.start(eve.id, switch_to(room, {question_ids[3]}), false)).error().code, errc::not_found);
  ASSERT_TRUE(run(rooms.complete(ada.id, room)));
  EXPECT_EQ(run(rounds.start(bob.id, switch_to(room, {question_ids[3]}), false)).error().code, errc::conflict)
      << "after the end: conflict, as from inside";
}

TEST_F(round_service, hints_follow_the_interviewer_of_the_current_round) {
  const auto room = started();
  auto one = run(rounds.hints(ada.id, room));
  ASSERT_TRUE(one) << one.error().message;
  ASSERT_EQ(one->size(), 2u);
  EXPECT_EQ((*one)[0].id, question_ids[0]);
  EXPECT_FALSE((*one)[0].hints.empty());
  EXPECT_EQ(run(rounds.hints(bob.id, room)).error().code, errc::forbidden);
  EXPECT_EQ(run(rounds.hints(eve.id, room)).error().code, errc::not_found);
  EXPECT_EQ(run(rounds.hints(ada.id, "r_unknown")).error().code, errc::not_found);

  ASSERT_TRUE(run(rounds.start(bob.id, switch_to(room, {question_ids[4]}), true)));
  auto two = run(rounds.hints(bob.id, room));
  ASSERT_TRUE(two) << two.error().message;
  ASSERT_EQ(two->size(), 1u);
  EXPECT_EQ((*two)[0].id, question_ids[4]);
  EXPECT_EQ(run(rounds.hints(ada.id, room)).error().code, errc::forbidden);
  ASSERT_TRUE(run(rooms.complete(bob.id, room)));
  EXPECT_TRUE(run(rounds.hints(bob.id, room))) << "after the end: the last round's interviewer";
}

TEST_F(round_service, elapsed_time_follows_the_servers_clock) {
  const auto room = started();
  clock.advance(90s);
  const auto o = services::interview_json(find(room), clock.now());
  EXPECT_EQ(o.at("rounds").as_array().at(0).at("elapsedMs"), 90'000);
}

} // namespace
} // namespace mm::test
