// The database executor in front of SQLite's group commit (services/db_executor.hpp): calls
// awaited at the same time share one commit, each caller gets its own result or exception, and
// a busy database fails the calls of the batch with `busy` and recovers for the next ones.
#include "services/db_executor.hpp"
#include "store/sqlite/database.hpp"
#include "store/store.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <gtest/gtest.h>

#include <filesystem>
#include <future>
#include <stdexcept>
#include <string>
#include <vector>

#include <unistd.h>

namespace mm::services {
namespace {

namespace asio = boost::asio;
using namespace std::chrono_literals;

const auto t0 = domain::from_millis(1'790'000'000'000);

class db_executor_batching : public ::testing::Test {
protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ = (std::filesystem::temp_directory_path() / ("mockmate_executor_" + std::string(info->name()) + "_" +
                                                       std::to_string(::getpid()) + ".db"))
                .string();
    remove_files();
    db_ = store::create_store("sqlite:" + path_);
    db_->migrate();
    ASSERT_TRUE(db_->create_user({"u_1", "one@example.com", "One", t0}, "h"));
  }
  void TearDown() override {
    db_.reset();
    remove_files();
  }

  store::session_record session() const { return {"u_1", t0, t0, t0 + 1h}; }

  // Holds the database thread inside a call until release(), so that the calls awaited
  // meanwhile all queue up behind it.
  struct blocker {
    std::promise<void> started, go;
  };
  static asio::awaitable<void> block(db_executor& ex, blocker& b, store::store& db) {
    co_await ex.run([&] {
      b.started.set_value();
      b.go.get_future().wait();
      return db.healthy();
    });
  }
  static asio::awaitable<void> write_session(db_executor& ex, store::store& db, std::string token,
                                             store::session_record rec, std::string& outcome) {
    try {
      co_await ex.run([&] { db.create_session(token, rec); });
      outcome = "ok";
    } catch (const store::store_error& e) {
      outcome = e.busy ? "busy" : "store error";
    }
  }
  static asio::awaitable<void> write_then_throw(db_executor& ex, store::store& db, std::string& outcome) {
    try {
      co_await ex.run([&] {
        db.create_session("thrower", {"u_1", t0, t0, t0 + 1h});
        throw std::runtime_error("a bug after a write");
      });
      outcome = "ok";
    } catch (const std::runtime_error& e) {
      outcome = e.what();
    }
  }

  // Awaits `writers` sessions while the database thread is held by a blocker; returns the
  // commits they took.
  std::uint64_t commits_of_concurrent_writes(db_executor& ex, int writers, std::vector<std::string>& outcomes) {
    asio::io_context io;
    blocker b;
    asio::co_spawn(io, block(ex, b, *db_), asio::detached);
    io.poll();
    b.started.get_future().wait(); // the blocker is running: everything spawned now queues
    const auto before = db_->batching()->commits();
    outcomes.assign(static_cast<std::size_t>(writers), "");
    for (int i = 0; i < writers; ++i)
      asio::co_spawn(io, write_session(ex, *db_, "token-" + std::to_string(i), session(), outcomes[static_cast<std::size_t>(i)]),
                     asio::detached);
    io.poll();
    b.go.set_value();
    io.run();
    return db_->batching()->commits() - before;
  }

  std::string path_;
  std::unique_ptr<store::store> db_;

private:
  void remove_files() {
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(path_ + suffix, ignored);
  }
};

TEST_F(db_executor_batching, calls_awaited_at_the_same_time_share_one_commit) {
  db_executor ex{1, db_->batching()};
  std::vector<std::string> outcomes;
  EXPECT_EQ(commits_of_concurrent_writes(ex, 20, outcomes), 1u);
  for (const auto& o : outcomes) EXPECT_EQ(o, "ok");
  for (int i = 0; i < 20; ++i) EXPECT_TRUE(db_->find_session("token-" + std::to_string(i))) << i;
  EXPECT_EQ(ex.batches(), 2u); // the blocker's, then the writers'
  EXPECT_EQ(ex.batched_calls(), 21u);
}

TEST_F(db_executor_batching, without_a_batch_runner_every_call_commits_by_itself) {
  db_executor ex{1};
  std::vector<std::string> outcomes;
  EXPECT_EQ(commits_of_concurrent_writes(ex, 20, outcomes), 20u);
  for (const auto& o : outcomes) EXPECT_EQ(o, "ok");
}

TEST_F(db_executor_batching, an_exception_reaches_only_its_caller_and_its_writes_are_undone) {
  db_executor ex{1, db_->batching()};
  asio::io_context io;
  blocker b;
  asio::co_spawn(io, block(ex, b, *db_), asio::detached);
  io.poll();
  b.started.get_future().wait();
  std::string first, thrower, last;
  asio::co_spawn(io, write_session(ex, *db_, "first", session(), first), asio::detached);
  asio::co_spawn(io, write_then_throw(ex, *db_, thrower), asio::detached);
  asio::co_spawn(io, write_session(ex, *db_, "last", session(), last), asio::detached);
  io.poll();
  b.go.set_value();
  io.run();
  EXPECT_EQ(first, "ok");
  EXPECT_EQ(thrower, "a bug after a write");
  EXPECT_EQ(last, "ok");
  EXPECT_TRUE(db_->find_session("first"));
  EXPECT_FALSE(db_->find_session("thrower"));
  EXPECT_TRUE(db_->find_session("last"));
  EXPECT_EQ(ex.batches(), 2u);
}

TEST_F(db_executor_batching, a_locked_database_fails_the_batch_busy_and_the_next_call_gets_through) {
  db_executor ex{1, db_->batching()};
  store::sqlite::database other(path_);
  other.exec("BEGIN IMMEDIATE"); // another node holds the write lock past the busy timeout
  std::vector<std::string> outcomes(5);
  {
    asio::io_context io;
    for (int i = 0; i < 5; ++i)
      asio::co_spawn(io, write_session(ex, *db_, "token-" + std::to_string(i), session(), outcomes[static_cast<std::size_t>(i)]),
                     asio::detached);
    io.run();
  }
  for (const auto& o : outcomes) EXPECT_EQ(o, "busy");
  other.exec("ROLLBACK");
  for (int i = 0; i < 5; ++i) EXPECT_FALSE(db_->find_session("token-" + std::to_string(i))) << i;

  asio::io_context io;
  std::string after;
  asio::co_spawn(io, write_session(ex, *db_, "after", session(), after), asio::detached);
  io.run();
  EXPECT_EQ(after, "ok");
  EXPECT_TRUE(db_->find_session("after"));
}

} // namespace
} // namespace mm::services
