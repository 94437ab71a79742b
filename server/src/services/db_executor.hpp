#pragma once
// Runs blocking store calls off the I/O threads. `run(f)` executes f on the database pool and
// resumes the awaiting coroutine on its own executor; f's exceptions are rethrown there.
// SQLite gets one thread (one connection, serialized transactions); other backends more.
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <type_traits>

namespace mm::services {

class db_executor {
public:
  explicit db_executor(std::size_t threads) : pool_(threads) {}
  ~db_executor() { pool_.join(); }

  template <class F>
  boost::asio::awaitable<std::invoke_result_t<F&>> run(F f) {
    using result = std::invoke_result_t<F&>;
    return boost::asio::co_spawn(
        pool_.get_executor(),
        [f = std::move(f)]() mutable -> boost::asio::awaitable<result> {
          if constexpr (std::is_void_v<result>) {
            f();
            co_return;
          } else {
            co_return f();
          }
        },
        boost::asio::use_awaitable);
  }

  void stop() { pool_.join(); }

private:
  boost::asio::thread_pool pool_;
};

} // namespace mm::services
