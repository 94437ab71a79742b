#pragma once
// Expected failures as values: every use case answers `outcome<T>`, a value or a `failure`
// whose code is one of the contract's error codes (API.md, Conventions).
#include <boost/system/result.hpp>

#include <string>
#include <string_view>

namespace mm::domain {

enum class errc {
  validation_failed,
  malformed_json,
  unauthorized,
  forbidden,
  not_found,
  conflict,
  invitation_expired,
  invitee_busy,
  payload_too_large,
  rate_limited,
  internal,
  unavailable, // the database or another dependency is down: 503, try again
};

// The snake_case code of the contract, e.g. "invitee_busy".
std::string_view code_name(errc code);
// The HTTP status the contract gives the code, e.g. 409 for conflict.
int http_status(errc code);

struct failure {
  errc code = errc::internal;
  std::string message;             // a sentence for a person; never internals
  double retry_after_seconds = 0;  // with rate_limited: how long to wait
};

[[noreturn]] void throw_exception_from_error(const failure& f, const boost::source_location& loc);

template <class T>
using outcome = boost::system::result<T, failure>;

inline failure fail(errc code, std::string message) { return failure{code, std::move(message), 0}; }
// validation_failed naming the field first, as every request parser words it: "<field> <why>".
inline failure invalid_field(std::string_view field, std::string_view why) {
  return fail(errc::validation_failed, std::string(field) + " " + std::string(why));
}

} // namespace mm::domain
