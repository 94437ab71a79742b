#pragma once
// Runs blocking store calls off the I/O threads. `run(f)` executes f on the database pool and
// resumes the awaiting coroutine on its own executor; f's exceptions are rethrown there.
// SQLite gets one thread (one connection, serialized transactions); other backends more.
//
// With a batch runner (SQLite's group commit, store/batching.hpp) calls are queued, and the
// database thread hands everything queued to the runner at once: the calls that arrive while
// one batch is being committed share the next commit, and each caller is resumed once its
// changes are on disk. A lone call is taken at once: nobody waits for company.
//
// When a call finds the database locked or unreachable (store_error with busy), the calls queued
// behind it fail at once with the same error instead of each waiting out the busy timeout in
// turn: clients get fast 503s, not a pile-up. Calls submitted after the failure try the
// database again, so service resumes as soon as it is back.
#include "services/offload.hpp"
#include "store/batching.hpp"
#include "store/store_error.hpp"

#include <boost/asio/thread_pool.hpp>

#include <atomic>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <vector>

namespace mm::services {

class db_executor {
public:
  // `batching`: the store's group commit (it must outlive the executor), or null to run every
  // call by itself on one of `threads` (PostgreSQL's pool).
  explicit db_executor(std::size_t threads, store::batch_runner* batching = nullptr)
      : pool_(threads), batching_(batching) {}
  ~db_executor() { pool_.join(); }

  template <class F>
  boost::asio::awaitable<std::invoke_result_t<F&>> run(F f) {
    const auto ticket = ++submitted_;
    if (batching_) return queue(ticket, std::move(f));
    return offload(pool_.get_executor(), [this, ticket, f = std::move(f)]() mutable {
      if (ticket <= failed_upto_.load()) throw unavailable();
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

  // Calls answered and batches begun so far (batched mode; for the metrics).
  std::uint64_t batched_calls() const { return batched_calls_.load(std::memory_order_relaxed); }
  std::uint64_t batches() const { return batches_.load(std::memory_order_relaxed); }

private:
  static store::store_error unavailable() { return store::store_error("the database is unavailable", true); }

  // A call waiting in the queue; answer() resumes its coroutine on the coroutine's executor.
  struct queued_call : store::batch_call {
    virtual ~queued_call() = default;
    std::uint64_t ticket = 0;
  };

  template <class Result, class Handler, class F>
  class call final : public queued_call {
  public:
    call(db_executor& owner, std::uint64_t ticket, Handler handler, F f)
        : owner_(owner), handler_(std::move(handler)), work_(boost::asio::make_work_guard(handler_)), f_(std::move(f)) {
      this->ticket = ticket;
    }
    std::exception_ptr run() noexcept override {
      error_ = nullptr;
      if constexpr (!std::is_void_v<Result>) value_.reset();
      try {
        if constexpr (std::is_void_v<Result>) f_();
        else value_.emplace(f_());
      } catch (...) {
        error_ = std::current_exception();
      }
      return error_;
    }
    void answer(std::exception_ptr failure) noexcept override {
      if (failure) {
        error_ = failure;
        if constexpr (!std::is_void_v<Result>) value_.reset();
      }
      owner_.note(error_);
      owner_.batched_calls_.fetch_add(1, std::memory_order_relaxed);
      auto ex = work_.get_executor();
      if constexpr (std::is_void_v<Result>) {
        boost::asio::dispatch(ex, [h = std::move(handler_), e = error_]() mutable { h(e); });
      } else {
        boost::asio::dispatch(ex, [h = std::move(handler_), e = error_, v = std::move(value_)]() mutable { h(e, std::move(v)); });
      }
      work_.reset();
    }

  private:
    db_executor& owner_;
    Handler handler_;
    boost::asio::executor_work_guard<boost::asio::associated_executor_t<Handler>> work_;
    F f_;
    std::exception_ptr error_;
    std::conditional_t<std::is_void_v<Result>, char, std::optional<Result>> value_{};
  };

  template <class F>
  boost::asio::awaitable<std::invoke_result_t<F&>> queue(std::uint64_t ticket, F f) {
    namespace asio = boost::asio;
    using result = std::invoke_result_t<F&>;
    auto initiate = [this, ticket](auto handler, F fn) {
      using call_type = call<result, decltype(handler), F>;
      enqueue(std::make_unique<call_type>(*this, ticket, std::move(handler), std::move(fn)));
    };
    if constexpr (std::is_void_v<result>) {
      co_await asio::async_initiate<const asio::use_awaitable_t<>&, void(std::exception_ptr)>(initiate, asio::use_awaitable,
                                                                                              std::move(f));
    } else {
      auto value = co_await asio::async_initiate<const asio::use_awaitable_t<>&, void(std::exception_ptr, std::optional<result>)>(
          initiate, asio::use_awaitable, std::move(f));
      co_return std::move(*value);
    }
  }

  void enqueue(std::unique_ptr<queued_call> c);
  void drain();
  void note(const std::exception_ptr& error) noexcept;

  boost::asio::thread_pool pool_;
  store::batch_runner* batching_;
  std::atomic<std::uint64_t> submitted_{0};
  std::atomic<std::uint64_t> failed_upto_{0}; // calls with a ticket up to this fail fast

  std::mutex mutex_; // guards queue_ and draining_
  std::deque<std::unique_ptr<queued_call>> queue_;
  bool draining_ = false; // a drain() is posted or running
  std::atomic<std::uint64_t> batched_calls_{0};
  std::atomic<std::uint64_t> batches_{0};
};

inline void db_executor::enqueue(std::unique_ptr<queued_call> c) {
  std::lock_guard lock(mutex_);
  queue_.push_back(std::move(c));
  if (draining_) return;
  draining_ = true;
  boost::asio::post(pool_, [this] { drain(); });
}

// On the database thread: one batch at a time from the front of the queue until it is empty.
// Calls the runner did not take go back to the front, and are looked at again (they may have
// to fail fast after a busy batch).
inline void db_executor::drain() {
  std::vector<std::unique_ptr<queued_call>> batch;
  std::vector<store::batch_call*> ready;
  for (;;) {
    batch.clear();
    {
      std::lock_guard lock(mutex_);
      if (queue_.empty()) {
        draining_ = false;
        return;
      }
      for (auto& c : queue_) batch.push_back(std::move(c));
      queue_.clear();
    }
    ready.clear();
    const auto failed_upto = failed_upto_.load();
    std::vector<std::unique_ptr<queued_call>> kept; // in queue order, not answered yet
    kept.reserve(batch.size());
    for (auto& c : batch) {
      if (c->ticket <= failed_upto) {
        c->answer(std::make_exception_ptr(unavailable()));
      } else {
        ready.push_back(c.get());
        kept.push_back(std::move(c));
      }
    }
    if (!ready.empty()) batches_.fetch_add(1, std::memory_order_relaxed);
    const auto taken = ready.empty() ? 0 : batching_->run_batch(ready);
    std::lock_guard lock(mutex_);
    for (auto i = kept.size(); i > taken; --i) queue_.push_front(std::move(kept[i - 1]));
  }
}

inline void db_executor::note(const std::exception_ptr& error) noexcept {
  if (!error) return;
  try {
    std::rethrow_exception(error);
  } catch (const store::store_error& e) {
    if (e.busy) failed_upto_ = submitted_.load();
  } catch (...) {
  }
}

} // namespace mm::services
