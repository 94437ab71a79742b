#pragma once
// IANA time zone names, checked against the system's zoneinfo database, and their standard UTC
// offsets (for the match score), read from the POSIX TZ string at the end of each TZif file.
#include <optional>
#include <string>
#include <string_view>

namespace mm::services {

class timezone_db {
public:
  explicit timezone_db(std::string dir) : dir_(std::move(dir)) {}
  bool valid(std::string_view name) const;
  // Standard offset east of UTC in minutes; nullopt for an unknown zone.
  std::optional<int> offset_minutes(std::string_view name) const;

private:
  std::string dir_;
};

// The standard offset of a POSIX TZ string such as "CET-1CEST,M3.5.0,M10.5.0/3" (+60) or
// "<-03>3" (-180); nullopt when it does not parse.
std::optional<int> posix_tz_offset(std::string_view tz);

} // namespace mm::services
