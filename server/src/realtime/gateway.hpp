#pragma once
// mockmate's Socket.IO adapter: authenticates sockets, keeps users' tabs, rooms and presence
// watchers, maps the event table onto the services, and delivers bus messages to sockets.
#include "net/handler.hpp"
#include "realtime/presence_registry.hpp"
#include "services/service_set.hpp"

#include <chrono>
#include <memory>
#include <string>
#include <vector>

namespace mm::realtime {

struct gateway_options {
  std::vector<std::string> allowed_origins;
  std::chrono::milliseconds ping_interval{25'000};
  std::chrono::milliseconds ping_timeout{20'000};
  std::size_t max_payload = 1'000'000;
  // A user's sockets at once; one more is refused with CONNECT_ERROR "rate_limited". 0: no limit.
  std::size_t max_sockets_per_user = 20;
  // A connection that joins no namespace within this is closed.
  std::chrono::milliseconds connect_timeout{45'000};
  // Messages per connection: a burst, refilled at `message_rate` a second; beyond, closed. 0: off.
  std::size_t message_burst = 200;
  double message_rate = 50;
};

class gateway {
public:
  gateway(boost::asio::any_io_executor ex, services::service_set& services, presence_registry& presence, gateway_options options);
  ~gateway();

  // The handler for requests under /socket.io/.
  net::handler& handler();
  // Graceful stop: releases long-polls and closes every socket.
  void close();
  std::size_t connected_sockets() const;

  struct impl;

private:
  std::unique_ptr<impl> impl_;
};

} // namespace mm::realtime
