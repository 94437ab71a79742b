#pragma once
// What a push needs to know of a browser's PushSubscription, checked as API.md says.
#include "domain/error.hpp"
#include "push/message_encryption.hpp"

#include <string>
#include <string_view>

namespace mm::push {

struct subscription {
  std::string endpoint; // checked with check_endpoint (endpoint.hpp)
  subscription_keys keys;
};

// `p256dh`: base64url, with or without padding, of a 65-octet uncompressed point on P-256;
// `auth`: base64url of 16 octets. Otherwise validation_failed with a message naming
// `keys.p256dh` or `keys.auth`.
domain::outcome<subscription_keys> parse_subscription_keys(std::string_view p256dh, std::string_view auth);

} // namespace mm::push
