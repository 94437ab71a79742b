#pragma once
// base64url (RFC 4648 section 5), as Web Push writes keys, salts and JWT parts.
#include <optional>
#include <string>
#include <string_view>

namespace mm::push {

// Without padding (what JWTs and the VAPID `k=` parameter use).
std::string base64url_encode(std::string_view bytes);
// Accepts the text with or without '=' padding (browsers send both); nullopt for any other
// character, a misplaced '=', a length that no encoding has, or non-zero trailing bits.
std::optional<std::string> base64url_decode(std::string_view text);

} // namespace mm::push
