#include "bus/redis_writer.hpp"

#include <boost/asio/post.hpp>
#include <spdlog/spdlog.h>

namespace mm::bus::detail {

namespace {
constexpr std::size_t max_queue = 100'000; // commands waiting while Redis is slow; beyond: dropped
}

void redis_writer::start() {
  std::lock_guard lock(mutex_);
  if (started_ || pacing_.stopping()) return;
  started_ = true;
  thread_ = std::thread([this] { loop(); });
}

void redis_writer::stop() {
  {
    std::lock_guard lock(mutex_);
    if (pacing_.stopping()) return;
    pacing_.stop();
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

bool redis_writer::up() {
  std::lock_guard lock(mutex_);
  return up_;
}

void redis_writer::fail(reply_handler done) {
  if (done) boost::asio::post(ex_, [done = std::move(done)] { done(unreachable_reply()); });
}

void redis_writer::enqueue(std::vector<std::string> argv, reply_handler done) {
  {
    std::lock_guard lock(mutex_);
    if (pacing_.stopping() || !up_ || queue_.size() >= max_queue) {
      fail(std::move(done));
      return;
    }
    queue_.push_back({std::move(argv), std::move(done)});
  }
  wake_.notify_one();
}

void redis_writer::loop() {
  std::string last_error;
  while (!pacing_.stopping()) {
    std::string error;
    auto c = open(endpoint_, error);
    if (!c) {
      if (error != last_error) spdlog::warn("redis (commands): {}; retrying", error);
      last_error = error;
      if (!pacing_.wait()) break;
      continue;
    }
    if (!last_error.empty()) spdlog::info("redis (commands): connected again");
    last_error.clear();
    pacing_.reset();
    {
      std::lock_guard lock(mutex_);
      up_ = true;
    }
    if (!drain(c.get(), last_error)) break;
  }
  fail_queued({});
}

bool redis_writer::drain(redisContext* c, std::string& last_error) {
  for (;;) {
    job j;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return pacing_.stopping() || !queue_.empty(); });
      if (queue_.empty()) return false; // stopping, everything sent (what stop's caller queued goes out)
      j = std::move(queue_.front());
      queue_.pop_front();
    }
    auto r = run(c, j.argv);
    if (!r) { // the connection broke: fail this and everything queued, then reconnect
      spdlog::warn("redis (commands): {}; reconnecting", c->errstr);
      last_error = c->errstr;
      fail_queued(std::move(j));
      return true;
    }
    if (j.done) boost::asio::post(ex_, [done = std::move(j.done), reply = to_reply(r.get())] { done(reply); });
  }
}

void redis_writer::fail_queued(job first) {
  std::deque<job> failed;
  {
    std::lock_guard lock(mutex_);
    up_ = false;
    failed.swap(queue_);
  }
  fail(std::move(first.done));
  for (auto& j : failed) fail(std::move(j.done));
}

} // namespace mm::bus::detail
