#include "push/delivery.hpp"

#include <algorithm>
#include <array>
#include <charconv>

namespace mm::push {

std::string_view name(delivery d) {
  switch (d) {
  case delivery::delivered: return "delivered";
  case delivery::gone: return "gone";
  case delivery::too_large: return "too_large";
  case delivery::rejected: return "rejected";
  case delivery::redirected: return "redirected";
  case delivery::refused: return "refused";
  case delivery::tls_failed: return "tls_failed";
  case delivery::failed: return "failed";
  case delivery::dropped: return "dropped";
  }
  return "failed";
}

std::optional<delivery> classify_status(unsigned status) {
  if (status == 200 || status == 201 || status == 202) return delivery::delivered;
  if (status == 404 || status == 410) return delivery::gone;
  if (status == 413) return delivery::too_large;
  if (status == 429 || status >= 500) return std::nullopt;
  if (status >= 300 && status < 400) return delivery::redirected;
  if (status >= 400) return delivery::rejected;
  if (status >= 200) return delivery::delivered; // another 2xx: accepted
  return std::nullopt;                           // 1xx as a final answer: broken, try again
}

namespace {

bool digits(std::string_view s, int& out) {
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && end == s.data() + s.size() && !s.empty();
}

// IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT".
std::optional<domain::time_point> parse_imf_fixdate(std::string_view s) {
  using namespace std::chrono;
  static constexpr std::array<std::string_view, 7> days{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  static constexpr std::array<std::string_view, 12> months{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                           "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  if (s.size() != 29 || s.substr(3, 2) != ", " || s[7] != ' ' || s[11] != ' ' || s[16] != ' ' || s[19] != ':' ||
      s[22] != ':' || s.substr(25) != " GMT")
    return std::nullopt;
  if (std::find(days.begin(), days.end(), s.substr(0, 3)) == days.end()) return std::nullopt;
  const auto m = std::find(months.begin(), months.end(), s.substr(8, 3));
  int d = 0, y = 0, h = 0, mi = 0, sec = 0;
  if (m == months.end() || !digits(s.substr(5, 2), d) || !digits(s.substr(12, 4), y) || !digits(s.substr(17, 2), h) ||
      !digits(s.substr(20, 2), mi) || !digits(s.substr(23, 2), sec))
    return std::nullopt;
  const year_month_day ymd{year{y}, month{static_cast<unsigned>(m - months.begin() + 1)}, day{static_cast<unsigned>(d)}};
  if (!ymd.ok() || h > 23 || mi > 59 || sec > 60) return std::nullopt;
  return time_point_cast<milliseconds>(sys_days{ymd} + hours{h} + minutes{mi} + seconds{sec});
}

} // namespace

std::optional<std::chrono::seconds> parse_retry_after(std::string_view value, domain::time_point now) {
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
  if (!value.empty() && value.size() <= 9 && std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    int n = 0;
    if (digits(value, n)) return std::chrono::seconds{n};
  }
  const auto date = parse_imf_fixdate(value);
  if (!date) return std::nullopt;
  if (*date <= now) return std::chrono::seconds{0};
  return std::chrono::ceil<std::chrono::seconds>(*date - now);
}

std::optional<std::chrono::milliseconds> next_retry_delay(const retry_policy& policy, int attempts,
                                                           std::optional<std::chrono::seconds> retry_after,
                                                           domain::time_point now, domain::time_point deadline) {
  if (attempts >= policy.max_attempts) return std::nullopt;
  std::chrono::milliseconds wait = policy.first_backoff * (1 << std::min(attempts - 1, 16));
  if (retry_after) wait = *retry_after;
  if (now + wait > deadline) return std::nullopt;
  return wait;
}

} // namespace mm::push
