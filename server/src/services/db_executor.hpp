#pragma once
// Runs blocking store calls off the I/O threads. `run(f)` executes f on the database pool and
// resumes the awaiting coroutine on its own executor; f's exceptions are rethrown there.
// SQLite gets one thread (one connection, serialized transactions); other backends more.
//
// When a call finds the database locked or unreachable (store_error with busy), the calls queued
// behind it fail at once with the same error instead of each waiting out the busy timeout in
// turn: clients get fast 503s, not a pile-up. Calls submitted after the failure try the
// database again, so service resumes as soon as it is back.
#include "services/offload.hpp"
#include "store/store_error.hpp"

#include <boost/asio/thread_pool.hpp>

#include <atomic>
#include <cstdint>

namespace mm::services {

class db_executor {
public:
  explicit db_executor(std::size_t threads) : pool_(threads) {}
  ~db_executor() { pool_.join(); }

  template <class F>
  boost::asio::awaitable<std::invoke_result_t<F&>> run(F f) {
    const auto ticket = ++submitted_;
    return offload(pool_.get_executor(), [this, ticket, f = std::move(f)]() mutable {
      if (ticket <= failed_upto_.load()) throw store::store_error("the database is unavailable", true);
      try {
        return f();
      } catch (const store::store_error& e) {
        if (e.busy) failed_upto_ = submitted_.load();
        throw;
      }
    });
  }

  // Waits for the calls under way; used at shutdown after the I/O loop has stopped.
  void stop() { pool_.join(); }

private:
  boost::asio::thread_pool pool_;
  std::atomic<std::uint64_t> submitted_{0};
  std::atomic<std::uint64_t> failed_upto_{0}; // calls with a ticket up to this fail fast
};

} // namespace mm::services
