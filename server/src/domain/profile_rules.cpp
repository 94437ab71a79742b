#include "domain/profile_rules.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <set>

namespace mm::domain {

bool profile_complete(const profile& p) {
  return p.target_role && !p.target_role->empty() && p.level && !p.topics.empty();
}

std::size_t utf8_length(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

namespace {
failure invalid(std::string_view field, const std::string& why) {
  return fail(errc::validation_failed, std::string(field) + " " + why);
}
bool has_control(std::string_view s, bool allow_newlines) {
  return std::any_of(s.begin(), s.end(), [&](char c) {
    const auto u = static_cast<unsigned char>(c);
    if (allow_newlines && (c == '\n' || c == '\r' || c == '\t')) return false;
    return u < 0x20 || u == 0x7f;
  });
}
std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}
std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}
} // namespace

std::optional<failure> check_email(std::string_view field, std::string_view email) {
  if (email.size() > limits::email) return invalid(field, "must be at most 254 characters.");
  const auto at = email.find('@');
  const bool shape = at != std::string_view::npos && at > 0 && at + 1 < email.size() &&
                     email.find('@', at + 1) == std::string_view::npos &&
                     email.substr(at + 1).find('.') != std::string_view::npos && email.back() != '.' &&
                     std::none_of(email.begin(), email.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) < 0x20; });
  if (!shape) return invalid(field, "must be an e-mail address like name@example.com.");
  return std::nullopt;
}

std::optional<failure> check_password(std::string_view field, std::string_view password) {
  const auto n = utf8_length(password);
  if (n < limits::password_min || n > limits::password_max) return invalid(field, "must be 8 to 128 characters.");
  return std::nullopt;
}

std::optional<failure> check_text(std::string_view field, std::string_view text, std::size_t min, std::size_t max) {
  const auto n = utf8_length(trim(text));
  if (n < min) return invalid(field, min == 1 ? "must not be empty." : "is too short.");
  if (utf8_length(text) > max) return invalid(field, "must be at most " + std::to_string(max) + " characters.");
  if (has_control(text, field == "bio")) return invalid(field, "must not contain control characters.");
  return std::nullopt;
}

std::optional<failure> check_list(std::string_view field, const std::vector<std::string>& items, std::size_t max_items,
                                  std::size_t max_item) {
  if (items.size() > max_items) return invalid(field, "must have at most " + std::to_string(max_items) + " entries.");
  for (const auto& item : items) {
    if (auto f = check_text(field, item, 1, max_item)) {
      f->message = std::string(field) + " entries must be 1 to " + std::to_string(max_item) + " characters.";
      return f;
    }
  }
  return std::nullopt;
}

std::string normalize_email(std::string_view email) { return lower(trim(email)); }

int match_score(const profile& me, std::optional<int> my_offset, const profile& other, std::optional<int> other_offset) {
  std::set<std::string> mine, theirs;
  for (const auto& t : me.topics) mine.insert(lower(trim(t)));
  for (const auto& t : other.topics) theirs.insert(lower(trim(t)));
  std::size_t common = 0;
  for (const auto& t : mine) common += theirs.count(t);
  const std::size_t all = mine.size() + theirs.size() - common;
  const double topic_part = all == 0 ? 0.0 : 50.0 * static_cast<double>(common) / static_cast<double>(all);

  double level_part = 15.0;
  if (me.level && other.level) {
    const int gap = std::abs(static_cast<int>(*me.level) - static_cast<int>(*other.level));
    level_part = std::max(0.0, 30.0 - 10.0 * gap);
  }

  double zone_part = 10.0;
  if (my_offset && other_offset) {
    int gap = std::abs(*my_offset - *other_offset) % (24 * 60);
    gap = std::min(gap, 24 * 60 - gap);
    zone_part = 20.0 * (1.0 - static_cast<double>(gap) / (12.0 * 60.0));
  }
  return std::clamp(static_cast<int>(std::lround(topic_part + level_part + zone_part)), 0, 100);
}

} // namespace mm::domain
