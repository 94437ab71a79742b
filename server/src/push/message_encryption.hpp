#pragma once
// Message encryption for Web Push (RFC 8291): ECDH between a fresh ephemeral key and the
// subscription's p256dh key, HKDF with the subscription's auth secret, then one aes128gcm record
// (RFC 8188) whose key id is the ephemeral public key.
#include "push/p256.hpp"

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace mm::push {

// The keys a browser's PushSubscription gives (RFC 8291 section 2): its public key and a
// 16-octet authentication secret.
struct subscription_keys {
  p256_point p256dh{};
  std::array<std::uint8_t, 16> auth{};
};

inline constexpr std::uint32_t message_record_size = 4096;
// RFC 8291 section 4: push services need accept no more than 4096 octets of body; the header
// (86), the tag (16) and the delimiter (1) leave this much for the plaintext.
inline constexpr std::size_t max_message_plaintext = 4096 - 86 - 16 - 1;

// The request body for `plaintext` (at most max_message_plaintext octets, else
// std::invalid_argument), with a fresh ephemeral key and salt.
std::string encrypt_message(const subscription_keys& to, std::string_view plaintext);
// The same with the ephemeral key and the salt (16 octets) given: for the RFC's test vector.
std::string encrypt_message(const subscription_keys& to, std::string_view plaintext, const p256_key& ephemeral,
                            std::string_view salt);

// The user agent's side (RFC 8291 section 3.4 in reverse), for tests and receivers: the plaintext,
// or nullopt when the body is not a message to this key and secret.
std::optional<std::string> decrypt_message(std::string_view body, const p256_key& ua_key,
                                           const std::array<std::uint8_t, 16>& auth);

} // namespace mm::push
