// Rounds and roles in the store (store/round_store.hpp, API.md "Rounds and roles") on every
// backend: round 1 with the move to in_progress, the switch to round 2 and its refusals, the end
// of the running round with the interview, the current round, races, and the migration that
// gives interviews started before it their round 1.
#include "store/postgres/connection.hpp"
#include "store/postgres/migrations.hpp"
#include "store/sqlite/database.hpp"
#include "store/sqlite/migrations.hpp"
#include "store/store_error.hpp"
#include "store/store_fixture.hpp"

#include <cstdlib>
#include <latch>
#include <map>
#include <span>
#include <stdexcept>
#include <thread>

namespace mm::test {
namespace {

using domain::from_millis;

store::start_round_request switch_request(const std::string& room, const domain::user& by, time_point now,
                                          std::vector<std::string> question_ids) {
  return {room, by.id, std::move(question_ids), now, 30};
}

std::vector<std::string> ids_of(const std::vector<domain::question>& qs) {
  std::vector<std::string> out;
  for (const auto& q : qs) out.push_back(q.id);
  return out;
}

TEST_P(store_suite, round_one_starts_with_in_progress_inviter_interviewing_on_the_invitations_questions) {
  const auto ada = add_user("ada"), bob = add_user("bob");
  const auto room = accepted(ada, bob, t0);
  EXPECT_TRUE(find(room).rounds.empty()) << "accepted: no round yet";
  ASSERT_TRUE(db().join(room, ada.id, t0 + 2s, 45));
  EXPECT_TRUE(find(room).rounds.empty()) << "one participant in: no round yet";
  auto joined = db().join(room, bob.id, t0 + 3s, 45);
  ASSERT_TRUE(joined && joined->started);

  for (const auto& iv : {joined->iv, find(room)}) {
    ASSERT_EQ(iv.rounds.size(), 1u);
    const auto& r = iv.rounds[0];
    EXPECT_EQ(r.number, 1);
    EXPECT_EQ(r.interviewer.id, ada.id);
    EXPECT_EQ(r.interviewer.name, "ada");
    EXPECT_EQ(r.candidate.id, bob.id);
    EXPECT_EQ(r.candidate.name, "bob");
    EXPECT_EQ(ids_of(r.questions), ids_of(iv.questions));
    EXPECT_EQ(ids_of(r.questions), (std::vector{question_ids_[2], question_ids_[0]}));
    EXPECT_FALSE(r.questions[0].title.empty());
    EXPECT_FALSE(r.questions[0].hints.empty());
    EXPECT_EQ(r.started_at, t0 + 3s);
    EXPECT_FALSE(r.ended_at);
    EXPECT_EQ(r.planned_minutes, 45);
    EXPECT_EQ(iv.origin, domain::interview_origin::invitation);
  }
}

TEST_P(store_suite, leaving_and_coming_back_keeps_the_one_round) {
  const auto ada = add_user("ada"), bob = add_user("bob");
  const auto room = started(ada, bob, t0);
  ASSERT_TRUE(db().leave(room, bob.id, t0 + 100s));
  auto back = db().join(room, bob.id, t0 + 10s);
  ASSERT_TRUE(back);
  EXPECT_FALSE(back->started);
  ASSERT_EQ(back->iv.rounds.size(), 1u);
  EXPECT_EQ(back->iv.rounds[0].started_at, t0 + 2s);
}

TEST_P(store_suite, the_candidate_switches_roles_ending_round_one_and_starting_round_two_on_new_questions) {
  const auto ada = add_user("ada"), bob = add_user("bob");
  const auto room = started(ada, bob, t0);
  auto r = db().start_round(switch_request(room, bob, t0 + 20min, {question_ids_[4], question_ids_[1], question_ids_[3]}));
  ASSERT_TRUE(r) << r.error().message;
  for (const auto& iv : {*r, find(room)}) {
    EXPECT_EQ(iv.status, interview_status::in_progress);
    ASSERT_EQ(iv.rounds.size(), 2u);
    EXPECT_EQ(iv.rounds[0].ended_at, t0 + 20min);
    EXPECT_EQ(ids_of(iv.rounds[0].questions), ids_of(iv.questions)) << "round 1 keeps its questions";
    const auto& two = iv.rounds[1];
    EXPECT_EQ(two.number, 2);
    EXPECT_EQ(two.interviewer.id, bob.id);
    EXPECT_EQ(two.interviewer.name, "bob");
    EXPECT_EQ(two.candidate.id, ada.id);
    EXPECT_EQ(ids_of(two.questions), (std::vector{question_ids_[4], question_ids_[1], question_ids_[3]}));
    EXPECT_EQ(two.started_at, t0 + 20min);
    EXPECT_FALSE(two.ended_at);
    EXPECT_EQ(two.planned_minutes, 30);
    EXPECT_EQ(ids_of(iv.questions), (std::vector{question_ids_[2], question_ids_[0]})) << "the invitation's stay";
  }
  auto current = db().current_round(room);
  ASSERT_TRUE(current);
  EXPECT_EQ(current->number, 2);
  EXPECT_EQ(ids_of(current->questions), (std::vector{question_ids_[4], question_ids_[1], question_ids_[3]}));
}

TEST_P(store_suite, switching_roles_is_refused_by_the_rules_and_changes_nothing) {
  const auto ada = add_user("ada"), bob = add_user("bob"), eve = add_user("eve");
  const auto room = started(ada, bob, t0);
  const std::vector<std::string> qs{question_ids_[1]};
  EXPECT_EQ(db().start_round(switch_request("r_nope", bob, t0 + 5s, qs)).error().code, errc::not_found);
  EXPECT_EQ(db().start_round(switch_request(room, eve, t0 + 5s, qs)).error().code, errc::not_found);
  EXPECT_EQ(db().start_round(switch_request(room, ada, t0 + 5s, qs)).error().code, errc::forbidden) << "the interviewer";
  auto unknown = db().start_round(switch_request(room, bob, t0 + 5s, {question_ids_[1], "no-such-question"}));
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, errc::validation_failed);
  EXPECT_NE(unknown.error().message.find("questionIds"), std::string::npos);
  const auto iv = find(room);
  ASSERT_EQ(iv.rounds.size(), 1u) << "nothing half-written";
  EXPECT_FALSE(iv.rounds[0].ended_at);

  const auto carl = add_user("carl"), dana = add_user("dana");
  const auto waiting = accepted(carl, dana, t0);
  EXPECT_EQ(db().start_round(switch_request(waiting, dana, t0 + 5s, qs)).error().code, errc::conflict) << "not in_progress";
  EXPECT_TRUE(find(waiting).rounds.empty());
}

TEST_P(store_suite, there_is_no_third_round_whoever_asks) {
  const auto ada = add_user("ada"), bob = add_user("bob");
  const auto room = started(ada, bob, t0);
  ASSERT_TRUE(db().start_round(switch_request(room, bob, t0 + 10min, {question_ids_[1]})));
  for (const auto& who : {ada, bob}) {
    auto third = db().start_round(switch_request(room, who, t0 + 20min, {question_ids_[3]}));
    ASSERT_FALSE(third) << who.name;
    EXPECT_EQ(third.error().code, errc::conflict) << who.name;
  }
  const auto iv = find(room);
  ASSERT_EQ(iv.rounds.size(), 2u);
  EXPECT_FALSE(iv.rounds[1].ended_at);
}

TEST_P(store_suite, ending_the_interview_ends_the_running_round) {
  const auto ada = add_user("ada"), bob = add_user("bob");
  const auto room = started(ada, bob, t0);
  ASSERT_TRUE(db().start_round(switch_request(room, bob, t0 + 10min, {question_ids_[1]})));
  auto done = db().complete(room, ada.id, t0 + 25min);
  ASSERT_TRUE(done);
  for (const auto& iv : {*done, find(room)}) {
    ASSERT_EQ(iv.rounds.size(), 2u);
    EXPECT_EQ(iv.rounds[0].ended_at, t0 + 10min) << "round 1 keeps its own end";
    EXPECT_EQ(iv.rounds[1].ended_at, t0 + 25min);
  }
  EXPECT_EQ(db().start_round(switch_request(room, ada, t0 + 26min, {question_ids_[1]})).error().code, errc::conflict);
  EXPECT_EQ(db().current_round(room)->number, 2) << "after the end: the last round played";

  const auto carl = add_user("carl"), dana = add_user("dana");
  const auto left = started(carl, dana, t0);
  ASSERT_TRUE(db().leave(left, dana.id, t0 + 5s + grace));
  auto abandoned = db().abandon_if_due(left, t0 + 5s + grace);
  ASSERT_TRUE(abandoned);
  EXPECT_EQ(abandoned->status, interview_status::abandoned);
  ASSERT_EQ(abandoned->rounds.size(), 1u);
  EXPECT_EQ(abandoned->rounds[0].ended_at, t0 + 5s + grace);
}

TEST_P(store_suite, the_current_round_before_the_start_is_round_one_on_the_invitations_questions) {
  const auto ada = add_user("ada"), bob = add_user("bob");
  const auto room = invite(ada, bob, t0);
  auto pending = db().current_round(room);
  ASSERT_TRUE(pending);
  EXPECT_EQ(pending->number, 1);
  EXPECT_EQ(ids_of(pending->questions), (std::vector{question_ids_[2], question_ids_[0]}));
  EXPECT_FALSE(db().current_round("r_unknown"));
  ASSERT_TRUE(db().accept(room, bob.id, t0 + 1s, t0 + 1s + grace));
  EXPECT_EQ(db().current_round(room)->number, 1);
}

TEST_P(store_suite, every_read_of_interviews_carries_their_rounds) {
  const auto ada = add_user("ada"), bob = add_user("bob"), carl = add_user("carl"), dave = add_user("dave");
  const auto first = started(ada, bob, t0);
  ASSERT_TRUE(db().start_round(switch_request(first, bob, t0 + 10min, {question_ids_[1]})));
  ASSERT_TRUE(db().complete(first, bob.id, t0 + 20min));
  const auto second = started(ada, carl, t0 + 1h);
  const auto third = invite(bob, dave, t0 + 2h);

  std::map<std::string, std::size_t> rounds;
  for (const auto& iv : db().history(ada.id, {})) rounds[iv.room_id] = iv.rounds.size();
  EXPECT_EQ(rounds[first], 2u);
  EXPECT_EQ(rounds[second], 1u);
  const auto active = db().active_interview(carl.id);
  ASSERT_TRUE(active);
  ASSERT_EQ(active->rounds.size(), 1u);
  EXPECT_EQ(active->rounds[0].interviewer.id, ada.id);
  std::map<std::string, domain::interview> bobs;
  for (auto& iv : db().history(bob.id, {})) bobs[iv.room_id] = std::move(iv);
  ASSERT_EQ(bobs.size(), 2u);
  EXPECT_TRUE(bobs[third].rounds.empty());
  ASSERT_EQ(bobs[first].rounds.size(), 2u);
  EXPECT_EQ(bobs[first].rounds[1].interviewer.id, bob.id);
  EXPECT_EQ(ids_of(bobs[first].rounds[1].questions), std::vector{question_ids_[1]});
}

// Calls `f` until it does not throw a busy store_error (SQLite's lock between connections).
template <class F>
auto retry_busy(F&& f) {
  for (int attempt = 0;; ++attempt) {
    try {
      return f();
    } catch (const store::store_error& e) {
      if (!e.busy || attempt > 100) throw;
    }
  }
}

TEST_P(store_suite, racing_switches_from_separate_connections_start_round_two_once) {
  constexpr int racers = 4;
  const auto ada = add_user("ada"), bob = add_user("bob");
  const auto room = started(ada, bob, t0);
  std::vector<std::unique_ptr<store::store>> nodes;
  for (int i = 0; i < racers; ++i) nodes.push_back(open_another());
  std::vector<std::optional<errc>> outcome(racers);
  std::vector<bool> won(racers, false);
  std::latch start(racers);
  std::vector<std::thread> threads;
  for (int i = 0; i < racers; ++i)
    threads.emplace_back([&, i] {
      const auto at = static_cast<std::size_t>(i);
      start.arrive_and_wait();
      auto r = retry_busy([&] {
        return nodes[at]->start_round(switch_request(room, bob, t0 + 10min + std::chrono::milliseconds(i), {question_ids_[at]}));
      });
      if (r) won[at] = true;
      else outcome[at] = r.error().code;
    });
  for (auto& th : threads) th.join();
  EXPECT_EQ(std::count(won.begin(), won.end(), true), 1);
  EXPECT_EQ(std::count(outcome.begin(), outcome.end(), std::optional<errc>{errc::conflict}), racers - 1);
  const auto iv = find(room);
  ASSERT_EQ(iv.rounds.size(), 2u);
  const auto winner = static_cast<std::size_t>(std::find(won.begin(), won.end(), true) - won.begin());
  EXPECT_EQ(ids_of(iv.rounds[1].questions), std::vector{question_ids_[winner]}) << "the winner's questions, only";
}

// ---- the migration that introduced rounds -------------------------------------------------

// Rows as the schema before rounds held them: a running interview, one completed after it ran
// (the invitee's invitation), one abandoned before it started, and a pending one.
constexpr const char* rows_before_rounds = R"sql(
INSERT INTO users (id, email, name, password_hash, created_at) VALUES
  ('u_ada', 'ada@example.com', 'ada', 'h', 1), ('u_bob', 'bob@example.com', 'bob', 'h', 1);
INSERT INTO questions (id, position, title, body, category, difficulty, hints) VALUES
  ('two-sum', 0, 'Two sum', 'Find two.', 'algorithms', 'easy', 'Use a map'),
  ('lru-cache', 1, 'LRU cache', 'Build one.', 'algorithms', 'medium', 'A list and a map');
INSERT INTO interviews (room_id, inviter_id, invitee_id, status, reason, created_at, expires_at, responded_at,
                        started_at, ended_at) VALUES
  ('r_running', 'u_ada', 'u_bob', 'in_progress', NULL, 1000, 2000, 1100, 1200, NULL),
  ('r_done', 'u_bob', 'u_ada', 'completed', 'completed', 1000, 2000, 1100, 1300, 5000),
  ('r_noshow', 'u_ada', 'u_bob', 'abandoned', 'no_show', 1000, 2000, 1100, NULL, 9000),
  ('r_pending', 'u_ada', 'u_bob', 'pending', NULL, 1000, 4000000000000, NULL, NULL, NULL);
INSERT INTO interview_questions (room_id, position, question_id) VALUES
  ('r_running', 0, 'lru-cache'), ('r_running', 1, 'two-sum'), ('r_done', 0, 'two-sum'),
  ('r_noshow', 0, 'two-sum'), ('r_pending', 0, 'two-sum');
)sql";

// The index of the migration that creates the rounds (found by content: the lead may reorder).
std::size_t rounds_migration(std::span<const std::string_view> steps) {
  for (std::size_t i = 0; i < steps.size(); ++i)
    if (steps[i].find("CREATE TABLE interview_rounds") != std::string_view::npos) return i;
  throw std::logic_error("no migration creates interview_rounds");
}

// Builds the database of `test_id` as it was before the rounds migration, with the rows above.
void build_before_rounds(const backend& b, const std::string& test_id) {
  if (b.name == "sqlite") {
    const auto steps = store::sqlite::migrations();
    const auto k = rounds_migration(steps);
    store::sqlite::database db(detail::sqlite_path(test_id));
    for (std::size_t i = 0; i < k; ++i) db.exec(std::string(steps[i]));
    db.exec("PRAGMA user_version = " + std::to_string(k));
    db.exec(rows_before_rounds);
    return;
  }
  ASSERT_EQ(b.name, "postgres");
  const std::string url = std::getenv("MOCKMATE_TEST_PG_URL");
  const std::string schema = "mmt_" + test_id;
  ASSERT_TRUE(detail::schemas().make(test_id));
  detail::psql(url, "DROP SCHEMA IF EXISTS " + schema + " CASCADE; CREATE SCHEMA " + schema);
  const char joint = url.find('?') == std::string::npos ? '?' : '&';
  store::postgres::connection c(url + joint + "options=-csearch_path%3D" + schema + "%20-cclient_min_messages%3Dwarning");
  const auto steps = store::postgres::migrations();
  const auto k = rounds_migration(steps);
  c.exec_script("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)");
  for (std::size_t i = 0; i < k; ++i) {
    c.exec_script(std::string(steps[i]));
    c.exec_script("INSERT INTO schema_migrations VALUES (" + std::to_string(i + 1) + ", 0)");
  }
  c.exec_script(rows_before_rounds);
}

TEST_P(store_suite, the_rounds_migration_gives_interviews_started_before_it_their_round_one) {
  const auto id = unique_test_id("backfill");
  GetParam().drop(id);
  build_before_rounds(GetParam(), id);
  if (HasFatalFailure()) return;
  {
    auto migrated = GetParam().open(id);
    const auto running = migrated->find_interview("r_running");
    ASSERT_TRUE(running);
    EXPECT_EQ(running->origin, domain::interview_origin::invitation);
    ASSERT_EQ(running->rounds.size(), 1u);
    const auto& r = running->rounds[0];
    EXPECT_EQ(r.number, 1);
    EXPECT_EQ(r.interviewer.id, "u_ada");
    EXPECT_EQ(r.interviewer.name, "ada");
    EXPECT_EQ(r.candidate.id, "u_bob");
    EXPECT_EQ(ids_of(r.questions), (std::vector<std::string>{"lru-cache", "two-sum"}));
    EXPECT_EQ(r.started_at, from_millis(1200));
    EXPECT_FALSE(r.ended_at);
    EXPECT_EQ(r.planned_minutes, 30);

    const auto done = migrated->find_interview("r_done");
    ASSERT_TRUE(done);
    ASSERT_EQ(done->rounds.size(), 1u);
    EXPECT_EQ(done->rounds[0].interviewer.id, "u_bob") << "the inviter interviewed";
    EXPECT_EQ(done->rounds[0].candidate.id, "u_ada");
    EXPECT_EQ(done->rounds[0].started_at, from_millis(1300));
    EXPECT_EQ(done->rounds[0].ended_at, from_millis(5000));

    EXPECT_TRUE(migrated->find_interview("r_noshow")->rounds.empty()) << "never started";
    EXPECT_TRUE(migrated->find_interview("r_pending")->rounds.empty());

    auto two = migrated->start_round({"r_running", "u_bob", {"two-sum"}, from_millis(9000), 30});
    ASSERT_TRUE(two) << two.error().message << ": a backfilled round 1 switches like any other";
    EXPECT_EQ(two->rounds.size(), 2u);
    migrated->migrate();
    EXPECT_EQ(migrated->find_interview("r_running")->rounds.size(), 2u) << "migrating again changes nothing";
  }
  GetParam().drop(id);
}

} // namespace
} // namespace mm::test
