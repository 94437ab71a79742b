#include "services/timers.hpp"

#include <boost/asio/steady_timer.hpp>

namespace mm::services {

struct timers::entry {
  entry(const boost::asio::any_io_executor& ex, domain::time_point at) : timer(ex), at(at) {}
  boost::asio::steady_timer timer;
  domain::time_point at;
};

timers::~timers() { cancel_all(); }

void timers::arm(const timer_key& key, domain::time_point at, std::function<void()> fn) {
  auto name = encode(key);
  if (auto it = pending_.find(name); it != pending_.end()) {
    if (it->second->at == at) return;
    it->second->timer.cancel();
    pending_.erase(it);
  }
  auto e = std::make_shared<entry>(ex_, at);
  const auto delay = std::max(domain::milliseconds{0}, at - clock_.now());
  e->timer.expires_after(delay);
  pending_[name] = e;
  e->timer.async_wait([this, name = std::move(name), e, fn = std::move(fn)](const boost::system::error_code& ec) {
    if (ec) return; // cancelled
    auto it = pending_.find(name);
    if (it != pending_.end() && it->second == e) pending_.erase(it);
    fn();
  });
}

void timers::cancel(const timer_key& key) {
  auto it = pending_.find(encode(key));
  if (it == pending_.end()) return;
  it->second->timer.cancel();
  pending_.erase(it);
}

void timers::cancel_all() {
  for (auto& [key, e] : pending_) e->timer.cancel();
  pending_.clear();
}

std::optional<domain::time_point> timers::due(const timer_key& key) const {
  auto it = pending_.find(encode(key));
  if (it == pending_.end()) return std::nullopt;
  return it->second->at;
}

} // namespace mm::services
