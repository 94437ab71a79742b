#pragma once
// net::router: a handler that sends each request to another handler by path prefix, e.g.
// "/socket.io/" to the Socket.IO server and everything else to the JSON API and static files.
#include "net/handler.hpp"

#include <string>
#include <vector>

namespace mm::net {

class router final : public handler {
public:
  // Requests whose path starts with `prefix`, or equals it without its trailing slash, go to
  // `target`, which must outlive the router. The longest matching prefix wins.
  void add(std::string prefix, handler& target);
  // Where the rest goes; without one they get 404 text/plain.
  void fallback(handler& target) { fallback_ = &target; }

  boost::asio::awaitable<response> handle(request req) override;
  boost::asio::awaitable<upgrade_result> upgrade(request req, std::shared_ptr<websocket_connection> connection) override;

  // The handler `path` goes to, or nullptr.
  handler* pick(std::string_view path) const;

private:
  struct route {
    std::string prefix;
    handler* target;
  };
  std::vector<route> routes_; // longest prefix first
  handler* fallback_ = nullptr;
};

} // namespace mm::net
