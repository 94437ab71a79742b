#pragma once
// Voluntary Application Server Identification (RFC 8292): the server's P-256 key, kept in a PEM
// file, and the `Authorization: vapid t=<JWT>, k=<key>` header it signs for each push service.
#include "domain/error.hpp"
#include "domain/time.hpp"
#include "push/p256.hpp"

#include <chrono>
#include <filesystem>
#include <string>
#include <string_view>

namespace mm::push {

// How far ahead a token's `exp` is: API.md allows at most 12 hours; five minutes less leaves room
// for a push service whose clock runs ahead of ours.
inline constexpr std::chrono::seconds vapid_token_lifetime = std::chrono::hours(12) - std::chrono::minutes(5);
inline constexpr std::string_view default_vapid_subject = "mailto:admin@localhost";

// `sub` must be a mailto: or https: URI (RFC 8292 section 2.1); validation_failed otherwise.
domain::outcome<std::string> check_vapid_subject(std::string_view subject);

class vapid_key {
public:
  // The key in the PEM file at `path`. When the file does not exist it is created with a fresh
  // key, mode 0600, without replacing a file another process created meanwhile (so every node
  // that shares the file ends up with the same key). Throws std::runtime_error, with a message
  // naming the file for the operator, when it exists but cannot be read, holds no P-256 private
  // key, or cannot be created.
  static vapid_key load_or_create(const std::filesystem::path& path);

  explicit vapid_key(p256_key key);

  const p256_key& key() const noexcept { return key_; }
  // base64url of the 65-octet public point: API.md's `publicKey` and the `k=` parameter.
  const std::string& public_key() const noexcept { return public_key_; }

  // The ES256 JWT (RFC 7519, RFC 8292 section 2) with header {"typ":"JWT","alg":"ES256"} and
  // claims {"aud": audience, "exp": now + vapid_token_lifetime (seconds), "sub": subject}.
  std::string token(std::string_view audience, std::string_view subject, domain::time_point now) const;
  // "vapid t=<token>, k=<public_key>" (RFC 8292 section 3).
  std::string authorization(std::string_view audience, std::string_view subject, domain::time_point now) const;

private:
  p256_key key_;
  std::string public_key_;
};

} // namespace mm::push
