// Web Push: the VAPID public key and the caller's push subscriptions (API.md v2).
#include "http/responses.hpp"
#include "http/routes.hpp"
#include "services/push_service.hpp"

#include <array>

namespace mm::http {
namespace {

namespace json = boost::json;
using boost::asio::awaitable;
using services::service_set;

domain::failure push_off() { return domain::fail(domain::errc::unavailable, "Push notifications are turned off on this server."); }

// {publicKey}: null when push is off.
awaitable<net::response> config(service_set& s, call&) {
  const auto* push = s.ctx.push;
  json::value key = nullptr;
  if (push && push->enabled()) key = push->public_key();
  co_return json_response(200, json::object{{"publicKey", key}});
}

awaitable<net::response> subscribe(service_set& s, call& c) {
  if (!s.ctx.push) co_return error_response(push_off());
  auto body = c.json_body();
  if (!body) co_return error_response(body.error());
  auto r = services::parse_push_subscription(*body);
  if (!r) co_return error_response(r.error());
  auto saved = co_await s.ctx.push->subscribe(*c.session, std::move(*r));
  if (!saved) co_return error_response(saved.error());
  co_return json_response(saved->replaced ? 200 : 201,
                          json::object{{"subscription", services::push_subscription_json(saved->subscription)}});
}

awaitable<net::response> list(service_set& s, call& c) {
  json::array out;
  if (s.ctx.push)
    for (const auto& sub : co_await s.ctx.push->list(c.user_id())) out.push_back(services::push_subscription_json(sub));
  co_return json_response(200, json::object{{"subscriptions", std::move(out)}});
}

awaitable<net::response> remove(service_set& s, call& c) {
  if (!s.ctx.push) co_return error_response(domain::fail(domain::errc::not_found, "No push subscription with that id."));
  auto done = co_await s.ctx.push->remove(c.user_id(), c.param("id"));
  if (!done) co_return error_response(done.error());
  co_return no_content();
}

constexpr std::array routes{
    route{"GET", "/api/push/config", true, config},
    route{"POST", "/api/push/subscriptions", true, subscribe},
    route{"GET", "/api/push/subscriptions", true, list},
    route{"DELETE", "/api/push/subscriptions/:id", true, remove},
};

} // namespace

std::span<const route> push_routes() { return routes; }

} // namespace mm::http
