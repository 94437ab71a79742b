#pragma once
// The hub: which live sockets of this node stand for which users, room places and presence
// watchers. It owns those maps; the rest of the adapter asks it. I/O executor only; nothing is
// locked. Answers are snapshots (a send may close a connection, and so change the maps,
// synchronously).
//
// - Connected: the sockets of a user (the Socket.IO namespace's own index).
// - Sessions: the session (token hash) each socket signed in with.
// - Places: a user holds one place per room, on one socket (API.md, "join-room"); per socket,
//   the rooms where it holds its user's place and the other participant there. This is the only
//   room membership of the product (docs/decisions/0005-room-membership.md).
// - Watchers: the sockets watching a user's presence; per socket, what it watches.
#include "socketio/nsp.hpp"

#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace mm::realtime {

class hub {
public:
  using socket_ptr = std::shared_ptr<socketio::socket>;

  explicit hub(socketio::nsp& users) : users_(users) {}

  std::vector<socket_ptr> sockets_of(const std::string& user_id) const { return users_.sockets_of_user(user_id); }
  std::vector<socket_ptr> all() const { return users_.all(); }
  std::size_t size() const { return users_.size(); }

  void set_session(socketio::socket& s, std::string token_hash);
  // The token hash `s` signed in with ("" before).
  const std::string& session_of(socketio::socket& s) const;

  // `s` now holds its user's place in `room`, where `other` is the other participant. Answers
  // the socket that held the place before (another tab of the user), which holds it no more;
  // null when there was none, or it was `s`.
  socket_ptr take_place(socketio::socket& s, const std::string& room, std::string other);
  // `s` gives its place in `room` up; false when it held none there.
  bool release_place(socketio::socket& s, const std::string& room);
  // The other participant of `room` when `s` holds its user's place there, else null. One hash
  // lookup: the hot path of signaling.
  const std::string* peer_in(socketio::socket& s, const std::string& room) const;
  // The socket holding `user_id`'s place in `room`, or null.
  socket_ptr holder(const std::string& room, const std::string& user_id) const;
  // Every socket holding a place in `room`.
  std::vector<socket_ptr> holders(const std::string& room) const;
  // The rooms where `s` holds its user's place.
  std::vector<std::string> rooms_of(socketio::socket& s) const;

  // `s` watches exactly `user_ids` from now on.
  void watch(socketio::socket& s, std::vector<std::string> user_ids);
  // `s` no longer watches `user_id` (a block between their users); the rest of its list stays.
  void unwatch(socketio::socket& s, const std::string& user_id);
  std::vector<socket_ptr> watchers_of(const std::string& user_id) const;
  // Every user some socket here watches.
  std::vector<std::string> watched() const;

  // Forgets everything about `s` (it disconnected) but what the caller already took: call after
  // releasing its places.
  void forget(socketio::socket& s);

private:
  socketio::nsp& users_;
  // room -> user -> the socket holding the user's place.
  std::unordered_map<std::string, std::unordered_map<std::string, std::weak_ptr<socketio::socket>>> places_;
  // watched user -> the sockets watching them.
  std::unordered_map<std::string, std::unordered_set<socketio::socket*>> watchers_;
};

} // namespace mm::realtime
