#pragma once
// mockmate's Socket.IO adapter: authenticates sockets, welcomes them (presence, pending
// invitations), runs the event table (events.cpp) against the services, and delivers bus
// messages to this node's sockets (delivery.cpp) through the hub (hub.hpp). With several nodes
// it answers the cluster membership's news (room places lost, orphaned or reclaimed; presence
// changes elsewhere).
#include "cluster/membership.hpp"
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

struct gateway_parts; // gateway.cpp

class gateway {
public:
  // Subscribes to the bus and starts `cluster` with its events; call before the executor runs.
  gateway(boost::asio::any_io_executor ex, services::service_set& services, presence_registry& presence,
          cluster::membership& cluster, gateway_options options);
  ~gateway();

  // The handler for requests under /socket.io/.
  net::handler& handler();
  // Graceful stop: releases long-polls and closes every socket.
  void close();
  std::size_t connected_sockets() const;

private:
  std::unique_ptr<gateway_parts> parts_;
};

} // namespace mm::realtime
