#include "bus/redis_connection.hpp"

#include <algorithm>

namespace mm::bus::detail {

reply_ptr run(redisContext* c, const std::vector<std::string>& argv) {
  std::vector<const char*> ptrs;
  std::vector<std::size_t> lens;
  for (const auto& a : argv) {
    ptrs.push_back(a.data());
    lens.push_back(a.size());
  }
  return reply_ptr(static_cast<redisReply*>(redisCommandArgv(c, static_cast<int>(argv.size()), ptrs.data(), lens.data())));
}

context_ptr open(const redis_endpoint& e, std::string& error) {
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

bool retry_pacing::wait() {
  const auto d = backoff_;
  backoff_ = std::min(most, backoff_ * 2);
  return sleep(d);
}

bool retry_pacing::sleep(std::chrono::milliseconds d) {
  std::unique_lock lock(mutex_);
  wake_.wait_for(lock, d, [this] { return stopping_.load(); });
  return !stopping_;
}

void retry_pacing::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
}

} // namespace mm::bus::detail
