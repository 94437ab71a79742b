#pragma once
// Where a bus message goes: one small type per kind of topic, with one encode (the text that
// crosses Redis) and one parse (back). Messages carry the typed topic, so local delivery never
// parses text; only the Redis bus encodes at its wire and parses what it receives.
//
// Ids (users, rooms) are the server's own ("u_<hex>", "r_<hex>"): they never contain ':'.
//
// Adding a kind (v2: workspaces, chat, runs, matching, schedules) is: a struct here, its place in
// `topic`, one line in encode and one in parse (topic.cpp), and its delivery (realtime's
// delivery.cpp does not compile until every kind has one). Room-scoped client events ("to every
// socket in the room of both participants except the one that sent them") go to the other
// participant's place_topic: a user holds one place per room, so the sender's user has no other
// socket there; server-originated room events go to room_topic. User-scoped events
// (round-started, run-started, match-found, schedule-*) go to user_topic.
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace mm::bus {

// "user:<userId>": every tab of a user.
struct user_topic {
  std::string user_id;
  bool operator==(const user_topic&) const = default;
};
// "room:<roomId>:<userId>": the one socket holding the user's place in the room.
struct place_topic {
  std::string room_id;
  std::string user_id;
  bool operator==(const place_topic&) const = default;
};
// "room:<roomId>": every socket holding a place in the room. The event "room-closed" is not
// sent to them: it tells each node to drop the room's places (the interview ended).
struct room_topic {
  std::string room_id;
  bool operator==(const room_topic&) const = default;
};
// "presence:<userId>": the sockets watching the user's presence.
struct presence_topic {
  std::string user_id;
  bool operator==(const presence_topic&) const = default;
};
// "control:<userId>": the user's sessions changed ("session-revoked" {token hash}), or a block
// hides another user from their presence watches ("presence-hidden" "<other userId>").
struct control_topic {
  std::string user_id;
  bool operator==(const control_topic&) const = default;
};
// "place:<roomId>:<userId>": a socket on some node took the user's place in the room
// ("place-taken" {node, at}); the node that held it before lets it go.
struct place_taken_topic {
  std::string room_id;
  std::string user_id;
  bool operator==(const place_taken_topic&) const = default;
};
// "cluster": the nodes' membership (cluster/cluster_message.hpp).
struct cluster_topic {
  bool operator==(const cluster_topic&) const = default;
};
// "deadline": a deadline every node arms (services/deadline_notice.hpp).
struct deadline_topic {
  bool operator==(const deadline_topic&) const = default;
};
// "bus": what the bus tells its own subscribers ("reconnected"); never crosses nodes.
struct link_topic {
  bool operator==(const link_topic&) const = default;
};

using topic = std::variant<user_topic, place_topic, room_topic, presence_topic, control_topic, place_taken_topic,
                           cluster_topic, deadline_topic, link_topic>;

std::string encode(const topic& t);
// The topic `encode` wrote; nullopt for anything else (an unknown prefix, an empty id).
std::optional<topic> parse_topic(std::string_view text);

} // namespace mm::bus
