#pragma once
// One Socket.IO client over a WebSocket (Engine.IO v4, transport=websocket from the start): binds
// to a chosen loopback source address, answers pings, CONNECTs the default namespace with
// {"token": ...}, emits events with acks and hands received events to a callback. Single-threaded:
// every call and callback runs on the io_context it was made with. Beast stays in client.cpp.
#include <boost/asio/any_io_executor.hpp>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

namespace mm::load {

struct endpoint_config {
  std::string host = "127.0.0.1";
  unsigned short port = 0;
  int source_addresses = 1; // bind to 127.0.0.(1 + index % this)
};

class client : public std::enable_shared_from_this<client> {
public:
  using event_fn = std::function<void(client&, std::string_view event, boost::json::array& args)>;
  using ack_fn = std::function<void(client&, boost::json::array& args)>;
  using state_fn = std::function<void(client&, bool ok)>;

  enum class state { idle, connecting, connected, closed };

  client(boost::asio::any_io_executor ex, const endpoint_config& cfg, std::size_t index, std::string user_id,
         std::string token);
  ~client();

  // Connects (TCP, WebSocket, Engine.IO open, Socket.IO CONNECT). `done(ok)` runs once: true when
  // the CONNECT was acknowledged, false on any failure. A closed client may connect again.
  void connect(state_fn done);
  // Closes the TCP connection at once (no close frame): what a dropped network looks like.
  void drop();
  // Sends a WebSocket close frame, then closes.
  void close();

  // Emits `event` with one argument; `on_ack` (optional) gets the ack's arguments.
  void emit(std::string_view event, boost::json::value arg, ack_fn on_ack = {});

  event_fn on_event;  // every received EVENT
  state_fn on_closed; // the connection ended after it was connected (ok = false)

  state current() const { return state_; }
  const std::string& user_id() const { return user_id_; }
  std::size_t index() const { return index_; }
  std::uint64_t messages_received() const { return received_; }
  int reconnect_attempts = 0;
  inline static std::uint64_t pings_received = 0; // over every client: heartbeats seen
  void* user_data = nullptr; // for the scenario

  struct io; // Beast's stream, defined in client.cpp

private:
  friend struct io;
  friend struct connection_runner;
  void send_text(std::string text);
  void on_text(std::string_view text);
  void finish_connect(bool ok);
  void closed();

  boost::asio::any_io_executor ex_;
  endpoint_config cfg_;
  std::size_t index_;
  std::string user_id_;
  std::string token_;
  state state_ = state::idle;
  state_fn connect_done_;
  std::shared_ptr<io> io_;
  std::uint64_t next_ack_ = 1;
  std::unordered_map<std::uint64_t, ack_fn> acks_;
  std::uint64_t received_ = 0;
};

} // namespace mm::load
