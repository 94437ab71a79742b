#pragma once
// A deadline as data on the bus (bus::deadline_topic, event "deadline"): every node arms what
// another node announces, so an invitation expires on time even when the node that sent it dies
// first (the store lets exactly one expiry act). Payload: {"key": "<timer key>", "at": <ms>}.
#include "bus/bus.hpp"
#include "domain/time.hpp"
#include "services/timer_key.hpp"

#include <optional>

namespace mm::services {

struct deadline_notice {
  timer_key key;
  domain::time_point at;
};

bus::message to_message(const deadline_notice& n);
// nullopt when the message is not a well-formed notice.
std::optional<deadline_notice> parse_deadline_notice(const bus::message& m);

} // namespace mm::services
