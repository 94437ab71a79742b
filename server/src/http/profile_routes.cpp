// The caller's own account and interview profile.
#include "http/responses.hpp"
#include "http/routes.hpp"
#include "services/views.hpp"

#include <array>

namespace mm::http {
namespace {

namespace json = boost::json;
using boost::asio::awaitable;
using services::service_set;

awaitable<net::response> me(service_set& s, call& c) {
  auto result = co_await s.profiles.me(c.user_id());
  if (!result) co_return error_response(result.error());
  co_return json_response(200, json::object{{"user", services::user_json(result->user, true)},
                                            {"profile", services::profile_json(result->prof)},
                                            {"profileComplete", domain::profile_complete(result->prof)}});
}

awaitable<net::response> put_profile(service_set& s, call& c) {
  auto body = c.json_body();
  if (!body) co_return error_response(body.error());
  auto patch = services::parse_profile_patch(*body);
  if (!patch) co_return error_response(patch.error());
  auto result = co_await s.profiles.update(c.user_id(), std::move(*patch));
  if (!result) co_return error_response(result.error());
  co_return json_response(200, json::object{{"profile", services::profile_json(*result)},
                                            {"profileComplete", domain::profile_complete(*result)}});
}

constexpr std::array routes{
    route{"GET", "/api/me", true, me},
    route{"PUT", "/api/me/profile", true, put_profile},
};

} // namespace

std::span<const route> profile_routes() { return routes; }

} // namespace mm::http
