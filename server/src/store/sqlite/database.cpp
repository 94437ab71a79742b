#include "store/sqlite/database.hpp"

#include <sqlite3.h>

namespace mm::store::sqlite {
namespace {
[[noreturn]] void raise(sqlite3* db, int rc, std::string_view what) {
  const bool busy = rc == SQLITE_BUSY || rc == SQLITE_LOCKED;
  throw sqlite_error(std::string(what) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)), busy);
}
void check(sqlite3* db, int rc, std::string_view what) {
  if (rc != SQLITE_OK) raise(db, rc, what);
}
} // namespace

statement::~statement() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

statement& statement::bind(int index, std::string_view text) {
  check(db_, sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT), "bind");
  return *this;
}
statement& statement::bind(int index, std::int64_t value) {
  check(db_, sqlite3_bind_int64(stmt_, index, value), "bind");
  return *this;
}
statement& statement::bind(int index, double value) {
  check(db_, sqlite3_bind_double(stmt_, index, value), "bind");
  return *this;
}
statement& statement::bind_null(int index) {
  check(db_, sqlite3_bind_null(stmt_, index), "bind");
  return *this;
}

bool statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  raise(db_, rc, "step");
}
void statement::run() {
  while (step()) {
  }
}
int statement::changes() const { return sqlite3_changes(db_); }

bool statement::is_null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
std::string statement::text(int col) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
  return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col))) : std::string();
}
std::optional<std::string> statement::opt_text(int col) const {
  if (is_null(col)) return std::nullopt;
  return text(col);
}
std::int64_t statement::integer(int col) const { return sqlite3_column_int64(stmt_, col); }
std::optional<std::int64_t> statement::opt_integer(int col) const {
  if (is_null(col)) return std::nullopt;
  return integer(col);
}
double statement::real(int col) const { return sqlite3_column_double(stmt_, col); }

database::database(const std::string& path, const database_options& options) {
  const int rc = sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = "cannot open database " + path + ": " + (db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc));
    sqlite3_close(db_);
    throw sqlite_error(msg, false);
  }
  sqlite3_busy_timeout(db_, static_cast<int>(options.busy_timeout.count()));
  sqlite3_commit_hook(
      db_,
      [](void* self) {
        static_cast<database*>(self)->commits_.fetch_add(1, std::memory_order_relaxed);
        return 0;
      },
      this);
  try {
    // The locking mode first: with WAL, EXCLUSIVE must be set before the first access to keep
    // the WAL index in memory instead of a -shm file.
    if (options.exclusive) exec("PRAGMA locking_mode=EXCLUSIVE");
    exec(options.wal ? "PRAGMA journal_mode=WAL" : "PRAGMA journal_mode=DELETE");
    exec("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
  } catch (const sqlite_error& e) {
    sqlite3_close(db_);
    std::string hint = e.busy ? " (another process has it open" + std::string(options.exclusive ? "; this one needs it alone)" : ")") : "";
    throw sqlite_error("cannot open database " + path + ": " + e.what() + hint, e.busy);
  }
}

database::~database() {
  for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
  sqlite3_close(db_);
}

statement database::query(std::string_view sql) {
  auto it = cache_.find(std::string(sql));
  if (it == cache_.end()) {
    sqlite3_stmt* stmt = nullptr;
    check(db_, sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr), "prepare");
    it = cache_.emplace(std::string(sql), stmt).first;
  }
  return statement(db_, it->second);
}

void database::exec(const std::string& sql) {
  char* err = nullptr;
  const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string msg = err ? err : sqlite3_errstr(rc);
    sqlite3_free(err);
    throw sqlite_error("exec: " + msg, rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  }
}

int database::user_version() {
  auto q = query("PRAGMA user_version");
  q.step();
  return static_cast<int>(q.integer(0));
}

void database::run(std::string_view sql) { query(sql).run(); }

bool database::in_transaction() const { return sqlite3_get_autocommit(db_) == 0; }
std::int64_t database::total_changes() const { return sqlite3_total_changes64(db_); }

void database::savepoint(std::string_view name) { run("SAVEPOINT " + std::string(name)); }
void database::release(std::string_view name) { run("RELEASE " + std::string(name)); }
void database::rollback_to(std::string_view name) {
  run("ROLLBACK TO " + std::string(name));
  release(name);
}

void database::begin_batch(bool immediate) {
  run(immediate ? "BEGIN IMMEDIATE" : "BEGIN");
  batch_ = true;
}
void database::commit_batch() {
  try {
    run("COMMIT");
  } catch (const sqlite_error&) {
    rollback_batch(); // a busy COMMIT leaves the transaction open
    throw;
  }
  batch_ = false;
}
void database::rollback_batch() noexcept {
  batch_ = false;
  if (!in_transaction()) return;
  try {
    run("ROLLBACK");
  } catch (...) {
  }
}

transaction::transaction(database& db) : db_(db), savepoint_(db.in_batch()) {
  if (savepoint_) db_.savepoint("mm_tx");
  else db_.exec("BEGIN IMMEDIATE");
}
transaction::~transaction() {
  if (done_) return;
  try {
    if (savepoint_) db_.rollback_to("mm_tx");
    else db_.exec("ROLLBACK");
  } catch (...) {
  }
}
void transaction::commit() {
  if (savepoint_) db_.release("mm_tx");
  else db_.exec("COMMIT");
  done_ = true;
}

} // namespace mm::store::sqlite
