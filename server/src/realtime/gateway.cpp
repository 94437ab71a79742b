#include "realtime/gateway_impl.hpp"

#include "net/credentials.hpp"
#include "net/spawn.hpp"
#include "services/views.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <spdlog/spdlog.h>

namespace mm::realtime {

namespace json = boost::json;
using boost::asio::awaitable;

socket_state& state_of(socketio::socket& s) {
  if (!s.data.has_value()) s.data = socket_state{};
  return std::any_cast<socket_state&>(s.data);
}

json::object failure_ack(const domain::failure& f) { return {{"ok", false}, {"error", services::error_json(f)}}; }

namespace {

socketio::server_options io_options(const gateway_options& o) {
  socketio::server_options s;
  s.path = "/socket.io/";
  s.engine.ping_interval = o.ping_interval;
  s.engine.ping_timeout = o.ping_timeout;
  s.engine.max_payload = o.max_payload;
  s.connect_timeout = o.connect_timeout;
  s.message_burst = o.message_burst;
  s.message_rate = o.message_rate;
  auto allowed = o.allowed_origins;
  s.engine.allow_origin = [allowed](std::string_view origin) {
    return std::find(allowed.begin(), allowed.end(), origin) != allowed.end();
  };
  // A handshake that carries the session cookie from a foreign origin is refused before any
  // upgrade (cross-site WebSocket hijacking). Without the cookie a page elsewhere can only
  // authenticate with a token it holds, which is no cross-site risk.
  s.engine.allow_request = [allowed](const net::request& req) -> std::optional<std::string> {
    if (net::cookie_value(req, "mm_session") && !net::origin_allowed(req, allowed)) return std::string("Origin not allowed");
    return std::nullopt;
  };
  return s;
}

awaitable<std::optional<json::value>> authenticate(gateway::impl& g, socketio::socket& s) {
  std::optional<std::string> token;
  if (auto it = s.handshake().auth.find("token"); it != s.handshake().auth.end() && it->value().is_string())
    token = std::string(it->value().get_string());
  else
    token = net::cookie_value(*s.handshake().request, "mm_session");
  if (!token) co_return json::value(json::object{{"message", "unauthorized"}});
  auto session = co_await g.services.auth.authenticate(std::move(*token));
  if (!session) co_return json::value(json::object{{"message", "unauthorized"}});
  // Counted after the last co_await, so that sockets of one user connecting at once all count.
  if (const auto max = g.options.max_sockets_per_user; max > 0 && g.users.sockets_of_user(session->user_id).size() >= max)
    co_return json::value(json::object{
        {"message", "rate_limited"},
        {"data", json::object{{"code", "rate_limited"}, {"message", "Too many connections for this account; close some tabs."}}}});
  s.set_user_id(session->user_id);
  state_of(s).token_hash = session->token_hash;
  co_return std::nullopt;
}

awaitable<void> announce_presence(gateway::impl& g, std::string user_id) {
  std::vector<std::string> ids{user_id};
  auto states = co_await g.services.profiles.presence_of(std::move(ids));
  // With --redis every node announces its own view's changes to its own watchers.
  for (auto& p : states) {
    bus::message m{"presence:" + user_id, "presence", json::serialize(p)};
    if (g.presence.cluster()) g.deliver(m);
    else g.services.ctx.events.publish(std::move(m));
  }
}

awaitable<void> welcome(gateway::impl& g, std::shared_ptr<socketio::socket> s) {
  const auto user_id = s->user_id();
  if (g.presence.connected(user_id)) co_await announce_presence(g, user_id);
  auto pending = co_await g.services.invitations.pending_for(user_id);
  for (auto& p : pending) s->emit("interview-invitation-received", json::array{std::move(p)});
}

awaitable<void> farewell_places(gateway::impl& g, std::string user_id, std::vector<std::string> rooms) {
  for (const auto& room : rooms) co_await g.services.rooms.left(user_id, room);
}

void on_connected(gateway::impl& g, const std::shared_ptr<socketio::socket>& s) {
  s->on_disconnect([&g, weak = std::weak_ptr(s)](std::string_view) {
    auto s = weak.lock();
    if (!s) return;
    auto& st = state_of(*s);
    std::vector<std::string> rooms;
    for (const auto& [room, other] : st.places) rooms.push_back(room);
    for (const auto& room : rooms) g.drop_place(*s, room);
    g.set_watching(*s, {});
    const auto user_id = s->user_id();
    if (!rooms.empty()) net::spawn_logged(g.ex, farewell_places(g, user_id, std::move(rooms)), "leave rooms on disconnect");
    g.presence.disconnected(user_id, [&g, user_id] { net::spawn_logged(g.ex, announce_presence(g, user_id), "presence offline"); });
  });
  net::spawn_logged(g.ex, welcome(g, s), "socket welcome");
}

} // namespace

gateway::impl::impl(boost::asio::any_io_executor ex, services::service_set& services, presence_registry& presence,
                    gateway_options options)
    : ex(ex), services(services), presence(presence), options(options), io(ex, io_options(options)), users(io.of("/")) {
  users.use([this](socketio::socket& s) { return authenticate(*this, s); });
  users.on_connection([this](const std::shared_ptr<socketio::socket>& s) { on_connected(*this, s); });
  install_events();
  services.ctx.events.subscribe([this](const bus::message& m) { deliver(m); });
  presence.on_remote_change([this](const std::string& user) { net::spawn_logged(this->ex, announce_presence(*this, user), "presence (cluster)"); });
}

void gateway::impl::drop_place(socketio::socket& s, const std::string& room) {
  state_of(s).places.erase(room);
  auto it = places.find(room);
  if (it == places.end()) return;
  auto held = it->second.find(s.user_id());
  if (held != it->second.end() && held->second.lock().get() == &s) {
    it->second.erase(held);
    if (auto* c = presence.cluster()) {
      place_stamps.erase(room + '\n' + s.user_id());
      c->place_released(room, s.user_id());
    }
  }
  if (it->second.empty()) places.erase(it);
}

void gateway::impl::set_watching(socketio::socket& s, std::vector<std::string> ids) {
  auto& st = state_of(s);
  for (const auto& id : st.watching) {
    auto it = watchers.find(id);
    if (it == watchers.end()) continue;
    it->second.erase(&s);
    if (it->second.empty()) watchers.erase(it);
  }
  for (const auto& id : ids) watchers[id].insert(&s);
  st.watching = std::move(ids);
}

void gateway::impl::deliver(const bus::message& m) {
  // The bus payload is already JSON text: the packet is spliced, not re-parsed. Event names are
  // ours (plain ASCII, nothing to escape), and "/" needs no namespace in the header.
  auto encode = [&] {
    auto text = std::make_shared<std::string>();
    text->reserve(m.event.size() + m.payload.size() + 8);
    text->append("42[\"").append(m.event).append("\",").append(m.payload).push_back(']');
    return std::shared_ptr<const std::string>(std::move(text));
  };
  const std::string_view topic = m.topic;
  if (topic.starts_with("user:")) {
    auto sockets = users.sockets_of_user(std::string(topic.substr(5)));
    if (sockets.empty()) return;
    const auto packet = encode();
    for (const auto& s : sockets) s->send_encoded(packet);
  } else if (topic.starts_with("presence:")) {
    auto it = watchers.find(std::string(topic.substr(9)));
    if (it == watchers.end()) return;
    const auto packet = encode();
    for (auto* s : it->second) s->send_encoded(packet);
  } else if (topic.starts_with("room:")) {
    const auto rest = topic.substr(5);
    const auto colon = rest.find(':');
    const std::string room(rest.substr(0, colon));
    auto it = places.find(room);
    if (it == places.end()) return;
    if (colon == std::string_view::npos) { // the room closed: nobody holds a place any more
      if (m.event != "room-closed") return;
      auto holders = it->second;
      for (auto& [user, weak] : holders)
        if (auto s = weak.lock()) drop_place(*s, room);
      return;
    }
    auto held = it->second.find(std::string(rest.substr(colon + 1)));
    if (held == it->second.end()) return;
    if (auto s = held->second.lock()) s->send_encoded(encode());
  } else if (topic.starts_with("place:") && m.event == "place-taken") {
    place_moved(m);
  } else if (topic == "bus" && m.event == "reconnected") {
    resync();
  } else if (topic.starts_with("control:") && m.event == "session-revoked") {
    const auto hash = json::parse(m.payload);
    for (const auto& s : users.sockets_of_user(std::string(topic.substr(8))))
      if (hash.is_string() && state_of(*s).token_hash == hash.get_string()) s->disconnect(true);
  }
}

gateway::gateway(boost::asio::any_io_executor ex, services::service_set& services, presence_registry& presence, gateway_options options)
    : impl_(std::make_unique<impl>(std::move(ex), services, presence, std::move(options))) {}
gateway::~gateway() = default;
net::handler& gateway::handler() { return impl_->io; }
void gateway::close() { impl_->io.close(); }
std::size_t gateway::connected_sockets() const { return impl_->users.size(); }

} // namespace mm::realtime
