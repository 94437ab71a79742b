// The gateway's part in a cluster (--redis): a user's room place moving between nodes, and the
// re-sync of this node's clients after the bus lost Redis for a while.
#include "realtime/gateway_impl.hpp"

#include "net/spawn.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <chrono>

namespace mm::realtime {

namespace json = boost::json;
using boost::asio::awaitable;

namespace {

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

awaitable<void> resend_pending(gateway::impl& g, std::string user_id) {
  auto pending = co_await g.services.invitations.pending_for(user_id);
  if (pending.empty()) co_return;
  for (const auto& s : g.users.sockets_of_user(user_id))
    for (const auto& p : pending) s->emit("interview-invitation-received", json::array{p});
}

awaitable<void> reannounce_presence(gateway::impl& g, std::vector<std::string> ids) {
  auto states = co_await g.services.profiles.presence_of(std::move(ids));
  for (auto& p : states) {
    const auto id = std::string(p.at("userId").as_string());
    g.deliver({"presence:" + id, "presence", json::serialize(p)});
  }
}

} // namespace

void gateway::impl::place_taken(const std::string& room, const std::string& user) {
  auto* cluster = presence.cluster();
  if (!cluster) return;
  const auto at = now_ms();
  place_stamps[room + '\n' + user] = {at, cluster->node_id()};
  cluster->place_held(room, user);
  services.ctx.events.publish({"place:" + room + ":" + user, "place-taken",
                               json::serialize(json::object{{"node", cluster->node_id()}, {"at", at}})});
}

void gateway::impl::place_moved(const bus::message& m) {
  auto* cluster = presence.cluster();
  if (!cluster) return;
  const std::string_view rest = std::string_view(m.topic).substr(6);
  const auto colon = rest.find(':');
  if (colon == std::string_view::npos) return;
  const std::string room(rest.substr(0, colon)), user(rest.substr(colon + 1));
  const auto v = json::parse(m.payload);
  const auto* node = v.as_object().if_contains("node");
  const auto* at = v.as_object().if_contains("at");
  if (!node || !at || !node->is_string() || !at->is_int64()) return;
  const std::pair<std::int64_t, std::string> theirs{at->as_int64(), std::string(node->as_string())};
  if (theirs.second == cluster->node_id()) return; // our own take
  auto stamp = place_stamps.find(room + '\n' + user);
  if (stamp != place_stamps.end() && stamp->second > theirs) return; // ours is the later take: theirs will yield
  auto it = places.find(room);
  if (it == places.end()) return;
  auto held = it->second.find(user);
  if (held == it->second.end()) return;
  auto s = held->second.lock();
  if (!s) return;
  drop_place(*s, room);
  s->emit("left-room", json::array{json::object{{"roomId", room}, {"reason", "joined_elsewhere"}}});
}

void gateway::impl::resync() {
  std::unordered_set<std::string> users_here;
  for (const auto& s : users.all()) users_here.insert(s->user_id());
  for (const auto& u : users_here) net::spawn_logged(ex, resend_pending(*this, u), "re-send pending invitations");
  std::vector<std::string> watched;
  for (const auto& [id, sockets] : watchers) watched.push_back(id);
  if (!watched.empty()) net::spawn_logged(ex, reannounce_presence(*this, std::move(watched)), "re-announce presence");
}

} // namespace mm::realtime
