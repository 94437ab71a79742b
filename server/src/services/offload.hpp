#pragma once
// Runs a blocking callable on another executor (a thread pool) and resumes the awaiting
// coroutine on its own executor with the result; exceptions are rethrown in the coroutine.
//
// GCC 12 destroys an aggregate temporary (a lambda, a braced struct) with non-trivial members
// twice when it is an argument inside a co_await expression (docs/decisions/0002). So: pass `f`
// capturing by reference only (the awaiting frame outlives the call), or move a named local in.
#include <boost/asio/async_result.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <exception>
#include <optional>
#include <type_traits>

namespace mm::services {

template <class Executor, class F>
boost::asio::awaitable<std::invoke_result_t<F&>> offload(Executor pool, F f) {
  namespace asio = boost::asio;
  using result = std::invoke_result_t<F&>;
  if constexpr (std::is_void_v<result>) {
    co_await asio::async_initiate<const asio::use_awaitable_t<>&, void(std::exception_ptr)>(
        [pool](auto handler, F fn) {
          auto work = asio::make_work_guard(handler);
          asio::post(pool, [handler = std::move(handler), fn = std::move(fn), work = std::move(work)]() mutable {
            std::exception_ptr error;
            try {
              fn();
            } catch (...) {
              error = std::current_exception();
            }
            auto ex = work.get_executor();
            asio::dispatch(ex, [handler = std::move(handler), error]() mutable { handler(error); });
          });
        },
        asio::use_awaitable, std::move(f));
  } else {
    auto value = co_await asio::async_initiate<const asio::use_awaitable_t<>&, void(std::exception_ptr, std::optional<result>)>(
        [pool](auto handler, F fn) {
          auto work = asio::make_work_guard(handler);
          asio::post(pool, [handler = std::move(handler), fn = std::move(fn), work = std::move(work)]() mutable {
            std::exception_ptr error;
            std::optional<result> value;
            try {
              value.emplace(fn());
            } catch (...) {
              error = std::current_exception();
            }
            auto ex = work.get_executor();
            asio::dispatch(ex, [handler = std::move(handler), error, value = std::move(value)]() mutable {
              handler(error, std::move(value));
            });
          });
        },
        asio::use_awaitable, std::move(f));
    co_return std::move(*value);
  }
}

} // namespace mm::services
