#pragma once
// Random ids and tokens, token digests, and coturn's TURN REST credentials.
#include <string>
#include <string_view>

namespace mm::services {

// "<prefix>_" + 128 random bits in lower-case hex: unguessable, so a stranger learns nothing.
std::string new_id(std::string_view prefix);
// 256 random bits, base64url without padding: a session token.
std::string new_token();
// Lower-case hex SHA-256: what the store keeps instead of a token.
std::string token_digest(std::string_view token);
// base64(HMAC-SHA1(secret, username)): coturn's use-auth-secret password.
std::string turn_password(std::string_view secret, std::string_view username);

} // namespace mm::services
