#include "socketio/nsp.hpp"

#include "socketio/packet.hpp"

namespace mm::socketio {

encoded_packet nsp::encode(std::string_view event, const boost::json::array& args,
                           std::vector<std::string> attachments) const {
  auto text = std::make_shared<std::string>("4");
  encode_event_packet(*text, name_, event, args, std::nullopt, attachments.size());
  encoded_packet p{std::move(text), {}};
  for (auto& a : attachments) p.attachments.push_back(std::make_shared<const std::string>(std::move(a)));
  return p;
}

std::size_t nsp::emit(std::string_view event, const boost::json::array& args, std::vector<std::string> attachments) {
  if (is_reserved_event(event)) return 0;
  const auto packet = encode(event, args, std::move(attachments));
  const auto targets = all();
  for (const auto& s : targets) s->send_encoded(packet);
  return targets.size();
}

std::size_t nsp::emit_to_room(const std::string& room, std::string_view event, const boost::json::array& args,
                              std::vector<std::string> attachments, const socket* except) {
  if (is_reserved_event(event) || !rooms_.contains(room)) return 0;
  return send_to_room(room, encode(event, args, std::move(attachments)), except);
}

std::size_t nsp::send_to_room(const std::string& room, const encoded_packet& packet, const socket* except) {
  // A snapshot: a send may close a connection, and so change the room, synchronously.
  std::vector<std::shared_ptr<socket>> targets;
  if (auto it = rooms_.find(room); it != rooms_.end()) {
    targets.reserve(it->second.size());
    for (auto* s : it->second) targets.push_back(s->shared_from_this());
  }
  std::size_t n = 0;
  for (const auto& s : targets) {
    if (s.get() == except) continue;
    s->send_encoded(packet);
    ++n;
  }
  return n;
}

std::size_t nsp::room_size(const std::string& room) const {
  auto it = rooms_.find(room);
  return it == rooms_.end() ? 0 : it->second.size();
}

std::shared_ptr<socket> nsp::find(std::string_view socket_id) const {
  auto it = sockets_.find(std::string(socket_id));
  return it == sockets_.end() ? nullptr : it->second;
}

std::vector<std::shared_ptr<socket>> nsp::sockets_of_user(const std::string& user_id) const {
  std::vector<std::shared_ptr<socket>> out;
  if (auto it = users_.find(user_id); it != users_.end())
    for (auto* s : it->second) out.push_back(s->shared_from_this());
  return out;
}

std::size_t nsp::disconnect_user(const std::string& user_id, bool close_connection) {
  const auto targets = sockets_of_user(user_id);
  for (const auto& s : targets) s->disconnect(close_connection);
  return targets.size();
}

std::vector<std::shared_ptr<socket>> nsp::all() const {
  std::vector<std::shared_ptr<socket>> out;
  out.reserve(sockets_.size());
  for (const auto& [id, s] : sockets_) out.push_back(s);
  return out;
}

void nsp::add(const std::shared_ptr<socket>& s) {
  sockets_[s->id()] = s;
  if (!s->user_id().empty()) users_[s->user_id()].insert(s.get());
}

void nsp::remove(socket& s) {
  if (!s.user_id().empty()) user_changed(s, s.user_id(), {});
  sockets_.erase(s.id());
}

void nsp::left(socket& s, const std::string& room) {
  auto it = rooms_.find(room);
  if (it == rooms_.end()) return;
  it->second.erase(&s);
  if (it->second.empty()) rooms_.erase(it);
}

void nsp::user_changed(socket& s, const std::string& before, const std::string& after) {
  if (!before.empty()) {
    if (auto it = users_.find(before); it != users_.end()) {
      it->second.erase(&s);
      if (it->second.empty()) users_.erase(it);
    }
  }
  if (!after.empty() && sockets_.contains(s.id())) users_[after].insert(&s);
}

const nsp::event_handler* nsp::handler_for(const std::string& event) const {
  auto it = handlers_.find(event);
  return it == handlers_.end() ? nullptr : &it->second;
}

void nsp::notify_connection(const std::shared_ptr<socket>& s) {
  for (const auto& h : on_connection_) {
    if (!s->connected()) break;
    h(s);
  }
}

} // namespace mm::socketio
