#include "bus/redis_bus.hpp"

#include <boost/asio/post.hpp>
#include <hiredis/hiredis.h>
#include <poll.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <stdexcept>
#include <thread>

namespace mm::bus {
namespace {

using namespace std::chrono_literals;
using steady = std::chrono::steady_clock;

constexpr const char* channel = "mockmate:bus";
constexpr auto max_backoff = 1000ms;    // delivery resumes within ~1 s of Redis returning
constexpr auto ping_after = 2000ms;     // the subscriber pings after this much silence
constexpr auto dead_after = 6000ms;     // and gives the connection up after this much
constexpr std::size_t max_queue = 100'000; // commands waiting while Redis is slow; beyond: dropped

struct endpoint {
  std::string host = "127.0.0.1";
  int port = 6379;
  std::string user, password;
  int db = 0;
};

endpoint parse_url(const std::string& url) {
  const std::string scheme = "redis://";
  if (url.rfind(scheme, 0) != 0) throw std::invalid_argument("--redis: expected redis://host[:port][/db], got " + url);
  std::string rest = url.substr(scheme.size());
  endpoint e;
  if (auto slash = rest.find('/'); slash != std::string::npos) {
    const auto db = rest.substr(slash + 1);
    rest.resize(slash);
    if (!db.empty()) {
      if (!std::all_of(db.begin(), db.end(), [](char c) { return c >= '0' && c <= '9'; }) || db.size() > 4)
        throw std::invalid_argument("--redis: the database must be a number: " + url);
      e.db = std::stoi(db);
    }
  }
  if (auto at = rest.rfind('@'); at != std::string::npos) {
    const auto cred = rest.substr(0, at);
    rest = rest.substr(at + 1);
    if (auto colon = cred.find(':'); colon != std::string::npos) {
      e.user = cred.substr(0, colon);
      e.password = cred.substr(colon + 1);
    } else {
      e.password = cred;
    }
  }
  std::string port;
  if (!rest.empty() && rest.front() == '[') { // [v6]:port
    auto close = rest.find(']');
    if (close == std::string::npos) throw std::invalid_argument("--redis: malformed host in " + url);
    e.host = rest.substr(1, close - 1);
    if (close + 1 < rest.size() && rest[close + 1] == ':') port = rest.substr(close + 2);
  } else if (auto colon = rest.rfind(':'); colon != std::string::npos) {
    e.host = rest.substr(0, colon);
    port = rest.substr(colon + 1);
  } else if (!rest.empty()) {
    e.host = rest;
  }
  if (!port.empty()) {
    if (port.size() > 5 || !std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; }))
      throw std::invalid_argument("--redis: the port must be a number: " + url);
    e.port = std::stoi(port);
  }
  if (e.host.empty()) throw std::invalid_argument("--redis: no host in " + url);
  return e;
}

redis_reply to_reply(const redisReply* r) {
  redis_reply out;
  if (!r) {
    out.type = redis_reply::kind::error;
    out.text = "no reply";
    return out;
  }
  switch (r->type) {
  case REDIS_REPLY_INTEGER:
    out.type = redis_reply::kind::integer;
    out.integer = r->integer;
    out.text = std::to_string(r->integer);
    break;
  case REDIS_REPLY_STRING:
  case REDIS_REPLY_STATUS:
    out.type = redis_reply::kind::text;
    out.text.assign(r->str, r->len);
    break;
  case REDIS_REPLY_ERROR:
    out.type = redis_reply::kind::error;
    out.text.assign(r->str, r->len);
    break;
  case REDIS_REPLY_ARRAY:
    out.type = redis_reply::kind::array;
    for (std::size_t i = 0; i < r->elements; ++i) {
      const auto* e = r->element[i];
      if (e->type == REDIS_REPLY_INTEGER) out.elements.push_back(std::to_string(e->integer));
      else if (e->str) out.elements.emplace_back(e->str, e->len);
      else out.elements.emplace_back();
    }
    break;
  default:
    break;
  }
  return out;
}

redis_reply unreachable() {
  redis_reply r;
  r.type = redis_reply::kind::error;
  r.text = "redis unreachable";
  return r;
}

struct context_deleter {
  void operator()(redisContext* c) const { redisFree(c); }
};
using context_ptr = std::unique_ptr<redisContext, context_deleter>;
struct reply_deleter {
  void operator()(redisReply* r) const { freeReplyObject(r); }
};
using reply_ptr = std::unique_ptr<redisReply, reply_deleter>;

reply_ptr run(redisContext* c, const std::vector<std::string>& argv) {
  std::vector<const char*> ptrs;
  std::vector<std::size_t> lens;
  for (const auto& a : argv) {
    ptrs.push_back(a.data());
    lens.push_back(a.size());
  }
  return reply_ptr(static_cast<redisReply*>(redisCommandArgv(c, static_cast<int>(argv.size()), ptrs.data(), lens.data())));
}

// A connected, authenticated context with the right database selected, or null (logged once per
// change of error text by the caller).
context_ptr open(const endpoint& e, std::string& error) {
  const timeval connect_timeout{1, 0};
  context_ptr c(redisConnectWithTimeout(e.host.c_str(), e.port, connect_timeout));
  if (!c || c->err) {
    error = c ? c->errstr : "cannot allocate a redis context";
    return nullptr;
  }
  const timeval io_timeout{2, 0};
  redisSetTimeout(c.get(), io_timeout);
  redisEnableKeepAlive(c.get());
  auto check = [&](reply_ptr r, const char* what) {
    if (r && r->type != REDIS_REPLY_ERROR) return true;
    error = std::string(what) + ": " + (r ? std::string(r->str, r->len) : std::string(c->errstr));
    return false;
  };
  if (!e.password.empty()) {
    std::vector<std::string> auth{"AUTH"};
    if (!e.user.empty()) auth.push_back(e.user);
    auth.push_back(e.password);
    if (!check(run(c.get(), auth), "AUTH")) return nullptr;
  }
  if (e.db != 0 && !check(run(c.get(), {"SELECT", std::to_string(e.db)}), "SELECT")) return nullptr;
  return c;
}

class redis_bus_impl final : public redis_bus {
public:
  redis_bus_impl(boost::asio::any_io_executor ex, endpoint e, std::string node_id)
      : ex_(std::move(ex)), endpoint_(std::move(e)), node_id_(std::move(node_id)) {}
  ~redis_bus_impl() override { stop(); }

  void publish(message m) override {
    if (!stopping_) {
      std::string wire;
      wire.reserve(node_id_.size() + m.topic.size() + m.event.size() + m.payload.size() + 3);
      wire.append(node_id_).append(1, '\n').append(m.topic).append(1, '\n').append(m.event).append(1, '\n').append(m.payload);
      enqueue({"PUBLISH", channel, std::move(wire)}, nullptr);
    }
    boost::asio::post(ex_, [this, m = std::move(m)] { deliver(m); });
  }

  void subscribe(handler h) override {
    handlers_.push_back(std::move(h));
    start();
  }

  void command(std::vector<std::string> argv, reply_handler done) override {
    start();
    enqueue(std::move(argv), std::move(done));
  }

  void on_link(link_handler h) override { link_handlers_.push_back(std::move(h)); }
  bool linked() const override { return linked_; }
  const std::string& node_id() const override { return node_id_; }

  void stop() override {
    {
      std::lock_guard lock(mutex_);
      if (stopping_) return;
      stopping_ = true;
    }
    wake_.notify_all();
    pause_.notify_all();
    if (subscriber_.joinable()) subscriber_.join();
    if (commander_.joinable()) commander_.join();
  }

private:
  struct job {
    std::vector<std::string> argv;
    reply_handler done;
  };

  void start() {
    std::lock_guard lock(mutex_);
    if (started_ || stopping_) return;
    started_ = true;
    subscriber_ = std::thread([this] { subscriber_loop(); });
    commander_ = std::thread([this] { command_loop(); });
  }

  void deliver(const message& m) {
    for (const auto& h : handlers_) h(m);
  }

  void enqueue(std::vector<std::string> argv, reply_handler done) {
    bool dropped = false;
    {
      std::lock_guard lock(mutex_);
      if (!stopping_ && commands_up_ && queue_.size() < max_queue) queue_.push_back({std::move(argv), std::move(done)});
      else dropped = true;
    }
    if (dropped) {
      if (done) boost::asio::post(ex_, [done = std::move(done)] { done(unreachable()); });
      return;
    }
    wake_.notify_one();
  }

  // Sleeps up to `d`, waking early on stop. False when stopping.
  bool pause(std::chrono::milliseconds d) {
    std::unique_lock lock(mutex_);
    pause_.wait_for(lock, d, [this] { return stopping_.load(); });
    return !stopping_;
  }

  static std::chrono::milliseconds next_backoff(std::chrono::milliseconds b) { return std::min(max_backoff, b * 2); }

  void command_loop() {
    auto backoff = 100ms;
    std::string last_error;
    while (!stopping_) {
      std::string error;
      auto c = open(endpoint_, error);
      if (!c) {
        if (error != last_error) spdlog::warn("redis (commands): {}; retrying", error);
        last_error = error;
        if (!pause(backoff)) break;
        backoff = next_backoff(backoff);
        continue;
      }
      if (!last_error.empty()) spdlog::info("redis (commands): connected again");
      last_error.clear();
      backoff = 100ms;
      {
        std::lock_guard lock(mutex_);
        commands_up_ = true;
      }
      for (;;) {
        job j;
        {
          std::unique_lock lock(mutex_);
          wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
          if (queue_.empty()) break; // stopping, everything sent (what stop's caller queued goes out)
          j = std::move(queue_.front());
          queue_.pop_front();
        }
        auto r = run(c.get(), j.argv);
        if (!r) { // the connection broke: fail this and everything queued, then reconnect
          spdlog::warn("redis (commands): {}; reconnecting", c->errstr);
          last_error = c->errstr;
          fail_queued(std::move(j));
          break;
        }
        if (j.done) boost::asio::post(ex_, [done = std::move(j.done), reply = to_reply(r.get())] { done(reply); });
      }
    }
    fail_queued({});
  }

  bool commands_ready() {
    std::lock_guard lock(mutex_);
    return commands_up_;
  }

  void fail_queued(job first) {
    std::deque<job> failed;
    {
      std::lock_guard lock(mutex_);
      commands_up_ = false;
      failed.swap(queue_);
    }
    if (first.done) failed.push_front(std::move(first));
    for (auto& j : failed)
      if (j.done) boost::asio::post(ex_, [done = std::move(j.done)] { done(unreachable()); });
  }

  void set_linked(bool up) {
    if (linked_ == up) return;
    linked_ = up;
    const bool again = up && ever_linked_;
    if (up) ever_linked_ = true;
    boost::asio::post(ex_, [this, up, again] {
      for (const auto& h : link_handlers_) h(up);
      if (again) deliver({"bus", "reconnected", "{}"});
    });
  }

  // One received pub/sub frame: ["message", channel, data] or a subscribe/pong confirmation.
  void on_frame(const redisReply* r) {
    if (!r || r->type != REDIS_REPLY_ARRAY || r->elements < 3) return;
    const auto* kind = r->element[0];
    const auto* data = r->element[2];
    if (!kind->str || std::string_view(kind->str, kind->len) != "message" || !data->str) return;
    std::string_view wire(data->str, data->len);
    std::size_t a = wire.find('\n'), b, c;
    if (a == std::string_view::npos || (b = wire.find('\n', a + 1)) == std::string_view::npos ||
        (c = wire.find('\n', b + 1)) == std::string_view::npos)
      return;
    if (wire.substr(0, a) == node_id_) return; // our own echo: delivered locally already
    message m{std::string(wire.substr(a + 1, b - a - 1)), std::string(wire.substr(b + 1, c - b - 1)), std::string(wire.substr(c + 1))};
    boost::asio::post(ex_, [this, m = std::move(m)] { deliver(m); });
  }

  // Reads frames until the connection breaks or stop. True when it broke (reconnect).
  bool read_frames(redisContext* c) {
    auto last_data = steady::now();
    bool pinged = false;
    while (!stopping_) {
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

  void subscriber_loop() {
    auto backoff = 100ms;
    std::string last_error;
    while (!stopping_) {
      std::string error;
      auto c = open(endpoint_, error);
      reply_ptr sub;
      if (c) {
        sub = run(c.get(), {"SUBSCRIBE", channel});
        if (!sub || sub->type == REDIS_REPLY_ERROR) {
          error = sub ? std::string(sub->str, sub->len) : std::string(c->errstr);
          c.reset();
        }
      }
      if (!c) {
        if (error != last_error) spdlog::warn("redis (subscriber): {}; retrying", error);
        last_error = error;
        if (!pause(backoff)) break;
        backoff = next_backoff(backoff);
        continue;
      }
      // Linked means both connections work: what a link handler publishes on `up` gets through.
      for (int i = 0; i < 40 && !commands_ready() && !stopping_; ++i) pause(50ms);
      if (!last_error.empty() || ever_linked_) spdlog::info("redis: subscribed again");
      last_error.clear();
      backoff = 100ms;
      set_linked(true);
      const bool broke = read_frames(c.get());
      set_linked(false);
      if (broke) {
        last_error = c->err ? c->errstr : "connection lost";
        spdlog::warn("redis (subscriber): {}; reconnecting", last_error);
      }
    }
  }

  boost::asio::any_io_executor ex_;
  const endpoint endpoint_;
  const std::string node_id_;
  std::vector<handler> handlers_;           // executor only (set before start)
  std::vector<link_handler> link_handlers_; // executor only (set before start)

  std::mutex mutex_;
  std::condition_variable wake_;  // the command thread: work or stop
  std::condition_variable pause_; // backoff sleeps: stop
  std::deque<job> queue_;
  bool started_ = false;
  bool commands_up_ = false;
  std::atomic<bool> stopping_{false};
  std::atomic<bool> linked_{false};
  bool ever_linked_ = false; // subscriber thread only
  std::thread subscriber_, commander_;
};

} // namespace

std::unique_ptr<redis_bus> create_redis_bus(boost::asio::any_io_executor ex, const std::string& url, std::string node_id) {
  return std::make_unique<redis_bus_impl>(std::move(ex), parse_url(url), std::move(node_id));
}

} // namespace mm::bus
