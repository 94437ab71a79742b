#include "domain/error.hpp"

#include <stdexcept>

namespace mm::domain {

std::string_view code_name(errc code) {
  switch (code) {
  case errc::validation_failed: return "validation_failed";
  case errc::malformed_json: return "malformed_json";
  case errc::unauthorized: return "unauthorized";
  case errc::forbidden: return "forbidden";
  case errc::not_found: return "not_found";
  case errc::conflict: return "conflict";
  case errc::invitation_expired: return "invitation_expired";
  case errc::invitee_busy: return "invitee_busy";
  case errc::payload_too_large: return "payload_too_large";
  case errc::rate_limited: return "rate_limited";
  case errc::internal: return "internal";
  case errc::unavailable: return "unavailable";
  }
  return "internal";
}

int http_status(errc code) {
  switch (code) {
  case errc::validation_failed:
  case errc::malformed_json: return 400;
  case errc::unauthorized: return 401;
  case errc::forbidden: return 403;
  case errc::not_found: return 404;
  case errc::conflict:
  case errc::invitee_busy: return 409;
  case errc::invitation_expired: return 410;
  case errc::payload_too_large: return 413;
  case errc::rate_limited: return 429;
  case errc::unavailable: return 503;
  case errc::internal: return 500;
  }
  return 500;
}

void throw_exception_from_error(const failure& f, const boost::source_location&) {
  throw std::logic_error("outcome accessed without a value: " + std::string(code_name(f.code)) + ": " + f.message);
}

} // namespace mm::domain
