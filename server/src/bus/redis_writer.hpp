#pragma once
// The Redis bus's command thread: one connection that runs queued commands (PUBLISH and the
// cluster's commands) in order, and posts each reply to the executor. While Redis is
// unreachable nothing is queued: a command gets the "redis unreachable" reply at once (late
// work is worse than none, docs/decisions/0004-redis-bus.md). Reconnects with retry_pacing.
#include "bus/redis_connection.hpp"

#include <boost/asio/any_io_executor.hpp>

#include <deque>
#include <functional>
#include <thread>

namespace mm::bus::detail {

class redis_writer {
public:
  using reply_handler = std::function<void(const redis_reply&)>;

  redis_writer(boost::asio::any_io_executor ex, redis_endpoint e) : ex_(std::move(ex)), endpoint_(std::move(e)) {}
  ~redis_writer() { stop(); }

  void start();
  // Sends what is queued, then ends the thread (idempotent).
  void stop();
  // Queues `argv`; `done` (may be empty) runs on the executor with the reply, or with
  // unreachable_reply() when Redis is down, the queue is full (100,000), or the bus stops.
  void enqueue(std::vector<std::string> argv, reply_handler done);
  // The connection is up (any thread).
  bool up();

private:
  struct job {
    std::vector<std::string> argv;
    reply_handler done;
  };
  void loop();
  // Runs jobs until the connection breaks (true) or the thread stops with the queue empty.
  bool drain(redisContext* c, std::string& last_error);
  void fail_queued(job first);
  void fail(reply_handler done);

  boost::asio::any_io_executor ex_;
  const redis_endpoint endpoint_;
  retry_pacing pacing_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<job> queue_;
  bool up_ = false;
  bool started_ = false;
  std::thread thread_;
};

} // namespace mm::bus::detail
