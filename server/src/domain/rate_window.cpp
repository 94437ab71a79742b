#include "domain/rate_window.hpp"

#include <algorithm>

namespace mm::domain {

std::optional<failure> check_rate(std::span<const time_point> recent, const rate_window& limit, time_point now,
                                  std::string message) {
  if (limit.count <= 0) return std::nullopt;
  const auto since = now - limit.window;
  const auto first = std::find_if(recent.begin(), recent.end(), [&](time_point t) { return t > since; });
  const auto in_window = static_cast<std::size_t>(recent.end() - first);
  const auto max = static_cast<std::size_t>(limit.count);
  if (in_window < max) return std::nullopt;
  // The next action fits once the oldest of the last `count` leaves the window.
  const auto free_at = *(recent.end() - static_cast<std::ptrdiff_t>(max)) + limit.window;
  auto out = fail(errc::rate_limited, std::move(message));
  out.retry_after_seconds = std::max(1.0, static_cast<double>((free_at - now).count()) / 1000.0);
  return out;
}

} // namespace mm::domain
