// What operators and their tools read: liveness (/healthz) and Prometheus metrics (/metrics).
#include "http/responses.hpp"
#include "http/routes.hpp"
#include "services/views.hpp"

#include <array>

namespace mm::http {
namespace {

namespace json = boost::json;
using boost::asio::awaitable;
using services::service_set;

awaitable<net::response> healthz(service_set& s, call&) {
  const bool ok = co_await s.ctx.executor.run([&] { return s.ctx.db.healthy(); });
  if (!ok) co_return error_response(domain::fail(domain::errc::unavailable, "The database is not answering."));
  co_return json_response(200, json::object{{"status", "ok"}});
}

awaitable<net::response> metrics(service_set& s, call&) {
  net::response r;
  r.body = s.ctx.counters.render();
  r.set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
  r.set("Cache-Control", "no-store");
  co_return r;
}

constexpr std::array routes{
    route{"GET", "/healthz", false, healthz},
    route{"GET", "/metrics", false, metrics},
};

} // namespace

std::span<const route> operations_routes() { return routes; }

} // namespace mm::http
