#include "cluster/cluster_message.hpp"

#include "domain/overloaded.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace mm::cluster {

using domain::overloaded;

namespace json = boost::json;

namespace {

bus::message cluster(std::string event, json::object fields, const std::string& node) {
  fields["node"] = node;
  return {bus::cluster_topic{}, std::move(event), json::serialize(fields)};
}

std::optional<json::object> object_of(std::string_view payload) {
  boost::system::error_code ec;
  auto v = json::parse(payload, ec);
  if (ec || !v.is_object()) return std::nullopt;
  return std::move(v.as_object());
}

std::optional<std::string> text(const json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  if (!v || !v->is_string() || v->as_string().empty()) return std::nullopt;
  return std::string(v->as_string());
}

} // namespace

bus::message to_message(const cluster_message& m) {
  return std::visit(overloaded{
                        [](const user_online& x) { return cluster("on", {{"user", x.user}}, x.node); },
                        [](const user_offline& x) { return cluster("off", {{"user", x.user}}, x.node); },
                        [](const node_state& x) {
                          json::array users;
                          for (const auto& u : x.users) users.emplace_back(u);
                          return cluster("state", {{"users", std::move(users)}}, x.node);
                        },
                        [](const hello& x) { return cluster("hello", {}, x.node); },
                        [](const sync_request& x) { return cluster("sync", {{"target", x.target}}, x.node); },
                        [](const heartbeat& x) { return cluster("hb", {{"digest", x.digest}}, x.node); },
                        [](const node_dead& x) { return cluster("dead", {{"dead", x.dead}}, x.node); },
                        [](const goodbye& x) { return cluster("bye", {}, x.node); },
                    },
                    m);
}

std::optional<cluster_message> parse_cluster_message(const bus::message& m) {
  if (!std::holds_alternative<bus::cluster_topic>(m.to)) return std::nullopt;
  const auto o = object_of(m.payload);
  if (!o) return std::nullopt;
  auto node = text(*o, "node");
  if (!node) return std::nullopt;
  auto with = [&](std::string_view key) { return text(*o, key); };
  const auto& e = m.event;
  if (e == "on" || e == "off") {
    auto user = with("user");
    if (!user) return std::nullopt;
    if (e == "on") return user_online{std::move(*node), std::move(*user)};
    return user_offline{std::move(*node), std::move(*user)};
  }
  if (e == "state") {
    const auto* list = o->if_contains("users");
    if (!list || !list->is_array()) return std::nullopt;
    node_state s{std::move(*node), {}};
    for (const auto& u : list->as_array()) {
      if (!u.is_string()) return std::nullopt;
      s.users.emplace_back(u.as_string());
    }
    return s;
  }
  if (e == "hello") return hello{std::move(*node)};
  if (e == "bye") return goodbye{std::move(*node)};
  if (e == "sync") {
    auto target = with("target");
    if (!target) return std::nullopt;
    return sync_request{std::move(*node), std::move(*target)};
  }
  if (e == "hb") {
    auto digest = with("digest");
    if (!digest) return std::nullopt;
    return heartbeat{std::move(*node), std::move(*digest)};
  }
  if (e == "dead") {
    auto dead = with("dead");
    if (!dead) return std::nullopt;
    return node_dead{std::move(*node), std::move(*dead)};
  }
  return std::nullopt;
}

const std::string& sender(const cluster_message& m) {
  return std::visit([](const auto& x) -> const std::string& { return x.node; }, m);
}

bus::message to_message(const place_taken& t) {
  return {bus::place_taken_topic{t.where.room_id, t.where.user_id}, "place-taken",
          json::serialize(json::object{{"node", t.node}, {"at", domain::to_millis(t.at)}})};
}

std::optional<place_taken> parse_place_taken(const bus::message& m) {
  const auto* topic = std::get_if<bus::place_taken_topic>(&m.to);
  if (!topic || m.event != "place-taken") return std::nullopt;
  const auto o = object_of(m.payload);
  if (!o) return std::nullopt;
  auto node = text(*o, "node");
  const auto* at = o->if_contains("at");
  if (!node || !at || !at->is_int64()) return std::nullopt;
  return place_taken{{topic->room_id, topic->user_id}, std::move(*node), domain::from_millis(at->as_int64())};
}

} // namespace mm::cluster
