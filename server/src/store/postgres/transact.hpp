#pragma once
// How a store call uses a connection.
//   read(pool, f):  f(connection&) in autocommit; rerun on a fresh connection when the pooled one
//                   turns out broken (reads are idempotent).
//   write(pool, f): f(connection&) inside one READ COMMITTED transaction, committed when f returns
//                   a value that is not a failure (an `outcome` holding an error rolls back, so "a
//                   request that fails changes nothing"). Rerun from the start on deadlock or
//                   serialization failure (40P01, 40001) and when the connection breaks before
//                   COMMIT was sent (the server rolled back); a failure during COMMIT is thrown, as
//                   its outcome is unknown.
// Errors past the retries are thrown as pg_error (a store_error; busy for connection trouble).
#include "domain/error.hpp"
#include "store/postgres/pool.hpp"

#include <chrono>
#include <thread>
#include <type_traits>

namespace mm::store::postgres {

namespace detail {
template <class T>
struct is_outcome : std::false_type {};
template <class T>
struct is_outcome<domain::outcome<T>> : std::true_type {};

template <class R>
bool should_commit(const R& r) {
  if constexpr (is_outcome<R>::value)
    return r.has_value();
  else
    return true;
}

inline bool retryable(const pg_error& e) { return e.sqlstate == "40001" || e.sqlstate == "40P01"; }
inline constexpr int max_attempts = 4;
inline void back_off(int attempt) { std::this_thread::sleep_for(std::chrono::milliseconds(5 << attempt)); }
} // namespace detail

template <class F>
auto read(pool& p, F&& f) -> std::invoke_result_t<F&, connection&> {
  for (int attempt = 1;; ++attempt) {
    auto lease = p.acquire();
    try {
      return f(*lease);
    } catch (const pg_error& e) {
      if (e.broken) lease.discard();
      if (attempt < detail::max_attempts && (e.broken || detail::retryable(e))) continue;
      throw;
    }
  }
}

template <class F>
auto write(pool& p, F&& f) -> std::invoke_result_t<F&, connection&> {
  for (int attempt = 1;; ++attempt) {
    auto lease = p.acquire();
    bool committing = false;
    try {
      lease->exec_script("BEGIN ISOLATION LEVEL READ COMMITTED");
      auto r = f(*lease);
      if (detail::should_commit(r)) {
        committing = true;
        lease->exec_script("COMMIT");
      } else {
        lease->exec_script("ROLLBACK");
      }
      return r;
    } catch (const pg_error& e) {
      if (e.broken) {
        lease.discard();
      } else if (!committing) {
        try {
          lease->exec_script("ROLLBACK");
        } catch (const pg_error&) {
          lease.discard();
        }
      }
      const bool again = !committing && (e.broken || detail::retryable(e));
      if (attempt < detail::max_attempts && again) {
        if (!e.broken) detail::back_off(attempt);
        continue;
      }
      throw;
    } catch (...) {
      try {
        lease->exec_script("ROLLBACK");
      } catch (const pg_error&) {
        lease.discard();
      }
      throw;
    }
  }
}

} // namespace mm::store::postgres
