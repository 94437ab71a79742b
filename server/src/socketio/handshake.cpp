#include "socketio/handshake.hpp"

#include "net/query.hpp"

namespace mm::socketio {

std::optional<std::string> handshake_info::query_value(std::string_view name) const {
  return net::query_param(request->query, name);
}

} // namespace mm::socketio
