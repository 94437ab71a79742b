#include "realtime/hub.hpp"

#include <algorithm>
#include <any>

namespace mm::realtime {

namespace {

// What the hub keeps with each socket (socketio::socket::data).
struct socket_state {
  std::string token_hash;
  std::unordered_map<std::string, std::string> places; // room -> the other participant
  std::vector<std::string> watching;
};

socket_state& state_of(socketio::socket& s) {
  if (!s.data.has_value()) s.data = socket_state{};
  return std::any_cast<socket_state&>(s.data);
}

const socket_state* find_state(const socketio::socket& s) { return std::any_cast<socket_state>(&s.data); }

} // namespace

void hub::set_session(socketio::socket& s, std::string token_hash) { state_of(s).token_hash = std::move(token_hash); }

const std::string& hub::session_of(socketio::socket& s) const { return state_of(s).token_hash; }

hub::socket_ptr hub::take_place(socketio::socket& s, const std::string& room, std::string other) {
  auto& slot = places_[room][s.user_id()];
  auto previous = slot.lock();
  if (previous.get() == &s) previous.reset();
  if (previous) state_of(*previous).places.erase(room);
  slot = s.weak_from_this();
  state_of(s).places[room] = std::move(other);
  return previous;
}

bool hub::release_place(socketio::socket& s, const std::string& room) {
  if (state_of(s).places.erase(room) == 0) return false;
  auto it = places_.find(room);
  if (it == places_.end()) return true;
  auto held = it->second.find(s.user_id());
  if (held != it->second.end() && held->second.lock().get() == &s) it->second.erase(held);
  if (it->second.empty()) places_.erase(it);
  return true;
}

const std::string* hub::peer_in(socketio::socket& s, const std::string& room) const {
  const auto* st = find_state(s);
  if (!st) return nullptr;
  auto it = st->places.find(room);
  return it == st->places.end() ? nullptr : &it->second;
}

hub::socket_ptr hub::holder(const std::string& room, const std::string& user_id) const {
  auto it = places_.find(room);
  if (it == places_.end()) return nullptr;
  auto held = it->second.find(user_id);
  return held == it->second.end() ? nullptr : held->second.lock();
}

std::vector<hub::socket_ptr> hub::holders(const std::string& room) const {
  std::vector<socket_ptr> out;
  if (auto it = places_.find(room); it != places_.end())
    for (const auto& [user, weak] : it->second)
      if (auto s = weak.lock()) out.push_back(std::move(s));
  return out;
}

std::vector<std::string> hub::rooms_of(socketio::socket& s) const {
  std::vector<std::string> out;
  if (const auto* st = find_state(s))
    for (const auto& [room, other] : st->places) out.push_back(room);
  return out;
}

void hub::watch(socketio::socket& s, std::vector<std::string> user_ids) {
  auto& st = state_of(s);
  for (const auto& id : st.watching) {
    auto it = watchers_.find(id);
    if (it == watchers_.end()) continue;
    it->second.erase(&s);
    if (it->second.empty()) watchers_.erase(it);
  }
  for (const auto& id : user_ids) watchers_[id].insert(&s);
  st.watching = std::move(user_ids);
}

void hub::unwatch(socketio::socket& s, const std::string& user_id) {
  auto& watching = state_of(s).watching;
  if (std::erase(watching, user_id) == 0) return;
  auto it = watchers_.find(user_id);
  if (it == watchers_.end()) return;
  it->second.erase(&s);
  if (it->second.empty()) watchers_.erase(it);
}

std::vector<hub::socket_ptr> hub::watchers_of(const std::string& user_id) const {
  std::vector<socket_ptr> out;
  if (auto it = watchers_.find(user_id); it != watchers_.end()) {
    out.reserve(it->second.size());
    for (auto* s : it->second) out.push_back(s->shared_from_this());
  }
  return out;
}

std::vector<std::string> hub::watched() const {
  std::vector<std::string> out;
  out.reserve(watchers_.size());
  for (const auto& [id, sockets] : watchers_) out.push_back(id);
  return out;
}

void hub::forget(socketio::socket& s) {
  for (const auto& room : rooms_of(s)) release_place(s, room);
  watch(s, {});
}

} // namespace mm::realtime
