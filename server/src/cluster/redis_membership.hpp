#pragma once
// The membership of a node among several sharing one Redis (docs/decisions/0004-redis-bus.md).
// - Presence: tells the others which users are online here (cluster_message: on/off deltas, a
//   full state on request or (re)connection, and a heartbeat each second carrying a digest, so a
//   lost message is noticed and repaired), and keeps peer_view of theirs.
// - Liveness: each tick renews this node's lease and runs the atomic claim (leases.hpp); the one
//   survivor that claims a dead node announces it and gives up its places (place_orphaned). A
//   node taken for dead notices, re-registers and takes its places again (place_reclaimed).
// - Places: a take here is stamped (clock, node) and published; a node holding the same place
//   with an older stamp lets it go (place_lost). Two simultaneous takes order by (at, node).
// I/O executor only; Redis work goes through the bus's command thread.
#include "cluster/cluster_message.hpp"
#include "cluster/leases.hpp"
#include "cluster/membership.hpp"
#include "cluster/peer_view.hpp"

#include <boost/asio/steady_timer.hpp>

#include <map>
#include <memory>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace mm::cluster {

class redis_membership final : public membership {
public:
  redis_membership(boost::asio::any_io_executor ex, bus::redis_bus& bus, const domain::clock& clock);
  ~redis_membership() override;

  const std::string& node_id() const override { return bus_.node_id(); }
  bool shared() const override { return true; }
  void start(membership_events events) override;
  void stop() override;
  void local_presence(const std::string& user, bool online) override;
  bool online_elsewhere(const std::string& user) const override { return view_.online(user); }
  void place_taken(const place& p) override;
  void place_released(const place& p) override;

private:
  using stamp = std::pair<domain::time_point, std::string>; // (when, node): later wins
  void on_cluster(const cluster_message& m);
  void on_place_taken(const cluster::place_taken& t);
  void on_link(bool up);
  void schedule();
  void tick();
  void send(const cluster_message& m);
  void send_state();
  void reregister();
  void take_over(const std::vector<claimed_node>& claimed);
  // Announces the users whose presence elsewhere flipped, unless this node's view holds them.
  void flipped(const std::vector<std::string>& users);
  void forget_node(const std::string& node);

  boost::asio::any_io_executor ex_;
  bus::redis_bus& bus_;
  const domain::clock& clock_;
  leases leases_;
  peer_view view_;
  membership_events events_;
  boost::asio::steady_timer ticker_;
  std::unordered_set<std::string> local_; // users online in this node's own view
  std::map<place, stamp> held_;           // places a socket here holds, and when it took them
  // Released places, still in Redis until their timer fires.
  std::map<place, std::shared_ptr<boost::asio::steady_timer>> releasing_;
  std::unordered_map<std::string, domain::time_point> sync_asked_; // other node -> last "sync" to it
  std::set<std::string> said_bye_; // nodes stopping gracefully: their users leave after the grace
  domain::time_point linked_since_{};
  bool stopping_ = false;
  bool hello_due_ = false;
};

} // namespace mm::cluster
