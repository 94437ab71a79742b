#include "store/workspace_access.hpp"

#include "domain/interview_rules.hpp"
#include "domain/utf16.hpp"
#include "domain/workspace_rules.hpp"

#include <stdexcept>

namespace mm::store {

domain::outcome<int> workspace_access(const std::optional<domain::interview>& iv, const workspace_target& t) {
  if (!iv) return domain::fail(domain::errc::not_found, "No interview with that room id.");
  if (auto ok = domain::check(*iv, t.user_id, domain::action::signal, t.now); !ok) return ok.error();
  return domain::workspace_round(*iv, t.round);
}

domain::outcome<std::string> apply_to_stored(const std::string& doc, std::span<const domain::doc_update> updates) {
  auto text = domain::utf8_to_utf16(doc);
  if (!text) throw std::runtime_error("a stored workspace document is not valid UTF-8");
  if (auto applied = domain::apply_updates(*text, updates); !applied) return applied.error();
  auto out = domain::utf16_to_utf8(*text);
  if (!out) throw std::logic_error("apply_updates left an unpaired surrogate");
  return std::move(*out);
}

} // namespace mm::store
