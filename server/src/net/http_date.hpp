#pragma once
// The `Date` header of every response (RFC 9110 section 6.6.1: an origin server with a clock
// sends one), in the IMF-fixdate form, e.g. "Sun, 06 Nov 1994 08:49:37 GMT". Pure.
#include <ctime>
#include <string>

namespace mm::net {

std::string http_date(std::time_t seconds_since_epoch);

// http_date of the current second, formatted once per second per thread.
const std::string& http_date_now();

} // namespace mm::net
