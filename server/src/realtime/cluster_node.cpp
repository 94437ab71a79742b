#include "realtime/cluster_node.hpp"

#include "net/spawn.hpp"
#include "services/lifecycle.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <spdlog/spdlog.h>

namespace mm::realtime {

namespace json = boost::json;
using namespace std::chrono_literals;

namespace {

const std::string prefix = "mockmate:";
constexpr auto tick_period = 1s;
constexpr auto alive_ttl_ms = 10'000;   // a node silent this long is dead (claimed by a survivor)
constexpr auto silent_after = 15s;      // a node unheard this long leaves our view (lost "dead")
constexpr auto bye_grace = 5s;          // a node stopping gracefully: its users' reload grace
constexpr auto sync_every = 3s;         // at most one "sync" request per node this often
constexpr auto release_delay = 3s;      // a released place stays claimable this long

// Atomically: every registered node whose alive key expired is removed, tombstoned, and returned
// as "n:<node>", followed by its places ("p:<room>\n<user>") that no live node holds.
constexpr const char* claim_script = R"lua(
local prefix = ARGV[1]
local live, dead = {}, {}
for _, n in ipairs(redis.call('SMEMBERS', prefix .. 'nodes')) do
  if redis.call('EXISTS', prefix .. 'alive:' .. n) == 1 then live[#live + 1] = n else dead[#dead + 1] = n end
end
local out = {}
for _, n in ipairs(dead) do
  redis.call('SREM', prefix .. 'nodes', n)
  redis.call('SET', prefix .. 'claimed:' .. n, '1', 'EX', 3600)
  out[#out + 1] = 'n:' .. n
  for _, p in ipairs(redis.call('SMEMBERS', prefix .. 'places:' .. n)) do
    local held = false
    for _, l in ipairs(live) do
      if redis.call('SISMEMBER', prefix .. 'places:' .. l, p) == 1 then held = true; break end
    end
    if not held then out[#out + 1] = 'p:' .. p end
  end
  redis.call('DEL', prefix .. 'places:' .. n)
end
return out
)lua";

std::string place_key(const std::string& room, const std::string& user) { return room + '\n' + user; }

std::string text(const json::object& o, std::string_view key) {
  auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

boost::asio::awaitable<void> give_up_place(services::service_set& s, std::string user, std::string room) {
  co_await s.rooms.left(std::move(user), std::move(room));
}

boost::asio::awaitable<void> retake_place(services::service_set& s, std::string user, std::string room) {
  auto joined = co_await s.rooms.join(user, room);
  if (!joined) spdlog::info("cluster: place in {} not retaken: {}", room, joined.error().message);
}

} // namespace

cluster_node::cluster_node(boost::asio::any_io_executor ex, bus::redis_bus& bus, presence_registry& presence,
                           services::service_set& services)
    : ex_(ex), bus_(bus), presence_(presence), services_(services), ticker_(ex) {}

cluster_node::~cluster_node() { presence_.attach(nullptr); }

void cluster_node::start() {
  presence_.attach(this);
  presence_.on_local_change([this](const std::string& user, bool online) {
    if (!stopping_) send(online ? "on" : "off", {{"user", user}});
  });
  bus_.subscribe([this](const bus::message& m) {
    if (m.topic == "cluster") on_message(m);
    else if (m.event == "interview-invitation-received") watch_deadline(m);
  });
  bus_.on_link([this](bool up) { on_link(up); });
  schedule();
}

void cluster_node::stop() {
  if (stopping_) return;
  stopping_ = true;
  ticker_.cancel();
  for (auto& [key, timer] : releasing_) timer->cancel();
  send("bye", {});
  // Survivors claim this node at once and give up the places its sockets still hold.
  bus_.command({"DEL", prefix + "alive:" + node_id()}, nullptr);
}

void cluster_node::place_held(const std::string& room, const std::string& user) {
  if (stopping_) return;
  places_.emplace(room, user);
  if (auto it = releasing_.find({room, user}); it != releasing_.end()) {
    it->second->cancel();
    releasing_.erase(it);
  }
  bus_.command({"SADD", prefix + "places:" + node_id(), place_key(room, user)}, nullptr);
}

// The place leaves Redis only a while after the socket let it go: the room_service::left that
// follows a socket's exit runs on the database first, and if this node dies (or is stopped)
// meanwhile, the survivor that claims it gives the place up instead (a duplicate left is harmless).
void cluster_node::place_released(const std::string& room, const std::string& user) {
  if (stopping_) return; // shutting down: the survivor that claims this node gives them up
  places_.erase({room, user});
  auto timer = std::make_shared<boost::asio::steady_timer>(ex_, release_delay);
  releasing_[{room, user}] = timer;
  timer->async_wait([this, timer, room, user](const boost::system::error_code& ec) {
    if (ec || stopping_) return;
    auto it = releasing_.find({room, user});
    if (it == releasing_.end() || it->second != timer) return;
    releasing_.erase(it);
    bus_.command({"SREM", prefix + "places:" + node_id(), place_key(room, user)}, nullptr);
  });
}

void cluster_node::send(std::string event, json::object fields) {
  fields["node"] = node_id();
  bus_.publish({"cluster", std::move(event), json::serialize(fields)});
}

void cluster_node::send_state() {
  json::array users;
  for (auto& u : presence_.local_users()) users.emplace_back(u);
  send("state", {{"users", std::move(users)}});
}

void cluster_node::on_link(bool up) {
  if (!up || stopping_) return;
  linked_since_ = clock::now();
  hello_due_ = true;
  tick(); // registers at once, says hello
}

void cluster_node::on_message(const bus::message& m) {
  json::object o;
  try {
    auto v = json::parse(m.payload);
    if (!v.is_object()) return;
    o = std::move(v.as_object());
  } catch (const std::exception&) {
    return;
  }
  const auto from = text(o, "node");
  if (from.empty() || from == node_id()) return;
  const auto now = clock::now();
  if (m.event == "bye") {
    last_seen_.erase(from);
    said_bye_.insert(from);
    auto t = std::make_shared<boost::asio::steady_timer>(ex_, bye_grace);
    t->async_wait([this, t, from](const boost::system::error_code& ec) {
      if (ec) return;
      said_bye_.erase(from);
      if (!last_seen_.count(from)) presence_.remote_drop(from);
    });
    return;
  }
  if (m.event == "dead") {
    const auto dead = text(o, "dead");
    if (dead == node_id()) { // we were taken for dead (a partition, a stall): come back
      reregister();
      send_state();
      return;
    }
    last_seen_.erase(dead);
    if (!said_bye_.count(dead)) presence_.remote_drop(dead); // else after the bye's grace
    return;
  }
  last_seen_[from] = now;
  if (m.event == "on") {
    presence_.remote_add(from, text(o, "user"));
  } else if (m.event == "off") {
    presence_.remote_remove(from, text(o, "user"));
  } else if (m.event == "state") {
    std::vector<std::string> users;
    if (auto* list = o.if_contains("users"); list && list->is_array())
      for (const auto& u : list->as_array())
        if (u.is_string()) users.emplace_back(u.as_string());
    presence_.remote_replace(from, users);
  } else if (m.event == "hello") {
    send_state();
  } else if (m.event == "sync") {
    if (text(o, "target") == node_id()) send_state();
  } else if (m.event == "hb") {
    if (text(o, "digest") != presence_.remote_digest(from)) {
      auto& asked = sync_asked_[from];
      if (now - asked >= sync_every) {
        asked = now;
        send("sync", {{"target", from}});
      }
    }
  }
}

// Every node arms the expiry of every invitation it hears of, so that it expires on time even
// when the node that sent it dies first (the store lets exactly one expiry act).
void cluster_node::watch_deadline(const bus::message& m) {
  try {
    const auto v = json::parse(m.payload);
    const auto& iv = v.at("interview").as_object();
    const auto at = domain::from_iso8601(iv.at("expiresAt").as_string());
    if (at && iv.at("status").as_string() == "pending") services::arm_expiry(services_.ctx, std::string(iv.at("roomId").as_string()), *at);
  } catch (const std::exception&) {
  }
}

void cluster_node::schedule() {
  if (stopping_) return;
  ticker_.expires_after(tick_period);
  ticker_.async_wait([this](const boost::system::error_code& ec) {
    if (ec || stopping_) return;
    tick();
    schedule();
  });
}

void cluster_node::tick() {
  if (stopping_ || !bus_.linked()) return;
  if (hello_due_) {
    hello_due_ = false;
    send("hello", {});
    send_state();
  }
  send("hb", {{"digest", presence_.digest(presence_.local_users())}});
  bus_.command({"SET", prefix + "alive:" + node_id(), "1", "PX", std::to_string(alive_ttl_ms)}, nullptr);
  bus_.command({"SADD", prefix + "nodes", node_id()}, [this](const bus::redis_reply& r) {
    if (r.type == bus::redis_reply::kind::integer && r.integer == 1 && !stopping_) reregister();
  });
  claim();
  // A node we have not heard from for long (its "dead" was lost, say) leaves our view; only
  // judged while our own link has been up that long.
  const auto now = clock::now();
  if (now - linked_since_ < silent_after) return;
  std::vector<std::string> silent;
  for (const auto& [node, seen] : last_seen_)
    if (now - seen > silent_after) silent.push_back(node);
  for (const auto& node : silent) {
    spdlog::info("cluster: node {} silent for {} s, its users go offline", node, silent_after.count());
    last_seen_.erase(node);
    presence_.remote_drop(node);
  }
}

// Newly registered (first tick, or Redis lost its data, or a survivor claimed us while we were
// cut off): rewrite our places, and take them again if a survivor gave them up meanwhile.
void cluster_node::reregister() {
  const auto me = node_id();
  bus_.command({"DEL", prefix + "places:" + me}, nullptr);
  if (!places_.empty()) {
    std::vector<std::string> argv{"SADD", prefix + "places:" + me};
    for (const auto& [room, user] : places_) argv.push_back(place_key(room, user));
    bus_.command(std::move(argv), nullptr);
  }
  bus_.command({"SET", prefix + "alive:" + me, "1", "PX", std::to_string(alive_ttl_ms)}, nullptr);
  bus_.command({"SADD", prefix + "nodes", me}, nullptr);
  bus_.command({"GETDEL", prefix + "claimed:" + me}, [this](const bus::redis_reply& r) {
    if (r.type != bus::redis_reply::kind::text || stopping_) return;
    spdlog::warn("cluster: this node was taken for dead; taking its {} room places again", places_.size());
    for (const auto& [room, user] : places_) net::spawn_logged(ex_, retake_place(services_, user, room), "retake room place");
    send_state();
  });
}

void cluster_node::claim() {
  bus_.command({"EVAL", claim_script, "0", prefix}, [this](const bus::redis_reply& r) {
    if (r.type == bus::redis_reply::kind::error) {
      if (r.text != "redis unreachable") spdlog::error("cluster: claim script: {}", r.text);
      return;
    }
    if (!r.elements.empty()) take_over(r.elements);
  });
}

void cluster_node::take_over(const std::vector<std::string>& claimed) {
  std::size_t places = 0;
  bool took_over = false;
  bool ours = false; // we were claimed (stalled past the TTL): our places are still ours
  for (const auto& item : claimed) {
    if (item.rfind("n:", 0) == 0) {
      const auto dead = item.substr(2);
      ours = dead == node_id();
      if (ours) continue;
      spdlog::info("cluster: node {} is gone; its users go offline and its room places are given up", dead);
      took_over = true;
      send("dead", {{"dead", dead}});
      last_seen_.erase(dead);
      if (!said_bye_.count(dead)) presence_.remote_drop(dead); // else after the bye's grace
    } else if (item.rfind("p:", 0) == 0 && !ours) {
      const auto nl = item.find('\n');
      if (nl == std::string::npos) continue;
      ++places;
      net::spawn_logged(ex_, give_up_place(services_, item.substr(nl + 1), item.substr(2, nl - 2)), "give up a dead node's place");
    }
  }
  if (places) spdlog::info("cluster: gave up {} room places of gone nodes", places);
  // The gone nodes' deadline timers died with them: arm them here (the sweep would act too, a
  // second or two late). Places stay as they are.
  if (took_over) net::spawn_logged(ex_, services::restore_deadlines(services_.ctx, false), "deadlines of gone nodes");
}

} // namespace mm::realtime
