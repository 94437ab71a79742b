#include "http/call.hpp"

#include <boost/json/parse.hpp>
#include "net/query.hpp"

#include <charconv>

namespace mm::http {

std::string call::param(std::string_view name) const {
  for (const auto& [k, v] : params)
    if (k == name) return v;
  return {};
}

std::optional<std::string> call::query(std::string_view name) const {
  auto value = net::query_param(req.query, name);
  if (!value || value->empty()) return std::nullopt;
  return value;
}

domain::outcome<int> call::query_int(std::string_view name, int fallback, int min, int max) const {
  auto text = query(name);
  if (!text) return fallback;
  int value = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (ec != std::errc{} || end != text->data() + text->size() || value < min || value > max)
    return domain::fail(domain::errc::validation_failed,
                        std::string(name) + " must be a whole number from " + std::to_string(min) + " to " + std::to_string(max) + ".");
  return value;
}

domain::outcome<boost::json::value> call::json_body() const {
  boost::system::error_code ec;
  auto v = boost::json::parse(req.body, ec);
  if (ec) return domain::fail(domain::errc::malformed_json, "The request body is not valid JSON.");
  return v;
}

} // namespace mm::http
