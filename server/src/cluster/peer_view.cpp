#include "cluster/peer_view.hpp"

#include <cstdint>
#include <cstdio>

namespace mm::cluster {

std::vector<std::string> peer_view::add(const std::string& node, const std::string& user) {
  if (!nodes_[node].insert(user).second) return {};
  if (++remote_[user] == 1) return {user};
  return {};
}

bool peer_view::remove_one(const std::string& node, const std::string& user) {
  auto n = nodes_.find(node);
  if (n == nodes_.end() || n->second.erase(user) == 0) return false;
  auto it = remote_.find(user);
  if (it == remote_.end() || --it->second > 0) return false;
  remote_.erase(it);
  return true;
}

std::vector<std::string> peer_view::remove(const std::string& node, const std::string& user) {
  if (remove_one(node, user)) return {user};
  return {};
}

std::vector<std::string> peer_view::replace(const std::string& node, const std::vector<std::string>& users) {
  const std::unordered_set<std::string> next(users.begin(), users.end());
  std::vector<std::string> gone;
  for (const auto& u : nodes_[node])
    if (!next.count(u)) gone.push_back(u);
  std::vector<std::string> flipped;
  for (const auto& u : gone)
    if (remove_one(node, u)) flipped.push_back(u);
  for (const auto& u : next)
    for (auto& f : add(node, u)) flipped.push_back(std::move(f));
  return flipped;
}

std::vector<std::string> peer_view::drop(const std::string& node) {
  auto n = nodes_.find(node);
  if (n == nodes_.end()) return {};
  const std::vector<std::string> users(n->second.begin(), n->second.end());
  std::vector<std::string> flipped;
  for (const auto& u : users)
    if (remove_one(node, u)) flipped.push_back(u);
  nodes_.erase(node);
  return flipped;
}

std::string peer_view::digest(const std::vector<std::string>& users) {
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

std::string peer_view::digest_of(const std::string& node) const {
  auto n = nodes_.find(node);
  if (n == nodes_.end()) return digest({});
  return digest(std::vector<std::string>(n->second.begin(), n->second.end()));
}

std::vector<std::string> peer_view::take_silent(domain::milliseconds quiet) {
  const auto now = clock_.now();
  std::vector<std::string> out;
  for (const auto& [node, at] : last_heard_)
    if (now - at > quiet) out.push_back(node);
  for (const auto& node : out) last_heard_.erase(node);
  return out;
}

} // namespace mm::cluster
