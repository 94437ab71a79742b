#include "domain/trust_rules.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace mm::domain {

namespace {
constexpr std::array<std::pair<report_reason, std::string_view>, 5> reasons{{
    {report_reason::no_show, "no_show"},
    {report_reason::abusive, "abusive"},
    {report_reason::inappropriate, "inappropriate"},
    {report_reason::spam, "spam"},
    {report_reason::other, "other"},
}};
} // namespace

std::string_view to_string(report_reason r) {
  for (const auto& [value, name] : reasons)
    if (value == r) return name;
  return {};
}

std::optional<report_reason> parse_report_reason(std::string_view s) {
  for (const auto& [value, name] : reasons)
    if (name == s) return value;
  return std::nullopt;
}

std::optional<failure> check_report_details(std::string_view text) {
  std::size_t points = 0;
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c & 0xC0) != 0x80) ++points;
    if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7F)
      return fail(errc::validation_failed, "details must not contain control characters.");
  }
  if (points > report_details_max) return fail(errc::validation_failed, "details must be at most 2000 characters.");
  return std::nullopt;
}

std::optional<failure> check_block(bool to_self, bool target_exists) {
  if (to_self) return fail(errc::validation_failed, "userId must be someone else: you cannot block yourself.");
  if (!target_exists) return fail(errc::not_found, "No user with that userId.");
  return std::nullopt;
}

interview_status blocked_ending(const interview& iv, std::string_view blocker_id) {
  return iv.invitee.id == blocker_id ? interview_status::rejected : interview_status::cancelled;
}

std::optional<failure> check_report(const report_facts& f, const report_limit& limit, time_point now) {
  if (f.to_self) return fail(errc::validation_failed, "userId must be someone else: you cannot report yourself.");
  if (!f.target_exists) return fail(errc::not_found, "No user with that userId.");
  if (f.room_of_both && !*f.room_of_both) return fail(errc::not_found, "No interview of yours with that user has that roomId.");
  if (limit.count > 0 && f.recent.size() >= static_cast<std::size_t>(limit.count)) {
    const auto free_at = f.recent[f.recent.size() - static_cast<std::size_t>(limit.count)] + limit.window;
    auto out = fail(errc::rate_limited, "Too many reports today; try again later.");
    out.retry_after_seconds = std::max(1.0, static_cast<double>((free_at - now).count()) / 1000.0);
    return out;
  }
  return std::nullopt;
}

} // namespace mm::domain
