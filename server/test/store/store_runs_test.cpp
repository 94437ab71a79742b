// The store's code runs (store/run_store.hpp) on every backend: who may start one when, one
// under way per interview, the rate limit, the outcome written once, newest first, and the
// runs a dead process left unfinished.
#include "store/store_fixture.hpp"

namespace mm::test {
namespace {

using domain::run_status;
using domain::run_verdict;

domain::run new_run(const std::string& id, const domain::user& by, const std::string& room, time_point at) {
  domain::run r;
  r.id = id;
  r.room_id = room;
  r.round = 1;
  r.by.id = by.id;
  r.language = domain::code_language::cpp;
  r.tests = {{"example", false, "1 2\n", "3\n", ""}, {"zeros", false, "0 0\n", "0\n", ""}};
  r.created_at = at;
  return r;
}

domain::run outcome_of(domain::run r, time_point at) {
  r.status = run_status::finished;
  r.verdict = run_verdict::failed;
  r.exit_code = 0;
  r.stdout_text = "0\n";
  r.stderr_text = "warning \xE2\x9A\xA0";
  r.truncated = true;
  r.tests[0].passed = true;
  r.tests[0].actual_output = "3\n";
  r.tests[1].actual_output = "1\n";
  r.duration_ms = 420;
  r.finished_at = at;
  return r;
}

constexpr domain::rate_window no_limit{0, milliseconds{0}};

TEST_P(store_suite, a_run_is_created_queued_then_runs_and_finishes_once) {
  const auto ada = add_user("ada"), bob = add_user("bob");
  const auto room = started(ada, bob, t0);
  auto created = db().create_run(new_run("run_1", bob, room, t0 + 1min), no_limit);
  ASSERT_TRUE(created) << created.error().message;
  EXPECT_EQ(created->status, run_status::queued);
  EXPECT_EQ(created->by.name, "bob");
  auto queued = db().find_run(room, "run_1");
  ASSERT_TRUE(queued);
  EXPECT_EQ(queued->status, run_status::queued);
  EXPECT_FALSE(queued->verdict);
  EXPECT_FALSE(queued->finished_at);
  ASSERT_EQ(queued->tests.size(), 2u);
  EXPECT_EQ(queued->tests[1].input, "0 0\n");

  EXPECT_TRUE(db().start_run("run_1"));
  EXPECT_FALSE(db().start_run("run_1"));
  EXPECT_EQ(db().find_run(room, "run_1")->status, run_status::running);

  auto finished = db().finish_run(outcome_of(*created, t0 + 2min));
  ASSERT_TRUE(finished);
  EXPECT_EQ(finished->status, run_status::finished);
  EXPECT_EQ(finished->verdict, run_verdict::failed);
  EXPECT_EQ(finished->exit_code, 0);
  EXPECT_EQ(finished->stdout_text, "0\n");
  EXPECT_EQ(finished->stderr_text, "warning \xE2\x9A\xA0");
  EXPECT_TRUE(finished->truncated);
  EXPECT_EQ(finished->duration_ms, 420);
  EXPECT_EQ(finished->finished_at, t0 + 2min);
  EXPECT_EQ(finished->created_at, t0 + 1min);
  EXPECT_EQ(finished->by.id, bob.id);
  EXPECT_EQ(finished->language, domain::code_language::cpp);
  ASSERT_EQ(finished->tests.size(), 2u);
  EXPECT_TRUE(finished->tests[0].passed);
  EXPECT_EQ(finished->tests[0].actual_output, "3\n");
  EXPECT_FALSE(finished->tests[1].passed);
  EXPECT_EQ(finished->tests[1].expected_output, "0\n");
  EXPECT_FALSE(db().finish_run(outcome_of(*created, t0 + 3min))); // once
  EXPECT_FALSE(db().start_run("run_1"));
  EXPECT_EQ(db().find_run(room, "run_1")->finished_at, t0 + 2min);
}

TEST_P(store_suite, one_run_under_way_per_interview) {
  const auto ada = add_user("ada"), bob = add_user("bob");
  const auto room = started(ada, bob, t0);
  auto first = db().create_run(new_run("run_1", ada, room, t0 + 1min), no_limit);
  ASSERT_TRUE(first);
  EXPECT_EQ(db().create_run(new_run("run_2", bob, room, t0 + 1min), no_limit).error().code, errc::conflict);
  ASSERT_TRUE(db().start_run("run_1"));
  EXPECT_EQ(db().create_run(new_run("run_2", bob, room, t0 + 1min), no_limit).error().code, errc::conflict);
  ASSERT_TRUE(db().finish_run(outcome_of(*first, t0 + 2min)));
  EXPECT_TRUE(db().create_run(new_run("run_2", bob, room, t0 + 3min), no_limit));
}

TEST_P(store_suite, runs_are_for_participants_of_an_open_interview) {
  const auto ada = add_user("ada"), bob = add_user("bob"), eve = add_user("eve");
  const auto room = accepted(ada, bob, t0);
  EXPECT_EQ(db().create_run(new_run("run_1", eve, room, t0 + 1min), no_limit).error().code, errc::not_found);
  EXPECT_EQ(db().create_run(new_run("run_1", ada, "r_none", t0 + 1min), no_limit).error().code, errc::not_found);
  auto ok = db().create_run(new_run("run_1", ada, room, t0 + 1min), no_limit);
  ASSERT_TRUE(ok); // accepted is enough
  ASSERT_TRUE(db().finish_run(outcome_of(*ok, t0 + 2min)));
  ASSERT_TRUE(db().complete(room, ada.id, t0 + 3min));
  EXPECT_EQ(db().create_run(new_run("run_2", ada, room, t0 + 4min), no_limit).error().code, errc::conflict);
  EXPECT_EQ(db().list_runs(room).size(), 1u); // kept after the end
  EXPECT_FALSE(db().find_run("r_none", "run_1"));
  const auto other = accepted(add_user("cy"), add_user("dee"), t0 + 5min);
  EXPECT_FALSE(db().find_run(other, "run_1")); // a run is found only in its own interview
}

TEST_P(store_suite, runs_are_listed_newest_first) {
  const auto ada = add_user("ada"), bob = add_user("bob");
  const auto room = started(ada, bob, t0);
  for (int i = 1; i <= 3; ++i) {
    auto r = db().create_run(new_run("run_" + std::to_string(i), i % 2 ? ada : bob, room, t0 + i * 1min), no_limit);
    ASSERT_TRUE(r);
    ASSERT_TRUE(db().finish_run(outcome_of(*r, t0 + i * 1min + 1s)));
  }
  const auto listed = db().list_runs(room);
  ASSERT_EQ(listed.size(), 3u);
  EXPECT_EQ(listed[0].id, "run_3");
  EXPECT_EQ(listed[2].id, "run_1");
  EXPECT_TRUE(db().list_runs("r_none").empty());
}

TEST_P(store_suite, runs_are_rate_limited_per_interview) {
  const auto ada = add_user("ada"), bob = add_user("bob");
  const auto room = started(ada, bob, t0);
  const domain::rate_window limit{2, milliseconds{600'000}};
  for (int i = 0; i < 2; ++i) {
    auto r = db().create_run(new_run("run_" + std::to_string(i), i ? bob : ada, room, t0 + i * 1min), limit);
    ASSERT_TRUE(r);
    ASSERT_TRUE(db().finish_run(outcome_of(*r, t0 + i * 1min + 1s)));
  }
  auto refused = db().create_run(new_run("run_x", ada, room, t0 + 5min), limit);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, errc::rate_limited);
  EXPECT_DOUBLE_EQ(refused.error().retry_after_seconds, 300.0);
  EXPECT_TRUE(db().create_run(new_run("run_y", ada, room, t0 + 10min), limit));
}

TEST_P(store_suite, runs_left_unfinished_by_a_dead_process_are_finished_at_start_up) {
  const auto ada = add_user("ada"), bob = add_user("bob"), cy = add_user("cy"), dee = add_user("dee");
  const auto one = started(ada, bob, t0), two = started(cy, dee, t0);
  ASSERT_TRUE(db().create_run(new_run("run_1", ada, one, t0 + 1min), no_limit));
  ASSERT_TRUE(db().start_run("run_1"));
  ASSERT_TRUE(db().create_run(new_run("run_2", cy, two, t0 + 1min), no_limit));
  EXPECT_EQ(db().finish_orphaned_runs("The server restarted.", t0 + 1h), 2);
  for (const auto& [room, id] : {std::pair{one, "run_1"}, {two, "run_2"}}) {
    auto r = db().find_run(room, id);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, run_status::finished);
    EXPECT_EQ(r->verdict, run_verdict::runtime_error);
    EXPECT_EQ(r->stderr_text, "The server restarted.");
    EXPECT_EQ(r->finished_at, t0 + 1h);
  }
  EXPECT_EQ(db().finish_orphaned_runs("again", t0 + 2h), 0);
  EXPECT_TRUE(db().create_run(new_run("run_3", bob, one, t0 + 2h), no_limit));
}

} // namespace
} // namespace mm::test
