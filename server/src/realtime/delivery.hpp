#pragma once
// Bus messages to this node's sockets: each kind of topic (bus/topic.hpp) has one delivery here,
// and a new kind does not compile until it has one. The bus payload is already JSON text, so the
// Socket.IO packet is spliced around it once and the same bytes are queued on every recipient.
// I/O executor only.
#include "bus/bus.hpp"
#include "realtime/hub.hpp"
#include "realtime/room_places.hpp"

#include <functional>

namespace mm::realtime {

class delivery {
public:
  // `relinked` runs when the bus got its link back after losing it (resync the clients).
  delivery(hub& sockets, room_places& places, std::function<void()> relinked)
      : hub_(sockets), places_(places), relinked_(std::move(relinked)) {}

  void operator()(const bus::message& m);

private:
  hub& hub_;
  room_places& places_;
  std::function<void()> relinked_;
};

} // namespace mm::realtime
