#pragma once
// One push as the application server asks for it (RFC 8030 section 5), and the HTTP request
// that carries it: headers TTL, Urgency, Topic, Content-Encoding, Content-Type, Authorization.
#include "domain/error.hpp"
#include "domain/time.hpp"
#include "push/endpoint.hpp"
#include "push/subscription.hpp"
#include "push/vapid.hpp"

#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace mm::push {

enum class urgency { very_low, low, normal, high }; // RFC 8030 section 5.3

// "very-low", "low", "normal", "high".
std::string_view header_value(urgency u);

// A Topic (RFC 8030 section 5.4): 1 to 32 characters of the base64url alphabet, else
// validation_failed.
domain::outcome<std::string> check_topic(std::string_view topic);
// A topic for `key` (a room id, say): the first 32 characters of base64url(SHA-256(key)), the
// same on every node and restart, revealing nothing of the key.
std::string derive_topic(std::string_view key);

struct push_message {
  subscription to;
  std::string payload;               // plaintext, at most max_message_plaintext octets
  std::chrono::seconds ttl{0};       // the TTL header of the first try; later tries send what is left
  push::urgency urgency = urgency::normal;
  std::string topic;                 // empty: no Topic header; else passes check_topic
  domain::time_point deadline{};     // no try starts after this: the payload is no longer current
  // When set (from any thread) before the deadline, no further try starts either: the payload was
  // withdrawn (an invitation that closed while its push was being retried). Null: none.
  std::shared_ptr<const std::atomic<bool>> withdrawn;
};

struct http_request {
  std::string target;                                        // "/path?query"
  std::vector<std::pair<std::string, std::string>> headers;  // in this order, Host first
  std::string body;                                          // the aes128gcm message
};

// The POST for `message` to `to` (an endpoint of message.to.endpoint), with `ttl` as the TTL
// header and a VAPID token signed for to.origin at `now`. Encrypts with a fresh ephemeral key.
http_request build_request(const endpoint& to, const push_message& message, std::chrono::seconds ttl,
                           const vapid_key& vapid, std::string_view subject, domain::time_point now);

} // namespace mm::push
