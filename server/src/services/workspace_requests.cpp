#include "services/workspace_requests.hpp"

#include "services/change_set_json.hpp"
#include "services/requests.hpp"

#include <boost/json/object.hpp>

#include <cmath>
#include <limits>

namespace mm::services {

namespace json = boost::json;
using domain::errc;
using domain::fail;
using domain::outcome;

namespace {

constexpr auto invalid = domain::invalid_field;

// A whole number in [lo, hi] (JSON's 3 or 3.0), else nullopt.
std::optional<std::int64_t> whole(const json::value& v, std::int64_t lo, std::int64_t hi) {
  std::optional<std::int64_t> n;
  if (v.is_int64()) n = v.get_int64();
  else if (v.is_uint64() && v.get_uint64() <= static_cast<std::uint64_t>(hi)) n = static_cast<std::int64_t>(v.get_uint64());
  else if (v.is_double() && std::floor(v.get_double()) == v.get_double() && v.get_double() >= static_cast<double>(lo) &&
           v.get_double() <= static_cast<double>(hi))
    n = static_cast<std::int64_t>(v.get_double());
  if (!n || *n < lo || *n > hi) return std::nullopt;
  return n;
}

constexpr std::int64_t max_safe_integer = (std::int64_t{1} << 53) - 1;

outcome<std::int64_t> required_whole(const json::object& o, std::string_view field, std::int64_t hi, std::string_view why) {
  const auto* v = o.if_contains(field);
  if (!v || v->is_null()) return invalid(field, "is required.");
  auto n = whole(*v, 0, hi);
  if (!n) return invalid(field, why);
  return *n;
}

outcome<workspace_request> target(const json::value& v) {
  auto room = parse_room(v);
  if (!room) return room.error();
  workspace_request out{std::move(room->room_id), std::nullopt};
  const auto* round = v.get_object().if_contains("round");
  if (round && !round->is_null()) {
    out.round = whole(*round, std::numeric_limits<std::int64_t>::min(), max_safe_integer);
    if (!out.round) return invalid("round", "must be a round number.");
  }
  return out;
}

} // namespace

outcome<workspace_request> parse_workspace_open(const json::value& v) { return target(v); }

outcome<workspace_push_request> parse_workspace_push(const json::value& v) {
  auto at = target(v);
  if (!at) return at.error();
  const auto& o = v.get_object();
  auto version = required_whole(o, "version", max_safe_integer, "must be a whole number of at least 0.");
  if (!version) return version.error();
  const auto* updates = o.if_contains("updates");
  if (!updates || updates->is_null()) return invalid("updates", "is required.");
  auto parsed = parse_updates(*updates);
  if (!parsed) return parsed.error();
  return workspace_push_request{std::move(*at), *version, std::move(*parsed)};
}

outcome<workspace_pull_request> parse_workspace_pull(const json::value& v) {
  auto at = target(v);
  if (!at) return at.error();
  auto version = required_whole(v.get_object(), "version", max_safe_integer, "must be a whole number of at least 0.");
  if (!version) return version.error();
  return workspace_pull_request{std::move(*at), *version};
}

outcome<workspace_language_request> parse_workspace_language(const json::value& v) {
  auto at = target(v);
  if (!at) return at.error();
  const auto* language = v.get_object().if_contains("language");
  if (!language || language->is_null()) return invalid("language", "is required.");
  const auto parsed = language->is_string() ? domain::parse_code_language(language->get_string()) : std::nullopt;
  if (!parsed) return invalid("language", "must be python, javascript or cpp.");
  return workspace_language_request{std::move(*at), *parsed};
}

outcome<workspace_cursor_request> parse_workspace_cursor(const json::value& v) {
  auto at = target(v);
  if (!at) return at.error();
  const auto& o = v.get_object();
  constexpr auto most = static_cast<std::int64_t>(domain::limits::document_units);
  auto anchor = required_whole(o, "anchor", most, "must be a position from 0 to 200000.");
  if (!anchor) return anchor.error();
  auto head = required_whole(o, "head", most, "must be a position from 0 to 200000.");
  if (!head) return head.error();
  return workspace_cursor_request{std::move(*at), *anchor, *head};
}

} // namespace mm::services
