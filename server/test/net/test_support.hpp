#pragma once
// Helpers for net tests: run a coroutine test body on a fresh io_context, talk raw HTTP and
// WebSocket to a server with Beast.
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <gtest/gtest.h>

#include <chrono>
#include <exception>
#include <functional>

namespace mm::test {

// Runs `body(io)` on `io` to completion (at most `limit`), rethrowing its exception. Objects
// that hold sockets must be destroyed before `io`.
inline void run_async(boost::asio::io_context& io,
                      std::function<boost::asio::awaitable<void>(boost::asio::io_context&)> body,
                      std::chrono::seconds limit = std::chrono::seconds(10)) {
  std::exception_ptr failure;
  bool done = false;
  boost::asio::co_spawn(io, body(io), [&](std::exception_ptr e) {
    failure = e;
    done = true;
    io.stop();
  });
  io.run_for(limit);
  if (failure) std::rethrow_exception(failure);
  ASSERT_TRUE(done) << "test body did not finish in time";
}

inline boost::asio::awaitable<void> sleep_for(std::chrono::milliseconds d) {
  boost::asio::steady_timer t(co_await boost::asio::this_coro::executor, d);
  co_await t.async_wait(boost::asio::use_awaitable);
}

} // namespace mm::test
