#pragma once
// socketio::socket: one client's connection to one namespace, with a Node-like API.
//
// All members must be called on the io executor that runs the server.
#include "socketio/ack.hpp"
#include "socketio/handshake.hpp"
#include "socketio/message.hpp"

#include <boost/asio/steady_timer.hpp>
#include <boost/system/error_code.hpp>

#include <any>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace mm::socketio {

class client;
class nsp;
struct decoded_packet;

class socket : public std::enable_shared_from_this<socket> {
public:
  using event_handler = std::function<void(message msg, ack reply)>;
  // For emit_with_ack: called once, with the client's answer, or with error::timed_out or
  // error::disconnected (and an empty message).
  using ack_callback = std::function<void(boost::system::error_code ec, message reply)>;

  socket(nsp& space, std::shared_ptr<client> owner, std::string id, handshake_info handshake,
         boost::asio::any_io_executor executor);
  ~socket();
  socket(const socket&) = delete;
  socket& operator=(const socket&) = delete;

  // Random, unique while connected; not the Engine.IO session id.
  const std::string& id() const noexcept { return id_; }
  nsp& space() const noexcept { return *nsp_; }
  const handshake_info& handshake() const noexcept { return handshake_; }
  bool connected() const noexcept { return connected_; }

  // The user this socket belongs to, set by the application (e.g. by its auth middleware).
  // Indexed by the namespace: see nsp::disconnect_user.
  const std::string& user_id() const noexcept { return user_id_; }
  void set_user_id(std::string user_id);
  // Anything else the application wants to keep with the socket.
  std::any data;

  // Handles event `name` on this socket; takes precedence over nsp::on. Events nobody handles
  // go to nsp::on_unhandled, or are ignored. A handler exception is logged and otherwise ignored. Handlers are dropped on
  // disconnect, so capturing this socket's shared_ptr in them does not leak.
  void on(std::string name, event_handler handler);
  // Called once when the socket leaves: "client namespace disconnect", "server namespace
  // disconnect", "transport close", "transport error", "ping timeout", "parse error",
  // "forced close", "server shutting down".
  void on_disconnect(std::function<void(std::string_view reason)> handler);

  // Sends event `name` with `args` (and binary `attachments`). False, and nothing sent, when
  // disconnected or `name` is reserved ("connect", "disconnect", ...).
  bool emit(std::string_view name, boost::json::array args = {}, std::vector<std::string> attachments = {});
  // Same, asking for an acknowledgement within `timeout`.
  bool emit_with_ack(std::string_view name, boost::json::array args, ack_callback callback,
                     std::chrono::milliseconds timeout, std::vector<std::string> attachments = {});
  // Sends a packet encoded once for many sockets (nsp::encode); it must be for this namespace.
  void send_encoded(const encoded_packet& packet);
  void send_encoded(std::shared_ptr<const std::string> text);

  // Rooms of this namespace. Joining twice or leaving a room not joined is harmless.
  void join(std::string room);
  void leave(const std::string& room);
  bool in(const std::string& room) const { return rooms_.contains(room); }
  const std::unordered_set<std::string>& rooms() const noexcept { return rooms_; }

  // Leaves the namespace: sends DISCONNECT to the client, runs on_disconnect with "server
  // namespace disconnect". With `close_connection`, the whole connection (every namespace) closes
  // too, after what is queued is delivered.
  void disconnect(bool close_connection = false);

  // Used by the connection that owns this socket.
  void receive(decoded_packet packet);
  void detach(std::string_view reason);

private:
  friend class ack;
  friend class client; // marks the socket connected once the CONNECT is acknowledged
  struct pending_ack {
    ack_callback callback;
    std::unique_ptr<boost::asio::steady_timer> timer;
  };
  void send_ack(std::uint64_t id, boost::json::array args, std::vector<std::string> attachments);
  void dispatch(decoded_packet packet);
  void resolve_ack(decoded_packet packet);

  nsp* nsp_;
  std::shared_ptr<client> client_;
  boost::asio::any_io_executor executor_;
  std::string id_;
  handshake_info handshake_;
  std::string user_id_;
  bool connected_ = false;
  std::unordered_map<std::string, event_handler> handlers_;
  std::function<void(std::string_view)> on_disconnect_;
  std::unordered_set<std::string> rooms_;
  std::unordered_map<std::uint64_t, pending_ack> acks_;
  std::uint64_t next_ack_id_ = 0;
};

} // namespace mm::socketio
