#pragma once
// How events travel to the sockets that should hear them, on this node or (with Redis) on every
// node. A message names a topic (bus/topic.hpp), an event and its JSON payload, serialized once
// by the publisher.
#include "bus/topic.hpp"

#include <functional>
#include <memory>
#include <string>

#include <boost/asio/any_io_executor.hpp>

namespace mm::bus {

struct message {
  topic to;
  std::string event;
  std::string payload; // JSON text
};

class bus {
public:
  using handler = std::function<void(const message&)>;
  virtual ~bus() = default;
  // Delivers `m` to every subscriber, on their executor, after the caller returns.
  virtual void publish(message m) = 0;
  // Subscribes before any publish; handlers run on the executor given to the factory.
  virtual void subscribe(handler h) = 0;
};

// One node: messages go straight to this process's subscribers.
std::unique_ptr<bus> create_local_bus(boost::asio::any_io_executor ex);

} // namespace mm::bus
