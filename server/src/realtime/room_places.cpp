#include "realtime/room_places.hpp"

#include "net/spawn.hpp"

#include <spdlog/spdlog.h>

namespace mm::realtime {

namespace json = boost::json;
using boost::asio::awaitable;

namespace {

void tell_joined_elsewhere(socketio::socket& s, const std::string& room_id) {
  s.emit("left-room", json::array{json::object{{"roomId", room_id}, {"reason", "joined_elsewhere"}}});
}

awaitable<void> give_up(services::room_service& rooms, std::string user_id, std::string room_id) {
  co_await rooms.left(std::move(user_id), std::move(room_id));
}

awaitable<void> give_up_all(services::room_service& rooms, std::string user_id, std::vector<std::string> room_ids) {
  for (auto& room : room_ids) co_await rooms.left(user_id, std::move(room));
}

awaitable<void> retake(services::room_service& rooms, std::string user_id, std::string room_id) {
  auto joined = co_await rooms.join(user_id, room_id);
  if (!joined) spdlog::info("cluster: place in {} not retaken: {}", room_id, joined.error().message);
}

} // namespace

bool room_places::drop(socketio::socket& s, const std::string& room_id) {
  if (!hub_.release_place(s, room_id)) return false;
  cluster_.place_released({room_id, s.user_id()});
  return true;
}

awaitable<domain::outcome<services::joined_room>> room_places::join(std::shared_ptr<socketio::socket> s, std::string room_id) {
  const auto user = s->user_id();
  auto joined = co_await rooms_.join(user, room_id);
  if (!joined) co_return joined.error();
  if (!s->connected()) { // gone while joining: give the place back
    co_await rooms_.left(user, room_id);
    co_return joined;
  }
  // The place is taken before the bus delivers the service's peer-joined (it is posted), so the
  // other side's offer finds this socket.
  if (auto previous = hub_.take_place(*s, room_id, domain::other_participant(joined->iv, user)))
    tell_joined_elsewhere(*previous, room_id);
  cluster_.place_taken({room_id, user});
  co_return joined;
}

awaitable<domain::outcome<void>> room_places::leave(std::shared_ptr<socketio::socket> s, std::string room_id) {
  const bool held = drop(*s, room_id);
  co_return co_await rooms_.leave(s->user_id(), std::move(room_id), held);
}

void room_places::socket_closed(socketio::socket& s) {
  auto rooms = hub_.rooms_of(s);
  for (const auto& room : rooms) drop(s, room);
  hub_.forget(s);
  if (!rooms.empty()) net::spawn_logged(ex_, give_up_all(rooms_, s.user_id(), std::move(rooms)), "leave rooms on disconnect");
}

void room_places::room_closed(const std::string& room_id) {
  for (const auto& s : hub_.holders(room_id)) drop(*s, room_id);
}

void room_places::lost(const cluster::place& p) {
  auto s = hub_.holder(p.room_id, p.user_id);
  if (!s) return;
  drop(*s, p.room_id);
  tell_joined_elsewhere(*s, p.room_id);
}

void room_places::orphaned(const cluster::place& p) {
  net::spawn_logged(ex_, give_up(rooms_, p.user_id, p.room_id), "give up a dead node's place");
}

void room_places::reclaimed(const cluster::place& p) {
  net::spawn_logged(ex_, retake(rooms_, p.user_id, p.room_id), "retake room place");
}

} // namespace mm::realtime
