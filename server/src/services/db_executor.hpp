#pragma once
// Runs blocking store calls off the I/O threads. `run(f)` executes f on the database pool and
// resumes the awaiting coroutine on its own executor; f's exceptions are rethrown there.
// SQLite gets one thread (one connection, serialized transactions); other backends more.
#include "services/offload.hpp"

#include <boost/asio/thread_pool.hpp>

namespace mm::services {

class db_executor {
public:
  explicit db_executor(std::size_t threads) : pool_(threads) {}
  ~db_executor() { pool_.join(); }

  template <class F>
  boost::asio::awaitable<std::invoke_result_t<F&>> run(F f) {
    return offload(pool_.get_executor(), std::move(f));
  }

  // Waits for the calls under way; used at shutdown after the I/O loop has stopped.
  void stop() { pool_.join(); }

private:
  boost::asio::thread_pool pool_;
};

} // namespace mm::services
