#pragma once
// Who is online: a count of live sockets per user on this node, with a grace period after the
// last socket goes (5 s by default) so a page reload does not flap; with --redis, also the users
// other nodes report (the cluster keeps that view fresh from bus messages). is_online is a plain
// read of this local state. Runs on the I/O executor.
#include "realtime/cluster_link.hpp"
#include "services/context.hpp"

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/steady_timer.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace mm::realtime {

class presence_registry final : public services::presence_directory {
public:
  explicit presence_registry(boost::asio::any_io_executor ex, std::chrono::milliseconds offline_grace = std::chrono::seconds{5})
      : ex_(std::move(ex)), grace_(offline_grace) {}

  // Online: a socket is connected here or on another node, or the last one left less than the
  // grace ago.
  bool is_online(const std::string& user_id) const override;
  // A socket of the user connected. True when this makes the user come online (and not merely
  // come back within the grace, nor already online on another node).
  bool connected(const std::string& user_id);
  // A socket of the user closed. When it was the last and none comes back within the grace,
  // `went_offline` runs, unless the user is still online on another node.
  void disconnected(const std::string& user_id, std::function<void()> went_offline);
  std::size_t online_users() const { return users_.size(); }
  void stop();

  // --- with --redis (the cluster) ---
  void attach(cluster_link* cluster) { cluster_ = cluster; }
  cluster_link* cluster() const { return cluster_; }
  // (user, online): the user's presence on this node began, or ended after the grace.
  void on_local_change(std::function<void(const std::string&, bool)> h) { local_change_ = std::move(h); }
  // A user came online or went offline because of another node.
  void on_remote_change(std::function<void(const std::string&)> h) { remote_change_ = std::move(h); }
  std::vector<std::string> local_users() const;
  void remote_add(const std::string& node, const std::string& user);
  void remote_remove(const std::string& node, const std::string& user);
  void remote_replace(const std::string& node, const std::vector<std::string>& users);
  void remote_drop(const std::string& node);
  bool knows_node(const std::string& node) const { return nodes_.count(node) > 0; }
  // Order-free summary of a set of user ids ("<count>:<hex>"), to compare views cheaply.
  static std::string digest(const std::vector<std::string>& users);
  std::string remote_digest(const std::string& node) const;

private:
  struct entry {
    int sockets = 0;
    std::unique_ptr<boost::asio::steady_timer> leaving; // set during the grace
  };
  void remote_flip(const std::string& user, bool was_online);

  boost::asio::any_io_executor ex_;
  std::chrono::milliseconds grace_;
  std::unordered_map<std::string, entry> users_;
  cluster_link* cluster_ = nullptr;
  std::function<void(const std::string&, bool)> local_change_;
  std::function<void(const std::string&)> remote_change_;
  std::unordered_map<std::string, std::unordered_set<std::string>> nodes_; // other node -> its users
  std::unordered_map<std::string, int> remote_;                            // user -> how many other nodes
};

} // namespace mm::realtime
