// The stored deadlines (services/deadlines.hpp) across a restart and across nodes, with the fake
// clock, and their names and notices as wire strings (timer_key.hpp, deadline_notice.hpp).
#include "service_fixture.hpp"

#include "services/deadline_notice.hpp"
#include "services/timer_key.hpp"

namespace mm::test {
namespace {

using bus::user_topic;

class deadlines_after : public service_fixture {
protected:
  domain::user ada = add_user("ada"), bob = add_user("bob");

  // Runs the io_context until `done` holds, at most 200 handlers (a timer due now fires at once).
  template <class F>
  bool drive_until(F done) {
    io.restart();
    for (int i = 0; i < 200 && !done(); ++i) io.run_one_for(std::chrono::seconds(2));
    io.poll();
    return done();
  }
};

TEST_F(deadlines_after, a_restart_expires_an_invitation_that_came_due_while_down) {
  auto sent = run(invitations.send(ada.id, invitation_to(bob)));
  ASSERT_TRUE(sent);
  const auto room = sent->iv.room_id;
  deadlines.cancel_all(); // the process stops: its timers are gone, the deadline is stored
  clock.advance(10min);
  published.clear();

  run(services::restore_deadlines(ctx));
  ASSERT_TRUE(drive_until([&] { return !events_to(user_topic{ada.id}).empty(); }));
  EXPECT_EQ(find(room).status, interview_status::expired);
  EXPECT_EQ(events_to(user_topic{ada.id}), std::vector<std::string>{"invitation-expired"});
  EXPECT_EQ(events_to(user_topic{bob.id}), std::vector<std::string>{"invitation-expired"});
}

TEST_F(deadlines_after, a_restart_rearms_an_invitation_that_is_still_live) {
  auto sent = run(invitations.send(ada.id, invitation_to(bob)));
  ASSERT_TRUE(sent);
  deadlines.cancel_all();
  clock.advance(30s);
  run(services::restore_deadlines(ctx));
  EXPECT_EQ(deadlines.due(services::expiry_key{sent->iv.room_id}), sent->iv.expires_at);
  EXPECT_EQ(find(sent->iv.room_id).status, interview_status::pending);
}

TEST_F(deadlines_after, a_restart_counts_the_participants_of_a_running_interview_as_gone) {
  auto sent = run(invitations.send(ada.id, invitation_to(bob)));
  ASSERT_TRUE(sent);
  const auto room = sent->iv.room_id;
  ASSERT_TRUE(run(invitations.answer(bob.id, room, true)));
  ASSERT_TRUE(run(rooms.join(ada.id, room)));
  ASSERT_TRUE(run(rooms.join(bob.id, room)));
  deadlines.cancel_all();
  clock.advance(1h);

  run(services::restore_deadlines(ctx, true));
  const auto iv = find(room);
  EXPECT_FALSE(iv.inviter_present);
  EXPECT_FALSE(iv.invitee_present);
  ASSERT_TRUE(iv.grace_deadline);
  EXPECT_EQ(*iv.grace_deadline, clock.now() + 180s);
  EXPECT_EQ(deadlines.due(services::grace_key{room}), clock.now() + 180s);

  clock.advance(180s);
  sweep();
  EXPECT_EQ(find(room).reason, domain::end_reason::left) << "nobody came back";
}

TEST_F(deadlines_after, several_nodes_leave_the_presence_of_running_interviews_alone) {
  auto sent = run(invitations.send(ada.id, invitation_to(bob)));
  const auto room = sent->iv.room_id;
  ASSERT_TRUE(run(invitations.answer(bob.id, room, true)));
  ASSERT_TRUE(run(rooms.join(ada.id, room)));
  run(services::restore_deadlines(ctx, false));
  EXPECT_TRUE(find(room).inviter_present);
}

TEST_F(deadlines_after, a_deadline_another_node_announces_is_armed_here) {
  services::follow_deadlines(ctx);
  const auto at = clock.now() + 42s;
  ctx.events.publish(services::to_message({services::expiry_key{"r_elsewhere"}, at}));
  ctx.events.publish({bus::deadline_topic{}, "deadline", R"({"key":"soon:r_x","at":1})"});
  deliver();
  EXPECT_EQ(deadlines.due(services::expiry_key{"r_elsewhere"}), at);
  EXPECT_EQ(deadlines.size(), 1u) << "a malformed notice arms nothing";
}

TEST(timers, arming_a_key_again_for_the_same_time_keeps_the_timer_and_another_time_replaces_it) {
  boost::asio::io_context io;
  fake_clock clock;
  services::timers t(io.get_executor(), clock);
  int fired_a = 0, fired_b = 0;
  const auto at = clock.now() + 1h;
  t.arm(services::expiry_key{"r_1"}, at, [&] { ++fired_a; });
  t.arm(services::expiry_key{"r_1"}, at, [&] { ++fired_b; });
  EXPECT_EQ(t.size(), 1u);
  t.arm(services::grace_key{"r_1"}, at, [] {});
  EXPECT_EQ(t.size(), 2u) << "another kind of key is another timer";
  t.arm(services::expiry_key{"r_1"}, clock.now(), [&] { ++fired_b; });
  io.run_for(std::chrono::milliseconds(200)); // the replaced timer's cancellation, then the due one
  EXPECT_EQ(fired_a, 0) << "replaced";
  EXPECT_EQ(fired_b, 1);
  EXPECT_FALSE(t.due(services::expiry_key{"r_1"}));
  t.cancel_all();
}

TEST(timer_key, encodes_and_parses_every_kind) {
  EXPECT_EQ(services::encode(services::expiry_key{"r_1"}), "expire:r_1");
  EXPECT_EQ(services::encode(services::grace_key{"r_2"}), "grace:r_2");
  EXPECT_EQ(services::parse_timer_key("expire:r_1"), services::timer_key{services::expiry_key{"r_1"}});
  EXPECT_EQ(services::parse_timer_key("grace:r_2"), services::timer_key{services::grace_key{"r_2"}});
  for (std::string_view bad : {"", "expire:", "grace", "expire:r:1", "later:r_1"}) EXPECT_FALSE(services::parse_timer_key(bad)) << bad;
}

TEST(deadline_notice, carries_the_key_and_the_time_in_milliseconds) {
  const auto m = services::to_message({services::grace_key{"r_3"}, domain::from_millis(1'790'000'000'500)});
  EXPECT_EQ(m.to, bus::topic{bus::deadline_topic{}});
  EXPECT_EQ(m.event, "deadline");
  EXPECT_EQ(m.payload, R"({"key":"grace:r_3","at":1790000000500})");
  auto back = services::parse_deadline_notice(m);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->key, services::timer_key{services::grace_key{"r_3"}});
  EXPECT_EQ(back->at, domain::from_millis(1'790'000'000'500));
  for (std::string_view bad : {R"({"key":"grace:r_3"})", R"({"at":5})", R"({"key":"nope","at":5})", "[]", "x"})
    EXPECT_FALSE(services::parse_deadline_notice({bus::deadline_topic{}, "deadline", std::string(bad)})) << bad;
  EXPECT_FALSE(services::parse_deadline_notice({bus::user_topic{"u"}, "deadline", m.payload}));
}

} // namespace
} // namespace mm::test
