#pragma once
// Time as the product sees it: UTC milliseconds since the epoch, and a clock seam so rules and
// services can be tested with a fake clock.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace mm::domain {

using time_point = std::chrono::sys_time<std::chrono::milliseconds>;
using std::chrono::milliseconds;

class clock {
public:
  virtual ~clock() = default;
  virtual time_point now() const = 0;
};

// The wall clock, truncated to milliseconds.
class system_clock final : public clock {
public:
  time_point now() const override;
};

// "2026-11-23T19:04:41.123Z"
std::string to_iso8601(time_point t);
// Parses exactly the format to_iso8601 writes; nullopt otherwise.
std::optional<time_point> from_iso8601(std::string_view s);

inline std::int64_t to_millis(time_point t) { return t.time_since_epoch().count(); }
inline time_point from_millis(std::int64_t ms) { return time_point{milliseconds{ms}}; }
inline milliseconds seconds_to_ms(double seconds) {
  return milliseconds{static_cast<std::int64_t>(seconds * 1000.0 + 0.5)};
}

} // namespace mm::domain
