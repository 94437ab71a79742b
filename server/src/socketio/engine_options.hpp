#pragma once
// Settings of an Engine.IO server (protocol v4).
#include "net/message.hpp"

#include <chrono>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace mm::socketio {

struct engine_options {
  std::chrono::milliseconds ping_interval{25'000}; // the server pings this long after the last pong
  std::chrono::milliseconds ping_timeout{20'000};  // and closes the session without a pong within this
  std::chrono::milliseconds upgrade_timeout{10'000}; // a probing WebSocket must send "5" within this
  std::size_t max_payload = 1'000'000; // announced; larger POST bodies get 413 and close the session.
                                       // Set net::server_options::websocket_max_message to the same.
  std::size_t max_buffered = 16 * 1024 * 1024; // unsent bytes of a polling session; over it: close
  bool allow_polling = true;
  bool allow_websocket = true;
  bool allow_upgrades = true; // announce and accept polling -> websocket upgrades

  // CORS: when it returns true for a request's Origin, responses carry
  // Access-Control-Allow-Origin: <origin> and Access-Control-Allow-Credentials: true.
  // Empty: no CORS headers (same-origin clients only).
  std::function<bool(std::string_view origin)> allow_origin;

  // Called for each handshake (the first request of a session, polling or WebSocket). An error
  // message refuses it with 403 {"code":4,"message":<message>}. Empty: all allowed.
  std::function<std::optional<std::string>(const net::request&)> allow_request;
};

} // namespace mm::socketio
