// Group commit on SQLite (store/sqlite/group_commit.hpp): the calls of one batch share one
// commit, each is isolated from its batch-mates, and a batch that cannot begin or commit fails
// every call that depends on it and leaves nothing behind.
#include "store/backends.hpp"
#include "store/sqlite/database.hpp"
#include "store/sqlite/group_commit.hpp"
#include "store/store.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <stdexcept>
#include <thread>
#include <vector>

namespace mm::test {
namespace {

using store::sqlite::batch_limits;
using store::sqlite::database;
using store::sqlite::database_options;
using store::sqlite::group_commit;
using store::sqlite::transaction;

// A store call for the runner: runs `body`, records what the runner told it.
struct recorded_call final : store::batch_call {
  explicit recorded_call(std::function<void()> b) : body(std::move(b)) {}
  std::exception_ptr run() noexcept override {
    ++runs;
    ran = true;
    error = nullptr;
    try {
      body();
    } catch (...) {
      error = std::current_exception();
    }
    return error;
  }
  void answer(std::exception_ptr failure) noexcept override {
    ++answers;
    if (failure) error = failure;
  }
  std::string what() const {
    try {
      if (error) std::rethrow_exception(error);
    } catch (const std::exception& e) {
      return e.what();
    }
    return "";
  }
  bool busy_failure() const {
    try {
      if (error) std::rethrow_exception(error);
    } catch (const store::store_error& e) {
      return e.busy;
    } catch (...) {
    }
    return false;
  }

  std::function<void()> body;
  bool ran = false;
  int runs = 0;
  int answers = 0;
  std::exception_ptr error;
};

class sqlite_group_commit : public ::testing::Test {
protected:
  void SetUp() override {
    id_ = unique_test_id(::testing::UnitTest::GetInstance()->current_test_info()->name());
    path_ = detail::sqlite_path(id_);
    remove_files();
  }
  void TearDown() override { remove_files(); }

  std::unique_ptr<database> open(database_options options = {}) {
    auto db = std::make_unique<database>(path_, options);
    db->exec("CREATE TABLE IF NOT EXISTS notes (body TEXT NOT NULL)");
    return db;
  }
  static void insert(database& db, const std::string& body) { db.query("INSERT INTO notes (body) VALUES (?)").bind(1, body).run(); }
  static std::vector<std::string> notes(database& db) {
    std::vector<std::string> out;
    auto q = db.query("SELECT body FROM notes ORDER BY body");
    while (q.step()) out.push_back(q.text(0));
    return out;
  }

  // Calls made from `bodies`, and the pointers the runner takes.
  struct batch {
    std::vector<std::unique_ptr<recorded_call>> calls;
    std::vector<store::batch_call*> view;
    recorded_call& operator[](std::size_t i) { return *calls[i]; }
    void add(std::function<void()> body) {
      calls.push_back(std::make_unique<recorded_call>(std::move(body)));
      view.push_back(calls.back().get());
    }
  };

  std::string path_;

private:
  void remove_files() {
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(path_ + suffix, ignored);
  }
  std::string id_;
};

TEST_F(sqlite_group_commit, the_calls_of_a_batch_share_one_commit) {
  auto db = open();
  group_commit runner(*db);
  batch b;
  for (int i = 0; i < 20; ++i)
    b.add([&, i] {
      transaction tx(*db);
      insert(*db, "note " + std::to_string(100 + i));
      tx.commit();
    });
  const auto before = db->commits();
  EXPECT_EQ(runner.run_batch(b.view), 20u);
  EXPECT_EQ(db->commits() - before, 1u);
  for (auto& c : b.calls) {
    EXPECT_EQ(c->answers, 1);
    EXPECT_FALSE(c->error) << c->what();
  }
  EXPECT_EQ(notes(*db).size(), 20u);
  EXPECT_FALSE(db->in_transaction());
}

TEST_F(sqlite_group_commit, store_calls_of_one_batch_commit_once_and_are_all_there) {
  auto s = store::create_store("sqlite:" + path_);
  s->migrate();
  auto* runner = s->batching();
  ASSERT_NE(runner, nullptr);
  const auto now = domain::from_millis(1'790'000'000'000);
  ASSERT_TRUE(s->create_user({"u_1", "one@example.com", "One", now}, "h"));
  batch b;
  for (int i = 0; i < 10; ++i)
    b.add([&, i] { s->create_session("token-" + std::to_string(i), {"u_1", now, now, now + std::chrono::hours(1)}); });
  b.add([&] { ASSERT_FALSE(s->create_user({"u_2", "one@example.com", "Taken", now}, "h")); }); // conflict: writes nothing
  const auto before = runner->commits();
  EXPECT_EQ(runner->run_batch(b.view), 11u);
  EXPECT_EQ(runner->commits() - before, 1u);
  for (int i = 0; i < 10; ++i) EXPECT_TRUE(s->find_session("token-" + std::to_string(i))) << i;
  EXPECT_FALSE(s->find_user("u_2"));
}

TEST_F(sqlite_group_commit, a_transaction_left_uncommitted_undoes_only_its_own_writes) {
  auto db = open();
  group_commit runner(*db);
  batch b;
  b.add([&] {
    transaction tx(*db);
    insert(*db, "a");
    tx.commit();
  });
  b.add([&] {
    transaction tx(*db);
    insert(*db, "b: refused");
    // returns a failure as a value: no commit
  });
  b.add([&] {
    transaction tx(*db);
    insert(*db, "c");
    tx.commit();
  });
  EXPECT_EQ(runner.run_batch(b.view), 3u);
  for (auto& c : b.calls) EXPECT_FALSE(c->error) << c->what();
  EXPECT_EQ(notes(*db), (std::vector<std::string>{"a", "c"}));
}

TEST_F(sqlite_group_commit, an_exception_in_one_call_reaches_only_that_call_and_undoes_its_writes) {
  auto db = open();
  group_commit runner(*db);
  batch b;
  b.add([&] { insert(*db, "a"); });
  b.add([&] {
    insert(*db, "b: before the throw");
    transaction tx(*db);
    insert(*db, "b: inside its transaction");
    throw std::runtime_error("a bug in call b");
  });
  b.add([&] { insert(*db, "c"); });
  EXPECT_EQ(runner.run_batch(b.view), 3u);
  EXPECT_FALSE(b[0].error);
  EXPECT_EQ(b[1].what(), "a bug in call b");
  EXPECT_FALSE(b[2].error);
  EXPECT_EQ(notes(*db), (std::vector<std::string>{"a", "c"}));
}

TEST_F(sqlite_group_commit, a_read_before_any_write_is_answered_at_once_and_later_ones_after_the_commit) {
  auto db = open();
  insert(*db, "already on disk");
  group_commit runner(*db);
  batch b;
  int answers_of_first_when_second_ran = -1, answers_of_third_when_fourth_ran = -1;
  b.add([&] { EXPECT_EQ(notes(*db).size(), 1u); });
  b.add([&] {
    answers_of_first_when_second_ran = b[0].answers;
    insert(*db, "new");
  });
  b.add([&] { EXPECT_EQ(notes(*db).size(), 2u); }); // sees "new", which is not on disk yet
  b.add([&] { answers_of_third_when_fourth_ran = b[2].answers; });
  EXPECT_EQ(runner.run_batch(b.view), 4u);
  EXPECT_EQ(answers_of_first_when_second_ran, 1);
  EXPECT_EQ(answers_of_third_when_fourth_ran, 0);
  for (auto& c : b.calls) EXPECT_EQ(c->answers, 1);
}

TEST_F(sqlite_group_commit, a_busy_commit_fails_every_call_that_wrote_or_read_after_a_write_and_applies_nothing) {
  // The rollback journal: a reader's SHARED lock makes the writer's COMMIT wait, then fail busy.
  const database_options options{.wal = false, .busy_timeout = std::chrono::milliseconds(50)};
  auto db = open(options);
  database reader(path_, options);
  reader.exec("BEGIN");
  ASSERT_TRUE(reader.query("SELECT count(*) FROM notes").step());

  group_commit runner(*db);
  batch b;
  b.add([&] { insert(*db, "a"); });
  b.add([&] {
    transaction tx(*db);
    insert(*db, "b");
    tx.commit();
  });
  b.add([&] { EXPECT_EQ(notes(*db).size(), 2u); });
  const auto before = db->commits();
  EXPECT_EQ(runner.run_batch(b.view), 3u);
  for (auto& c : b.calls) {
    EXPECT_EQ(c->answers, 1);
    EXPECT_TRUE(c->busy_failure()) << c->what();
  }
  EXPECT_EQ(db->commits(), before);
  EXPECT_FALSE(db->in_transaction());
  reader.exec("COMMIT");
  EXPECT_TRUE(notes(*db).empty());

  batch again; // the database is usable again at once
  again.add([&] { insert(*db, "after"); });
  EXPECT_EQ(runner.run_batch(again.view), 1u);
  EXPECT_FALSE(again[0].error) << again[0].what();
  EXPECT_EQ(notes(*db), (std::vector<std::string>{"after"}));
}

TEST_F(sqlite_group_commit, reads_do_not_wait_for_another_writer_and_a_batch_without_the_write_lock_fails_from_its_first_write) {
  const database_options options{.busy_timeout = std::chrono::milliseconds(50)};
  auto db = open(options);
  insert(*db, "x");
  database other(path_, options);
  other.exec("BEGIN IMMEDIATE"); // another node holds the write lock
  group_commit runner(*db);
  batch b;
  b.add([&] { EXPECT_EQ(notes(*db).size(), 1u); });
  b.add([&] { insert(*db, "a"); });
  b.add([&] { insert(*db, "b"); });
  b.add([&] { notes(*db); });
  EXPECT_EQ(runner.run_batch(b.view), 4u);
  EXPECT_FALSE(b[0].error) << b[0].what();
  EXPECT_TRUE(b[1].busy_failure()) << b[1].what();
  EXPECT_FALSE(b[2].ran);
  EXPECT_TRUE(b[2].busy_failure()) << b[2].what();
  EXPECT_FALSE(b[3].ran);
  EXPECT_TRUE(b[3].busy_failure()) << b[3].what();
  for (auto& c : b.calls) EXPECT_EQ(c->answers, 1);
  other.exec("ROLLBACK");
  EXPECT_EQ(notes(*db), (std::vector<std::string>{"x"}));
}

TEST_F(sqlite_group_commit, a_first_write_that_finds_its_snapshot_stale_starts_the_batch_over_and_runs_again) {
  auto db = open();
  database other(path_);
  group_commit runner(*db);
  batch b;
  b.add([&] { EXPECT_TRUE(notes(*db).empty()); }); // the batch's snapshot: no notes
  b.add([&] { other.exec("INSERT INTO notes (body) VALUES ('from another node')"); });
  b.add([&] {
    transaction tx(*db);
    insert(*db, "mine, counted " + std::to_string(notes(*db).size()));
    tx.commit();
  });
  EXPECT_EQ(runner.run_batch(b.view), 3u);
  for (auto& c : b.calls) EXPECT_FALSE(c->error) << c->what();
  EXPECT_EQ(b[2].runs, 2);
  EXPECT_EQ(notes(*db), (std::vector<std::string>{"from another node", "mine, counted 1"}));
}

TEST_F(sqlite_group_commit, a_batch_takes_at_most_max_calls_and_stops_taking_calls_when_its_time_is_spent) {
  auto db = open();
  group_commit by_count(*db, batch_limits{.max_calls = 4});
  batch b;
  for (int i = 0; i < 10; ++i) b.add([&, i] { insert(*db, std::to_string(i)); });
  EXPECT_EQ(by_count.run_batch(b.view), 4u);
  EXPECT_TRUE(b[3].ran);
  EXPECT_FALSE(b[4].ran);
  EXPECT_EQ(b[4].answers, 0);
  EXPECT_EQ(notes(*db).size(), 4u);

  group_commit by_time(*db, batch_limits{.max_calls = 100, .max_time = std::chrono::milliseconds(5)});
  batch slow;
  slow.add([&] {
    insert(*db, "slow");
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  });
  slow.add([&] { insert(*db, "next batch"); });
  EXPECT_EQ(by_time.run_batch(slow.view), 1u);
  EXPECT_EQ(slow[0].answers, 1);
  EXPECT_FALSE(slow[1].ran);
}

TEST_F(sqlite_group_commit, a_batch_of_reads_commits_nothing) {
  auto db = open();
  insert(*db, "x");
  group_commit runner(*db);
  batch b;
  for (int i = 0; i < 5; ++i) b.add([&] { EXPECT_EQ(notes(*db).size(), 1u); });
  const auto before = db->commits();
  EXPECT_EQ(runner.run_batch(b.view), 5u);
  EXPECT_EQ(db->commits(), before);
  for (auto& c : b.calls) EXPECT_EQ(c->answers, 1);
}

TEST_F(sqlite_group_commit, an_exclusive_database_cannot_be_opened_by_another_connection) {
  const auto db = open({.exclusive = true});
  EXPECT_TRUE(notes(*db).empty());
  try {
    database other(path_, {.busy_timeout = std::chrono::milliseconds(50)});
    other.query("SELECT count(*) FROM notes").step();
    ADD_FAILURE() << "a second connection opened an exclusive database";
  } catch (const store::store_error& e) {
    EXPECT_TRUE(e.busy) << e.what();
  }
}

} // namespace
} // namespace mm::test
