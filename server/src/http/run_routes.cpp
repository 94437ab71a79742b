// Running code (API.md v2, "Running code"): the runtimes, starting a run, and an interview's runs.
#include "http/responses.hpp"
#include "http/routes.hpp"
#include "services/views.hpp"

#include <array>

namespace mm::http {
namespace {

namespace json = boost::json;
using boost::asio::awaitable;
using services::service_set;

awaitable<net::response> runtimes(service_set& s, call&) { co_return json_response(200, co_await s.runs.runtimes()); }

// 202 {run}: queued; run-started and run-finished follow on the participants' sockets.
awaitable<net::response> start(service_set& s, call& c) {
  auto body = c.json_body();
  if (!body) co_return error_response(body.error());
  auto r = services::parse_run(*body);
  if (!r) co_return error_response(r.error());
  auto run = co_await s.runs.start(c.user_id(), c.param("roomId"), std::move(*r));
  if (!run) co_return error_response(run.error());
  co_return json_response(202, json::object{{"run", services::run_json(*run)}});
}

awaitable<net::response> list(service_set& s, call& c) {
  auto runs = co_await s.runs.list(c.user_id(), c.param("roomId"));
  if (!runs) co_return error_response(runs.error());
  json::array out;
  for (const auto& r : *runs) out.push_back(services::run_json(r));
  co_return json_response(200, json::object{{"runs", std::move(out)}});
}

awaitable<net::response> detail(service_set& s, call& c) {
  auto run = co_await s.runs.find(c.user_id(), c.param("roomId"), c.param("runId"));
  if (!run) co_return error_response(run.error());
  co_return json_response(200, json::object{{"run", services::run_json(*run)}});
}

constexpr std::array routes{
    route{"GET", "/api/runtimes", true, runtimes},
    route{"POST", "/api/interviews/:roomId/runs", true, start},
    route{"GET", "/api/interviews/:roomId/runs", true, list},
    route{"GET", "/api/interviews/:roomId/runs/:runId", true, detail},
};

} // namespace

std::span<const route> run_routes() { return routes; }

} // namespace mm::http
