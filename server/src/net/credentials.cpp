#include "net/credentials.hpp"

#include <algorithm>
#include <cctype>

namespace mm::net {
namespace {
std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}
std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}
} // namespace

std::optional<std::string> bearer_token(const request& req) {
  auto value = trim(req.header_value("authorization"));
  if (value.size() < 7 || lower(value.substr(0, 7)) != "bearer ") return std::nullopt;
  auto token = trim(value.substr(7));
  if (token.empty()) return std::nullopt;
  return std::string(token);
}

std::optional<std::string> cookie_value(const request& req, std::string_view name) {
  for (const auto& h : req.headers) {
    if (lower(h.name) != "cookie") continue;
    std::string_view rest = h.value;
    while (!rest.empty()) {
      const auto semi = rest.find(';');
      auto pair = trim(rest.substr(0, semi));
      rest = semi == std::string_view::npos ? std::string_view{} : rest.substr(semi + 1);
      const auto eq = pair.find('=');
      if (eq == std::string_view::npos || trim(pair.substr(0, eq)) != name) continue;
      auto value = trim(pair.substr(eq + 1));
      if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
      if (!value.empty()) return std::string(value);
    }
  }
  return std::nullopt;
}

bool origin_allowed(const request& req, const std::vector<std::string>& allowed) {
  bool present = false;
  for (const auto& h : req.headers)
    if (lower(h.name) == "origin") present = true;
  if (!present) return true;
  const auto origin = lower(trim(req.header_value("origin")));
  const auto host = lower(trim(req.header_value("host")));
  if (origin.empty() || origin == "null") return false;
  if (!host.empty() && origin == std::string(req.secure ? "https://" : "http://") + host) return true;
  return std::any_of(allowed.begin(), allowed.end(), [&](const std::string& a) { return lower(a) == origin; });
}

} // namespace mm::net
