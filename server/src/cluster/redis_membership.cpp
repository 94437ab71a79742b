#include "cluster/redis_membership.hpp"

#include "domain/overloaded.hpp"

#include <spdlog/spdlog.h>

namespace mm::cluster {

using domain::overloaded;

using namespace std::chrono_literals;

namespace {

constexpr auto tick_period = 1s;
constexpr domain::milliseconds silent_after{15'000}; // a node unheard this long leaves our view (lost "dead")
constexpr auto bye_grace = 5s;                       // a node stopping gracefully: its users' reload grace
constexpr domain::milliseconds sync_every{3'000};    // at most one "sync" request per node this often
constexpr auto release_delay = 3s;                   // a released place stays claimable this long

} // namespace

redis_membership::redis_membership(boost::asio::any_io_executor ex, bus::redis_bus& bus, const domain::clock& clock)
    : ex_(ex), bus_(bus), clock_(clock), leases_(bus, bus.node_id()), view_(clock), ticker_(ex) {}

redis_membership::~redis_membership() {
  ticker_.cancel();
  for (auto& [p, timer] : releasing_) timer->cancel();
}

void redis_membership::start(membership_events events) {
  events_ = std::move(events);
  bus_.subscribe([this](const bus::message& m) {
    if (std::holds_alternative<bus::cluster_topic>(m.to)) {
      if (auto c = parse_cluster_message(m)) on_cluster(*c);
      else spdlog::warn("cluster: dropped a malformed {} message", m.event);
    } else if (std::holds_alternative<bus::place_taken_topic>(m.to)) {
      if (auto t = parse_place_taken(m)) on_place_taken(*t);
      else spdlog::warn("cluster: dropped a malformed {} message", m.event);
    }
  });
  bus_.on_link([this](bool up) { on_link(up); });
  schedule();
}

void redis_membership::stop() {
  if (stopping_) return;
  stopping_ = true;
  ticker_.cancel();
  for (auto& [p, timer] : releasing_) timer->cancel();
  send(goodbye{node_id()});
  leases_.end(); // survivors claim this node at once and give up the places its sockets still hold
}

void redis_membership::local_presence(const std::string& user, bool online) {
  if (online) local_.insert(user);
  else local_.erase(user);
  if (stopping_) return;
  if (online) send(user_online{node_id(), user});
  else send(user_offline{node_id(), user});
}

void redis_membership::place_taken(const place& p) {
  const stamp mine{clock_.now(), node_id()};
  held_[p] = mine;
  bus_.publish(to_message(cluster::place_taken{p, mine.second, mine.first}));
  if (stopping_) return;
  if (auto it = releasing_.find(p); it != releasing_.end()) {
    it->second->cancel();
    releasing_.erase(it);
  }
  leases_.hold(p);
}

// The place leaves Redis only a while after the socket let it go: the room_service::left that
// follows a socket's exit runs on the database first, and if this node dies (or is stopped)
// meanwhile, the survivor that claims it gives the place up instead (a duplicate left is harmless).
void redis_membership::place_released(const place& p) {
  held_.erase(p);
  if (stopping_) return; // shutting down: the survivor that claims this node gives them up
  auto timer = std::make_shared<boost::asio::steady_timer>(ex_, release_delay);
  releasing_[p] = timer;
  timer->async_wait([this, timer, p](const boost::system::error_code& ec) {
    if (ec || stopping_) return;
    auto it = releasing_.find(p);
    if (it == releasing_.end() || it->second != timer) return;
    releasing_.erase(it);
    leases_.release(p);
  });
}

void redis_membership::on_place_taken(const cluster::place_taken& t) {
  if (t.node == node_id()) return; // our own take
  auto held = held_.find(t.where);
  if (held == held_.end()) return;                               // no socket here holds it
  if (held->second > stamp{t.at, t.node}) return;                // ours is the later take: theirs yields
  if (events_.place_lost) events_.place_lost(t.where);           // the socket lets it go: place_released
}

void redis_membership::send(const cluster_message& m) { bus_.publish(to_message(m)); }

void redis_membership::send_state() { send(node_state{node_id(), std::vector<std::string>(local_.begin(), local_.end())}); }

void redis_membership::flipped(const std::vector<std::string>& users) {
  if (!events_.remote_presence_changed) return;
  for (const auto& u : users)
    if (!local_.count(u)) events_.remote_presence_changed(u);
}

void redis_membership::forget_node(const std::string& node) {
  view_.forget(node);
  if (!said_bye_.count(node)) flipped(view_.drop(node)); // else after the bye's grace
}

void redis_membership::on_link(bool up) {
  if (!up || stopping_) return;
  linked_since_ = clock_.now();
  hello_due_ = true;
  tick(); // registers at once, says hello
}

void redis_membership::on_cluster(const cluster_message& m) {
  const auto& from = sender(m);
  if (from == node_id()) return;
  if (const auto* bye = std::get_if<goodbye>(&m)) {
    view_.forget(from);
    said_bye_.insert(from);
    auto t = std::make_shared<boost::asio::steady_timer>(ex_, bye_grace);
    t->async_wait([this, t, node = bye->node](const boost::system::error_code& ec) {
      if (ec) return;
      said_bye_.erase(node);
      if (!view_.heard_of(node)) flipped(view_.drop(node));
    });
    return;
  }
  if (const auto* dead = std::get_if<node_dead>(&m)) {
    if (dead->dead == node_id()) { // we were taken for dead (a partition, a stall): come back
      reregister();
      send_state();
      return;
    }
    forget_node(dead->dead);
    return;
  }
  view_.heard(from);
  std::visit(overloaded{
                 [&](const user_online& x) { flipped(view_.add(from, x.user)); },
                 [&](const user_offline& x) { flipped(view_.remove(from, x.user)); },
                 [&](const node_state& x) { flipped(view_.replace(from, x.users)); },
                 [&](const hello&) { send_state(); },
                 [&](const sync_request& x) {
                   if (x.target == node_id()) send_state();
                 },
                 [&](const heartbeat& x) {
                   if (x.digest == view_.digest_of(from)) return;
                   const auto now = clock_.now();
                   auto [asked, fresh] = sync_asked_.try_emplace(from, now);
                   if (!fresh && now - asked->second < sync_every) return;
                   asked->second = now;
                   send(sync_request{node_id(), from});
                 },
                 [](const node_dead&) {},
                 [](const goodbye&) {},
             },
             m);
}

void redis_membership::schedule() {
  if (stopping_) return;
  ticker_.expires_after(tick_period);
  ticker_.async_wait([this](const boost::system::error_code& ec) {
    if (ec || stopping_) return;
    tick();
    schedule();
  });
}

void redis_membership::tick() {
  if (stopping_ || !bus_.linked()) return;
  if (hello_due_) {
    hello_due_ = false;
    send(hello{node_id()});
    send_state();
  }
  send(heartbeat{node_id(), peer_view::digest(std::vector<std::string>(local_.begin(), local_.end()))});
  leases_.renew([this](bool newly) {
    if (newly && !stopping_) reregister();
  });
  leases_.claim([this](std::vector<claimed_node> claimed) { take_over(claimed); });
  // A node we have not heard from for long (its "dead" was lost, say) leaves our view; only
  // judged while our own link has been up that long.
  if (clock_.now() - linked_since_ < silent_after) return;
  for (const auto& node : view_.take_silent(silent_after)) {
    spdlog::info("cluster: node {} silent for {} s, its users go offline", node, silent_after.count() / 1000);
    flipped(view_.drop(node));
  }
}

// Newly registered (first tick, or Redis lost its data, or a survivor claimed us while we were
// cut off): rewrite our places, and take them again if a survivor gave them up meanwhile.
void redis_membership::reregister() {
  std::set<place> held;
  for (const auto& [p, s] : held_) held.insert(p);
  leases_.reregister(held, [this](bool claimed) {
    if (!claimed || stopping_) return;
    spdlog::warn("cluster: this node was taken for dead; taking its {} room places again", held_.size());
    if (events_.place_reclaimed)
      for (const auto& [p, s] : held_) events_.place_reclaimed(p);
    send_state();
  });
}

void redis_membership::take_over(const std::vector<claimed_node>& claimed) {
  std::size_t places = 0;
  bool took_over = false;
  for (const auto& c : claimed) {
    if (c.node == node_id()) continue; // we were claimed (stalled past the lease): our places are still ours
    spdlog::info("cluster: node {} is gone; its users go offline and its room places are given up", c.node);
    took_over = true;
    send(node_dead{node_id(), c.node});
    forget_node(c.node);
    for (const auto& p : c.orphaned) {
      ++places;
      if (events_.place_orphaned) events_.place_orphaned(p);
    }
  }
  if (places) spdlog::info("cluster: gave up {} room places of gone nodes", places);
  if (took_over && events_.nodes_gone) events_.nodes_gone();
}

std::unique_ptr<membership> create_redis_membership(boost::asio::any_io_executor ex, bus::redis_bus& bus,
                                                    const domain::clock& clock) {
  return std::make_unique<redis_membership>(std::move(ex), bus, clock);
}

} // namespace mm::cluster
