// Invitations, interviews, feedback and statistics.
#include "http/responses.hpp"
#include "http/routes.hpp"
#include "services/views.hpp"
#include "services/workspace_views.hpp"

#include <array>

namespace mm::http {
namespace {

namespace json = boost::json;
using boost::asio::awaitable;
using services::service_set;

net::response interview_response(int status, services::service_set& s, const domain::interview& iv) {
  return json_response(status, json::object{{"interview", services::interview_json(iv, s.ctx.clock.now())}});
}

awaitable<net::response> send(service_set& s, call& c) {
  auto body = c.json_body();
  if (!body) co_return error_response(body.error());
  auto r = services::parse_invitation(*body);
  if (!r) co_return error_response(r.error());
  auto sent = co_await s.invitations.send(c.user_id(), std::move(*r));
  if (!sent) co_return error_response(sent.error());
  co_return json_response(sent->met ? 200 : 201, json::object{{"interview", services::interview_json(sent->iv, s.ctx.clock.now())},
                                                              {"inviteeOnline", sent->invitee_online}});
}

awaitable<net::response> accept(service_set& s, call& c) {
  auto result = co_await s.invitations.answer(c.user_id(), c.param("roomId"), true);
  if (!result) co_return error_response(result.error());
  co_return interview_response(200, s, *result);
}

awaitable<net::response> reject(service_set& s, call& c) {
  auto result = co_await s.invitations.answer(c.user_id(), c.param("roomId"), false);
  if (!result) co_return error_response(result.error());
  co_return interview_response(200, s, *result);
}

awaitable<net::response> cancel(service_set& s, call& c) {
  auto result = co_await s.invitations.cancel(c.user_id(), c.param("roomId"));
  if (!result) co_return error_response(result.error());
  co_return interview_response(200, s, *result);
}

awaitable<net::response> complete(service_set& s, call& c) {
  auto result = co_await s.rooms.complete(c.user_id(), c.param("roomId"));
  if (!result) co_return error_response(result.error());
  co_return interview_response(200, s, *result);
}

awaitable<net::response> list(service_set& s, call& c) {
  auto limit = c.query_int("limit", 20, 1, 100);
  if (!limit) co_return error_response(limit.error());
  services::history_query q{c.query("status"), c.query("role"), *limit, c.query("cursor")};
  auto page = co_await s.invitations.history(c.user_id(), std::move(q));
  if (!page) co_return error_response(page.error());
  json::array out;
  const auto now = s.ctx.clock.now();
  for (const auto& iv : page->interviews) out.push_back(services::interview_json(iv, now));
  co_return json_response(200, json::object{{"interviews", std::move(out)},
                                            {"nextCursor", page->next_cursor ? json::value(*page->next_cursor) : nullptr}});
}

awaitable<net::response> detail(service_set& s, call& c) {
  auto d = co_await s.invitations.detail(c.user_id(), c.param("roomId"));
  if (!d) co_return error_response(d.error());
  json::object body{{"interview", services::interview_json(d->iv, s.ctx.clock.now())}};
  if (d->feedback) {
    json::array fb;
    for (const auto& f : *d->feedback) fb.push_back(services::feedback_json(f));
    body["feedback"] = std::move(fb);
  }
  body["workspaces"] = services::workspaces_json(d->workspaces);
  co_return json_response(200, body);
}

// The current round's interviewer sees the hints for that round's questions; the candidate gets
// forbidden.
awaitable<net::response> hints(service_set& s, call& c) {
  auto questions = co_await s.rounds.hints(c.user_id(), c.param("roomId"));
  if (!questions) co_return error_response(questions.error());
  co_return json_response(200, json::object{{"hints", services::hints_json(*questions)}});
}

awaitable<net::response> feedback(service_set& s, call& c) {
  auto body = c.json_body();
  if (!body) co_return error_response(body.error());
  auto r = services::parse_feedback(*body);
  if (!r) co_return error_response(r.error());
  auto saved = co_await s.rooms.add_feedback(c.user_id(), c.param("roomId"), std::move(*r));
  if (!saved) co_return error_response(saved.error());
  co_return json_response(201, json::object{{"feedback", services::feedback_json(*saved)}});
}

awaitable<net::response> stats(service_set& s, call& c) {
  auto result = co_await s.invitations.stats(c.user_id(), c.query("scope").value_or("me"));
  if (!result) co_return error_response(result.error());
  co_return json_response(200, *result);
}

constexpr std::array routes{
    route{"POST", "/api/interviews", true, send},
    route{"GET", "/api/interviews", true, list},
    route{"POST", "/api/interviews/accept/:roomId", true, accept},
    route{"POST", "/api/interviews/reject/:roomId", true, reject},
    route{"POST", "/api/interviews/cancel/:roomId", true, cancel},
    route{"POST", "/api/interviews/complete/:roomId", true, complete},
    route{"GET", "/api/interviews/:roomId", true, detail},
    route{"GET", "/api/interviews/:roomId/hints", true, hints},
    route{"POST", "/api/interviews/:roomId/feedback", true, feedback},
    route{"GET", "/api/stats/invitations", true, stats},
};

} // namespace

std::span<const route> interview_routes() { return routes; }

} // namespace mm::http
