#include "bus/topic.hpp"

#include "domain/overloaded.hpp"

namespace mm::bus {

using domain::overloaded;

namespace {

std::optional<std::string_view> after(std::string_view text, std::string_view prefix) {
  if (!text.starts_with(prefix)) return std::nullopt;
  return text.substr(prefix.size());
}

// One id: not empty, no ':'.
std::optional<std::string> one_id(std::string_view rest) {
  if (rest.empty() || rest.find(':') != std::string_view::npos) return std::nullopt;
  return std::string(rest);
}

// Two ids separated by one ':'.
std::optional<std::pair<std::string, std::string>> two_ids(std::string_view rest) {
  const auto colon = rest.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  auto first = one_id(rest.substr(0, colon));
  auto second = one_id(rest.substr(colon + 1));
  if (!first || !second) return std::nullopt;
  return std::pair{std::move(*first), std::move(*second)};
}

template <class T>
std::optional<topic> with_one(std::optional<std::string> id) {
  if (!id) return std::nullopt;
  return T{std::move(*id)};
}

template <class T>
std::optional<topic> with_two(std::optional<std::pair<std::string, std::string>> ids) {
  if (!ids) return std::nullopt;
  return T{std::move(ids->first), std::move(ids->second)};
}

} // namespace

std::string encode(const topic& t) {
  return std::visit(overloaded{
                        [](const user_topic& u) { return "user:" + u.user_id; },
                        [](const place_topic& p) { return "room:" + p.room_id + ":" + p.user_id; },
                        [](const room_topic& r) { return "room:" + r.room_id; },
                        [](const presence_topic& p) { return "presence:" + p.user_id; },
                        [](const control_topic& c) { return "control:" + c.user_id; },
                        [](const place_taken_topic& p) { return "place:" + p.room_id + ":" + p.user_id; },
                        [](const cluster_topic&) { return std::string("cluster"); },
                        [](const deadline_topic&) { return std::string("deadline"); },
                        [](const link_topic&) { return std::string("bus"); },
                    },
                    t);
}

std::optional<topic> parse_topic(std::string_view text) {
  if (text == "cluster") return cluster_topic{};
  if (text == "deadline") return deadline_topic{};
  if (text == "bus") return link_topic{};
  if (auto rest = after(text, "user:")) return with_one<user_topic>(one_id(*rest));
  if (auto rest = after(text, "presence:")) return with_one<presence_topic>(one_id(*rest));
  if (auto rest = after(text, "control:")) return with_one<control_topic>(one_id(*rest));
  if (auto rest = after(text, "place:")) return with_two<place_taken_topic>(two_ids(*rest));
  if (auto rest = after(text, "room:")) {
    if (rest->find(':') == std::string_view::npos) return with_one<room_topic>(one_id(*rest));
    return with_two<place_topic>(two_ids(*rest));
  }
  return std::nullopt;
}

} // namespace mm::bus
