#pragma once
// Reading credentials and the Origin policy off a request; shared by the JSON API and the
// Socket.IO handshake so both apply the same rules.
#include "net/message.hpp"

#include <optional>
#include <string>
#include <vector>

namespace mm::net {

// The token of "Authorization: Bearer <token>", if any.
std::optional<std::string> bearer_token(const request& req);
// The value of cookie `name` in the Cookie header(s), if any.
std::optional<std::string> cookie_value(const request& req, std::string_view name);
// True when the request carries no Origin, or its Origin is the server's own (the scheme and
// Host the request came to) or one of `allowed` (exact match, e.g. "https://app.example.com").
// "null" and look-alike hosts are refused.
bool origin_allowed(const request& req, const std::vector<std::string>& allowed);

} // namespace mm::net
