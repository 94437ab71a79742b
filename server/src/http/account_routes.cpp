// Accounts, profiles, partners, questions, RTC configuration.
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

awaitable<net::response> questions(service_set& s, call& c) {
  store::question_filter filter{c.query("category"), c.query("difficulty"), c.query("q")};
  auto result = co_await s.partners.questions(std::move(filter));
  if (!result) co_return error_response(result.error());
  json::array out;
  for (const auto& q : *result) out.push_back(services::question_json(q));
  co_return json_response(200, json::object{{"questions", std::move(out)}});
}

awaitable<net::response> rtc_config(service_set& s, call& c) {
  co_return json_response(200, json::object{{"iceServers", s.rooms.ice_servers(c.user_id())}});
}

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
    route{"POST", "/api/auth/register", false, register_user},
    route{"POST", "/api/auth/login", false, login},
    route{"POST", "/api/auth/logout", true, logout},
    route{"GET", "/api/me", true, me},
    route{"PUT", "/api/me/profile", true, put_profile},
    route{"GET", "/api/users/available", true, available_users},
    route{"GET", "/api/questions", true, questions},
    route{"GET", "/api/rtc/config", true, rtc_config},
    route{"GET", "/healthz", false, healthz},
    route{"GET", "/metrics", false, metrics},
};

} // namespace

std::span<const route> account_routes() { return routes; }

} // namespace mm::http
