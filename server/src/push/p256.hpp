#pragma once
// P-256 keys for Web Push: the VAPID signing key (ES256, RFC 7518 section 3.4) and the ephemeral
// key of each message (ECDH, RFC 8291 section 3.1). OpenSSL stays behind this header.
#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

struct evp_pkey_st; // OpenSSL's EVP_PKEY

namespace mm::push {

// An uncompressed point: 0x04 || X || Y (SEC 1 section 2.3.3), 65 octets.
using p256_point = std::array<std::uint8_t, 65>;
using es256_signature = std::array<std::uint8_t, 64>; // r || s, 32 octets each
using ecdh_secret = std::array<std::uint8_t, 32>;     // the x coordinate of the shared point

// The point in `bytes` when it is 65 octets, uncompressed, and on the curve; nullopt otherwise.
std::optional<p256_point> parse_p256_point(std::string_view bytes);

inline std::string_view as_bytes(const p256_point& p) { return {reinterpret_cast<const char*>(p.data()), p.size()}; }

// A P-256 private key with its public point. Move-only; const members are safe on any thread.
class p256_key {
public:
  // A fresh key from OpenSSL's CSPRNG. Throws std::runtime_error when OpenSSL fails.
  static p256_key generate();
  // The key whose private scalar is the 32 big-endian octets `scalar` (test vectors); nullopt
  // when the scalar is not in [1, n-1].
  static std::optional<p256_key> from_scalar(std::string_view scalar);
  // The key in a PEM text (PKCS#8 "PRIVATE KEY" or SEC 1 "EC PRIVATE KEY"); nullopt when the
  // text holds no private key or one that is not on P-256.
  static std::optional<p256_key> from_pem(std::string_view pem);

  p256_key(p256_key&&) noexcept;
  p256_key& operator=(p256_key&&) noexcept;
  ~p256_key();

  // PKCS#8 PEM ("-----BEGIN PRIVATE KEY-----"), unencrypted.
  std::string to_pem() const;
  const p256_point& public_point() const noexcept { return public_; }
  // ECDH with `peer` (a point parse_p256_point accepted).
  ecdh_secret ecdh(const p256_point& peer) const;
  // ECDSA over SHA-256 of `data`, in the JOSE form (not DER).
  es256_signature sign_es256(std::string_view data) const;

private:
  p256_key(evp_pkey_st* key, const p256_point& pub) noexcept : key_(key), public_(pub) {}
  evp_pkey_st* key_;
  p256_point public_;
};

// Checks an ES256 JOSE signature of `data` by `pub`: for tests and for a receiver.
bool verify_es256(const p256_point& pub, std::string_view data, const es256_signature& sig);

} // namespace mm::push
