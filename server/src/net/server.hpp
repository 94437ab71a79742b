#pragma once
// net::server: an HTTP/1.1 + WebSocket server on one endpoint, with keep-alive, limits,
// timeouts, per-request ids and access log, and graceful stop. Product-agnostic: it hands every
// request to a net::handler.
#include "net/handler.hpp"
#include "net/message.hpp"

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/system/result.hpp>

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string_view>

namespace mm::net {

struct server_options {
  std::size_t header_limit = 8 * 1024;   // request line + headers; over it: 431
  std::size_t body_limit = 1024 * 1024;  // over it: 413
  std::chrono::milliseconds header_timeout{15'000}; // first request's header must arrive within
  std::chrono::milliseconds idle_timeout{60'000};   // keep-alive wait for the next request
  std::chrono::milliseconds body_timeout{60'000};   // to read a body once the header is in
  std::chrono::milliseconds write_timeout{60'000};  // to write one response
  std::size_t max_connections = 50'000;              // more are closed on accept

  std::size_t websocket_max_message = 1024 * 1024;       // over it: close 1009
  std::size_t websocket_max_queued = 16 * 1024 * 1024;   // unsent bytes; over it: close 1008
  std::chrono::milliseconds websocket_close_timeout{5'000}; // close handshake, then teardown

  std::chrono::milliseconds stop_grace{10'000}; // stop(): wait this long for in-flight requests

  // Renders the errors net answers by itself (400, 413, 431, 500) in the product's shape.
  // `message` is a short English sentence. Empty: a text/plain body.
  std::function<response(int status, std::string_view message)> error_response;
};

class server {
public:
  using endpoint = boost::asio::ip::tcp::endpoint;

  // `app` must outlive every connection (in practice: the io_context's run).
  server(boost::asio::any_io_executor executor, handler& app, server_options options = {});
  server(const server&) = delete;
  server& operator=(const server&) = delete;
  ~server();

  // Binds (port 0 picks a free port), listens and starts accepting. Returns the bound endpoint,
  // or the bind/listen error. Call once.
  boost::system::result<endpoint> listen(const endpoint& where);

  // Graceful stop: stops accepting, closes idle keep-alive connections, lets in-flight requests
  // finish (their responses carry Connection: close), closes WebSockets with close code 1001,
  // waits up to options.stop_grace, then closes whatever is left. Long-polling handlers should
  // be released before (e.g. socketio::server::close()).
  boost::asio::awaitable<void> stop();

  // Open TCP connections, HTTP and WebSocket (for /metrics).
  std::size_t open_connections() const noexcept;
  endpoint local_endpoint() const;

  struct state; // private, shared with the sessions

private:
  std::shared_ptr<state> state_;
};

} // namespace mm::net
