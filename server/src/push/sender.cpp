#include "push/sender.hpp"

#include "push/detail/exchange.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <spdlog/spdlog.h>

#include <atomic>
#include <deque>
#include <mutex>
#include <thread>

namespace mm::push {

namespace asio = boost::asio;
using steady = std::chrono::steady_clock;

namespace {

struct job {
  job(push_message m, asio::any_io_executor ex, sender::completion d)
      : message(std::move(m)), executor(std::move(ex)), done(std::move(d)), submitted(steady::now()) {}
  push_message message;
  asio::any_io_executor executor;
  sender::completion done;
  steady::time_point submitted;
};

} // namespace

struct sender::impl {
  impl(const vapid_key& v, const domain::clock& c, sender_options o)
      : vapid(v), clock(c), options(std::move(o)), tls(detail::make_tls_context(options.ca_file)),
        ioc(std::make_unique<asio::io_context>(1)), work(asio::make_work_guard(*ioc)) {
    thread = std::thread([this] { ioc->run(); });
  }

  const vapid_key& vapid;
  const domain::clock& clock;
  const sender_options options;
  asio::ssl::context tls;
  std::atomic<std::size_t> pending{0};
  std::mutex lifecycle; // guards stopped and the use of ioc by other threads
  bool stopped = false;
  // On the sender's thread only:
  std::deque<std::unique_ptr<job>> queue;
  std::size_t active = 0;
  // Last, so that it goes first: the coroutines it still holds reference the members above.
  std::unique_ptr<asio::io_context> ioc;
  asio::executor_work_guard<asio::io_context::executor_type> work;
  std::thread thread;

  void pump() {
    while (active < options.max_in_flight && !queue.empty()) {
      auto next = std::move(queue.front());
      queue.pop_front();
      ++active;
      asio::co_spawn(*ioc, run(std::move(next)), asio::detached);
    }
  }

  asio::awaitable<void> run(std::unique_ptr<job> j) {
    send_result result;
    try {
      result = co_await deliver(*j);
    } catch (const std::exception& e) { // broken infrastructure (OpenSSL), never input
      spdlog::error("push: sending failed: {}", e.what());
      result.outcome = delivery::failed;
      result.error = "internal error";
    }
    asio::post(j->executor, [done = std::move(j->done), result = std::move(result)]() mutable { done(std::move(result)); });
    --active;
    --pending;
    pump();
  }

  asio::awaitable<send_result> deliver(const job& j) {
    const push_message& msg = j.message;
    send_result r;
    auto checked = check_endpoint(msg.to.endpoint, options.allowed);
    if (!checked) {
      r.outcome = delivery::refused;
      r.error = checked.error().message;
      co_return r;
    }
    const endpoint to = std::move(*checked);
    if (!msg.topic.empty()) {
      if (auto topic = check_topic(msg.topic); !topic) {
        r.outcome = delivery::refused;
        r.error = topic.error().message;
        co_return r;
      }
    }
    if (msg.payload.size() > max_message_plaintext) {
      r.outcome = delivery::too_large;
      r.error = "the payload is larger than one push message";
      co_return r;
    }
    for (;;) {
      const auto now = clock.now();
      if (now > msg.deadline) {
        if (r.attempts == 0) r.error = "the payload expired before it was sent";
        co_return r;
      }
      if (msg.withdrawn && msg.withdrawn->load()) {
        r.error = "the payload was withdrawn";
        co_return r;
      }
      const auto elapsed = std::chrono::duration_cast<std::chrono::seconds>(steady::now() - j.submitted);
      const http_request req = build_request(to, msg, msg.ttl - elapsed, vapid, options.subject, now);
      const detail::exchange_limits limits{options.connect_timeout, options.attempt_timeout};
      const auto x = co_await detail::exchange(tls, to, req, options.allowed, limits);
      if (x.failure == detail::failure_kind::refused) {
        r.outcome = delivery::refused;
        r.error = x.error;
        co_return r;
      }
      ++r.attempts;
      r.status = x.status;
      r.retry_after.reset();
      r.error = x.error;
      if (x.failure == detail::failure_kind::tls) {
        r.outcome = delivery::tls_failed;
        co_return r;
      }
      if (x.failure == detail::failure_kind::none) {
        if (!x.retry_after.empty()) r.retry_after = parse_retry_after(x.retry_after, clock.now());
        if (const auto d = classify_status(x.status)) {
          r.outcome = *d;
          if (*d != delivery::delivered) r.error = "HTTP " + std::to_string(x.status);
          co_return r;
        }
        r.error = "HTTP " + std::to_string(x.status);
      }
      r.outcome = delivery::failed;
      const auto delay = next_retry_delay(options.retries, r.attempts, r.retry_after, clock.now(), msg.deadline);
      if (!delay) co_return r;
      asio::steady_timer timer(*ioc, *delay);
      co_await timer.async_wait(asio::as_tuple(asio::use_awaitable));
    }
  }

  asio::awaitable<void> vet(std::string url, asio::any_io_executor executor,
                            std::function<void(domain::outcome<endpoint>)> done) {
    domain::outcome<endpoint> result = check_endpoint(url, options.allowed);
    if (result) {
      const endpoint to = *result;
      const auto vetted = co_await detail::resolve_and_vet(to, options.allowed);
      if (vetted.failure != detail::failure_kind::none)
        result = domain::fail(domain::errc::validation_failed,
                              vetted.failure == detail::failure_kind::refused
                                  ? "endpoint " + vetted.error
                                  : "endpoint host cannot be resolved");
    }
    asio::post(executor, [done = std::move(done), result = std::move(result)]() mutable { done(std::move(result)); });
  }
};

sender::sender(const vapid_key& vapid, const domain::clock& clock, sender_options options)
    : impl_(std::make_unique<impl>(vapid, clock, std::move(options))) {}

sender::~sender() { stop(); }

void sender::send(push_message message, asio::any_io_executor executor, completion done) {
  auto drop = [&](std::string why) {
    send_result r;
    r.outcome = delivery::dropped;
    r.error = std::move(why);
    asio::post(executor, [done = std::move(done), r = std::move(r)]() mutable { done(std::move(r)); });
  };
  std::lock_guard lock(impl_->lifecycle);
  if (impl_->stopped) return drop("the sender is stopped");
  if (impl_->pending.fetch_add(1) >= impl_->options.queue_capacity) {
    --impl_->pending;
    return drop("the push queue is full");
  }
  auto j = std::make_unique<job>(std::move(message), executor, std::move(done));
  asio::post(*impl_->ioc, [this, j = std::move(j)]() mutable {
    impl_->queue.push_back(std::move(j));
    impl_->pump();
  });
}

void sender::vet(std::string url, asio::any_io_executor executor, std::function<void(domain::outcome<endpoint>)> done) {
  std::lock_guard lock(impl_->lifecycle);
  if (impl_->stopped) {
    domain::outcome<endpoint> r = domain::fail(domain::errc::unavailable, "push is stopped");
    asio::post(executor, [done = std::move(done), r = std::move(r)]() mutable { done(std::move(r)); });
    return;
  }
  asio::co_spawn(*impl_->ioc, impl_->vet(std::move(url), std::move(executor), std::move(done)), asio::detached);
}

std::size_t sender::pending() const noexcept { return impl_->pending.load(); }

void sender::stop() {
  {
    std::lock_guard lock(impl_->lifecycle);
    if (impl_->stopped) return;
    impl_->stopped = true;
  }
  impl_->work.reset();
  impl_->ioc->stop();
  if (impl_->thread.joinable()) impl_->thread.join();
  impl_->ioc.reset(); // destroys the abandoned exchanges and their completions
}

} // namespace mm::push
