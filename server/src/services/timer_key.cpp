#include "services/timer_key.hpp"

#include "domain/overloaded.hpp"

namespace mm::services {

using domain::overloaded;

namespace {

std::optional<std::string> id_after(std::string_view text, std::string_view prefix) {
  if (!text.starts_with(prefix) || text.size() == prefix.size()) return std::nullopt;
  const auto id = text.substr(prefix.size());
  if (id.find(':') != std::string_view::npos) return std::nullopt;
  return std::string(id);
}

} // namespace

std::string encode(const timer_key& k) {
  return std::visit(overloaded{
                        [](const expiry_key& e) { return "expire:" + e.room_id; },
                        [](const grace_key& g) { return "grace:" + g.room_id; },
                    },
                    k);
}

std::optional<timer_key> parse_timer_key(std::string_view text) {
  if (auto id = id_after(text, "expire:")) return expiry_key{std::move(*id)};
  if (auto id = id_after(text, "grace:")) return grace_key{std::move(*id)};
  return std::nullopt;
}

} // namespace mm::services
