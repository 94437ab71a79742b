// Blocks and reports (API.md v2, "Blocking, reports, reliability").
#include "http/responses.hpp"
#include "http/routes.hpp"
#include "services/views.hpp"

#include <array>

namespace mm::http {
namespace {

namespace json = boost::json;
using boost::asio::awaitable;
using services::service_set;

// 201 with the new block, 200 when it existed (unchanged).
awaitable<net::response> add_block(service_set& s, call& c) {
  auto body = c.json_body();
  if (!body) co_return error_response(body.error());
  auto r = services::parse_block(*body);
  if (!r) co_return error_response(r.error());
  auto done = co_await s.trust.block(c.user_id(), std::move(*r));
  if (!done) co_return error_response(done.error());
  co_return json_response(done->created ? 201 : 200, json::object{{"block", services::block_json(done->b)}});
}

awaitable<net::response> remove_block(service_set& s, call& c) {
  auto done = co_await s.trust.unblock(c.user_id(), c.param("userId"));
  if (!done) co_return error_response(done.error());
  co_return no_content();
}

awaitable<net::response> list_blocks(service_set& s, call& c) {
  const auto blocks = co_await s.trust.blocks(c.user_id());
  json::array out;
  for (const auto& b : blocks) out.push_back(services::block_json(b));
  co_return json_response(200, json::object{{"blocks", std::move(out)}});
}

awaitable<net::response> add_report(service_set& s, call& c) {
  auto body = c.json_body();
  if (!body) co_return error_response(body.error());
  auto r = services::parse_report(*body);
  if (!r) co_return error_response(r.error());
  auto saved = co_await s.trust.report(c.user_id(), std::move(*r));
  if (!saved) co_return error_response(saved.error());
  co_return json_response(201, json::object{{"report", json::object{{"id", saved->id},
                                                                    {"createdAt", domain::to_iso8601(saved->created_at)}}}});
}

constexpr std::array routes{
    route{"POST", "/api/blocks", true, add_block},
    route{"GET", "/api/blocks", true, list_blocks},
    route{"DELETE", "/api/blocks/:userId", true, remove_block},
    route{"POST", "/api/reports", true, add_report},
};

} // namespace

std::span<const route> trust_routes() { return routes; }

} // namespace mm::http
