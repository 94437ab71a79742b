#include "services/trust_requests.hpp"

namespace mm::services {

namespace json = boost::json;
using domain::errc;
using domain::fail;
using domain::outcome;

namespace {
constexpr auto invalid = domain::invalid_field;

outcome<std::string> required_id(const json::object& o, std::string_view field) {
  auto it = o.find(field);
  if (it == o.end() || it->value().is_null()) return invalid(field, "is required.");
  if (!it->value().is_string() || it->value().get_string().empty()) return invalid(field, "must be a non-empty string.");
  return std::string(it->value().get_string());
}
} // namespace

outcome<block_request> parse_block(const json::value& v) {
  if (!v.is_object()) return fail(errc::validation_failed, "body must be a JSON object.");
  auto id = required_id(v.get_object(), "userId");
  if (!id) return id.error();
  return block_request{std::move(*id)};
}

outcome<report_body> parse_report(const json::value& v) {
  if (!v.is_object()) return fail(errc::validation_failed, "body must be a JSON object.");
  const auto& o = v.get_object();
  report_body out;
  auto id = required_id(o, "userId");
  if (!id) return id.error();
  out.user_id = std::move(*id);
  if (auto it = o.find("roomId"); it != o.end() && !it->value().is_null()) {
    if (!it->value().is_string() || it->value().get_string().empty()) return invalid("roomId", "must be a non-empty string or null.");
    out.room_id = std::string(it->value().get_string());
  }
  auto reason = o.find("reason");
  if (reason == o.end() || reason->value().is_null()) return invalid("reason", "is required.");
  const auto parsed = reason->value().is_string() ? domain::parse_report_reason(reason->value().get_string()) : std::nullopt;
  if (!parsed) return invalid("reason", "must be one of no_show, abusive, inappropriate, spam, other.");
  out.reason = *parsed;
  if (auto it = o.find("details"); it != o.end() && !it->value().is_null()) {
    if (!it->value().is_string()) return invalid("details", "must be a string or null.");
    std::string text(it->value().get_string());
    if (auto f = domain::check_report_details(text)) return *f;
    if (!text.empty()) out.details = std::move(text);
  }
  return out;
}

} // namespace mm::services
