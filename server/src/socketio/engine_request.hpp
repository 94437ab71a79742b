#pragma once
// Pure parts of the Engine.IO server's request handling: reading the query, the reference
// server's error answers, CORS headers. No I/O.
#include "socketio/engine_options.hpp"

#include "net/message.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace mm::socketio {

// The reference server's error codes, sent as {"code":N,"message":"..."}.
enum class engine_error {
  unknown_transport = 0,   // "Transport unknown"
  unknown_sid = 1,         // "Session ID unknown"
  bad_handshake_method = 2, // "Bad handshake method"
  bad_request = 3,         // "Bad request"
  forbidden = 4,           // "Forbidden"
  unsupported_protocol_version = 5, // "Unsupported protocol version"
};

struct engine_query {
  std::string transport;          // "" when absent
  std::optional<std::string> sid; // absent on a handshake
  std::string eio;                // "" when absent
};

engine_query parse_engine_query(std::string_view query);

// How a request must be answered before any session is touched, in the reference server's
// order: transport (must be an enabled one: "polling" for plain HTTP, "websocket" for an
// upgrade), then for a handshake (no sid) the method (GET) and EIO=4. nullopt: go on.
std::optional<engine_error> check_engine_request(const engine_query& q, std::string_view method, bool upgrade,
                                                 const engine_options& options);

// 400 (403 for forbidden) application/json {"code":N,"message":"..."}; `message` overrides
// the standard one.
net::response engine_error_response(engine_error code, std::string_view message = {});

// Adds the CORS headers `options.allow_origin` grants to `req`'s Origin, if any.
void add_cors_headers(net::response& res, const net::request& req, const engine_options& options);

// The answer to a CORS preflight (OPTIONS) request.
net::response cors_preflight_response(const net::request& req, const engine_options& options);

} // namespace mm::socketio
