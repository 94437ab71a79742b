#pragma once
// socketio::server: a Socket.IO v5 server (on Engine.IO v4) with a Node-like API, usable as the
// net::handler for its path:
//
//   socketio::server io(ioc.get_executor(), opts);         // opts.path = "/socket.io/"
//   io.of("/").use(auth_middleware);
//   io.of("/").on_connection([](const std::shared_ptr<socketio::socket>& s) { ... });
//   net::router routes;
//   routes.add(io.path(), io);                               // polling + WebSocket
//   routes.fallback(http_api);
//   net::server http(ioc.get_executor(), routes, net_opts);  // net_opts.websocket_max_message
//                                                            //   = opts.engine.max_payload
//   ...on shutdown: io.close(); co_await http.stop();
//
// One io_context, one thread: every member runs on the executor given here.
#include "socketio/engine_options.hpp"
#include "socketio/engine_server.hpp"
#include "socketio/nsp.hpp"
#include "socketio/packet.hpp" // placeholder() for binary attachments

#include "net/handler.hpp"

#include <boost/asio/any_io_executor.hpp>

#include <chrono>
#include <map>
#include <unordered_set>
#include <memory>
#include <string>
#include <string_view>

namespace mm::socketio {

struct server_options {
  engine_options engine;
  std::string path = "/socket.io/";
  // A connection that joins no namespace within this is closed.
  std::chrono::milliseconds connect_timeout{45'000};
  // Binary attachments one packet may announce; more closes the connection.
  std::size_t max_attachments = 10;
  // Messages (text or binary) one connection may send: a burst of `message_burst`, refilled at
  // `message_rate` a second; one more closes the connection (WebSocket 1008). 0: no limit.
  std::size_t message_burst = 200;
  double message_rate = 50;
};

// Shared by the server, its clients and sockets.
struct server_state {
  boost::asio::any_io_executor executor;
  server_options options;
  std::map<std::string, std::unique_ptr<nsp>, std::less<>> namespaces;
  std::unordered_set<std::shared_ptr<client>> clients;

  nsp* find(std::string_view name) const;
};

class server final : public net::handler {
public:
  server(boost::asio::any_io_executor executor, server_options options = {});
  server(const server&) = delete;
  server& operator=(const server&) = delete;
  // Calls close().
  ~server();

  // The namespace `name` ("/" always exists), created on first use. Clients asking for a
  // namespace that was never created get CONNECT_ERROR {"message":"Invalid namespace"}.
  nsp& of(std::string_view name);
  nsp* find(std::string_view name) const { return state_->find(name); }

  boost::asio::awaitable<net::response> handle(net::request req) override { return engine_.handle(std::move(req)); }
  boost::asio::awaitable<net::upgrade_result> upgrade(net::request req,
                                                      std::shared_ptr<net::websocket_connection> c) override {
    return engine_.upgrade(std::move(req), std::move(c));
  }

  // Graceful shutdown: every socket disconnects with "server shutting down", waiting polls are
  // answered, WebSockets close with 1001. Clients reconnect to the next server.
  void close();

  // Disconnects the user's sockets in every namespace (logout). Returns how many.
  std::size_t disconnect_user(const std::string& user_id, bool close_connection = true);

  const std::string& path() const noexcept { return state_->options.path; }
  std::size_t client_count() const noexcept { return state_->clients.size(); }
  engine_server& engine() noexcept { return engine_; }

private:
  std::shared_ptr<server_state> state_;
  engine_server engine_;
};

} // namespace mm::socketio
