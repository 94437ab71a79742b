// The store's trust contract (store/trust_store.hpp, API.md v2 "Blocking, reports, reliability",
// `absent`) on every backend: blocks and what they hide and end, absent on abandonment,
// reliability in one query, reports with their limit.
#include "domain/reliability.hpp"
#include "store/store_fixture.hpp"

#include <algorithm>

namespace mm::test {
namespace {

std::vector<std::string> ids_of(const std::vector<store::candidate>& list) {
  std::vector<std::string> out;
  for (const auto& c : list) out.push_back(c.user.id);
  std::sort(out.begin(), out.end());
  return out;
}

domain::report report_of(const domain::user& from, const domain::user& about, time_point at,
                         std::optional<std::string> room = std::nullopt) {
  domain::report r;
  static int n = 0;
  r.id = "rp_" + std::to_string(++n);
  r.reporter.id = from.id;
  r.reported.id = about.id;
  r.room_id = std::move(room);
  r.reason = domain::report_reason::no_show;
  r.details = "did not come\nat all";
  r.created_at = at;
  return r;
}

// ---- blocks -------------------------------------------------------------------------------

TEST_P(store_suite, a_block_is_listed_for_its_blocker_only_newest_first_and_a_second_one_changes_nothing) {
  const auto ada = add_user("ada"), bob = add_user("bob"), cy = add_user("cy");
  auto first = db().add_block(ada.id, bob.id, t0);
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_TRUE(first->created);
  EXPECT_EQ(first->b.user.id, bob.id);
  EXPECT_EQ(first->b.user.name, "bob");
  EXPECT_EQ(first->b.created_at, t0);
  ASSERT_TRUE(db().add_block(ada.id, cy.id, t0 + 1s));
  auto again = db().add_block(ada.id, bob.id, t0 + 2s);
  ASSERT_TRUE(again);
  EXPECT_FALSE(again->created);
  EXPECT_EQ(again->b.created_at, t0) << "the block keeps its time";

  const auto mine = db().list_blocks(ada.id);
  ASSERT_EQ(mine.size(), 2u);
  EXPECT_EQ(mine[0].user.id, cy.id);
  EXPECT_EQ(mine[1].user.id, bob.id);
  EXPECT_TRUE(db().list_blocks(bob.id).empty()) << "who blocked you is never listed";
}

TEST_P(store_suite, blocking_oneself_or_an_unknown_user_fails_and_changes_nothing) {
  const auto ada = add_user("ada");
  auto self = db().add_block(ada.id, ada.id, t0);
  ASSERT_FALSE(self);
  EXPECT_EQ(self.error().code, errc::validation_failed);
  auto unknown = db().add_block(ada.id, "u_nobody", t0);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, errc::not_found);
  EXPECT_TRUE(db().list_blocks(ada.id).empty());
}

TEST_P(store_suite, a_block_hides_the_two_from_each_others_partners_both_ways_until_removed) {
  const auto ada = add_user("ada"), bob = add_user("bob"), cy = add_user("cy");
  ASSERT_TRUE(db().add_block(bob.id, ada.id, t0));
  EXPECT_EQ(ids_of(db().partner_candidates(ada.id)), (std::vector<std::string>{cy.id}));
  EXPECT_EQ(ids_of(db().partner_candidates(bob.id)), (std::vector<std::string>{cy.id}));
  EXPECT_EQ(ids_of(db().partner_candidates(cy.id)), (std::vector<std::string>{ada.id, bob.id}));

  EXPECT_FALSE(db().remove_block(ada.id, bob.id)) << "only the blocker removes a block";
  EXPECT_TRUE(db().remove_block(bob.id, ada.id));
  EXPECT_FALSE(db().remove_block(bob.id, ada.id)) << "gone already";
  EXPECT_EQ(ids_of(db().partner_candidates(ada.id)), (std::vector<std::string>{bob.id, cy.id}));
}

TEST_P(store_suite, blocked_among_finds_the_ids_blocked_with_the_user_either_way) {
  const auto ada = add_user("ada"), bob = add_user("bob"), cy = add_user("cy"), dee = add_user("dee");
  ASSERT_TRUE(db().add_block(ada.id, bob.id, t0));
  ASSERT_TRUE(db().add_block(cy.id, ada.id, t0));
  ASSERT_TRUE(db().add_block(bob.id, dee.id, t0));
  auto found = db().blocked_among(ada.id, {bob.id, cy.id, dee.id, "u_\"odd\\id"});
  std::sort(found.begin(), found.end());
  EXPECT_EQ(found, (std::vector<std::string>{bob.id, cy.id}));
  EXPECT_EQ(db().blocked_among(ada.id, {dee.id}), std::vector<std::string>{});
  EXPECT_EQ(db().blocked_among(ada.id, {}), std::vector<std::string>{});
}

TEST_P(store_suite, a_blocked_pair_cannot_invite_each_other_and_hears_what_an_unknown_id_would) {
  const auto ada = add_user("ada"), bob = add_user("bob");
  ASSERT_TRUE(db().add_block(ada.id, bob.id, t0));
  auto unknown = send(ada, domain::user{"u_nobody", "", "", t0}, t0);
  ASSERT_FALSE(unknown);
  for (const auto& [from, to] : {std::pair{ada, bob}, std::pair{bob, ada}}) {
    auto r = send(from, to, t0 + 1s);
    ASSERT_FALSE(r) << from.name << " -> " << to.name;
    EXPECT_EQ(r.error().code, errc::not_found);
    EXPECT_EQ(r.error().message, unknown.error().message);
  }
  EXPECT_TRUE(db().history(bob.id, {}).empty());
  ASSERT_TRUE(db().remove_block(ada.id, bob.id));
  EXPECT_TRUE(send(bob, ada, t0 + 2s)) << "unblocking restores invitations";
}

TEST_P(store_suite, a_block_ends_the_pending_invitations_between_the_two_by_who_blocked_whom) {
  const auto ada = add_user("ada"), bob = add_user("bob"), cy = add_user("cy"), dee = add_user("dee");
  // Bob invited ada; ada blocks bob: she refuses it (rejected).
  const auto to_ada = invite(bob, ada, t0);
  const auto other = invite(cy, ada, t0); // someone else's invitation stays
  auto r = db().add_block(ada.id, bob.id, t0 + 5s);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->ended.size(), 1u);
  EXPECT_EQ(r->ended[0].room_id, to_ada);
  EXPECT_EQ(r->ended[0].status, interview_status::rejected);
  EXPECT_EQ(r->ended[0].reason, end_reason::blocked);
  EXPECT_EQ(r->ended[0].responded_at, t0 + 5s);
  EXPECT_EQ(find(to_ada).status, interview_status::rejected);
  EXPECT_EQ(find(other).status, interview_status::pending);
  auto again = db().add_block(ada.id, bob.id, t0 + 6s);
  ASSERT_TRUE(again);
  EXPECT_TRUE(again->ended.empty()) << "ended once";

  // Dee invited cy; dee blocks cy: she withdraws it (cancelled).
  const auto from_dee = invite(dee, cy, t0);
  auto w = db().add_block(dee.id, cy.id, t0 + 7s);
  ASSERT_TRUE(w);
  ASSERT_EQ(w->ended.size(), 1u);
  EXPECT_EQ(w->ended[0].room_id, from_dee);
  EXPECT_EQ(w->ended[0].status, interview_status::cancelled);
  EXPECT_EQ(w->ended[0].reason, end_reason::blocked);
  EXPECT_EQ(find(other).status, interview_status::pending);
}

TEST_P(store_suite, a_block_leaves_past_and_running_interviews_and_overdue_invitations_alone) {
  const auto ada = add_user("ada"), bob = add_user("bob"), cy = add_user("cy");
  const auto done = started(ada, bob, t0);
  ASSERT_TRUE(db().complete(done, ada.id, t0 + 1min));
  const auto overdue = invite(cy, ada, t0 + 2min, 10s);
  const auto running = started(bob, ada, t0 + 3min);
  auto r = db().add_block(ada.id, bob.id, t0 + 4min);
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->ended.empty());
  EXPECT_EQ(find(done).status, interview_status::completed);
  EXPECT_EQ(find(running).status, interview_status::in_progress);
  ASSERT_TRUE(db().add_block(ada.id, cy.id, t0 + 4min));
  EXPECT_EQ(find(overdue).status, interview_status::pending) << "left for expiry";
  EXPECT_EQ(db().history(ada.id, {}).size(), 3u) << "past interviews stay in the history";
}

// ---- absent -------------------------------------------------------------------------------

TEST_P(store_suite, a_no_show_is_absent_as_the_participant_who_never_joined_even_if_the_other_left_again) {
  const auto ada = add_user("ada"), bob = add_user("bob");
  const auto room = accepted(ada, bob, t0);
  ASSERT_TRUE(db().join(room, ada.id, t0 + 10s));
  ASSERT_TRUE(db().leave(room, ada.id, t0 + 1s + grace));
  EXPECT_FALSE(find(room).absent) << "null while not abandoned";
  auto gone = db().abandon_if_due(room, t0 + 1s + grace);
  ASSERT_TRUE(gone);
  EXPECT_EQ(gone->reason, end_reason::no_show);
  EXPECT_EQ(gone->absent, bob.id);
  EXPECT_EQ(gone->absent_reason, end_reason::no_show);
  EXPECT_TRUE(gone->inviter_joined);
  EXPECT_FALSE(gone->invitee_joined);
  EXPECT_EQ(find(room).absent, bob.id);
}

TEST_P(store_suite, when_nobody_joined_or_both_left_nobody_is_absent) {
  const auto ada = add_user("ada"), bob = add_user("bob"), cy = add_user("cy"), dee = add_user("dee");
  const auto empty = accepted(ada, bob, t0);
  auto a = db().abandon_if_due(empty, t0 + 1s + grace);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->reason, end_reason::no_show);
  EXPECT_FALSE(a->absent);
  EXPECT_EQ(a->absent_reason, end_reason::none);

  const auto room = started(cy, dee, t0);
  ASSERT_TRUE(db().leave(room, cy.id, t0 + 10min));
  ASSERT_TRUE(db().leave(room, dee.id, t0 + 11min));
  auto b = db().abandon_if_due(room, t0 + 10min);
  ASSERT_TRUE(b);
  EXPECT_EQ(b->reason, end_reason::left);
  EXPECT_FALSE(b->absent);
}

TEST_P(store_suite, a_participant_who_left_a_running_interview_and_did_not_come_back_is_absent_as_left) {
  const auto ada = add_user("ada"), bob = add_user("bob");
  const auto room = started(ada, bob, t0);
  ASSERT_TRUE(db().leave(room, ada.id, t0 + 10min));
  auto gone = db().abandon_if_due(room, t0 + 10min);
  ASSERT_TRUE(gone);
  EXPECT_EQ(gone->reason, end_reason::left);
  EXPECT_EQ(gone->absent, ada.id);
  EXPECT_EQ(gone->absent_reason, end_reason::left);
}

// ---- reliability --------------------------------------------------------------------------

TEST_P(store_suite, reliability_counts_completed_no_show_and_left_for_each_user_in_one_call) {
  const auto ada = add_user("ada"), bob = add_user("bob"), cy = add_user("cy"), dee = add_user("dee");
  auto t = t0;
  for (int i = 0; i < 2; ++i, t += 1h) {
    const auto room = started(i ? bob : ada, i ? ada : bob, t);
    ASSERT_TRUE(db().complete(room, ada.id, t + 1min));
  }
  const auto no_show = accepted(ada, cy, t); // ada joins, cy never does
  ASSERT_TRUE(db().join(no_show, ada.id, t + 5s));
  ASSERT_TRUE(db().abandon_if_due(no_show, t + 1s + grace));
  t += 1h;
  const auto left = started(dee, ada, t); // dee leaves for good
  ASSERT_TRUE(db().leave(left, dee.id, t + 5min));
  ASSERT_TRUE(db().abandon_if_due(left, t + 5min));
  t += 1h;
  const auto nobody = accepted(cy, dee, t); // nobody joins: counts for neither
  ASSERT_TRUE(db().abandon_if_due(nobody, t + 1s + grace));
  const auto pending = invite(ada, dee, t + 1h); // not yet anything

  auto r = db().reliability_of({ada.id, bob.id, cy.id, dee.id, "u_nobody"});
  EXPECT_EQ(r.size(), 4u) << "unknown ids are left out";
  EXPECT_EQ(r[ada.id], domain::make_reliability(2, 0, 0));
  EXPECT_EQ(r[ada.id].score, std::nullopt) << "below 3 interviews";
  EXPECT_EQ(r[bob.id], domain::make_reliability(2, 0, 0));
  EXPECT_EQ(r[cy.id], domain::make_reliability(0, 1, 0));
  EXPECT_EQ(r[dee.id], domain::make_reliability(0, 0, 1));

  // One more completed for ada and cy, and one more no-show for cy: scores appear from three on.
  const auto third = started(ada, cy, t + 2h);
  ASSERT_TRUE(db().complete(third, cy.id, t + 2h + 1min));
  const auto cy_again = accepted(bob, cy, t + 3h);
  ASSERT_TRUE(db().join(cy_again, bob.id, t + 3h + 5s));
  ASSERT_TRUE(db().abandon_if_due(cy_again, t + 3h + 1s + grace));
  r = db().reliability_of({ada.id, cy.id});
  EXPECT_EQ(r[ada.id].completed, 3);
  EXPECT_EQ(r[ada.id].score, 1.0);
  EXPECT_EQ(r[cy.id].completed, 1);
  EXPECT_EQ(r[cy.id].no_shows, 2);
  ASSERT_TRUE(r[cy.id].score);
  EXPECT_DOUBLE_EQ(*r[cy.id].score, 1.0 / 3.0);
  EXPECT_TRUE(db().reliability_of({}).empty());
  (void)pending;
}

// ---- reports ------------------------------------------------------------------------------

TEST_P(store_suite, reports_are_stored_with_names_and_listed_newest_first) {
  const auto ada = add_user("ada"), bob = add_user("bob"), cy = add_user("cy");
  const auto room = accepted(ada, bob, t0);
  auto first = db().add_report({report_of(ada, bob, t0 + 1min, room), {}});
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->reporter.name, "ada");
  EXPECT_EQ(first->reported.name, "bob");
  auto second = report_of(cy, bob, t0 + 2min);
  second.reason = domain::report_reason::spam;
  second.details.reset();
  ASSERT_TRUE(db().add_report({second, {}}));

  const auto all = db().list_reports();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].id, second.id);
  EXPECT_EQ(all[0].reason, domain::report_reason::spam);
  EXPECT_FALSE(all[0].details);
  EXPECT_FALSE(all[0].room_id);
  EXPECT_EQ(all[1].id, first->id);
  EXPECT_EQ(all[1].reporter.id, ada.id);
  EXPECT_EQ(all[1].reported.id, bob.id);
  EXPECT_EQ(all[1].room_id, room);
  EXPECT_EQ(all[1].details, "did not come\nat all");
  EXPECT_EQ(all[1].created_at, t0 + 1min);
}

TEST_P(store_suite, a_report_about_oneself_an_unknown_user_or_a_room_not_of_both_fails_and_stores_nothing) {
  const auto ada = add_user("ada"), bob = add_user("bob"), cy = add_user("cy");
  const auto theirs = accepted(bob, cy, t0);
  auto self = db().add_report({report_of(ada, ada, t0), {}});
  ASSERT_FALSE(self);
  EXPECT_EQ(self.error().code, errc::validation_failed);
  auto unknown = db().add_report({report_of(ada, domain::user{"u_nobody", "", "", t0}, t0), {}});
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, errc::not_found);
  for (const auto& room : {theirs, std::string("r_none")}) {
    auto r = db().add_report({report_of(ada, bob, t0, room), {}});
    ASSERT_FALSE(r) << room;
    EXPECT_EQ(r.error().code, errc::not_found);
  }
  EXPECT_TRUE(db().list_reports().empty());
}

TEST_P(store_suite, a_reporter_may_file_ten_reports_in_any_day_then_is_rate_limited_until_the_oldest_is_a_day_old) {
  const auto ada = add_user("ada"), bob = add_user("bob"), cy = add_user("cy");
  const domain::report_limit limit; // 10 per 24 h
  for (int i = 0; i < 10; ++i) ASSERT_TRUE(db().add_report({report_of(ada, i % 2 ? bob : cy, t0 + i * 1min), limit})) << i;
  auto over = db().add_report({report_of(ada, bob, t0 + 1h), limit});
  ASSERT_FALSE(over);
  EXPECT_EQ(over.error().code, errc::rate_limited);
  EXPECT_DOUBLE_EQ(over.error().retry_after_seconds, 23.0 * 3600);
  EXPECT_TRUE(db().add_report({report_of(bob, ada, t0 + 1h), limit})) << "the limit is per reporter";
  EXPECT_FALSE(db().add_report({report_of(ada, bob, t0 + 24h - 1ms), limit})) << "the first is not a day old yet";
  EXPECT_TRUE(db().add_report({report_of(ada, bob, t0 + 24h), limit})) << "a day old: out of the window";
  EXPECT_EQ(db().list_reports().size(), 12u);
}

} // namespace
} // namespace mm::test
