#pragma once
// The Redis bus: several nodes sharing one Redis act as one. `publish` delivers to this node's
// subscribers at once (as the local bus does) and, through Redis pub/sub, to every other node
// (redis_frame.hpp); each node ignores the echo of its own messages.
//
// Threads: a subscriber (redis_reader.hpp) and a command thread (redis_writer.hpp: PUBLISH and
// the cluster's commands, from a queue). Neither ever blocks the caller: results and messages
// are posted to the executor given to the factory.
//
// Failure: while Redis is unreachable, publish still delivers locally and the Redis side is
// dropped; both connections retry with a backoff capped at 1 s. When the subscription comes back
// after a loss, subscribers get one local message {link_topic, "reconnected"} so they can re-sync
// their clients (messages published meanwhile by other nodes were lost).
#include "bus/bus.hpp"
#include "bus/redis_reply.hpp"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace mm::bus {

class redis_bus : public bus {
public:
  using reply_handler = std::function<void(const redis_reply&)>;
  using link_handler = std::function<void(bool up)>;

  // Runs one command on the command connection, in order with publishes. `done` (may be empty)
  // runs on the executor with the reply, or with unreachable_reply() when Redis is unreachable.
  virtual void command(std::vector<std::string> argv, reply_handler done) = 0;
  // Called on the executor each time the subscription is established (true) or lost (false).
  // Register before the first publish.
  virtual void on_link(link_handler h) = 0;
  // True while the subscription is up (read on the executor's thread or any other: atomic).
  virtual bool linked() const = 0;
  virtual const std::string& node_id() const = 0;
  // Stops both threads (idempotent); afterwards publish delivers locally only.
  virtual void stop() = 0;
};

// `url`: redis_url.hpp. Throws std::invalid_argument for a malformed URL. Connecting happens in
// the background: a Redis that is down at start-up is retried like one that goes away later.
std::unique_ptr<redis_bus> create_redis_bus(boost::asio::any_io_executor ex, const std::string& url, std::string node_id);

} // namespace mm::bus
