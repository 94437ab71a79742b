#pragma once
// What a Socket.IO client presented when it connected to a namespace.
#include "net/message.hpp"

#include <boost/json/object.hpp>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace mm::socketio {

struct handshake_info {
  // The HTTP request that opened the Engine.IO session (polling GET or WebSocket upgrade), its
  // body cleared: headers (Cookie, Origin, User-Agent...), query, remote_address. Shared by
  // every namespace socket of the connection.
  std::shared_ptr<const net::request> request;
  // The CONNECT packet's payload (socket.io-client's `auth` option); {} when absent.
  boost::json::object auth;

  std::string_view header_value(std::string_view name) const { return request->header_value(name); }
  const std::string& address() const { return request->remote_address; }
  // Parameter `name` of the handshake's query string, percent-decoded.
  std::optional<std::string> query_value(std::string_view name) const;
};

} // namespace mm::socketio
