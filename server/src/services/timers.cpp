#include "services/timers.hpp"

#include <boost/asio/steady_timer.hpp>

namespace mm::services {

struct timers::entry {
  explicit entry(const boost::asio::any_io_executor& ex) : timer(ex) {}
  boost::asio::steady_timer timer;
};

timers::~timers() { cancel_all(); }

void timers::arm(const std::string& key, domain::time_point at, std::function<void()> fn) {
  cancel(key);
  auto e = std::make_shared<entry>(ex_);
  const auto delay = std::max(domain::milliseconds{0}, at - clock_.now());
  e->timer.expires_after(delay);
  pending_[key] = e;
  e->timer.async_wait([this, key, e, fn = std::move(fn)](const boost::system::error_code& ec) {
    if (ec) return; // cancelled
    auto it = pending_.find(key);
    if (it != pending_.end() && it->second == e) pending_.erase(it);
    fn();
  });
}

void timers::cancel(const std::string& key) {
  auto it = pending_.find(key);
  if (it == pending_.end()) return;
  it->second->timer.cancel();
  pending_.erase(it);
}

void timers::cancel_all() {
  for (auto& [key, e] : pending_) e->timer.cancel();
  pending_.clear();
}

} // namespace mm::services
