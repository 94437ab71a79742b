#pragma once
// The server's half of the RFC 6455 opening handshake (section 4.2): what a client's upgrade
// request must carry beyond `Upgrade: websocket` / `Connection: Upgrade` (which net checks
// before it gets here), and the 101 response. Pure, but for SHA-1 (OpenSSL).
#include <string>
#include <string_view>

namespace mm::net::websocket {

// True when `key` (Sec-WebSocket-Key) is the base64 encoding of 16 bytes: 22 characters of the
// base64 alphabet, then "==".
bool is_valid_key(std::string_view key) noexcept;

// Sec-WebSocket-Accept for `key`: base64(SHA-1(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")).
std::string accept_value(std::string_view key);

// The complete 101 Switching Protocols response for a valid `key`, with X-Request-Id. It
// selects no subprotocol and no extension (never permessage-deflate).
std::string switching_protocols(std::string_view key, std::string_view request_id);

} // namespace mm::net::websocket
