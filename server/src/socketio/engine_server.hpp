#pragma once
// socketio::engine_server: an Engine.IO v4 server (HTTP long-polling, WebSocket, upgrade,
// heartbeat, CORS) usable as the net::handler for its path, e.g. "/engine.io/". Raw messages
// go to the layer above through engine_socket; socketio::server is that layer for Socket.IO.
#include "socketio/engine_options.hpp"
#include "socketio/engine_socket.hpp"

#include "net/handler.hpp"

#include <boost/asio/any_io_executor.hpp>

#include <functional>
#include <memory>

namespace mm::socketio {

struct engine_registry;

class engine_server final : public net::handler {
public:
  engine_server(boost::asio::any_io_executor executor, engine_options options = {});
  engine_server(const engine_server&) = delete;
  engine_server& operator=(const engine_server&) = delete;
  // Aborts every session still open.
  ~engine_server();

  // Called for each new session, before its first packet is read; set the socket's on_message
  // and on_close there, and keep the shared_ptr as long as the session matters to you.
  void on_connection(std::function<void(std::shared_ptr<engine_socket>)> fn);

  // Polling requests (GET waits for data, POST delivers packets), CORS preflights, handshakes.
  // Errors are answered like the reference server: 400 {"code":N,"message":"..."}.
  boost::asio::awaitable<net::response> handle(net::request req) override;
  // WebSocket handshakes and upgrades of polling sessions (with sid). A WebSocket for a session
  // that is probing or on WebSocket already is accepted, then closed at once (an empty close
  // frame), as the reference server does; an unknown sid is refused with 400.
  boost::asio::awaitable<net::upgrade_result> upgrade(net::request req,
                                                      std::shared_ptr<net::websocket_connection> connection) override;

  // Ends every session (a waiting poll gets the close packet, WebSockets close with 1001) and
  // refuses none of the later requests: call it when stopping.
  void close();

  std::size_t session_count() const noexcept;
  const engine_options& options() const noexcept;

private:
  std::shared_ptr<engine_socket> find(const std::string& sid) const;
  std::shared_ptr<engine_socket> open_session(net::request req, engine_socket::transport_kind transport);

  std::shared_ptr<engine_registry> registry_;
};

} // namespace mm::socketio
