#include "push/subscription.hpp"

#include "push/base64url.hpp"

#include <algorithm>

namespace mm::push {

domain::outcome<subscription_keys> parse_subscription_keys(std::string_view p256dh, std::string_view auth) {
  subscription_keys keys;
  const auto point_bytes = base64url_decode(p256dh);
  if (!point_bytes) return domain::fail(domain::errc::validation_failed, "keys.p256dh must be base64url");
  const auto point = parse_p256_point(*point_bytes);
  if (!point)
    return domain::fail(domain::errc::validation_failed, "keys.p256dh must be an uncompressed P-256 point (65 bytes)");
  keys.p256dh = *point;
  const auto secret = base64url_decode(auth);
  if (!secret) return domain::fail(domain::errc::validation_failed, "keys.auth must be base64url");
  if (secret->size() != keys.auth.size()) return domain::fail(domain::errc::validation_failed, "keys.auth must be 16 bytes");
  std::copy(secret->begin(), secret->end(), keys.auth.begin());
  return keys;
}

} // namespace mm::push
