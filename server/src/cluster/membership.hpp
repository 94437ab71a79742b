#pragma once
// This node's part in the service: alone (the local membership), or one of several nodes
// sharing one database and one Redis (the Redis membership, --redis; docs/decisions/0004 and
// 0006). What it keeps:
// - presence across nodes: which users are online on the other nodes (this node reports its own);
// - room places across nodes: a user's place moves to the node whose socket took it last, and
//   the places held on a node that died are given up by exactly one survivor;
// - liveness: leases, and the takeover of a dead node.
// Everything runs on the I/O executor; built by create_local_membership or
// create_redis_membership (app/ chooses), started once before the executor runs.
#include "domain/time.hpp"

#include <boost/asio/any_io_executor.hpp>

#include <compare>
#include <functional>
#include <memory>
#include <string>

namespace mm::bus {
class redis_bus;
}

namespace mm::cluster {

// A user's place in an interview room (held by one socket, on one node).
struct place {
  std::string room_id;
  std::string user_id;
  auto operator<=>(const place&) const = default;
};

// What the membership asks of the node it runs in. Each runs on the I/O executor; an empty one is
// not called.
struct membership_events {
  // `user`'s presence changed because of other nodes (came online or went offline there, and
  // this node's own view does not hold them).
  std::function<void(const std::string& user)> remote_presence_changed;
  // A place held on a node that died, held by no live node: give it up as if its socket closed.
  std::function<void(const place& p)> place_orphaned;
  // This node was taken for dead and its places given up meanwhile: take this one again.
  std::function<void(const place& p)> place_reclaimed;
  // A socket on another node took a place a socket here holds: let ours go (it was earlier).
  std::function<void(const place& p)> place_lost;
  // Other nodes died; their deadline timers died with them.
  std::function<void()> nodes_gone;
};

class membership {
public:
  virtual ~membership() = default;

  virtual const std::string& node_id() const = 0;
  // Other nodes may serve the same database: start-up must not mark everyone as gone.
  virtual bool shared() const = 0;
  // Starts taking part; call once, before the executor runs.
  virtual void start(membership_events events) = 0;
  // Graceful stop: the others drop this node's users after their reload grace and give up its
  // places. Call before closing the sockets; stop the bus afterwards (it sends what is queued).
  virtual void stop() = 0;

  // This node's own view of `user` began (true) or ended after the offline grace (false).
  virtual void local_presence(const std::string& user, bool online) = 0;
  // `user` is online on another node.
  virtual bool online_elsewhere(const std::string& user) const = 0;

  // A socket here took `p` (from another tab here or elsewhere): the other nodes let it go.
  virtual void place_taken(const place& p) = 0;
  // No socket here holds `p` any more.
  virtual void place_released(const place& p) = 0;
};

// One node: presence and places are this process's alone; every call is cheap and local.
std::unique_ptr<membership> create_local_membership();
// Several nodes through `bus` (its node id is this node's). Wall-clock times (place stamps,
// when a node was last heard of) come from `clock`.
std::unique_ptr<membership> create_redis_membership(boost::asio::any_io_executor ex, bus::redis_bus& bus,
                                                    const domain::clock& clock);

} // namespace mm::cluster
