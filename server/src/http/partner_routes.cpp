// Partners to invite.
#include "http/responses.hpp"
#include "http/routes.hpp"
#include "services/views.hpp"

#include <array>

namespace mm::http {
namespace {

namespace json = boost::json;
using boost::asio::awaitable;
using services::service_set;

awaitable<net::response> available_users(service_set& s, call& c) {
  auto limit = c.query_int("limit", 20, 1, 100);
  if (!limit) co_return error_response(limit.error());
  services::partner_query q{c.query("topic"), c.query("level"), c.query("q"), *limit, c.query("cursor")};
  auto page = co_await s.partners.list(c.user_id(), std::move(q));
  if (!page) co_return error_response(page.error());
  json::array users;
  for (const auto& p : page->partners) users.push_back(services::partner_json(p));
  co_return json_response(200, json::object{{"users", std::move(users)},
                                            {"nextCursor", page->next_cursor ? json::value(*page->next_cursor) : nullptr}});
}

constexpr std::array routes{
    route{"GET", "/api/users/available", true, available_users},
};

} // namespace

std::span<const route> partner_routes() { return routes; }

} // namespace mm::http
