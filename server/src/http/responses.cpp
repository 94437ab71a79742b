#include "http/responses.hpp"

#include "services/views.hpp"

#include <boost/json/serialize.hpp>

#include <cmath>

namespace mm::http {

net::response json_response(int status, const boost::json::value& body) {
  net::response r;
  r.status = status;
  r.body = boost::json::serialize(body);
  r.set("Content-Type", "application/json; charset=utf-8");
  r.set("Cache-Control", "no-store");
  return r;
}

net::response error_response(const domain::failure& f) {
  auto err = services::error_json(f);
  if (f.code != domain::errc::rate_limited) err.erase("retryAfterSeconds");
  auto r = json_response(domain::http_status(f.code), boost::json::object{{"error", std::move(err)}});
  if (f.code == domain::errc::rate_limited)
    r.set("Retry-After", std::to_string(static_cast<long long>(std::ceil(std::max(1.0, f.retry_after_seconds)))));
  if (f.code == domain::errc::unavailable) r.set("Retry-After", "1");
  return r;
}

net::response no_content() {
  net::response r;
  r.status = 204;
  r.set("Cache-Control", "no-store");
  return r;
}

} // namespace mm::http
