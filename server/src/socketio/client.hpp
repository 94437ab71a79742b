#pragma once
// socketio::client: the Socket.IO side of one Engine.IO connection. Decodes packets, connects
// namespaces (running their middlewares), routes packets to the namespace sockets, writes
// encoded packets. Internal to the socketio layer.
#include "socketio/message.hpp"
#include "socketio/packet_decoder.hpp"

#include "net/message.hpp"

#include <boost/asio/awaitable.hpp>

#include <boost/asio/steady_timer.hpp>
#include <boost/json/object.hpp>

#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace mm::socketio {

class engine_socket;
class socket;
struct server_state;

class client : public std::enable_shared_from_this<client> {
public:
  client(std::shared_ptr<server_state> server, std::shared_ptr<engine_socket> connection);

  // Wires the engine socket's callbacks to this client and starts the connect timeout.
  void start();

  // Queues an encoded packet (text, then its attachments) on the connection.
  void write(const encoded_packet& packet);
  void write_text(std::shared_ptr<const std::string> text);
  // Closes the Engine.IO connection (after what is queued).
  void close();
  // Forgets a socket that left its namespace.
  void remove(const socket& s);

  // Disconnects every namespace socket with `reason` and closes the connection.
  void shut_down(std::string_view reason);

private:
  void on_message(std::string_view data, bool binary);
  void on_close(std::string_view reason);
  void on_packet(decoded_packet packet);
  void connect(const std::string& name, boost::json::object auth);
  boost::asio::awaitable<void> run_middlewares(std::shared_ptr<socket> s);
  void complete_connect(const std::shared_ptr<socket>& s);
  void refuse(const std::string& name, boost::json::value data);
  void fail(std::string_view reason);
  // Takes one message from the connection's allowance (server_options::message_burst/rate).
  bool within_rate();

  std::shared_ptr<server_state> server_;
  std::shared_ptr<engine_socket> conn_;
  std::shared_ptr<const net::request> request_;
  packet_decoder decoder_;
  std::unordered_map<std::string, std::shared_ptr<socket>> sockets_; // by namespace
  std::unordered_set<std::string> connecting_;                       // middlewares running
  boost::asio::steady_timer connect_timer_;
  double allowance_;                                 // messages left (within_rate)
  std::chrono::steady_clock::time_point allowed_at_; // when allowance_ was last refilled
  bool closed_ = false;
};

} // namespace mm::socketio
