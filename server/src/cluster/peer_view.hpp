#pragma once
// What this node knows of the other nodes: the users each reports online, and when each was
// last heard of. Fed by cluster messages; every change answers the users whose "online on some
// other node" flipped. Plain data, no I/O; times from the clock seam. I/O executor only.
#include "domain/time.hpp"

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace mm::cluster {

class peer_view {
public:
  explicit peer_view(const domain::clock& clock) : clock_(clock) {}

  // Each answers the users that went from online elsewhere to not, or back.
  std::vector<std::string> add(const std::string& node, const std::string& user);
  std::vector<std::string> remove(const std::string& node, const std::string& user);
  std::vector<std::string> replace(const std::string& node, const std::vector<std::string>& users);
  // The node is gone: all of its users leave the view.
  std::vector<std::string> drop(const std::string& node);

  bool online(const std::string& user) const { return remote_.count(user) > 0; }

  // Order-free summary of a set of user ids ("<count>:<hex>", an FNV-1a sum), to compare views
  // cheaply (heartbeats).
  static std::string digest(const std::vector<std::string>& users);
  std::string digest_of(const std::string& node) const;

  // Liveness: `node` spoke now.
  void heard(const std::string& node) { last_heard_[node] = clock_.now(); }
  void forget(const std::string& node) { last_heard_.erase(node); }
  bool heard_of(const std::string& node) const { return last_heard_.count(node) > 0; }
  // The nodes last heard of more than `quiet` ago (they leave the liveness list).
  std::vector<std::string> take_silent(domain::milliseconds quiet);

private:
  bool remove_one(const std::string& node, const std::string& user);

  const domain::clock& clock_;
  std::unordered_map<std::string, std::unordered_set<std::string>> nodes_; // other node -> its users
  std::unordered_map<std::string, int> remote_;                            // user -> on how many other nodes
  std::unordered_map<std::string, domain::time_point> last_heard_;
};

} // namespace mm::cluster
