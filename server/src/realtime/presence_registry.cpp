#include "realtime/presence_registry.hpp"

namespace mm::realtime {

bool presence_registry::is_online(const std::string& user_id) const {
  return users_.count(user_id) > 0 || cluster_.online_elsewhere(user_id);
}

bool presence_registry::has_socket(const std::string& user_id) const {
  const auto it = users_.find(user_id);
  return (it != users_.end() && it->second.sockets > 0) || cluster_.online_elsewhere(user_id);
}

bool presence_registry::connected(const std::string& user_id) {
  auto [it, fresh] = users_.try_emplace(user_id);
  auto& e = it->second;
  ++e.sockets;
  if (e.leaving) {
    e.leaving->cancel();
    e.leaving.reset();
  }
  if (fresh) cluster_.local_presence(user_id, true);
  return fresh && !cluster_.online_elsewhere(user_id);
}

void presence_registry::disconnected(const std::string& user_id, std::function<void()> went_offline) {
  auto it = users_.find(user_id);
  if (it == users_.end() || --it->second.sockets > 0) return;
  auto timer = std::make_unique<boost::asio::steady_timer>(ex_, grace_);
  auto* raw = timer.get();
  it->second.leaving = std::move(timer);
  raw->async_wait([this, user_id, raw, went_offline = std::move(went_offline)](const boost::system::error_code& ec) {
    if (ec) return;
    auto found = users_.find(user_id);
    if (found == users_.end() || found->second.leaving.get() != raw || found->second.sockets > 0) return;
    users_.erase(found);
    cluster_.local_presence(user_id, false);
    if (!cluster_.online_elsewhere(user_id)) went_offline();
  });
}

void presence_registry::stop() {
  for (auto& [id, e] : users_)
    if (e.leaving) e.leaving->cancel();
}

} // namespace mm::realtime
