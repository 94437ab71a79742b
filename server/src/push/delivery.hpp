#pragma once
// What became of a push, and the retry rules (RFC 8030 section 8, API.md "Answers"): pure.
#include "domain/time.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace mm::push {

enum class delivery {
  delivered,  // 200, 201 or 202
  gone,       // 404 or 410: the subscription is dead, the caller deletes it
  too_large,  // 413: this payload will never fit
  rejected,   // another 4xx (400, 401, 403...): the push service refused the request as made
  redirected, // 3xx: redirects are never followed
  refused,    // not sent: the endpoint is malformed, plain http or internal, or the Topic is malformed
  tls_failed, // the certificate did not verify, or TLS could not be negotiated: not retried
  failed,     // 429, 5xx, a network error or a timeout on the last try, or no try fitted before the deadline
  dropped,    // not sent: the sender's queue was full or the sender stopped
};

// "delivered", "gone", ...: for logs, metrics and the push-send tool.
std::string_view name(delivery d);

// The class of a push service's answer; nullopt for one that should be tried again (429, 5xx,
// anything outside 2xx-5xx).
std::optional<delivery> classify_status(unsigned status);

// Retry-After (RFC 9110 section 10.2.3): delta-seconds, or an IMF-fixdate such as
// "Sun, 06 Nov 1994 08:49:37 GMT" counted from `now` (a date in the past is 0); nullopt when the
// value is neither.
std::optional<std::chrono::seconds> parse_retry_after(std::string_view value, domain::time_point now);

struct retry_policy {
  int max_attempts = 3;
  std::chrono::milliseconds first_backoff{1000}; // without Retry-After: 1 s, then 2 s, 4 s...
};

// The wait before the next try after `attempts` tries have failed in a retryable way, or nullopt
// to give up: when the tries are used up, or when the wait (Retry-After when the service gave
// one, else the backoff) would end after `deadline`, the time the payload stops being current.
std::optional<std::chrono::milliseconds> next_retry_delay(const retry_policy& policy, int attempts,
                                                           std::optional<std::chrono::seconds> retry_after,
                                                           domain::time_point now, domain::time_point deadline);

} // namespace mm::push
