#pragma once
// A user's place in an interview room, as this node's sockets hold it: taking it (join-room,
// through room_service::join), giving it up (leave-room, a closed socket), losing it to another
// tab or node, and the room closing. It keeps the hub's places, the cluster membership and the
// room service in step, so the event handlers only call it. I/O executor only.
#include "cluster/membership.hpp"
#include "realtime/hub.hpp"
#include "services/room_service.hpp"

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>

namespace mm::realtime {

class room_places {
public:
  room_places(boost::asio::any_io_executor ex, hub& sockets, services::room_service& rooms, cluster::membership& cluster)
      : ex_(std::move(ex)), hub_(sockets), rooms_(rooms), cluster_(cluster) {}

  // join-room from `s`: room_service::join (its failures), then `s` holds its user's place; a
  // tab that held it before gets left-room {reason: "joined_elsewhere"}, as does a socket on
  // another node (through the membership). A socket that closed meanwhile gives the place back.
  boost::asio::awaitable<domain::outcome<services::joined_room>> join(std::shared_ptr<socketio::socket> s, std::string room_id);
  // leave-room from `s`: its place (if it holds it) is given up; room_service::leave.
  boost::asio::awaitable<domain::outcome<void>> leave(std::shared_ptr<socketio::socket> s, std::string room_id);
  // Who may signal from `s` in `room_id`: a socket holding its user's place there, which gets
  // the other participant (no coroutine, no database); any other gets null, and
  // room_service::signal_refusal says why.
  const std::string* signal_peer(socketio::socket& s, const std::string& room_id) const { return hub_.peer_in(s, room_id); }

  // `s` closed: its places are given up (peer-left, grace) and the hub forgets it.
  void socket_closed(socketio::socket& s);
  // The interview ended (room-closed): nobody holds a place in the room any more (no peer-left).
  void room_closed(const std::string& room_id);
  // Another node's socket took `p` (the membership's place_lost): ours gets left-room.
  void lost(const cluster::place& p);
  // A dead node's place: given up as if its socket closed (the membership's place_orphaned).
  void orphaned(const cluster::place& p);
  // This node was taken for dead: `p`, still held here, is joined again (place_reclaimed).
  void reclaimed(const cluster::place& p);

private:
  // Drops `s`'s place in `room_id` in the hub and tells the membership; false when it held none.
  bool drop(socketio::socket& s, const std::string& room_id);

  boost::asio::any_io_executor ex_;
  hub& hub_;
  services::room_service& rooms_;
  cluster::membership& cluster_;
};

} // namespace mm::realtime
