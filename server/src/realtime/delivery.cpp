#include "realtime/delivery.hpp"

#include "domain/overloaded.hpp"

#include <boost/json/parse.hpp>

namespace mm::realtime {

using domain::overloaded;

namespace {

// "42[<event>,<payload>]": event names are ours (plain ASCII, nothing to escape), and "/" needs
// no namespace in the header.
std::shared_ptr<const std::string> encode(const bus::message& m) {
  auto text = std::make_shared<std::string>();
  text->reserve(m.event.size() + m.payload.size() + 8);
  text->append("42[\"").append(m.event).append("\",").append(m.payload).push_back(']');
  return text;
}

void send_to(const std::vector<hub::socket_ptr>& sockets, const bus::message& m) {
  if (sockets.empty()) return;
  const auto packet = encode(m);
  for (const auto& s : sockets) s->send_encoded(packet);
}

} // namespace

void delivery::operator()(const bus::message& m) {
  std::visit(overloaded{
                 [&](const bus::user_topic& t) { send_to(hub_.sockets_of(t.user_id), m); },
                 [&](const bus::place_topic& t) {
                   if (auto s = hub_.holder(t.room_id, t.user_id)) s->send_encoded(encode(m));
                 },
                 [&](const bus::room_topic& t) {
                   if (m.event == "room-closed") places_.room_closed(t.room_id);
                   else send_to(hub_.holders(t.room_id), m);
                 },
                 [&](const bus::presence_topic& t) { send_to(hub_.watchers_of(t.user_id), m); },
                 [&](const bus::control_topic& t) {
                   boost::system::error_code ec;
                   const auto arg = boost::json::parse(m.payload, ec);
                   if (ec || !arg.is_string()) return;
                   if (m.event == "session-revoked") {
                     for (const auto& s : hub_.sockets_of(t.user_id))
                       if (hub_.session_of(*s) == arg.get_string()) s->disconnect(true);
                   } else if (m.event == "presence-hidden") {
                     // A block: the user's sockets stop watching the other (trust_service).
                     const std::string other(arg.get_string());
                     for (const auto& s : hub_.sockets_of(t.user_id)) hub_.unwatch(*s, other);
                   }
                 },
                 [&](const bus::link_topic&) {
                   if (m.event == "reconnected" && relinked_) relinked_();
                 },
                 // Not for sockets: the cluster membership follows these two, the deadlines the third.
                 [](const bus::place_taken_topic&) {},
                 [](const bus::cluster_topic&) {},
                 [](const bus::deadline_topic&) {},
             },
             m.to);
}

} // namespace mm::realtime
