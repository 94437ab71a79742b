#pragma once
// Private to net's .cpp files: one accepted TCP connection speaking HTTP/1.1.
#include "net/detail/server_state.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/tcp.hpp>

#include <memory>

namespace mm::net::detail {

// Serves requests on `socket` until the peer closes, a limit or timeout is hit, the server
// stops, or the connection is upgraded to a WebSocket (which then lives on by itself).
boost::asio::awaitable<void> run_http_session(std::shared_ptr<server::state> state, boost::asio::ip::tcp::socket socket);

} // namespace mm::net::detail
