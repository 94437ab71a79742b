#pragma once
// Random ids and tokens, token digests, and coturn's TURN REST credentials.
#include <optional>
#include <string>
#include <string_view>

namespace mm::services {

// "<prefix>_" + 128 random bits in lower-case hex: unguessable, so a stranger learns nothing.
std::string new_id(std::string_view prefix);
// 256 random bits, base64url without padding: a session token.
std::string new_token();
// Lower-case hex SHA-256: what the store keeps instead of a token.
std::string token_digest(std::string_view token);
// base64url without padding, and back (nullopt for text that is not): opaque cursors.
std::string to_base64url(std::string_view raw);
std::optional<std::string> from_base64url(std::string_view text);
// base64(HMAC-SHA1(secret, username)): coturn's use-auth-secret password.
std::string turn_password(std::string_view secret, std::string_view username);

} // namespace mm::services
