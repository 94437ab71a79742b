#include "services/deadline_notice.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace mm::services {

namespace json = boost::json;

namespace {
constexpr std::string_view event_name = "deadline";
}

bus::message to_message(const deadline_notice& n) {
  return {bus::deadline_topic{}, std::string(event_name),
          json::serialize(json::object{{"key", encode(n.key)}, {"at", domain::to_millis(n.at)}})};
}

std::optional<deadline_notice> parse_deadline_notice(const bus::message& m) {
  if (!std::holds_alternative<bus::deadline_topic>(m.to) || m.event != event_name) return std::nullopt;
  boost::system::error_code ec;
  const auto v = json::parse(m.payload, ec);
  if (ec || !v.is_object()) return std::nullopt;
  const auto* key = v.as_object().if_contains("key");
  const auto* at = v.as_object().if_contains("at");
  if (!key || !key->is_string() || !at || !at->is_int64()) return std::nullopt;
  auto parsed = parse_timer_key(key->as_string());
  if (!parsed) return std::nullopt;
  return deadline_notice{std::move(*parsed), domain::from_millis(at->as_int64())};
}

} // namespace mm::services
