#pragma once
// This node's membership in a cluster of nodes sharing one database and one Redis (--redis).
// See docs/decisions/0004-redis-bus.md.
//
// - Presence: tells the others (bus topic "cluster") which users are online here, and keeps
//   presence_registry's view of theirs fresh: deltas ("on"/"off"), a full "state" on request or
//   (re)connection, and a heartbeat each second carrying a digest of the sender's users, so a
//   lost message is noticed and repaired by asking for the sender's state.
// - Liveness: each node refreshes mockmate:alive:<node> (TTL 10 s) and keeps the room places its
//   sockets hold in mockmate:places:<node>. Every node runs one Lua script per tick that claims
//   nodes whose key expired (exactly one claimer: the script is atomic): the claimer announces
//   "dead" (every node drops that node's users, so they go offline) and gives up its places
//   through room_service::left, unless a live node holds the same place.
// Everything runs on the I/O executor; Redis work goes through the bus's command thread.
#include "bus/redis_bus.hpp"
#include "realtime/cluster_link.hpp"
#include "realtime/presence_registry.hpp"
#include "services/service_set.hpp"

#include <boost/asio/steady_timer.hpp>
#include <boost/json/object.hpp>

#include <chrono>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>

namespace mm::realtime {

class cluster_node final : public cluster_link {
public:
  cluster_node(boost::asio::any_io_executor ex, bus::redis_bus& bus, presence_registry& presence, services::service_set& services);
  ~cluster_node() override;

  // Subscribes and starts the heartbeat; call before the executor runs.
  void start();
  // Graceful stop: the others drop this node's users after their grace and take over its places.
  // Call before closing the sockets; stop the bus afterwards (it sends what is queued).
  void stop();

  const std::string& node_id() const override { return bus_.node_id(); }
  void place_held(const std::string& room, const std::string& user) override;
  void place_released(const std::string& room, const std::string& user) override;

private:
  using clock = std::chrono::steady_clock;
  void on_message(const bus::message& m);
  void watch_deadline(const bus::message& m);
  void on_link(bool up);
  void tick();
  void schedule();
  void send(std::string event, boost::json::object fields);
  void send_state();
  void reregister();
  void claim();
  void take_over(const std::vector<std::string>& claimed);

  boost::asio::any_io_executor ex_;
  bus::redis_bus& bus_;
  presence_registry& presence_;
  services::service_set& services_;
  boost::asio::steady_timer ticker_;
  std::set<std::pair<std::string, std::string>> places_; // (room, user) held here
  // Released places, still in Redis until their timer fires.
  std::map<std::pair<std::string, std::string>, std::shared_ptr<boost::asio::steady_timer>> releasing_;
  std::unordered_map<std::string, clock::time_point> last_seen_;     // other node -> last message
  std::unordered_map<std::string, clock::time_point> sync_asked_;    // other node -> last "sync"
  std::set<std::string> said_bye_; // nodes stopping gracefully: their users leave after the grace
  clock::time_point linked_since_{};
  bool stopping_ = false;
  bool hello_due_ = false;
};

} // namespace mm::realtime
