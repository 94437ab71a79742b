#pragma once
// What the gateway tells the cluster (with --redis) about the room places this node's sockets
// hold, so that the places of a node that dies can be given up by a survivor. Absent on one node.
// Called on the I/O executor.
#include <string>

namespace mm::realtime {

class cluster_link {
public:
  virtual ~cluster_link() = default;
  virtual const std::string& node_id() const = 0;
  // A socket of this node now holds `user`'s place in `room` (possibly taken from another node).
  virtual void place_held(const std::string& room, const std::string& user) = 0;
  // No socket of this node holds it any more.
  virtual void place_released(const std::string& room, const std::string& user) = 0;
};

} // namespace mm::realtime
