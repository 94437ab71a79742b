#include "push/message_encryption.hpp"

#include "push/ece.hpp"

#include <openssl/rand.h>

#include <stdexcept>

namespace mm::push {
namespace {

using namespace std::string_view_literals;

std::string_view view(const auto& array) { return {reinterpret_cast<const char*>(array.data()), array.size()}; }

// IKM = HKDF(salt = auth, ikm = ecdh_secret, info = "WebPush: info\0" || ua_public || as_public, 32).
std::string message_ikm(const ecdh_secret& secret, const std::array<std::uint8_t, 16>& auth,
                        const p256_point& ua_public, const p256_point& as_public) {
  std::string info("WebPush: info\0"sv);
  info += as_bytes(ua_public);
  info += as_bytes(as_public);
  return ece::hkdf_expand(ece::hkdf_extract(view(auth), view(secret)), info, 32);
}

} // namespace

std::string encrypt_message(const subscription_keys& to, std::string_view plaintext) {
  std::string salt(ece::salt_size, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(salt.data()), static_cast<int>(salt.size())) != 1)
    throw std::runtime_error("RAND_bytes failed");
  return encrypt_message(to, plaintext, p256_key::generate(), salt);
}

std::string encrypt_message(const subscription_keys& to, std::string_view plaintext, const p256_key& ephemeral,
                            std::string_view salt) {
  if (plaintext.size() > max_message_plaintext) throw std::invalid_argument("push message plaintext too long");
  const auto ikm = message_ikm(ephemeral.ecdh(to.p256dh), to.auth, to.p256dh, ephemeral.public_point());
  return ece::encrypt(ikm, salt, as_bytes(ephemeral.public_point()), message_record_size, plaintext);
}

std::optional<std::string> decrypt_message(std::string_view body, const p256_key& ua_key,
                                           const std::array<std::uint8_t, 16>& auth) {
  const auto header = ece::parse_header(body);
  if (!header) return std::nullopt;
  const auto as_public = parse_p256_point(header->keyid);
  if (!as_public) return std::nullopt;
  const auto ikm = message_ikm(ua_key.ecdh(*as_public), auth, ua_key.public_point(), *as_public);
  return ece::decrypt(ikm, body);
}

} // namespace mm::push
