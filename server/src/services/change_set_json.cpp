#include "services/change_set_json.hpp"

#include "domain/profile_rules.hpp"
#include "domain/utf16.hpp"

#include <boost/json/serialize.hpp>

#include <cmath>

namespace mm::services {

namespace json = boost::json;
using domain::change_section;
using domain::errc;
using domain::fail;
using domain::outcome;

namespace {

constexpr std::uint64_t max_safe_integer = (std::uint64_t{1} << 53) - 1; // Number.MAX_SAFE_INTEGER

constexpr auto invalid = domain::invalid_field;

std::string at(std::string_view field, std::size_t i) { return std::string(field) + "[" + std::to_string(i) + "]"; }

// A whole number 0..2^53-1 (JSON's 3 or 3.0), else nullopt.
std::optional<std::size_t> length_of(const json::value& v) {
  if (v.is_int64()) {
    const auto n = v.get_int64();
    if (n >= 0 && static_cast<std::uint64_t>(n) <= max_safe_integer) return static_cast<std::size_t>(n);
  } else if (v.is_uint64()) {
    if (v.get_uint64() <= max_safe_integer) return static_cast<std::size_t>(v.get_uint64());
  } else if (v.is_double()) {
    const double d = v.get_double();
    if (d >= 0 && d <= static_cast<double>(max_safe_integer) && std::floor(d) == d) return static_cast<std::size_t>(d);
  }
  return std::nullopt;
}

outcome<std::u16string> line_of(const json::value& v, const std::string& field) {
  if (!v.is_string()) return invalid(field, "must be [length, line, ...] with string lines.");
  const auto& s = v.get_string();
  if (s.find_first_of("\r\n") != json::string::npos) return invalid(field, "lines must not contain line breaks.");
  auto u = domain::utf8_to_utf16(s);
  if (!u) return invalid(field, "must be valid UTF-8.");
  return std::move(*u);
}

outcome<change_section> section_of(const json::value& v, const std::string& field) {
  if (auto n = length_of(v)) return change_section{change_section::kind::keep, *n, {}};
  const auto shape = "must be a length (a whole number of at least 0), [length] or [length, line, ...].";
  if (!v.is_array() || v.get_array().empty()) return invalid(field, shape);
  const auto& a = v.get_array();
  auto n = length_of(a[0]);
  if (!n) return invalid(field, shape);
  if (a.size() == 1) return change_section{change_section::kind::remove, *n, {}};
  change_section s{change_section::kind::replace, *n, {}};
  s.lines.reserve(a.size() - 1);
  for (std::size_t i = 1; i < a.size(); ++i) {
    auto line = line_of(a[i], field);
    if (!line) return line.error();
    s.lines.push_back(std::move(*line));
  }
  return s;
}

json::string utf8_of(std::u16string_view s) {
  auto u = domain::utf16_to_utf8(s);
  // Lines and documents come from valid UTF-8 and apply_changes keeps them valid.
  if (!u) throw std::logic_error("change_set_json: unpaired surrogate in a domain string");
  return json::string(*u);
}

} // namespace

outcome<domain::change_set> parse_change_set(const json::value& v, std::string_view field) {
  if (!v.is_array()) return invalid(field, "must be an array (ChangeSet.toJSON()).");
  domain::change_set cs;
  cs.sections.reserve(v.get_array().size());
  std::size_t i = 0;
  for (const auto& item : v.get_array()) {
    auto s = section_of(item, at(field, i++));
    if (!s) return s.error();
    cs.sections.push_back(std::move(*s));
  }
  return cs;
}

json::array to_json(const domain::change_set& cs) {
  json::array out;
  out.reserve(cs.sections.size());
  for (const auto& s : cs.sections) {
    const auto n = static_cast<std::uint64_t>(s.length);
    if (s.op == change_section::kind::keep) {
      out.emplace_back(n);
      continue;
    }
    json::array item;
    item.reserve(1 + s.lines.size());
    item.emplace_back(n);
    for (const auto& line : s.lines) item.emplace_back(utf8_of(line));
    out.emplace_back(std::move(item));
  }
  return out;
}

outcome<domain::doc_update> parse_update(const json::value& v, std::string_view field) {
  if (!v.is_object()) return invalid(field, "must be an object {clientID, changes}.");
  const auto& o = v.get_object();
  const auto* id = o.if_contains("clientID");
  if (!id || id->is_null()) return invalid(std::string(field) + ".clientID", "is required.");
  if (!id->is_string() || domain::utf8_length(id->get_string()) > domain::limits::client_id)
    return invalid(std::string(field) + ".clientID", "must be a string of at most 64 characters.");
  const auto* changes = o.if_contains("changes");
  if (!changes) return invalid(std::string(field) + ".changes", "is required.");
  auto cs = parse_change_set(*changes, std::string(field) + ".changes");
  if (!cs) return cs.error();
  return domain::doc_update{std::string(id->get_string()), std::move(*cs)};
}

json::object to_json(const domain::doc_update& u) {
  return json::object{{"clientID", u.client_id}, {"changes", to_json(u.changes)}};
}

outcome<std::vector<domain::doc_update>> parse_updates(const json::value& v, std::string_view field) {
  if (!v.is_array()) return invalid(field, "must be an array of updates.");
  const auto& a = v.get_array();
  if (a.size() > domain::limits::push_updates)
    return fail(errc::payload_too_large, std::string(field) + " may hold at most 100 updates.");
  if (json::serialize(v).size() > domain::limits::push_bytes)
    return fail(errc::payload_too_large, std::string(field) + " may be at most 64 KiB as JSON.");
  std::vector<domain::doc_update> out;
  out.reserve(a.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    auto u = parse_update(a[i], at(field, i));
    if (!u) return u.error();
    out.push_back(std::move(*u));
  }
  return out;
}

json::array to_json(const std::vector<domain::doc_update>& updates) {
  json::array out;
  out.reserve(updates.size());
  for (const auto& u : updates) out.emplace_back(to_json(u));
  return out;
}

json::string doc_to_json(std::u16string_view doc) { return utf8_of(doc); }

} // namespace mm::services
