#pragma once
// Presence as this node's watchers see it: what a socket watches (watch-presence, through the
// hub) with the snapshot it answers, and the announcements of this node's view to its own
// watchers (with several nodes each node announces its own view: docs/decisions/0004 and 0006).
// I/O executor only.
#include "realtime/delivery.hpp"
#include "realtime/hub.hpp"
#include "services/profile_service.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/json/object.hpp>

namespace mm::realtime {

class presence_watch {
public:
  presence_watch(hub& sockets, services::profile_service& profiles, delivery& deliver)
      : hub_(sockets), profiles_(profiles), deliver_(deliver) {}

  // `s` watches exactly `user_ids` from now on, but those blocked with its user; answers their
  // presence (unknown and blocked ids left out).
  boost::asio::awaitable<std::vector<boost::json::object>> watch(std::shared_ptr<socketio::socket> s,
                                                                  std::vector<std::string> user_ids);
  // Tells this node's watchers of each user their presence now.
  boost::asio::awaitable<void> announce(std::vector<std::string> user_ids);
  // announce() of every user watched here (after the bus lost messages).
  boost::asio::awaitable<void> announce_watched();

private:
  hub& hub_;
  services::profile_service& profiles_;
  delivery& deliver_;
};

} // namespace mm::realtime
