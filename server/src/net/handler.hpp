#pragma once
// The seam between net (Beast plumbing) and the layers above it: what a product implements to
// answer HTTP requests and WebSocket upgrades. No Beast here, so product code compiles fast.
//
// Threading: net runs on one io_context driven by one thread. Every member below is called on,
// and must only be called on, that thread (the server's executor). Nothing here is thread-safe.
#include "net/message.hpp"

#include <boost/asio/awaitable.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <variant>

namespace mm::net {

// WebSocket close codes net itself uses (RFC 6455 section 7.4.1).
namespace close_code {
inline constexpr std::uint16_t normal = 1000;
inline constexpr std::uint16_t going_away = 1001;   // server shutting down
inline constexpr std::uint16_t policy = 1008;       // e.g. a peer that does not read its messages
inline constexpr std::uint16_t too_big = 1009;      // message over server_options::websocket_max_message
// Not sent on the wire: close() with it sends a close frame without a status code, which the
// peer reports as 1005.
inline constexpr std::uint16_t no_status = 1005;
} // namespace close_code

// One WebSocket connection as the layers above see it.
class websocket_connection {
public:
  virtual ~websocket_connection() = default;

  // Queues one message on the connection's single write queue. Messages are written whole, one
  // at a time, in call order; `frame` is shared, never copied, so one broadcast's bytes serve
  // every recipient. Queued before the handshake completes, they are written right after it.
  // Ignored once closing. A connection whose queue exceeds server_options::websocket_max_queued
  // bytes is closed with close_code::policy (its peer does not keep up).
  virtual void send(std::shared_ptr<const std::string> frame, bool binary) = 0;

  // Writes what is queued, then the close frame (empty for close_code::no_status, else `code`
  // and `reason`); the socket is torn down when the peer answers or after
  // server_options::websocket_close_timeout. Idempotent.
  virtual void close(std::uint16_t code, std::string_view reason = {}) = 0;

  // False once close() was called or the connection failed.
  virtual bool is_open() const noexcept = 0;
  // Bytes queued and not yet written.
  virtual std::size_t queued_bytes() const noexcept = 0;
  virtual const std::string& remote_address() const noexcept = 0;
};

// Receives what arrives on one accepted WebSocket.
class websocket_handler {
public:
  virtual ~websocket_handler() = default;
  // One complete message. `data` is valid only during the call.
  virtual void on_message(std::string_view data, bool binary) = 0;
  // Called exactly once, when the connection is gone (either side closed, error, or server
  // stop). No on_message follows. net drops its reference to the handler afterwards.
  virtual void on_close() = 0;
};

// An upgrade hook's answer: a response refuses the upgrade (it is sent, then the connection is
// closed); a handler accepts it.
using upgrade_result = std::variant<response, std::shared_ptr<websocket_handler>>;

class handler {
public:
  virtual ~handler() = default;

  // Answers one HTTP request (anything but a WebSocket upgrade). May suspend for a long time
  // (long-polling); the connection waits. An exception becomes a 500 through
  // server_options::error_response and is logged.
  virtual boost::asio::awaitable<response> handle(request req) = 0;

  // Decides on a WebSocket upgrade request. `connection` is the connection-to-be: a handler
  // that accepts may keep it and send() on it at once. The default refuses with 404. net has
  // checked the handshake (version 13, a valid key: else 426/400 without calling this) and
  // answers it itself, so `req` comes without the handshake's own headers (Upgrade,
  // Connection, Sec-WebSocket-Key, -Version, -Extensions).
  virtual boost::asio::awaitable<upgrade_result> upgrade(request req,
                                                         std::shared_ptr<websocket_connection> connection);
};

} // namespace mm::net
