#pragma once
// A thin RAII layer over the SQLite C API: one connection, prepared statements cached by SQL
// text, typed binds and columns, and IMMEDIATE transactions. Errors throw sqlite_error (broken
// infrastructure); SQLITE_BUSY past the busy timeout is flagged so callers can answer 503.
#include "store/store_error.hpp"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace mm::store::sqlite {

using sqlite_error = store_error;

class statement {
public:
  statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  statement(const statement&) = delete;
  ~statement(); // resets the cached statement for its next use

  statement& bind(int index, std::string_view text);
  statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
  statement& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
  statement& bind(int index, std::int64_t value);
  statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  statement& bind(int index, bool value) { return bind(index, static_cast<std::int64_t>(value)); }
  statement& bind(int index, double value);
  statement& bind_null(int index);
  template <class T>
  statement& bind(int index, const std::optional<T>& v) {
    return v ? bind(index, *v) : bind_null(index);
  }
  template <class... Args>
  statement& bind_all(const Args&... args) {
    int i = 0;
    (bind(++i, args), ...);
    return *this;
  }

  bool step();        // true while a row is available
  void run();         // steps to completion
  int changes() const;

  bool is_null(int col) const;
  std::string text(int col) const;
  std::optional<std::string> opt_text(int col) const;
  std::int64_t integer(int col) const;
  std::optional<std::int64_t> opt_integer(int col) const;
  double real(int col) const;

private:
  sqlite3* db_;
  sqlite3_stmt* stmt_;
};

struct database_options {
  // PRAGMA locking_mode=EXCLUSIVE: the connection locks the file at its first access and keeps
  // it until it closes, so no other connection or process can open it (it gets SQLITE_BUSY);
  // saves the lock system calls of every transaction and, with WAL, the shared-memory index.
  bool exclusive = false;
  bool wal = true; // journal_mode=WAL; false: the rollback journal (journal_mode=DELETE)
  std::chrono::milliseconds busy_timeout{2000};
};

class database {
public:
  // Opens (creating) the file with synchronous=FULL (every commit is on disk when it returns),
  // foreign keys and the options' journal, locking mode and busy timeout.
  explicit database(const std::string& path, const database_options& options = {});
  database(const database&) = delete;
  ~database();

  // A prepared statement for `sql`, prepared once per connection.
  statement query(std::string_view sql);
  void exec(const std::string& sql); // one or more statements, no results
  int user_version();

  // Group commit (group_commit.hpp): between begin_batch() and commit_batch() or
  // rollback_batch() everything runs in one transaction (DEFERRED: it takes the write lock at
  // its first write; IMMEDIATE: at once, waiting out the busy timeout) and each `transaction`
  // is a savepoint inside it. commit_batch() throws on failure, after rolling the batch back.
  void begin_batch(bool immediate);
  void commit_batch();
  void rollback_batch() noexcept;
  bool in_batch() const { return batch_; }
  // Whether a transaction is open: SQLite ends one by itself on some errors (I/O, disk full).
  bool in_transaction() const;
  void savepoint(std::string_view name);   // SAVEPOINT name
  void release(std::string_view name);     // RELEASE name: keeps its changes
  void rollback_to(std::string_view name); // ROLLBACK TO name, then RELEASE name

  std::int64_t total_changes() const;           // rows written by this connection so far
  // Write transactions committed so far (SQLite's commit hook); readable from any thread.
  std::uint64_t commits() const { return commits_.load(std::memory_order_relaxed); }

private:
  void run(std::string_view sql); // one cached statement, stepped to completion

  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
  bool batch_ = false;
  std::atomic<std::uint64_t> commits_{0};
};

// BEGIN IMMEDIATE on construction; ROLLBACK on destruction unless commit() was called. Inside a
// batch: SAVEPOINT, RELEASE and ROLLBACK TO, so a transaction left uncommitted undoes only its
// own changes. Store calls open transactions only through this class: a BEGIN or COMMIT of
// their own would fail inside a batch.
class transaction {
public:
  explicit transaction(database& db);
  transaction(const transaction&) = delete;
  ~transaction();
  void commit();

private:
  database& db_;
  bool savepoint_; // opened inside a batch
  bool done_ = false;
};

} // namespace mm::store::sqlite
