#pragma once
// Standard base64 (RFC 4648 section 4, with padding), as Engine.IO uses for binary packets in
// polling payloads.
#include <optional>
#include <string>
#include <string_view>

namespace mm::socketio {

std::string base64_encode(std::string_view bytes);
// nullopt unless `text` is well-formed padded base64 (length a multiple of 4).
std::optional<std::string> base64_decode(std::string_view text);

} // namespace mm::socketio
