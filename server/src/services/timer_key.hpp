#pragma once
// The names of the deadlines the services arm (services/timers.hpp): one small type per kind,
// with one encode and one parse. Arming a key again replaces its timer, so each deadline has at
// most one timer per node.
//
// Adding a kind (v2: a match ticket's timeout, a schedule's reminder and start) is: a struct
// here, its place in `timer_key`, one line in encode and one in parse (timer_key.cpp), and what
// follow_deadlines arms for it (deadlines.cpp).
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace mm::services {

// "expire:<roomId>": a pending invitation's lifetime ends.
struct expiry_key {
  std::string room_id;
  bool operator==(const expiry_key&) const = default;
};
// "grace:<roomId>": an accepted or in-progress room is abandoned unless both are in it.
struct grace_key {
  std::string room_id;
  bool operator==(const grace_key&) const = default;
};

using timer_key = std::variant<expiry_key, grace_key>;

std::string encode(const timer_key& k);
// The key `encode` wrote; nullopt for anything else.
std::optional<timer_key> parse_timer_key(std::string_view text);

} // namespace mm::services
