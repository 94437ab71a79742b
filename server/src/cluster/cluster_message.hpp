#pragma once
// What the nodes tell each other on bus::cluster_topic (docs/decisions/0004-redis-bus.md), one
// type per message, with one encode (to_message) and one parse. Payloads are JSON objects whose
// "node" is the sender:
//   on {user}, off {user}   the user's presence on the sender began / ended (after the grace)
//   state {users}           the sender's users, all of them
//   hello                   the sender (re)linked: everyone answers with state
//   sync {target}           the sender's view of `target` differs from target's heartbeat
//   hb {digest}             every second: peer_view::digest of the sender's users
//   dead {dead}             the sender claimed the node `dead` (its lease expired)
//   bye                     the sender stops gracefully
// And on bus::place_taken_topic: place-taken {node, at} (a socket on `node` took the place at
// `at`, milliseconds since the epoch).
#include "bus/bus.hpp"
#include "cluster/membership.hpp"

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace mm::cluster {

struct user_online {
  std::string node, user;
  bool operator==(const user_online&) const = default;
};
struct user_offline {
  std::string node, user;
  bool operator==(const user_offline&) const = default;
};
struct node_state {
  std::string node;
  std::vector<std::string> users;
  bool operator==(const node_state&) const = default;
};
struct hello {
  std::string node;
  bool operator==(const hello&) const = default;
};
struct sync_request {
  std::string node, target;
  bool operator==(const sync_request&) const = default;
};
struct heartbeat {
  std::string node, digest;
  bool operator==(const heartbeat&) const = default;
};
struct node_dead {
  std::string node, dead;
  bool operator==(const node_dead&) const = default;
};
struct goodbye {
  std::string node;
  bool operator==(const goodbye&) const = default;
};

using cluster_message = std::variant<user_online, user_offline, node_state, hello, sync_request, heartbeat, node_dead, goodbye>;

bus::message to_message(const cluster_message& m);
// nullopt when `m` is not on the cluster topic or not a well-formed message (no sender, a
// missing field, an unknown event).
std::optional<cluster_message> parse_cluster_message(const bus::message& m);
// The node that sent it.
const std::string& sender(const cluster_message& m);

struct place_taken {
  place where;
  std::string node;
  domain::time_point at;
  bool operator==(const place_taken&) const = default;
};

bus::message to_message(const place_taken& t);
std::optional<place_taken> parse_place_taken(const bus::message& m);

} // namespace mm::cluster
