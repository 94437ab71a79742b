#pragma once
// Sliding-window rate limits (API.md v2: "At most 30 messages per user in any 10 seconds", "20
// runs per interview in 10 minutes"). Pure: the store reads the times of what was accepted in the
// window, inside the transaction that adds one more, and asks this rule.
#include "domain/error.hpp"
#include "domain/time.hpp"

#include <optional>
#include <span>
#include <string>

namespace mm::domain {

struct rate_window {
  int count = 0;              // at most this many in any `window`; 0: no limit
  milliseconds window{0};
};

// `recent`: when the accepted actions with a time in (now - window, now] happened, oldest first.
// rate_limited with `message` and retry_after_seconds (at least 1: when the oldest action that
// keeps the count at the limit leaves the window) when one more would exceed the limit;
// nothing otherwise.
std::optional<failure> check_rate(std::span<const time_point> recent, const rate_window& limit, time_point now,
                                  std::string message);

} // namespace mm::domain
