#include "realtime/gateway.hpp"

#include "net/credentials.hpp"
#include "net/spawn.hpp"
#include "realtime/delivery.hpp"
#include "realtime/events.hpp"
#include "realtime/hub.hpp"
#include "realtime/presence_watch.hpp"
#include "realtime/room_places.hpp"
#include "services/deadlines.hpp"
#include "socketio/server.hpp"

#include <algorithm>
#include <unordered_set>

namespace mm::realtime {

namespace json = boost::json;
using boost::asio::awaitable;

struct gateway_parts {
  gateway_parts(boost::asio::any_io_executor ex, services::service_set& services, presence_registry& presence,
                cluster::membership& cluster, gateway_options options);

  boost::asio::any_io_executor ex;
  services::service_set& services;
  presence_registry& presence;
  cluster::membership& cluster;
  gateway_options options;
  socketio::server io;
  socketio::nsp& users; // the default namespace
  hub sockets;
  room_places places;
  delivery deliver;
  presence_watch watching;
  event_context events;
};

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

awaitable<std::optional<json::value>> authenticate(gateway_parts& g, socketio::socket& s) {
  std::optional<std::string> token;
  if (auto it = s.handshake().auth.find("token"); it != s.handshake().auth.end() && it->value().is_string())
    token = std::string(it->value().get_string());
  else
    token = net::cookie_value(*s.handshake().request, "mm_session");
  if (!token) co_return json::value(json::object{{"message", "unauthorized"}});
  auto session = co_await g.services.auth.authenticate(std::move(*token));
  if (!session) co_return json::value(json::object{{"message", "unauthorized"}});
  // Counted after the last co_await, so that sockets of one user connecting at once all count.
  if (const auto max = g.options.max_sockets_per_user; max > 0 && g.sockets.sockets_of(session->user_id).size() >= max)
    co_return json::value(json::object{
        {"message", "rate_limited"},
        {"data", json::object{{"code", "rate_limited"}, {"message", "Too many connections for this account; close some tabs."}}}});
  s.set_user_id(session->user_id);
  g.sockets.set_session(s, session->token_hash);
  co_return std::nullopt;
}

awaitable<void> welcome(gateway_parts& g, std::shared_ptr<socketio::socket> s) {
  const auto user_id = s->user_id();
  if (g.presence.connected(user_id)) {
    std::vector<std::string> ids{user_id};
    co_await g.watching.announce(std::move(ids));
  }
  auto pending = co_await g.services.invitations.pending_for(user_id);
  for (auto& p : pending) s->emit("interview-invitation-received", json::array{std::move(p)});
}

awaitable<void> resend_pending(gateway_parts& g, std::string user_id) {
  auto pending = co_await g.services.invitations.pending_for(user_id);
  if (pending.empty()) co_return;
  for (const auto& s : g.sockets.sockets_of(user_id))
    for (const auto& p : pending) s->emit("interview-invitation-received", json::array{p});
}

// The bus came back after losing Redis: what other nodes published meanwhile was lost, so every
// local user gets its pending invitations and every watcher the presence it watches again.
void resync(gateway_parts& g) {
  std::unordered_set<std::string> users_here;
  for (const auto& s : g.sockets.all()) users_here.insert(s->user_id());
  for (const auto& u : users_here) net::spawn_logged(g.ex, resend_pending(g, u), "re-send pending invitations");
  net::spawn_logged(g.ex, g.watching.announce_watched(), "re-announce presence");
}

void on_connected(gateway_parts& g, const std::shared_ptr<socketio::socket>& s) {
  s->on_disconnect([&g, weak = std::weak_ptr(s)](std::string_view) {
    auto s = weak.lock();
    if (!s) return;
    g.places.socket_closed(*s);
    const auto user_id = s->user_id();
    g.presence.disconnected(user_id, [&g, user_id] {
      net::spawn_logged(g.ex, g.watching.announce(std::vector<std::string>{user_id}), "presence offline");
    });
  });
  net::spawn_logged(g.ex, welcome(g, s), "socket welcome");
}

cluster::membership_events membership_events_of(gateway_parts& g) {
  cluster::membership_events e;
  e.remote_presence_changed = [&g](const std::string& user) {
    net::spawn_logged(g.ex, g.watching.announce(std::vector<std::string>{user}), "presence (cluster)");
  };
  e.place_orphaned = [&g](const cluster::place& p) { g.places.orphaned(p); };
  e.place_reclaimed = [&g](const cluster::place& p) { g.places.reclaimed(p); };
  e.place_lost = [&g](const cluster::place& p) { g.places.lost(p); };
  // The gone nodes' deadline timers died with them: arm them here (the sweep would act too, a
  // second or two late). Places stay as they are.
  e.nodes_gone = [&g] {
    net::spawn_logged(g.ex, services::restore_deadlines(g.services.ctx, false), "deadlines of gone nodes");
  };
  return e;
}

} // namespace

gateway_parts::gateway_parts(boost::asio::any_io_executor ex, services::service_set& services, presence_registry& presence,
                             cluster::membership& cluster, gateway_options options)
    : ex(ex), services(services), presence(presence), cluster(cluster), options(std::move(options)),
      io(ex, io_options(this->options)), users(io.of("/")), sockets(users), places(ex, sockets, services.rooms, cluster),
      deliver(sockets, places, [this] { resync(*this); }), watching(sockets, services.profiles, deliver),
      events{ex, services, places, watching} {}

gateway::gateway(boost::asio::any_io_executor ex, services::service_set& services, presence_registry& presence,
                 cluster::membership& cluster, gateway_options options)
    : parts_(std::make_unique<gateway_parts>(std::move(ex), services, presence, cluster, std::move(options))) {
  auto& g = *parts_;
  g.users.use([&g](socketio::socket& s) { return authenticate(g, s); });
  g.users.on_connection([&g](const std::shared_ptr<socketio::socket>& s) { on_connected(g, s); });
  install_events(g.users, g.events);
  services.ctx.events.subscribe([&g](const bus::message& m) { g.deliver(m); });
  cluster.start(membership_events_of(g));
}

gateway::~gateway() = default;
net::handler& gateway::handler() { return parts_->io; }
void gateway::close() { parts_->io.close(); }
std::size_t gateway::connected_sockets() const { return parts_->sockets.size(); }

} // namespace mm::realtime
