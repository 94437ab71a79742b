// Accounts and sessions: register, log in, log out.
#include "http/responses.hpp"
#include "http/routes.hpp"
#include "services/views.hpp"

#include <array>

namespace mm::http {
namespace {

namespace json = boost::json;
using boost::asio::awaitable;
using services::service_set;

constexpr std::int64_t cookie_max_age = 30LL * 24 * 3600;

net::response signed_in(int status, const services::signed_in& s, const call& c) {
  auto r = json_response(status, json::object{{"user", services::user_json(s.user, true)}, {"token", s.token}});
  r.headers.push_back({"Set-Cookie", "mm_session=" + s.token + "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" +
                                         std::to_string(cookie_max_age) + (c.req.secure ? "; Secure" : "")});
  return r;
}

awaitable<net::response> register_user(service_set& s, call& c) {
  auto body = c.json_body();
  if (!body) co_return error_response(body.error());
  auto r = services::parse_register(*body);
  if (!r) co_return error_response(r.error());
  auto result = co_await s.auth.register_user(std::move(r->email), std::move(r->password), std::move(r->name));
  if (!result) co_return error_response(result.error());
  co_return signed_in(201, *result, c);
}

awaitable<net::response> login(service_set& s, call& c) {
  auto body = c.json_body();
  if (!body) co_return error_response(body.error());
  auto r = services::parse_login(*body);
  if (!r) co_return error_response(r.error());
  auto result = co_await s.auth.login(std::move(r->email), std::move(r->password));
  if (!result) co_return error_response(result.error());
  co_return signed_in(200, *result, c);
}

awaitable<net::response> logout(service_set& s, call& c) {
  co_await s.auth.logout(*c.session);
  auto r = no_content();
  r.headers.push_back({"Set-Cookie", std::string("mm_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0") +
                                         (c.req.secure ? "; Secure" : "")});
  co_return r;
}

constexpr std::array routes{
    route{"POST", "/api/auth/register", false, register_user},
    route{"POST", "/api/auth/login", false, login},
    route{"POST", "/api/auth/logout", true, logout},
};

} // namespace

std::span<const route> auth_routes() { return routes; }

} // namespace mm::http
