#include "net/handler.hpp"

namespace mm::net {

boost::asio::awaitable<upgrade_result> handler::upgrade(request, std::shared_ptr<websocket_connection>) {
  co_return response::text(404, "no WebSocket here\n");
}

} // namespace mm::net
