#pragma once
// The hiredis calls the bus makes (blocking: only its own threads call them): connecting with
// AUTH and SELECT, running one command, flattening a reply, and the pacing of reconnects.
#include "bus/redis_reply.hpp"
#include "bus/redis_url.hpp"

#include <hiredis/hiredis.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace mm::bus::detail {

struct context_deleter {
  void operator()(redisContext* c) const { redisFree(c); }
};
using context_ptr = std::unique_ptr<redisContext, context_deleter>;
struct reply_deleter {
  void operator()(redisReply* r) const { freeReplyObject(r); }
};
using reply_ptr = std::unique_ptr<redisReply, reply_deleter>;

// A connected, authenticated context with the database selected (1 s to connect, 2 s per
// command), or null with `error` set.
context_ptr open(const redis_endpoint& e, std::string& error);
// One command, binary-safe; null when the connection broke (c->errstr says why).
reply_ptr run(redisContext* c, const std::vector<std::string>& argv);
redis_reply to_reply(const redisReply* r);

// How a connection thread waits between attempts: a backoff from 100 ms doubling to 1 s, in a
// sleep that `stop` interrupts.
class retry_pacing {
public:
  static constexpr std::chrono::milliseconds first{100};
  static constexpr std::chrono::milliseconds most{1000}; // delivery resumes ~1 s after Redis returns

  // Sleeps the current backoff and doubles it; false when stopping (at once).
  bool wait();
  // Sleeps `d`; false when stopping.
  bool sleep(std::chrono::milliseconds d);
  void reset() { backoff_ = first; }
  void stop();
  bool stopping() const { return stopping_; }

private:
  std::mutex mutex_;
  std::condition_variable wake_;
  std::atomic<bool> stopping_{false};
  std::chrono::milliseconds backoff_ = first;
};

} // namespace mm::bus::detail
