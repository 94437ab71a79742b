#pragma once
// One Engine.IO session: its transport (HTTP long-polling or WebSocket), the upgrade from one
// to the other, the server-driven heartbeat, and one ordered outbox.
//
// All members run on the server's io executor (see docs/decisions/0001-threads.md).
#include "socketio/engine_options.hpp"
#include "socketio/engine_packet.hpp"

#include "net/handler.hpp"
#include "net/message.hpp"

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/steady_timer.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace mm::socketio {

struct engine_registry;

class engine_socket : public std::enable_shared_from_this<engine_socket> {
public:
  enum class transport_kind { polling, websocket };

  engine_socket(std::shared_ptr<engine_registry> registry, std::string id, net::request handshake,
                transport_kind transport);
  ~engine_socket();

  const std::string& id() const noexcept { return id_; }
  // The request that opened the session (its body cleared): headers, query, remote address.
  const net::request& handshake() const noexcept { return *handshake_; }
  // The same, shareable (Socket.IO sockets keep it without copying).
  const std::shared_ptr<const net::request>& handshake_ptr() const noexcept { return handshake_; }
  transport_kind transport() const noexcept { return transport_; }
  bool is_open() const noexcept { return state_ == state::open; }

  // What the layer above receives. Set them in the server's on_connection callback. After
  // on_close (called once, with the reason: "transport close", "transport error",
  // "ping timeout", "parse error", "forced close", "server shutting down") both are cleared.
  std::function<void(std::string_view data, bool binary)> on_message;
  std::function<void(std::string_view reason)> on_close;

  // Queues a message: `frame.data` is the complete text packet ("4...") or, when
  // `frame.binary`, the raw bytes. Shared, not copied. Ignored once closing.
  void send(engine_frame frame);
  // Convenience: sends the text message "4<text>".
  void send_text(std::string_view text);

  // Closes the session after what is queued has been delivered. on_close runs now, with
  // "forced close". `ws_code` is the WebSocket close code used on a WebSocket transport.
  void close(std::uint16_t ws_code = net::close_code::normal);

  // Transport entry points, used by engine_server.
  boost::asio::awaitable<net::response> handle_poll(const net::request& req);
  net::response handle_post(const net::request& req);
  std::shared_ptr<net::websocket_handler> attach_websocket(std::shared_ptr<net::websocket_connection> ws);
  std::shared_ptr<net::websocket_handler> begin_upgrade(std::shared_ptr<net::websocket_connection> ws);
  bool can_upgrade() const noexcept;
  // True while a WebSocket probes an upgrade and once the session is on WebSocket (opened there
  // or upgraded): no other WebSocket can join it.
  bool has_websocket() const noexcept;

  // Starts the heartbeat; called once by the server after on_connection.
  void start();
  // True when, by the clock, the session has missed its heartbeat although its timer may not
  // have run yet (a busy server): a ping unanswered for ping_timeout, a polling client that has
  // not fetched a ping for ping_timeout after it was due, or a ping overdue by ping_timeout.
  bool heartbeat_expired() const noexcept;
  // Ends the session at once with `reason` (an error or a server shutdown): a waiting poll gets
  // the close packet, a WebSocket is closed with `ws_code`.
  void abort(std::string_view reason, std::uint16_t ws_code = net::close_code::normal);

private:
  enum class state { open, closing, closed };
  struct poll_waiter;
  class ws_handler;

  void on_packet(const engine_packet& p);
  void on_ws_message(net::websocket_connection* from, std::string_view data, bool binary);
  void on_ws_close(net::websocket_connection* from);
  void finish_upgrade();
  void cancel_upgrade();
  void flush_poll();
  void answer_poll(std::string body);
  void arm_heartbeat(std::chrono::milliseconds after);
  void arm_heartbeat_at(std::chrono::steady_clock::time_point when);
  void arm_upgrade_check(std::chrono::milliseconds after);
  void on_heartbeat();
  void notify_closed(std::string_view reason);
  void unregister();

  std::shared_ptr<engine_registry> registry_;
  std::string id_;
  std::shared_ptr<const net::request> handshake_;
  transport_kind transport_;
  state state_ = state::open;
  std::vector<engine_frame> outbox_; // polling only (and WebSocket frames held during an upgrade)
  std::size_t outbox_bytes_ = 0;
  std::shared_ptr<poll_waiter> waiting_poll_;
  std::shared_ptr<net::websocket_connection> ws_;    // the WebSocket transport
  std::shared_ptr<net::websocket_connection> probe_; // a WebSocket trying to upgrade
  bool probed_ = false;
  bool upgraded_ = false;
  boost::asio::steady_timer heartbeat_;
  std::unique_ptr<boost::asio::steady_timer> upgrade_timer_; // only while a polling session probes an upgrade
  std::chrono::steady_clock::time_point upgrade_deadline_{};
  std::uint64_t heartbeat_generation_ = 0;
  bool awaiting_pong_ = false;
  std::chrono::steady_clock::time_point pong_deadline_{};
  std::chrono::steady_clock::time_point ping_due_{};
};

} // namespace mm::socketio
