#pragma once
// The Redis keys that say which nodes live and which room places each one's sockets hold, as
// typed commands (docs/decisions/0004-redis-bus.md, "Liveness and room places"):
//   mockmate:nodes              the registered nodes
//   mockmate:alive:<node>       the node's lease (10 s TTL, renewed every tick)
//   mockmate:places:<node>      the places its sockets hold ("<roomId>\n<userId>")
//   mockmate:claimed:<node>     a tombstone (1 h): a survivor claimed the node
// Every call goes through the bus's command thread and answers on the I/O executor. A reply
// that is an error is logged here, except "redis unreachable" (the bus logs the link itself),
// and the callback is not called: the next tick tries again.
#include "bus/redis_bus.hpp"
#include "cluster/membership.hpp"

#include <chrono>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace mm::cluster {

// A node one claim took (its lease had expired; it is removed and tombstoned), and its places
// that no live node holds.
struct claimed_node {
  std::string node;
  std::vector<place> orphaned;
};

class leases {
public:
  static constexpr std::chrono::milliseconds lease_time{10'000};

  leases(bus::redis_bus& bus, std::string node) : bus_(bus), node_(std::move(node)) {}

  // Renews this node's lease and registration. `newly(true)`: the registration was new (first
  // tick, Redis lost its data, or a survivor claimed this node while it was cut off).
  void renew(std::function<void(bool newly)> done);
  // Writes this node's places and registration afresh. `claimed(true)`: a survivor had claimed
  // this node meanwhile (the tombstone is taken away), so the places may have been given up.
  void reregister(const std::set<place>& held, std::function<void(bool claimed)> done);
  void hold(const place& p);
  void release(const place& p);
  // Atomically claims every registered node whose lease expired: exactly one claimer gets each.
  void claim(std::function<void(std::vector<claimed_node>)> done);
  // Ends this node's lease now (graceful stop): a survivor claims it on its next tick.
  void end();

  // A place as the sets hold it, and back (nullopt for anything else).
  static std::string encode(const place& p);
  static std::optional<place> parse(std::string_view member);

private:
  // A reply handler that logs errors (see above) and passes the good replies on.
  bus::redis_bus::reply_handler checked(std::string what, std::function<void(const bus::redis_reply&)> next = nullptr);

  bus::redis_bus& bus_;
  const std::string node_;
};

} // namespace mm::cluster
