#pragma once
// One bus message as it crosses Redis pub/sub (docs/decisions/0004-redis-bus.md): on the one
// channel "mockmate:bus",
//   <origin node id> LF <topic> LF <event> LF <payload JSON>
// Node ids, topics (bus/topic.hpp) and events never contain LF; the payload may.
#include "bus/bus.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace mm::bus {

inline constexpr const char* redis_channel = "mockmate:bus";

struct redis_frame {
  std::string origin; // the node that published it
  message m;
};

std::string encode_frame(std::string_view origin, const message& m);
// nullopt for data that is not a frame (fewer than four fields, an unknown topic).
std::optional<redis_frame> parse_frame(std::string_view data);

} // namespace mm::bus
