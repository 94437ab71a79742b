#include "realtime/presence_registry.hpp"

#include <cstdio>

namespace mm::realtime {

bool presence_registry::is_online(const std::string& user_id) const {
  return users_.count(user_id) > 0 || remote_.count(user_id) > 0;
}

bool presence_registry::connected(const std::string& user_id) {
  auto [it, fresh] = users_.try_emplace(user_id);
  auto& e = it->second;
  ++e.sockets;
  if (e.leaving) {
    e.leaving->cancel();
    e.leaving.reset();
  }
  if (fresh && local_change_) local_change_(user_id, true);
  return fresh && remote_.count(user_id) == 0;
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
    if (local_change_) local_change_(user_id, false);
    if (remote_.count(user_id) == 0) went_offline();
  });
}

void presence_registry::stop() {
  for (auto& [id, e] : users_)
    if (e.leaving) e.leaving->cancel();
}

std::vector<std::string> presence_registry::local_users() const {
  std::vector<std::string> out;
  out.reserve(users_.size());
  for (const auto& [id, e] : users_) out.push_back(id);
  return out;
}

void presence_registry::remote_flip(const std::string& user, bool was_online) {
  if (was_online != is_online(user) && remote_change_) remote_change_(user);
}

void presence_registry::remote_add(const std::string& node, const std::string& user) {
  if (!nodes_[node].insert(user).second) return;
  const bool was = is_online(user);
  ++remote_[user];
  remote_flip(user, was);
}

void presence_registry::remote_remove(const std::string& node, const std::string& user) {
  auto n = nodes_.find(node);
  if (n == nodes_.end() || n->second.erase(user) == 0) return;
  const bool was = is_online(user);
  if (auto it = remote_.find(user); it != remote_.end() && --it->second <= 0) remote_.erase(it);
  remote_flip(user, was);
}

void presence_registry::remote_replace(const std::string& node, const std::vector<std::string>& users) {
  const std::unordered_set<std::string> next(users.begin(), users.end());
  std::vector<std::string> gone;
  for (const auto& u : nodes_[node])
    if (!next.count(u)) gone.push_back(u);
  for (const auto& u : gone) remote_remove(node, u);
  for (const auto& u : next) remote_add(node, u);
}

void presence_registry::remote_drop(const std::string& node) {
  auto n = nodes_.find(node);
  if (n == nodes_.end()) return;
  const std::vector<std::string> users(n->second.begin(), n->second.end());
  for (const auto& u : users) remote_remove(node, u);
  nodes_.erase(node);
}

std::string presence_registry::digest(const std::vector<std::string>& users) {
  std::uint64_t sum = 0;
  for (const auto& u : users) {
    std::uint64_t h = 1469598103934665603ull; // FNV-1a
    for (unsigned char c : u) h = (h ^ c) * 1099511628211ull;
    sum += h;
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(sum));
  return std::to_string(users.size()) + ":" + hex;
}

std::string presence_registry::remote_digest(const std::string& node) const {
  auto n = nodes_.find(node);
  if (n == nodes_.end()) return digest({});
  return digest(std::vector<std::string>(n->second.begin(), n->second.end()));
}

} // namespace mm::realtime
