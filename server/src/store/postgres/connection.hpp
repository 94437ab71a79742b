#pragma once
// A thin RAII layer over libpq: one connection, parameterized statements with typed parameters
// (text values plus their type oid, so `$1 IS NULL` works without casts), results read by row and
// column. Errors throw pg_error, a store_error that also carries the SQLSTATE and whether the
// connection is broken (then the pool discards it). Used by one thread at a time.
#include "store/store_error.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

struct pg_conn;
struct pg_result;

namespace mm::store::postgres {

struct pg_error : store_error {
  pg_error(const std::string& what, bool busy, std::string sqlstate, bool broken)
      : store_error(what, busy), sqlstate(std::move(sqlstate)), broken(broken) {}
  std::string sqlstate; // "" when the server never answered
  bool broken;          // the connection is unusable
};

// Type oids of the parameters we send (pg_type.h).
enum class pg_type : unsigned { boolean = 16, int8 = 20, text = 25, text_array = 1009 };

struct param {
  std::optional<std::string> value; // NULL when empty
  pg_type type = pg_type::text;
};

inline param to_param(std::string_view v) { return {std::string(v), pg_type::text}; }
inline param to_param(const std::string& v) { return {v, pg_type::text}; }
inline param to_param(const char* v) { return {std::string(v), pg_type::text}; }
inline param to_param(std::int64_t v) { return {std::to_string(v), pg_type::int8}; }
inline param to_param(int v) { return {std::to_string(v), pg_type::int8}; }
inline param to_param(bool v) { return {std::string(v ? "t" : "f"), pg_type::boolean}; }
inline param to_param(const std::vector<std::string>& v); // a text[]
template <class T>
param to_param(const std::optional<T>& v) {
  if (v) return to_param(*v);
  return param{std::nullopt, to_param(T{}).type};
}

// A text[] literal: {"a","b"} with quotes and backslashes escaped.
std::string array_literal(const std::vector<std::string>& items);
inline param to_param(const std::vector<std::string>& v) { return {array_literal(v), pg_type::text_array}; }

class result {
public:
  explicit result(pg_result* r) : r_(r) {}
  result(result&& o) noexcept : r_(o.r_) { o.r_ = nullptr; }
  result(const result&) = delete;
  ~result();

  int rows() const;
  bool empty() const { return rows() == 0; }
  std::int64_t affected() const; // rows changed by INSERT/UPDATE/DELETE

  bool is_null(int row, int col) const;
  std::string text(int row, int col) const;
  std::optional<std::string> opt_text(int row, int col) const;
  std::int64_t integer(int row, int col) const;
  std::optional<std::int64_t> opt_integer(int row, int col) const;
  bool boolean(int row, int col) const;

private:
  pg_result* r_;
};

class connection {
public:
  // Connects to `url` (a libpq connection URI) and applies the session settings (timeouts).
  // Throws pg_error with busy=true when the server cannot be reached.
  explicit connection(const std::string& url);
  connection(const connection&) = delete;
  ~connection();

  result exec_params(std::string_view sql, std::span<const param> params);
  template <class... Args>
  result exec(std::string_view sql, const Args&... args) {
    const param ps[] = {param{}, to_param(args)...}; // a leading dummy keeps the array non-empty
    return exec_params(sql, std::span<const param>(ps + 1, sizeof...(Args)));
  }
  // One or more statements without parameters or results (BEGIN, COMMIT, migrations).
  void exec_script(const std::string& sql);

  // Connected and outside any transaction: fit to go back to the pool.
  bool reusable() const;

private:
  [[noreturn]] void raise(pg_result* r, std::string_view what);
  pg_conn* conn_ = nullptr;
};

} // namespace mm::store::postgres
