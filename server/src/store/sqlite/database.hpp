#pragma once
// A thin RAII layer over the SQLite C API: one connection, prepared statements cached by SQL
// text, typed binds and columns, and IMMEDIATE transactions. Errors throw sqlite_error (broken
// infrastructure); SQLITE_BUSY past the busy timeout is flagged so callers can answer 503.
#include "store/store_error.hpp"

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

class database {
public:
  // Opens (creating) the file in WAL mode with synchronous=FULL, foreign keys and a busy timeout.
  explicit database(const std::string& path);
  database(const database&) = delete;
  ~database();

  // A prepared statement for `sql`, prepared once per connection.
  statement query(std::string_view sql);
  void exec(const std::string& sql); // one or more statements, no results
  int user_version();

private:
  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

// BEGIN IMMEDIATE on construction; ROLLBACK on destruction unless commit() was called.
class transaction {
public:
  explicit transaction(database& db);
  transaction(const transaction&) = delete;
  ~transaction();
  void commit();

private:
  database& db_;
  bool done_ = false;
};

} // namespace mm::store::sqlite
