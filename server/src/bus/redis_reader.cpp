#include "bus/redis_reader.hpp"

#include "bus/redis_frame.hpp"

#include <poll.h>
#include <spdlog/spdlog.h>

#include <cerrno>

namespace mm::bus::detail {

namespace {
using namespace std::chrono_literals;
using steady = std::chrono::steady_clock;
constexpr auto ping_after = 2000ms; // the subscriber pings after this much silence
constexpr auto dead_after = 6000ms; // and gives the connection up after this much
} // namespace

void redis_reader::start() {
  if (thread_.joinable() || pacing_.stopping()) return;
  thread_ = std::thread([this] { loop(); });
}

void redis_reader::stop() {
  pacing_.stop();
  if (thread_.joinable()) thread_.join();
}

// One received pub/sub frame: ["message", channel, data] or a subscribe/pong confirmation.
void redis_reader::on_frame(const redisReply* r) {
  if (!r || r->type != REDIS_REPLY_ARRAY || r->elements < 3) return;
  const auto* kind = r->element[0];
  const auto* data = r->element[2];
  if (!kind->str || std::string_view(kind->str, kind->len) != "message" || !data->str) return;
  handlers_.on_data(std::string_view(data->str, data->len));
}

bool redis_reader::read_frames(redisContext* c) {
  auto last_data = steady::now();
  bool pinged = false;
  while (!pacing_.stopping()) {
    void* raw = nullptr;
    if (redisGetReplyFromReader(c, &raw) != REDIS_OK) return true;
    if (raw) {
      reply_ptr r(static_cast<redisReply*>(raw));
      on_frame(r.get());
      continue;
    }
    pollfd p{c->fd, POLLIN, 0};
    const int n = ::poll(&p, 1, 250);
    if (n < 0 && errno != EINTR) return true;
    const auto now = steady::now();
    if (n > 0) {
      if (redisBufferRead(c) != REDIS_OK) return true;
      last_data = now;
      pinged = false;
      continue;
    }
    if (now - last_data > dead_after) {
      spdlog::warn("redis (subscriber): no answer for {} ms", dead_after.count());
      return true;
    }
    if (!pinged && now - last_data > ping_after) {
      const char* ping = "PING";
      redisAppendCommandArgv(c, 1, &ping, nullptr);
      int done = 0;
      while (!done)
        if (redisBufferWrite(c, &done) != REDIS_OK) return true;
      pinged = true;
    }
  }
  return false;
}

void redis_reader::loop() {
  std::string last_error;
  while (!pacing_.stopping()) {
    std::string error;
    auto c = open(endpoint_, error);
    if (c) {
      auto sub = run(c.get(), {"SUBSCRIBE", redis_channel});
      if (!sub || sub->type == REDIS_REPLY_ERROR) {
        error = sub ? std::string(sub->str, sub->len) : std::string(c->errstr);
        c.reset();
      }
    }
    if (!c) {
      if (error != last_error) spdlog::warn("redis (subscriber): {}; retrying", error);
      last_error = error;
      if (!pacing_.wait()) break;
      continue;
    }
    // Linked means both connections work: what a link handler publishes on `up` gets through.
    for (int i = 0; i < 40 && !handlers_.ready() && !pacing_.stopping(); ++i) pacing_.sleep(50ms);
    if (!last_error.empty() || ever_linked_) spdlog::info("redis: subscribed again");
    last_error.clear();
    pacing_.reset();
    ever_linked_ = true;
    handlers_.on_link(true);
    const bool broke = read_frames(c.get());
    handlers_.on_link(false);
    if (broke) {
      last_error = c->err ? c->errstr : "connection lost";
      spdlog::warn("redis (subscriber): {}; reconnecting", last_error);
    }
  }
}

} // namespace mm::bus::detail
